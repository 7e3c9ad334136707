"""The Walmart adapter against the Walmart sandbox over HTTP: what the engine does today."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest

from channelmanager_gui.errors import ChannelError, ValidationError
from channelmanager_gui.identifiers import InvalidIdentifier, normalize
from channelmanager_gui.sandbox.seed import demo_catalog
from channelmanager_gui.sandbox.walmart import WalmartSandbox
from channelmanager_gui.services.marketplace import (
    AccountSpec,
    CancelRequest,
    Marketplace,
    PriceUpdate,
    ShipmentRequest,
    StockUpdate,
    open_adapter,
)
from channelmanager_gui.services.marketplace.walmart_adapter import WalmartAdapter

from .conftest import WalmartAdmin

SHIP_DATE = datetime(2026, 8, 5, 16, 30, tzinfo=UTC)
CATALOG = demo_catalog(7, 300)


def _valid(value: object) -> bool:
    try:
        normalize(str(value or ""), "UPC")
    except InvalidIdentifier:
        return False
    return True


def _since() -> datetime:
    return datetime.now(UTC) - timedelta(days=30)


async def test_orders_map_as_the_engine_stores_them(
    walmart: WalmartAdapter, walmart_admin: WalmartAdmin
) -> None:
    sku = walmart_admin.skus()[0]
    po = walmart_admin.new_order([(sku, 2)], intent_to_cancel=True)
    pages = [p async for p in walmart.fetch_orders(_since(), datetime.now(UTC))]
    orders = {o.marketplace_order_id: o for p in pages for o in p.orders}
    assert po in orders and not any(p.skipped for p in pages)
    order = orders[po]
    raw = await walmart.client.get_order(po)
    (line,) = order.lines
    assert line.line_price == raw.lines[0].price and line.qty == 2
    assert line.unit_price == raw.lines[0].price / 2 and line.tax == raw.lines[0].tax
    assert order.total == raw.total.amount if raw.total else order.total is not None
    assert order.needs_acknowledgement and order.ready_to_create and line.status == "Created"
    assert order.buyer_cancel_requested
    stored = {"name", "address1", "address2", "city", "state", "postal_code", "country",
              "address_type", "phone"}  # fmt: skip
    assert set(order.shipping_address) == stored  # engine.order_records._address's keys
    await walmart.acknowledge(po)
    acked = await walmart.get_order(po)
    assert not acked.needs_acknowledgement and acked.lines[0].status == "Acknowledged"


def _ship(po: str, line_id: str, qty: int, tracking: str, carrier: str = "UPS",
          other: str = "", url: str = "") -> ShipmentRequest:  # fmt: skip
    return ShipmentRequest(po, "1", carrier, tracking, SHIP_DATE, ((line_id, qty),),
                           other_carrier=other, tracking_url=url,
                           seller_order_id="100000123")  # fmt: skip


async def test_partial_then_rest_and_a_retry_ships_nothing_twice(
    walmart: WalmartAdapter, walmart_admin: WalmartAdmin
) -> None:
    po = walmart_admin.new_order([(walmart_admin.skus()[1], 3)])
    await walmart.acknowledge(po)
    first = await walmart.confirm_shipment(_ship(po, "1", 1, "1ZFIRST"))
    assert first.done and first.line_statuses == {"1": "Acknowledged"}
    rest = _ship(po, "1", 2, "1ZREST")
    await walmart.confirm_shipment(rest)
    assert (await walmart.confirm_shipment(rest, retrying=True)).skipped
    order = await walmart.get_order(po)
    assert order.lines[0].qty_shipped == 3 and order.lines[0].status == "Shipped"


async def test_unlisted_carrier_needs_a_tracking_url(
    walmart: WalmartAdapter, walmart_admin: WalmartAdmin
) -> None:
    po = walmart_admin.new_order([(walmart_admin.skus()[2], 1)])
    await walmart.acknowledge(po)
    with pytest.raises(ValidationError, match="tracking_url"):
        await walmart.confirm_shipment(_ship(po, "1", 1, "LM1", "Loomis"))
    await walmart.confirm_shipment(_ship(po, "1", 1, "LM1", "Loomis", url="https://loomis/x"))
    assert (await walmart.get_order(po)).lines[0].qty_shipped == 1


async def test_cancel_the_whole_order(walmart: WalmartAdapter, walmart_admin: WalmartAdmin) -> None:
    skus = walmart_admin.skus()
    po = walmart_admin.new_order([(skus[3], 2), (skus[4], 1)])
    await walmart.acknowledge(po)
    result = await walmart.cancel_order(CancelRequest(po, "SELLER_CANCEL_OUT_OF_STOCK"))
    assert result.done and not result.submission_id
    order = await walmart.get_order(po)
    assert [ln.qty_cancelled for ln in order.lines] == [2, 1]
    assert (await walmart.cancel_order(CancelRequest(po, "SELLER_CANCEL_OUT_OF_STOCK"))).skipped


async def test_acknowledge_says_when_walmart_already_had_it(
    walmart: WalmartAdapter, walmart_admin: WalmartAdmin
) -> None:
    """The engine's ``walmart.acknowledge`` handler relies on this: a retry reads first, and
    Walmart's 400 "Some or all qty in higher status" on a shipped line is not a failure."""
    po = walmart_admin.new_order([(walmart_admin.skus()[4], 2)])
    first = await walmart.acknowledge(po)
    assert not first.skipped and first.line_statuses == {"1": "Acknowledged"}
    assert (await walmart.acknowledge(po, retrying=True)).skipped
    await walmart.confirm_shipment(_ship(po, "1", 1, "1ZACK"))
    again = await walmart.acknowledge(po)  # Walmart answers 400: the order shows it acknowledged
    assert again.skipped and again.line_statuses == {"1": "Acknowledged"}


async def test_cancel_by_line_then_by_totals_sends_each_unit_once(
    walmart: WalmartAdapter, walmart_admin: WalmartAdmin
) -> None:
    """Lines as asked (only what is still open); ``totals``: only what Walmart does not show
    cancelled yet, so a repeat after a lost answer sends nothing."""
    po = walmart_admin.new_order([(walmart_admin.skus()[5], 3)])
    await walmart.acknowledge(po)
    reason = "SELLER_CANCEL_OUT_OF_STOCK"
    first = await walmart.cancel_order(CancelRequest(po, reason, (("1", 1),)))
    assert first.quantities == {"1": 1} and not first.skipped
    totals = CancelRequest(po, reason, (("1", 2),), totals=True)
    assert (await walmart.cancel_order(totals)).quantities == {"1": 1}
    assert (await walmart.cancel_order(totals)).skipped
    assert (await walmart.get_order(po)).lines[0].qty_cancelled == 2
    with pytest.raises(ChannelError, match="has no line 9"):
        await walmart.cancel_order(CancelRequest(po, reason, (("9", 1),)))


async def test_stock_and_price_one_and_many_then_read_back(
    walmart: WalmartAdapter, walmart_admin: WalmartAdmin
) -> None:
    skus = walmart_admin.skus()[5:8]
    assert (await walmart.push_stock([StockUpdate(skus[0], 11)])).accepted == (skus[0],)
    await walmart.push_prices([PriceUpdate(skus[0], Decimal("12.34"))])
    assert (await walmart.read_back([skus[0]]))[skus[0]].quantity == 11
    assert (await walmart.read_back([skus[0]]))[skus[0]].price == Decimal("12.34")
    receipt = await walmart.push_stock([StockUpdate(s, 5) for s in skus])
    assert receipt.submission_id and receipt.accepted == tuple(skus)
    check = await walmart.check_submission(receipt.submission_id)
    assert check.finished and set(check.succeeded) == set(skus) and not check.refused
    values = await walmart.read_back(skus)
    assert {v.quantity for v in values.values()} == {5}
    prices = await walmart.push_prices([PriceUpdate(s, Decimal("20.00")) for s in skus])
    check = await walmart.check_submission(prices.submission_id)
    assert check.finished and set(check.succeeded) == set(skus)
    assert not (await walmart.read_back(["NO-SUCH-SKU"]))["NO-SUCH-SKU"].listed


async def test_catalog_search_zero_one_and_several(walmart: WalmartAdapter) -> None:
    def upc(want: int) -> str:
        return next(str(p.id_value) for p in CATALOG if p.walmart_candidates == want
                    and p.id_attribute == "upc" and _valid(p.id_value))  # fmt: skip

    assert await walmart.search_catalog("UPC", upc(0)) == []
    (one,) = await walmart.search_catalog("UPC", upc(1))
    assert one.item_id and one.title
    assert len(await walmart.search_catalog("UPC", upc(2))) == 2
    with pytest.raises(ValidationError):
        await walmart.search_catalog("ASIN", "B0CXJ4L2ZQ")


async def test_listings_and_connection(
    walmart: WalmartAdapter, walmart_sandbox: WalmartSandbox
) -> None:
    listings = [snap async for snap in walmart.iter_listings()]
    assert listings and all(s.sku and not s.third_party for s in listings)
    assert await walmart.test_connection() == []
    secrets = {"walmart_client_id": walmart_sandbox.client_id,
               "walmart_client_secret": "wrong"}  # fmt: skip
    bad = open_adapter(AccountSpec(Marketplace.WALMART, walmart_sandbox.url), secrets.get)
    try:
        problems = await bad.test_connection()
    finally:
        await bad.aclose()
    assert len(problems) == 1 and problems[0]
