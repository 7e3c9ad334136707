"""The Amazon adapter against the Amazon sandbox over HTTP (reference §2–§4, §8)."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest

from channelmanager_gui.errors import UnavailableError, ValidationError
from channelmanager_gui.sandbox.amazon import AmazonSandbox
from channelmanager_gui.sandbox.seed import demo_catalog
from channelmanager_gui.services.marketplace import (
    AccountSpec,
    CancelRequest,
    FulfilledBy,
    PriceUpdate,
    RefundLine,
    RefundRequest,
    ShipmentRequest,
    StockUpdate,
    open_adapter,
)
from channelmanager_gui.services.marketplace.amazon_adapter import AmazonAdapter
from tests.services.amazon.against_sandbox.conftest import Admin, SandboxClock

from .conftest import US, amazon_secrets, amazon_spec

MX = "A1AM78C64UM0Y8"

LONG_AGO = datetime(2020, 1, 1, tzinfo=UTC)
SHIP_DATE = datetime(2026, 8, 5, 16, 30, tzinfo=UTC)


def _now(clock: SandboxClock) -> datetime:
    return datetime.fromtimestamp(clock.wall(), UTC)


async def test_orders_are_fetched_and_mapped_with_exact_money(
    amazon: AmazonAdapter, amazon_sandbox: AmazonSandbox, amazon_admin: Admin,
    amazon_clock: SandboxClock,
) -> None:  # fmt: skip
    made = amazon_admin.new_order(qty=3, lines=2)
    amazon_admin.advance(180)  # the "before" bound must be two minutes old (§2.2)
    # ``updated_before`` = now: the adapter moves it back instead of earning a 400.
    pages = [p async for p in amazon.fetch_orders(LONG_AGO, _now(amazon_clock))]
    orders = {o.marketplace_order_id: o for p in pages for o in p.orders}
    assert not any(p.skipped for p in pages)
    us = [o for o in amazon_sandbox.state.orders.all() if o.marketplace_id == "ATVPDKIKX0DER"]
    assert set(orders) == {o.order_id for o in us}
    mine = orders[made["orderId"]]
    kept = amazon_sandbox.state.orders.get(made["orderId"])
    assert [ln.line_id for ln in mine.lines] == made["orderItemIds"]
    for line, item in zip(mine.lines, kept.items, strict=True):
        assert line.unit_price == item.unit_price and isinstance(line.unit_price, Decimal)
        assert line.line_price == item.unit_price * 3 and line.qty == 3
        assert line.sku == item.sku and line.marketplace_item_id == item.asin
    assert mine.total == kept.total() and mine.currency == "USD"
    assert mine.ready_to_create and mine.fulfilled_by is FulfilledBy.MERCHANT
    assert set(mine.shipping_address) >= {"name", "address1", "city", "state", "postal_code",
                                          "country", "phone"}  # fmt: skip
    fba = [o for o in orders.values() if o.fulfilled_by is FulfilledBy.MARKETPLACE]
    assert fba and not any(o.ready_to_create for o in fba)


async def test_a_pending_order_has_no_money_and_is_not_ready(
    amazon: AmazonAdapter, amazon_admin: Admin
) -> None:
    made = amazon_admin.new_order(qty=1, pending=True)
    pending = await amazon.get_order(made["orderId"])
    assert pending.status == "PENDING" and pending.total is None
    assert pending.lines[0].unit_price is None and not pending.ready_to_create
    amazon_admin.advance(61)  # pendingSeconds is 60
    assert (await amazon.get_order(made["orderId"])).ready_to_create


async def test_buyer_cancel_request_is_flagged(amazon: AmazonAdapter, amazon_admin: Admin) -> None:
    made = amazon_admin.new_order(qty=1)
    amazon_admin.call("POST", f"orders/{made['orderId']}/cancel_request", {"reason": "Too late"})
    order = await amazon.get_order(made["orderId"])
    assert order.buyer_cancel_requested and order.lines[0].buyer_cancel_requested


def _ship(order_id: str, ref: str, lines: list[tuple[str, int]], tracking: str,
          carrier: str = "UPS", other: str = "") -> ShipmentRequest:  # fmt: skip
    return ShipmentRequest(order_id, ref, carrier, tracking, SHIP_DATE, tuple(lines),
                           other_carrier=other)  # fmt: skip


async def test_partial_then_rest_and_a_retry_adds_no_package(
    amazon: AmazonAdapter, amazon_admin: Admin
) -> None:
    made = amazon_admin.new_order(qty=3)
    order_id, (item,) = made["orderId"], made["orderItemIds"]
    await amazon.confirm_shipment(_ship(order_id, "1", [(item, 1)], "1ZFIRST"))
    assert (await amazon.get_order(order_id)).status == "PARTIALLY_SHIPPED"
    rest = _ship(order_id, "2", [(item, 2)], "1ZREST")
    await amazon.confirm_shipment(rest)
    retried = await amazon.confirm_shipment(rest, retrying=True)
    assert retried.skipped  # Amazon already shows the package: nothing sent
    await amazon.confirm_shipment(rest)  # a blind resend edits package 2 (§3.2, §5.2)
    kept = amazon_admin.order(order_id)
    assert sorted(kept["packages"]) == ["1", "2"]
    assert kept["items"][0]["shipped"] == 3 and kept["status"] == "Shipped"
    assert amazon_admin.stats()["requests"]["confirmShipment"] == 3


async def test_unknown_carrier_is_other_with_its_name(
    amazon: AmazonAdapter, amazon_admin: Admin
) -> None:
    made = amazon_admin.new_order(qty=1)
    (item,) = made["orderItemIds"]
    await amazon.confirm_shipment(_ship(made["orderId"], "1", [(item, 1)], "LM1", "Other",
                                        "Loomis"))  # fmt: skip
    package = amazon_admin.order(made["orderId"])["packages"]["1"]
    assert (package["carrier_code"], package["carrier_name"]) == ("Other", "Loomis")
    with pytest.raises(ValidationError):
        await amazon.confirm_shipment(_ship(made["orderId"], "2", [(item, 1)], "X", "Other"))


async def _finished(amazon: AmazonAdapter, admin: Admin, submission: str):  # type: ignore[no-untyped-def]
    for _ in range(30):
        check = await amazon.check_submission(submission)
        if check.finished:
            return check
        admin.advance(30)
    raise AssertionError(f"feed {submission} never finished")


async def test_cancel_goes_through_the_feed_and_its_report(
    amazon: AmazonAdapter, amazon_admin: Admin
) -> None:
    made = amazon_admin.new_order(qty=1, lines=2)
    result = await amazon.cancel_order(CancelRequest(made["orderId"], "NoInventory"))
    assert not result.done and result.submission_id
    check = await _finished(amazon, amazon_admin, result.submission_id)
    assert check.status == "DONE" and not check.refused
    assert (await amazon.get_order(made["orderId"])).status == "CANCELLED"


async def test_cancel_is_refused_once_anything_shipped(
    amazon: AmazonAdapter, amazon_admin: Admin
) -> None:
    made = amazon_admin.new_order(qty=2)
    order_id, (item,) = made["orderId"], made["orderItemIds"]
    await amazon.confirm_shipment(_ship(order_id, "1", [(item, 1)], "1ZPART"))
    feeds = amazon_admin.stats()["requests"].get("createFeed", 0)
    with pytest.raises(ValidationError, match="shipped"):
        await amazon.cancel_order(CancelRequest(order_id, "NoInventory"))
    assert amazon_admin.stats()["requests"].get("createFeed", 0) == feeds  # nothing sent
    with pytest.raises(ValidationError, match="whole"):
        await amazon.cancel_order(CancelRequest(amazon_admin.new_order(qty=1, lines=2)["orderId"],
                                                "NoInventory", ((item, 1),)))  # fmt: skip


def _skus(sandbox: AmazonSandbox, n: int) -> list[str]:
    return [lst.sku for lst in sandbox.state.listings.all() if lst.price is not None][:n]


async def test_one_sku_is_accepted_then_read_back_once_applied(
    amazon: AmazonAdapter, amazon_sandbox: AmazonSandbox, amazon_admin: Admin
) -> None:
    (sku,) = _skus(amazon_sandbox, 1)
    assert (await amazon.push_stock([StockUpdate(sku, 7)])).accepted == (sku,)
    assert (await amazon.push_prices([PriceUpdate(sku, Decimal("16.49"))])).accepted == (sku,)
    before = (await amazon.read_back([sku]))[sku]
    assert before.listed and (before.quantity, before.price) != (7, Decimal("16.49"))
    amazon_admin.advance(6)  # listingSeconds is 5: ACCEPTED ≠ applied (§4.2)
    after = (await amazon.read_back([sku]))[sku]
    assert (after.quantity, after.price) == (7, Decimal("16.49"))
    assert not (await amazon.read_back(["NO-SUCH-SKU"]))["NO-SUCH-SKU"].listed


async def test_many_skus_go_as_one_feed_at_a_time(
    amazon: AmazonAdapter, amazon_sandbox: AmazonSandbox, amazon_admin: Admin
) -> None:
    skus = _skus(amazon_sandbox, 3)
    receipt = await amazon.push_stock([StockUpdate(s, 4) for s in skus])
    assert receipt.submission_id and receipt.accepted == tuple(skus)
    with pytest.raises(UnavailableError, match="one feed runs at a time"):
        await amazon.push_prices([PriceUpdate(s, Decimal("9.99")) for s in skus])
    check = await _finished(amazon, amazon_admin, receipt.submission_id)
    assert check.succeeded == tuple(skus) and not check.refused
    amazon_admin.advance(6)
    assert {v.quantity for v in (await amazon.read_back(skus)).values()} == {4}
    prices = await amazon.push_prices([PriceUpdate(s, Decimal("9.99")) for s in skus])
    assert prices.submission_id  # the previous feed is done: the next one may go


async def test_catalog_search_zero_one_and_several(amazon: AmazonAdapter) -> None:
    products = [p for p in demo_catalog(7, 60) if p.id_attribute == "upc" and p.id_value]
    by_count = {min(p.walmart_candidates, 2): p for p in products}
    assert await amazon.search_catalog("UPC", str(by_count[0].id_value)) == []
    (one,) = await amazon.search_catalog("upc", str(by_count[1].id_value))
    assert one.item_id and one.identifiers["ASIN"] == one.item_id
    several = await amazon.search_catalog("UPC", str(by_count[2].id_value))
    assert len(several) == by_count[2].walmart_candidates > 1
    by_asin = await amazon.search_catalog("ASIN", one.item_id)
    assert [c.item_id for c in by_asin] == [one.item_id]


async def test_listings_report_marks_third_party(
    amazon: AmazonAdapter, amazon_sandbox: AmazonSandbox
) -> None:
    ours = frozenset(_skus(amazon_sandbox, 2))
    listings = [snap async for snap in amazon.iter_listings(ours)]
    assert {s.sku for s in listings} >= ours
    assert all(s.third_party == (s.sku not in ours) for s in listings)
    assert all(s.price is None or isinstance(s.price, Decimal) for s in listings)


async def test_connection_names_a_bad_refresh_token(
    amazon: AmazonAdapter, amazon_sandbox: AmazonSandbox, amazon_clock: SandboxClock
) -> None:
    assert await amazon.test_connection() == []
    secrets = amazon_secrets(amazon_sandbox, lwa_refresh_token="Atzr|not-the-right-one")
    bad = open_adapter(amazon_spec(amazon_sandbox), secrets.get, clock=amazon_clock)
    try:
        (problem,) = await bad.test_connection()
    finally:
        await bad.aclose()
    assert "refresh token" in problem


async def test_connection_names_each_marketplace_the_account_cannot_sell_in(
    amazon_sandbox: AmazonSandbox, amazon_clock: SandboxClock
) -> None:
    spec = replace(amazon_spec(amazon_sandbox), marketplace_ids=(US, MX))
    port = open_adapter(spec, amazon_secrets(amazon_sandbox).get, clock=amazon_clock)
    try:
        problems = await port.test_connection()
    finally:
        await port.aclose()
    assert problems == ["This seller account is not registered in Amazon.com.mx."]


async def test_a_missing_secret_is_named_before_any_call(amazon_sandbox: AmazonSandbox) -> None:
    secrets = amazon_secrets(amazon_sandbox, lwa_client_secret="")
    spec: AccountSpec = amazon_spec(amazon_sandbox)
    with pytest.raises(Exception, match="lwa_client_secret"):
        open_adapter(spec, secrets.get)


async def test_returns_report_and_refund_through_the_adjustment_feed(
    amazon: AmazonAdapter, amazon_sandbox: AmazonSandbox, amazon_admin: Admin,
    amazon_clock: SandboxClock,
) -> None:  # fmt: skip
    returns = [r async for r in amazon.fetch_returns(_now(amazon_clock) - timedelta(days=59))]
    assert returns and all(r.marketplace_order_id and r.lines for r in returns)
    ret = returns[0]
    line = ret.lines[0]
    order = amazon_sandbox.state.orders.get(ret.marketplace_order_id)
    item = next(i for i in order.items if i.sku == line.sku)
    # The report names the SKU; the adapter refunds the order item it belongs to.
    request = RefundRequest(ret.marketplace_order_id, (RefundLine(line.line_id, 1),))
    result = await amazon.refund(request)
    check = await _finished(amazon, amazon_admin, result.submission_id)
    assert check.status == "DONE" and not check.refused
    (refund,) = amazon_admin.order(ret.marketplace_order_id)["refunds"]
    assert refund["orderItemId"] == item.item_id and refund["reason"] == "CustomerReturn"
    assert refund["components"] == {"Principal": f"{item.unit_price:.2f} USD"}
    # Read back as a retry would: by SKU (the refund event's OrderAdjustmentItemId is the
    # adjustment's own id, not the order item's: amzn/selling-partner-api-models#2487).
    done = await amazon.refunded(ret.marketplace_order_id)
    assert done[line.line_id] == item.unit_price and item.item_id not in done
