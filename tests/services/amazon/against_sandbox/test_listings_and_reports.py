"""Listings patch, JSON_LISTINGS_FEED, catalog matching and reports, client against sandbox."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal

from channelmanager_gui.sandbox.amazon import AmazonSandbox
from channelmanager_gui.sandbox.seed import demo_catalog
from channelmanager_gui.services.amazon import AmazonClient, MatchVerdict, OfferUpdate
from channelmanager_gui.services.amazon.feeds import JSON_CONTENT
from channelmanager_gui.services.amazon.listings_feed import (
    FEED_TYPE,
    listings_feed,
    parse_listings_report,
)
from channelmanager_gui.services.amazon.report_rows import (
    parse_listings_report as parse_listings_rows,
)
from channelmanager_gui.services.amazon.report_rows import parse_returns_report

from .conftest import US, Admin, SandboxClock


def _skus(sandbox: AmazonSandbox, n: int) -> list[str]:
    return [lst.sku for lst in sandbox.state.listings.all() if lst.price is not None][:n]


async def test_patch_is_accepted_then_applied_after_the_delay(
    client: AmazonClient, sandbox: AmazonSandbox, admin: Admin
) -> None:
    (sku,) = _skus(sandbox, 1)
    update = OfferUpdate(sku, quantity=7, price=Decimal("16.49"), handling_days=2)
    submission = await client.patch_offer(update, marketplace_id=US)
    assert submission.status == "ACCEPTED" and submission.submission_id
    assert not await client.confirm_applied(update, marketplace_id=US)  # ACCEPTED ≠ applied
    admin.advance(6)  # listingSeconds is 5
    assert await client.confirm_applied(update, marketplace_id=US)
    item = await client.get_listing(sku, marketplace_id=US)
    assert item is not None and item.price(US) == Decimal("16.49") and item.quantity() == 7


async def test_unknown_sku_reads_as_not_listed(client: AmazonClient) -> None:
    assert await client.get_listing("NO-SUCH-SKU", marketplace_id=US) is None


async def test_listings_feed_through_the_whole_flow(
    client: AmazonClient, sandbox: AmazonSandbox, clock: SandboxClock
) -> None:
    first, second = _skus(sandbox, 2)
    updates = [OfferUpdate(first, quantity=3), OfferUpdate(second, price=Decimal("18.25"))]
    feed_id = await client.submit_feed(FEED_TYPE, listings_feed(client.seller_id, US, updates),
                                       JSON_CONTENT)  # fmt: skip
    status = await client.wait_for_feed(feed_id, interval=60, timeout=3600)
    assert status.status == "DONE" and status.feed_type == FEED_TYPE
    assert clock.slept  # it polled by sleeping on the (sandbox) clock, not by spinning
    data = await client.feed_result(status)
    assert data is not None
    report = parse_listings_report(data)
    assert (report.processed, report.accepted, report.invalid) == (2, 2, 0)
    assert report.failed_skus() == set()
    assert await client.confirm_applied(updates[0], marketplace_id=US)
    assert await client.confirm_applied(updates[1], marketplace_id=US)


async def test_catalog_match_zero_one_and_many(client: AmazonClient) -> None:
    products = [p for p in demo_catalog(7, 60) if p.id_attribute == "upc" and p.id_value]
    by_count = {min(p.walmart_candidates, 2): p for p in products}
    assert set(by_count) == {0, 1, 2}
    none = await client.match_product({"UPC": str(by_count[0].id_value)}, marketplace_id=US)
    assert none.verdict is MatchVerdict.UNABLE_TO_ASSIGN
    one = await client.match_product({"UPC": str(by_count[1].id_value)}, marketplace_id=US)
    assert one.verdict in (MatchVerdict.MATCHED, MatchVerdict.HAS_VARIANTS)
    many = await client.match_product({"UPC": str(by_count[2].id_value)}, marketplace_id=US)
    assert many.verdict is MatchVerdict.MULTIPLE_MATCHES
    assert len(many.candidates) == by_count[2].walmart_candidates


async def test_merchant_listings_report_is_parsed(
    client: AmazonClient, sandbox: AmazonSandbox
) -> None:
    data = await client.fetch_report("GET_MERCHANT_LISTINGS_ALL_DATA", interval=30)
    rows, skipped = parse_listings_rows(data)
    assert not skipped
    listed = {lst.sku: lst for lst in sandbox.state.listings.all()}
    assert {r.sku for r in rows} == set(listed)
    row = next(r for r in rows if listed[r.sku].price is not None)
    assert row.price == listed[row.sku].price and row.status in ("Active", "Inactive")


async def test_returns_report_is_parsed(
    client: AmazonClient, sandbox: AmazonSandbox, clock: SandboxClock
) -> None:
    now = datetime.fromtimestamp(clock.wall(), UTC)
    data = await client.fetch_report("GET_FLAT_FILE_RETURNS_DATA_BY_RETURN_DATE", interval=30,
                                     start=now - timedelta(days=30), end=now)  # fmt: skip
    rows, skipped = parse_returns_report(data)
    assert not skipped and rows
    assert {r.order_id for r in rows} <= {o.order_id for o in sandbox.state.orders.all()}
    assert all(r.quantity and r.quantity > 0 and r.reason for r in rows)
