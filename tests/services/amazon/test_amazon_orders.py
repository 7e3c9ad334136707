"""searchOrders / getOrder (v2026-01-01): models, odd data, paging, date rules (§2.2–§2.5)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal

import httpx
import pytest

from channelmanager_gui.errors import ValidationError
from channelmanager_gui.services.amazon import OrderStatus
from channelmanager_gui.services.amazon.models import status_of
from channelmanager_gui.services.http import ManualClock

from .fakes import FakeAmazon, fixture, make_client

ORDERS = "/orders/2026-01-01/orders"
SINCE = datetime(2026, 8, 4, tzinfo=UTC)


async def _page(**kw: object):  # type: ignore[no-untyped-def]
    fake = FakeAmazon()
    fake.route("GET", ORDERS, fixture("orders_page.json"))
    async with make_client(fake) as client:
        page = await client.search_orders(last_updated_after=SINCE, **kw)  # type: ignore[arg-type]
    return fake, page


async def test_orders_read_with_exact_money_and_embedded_items() -> None:
    _, page = await _page()
    order = page.orders[0]
    assert order.order_id == "113-4471892-0031557"
    assert order.status is OrderStatus.UNSHIPPED and order.merchant_fulfilled
    assert order.total is not None and order.total.amount == Decimal("42.97")
    item = order.items[0]
    assert (item.sku, item.quantity, item.quantity_shipped) == ("MUG-BLK-16OZ", 2, 0)
    assert item.unit_price is not None and item.unit_price.amount == Decimal("17.99")
    assert item.line_total == Decimal("35.98")
    assert order.address is not None and order.address.is_complete
    assert page.last_updated_before == datetime(2026, 8, 5, 14, 20, tzinfo=UTC)


async def test_pending_order_without_prices_or_recipient_is_read() -> None:
    _, page = await _page()
    pending = page.orders[1]
    assert pending.status is OrderStatus.PENDING
    assert pending.total is None and pending.address is None
    assert pending.items[0].unit_price is None and pending.items[0].line_total is None
    assert pending.items[0].quantity_shipped == 0 and pending.items[0].title == ""


def test_money_without_amount_or_currency_is_not_fatal() -> None:
    from channelmanager_gui.services.amazon import Order

    raw = fixture("orders_page.json")["orders"][0]
    raw["proceeds"]["grandTotal"] = {"amount": None, "currencyCode": "USD"}
    raw["orderItems"][0]["product"]["price"]["unitPrice"] = {"amount": "17.99"}
    order = Order.model_validate(raw)
    assert order.total is None
    assert order.items[0].unit_price is not None and order.items[0].unit_price.currency == ""


async def test_unknown_status_empty_address_and_cancel_request() -> None:
    _, page = await _page()
    odd = page.orders[2]
    assert odd.status is OrderStatus.UNKNOWN and odd.status_raw == "ON_HOLD_FOR_REVIEW"
    assert odd.address is not None and not odd.address.is_complete  # PII withheld (§1.5)
    assert odd.address.city == "PORTLAND" and odd.address.name == ""
    assert odd.buyer_requested_cancel
    assert odd.items[0].buyer_cancel_reason == "Ordered by mistake"


async def test_one_unreadable_order_is_skipped_with_its_reason() -> None:
    _, page = await _page()
    assert len(page.orders) == 3
    assert page.skipped and page.skipped[0].startswith("113-9999999-9999999:")


async def test_query_uses_csv_lists_and_iso_dates() -> None:
    fake, _ = await _page(statuses=("UNSHIPPED", "PARTIALLY_SHIPPED"))
    params = fake.sent("GET", ORDERS)[0].url.params
    assert params["lastUpdatedAfter"] == "2026-08-04T00:00:00Z"
    assert params["marketplaceIds"] == "ATVPDKIKX0DER"
    assert params["fulfillmentStatuses"] == "UNSHIPPED,PARTIALLY_SHIPPED"
    assert params["fulfilledBy"] == "MERCHANT"
    assert "RECIPIENT" in params["includedData"].split(",")
    assert "createdAfter" not in params


async def test_pagination_token_goes_back_exactly_and_encoded_once() -> None:
    fake = FakeAmazon()
    first = fixture("orders_page.json")
    last = {"orders": [], "pagination": {}}
    answers = iter([first, last])
    fake.route("GET", ORDERS, lambda _r: httpx.Response(200, json=next(answers)))
    async with make_client(fake) as client:
        pages = [p async for p in client.iter_orders(last_updated_after=SINCE)]
    assert len(pages) == 2
    second = fake.sent("GET", ORDERS)[1]
    assert b"paginationToken=h3X9%2Bab%2Fcd%3D%3D" in second.url.raw_path
    assert second.url.params["paginationToken"] == "h3X9+ab/cd=="


async def test_before_must_be_two_minutes_old_and_families_exclusive() -> None:
    clock = ManualClock(wall_start=datetime(2026, 8, 5, 12, 0, tzinfo=UTC).timestamp())
    fake = FakeAmazon()
    fake.route("GET", ORDERS, {"orders": []})
    now = datetime(2026, 8, 5, 12, 0, tzinfo=UTC)
    async with make_client(fake, clock) as client:
        with pytest.raises(ValidationError, match="two minutes"):
            await client.search_orders(
                last_updated_after=SINCE, last_updated_before=now - timedelta(seconds=90)
            )
        with pytest.raises(ValidationError):
            await client.search_orders(last_updated_after=SINCE, created_after=SINCE)
        with pytest.raises(ValidationError):
            await client.search_orders(last_updated_after=SINCE, page_size=101)
        await client.search_orders(
            last_updated_after=SINCE, last_updated_before=now - timedelta(minutes=3)
        )
    assert len(fake.sent("GET", ORDERS)) == 1


async def test_get_order_reads_packages() -> None:
    fake = FakeAmazon()
    order = dict(fixture("orders_page.json")["orders"][0])
    order["packages"] = [{"carrier": "UPS", "trackingNumber": "1Z999", "packageStatus": None}]
    fake.route("GET", f"{ORDERS}/113-4471892-0031557", {"order": order})
    async with make_client(fake) as client:
        got = await client.get_order("113-4471892-0031557")
    assert got.packages[0].tracking_number == "1Z999" and got.packages[0].status == ""


@pytest.mark.parametrize(
    ("raw", "status"),
    [("Unshipped", OrderStatus.UNSHIPPED), ("PartiallyShipped", OrderStatus.PARTIALLY_SHIPPED),
     ("Canceled", OrderStatus.CANCELLED), ("CANCELLED", OrderStatus.CANCELLED),
     ("SomethingNew", OrderStatus.UNKNOWN), ("", OrderStatus.UNKNOWN)],
)  # fmt: skip
def test_status_names_of_both_api_versions(raw: str, status: OrderStatus) -> None:
    assert status_of(raw) is status
