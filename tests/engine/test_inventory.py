"""Price and stock push end to end against the sandbox pair (real HTTP): changes made in the
Commerce admin reach Walmart, store rules apply, many changes go as one bulk feed with per-item
failures recorded, zeros are re-sent on the full cycle, retries check Walmart first.

All SKUs used here are already the seller's items on Walmart (demo catalog, seed 11) except
CM-00012, which Walmart's catalog knows but the seller has not set up.
"""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

import pytest
from sqlalchemy import func, select

from channelmanager_gui.models.db import Database
from channelmanager_gui.models.listing import MarketplaceFeed, MatchStatus
from channelmanager_gui.models.outbox import OutboxAction
from channelmanager_gui.sandbox.pair import SandboxPair
from channelmanager_gui.services.engine import listings_flow
from channelmanager_gui.services.engine.catalog import import_products, refresh_catalog
from channelmanager_gui.services.engine.engine import SyncEngine
from channelmanager_gui.services.engine.feeds import FeedSubmitHandler, queue_feed
from channelmanager_gui.services.engine.inventory import push_changes, reassert_stock
from channelmanager_gui.services.engine.matching import request_match, run_matching
from channelmanager_gui.services.engine.push import (
    INVENTORY_ACTION,
    PRICE_ACTION,
    InventoryUpdate,
    PriceUpdate,
)
from channelmanager_gui.services.engine.stock import poll_stock
from channelmanager_gui.services.outbox import ActionContext
from tests.engine.conftest import Admin, MakeEngine
from tests.engine.listing_support import events, ids, listing, send_and_finish_feeds, update


async def listed(make_engine: MakeEngine, skus: list[str], **settings: object) -> SyncEngine:
    """An engine whose store has these SKUs imported and matched."""
    engine = await make_engine([listings_flow], settings=settings or None)
    env = engine.env
    store_id = next(iter(env.stores))
    await import_products(env, env.store(store_id), skus=skus)
    request_match(env.db, store_id, ids(env.db, skus))
    await run_matching(env, env.store(store_id))
    return engine


def on_walmart(admin: Admin, sku: str) -> tuple[int, float]:
    return admin.get(f"/inventory/{sku}")["quantity"], admin.get(f"/prices/{sku}")["price"]


def actions(db: Database, kind: str) -> int:
    with db.session() as session:
        query = select(func.count(OutboxAction.id)).where(OutboxAction.kind == kind)
        return int(session.scalar(query) or 0)


async def test_price_and_stock_changes_in_commerce_reach_walmart(
    make_engine: MakeEngine,
    engine_db: Database,
    store_id: int,
    commerce_admin: Admin,
    walmart_admin: Admin,
) -> None:
    engine = await listed(make_engine, ["CM-00010", "CM-00015"])
    env, store = engine.env, engine.env.store(store_id)
    counts = await push_changes(env, store)
    assert (counts["qty_single"], counts["price_single"], counts["qty_feed"]) == (2, 2, 0)
    await send_and_finish_feeds(engine, store_id)
    assert on_walmart(walmart_admin, "CM-00010") == (12, 13.11)

    commerce_admin.put("/products/CM-00010", {"price": 19.99, "qty": 7})
    await refresh_catalog(env, store)
    await poll_stock(env, store)
    counts = await push_changes(env, store)
    assert (counts["qty_single"], counts["price_single"]) == (1, 1)
    await send_and_finish_feeds(engine, store_id)
    assert on_walmart(walmart_admin, "CM-00010") == (7, 19.99)
    pushed = listing(engine_db, "CM-00010")
    assert (pushed.last_qty_sent, pushed.last_price_sent) == (7, Decimal("19.99"))
    assert pushed.qty_queued is None and pushed.qty_sent_at and pushed.sync_error is None
    assert ("stock_sent", "ok") in events(engine_db, pushed.id)

    counts = await push_changes(env, store)
    assert (counts["qty_single"], counts["price_single"]) == (0, 0)


async def test_safety_buffer_and_price_adjustment(
    make_engine: MakeEngine, store_id: int, walmart_admin: Admin
) -> None:
    skus = ["CM-00013", "CM-00068", "CM-00077"]  # salable 8, 9, 13
    engine = await listed(make_engine, skus, safety_buffer=10, price_adjustment_pct=10)
    await push_changes(engine.env, engine.env.store(store_id))
    await send_and_finish_feeds(engine, store_id)
    assert on_walmart(walmart_admin, "CM-00013") == (0, 44.19)  # 40.17 × 1.10 = 44.187
    assert on_walmart(walmart_admin, "CM-00068") == (0, 29.05)  # 26.41 × 1.10 = 29.051
    assert on_walmart(walmart_admin, "CM-00077") == (3, 45.32)  # 41.20 × 1.10


async def test_listing_rules_decide_the_stock_and_price_walmart_gets(
    make_engine: MakeEngine, store_id: int, walmart_admin: Admin
) -> None:
    skus = ["CM-00013", "CM-00068", "CM-00077"]  # salable 8, 9, 13
    rules = {
        "out_of_stock_threshold": 8,
        "max_quantity": 10,
        "price_rules": [
            {"name": "pattern", "amount": "0.50", "by": "fixed", "priority": 3,
             "scope": "pattern", "pattern": "CM-0006?"},
            {"name": "all", "amount": "10", "priority": 1},
            {"name": "one SKU", "action": "decrease", "by": "fixed", "amount": "5", "priority": 2,
             "scope": "skus", "skus": ["CM-00077"], "stop_further": True},
            {"name": "too far", "action": "decrease", "by": "fixed", "amount": "100",
             "priority": 4, "scope": "skus", "skus": ["CM-00013"]},
        ],
    }  # fmt: skip
    engine = await listed(make_engine, skus, listing_rules=rules)
    env, store = engine.env, engine.env.store(store_id)
    before = on_walmart(walmart_admin, "CM-00013")[1]
    counts = await push_changes(env, store)
    assert (counts["qty_single"], counts["price_single"]) == (3, 2)  # CM-00013's is refused
    await send_and_finish_feeds(engine, store_id)
    assert on_walmart(walmart_admin, "CM-00013") == (0, before)  # 8 ≤ threshold; 44.19 − 100
    assert on_walmart(walmart_admin, "CM-00068") == (9, 29.55)  # 26.41 × 1.10 + 0.50 = 29.551
    assert on_walmart(walmart_admin, "CM-00077") == (10, 40.32)  # capped; 41.20 × 1.10 − 5
    counts = await push_changes(env, store)  # the SQL filter agrees: nothing left to send
    assert (counts["qty_single"], counts["price_single"]) == (0, 0)


async def test_many_changes_go_as_one_bulk_feed_with_per_item_failures(
    make_engine: MakeEngine, engine_db: Database, store_id: int, walmart_admin: Admin
) -> None:
    good = ["CM-00023", "CM-00024", "CM-00025", "CM-00030", "CM-00031"]
    engine = await listed(make_engine, good, single_update_limit=3, stock_single_limit=0)
    env, store = engine.env, engine.env.store(store_id)
    await import_products(env, store, skus=["CM-00012"])
    # As if matched earlier and then removed on Walmart: Walmart refuses it in the feed.
    update(engine_db, "CM-00012", lambda lst: setattr(lst, "match_status", MatchStatus.MATCHED))

    counts = await push_changes(env, store)
    assert (counts["qty_feed"], counts["price_feed"], counts["qty_single"]) == (6, 6, 0)
    assert actions(engine_db, "walmart.feed") == 2
    await send_and_finish_feeds(engine, store_id)

    assert on_walmart(walmart_admin, "CM-00023") == (225, 69.98)
    assert on_walmart(walmart_admin, "CM-00031")[0] == 156
    for sku in good:
        assert listing(engine_db, sku).last_qty_sent is not None
    bad = listing(engine_db, "CM-00012")
    assert bad.last_qty_sent is None and bad.qty_queued == 146  # the refused value
    assert "not set up" in (bad.sync_error or "")
    assert {("stock_error", "error"), ("price_error", "error")} <= set(events(engine_db, bad.id))
    with engine_db.session() as session:
        feeds = list(session.scalars(select(MarketplaceFeed)))
    assert [(f.items_succeeded, f.items_failed) for f in feeds] == [(5, 1), (5, 1)]

    counts = await push_changes(env, store)  # a refused value is not resent every pass
    assert (counts["qty_feed"], counts["qty_single"], counts["price_single"]) == (0, 0, 0)


async def test_stock_goes_as_single_updates_urgent_first_and_only_the_rest_in_a_feed(
    make_engine: MakeEngine, engine_db: Database, store_id: int, walmart_admin: Admin
) -> None:
    """A feed takes minutes and ten an hour; single stock updates 200 a minute (issue 19: a
    flash sale's reservations made the merchant's own stock change ride a feed)."""
    skus = ["CM-00023", "CM-00024", "CM-00043", "CM-00117", "CM-00025"]  # 00043, 00117: 0
    engine = await listed(make_engine, skus, stock_single_limit=2)
    env, store = engine.env, engine.env.store(store_id)
    counts = await push_changes(env, store)
    assert (counts["qty_single"], counts["qty_feed"]) == (2, 3)
    with engine_db.session() as session:
        query = select(OutboxAction.payload).where(OutboxAction.kind == INVENTORY_ACTION)
        assert {p["sku"] for p in session.scalars(query)} == {"CM-00043", "CM-00117"}  # zeros

    await import_products(env, store, skus=["CM-00030"])
    request_match(env.db, store_id, ids(env.db, ["CM-00030"]))
    await run_matching(env, store)
    counts = await push_changes(env, store)  # two singles still wait: the new one waits too
    assert (counts["qty_single"], counts["qty_feed"]) == (0, 0)
    assert await engine.worker.drain(timeout=15)
    counts = await push_changes(env, store)  # room again: a single update, not a feed
    assert (counts["qty_single"], counts["qty_feed"]) == (1, 0)

    await send_and_finish_feeds(engine, store_id)
    commerce_qty = {s: listing(engine_db, s).qty for s in [*skus, "CM-00030"]}
    assert {s: on_walmart(walmart_admin, s)[0] for s in commerce_qty} == commerce_qty


async def test_a_new_value_does_not_wait_for_an_open_feed_and_wins_over_it(
    make_engine: MakeEngine,
    engine_db: Database,
    store_id: int,
    sandbox_pair: SandboxPair,
    commerce_admin: Admin,
    walmart_admin: Admin,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Walmart takes minutes to process a feed: a stock change made meanwhile goes at once,
    and when the feed's older value lands after it, the new one goes again at once."""
    monkeypatch.setattr(sandbox_pair.walmart.state.feeds, "delay", 3.0)
    skus = ["CM-00023", "CM-00043", "CM-00117"]  # 00043, 00117 salable 0: the most urgent
    engine = await listed(make_engine, skus, stock_single_limit=1)
    env, store = engine.env, engine.env.store(store_id)
    counts = await push_changes(env, store)
    assert (counts["qty_single"], counts["qty_feed"]) == (1, 2)  # CM-00023 in a feed
    assert await engine.worker.drain(timeout=15)  # the feed is out, processed in 3 s

    commerce_admin.put("/products/CM-00023", {"qty": 4})
    await poll_stock(env, store)
    counts = await push_changes(env, store)
    assert (counts["qty_single"], counts["qty_feed"]) == (1, 0)
    assert await engine.worker.drain(timeout=15)
    assert on_walmart(walmart_admin, "CM-00023")[0] == 4

    await send_and_finish_feeds(engine, store_id)  # the feed's 225 lands after the 4
    assert await engine.worker.drain(timeout=15)  # no pass needed: the 4 went again
    assert on_walmart(walmart_admin, "CM-00023")[0] == 4
    assert listing(engine_db, "CM-00023").last_qty_sent == 4


async def test_the_full_cycle_resends_unchanged_values_in_a_feed_and_changes_singly(
    make_engine: MakeEngine, store_id: int, commerce_admin: Admin, walmart_admin: Admin
) -> None:
    """Re-sent values go in a feed once there are many: as single updates they would hold a
    merchant's change behind them in Walmart's pacing every cycle."""
    skus = ["CM-00023", "CM-00024", "CM-00025", "CM-00030"]
    engine = await listed(make_engine, skus, single_update_limit=2)
    env, store = engine.env, engine.env.store(store_id)
    assert (await push_changes(env, store))["qty_single"] == 4  # changes: all single
    await send_and_finish_feeds(engine, store_id)

    commerce_admin.put("/products/CM-00024", {"qty": 3})
    counts = await reassert_stock(env, store)
    assert (counts["qty_single"], counts["qty_feed"]) == (1, 3)
    await send_and_finish_feeds(engine, store_id)
    assert on_walmart(walmart_admin, "CM-00024")[0] == 3


async def test_full_cycle_resends_zeros_and_disabled_products_show_zero(
    make_engine: MakeEngine, engine_db: Database, store_id: int, walmart_admin: Admin
) -> None:
    skus = ["CM-00043", "CM-00117", "CM-00114"]  # salable 0, 0; CM-00114 is disabled
    engine = await listed(make_engine, skus)
    env, store = engine.env, engine.env.store(store_id)
    await push_changes(env, store)
    await send_and_finish_feeds(engine, store_id)
    assert [on_walmart(walmart_admin, s)[0] for s in skus] == [0, 0, 0]

    await store.walmart.update_inventory("CM-00043", 5)  # Walmart's stock went stale
    counts = await push_changes(env, store)
    assert counts["qty_single"] == 0  # nothing changed on our side
    counts = await reassert_stock(env, store)
    assert counts["qty_single"] == 3
    await send_and_finish_feeds(engine, store_id)
    assert on_walmart(walmart_admin, "CM-00043")[0] == 0


async def test_retries_check_walmart_first_and_never_submit_a_feed_twice(
    make_engine: MakeEngine, engine_db: Database, store_id: int, walmart_admin: Admin
) -> None:
    engine = await listed(make_engine, ["CM-00032"])
    env = engine.env
    listing_id = ids(engine_db, ["CM-00032"])[0]
    qty, price = on_walmart(walmart_admin, "CM-00032")
    ctx = ActionContext(action_id=0, store_id=store_id, kind=INVENTORY_ACTION,
                        subject_type="listing", subject_id=listing_id,
                        payload={"sku": "CM-00032", "value": qty}, attempt=2)  # fmt: skip
    puts = walmart_admin.get("/stats")["requests"].get("PUT /v3/inventory", 0)
    assert await InventoryUpdate(env).send(ctx) == {"value": qty, "checked": True}
    assert walmart_admin.get("/stats")["requests"].get("PUT /v3/inventory", 0) == puts
    changed = replace(ctx, payload={"sku": "CM-00032", "value": qty + 1})
    assert await InventoryUpdate(env).send(changed) == {"value": qty + 1}
    assert on_walmart(walmart_admin, "CM-00032")[0] == qty + 1
    priced = replace(ctx, kind=PRICE_ACTION, payload={"sku": "CM-00032", "value": price})
    assert (await PriceUpdate(env).send(priced) or {}).get("checked") is True

    with engine_db.session() as session:
        feed = queue_feed(session, store_id, "inventory",
                          [{"listing_id": listing_id, "sku": "CM-00032", "value": 4}])  # fmt: skip
        feed_row = feed.id
    feeds_before = walmart_admin.get("/stats")["feeds"]
    assert await engine.worker.drain(timeout=10)
    assert walmart_admin.get("/stats")["feeds"] == feeds_before + 1
    with engine_db.session() as session:
        recorded = session.get_one(MarketplaceFeed, feed_row).feed_id
    retry = replace(ctx, kind="walmart.feed", subject_type="feed", subject_id=feed_row)
    assert await FeedSubmitHandler(env).send(retry) == {"feed_id": recorded, "resumed": True}
    assert walmart_admin.get("/stats")["feeds"] == feeds_before + 1


async def test_sync_once_takes_a_commerce_change_to_walmart(
    make_engine: MakeEngine, store_id: int, commerce_admin: Admin, walmart_admin: Admin
) -> None:
    engine = await listed(make_engine, ["CM-00033", "CM-00037"])
    assert (await engine.run_once(drain_timeout=20)).ok
    commerce_admin.put("/products/CM-00033", {"qty": 2, "price": 5.55})
    summary = await engine.run_once(drain_timeout=20)
    assert summary.ok, summary
    assert on_walmart(walmart_admin, "CM-00033") == (2, 5.55)


async def test_a_refused_single_update_does_not_stop_the_others(
    make_engine: MakeEngine, engine_db: Database, store_id: int, walmart_admin: Admin
) -> None:
    engine = await listed(make_engine, ["CM-00039"])
    env, store = engine.env, engine.env.store(store_id)
    await import_products(env, store, skus=["CM-00014"])  # not set up on Walmart
    update(engine_db, "CM-00014", lambda lst: setattr(lst, "match_status", MatchStatus.MATCHED))
    counts = await push_changes(env, store)
    assert (counts["qty_single"], counts["price_single"]) == (2, 2)
    assert await engine.worker.drain(timeout=10)

    assert on_walmart(walmart_admin, "CM-00039") == (147, 49.86)
    refused = listing(engine_db, "CM-00014")
    assert refused.sync_error and refused.sync_error.startswith(("Stock:", "Price:"))
    assert (refused.last_qty_sent, refused.qty_queued) == (None, 87)
    with engine_db.session() as session:
        statuses = set(session.scalars(select(OutboxAction.status)))
    assert statuses == {"done"}  # refusals are outcomes: nothing blocks the listing's queue


async def test_pushes_survive_walmart_errors_and_dropped_answers(
    make_engine: MakeEngine,
    engine_db: Database,
    store_id: int,
    walmart_admin: Admin,
    commerce_admin: Admin,
) -> None:
    skus = ["CM-00046", "CM-00048", "CM-00049", "CM-00052"]
    engine = await listed(make_engine, skus, single_update_limit=2, stock_single_limit=1)
    env, store = engine.env, engine.env.store(store_id)
    walmart_admin.faults(error_rate=0.25, drop_rate=0.25, seed=7)
    try:
        await push_changes(env, store)  # prices in a bulk feed; stock 1 single, 3 in a feed
        await send_and_finish_feeds(engine, store_id, timeout=30)
        commerce_admin.put("/products/CM-00048", {"qty": 1, "price": 2.5})
        await refresh_catalog(env, store)
        await poll_stock(env, store)
        assert (await push_changes(env, store))["qty_single"] == 1
        await send_and_finish_feeds(engine, store_id, timeout=30)
    finally:
        walmart_admin.faults(error_rate=0, drop_rate=0)
    assert on_walmart(walmart_admin, "CM-00048") == (1, 2.5)
    assert on_walmart(walmart_admin, "CM-00052") == (78, 97.15)
    for sku in skus:
        row = listing(engine_db, sku)
        assert row.sync_error is None and row.last_qty_sent is not None, sku
    with engine_db.session() as session:
        assert set(session.scalars(select(OutboxAction.status))) == {"done"}
