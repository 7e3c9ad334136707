"""``confirmShipment`` validation, partial shipment and re-confirmation (§3.2)."""

from __future__ import annotations

from typing import Any

from .conftest import US, AmazonClient, error

LONG_AGO = "2020-01-01T00:00:00Z"


def _package(item_id: str, qty: int, ref: Any = "1", **detail: Any) -> dict[str, Any]:
    package = {
        "packageReferenceId": ref,
        "carrierCode": "UPS",
        "carrierName": "UPS",
        "shippingMethod": "UPS Ground",
        "trackingNumber": "1Z999AA10123456784",
        "shipDate": "2026-08-05T16:30:00Z",
        "orderItems": [{"orderItemId": item_id, "quantity": qty}],
        **detail,
    }
    return {"marketplaceId": US, "packageDetail": package}


def _confirm(client: AmazonClient, order_id: str, body: Any) -> Any:
    return client.call("POST", f"/orders/v0/orders/{order_id}/shipmentConfirmation", json=body)


def test_validations(amazon: AmazonClient) -> None:
    made = amazon.new_order(qty=2)
    order_id, item_id = made["orderId"], made["orderItemIds"][0]
    cases = [
        _package(item_id, 1, ref=1),  # a JSON number, not a string
        _package(item_id, 1, ref="0"),
        _package(item_id, 1, carrierCode="Other", carrierName=""),
        _package(item_id, 1, shipDate="02/21/2022"),
        _package(item_id, 3),  # more than ordered
        {"packageDetail": _package(item_id, 1)["packageDetail"]},  # no marketplaceId
    ]
    for body in cases:
        answer = _confirm(amazon, order_id, body)
        assert answer.status_code == 400, body
        assert error(answer)["code"] == "InvalidInput"
    unknown = _confirm(amazon, order_id, _package("99999999999999", 1))
    assert error(unknown)["message"].startswith("OrderItemId is invalid")
    assert amazon.order(order_id)["status"] == "Unshipped"


def test_partial_then_full_shipment_and_edit(amazon: AmazonClient) -> None:
    made = amazon.new_order(qty=2)
    order_id, item_id = made["orderId"], made["orderItemIds"][0]
    first = _confirm(amazon, order_id, _package(item_id, 1))
    assert first.status_code == 204 and first.content == b""
    assert amazon.order(order_id)["status"] == "PartiallyShipped"
    # Same packageReferenceId again edits that package instead of adding one.
    edit = _confirm(amazon, order_id, _package(item_id, 1, trackingNumber="1ZEDITED"))
    assert edit.status_code == 204
    state = amazon.order(order_id)
    assert state["status"] == "PartiallyShipped" and state["items"][0]["shipped"] == 1
    assert state["packages"]["1"]["tracking"] == "1ZEDITED"
    assert _confirm(amazon, order_id, _package(item_id, 1, ref="2")).status_code == 204
    assert amazon.order(order_id)["status"] == "Shipped"
    v0 = amazon.get(f"/orders/v0/orders/{order_id}").json()["payload"]
    assert v0["OrderStatus"] == "Shipped" and v0["NumberOfItemsShipped"] == 2
    assert _confirm(amazon, order_id, _package(item_id, 1, ref="3")).status_code == 400


def test_afn_and_canceled_orders_are_refused(amazon: AmazonClient) -> None:
    afn = amazon.new_order(qty=1, channel="AFN")
    refused = _confirm(amazon, afn["orderId"], _package(afn["orderItemIds"][0], 1))
    assert refused.status_code == 400
    pending = amazon.new_order(qty=1, pending=True)
    assert (
        _confirm(amazon, pending["orderId"], _package(pending["orderItemIds"][0], 1)).status_code
        == 400
    )
    missing = _confirm(amazon, "111-0000000-0000000", _package("1", 1))
    assert missing.status_code == 404
