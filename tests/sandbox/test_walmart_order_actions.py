"""The order line state machine over real HTTP: acknowledge, ship, cancel, refund (reference §4)."""

from __future__ import annotations

import time
from typing import Any

import pytest


def _tracking(**over: Any) -> dict[str, Any]:
    info = {
        "shipDateTime": int(time.time() * 1000),
        "carrierName": {"carrier": "UPS"},
        "methodCode": "Standard",
        "trackingNumber": "1Z999AA10123456784",
        "trackingURL": "https://www.ups.com/track?tracknum=1Z999AA10123456784",
    }
    info.update(over)
    return info


def ship_body(line: str, qty: int, override: bool | None = None, **tracking: Any) -> dict[str, Any]:
    entry: dict[str, Any] = {
        "lineNumber": line,
        "sellerOrderId": "92344",
        "orderLineStatuses": {
            "orderLineStatus": [
                {
                    "status": "Shipped",
                    "statusQuantity": {"unitOfMeasurement": "EACH", "amount": str(qty)},
                    "trackingInfo": _tracking(**tracking),
                }
            ]
        },
    }
    if override is not None:
        entry["intentToCancelOverride"] = override
    return {"orderShipment": {"orderLines": {"orderLine": [entry]}}}


def cancel_body(line: str, qty: int, reason: str = "SELLER_CANCEL_OUT_OF_STOCK") -> dict[str, Any]:
    return {
        "orderCancellation": {
            "orderLines": {
                "orderLine": [
                    {
                        "lineNumber": line,
                        "orderLineStatuses": {
                            "orderLineStatus": [
                                {
                                    "status": "Cancelled",
                                    "cancellationReason": reason,
                                    "statusQuantity": {
                                        "unitOfMeasurement": "EACH",
                                        "amount": str(qty),
                                    },
                                }
                            ]
                        },
                    }
                ]
            }
        }
    }


def refund_body(
    po: str, line: str, amount: float, full: bool = False, reason: str = "DamagedItem"
) -> dict[str, Any]:
    return {
        "orderRefund": {
            "purchaseOrderId": po,
            "orderLines": {
                "orderLine": [
                    {
                        "lineNumber": line,
                        "isFullRefund": full,
                        "refunds": {
                            "refund": [
                                {
                                    "refundComments": "damaged",
                                    "refundCharges": {
                                        "refundCharge": [
                                            {
                                                "refundReason": reason,
                                                "charge": {
                                                    "chargeType": "PRODUCT",
                                                    "chargeName": "ItemPrice",
                                                    "chargeAmount": {
                                                        "currency": "USD",
                                                        "amount": amount,
                                                    },
                                                    "tax": {
                                                        "taxName": "Tax1",
                                                        "taxAmount": {
                                                            "currency": "USD",
                                                            "amount": 0,
                                                        },
                                                    },
                                                },
                                            }
                                        ]
                                    },
                                }
                            ]
                        },
                    }
                ]
            },
        }
    }


def statuses(order: dict[str, Any], line: int = 0) -> dict[str, int]:
    entries = order["orderLines"]["orderLine"][line]["orderLineStatuses"]["orderLineStatus"]
    out: dict[str, int] = {}
    for s in entries:
        out[s["status"]] = out.get(s["status"], 0) + int(s["statusQuantity"]["amount"])
    return out


def assert_order_400(r, text: str = "") -> None:
    assert r.status_code == 400, r.text
    err = r.json()["errors"]["error"][0]
    assert err["code"] == "INVALID_REQUEST_CONTENT.GMP_ORDER_API" and err["field"] == "data"
    assert text.lower() in err["description"].lower()


@pytest.fixture
def po(wm) -> str:
    return wm.new_order([(wm.skus()[0], 3), (wm.skus()[1], 1)])


def test_acknowledge_moves_all_created_quantity(wm, po, walmart_schemas):
    r = wm.post(f"/v3/orders/{po}/acknowledge")
    assert r.status_code == 200
    walmart_schemas.validate("orders", "GetOrderResponse", r.json())
    assert statuses(r.json()["order"]) == {"Acknowledged": 3}
    assert wm.post(f"/v3/orders/{po}/acknowledge", json=[]).status_code == 200  # re-ack is fine


def test_partial_ship_splits_a_multi_quantity_line(wm, po, walmart_schemas):
    wm.post(f"/v3/orders/{po}/acknowledge")
    r = wm.post(f"/v3/orders/{po}/shipping", json=ship_body("1", 2))
    assert r.status_code == 200, r.text
    walmart_schemas.validate("orders", "GetOrderResponse", r.json())
    order = r.json()["order"]
    assert statuses(order) == {"Acknowledged": 1, "Shipped": 2}
    shipped = next(
        s
        for s in order["orderLines"]["orderLine"][0]["orderLineStatuses"]["orderLineStatus"]
        if s["status"] == "Shipped"
    )
    assert shipped["trackingInfo"]["carrierName"]["carrier"] == "UPS"
    assert order["orderLines"]["orderLine"][0]["sellerOrderId"] == "92344"
    assert_order_400(wm.post(f"/v3/orders/{po}/shipping", json=ship_body("1", 2)), "overshipped")
    assert wm.post(f"/v3/orders/{po}/shipping", json=ship_body("1", 1)).status_code == 200
    assert_order_400(wm.post(f"/v3/orders/{po}/shipping", json=ship_body("1", 1)), "shipped status")
    assert_order_400(wm.post(f"/v3/orders/{po}/acknowledge"), "higher status")


def test_ship_validation_errors(wm, po):
    url = f"/v3/orders/{po}/shipping"
    assert_order_400(wm.post(url, json=ship_body("9", 1)), "does not exist")
    assert_order_400(wm.post(url, json=ship_body("1", 1, trackingNumber="")), "trackingnumber")
    assert_order_400(
        wm.post(url, json=ship_body("1", 1, carrierName={"carrier": "Pony Express"})), "carrier"
    )
    assert_order_400(
        wm.post(
            url,
            json=ship_body("1", 1, carrierName={"otherCarrier": "Local Courier"}, trackingURL=None),
        ),
        "trackingurl",
    )
    assert (
        wm.post(
            url, json=ship_body("1", 1, carrierName={"otherCarrier": "Local Courier"})
        ).status_code
        == 200
    )
    assert_order_400(wm.post(url, json=ship_body("1", 1, methodCode="Teleport")), "methodcode")
    body = ship_body("1", 1)
    del body["orderShipment"]["orderLines"]["orderLine"][0]["orderLineStatuses"]["orderLineStatus"][
        0
    ]["trackingInfo"]
    assert_order_400(wm.post(url, json=body), "trackinginfo")
    assert_order_400(wm.post(url, json=ship_body("1", 0)), "positive")
    body = ship_body("1", 1)  # sellerOrderId is required by the spec's ShippingLineType
    del body["orderShipment"]["orderLines"]["orderLine"][0]["sellerOrderId"]
    assert_order_400(wm.post(url, json=body), "sellerorderid is required")
    body["orderShipment"]["orderLines"]["orderLine"][0]["sellerOrderId"] = "9" * 31
    assert_order_400(wm.post(url, json=body), "at most 30 characters")
    r = wm.post(url, content=b"{not json")
    assert r.status_code == 400
    assert r.json()["errors"]["error"][0]["code"].startswith("MALFORMED_REQUEST_CONTENT")


def test_cancel_rules(wm, po, walmart_schemas):
    url = f"/v3/orders/{po}/cancel"
    assert_order_400(
        wm.post(url, json=cancel_body("1", 1, "CANCEL_BY_SELLER")), "cancellationreason"
    )
    assert_order_400(
        wm.post(url, json=cancel_body("1", 1, "CUSTOMER_REQUESTED_SELLER_TO_CANCEL")),
        "intent to cancel",
    )
    r = wm.post(url, json=cancel_body("2", 1))
    assert r.status_code == 200
    walmart_schemas.validate("orders", "GetOrderResponse", r.json())
    cancelled = r.json()["order"]["orderLines"]["orderLine"][1]["orderLineStatuses"][
        "orderLineStatus"
    ]
    assert cancelled[0]["cancellationReason"] == "SELLER_CANCEL_OUT_OF_STOCK"
    assert_order_400(
        wm.post(f"/v3/orders/{po}/shipping", json=ship_body("2", 1)), "cancelled status"
    )
    assert wm.post(f"/v3/orders/{po}/shipping", json=ship_body("1", 3)).status_code == 200
    assert_order_400(wm.post(url, json=cancel_body("1", 1)), "shipped status")


def test_intent_to_cancel_line(wm):
    po = wm.new_order([(wm.skus()[3], 1)], intent_to_cancel=True)
    order = wm.get(f"/v3/orders/{po}").json()["order"]
    # Represented as the string "true" on the line (spec: intentToCancel is a string).
    assert order["orderLines"]["orderLine"][0]["intentToCancel"] == "true"
    url = f"/v3/orders/{po}/shipping"
    assert_order_400(wm.post(url, json=ship_body("1", 1)), "intentToCancelOverride")
    assert_order_400(wm.post(url, json=ship_body("1", 1, override=False)), "intentToCancelOverride")
    assert wm.post(url, json=ship_body("1", 1, override=True)).status_code == 200
    po2 = wm.new_order([(wm.skus()[3], 2)], intent_to_cancel=True)
    r = wm.post(
        f"/v3/orders/{po2}/cancel", json=cancel_body("1", 2, "CUSTOMER_REQUESTED_SELLER_TO_CANCEL")
    )
    assert r.status_code == 200
    assert statuses(r.json()["order"]) == {"Cancelled": 2}


def test_refunds(wm, po, walmart_schemas):
    url = f"/v3/orders/{po}/refund"
    assert_order_400(wm.post(url, json=refund_body(po, "2", -1.0)), "shipped")
    wm.post(f"/v3/orders/{po}/shipping", json=ship_body("2", 1))
    assert_order_400(wm.post(url, json=refund_body(po, "2", 5.0)), "negative")
    assert_order_400(
        wm.post(url, json=refund_body(po, "2", -1.0, reason="Because")), "refundreason"
    )
    assert_order_400(wm.post(url, json=refund_body(po, "2", -100000.0)), "exceeds")
    r = wm.post(url, json=refund_body(po, "2", -1.0))
    assert r.status_code == 200, r.text
    walmart_schemas.validate("orders", "GetOrderResponse", r.json())
    refund = r.json()["order"]["orderLines"]["orderLine"][1]["refund"]
    assert refund["refundCharges"]["refundCharge"][0]["charge"]["chargeAmount"]["amount"] == -1.0
    full = wm.post(url, json=refund_body(po, "2", 0, full=True))
    assert full.status_code == 200
    assert_order_400(wm.post(url, json=refund_body(po, "2", 0, full=True)), "fully refunded")
    mixed = refund_body(po, "2", -1.0)
    mixed["orderRefund"]["orderLines"]["orderLine"].append(
        refund_body(po, "1", 0, full=True)["orderRefund"]["orderLines"]["orderLine"][0]
    )
    assert_order_400(wm.post(url, json=mixed), "all full or all partial")


def test_tracking_correction_with_partial_update(wm, po):
    wm.post(f"/v3/orders/{po}/shipping", json=ship_body("2", 1, trackingNumber="OLD123"))
    body = ship_body("2", 1, trackingNumber="NEW456")
    body["orderShipment"]["processMode"] = "PARTIAL_UPDATE"
    status = body["orderShipment"]["orderLines"]["orderLine"][0]["orderLineStatuses"]
    status["orderLineStatus"][0]["currentTrackingInfo"] = {"trackingNumber": "OLD123"}
    r = wm.post(f"/v3/orders/{po}/shipping", json=body)
    assert r.status_code == 200, r.text
    line = r.json()["order"]["orderLines"]["orderLine"][1]
    tracking = line["orderLineStatuses"]["orderLineStatus"][0]["trackingInfo"]
    assert tracking["trackingNumber"] == "NEW456"
    assert statuses(r.json()["order"], 1) == {"Shipped": 1}


def test_actions_on_unknown_po(wm):
    r = wm.post("/v3/orders/123/acknowledge")
    assert r.status_code == 404
    assert r.json()["errors"]["error"][0]["code"] == "CONTENT_NOT_FOUND.GMP_ORDER_API"
