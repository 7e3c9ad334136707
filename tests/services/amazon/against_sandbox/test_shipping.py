"""confirmShipment and the cancel feed, client against sandbox (§3.2, §3.3, §4.6)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from channelmanager_gui.errors import ApiError, ValidationError
from channelmanager_gui.services.amazon import (
    AmazonClient,
    Cancellation,
    OrderStatus,
    PackageLine,
    ShipPackage,
)
from channelmanager_gui.services.amazon.feeds import XML_CONTENT
from channelmanager_gui.services.amazon.order_feeds import ACK_FEED, cancellation_feed
from channelmanager_gui.services.amazon.reports_xml import parse_processing_report

from .conftest import US, Admin

SHIP_DATE = datetime(2026, 8, 5, 16, 30, tzinfo=UTC)


def _package(ref: str, lines: list[tuple[str, int]], tracking: str = "1Z999AA10123456784",
             carrier: str = "ups") -> ShipPackage:  # fmt: skip
    return ShipPackage(ref, carrier, tracking, SHIP_DATE,
                       tuple(PackageLine(i, q) for i, q in lines), "UPS Ground")  # fmt: skip


async def test_full_then_partial_shipments(client: AmazonClient, admin: Admin) -> None:
    whole = admin.new_order(qty=2, lines=2)
    a, b = whole["orderItemIds"]
    request_id = await client.confirm_shipment(
        whole["orderId"], _package("1", [(a, 2), (b, 2)]), marketplace_id=US
    )
    assert request_id
    order = await client.get_order(whole["orderId"])
    assert order.status is OrderStatus.SHIPPED
    assert [p.tracking_number for p in order.packages] == ["1Z999AA10123456784"]
    assert order.packages[0].status == "SHIPPED"
    part = admin.new_order(qty=3, lines=2)
    c, _ = part["orderItemIds"]
    await client.confirm_shipment(part["orderId"], _package("1", [(c, 1)]), marketplace_id=US)
    order = await client.get_order(part["orderId"])
    assert order.status is OrderStatus.PARTIALLY_SHIPPED
    assert order.item(c) is not None and order.item(c).quantity_shipped == 1  # type: ignore[union-attr]


async def test_reconfirming_the_same_package_edits_it(client: AmazonClient, admin: Admin) -> None:
    made = admin.new_order(qty=2)
    (item,) = made["orderItemIds"]
    await client.confirm_shipment(made["orderId"], _package("1", [(item, 1)], "1ZOLD"),
                                  marketplace_id=US)  # fmt: skip
    await client.confirm_shipment(made["orderId"], _package("1", [(item, 1)], "1ZNEW"),
                                  marketplace_id=US)  # fmt: skip
    order = await client.get_order(made["orderId"])
    assert [p.tracking_number for p in order.packages] == ["1ZNEW"]
    assert order.items[0].quantity_shipped == 1  # edited, not shipped twice
    assert order.status is OrderStatus.PARTIALLY_SHIPPED


async def test_unknown_carrier_goes_as_other_with_its_name(
    client: AmazonClient, admin: Admin
) -> None:
    made = admin.new_order(qty=1)
    (item,) = made["orderItemIds"]
    await client.confirm_shipment(made["orderId"], _package("1", [(item, 1)], carrier="Loomis"),
                                  marketplace_id=US)  # fmt: skip
    package = admin.order(made["orderId"])["packages"]["1"]
    assert (package["carrier_code"], package["carrier_name"]) == ("Other", "Loomis")


async def test_amazon_refusals_reach_the_merchant_typed_and_worded(
    client: AmazonClient, admin: Admin
) -> None:
    made = admin.new_order(qty=1)
    (item,) = made["orderItemIds"]
    with pytest.raises(ApiError) as caught:
        await client.confirm_shipment(made["orderId"], _package("1", [("40873516255061", 1)]),
                                      marketplace_id=US)  # fmt: skip
    assert caught.value.status == 400 and "OrderItemId is invalid" in caught.value.message
    with pytest.raises(ApiError) as caught:
        await client.confirm_shipment(made["orderId"], _package("1", [(item, 5)]),
                                      marketplace_id=US)  # fmt: skip
    assert "exceeds the unshipped quantity" in caught.value.message
    with pytest.raises(ValidationError):  # refused before sending (§3.2: a positive integer)
        await client.confirm_shipment(made["orderId"], _package("0", [(item, 1)]),
                                      marketplace_id=US)  # fmt: skip
    assert admin.stats()["requests"]["confirmShipment"] == 2
    assert admin.order(made["orderId"])["items"][0]["shipped"] == 0


async def _cancel(client: AmazonClient, order_id: str, items: list[str]) -> tuple[str, object]:
    feed = cancellation_feed(client.seller_id, [Cancellation(order_id, tuple(items),
                                                             "NoInventory")])  # fmt: skip
    feed_id = await client.submit_feed(ACK_FEED, feed, XML_CONTENT)
    status = await client.wait_for_feed(feed_id, interval=30, timeout=600)
    assert status.status == "DONE", status
    data = await client.feed_result(status)
    assert data is not None
    return status.status, parse_processing_report(data)


async def test_cancel_feed_cancels_an_unshipped_order(client: AmazonClient, admin: Admin) -> None:
    made = admin.new_order(qty=1, lines=2)
    _, report = await _cancel(client, made["orderId"], made["orderItemIds"])
    assert (report.processed, report.successful, report.errors) == (1, 1, 0)  # type: ignore[attr-defined]
    order = await client.get_order(made["orderId"])
    assert order.status is OrderStatus.CANCELLED


async def test_cancel_feed_is_refused_once_shipped(client: AmazonClient, admin: Admin) -> None:
    made = admin.new_order(qty=2)
    (item,) = made["orderItemIds"]
    await client.confirm_shipment(made["orderId"], _package("1", [(item, 1)]), marketplace_id=US)
    _, report = await _cancel(client, made["orderId"], [item])
    assert report.errors == 1 and report.successful == 0  # type: ignore[attr-defined]
    assert report.errors_for(1)[0].description  # type: ignore[attr-defined]
    order = await client.get_order(made["orderId"])
    assert order.status is OrderStatus.PARTIALLY_SHIPPED
