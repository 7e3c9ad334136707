"""searchOrders / getOrder fed Amazon's own v2026-01-01 examples, then real-world variants.

Payloads: ``tests/reference/amazon/orders_*.json`` (orders_2026-01-01.json examples and
sandbox answers). Each variant is either read or refused with a malformed reason naming the
field; a refused order is skipped with that reason, never lost silently or read as empty.
"""

from __future__ import annotations

import copy
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

import pytest

from channelmanager_gui.errors import MalformedResponseError
from channelmanager_gui.services.amazon import OrderStatus
from channelmanager_gui.services.amazon.orders import OrderPage

from .fakes import FakeAmazon, make_client
from .reference import payload

ORDERS = "/orders/2026-01-01/orders"
SINCE = datetime(2024, 12, 1, tzinfo=UTC)


async def _search(body: Any) -> OrderPage:
    fake = FakeAmazon()
    fake.route("GET", ORDERS, body)
    async with make_client(fake) as client:
        return await client.search_orders(last_updated_after=SINCE)


async def test_amazons_search_example_is_read_exactly() -> None:
    page = await _search(payload("orders_search.json"))
    assert page.skipped == [] and page.next_token == "2YgYW55IGNhcm5hbCBwbGVhc3VyZS4"
    order = page.orders[0]
    assert order.order_id == "123-4567890-1234567"
    assert order.created == datetime(2024, 12, 25, 10, 30, tzinfo=UTC)
    assert order.status is OrderStatus.SHIPPED and order.merchant_fulfilled
    assert order.marketplace_id == "ATVPDKIKX0DER"
    assert order.total is not None and order.total.amount == Decimal("154.99")
    assert order.total.currency == "USD"
    assert order.ship_by == datetime(2024, 12, 27, 23, 59, 59, tzinfo=UTC)
    assert order.address is not None and order.address.is_complete
    assert (order.address.city, order.address.postal_code) == ("Seattle", "98101")
    first, second = order.items
    assert (first.order_item_id, first.sku, first.quantity) == ("12345678901234",
                                                              "ECHO-DOT-4-CHARCOAL", 2)  # fmt: skip
    assert first.unit_price is not None and first.unit_price.amount == Decimal("49.99")
    assert first.quantity_shipped == 2 and first.line_total == Decimal("99.98")
    # The example's item carries a BUYER cancellationRequest (orders_2026-01-01.json).
    assert first.buyer_requested_cancel
    assert first.buyer_cancel_reason == "Changed mind about purchase"
    assert (second.sku, second.quantity, second.buyer_requested_cancel) == ("FIRE-TV-4K-2021",
                                                                          1, False)  # fmt: skip
    assert [(p.carrier, p.tracking_number, p.status) for p in order.packages] == [
        ("UPS", "1Z999AA1234567890", "DELIVERED")
    ]


@pytest.mark.parametrize(
    ("name", "order_id", "total", "status", "skus"),
    [
        ("orders_search_sandbox_jp.json", "250-1234567-8901234", ("19940", "JPY"),
         OrderStatus.SHIPPED, ["ECHO-DOT-4-JP-CHARCOAL", "FIRE-TV-4K-MAX-JP"]),
        ("orders_search_sandbox_uk.json", "202-7654321-1098765", ("34.99", "GBP"),
         OrderStatus.SHIPPED, ["ECHO-DOT-4-UK-CHARCOAL-SINGLE"]),
        ("orders_search_sandbox_br.json", "171-2345678-9012345", ("1599.90", "BRL"),
         OrderStatus.UNSHIPPED, ["DELL-I15-BR-001"]),
    ],
)  # fmt: skip
async def test_amazons_sandbox_answers_are_read(
    name: str, order_id: str, total: tuple[str, str], status: OrderStatus, skus: list[str]
) -> None:
    page = await _search(payload(name))
    assert page.skipped == []
    (order,) = page.orders
    assert order.order_id == order_id and order.status is status
    assert order.total is not None
    assert (order.total.amount, order.total.currency) == (Decimal(total[0]), total[1])
    assert [i.sku for i in order.items] == skus


async def test_amazons_get_order_example_is_read() -> None:
    fake = FakeAmazon()
    fake.route("GET", f"{ORDERS}/202-1234567-8901234", payload("orders_get.json"))
    async with make_client(fake) as client:
        order = await client.get_order("202-1234567-8901234")
    assert order.total is not None and order.total.amount == Decimal("103.97")
    (item,) = order.items
    assert (item.sku, item.quantity, item.quantity_shipped) == ("ECHO-DOT-4-UK-CHARCOAL-3PACK",
                                                              3, 3)  # fmt: skip
    assert order.packages[0].tracking_number == "RR123456789GB"


def _example() -> dict[str, Any]:
    return copy.deepcopy(payload("orders_search.json"))


async def test_extra_fields_nulls_and_missing_optional_parts_are_read() -> None:
    body = _example()
    order = body["orders"][0]
    order["somethingNew"] = {"nested": [1, 2]}
    order["recipient"] = None  # no RECIPIENT role / Pending (§1.5, §2.3)
    del order["proceeds"]
    del order["packages"]
    item = order["orderItems"][0]
    item["product"]["price"] = None
    item["fulfillment"] = None
    item["cancellation"] = {"cancellationRequest": None}
    item["quantityOrdered"] = "2"  # a number as text
    page = await _search(body)
    read = page.orders[0]
    assert read.address is None and read.total is None and read.packages == []
    assert read.items[0].unit_price is None and read.items[0].quantity == 2
    assert read.items[0].quantity_shipped == 0 and not read.items[0].buyer_requested_cancel


@pytest.mark.parametrize("value", ["missing", None])
async def test_an_order_without_its_items_is_skipped_with_the_reason(value: object) -> None:
    """``orderItems`` is required (orders_2026-01-01.json): not read as an empty order."""
    body = _example()
    if value == "missing":
        del body["orders"][0]["orderItems"]
    else:
        body["orders"][0]["orderItems"] = value
    page = await _search(body)
    assert page.orders == []
    assert page.skipped[0].startswith("123-4567890-1234567:") and "orderItems" in page.skipped[0]


@pytest.mark.parametrize(
    ("where", "value", "field"),
    [
        (("proceeds", "grandTotal", "amount"), "12,99", "proceeds.grandTotal.amount"),
        (("orderItems", 0, "quantityOrdered"), "1.5", "orderItems.0.quantityOrdered"),
        (("createdTime",), "yesterday", "createdTime"),
    ],
)
async def test_an_unreadable_value_skips_that_order_naming_the_field(
    where: tuple[Any, ...], value: object, field: str
) -> None:
    body = _example()
    target = body["orders"][0]
    for key in where[:-1]:
        target = target[key]
    target[where[-1]] = value
    page = await _search(body)
    assert page.orders == [] and field in page.skipped[0]


@pytest.mark.parametrize("body", [{}, {"orders": None}, {"orders": "none"}])
async def test_a_page_without_its_orders_list_is_malformed(body: dict[str, Any]) -> None:
    """``orders`` is required: a page without it must not end the sync as an empty page."""
    with pytest.raises(MalformedResponseError, match="orders") as caught:
        await _search(body)
    assert caught.value.field == "orders"


async def test_an_empty_page_is_the_end() -> None:
    page = await _search({"orders": [], "pagination": {}})
    assert page.orders == [] and page.next_token is None
