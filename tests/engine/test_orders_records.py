"""Walmart's own example orders (and real-world variants with nulls) become local rows; updates
only move quantities forward; the status comes from facts; addresses fit Commerce."""

from __future__ import annotations

import copy
import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from channelmanager_gui.models.base import utcnow
from channelmanager_gui.models.order import Order, OrderLine, OrderStatus, Return
from channelmanager_gui.services.commerce.directory import Region
from channelmanager_gui.services.engine.order_address import cart_address, split_name
from channelmanager_gui.services.engine.order_cart import wanted_quantities
from channelmanager_gui.services.engine.order_records import (
    new_order,
    open_quantity,
    update_order,
)
from channelmanager_gui.services.engine.order_status import derive_status
from channelmanager_gui.services.marketplace.walmart_mapping import incoming_order, needs_ack
from channelmanager_gui.services.walmart.order_models import Order as WalmartOrder

SPEC = Path(__file__).resolve().parents[1] / "reference" / "walmart_openapi" / "orders.json"
NOW = datetime(2024, 5, 1, 12, tzinfo=UTC)


def spec_orders() -> list[dict[str, Any]]:
    """The example orders of ``GET /v3/orders/{purchaseOrderId}`` in Walmart's OpenAPI file."""
    spec = json.loads(SPEC.read_text())
    op = spec["paths"]["/v3/orders/{purchaseOrderId}"]["get"]
    content = op["responses"]["200"]["content"]["application/json"]
    bodies = [content["example"]] if "example" in content else []
    bodies += [e["value"] for e in content.get("examples", {}).values()]
    return [b["order"] for b in bodies]


def created_order(lines: list[tuple[str, int]], intent: bool = False) -> dict[str, Any]:
    """An order shaped like real payloads: nulls where Walmart sends them, one wrapped object."""
    order_lines = []
    for n, (sku, qty) in enumerate(lines, 1):
        line = {
            "lineNumber": str(n),
            "item": {"productName": f"Product {sku}", "sku": sku},
            "charges": {"charge": {"chargeType": "PRODUCT", "chargeName": "ItemPrice",
                                   "chargeAmount": {"currency": "USD", "amount": 10.0 * qty},
                                   "tax": None}},
            "orderLineQuantity": {"unitOfMeasurement": "EACH", "amount": str(qty)},
            "orderLineStatuses": {"orderLineStatus": [{
                "status": "Created", "cancellationReason": None, "trackingInfo": None,
                "statusQuantity": {"unitOfMeasurement": "EACH", "amount": str(qty)}}]},
        }  # fmt: skip
        if intent:
            line["intentToCancel"] = "true"
        order_lines.append(line)
    return {
        "purchaseOrderId": "1800000000001",
        "customerOrderId": "5200000000001",
        "customerEmailId": None,
        "orderDate": 1714564800000,
        "shippingInfo": {"phone": None, "estimatedShipDate": 1714651200000, "methodCode": "Value",
                         "postalAddress": {"name": "Cher", "address1": "1 Main St",
                                           "address2": None, "city": "Austin", "state": "TX",
                                           "postalCode": "78701", "country": "USA"}},
        "orderLines": {"orderLine": order_lines},
        "orderSummary": None,
    }  # fmt: skip


def parse(data: dict[str, Any]) -> WalmartOrder:
    return WalmartOrder.model_validate(data)


@pytest.mark.parametrize("data", spec_orders())
def test_walmart_spec_examples_import(data: dict[str, Any]) -> None:
    wo = parse(data)
    order = new_order(1, 1, incoming_order(wo), NOW)
    assert order.marketplace_order_id == data["purchaseOrderId"]
    assert len(order.lines) == len(wo.lines)
    assert order.customer_name and order.shipping_address["country"] == "USA"
    shipped = all(ln.qty_shipped == ln.qty_ordered for ln in order.lines)
    assert shipped == (open_quantity(incoming_order(wo)) == 0)
    assert (order.acknowledged_at is None) == needs_ack(wo)


def test_nulls_single_objects_and_split_lines() -> None:
    wo = parse(created_order([("A-1", 1), ("A-1", 1), ("B/2", 3)], intent=True))
    order = new_order(1, 1, incoming_order(wo), NOW)
    assert needs_ack(wo) and order.acknowledged_at is None and order.intent_to_cancel
    assert [ln.qty_ordered for ln in order.lines] == [1, 1, 3]
    assert order.lines[2].unit_price == pytest.approx(10.0)  # PRODUCT charge is per line
    assert order.total == pytest.approx(50.0)  # no orderSummary: summed from the charges
    assert wanted_quantities([(ln.sku, ln.qty_ordered) for ln in order.lines]) == {
        "A-1": 2,
        "B/2": 3,
    }


def test_updates_only_move_forward_and_say_what_changed() -> None:
    data = created_order([("A-1", 2), ("B-2", 1)])
    order = new_order(1, 1, incoming_order(parse(data)), NOW)
    order.lines[1].qty_shipped = 1  # our own ship action, not yet visible on Walmart
    changed = copy.deepcopy(data)
    statuses = changed["orderLines"]["orderLine"][0]["orderLineStatuses"]["orderLineStatus"]
    statuses[0]["statusQuantity"]["amount"] = "1"
    statuses.append({"status": "Cancelled", "cancellationReason": "CUSTOMER_REQUESTED",
                     "statusQuantity": {"amount": "1"}})  # fmt: skip
    changed["orderLines"]["orderLine"][1]["intentToCancel"] = "true"

    changes = update_order(order, incoming_order(parse(changed)), NOW)

    assert order.lines[0].qty_cancelled == 1 and order.lines[1].qty_shipped == 1
    assert order.intent_to_cancel
    assert any("cancelled 1 of line 1" in m for m in changes.messages)
    assert any("asked to cancel" in m for m in changes.messages)
    # the same news twice is no news
    assert not update_order(order, incoming_order(parse(changed)), NOW)


def _order(**facts: Any) -> Order:
    lines = facts.pop("lines", [(2, 0, 0, 0)])
    order = Order(marketplace_order_id="1", customer_order_id="2", order_date=utcnow(), **facts)
    order.lines = [
        OrderLine(line_number=str(n), sku="S", qty_ordered=o, qty_shipped=s, qty_cancelled=c,
                  qty_refunded=r)
        for n, (o, s, c, r) in enumerate(lines, 1)
    ]  # fmt: skip
    return order


@pytest.mark.parametrize(
    ("facts", "returns", "expected"),
    [
        ({}, [], OrderStatus.IMPORTED),
        ({"acknowledged_at": NOW}, [], OrderStatus.ACKNOWLEDGED),
        ({"acknowledged_at": NOW, "commerce_entity_id": 5}, [], OrderStatus.CREATED),
        ({"commerce_entity_id": 5, "lines": [(2, 1, 0, 0)]}, [], OrderStatus.PARTIALLY_SHIPPED),
        ({"commerce_entity_id": 5, "lines": [(2, 1, 1, 0)]}, [], OrderStatus.SHIPPED),
        ({"lines": [(2, 0, 2, 0), (1, 0, 1, 0)]}, [], OrderStatus.CANCELLED),
        ({"lines": [(1, 1, 0, 0)]}, [Return(status="INITIATED")], OrderStatus.RETURN_REQUESTED),
        ({"lines": [(1, 1, 0, 0)]}, [Return(status="INITIATED", marketplace_refunded_at=NOW)],
         OrderStatus.REFUNDED),
        ({"lines": [(1, 1, 0, 1)]}, [], OrderStatus.REFUNDED),
        ({"commerce_entity_id": 5, "error": "SKU X is not in Commerce"}, [], OrderStatus.ERROR),
    ],
)  # fmt: skip
def test_status_is_derived_from_facts(
    facts: dict[str, Any], returns: list[Return], expected: OrderStatus
) -> None:
    assert derive_status(_order(**facts), returns) == expected


def test_address_for_commerce() -> None:
    stored = {"name": "Mary Ann van Dyke", "address1": "9 Elm", "address2": None,
              "city": "Austin", "state": "TX", "postal_code": "78701", "country": "USA",
              "phone": None}  # fmt: skip
    regions = [Region(id=1, code="AL", name="Alabama"), Region(id=1057, code="TX", name="Texas")]
    address = cart_address(stored, "x@relay.walmart.com", regions)
    assert (address.firstname, address.lastname) == ("Mary Ann van", "Dyke")
    assert address.country_id == "US" and address.region_id == 1057 and address.region == "Texas"
    by_name = cart_address({**stored, "state": " texas "}, "x@y.z", regions)
    assert (by_name.region_id, by_name.region_code) == (1057, "TX")
    assert address.street == ["9 Elm"] and address.telephone
    assert split_name("Cher") == ("Cher", "Cher") and split_name("  ") == ("Walmart", "Customer")
    foreign = cart_address({**stored, "country": "CAN", "state": "ON"}, "x@y.z", [])
    assert foreign.country_id == "CA" and foreign.region_code == "ON" and foreign.region_id is None
