"""Stock and price to Amazon against the sandboxes over HTTP (reference §4.2, §4.6, §8.6):
a Commerce stock change reaches Walmart and Amazon (each by its account's listing rules), one
SKU goes as patchListingsItem and many as one JSON_LISTINGS_FEED with a second push waiting for
it, and an accepted value counts as in step only once Amazon shows it (the sandbox applies a
change ``listing_seconds`` = 5 s of its clock after ACCEPTED).
"""

from __future__ import annotations

from datetime import timedelta
from decimal import ROUND_HALF_UP, Decimal
from types import ModuleType

from sqlalchemy import select

from channelmanager_gui.models.base import utcnow
from channelmanager_gui.models.db import Database
from channelmanager_gui.models.listing import FeedState, Listing, MarketplaceFeed
from channelmanager_gui.sandbox.amazon import AmazonSandbox
from channelmanager_gui.sandbox.seed import demo_catalog
from channelmanager_gui.services.engine import listings_flow
from channelmanager_gui.services.engine.amazon_listings import refresh_amazon_listings
from channelmanager_gui.services.engine.amazon_push import push_amazon
from channelmanager_gui.services.engine.catalog import import_products, refresh_catalog
from channelmanager_gui.services.engine.engine import SyncEngine
from channelmanager_gui.services.engine.inventory import push_changes
from channelmanager_gui.services.engine.matching import request_match, run_matching
from channelmanager_gui.services.engine.stock import poll_stock
from tests.engine.amazon.conftest import US, MakeAmazonEngine, amazon_row, walmart_row
from tests.engine.conftest import SEED, Admin
from tests.engine.listing_support import events
from tests.services.amazon.against_sandbox.conftest import Admin as AmazonAdmin


def listed_skus(n: int) -> list[str]:
    """Products listed on Walmart and Amazon, in stock, enabled, merchant-fulfilled, no issue."""
    found = []
    for k, p in enumerate(demo_catalog(SEED, 120)):
        if p.on_walmart and p.walmart_candidates == 1 and p.qty > 5 and p.enabled \
                and k % 13 != 4 and k % 41 != 9 and k % 17 != 3:  # fmt: skip
            found.append(p.sku)
    return found[:n]


async def amazon_ready(
    make: MakeAmazonEngine, admin: AmazonAdmin, skus: list[str],
    flows: list[ModuleType] | None = None, **account: object,
) -> SyncEngine:  # fmt: skip
    """An engine whose store has ``skus`` imported, matched on Walmart, read from Amazon's
    listings report, and in step on both (a few demo products' Commerce stock differs from
    what Amazon shows: those are pushed and confirmed first, so a test starts from zero)."""
    engine = await make(flows or [listings_flow], **account)
    env = engine.env
    store = next(iter(env.stores.values()))
    await import_products(env, store, skus=skus)
    with env.db.session() as session:
        query = select(Listing.id).where(Listing.sku.in_(skus), Listing.marketplace == "walmart")
        walmart = list(session.scalars(query))
    request_match(env.db, store.id, walmart)
    await run_matching(env, store)
    await refresh_amazon_listings(env, store)
    for _ in range(3):
        await push_changes(env, store)
        await push_amazon(env, store)
        assert await engine.worker.drain(timeout=30)
        admin.advance(60)
    await push_amazon(env, store)
    with env.db.session() as session:
        waiting = select(Listing.sku).where(Listing.qty_queued.is_not(None)
                                            | Listing.price_queued.is_not(None))  # fmt: skip
        assert list(session.scalars(waiting)) == []
    return engine


async def test_a_pass_with_nothing_to_push_announces_no_change(
    make_amazon_engine: MakeAmazonEngine, amazon_admin: AmazonAdmin
) -> None:
    """Its zero counts (no feed open, none done) announced listings, outbox and activity every
    30 s: the window re-read its pages at each (bench.idle --app)."""
    engine = await amazon_ready(make_amazon_engine, amazon_admin, listed_skus(2))
    env = engine.env
    announced: list[object] = []
    env.changes.subscribe(announced.append)
    counts = await push_amazon(env, next(iter(env.stores.values())))
    assert not any(counts.values())
    assert announced == []


def on_amazon(sandbox: AmazonSandbox, sku: str) -> tuple[int, Decimal | None]:
    listing = sandbox.state.listings.get(US, sku)
    assert listing is not None
    return listing.quantity, listing.price


async def test_a_commerce_stock_change_reaches_walmart_and_amazon(
    make_amazon_engine: MakeAmazonEngine, engine_db: Database, commerce_admin: Admin,
    walmart_admin: Admin, amazon_admin: AmazonAdmin, amazon_sandbox: AmazonSandbox,
) -> None:  # fmt: skip
    (sku,) = listed_skus(1)
    # The Amazon account's own rules: 10 % more for this SKU; Walmart keeps the store's.
    rule = {"name": "Amazon fees", "scope": "skus", "skus": [sku], "action": "increase",
            "by": "percent", "amount": "10"}  # fmt: skip
    engine = await amazon_ready(make_amazon_engine, amazon_admin, [sku],
                                listing_rules={"price_rules": [rule]})  # fmt: skip
    env = engine.env
    store = next(iter(env.stores.values()))
    row = amazon_row(engine_db, sku)
    price = (row.price * Decimal("1.10")).quantize(Decimal("0.01"), ROUND_HALF_UP)  # type: ignore[operator]
    assert on_amazon(amazon_sandbox, sku)[1] == price
    assert walmart_admin.get(f"/prices/{sku}")["price"] == float(row.price)  # type: ignore[arg-type]

    commerce_admin.put(f"/products/{sku}", {"qty": 9})
    await poll_stock(env, store)
    assert (await push_changes(env, store))["qty_single"] == 1
    assert (await push_amazon(env, store))["stock_single"] == 1  # one SKU: patchListingsItem
    assert await engine.worker.drain(timeout=30)

    assert walmart_admin.get(f"/inventory/{sku}")["quantity"] == 9
    row = amazon_row(engine_db, sku)
    assert (row.qty_queued, row.last_qty_sent) != (None, 9)  # accepted, not applied yet
    assert row.qty_queued == 9
    assert "quantity 9 on the way to Amazon, not applied yet" in (row.state_reason or "")
    amazon_admin.advance(6)  # the sandbox applies it 5 s after ACCEPTED (§4.2)
    assert (await push_amazon(env, store))["confirmed"] == 1
    assert on_amazon(amazon_sandbox, sku) == (9, price)
    row = amazon_row(engine_db, sku)
    assert (row.last_qty_sent, row.qty_queued, row.sync_error) == (9, None, None)
    assert "not applied" not in (row.state_reason or "")
    assert walmart_row(engine_db, sku).last_qty_sent == 9
    assert ("stock_sent", "ok") in events(engine_db, row.id)


async def test_accepted_is_not_applied_until_read_back_and_never_applied_is_an_error(
    make_amazon_engine: MakeAmazonEngine, engine_db: Database, commerce_admin: Admin,
    amazon_admin: AmazonAdmin, amazon_sandbox: AmazonSandbox,
) -> None:  # fmt: skip
    first, second = listed_skus(2)
    engine = await amazon_ready(make_amazon_engine, amazon_admin, [first, second])
    env = engine.env
    store = next(iter(env.stores.values()))
    commerce_admin.put(f"/products/{first}", {"price": 31.17})
    await refresh_catalog(env, store)
    assert (await push_amazon(env, store))["price_single"] == 1
    assert await engine.worker.drain(timeout=30)

    counts = await push_amazon(env, store)  # Amazon's clock has not moved: not applied yet
    assert "confirmed" not in counts and "price_single" not in counts  # not queued twice
    row = amazon_row(engine_db, first)
    assert row.price_queued == Decimal("31.17") and row.last_price_sent != Decimal("31.17")
    assert "price 31.17 on the way to Amazon" in (row.state_reason or "")
    amazon_admin.advance(6)
    assert (await push_amazon(env, store))["confirmed"] == 1
    assert amazon_row(engine_db, first).last_price_sent == Decimal("31.17")
    assert on_amazon(amazon_sandbox, first)[1] == Decimal("31.17")

    # A value Amazon accepted and never shows: after the timeout, an error in words.
    commerce_admin.put(f"/products/{second}", {"price": 12.34})
    await refresh_catalog(env, store)
    await push_amazon(env, store)
    assert await engine.worker.drain(timeout=30)
    # Amazon's clock stays: the price never shows. Ours moves past the timeout (120 min).
    env.clock = lambda: utcnow() + timedelta(hours=3)
    counts = await push_amazon(env, store)
    assert counts["never_applied"] == 1
    row = amazon_row(engine_db, second)
    assert row.sync_error and row.sync_error.startswith("Price: Amazon accepted price 12.34")
    assert "never applied" in row.sync_error and row.price_queued == Decimal("12.34")


async def test_many_skus_go_as_one_feed_and_a_second_push_waits(
    make_amazon_engine: MakeAmazonEngine, engine_db: Database, commerce_admin: Admin,
    amazon_admin: AmazonAdmin, amazon_sandbox: AmazonSandbox,
) -> None:  # fmt: skip
    skus = listed_skus(6)
    stocked, priced = skus[:3], skus[3:]
    engine = await amazon_ready(make_amazon_engine, amazon_admin, skus)
    env = engine.env
    store = next(iter(env.stores.values()))
    for sku in stocked:
        commerce_admin.put(f"/products/{sku}", {"qty": 4, "price": 8.88})
    await refresh_catalog(env, store)
    await poll_stock(env, store)

    counts = await push_amazon(env, store)
    assert counts["stock_feed"] == 3 and counts["price_waiting"] == 3  # one feed at a time
    assert await engine.worker.drain(timeout=30)
    for sku in priced:  # other SKUs, while Amazon processes the first feed: they wait too
        commerce_admin.put(f"/products/{sku}", {"price": 7.77})
    await refresh_catalog(env, store)
    counts = await push_amazon(env, store)
    assert counts["feeds_open"] == 1 and counts["price_waiting"] == 3  # the rest is in it
    assert not {"price_feed", "price_single"} & set(counts)
    with engine_db.session() as session:
        query = select(MarketplaceFeed).where(
            MarketplaceFeed.marketplace == "amazon", MarketplaceFeed.status == FeedState.SUBMITTED
        )
        (feed,) = session.scalars(query)  # fmt: skip
        assert len(feed.entries) == 3
    feeds = amazon_admin.stats()["requests"]["createFeed"]

    amazon_admin.advance(60)  # the feed finishes and its changes apply
    counts = await push_amazon(env, store)
    assert counts["feeds_done"] == 1 and counts["price_feed"] == 6
    assert await engine.worker.drain(timeout=30)
    assert amazon_admin.stats()["requests"]["createFeed"] == feeds + 1  # then the second
    amazon_admin.advance(60)
    await push_amazon(env, store)
    await push_amazon(env, store)
    for sku in skus:
        price = Decimal("8.88") if sku in stocked else Decimal("7.77")
        assert on_amazon(amazon_sandbox, sku)[1] == price
        row = amazon_row(engine_db, sku)
        assert row.last_price_sent == price and row.price_queued is None
        if sku in stocked:
            assert on_amazon(amazon_sandbox, sku)[0] == row.last_qty_sent == 4
            assert row.qty_queued is None
