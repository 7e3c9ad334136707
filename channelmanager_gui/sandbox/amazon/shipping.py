"""``confirmShipment`` (Orders v0, reference §3.2): one call per package, 204 on success.

Rules: required fields; ``packageReferenceId`` a *string* holding a positive integer (a JSON
number is refused, amzn/selling-partner-api-models#5094); ``carrierName`` required with carrier
code ``Other``; ISO-8601 ``shipDate``; known ``orderItemId`` (else Amazon's "OrderItemId is
invalid" 400); quantities within what is still unshipped. Amazon-fulfilled, canceled and
Pending orders are refused. Confirming an existing ``packageReferenceId`` again edits that
package (assumed semantics, §5.2).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from starlette.requests import Request
from starlette.responses import Response

from .clock import parse_iso
from .errors import invalid_input
from .http import endpoint, json_body
from .orderstore import Order, Package

if TYPE_CHECKING:
    from .state import AmazonState

POSITIVE = re.compile(r"^[1-9][0-9]*$")
BAD_ITEM = (
    "OrderItemId is invalid, please obtain the value through the getOrderItems API "
    "or Manage Orders page"
)


def _required(detail: dict[str, Any], name: str) -> str:
    value = detail.get(name)
    if not isinstance(value, str) or not value.strip():
        raise invalid_input(details=f"{name} is required and must be a string")
    return value


def _lines(order: Order, detail: dict[str, Any]) -> dict[str, int]:
    items = detail.get("orderItems")
    if not isinstance(items, list) or not items:
        raise invalid_input(details="packageDetail.orderItems is required")
    lines: dict[str, int] = {}
    for entry in items:
        item_id = entry.get("orderItemId") if isinstance(entry, dict) else None
        qty = entry.get("quantity") if isinstance(entry, dict) else None
        if not isinstance(item_id, str) or order.item(item_id) is None:
            raise invalid_input(BAD_ITEM)
        if isinstance(qty, bool) or not isinstance(qty, int) or qty < 1:
            raise invalid_input(details="quantity must be a positive integer")
        lines[item_id] = lines.get(item_id, 0) + qty
    return lines


def _package(order: Order, body: Any) -> Package:
    if not isinstance(body, dict) or not isinstance(body.get("packageDetail"), dict):
        raise invalid_input(details="marketplaceId and packageDetail are required")
    if body.get("marketplaceId") != order.marketplace_id:
        raise invalid_input(details="marketplaceId is missing or does not match the order")
    detail = body["packageDetail"]
    ref = detail.get("packageReferenceId")
    if not isinstance(ref, str) or not POSITIVE.match(ref):
        raise invalid_input(
            details="packageReferenceId must be a string holding a positive integer"
        )
    carrier = _required(detail, "carrierCode")
    name = detail.get("carrierName") or ""
    if carrier == "Other" and not name:
        raise invalid_input(details="carrierName is required when carrierCode is Other")
    tracking = _required(detail, "trackingNumber")
    ship_date = _required(detail, "shipDate")
    if parse_iso(ship_date) is None:
        raise invalid_input(details="shipDate must be an ISO 8601 date-time")
    method = str(detail.get("shippingMethod") or "")
    return Package(ref, carrier, name, method, tracking, ship_date, _lines(order, detail))


def confirm(state: AmazonState, order_id: str, body: Any) -> None:
    order = state.orders.get(order_id)
    with state.orders.lock:
        package = _package(order, body)
        if order.channel == "AFN":
            raise invalid_input(details="Shipment confirmation is not accepted for AFN orders")
        if order.status in ("Canceled", "Pending"):
            raise invalid_input(details=f"The order is {order.status} and cannot be shipped")
        old = order.packages.get(package.ref)
        previous = old.lines if old else {}
        for item_id, qty in package.lines.items():
            item = order.item(item_id)
            assert item is not None  # checked in _lines
            if qty > item.unshipped + previous.get(item_id, 0):
                raise invalid_input(
                    details=f"quantity {qty} exceeds the unshipped quantity of {item_id}"
                )
        for item in order.items:
            item.shipped += package.lines.get(item.item_id, 0) - previous.get(item.item_id, 0)
        order.packages[package.ref] = package
        state.orders.touch(order)


async def confirm_shipment(request: Request, state: AmazonState) -> Response:
    body = await json_body(request)
    confirm(state, request.path_params["orderId"], body)
    return Response(status_code=204)


ROUTES = [
    endpoint(
        "POST",
        "/orders/v0/orders/{orderId}/shipmentConfirmation",
        confirm_shipment,
        "confirmShipment",
    )
]
