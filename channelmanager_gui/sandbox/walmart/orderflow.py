"""The order line state machine of reference §3–§4: acknowledge, ship, cancel, refund.

Each action validates the whole request first and only then moves quantities, so a 400 never
leaves an order half-changed. Quantities move between ``Status`` entries of a line, which is how a
multi-quantity line ends up with several ``orderLineStatus`` entries (e.g. 1 Shipped + 1 Created).
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from .errors import order_error
from .orderdata import UNSHIPPED, Line, Order, Status, line_charges
from .vocab import (
    BUYER_CANCEL,
    CANCEL_REASONS,
    CARRIERS,
    HIGHER,
    METHOD_CODES,
    REFUND_REASONS,
    SHIPPED,
)


def as_list(value: Any) -> list[Any]:
    """A JSON list, tolerating the single object some XML-born clients send instead."""
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def dig(data: Any, *keys: str) -> Any:
    for key in keys:
        if not isinstance(data, dict):
            return None
        data = data.get(key)
    return data


def _amount(quantity: Any, where: str) -> int:
    try:
        value = int(str(dig(quantity, "amount")))
    except ValueError:
        raise order_error(f"{where}: statusQuantity.amount must be a whole number") from None
    if value <= 0:
        raise order_error(f"{where}: statusQuantity.amount must be positive")
    return value


def _line(order: Order, entry: Any) -> Line:
    number = dig(entry, "lineNumber")
    line = order.line(number) if number is not None else None
    if line is None:
        raise order_error(f"The Line: {number} of PO: {order.po} does not exist")
    return line


def _move(line: Line, qty: int, sources: tuple[str, ...], target: Status, now: int) -> None:
    """Take ``qty`` from entries in ``sources`` (in that order) and add it as ``target``."""
    left = qty
    for name in sources:
        for s in line.statuses:
            if s.status == name and left:
                take = min(s.qty, left)
                s.qty -= take
                left -= take
    line.statuses = [s for s in line.statuses if s.qty > 0]
    for s in line.statuses:
        if (s.status, s.reason, s.tracking) == (target.status, target.reason, target.tracking):
            s.qty += target.qty
            break
    else:
        line.statuses.append(target)
    line.status_date = now


def acknowledge(order: Order, now: int) -> None:
    """All Created quantity becomes Acknowledged; re-acknowledging is allowed (reference §4)."""
    if any(ln.qty_in(*HIGHER) for ln in order.lines):
        raise order_error("Some or all qty in higher status")
    for ln in order.lines:
        created = ln.qty_in("Created")
        if created:
            _move(ln, created, ("Created",), Status("Acknowledged", created), now)
    order.last_modified = now


def _tracking(info: Any, where: str) -> dict[str, Any]:
    if not isinstance(info, dict):
        raise order_error(f"{where}: trackingInfo is required")
    carrier = info.get("carrierName") or {}
    named, other = carrier.get("carrier"), carrier.get("otherCarrier")
    if named and named not in CARRIERS:
        raise order_error(f"{where}: carrier '{named}' is not a valid carrier name")
    if not named and not other:
        raise order_error(f"{where}: carrierName.carrier or carrierName.otherCarrier is required")
    if other and not named and not info.get("trackingURL"):
        raise order_error(f"{where}: trackingURL is mandatory when otherCarrier is used")
    if not info.get("trackingNumber"):
        raise order_error(f"{where}: trackingNumber is required")
    if info.get("methodCode") not in METHOD_CODES:
        raise order_error(f"{where}: methodCode '{info.get('methodCode')}' is invalid")
    if not isinstance(info.get("shipDateTime"), int):
        raise order_error(f"{where}: shipDateTime (epoch ms) is required")
    return {
        "shipDateTime": info["shipDateTime"],
        "carrierName": {"otherCarrier": other, "carrier": named},
        "methodCode": info["methodCode"],
        "trackingNumber": str(info["trackingNumber"]),
        "trackingURL": info.get("trackingURL"),
    }


def ship(order: Order, body: Any, now: int) -> None:
    shipment = dig(body, "orderShipment")
    entries = as_list(dig(shipment, "orderLines", "orderLine"))
    if not entries:
        raise order_error("orderShipment.orderLines.orderLine is required")
    if dig(shipment, "processMode") == "PARTIAL_UPDATE":
        _update_tracking(order, entries, now)
        return
    plan: list[tuple[Line, Status, str]] = []
    wanted: dict[int, int] = defaultdict(int)
    for entry in entries:
        line = _line(order, entry)
        where = f"Line: {line.number} of PO: {order.po}"
        if line.intent_to_cancel and dig(entry, "intentToCancelOverride") is not True:
            raise order_error(
                f"{where} has a cancellation request from the customer; "
                "set intentToCancelOverride to true to ship it"
            )
        seller_order_id = _seller_order_id(entry, where)
        for st in as_list(dig(entry, "orderLineStatuses", "orderLineStatus")):
            if dig(st, "status") != "Shipped":
                raise order_error(f"{where}: status must be Shipped")
            qty = _amount(dig(st, "statusQuantity"), where)
            tracking = _tracking(dig(st, "trackingInfo"), where)
            wanted[line.number] += qty
            status = Status("Shipped", qty, None, tracking, dig(st, "returnCenterAddress"))
            plan.append((line, status, seller_order_id))
    for line, _, _ in plan:
        _check_available(order, line, wanted[line.number], "OverShipped")
    for line, status, seller_order_id in plan:
        _move(line, status.qty, ("Acknowledged", "Created"), status, now)
        line.seller_order_id = seller_order_id
    order.last_modified = now


def _seller_order_id(entry: Any, where: str) -> str:
    """``sellerOrderId`` is in ``required`` of the spec's ``ShippingLineType``, "limit of 30
    characters" (orders OpenAPI). What Walmart answers to a missing or longer one is not
    documented (?): the usual 400 INVALID_REQUEST_CONTENT with field "data" is assumed."""
    value = dig(entry, "sellerOrderId")
    if not isinstance(value, str) or not value.strip():
        raise order_error(f"{where}: sellerOrderId is required")
    if len(value) > 30:
        raise order_error(f"{where}: sellerOrderId must be at most 30 characters")
    return value


def _check_available(order: Order, line: Line, wanted: int, verb: str) -> None:
    available = line.qty_in(*UNSHIPPED)
    where = f"Line: {line.number} of PO: {order.po}"
    if available == 0:
        state = "CANCELLED" if line.qty_in("Cancelled") == line.qty else "SHIPPED"
        raise order_error(f"{where} is in {state} status")
    if wanted > available:
        raise order_error(f"Qty {verb} for {where}: requested {wanted}, available {available}")


def _update_tracking(order: Order, entries: list[Any], now: int) -> None:
    """PARTIAL_UPDATE: replace tracking of an already shipped quantity (reference §4 (?))."""
    changes = []
    for entry in entries:
        line = _line(order, entry)
        where = f"Line: {line.number} of PO: {order.po}"
        for st in as_list(dig(entry, "orderLineStatuses", "orderLineStatus")):
            old = dig(st, "currentTrackingInfo", "trackingNumber")
            shipped = [
                s
                for s in line.statuses
                if s.status == "Shipped"
                and (old is None or (s.tracking or {}).get("trackingNumber") == old)
            ]
            if not shipped:
                raise order_error(f"{where} has no shipment with tracking number {old}")
            changes.append((line, shipped[0], _tracking(dig(st, "trackingInfo"), where)))
    for line, status, tracking in changes:
        status.tracking = tracking
        line.status_date = now
    order.last_modified = now


def cancel(order: Order, body: Any, now: int) -> None:
    entries = as_list(dig(body, "orderCancellation", "orderLines", "orderLine"))
    if not entries:
        raise order_error("orderCancellation.orderLines.orderLine is required")
    plan: list[tuple[Line, Status]] = []
    wanted: dict[int, int] = defaultdict(int)
    for entry in entries:
        line = _line(order, entry)
        where = f"Line: {line.number} of PO: {order.po}"
        for st in as_list(dig(entry, "orderLineStatuses", "orderLineStatus")):
            reason = dig(st, "cancellationReason")
            if dig(st, "status") != "Cancelled":
                raise order_error(f"{where}: status must be Cancelled")
            if reason not in CANCEL_REASONS:
                raise order_error(f"{where}: invalid cancellationReason '{reason}'")
            if reason == BUYER_CANCEL and not line.intent_to_cancel:
                raise order_error(
                    f"{where}: {BUYER_CANCEL} is only valid for intent to cancel orders"
                )
            qty = _amount(dig(st, "statusQuantity"), where)
            wanted[line.number] += qty
            plan.append((line, Status("Cancelled", qty, reason)))
    for line, _ in plan:
        _check_available(order, line, wanted[line.number], "OverCancelled")
    for line, status in plan:
        _move(line, status.qty, ("Created", "Acknowledged"), status, now)
    order.last_modified = now


def refund(order: Order, body: Any, now: int, refund_id: str) -> None:
    data = dig(body, "orderRefund")
    if dig(data, "purchaseOrderId") not in (None, order.po):
        raise order_error(
            f"purchaseOrderId {dig(data, 'purchaseOrderId')} does not match {order.po}"
        )
    entries = as_list(dig(data, "orderLines", "orderLine"))
    if not entries:
        raise order_error("orderRefund.orderLines.orderLine is required")
    if len({bool(dig(e, "isFullRefund")) for e in entries}) > 1:
        raise order_error("A refund request must be either all full or all partial refunds")
    plan = [_plan_refund(order, e) for e in entries]
    for line, charges, comments, total in plan:
        line.refunded = round(line.refunded + total, 2)
        old = dig(line.refund, "refundCharges", "refundCharge") or []
        line.refund = {
            "refundId": refund_id,
            "refundComments": comments,
            "refundCharges": {"refundCharge": old + charges},
        }
        line.status_date = now
    order.last_modified = now


def _line_total(line: Line) -> float:
    return round(
        sum(
            c["chargeAmount"]["amount"] + (c["tax"]["taxAmount"]["amount"] if c["tax"] else 0)
            for c in line_charges(line)
        ),
        2,
    )


def _negate(charge: dict[str, Any]) -> dict[str, Any]:
    out = {
        **charge,
        "chargeAmount": {**charge["chargeAmount"], "amount": -charge["chargeAmount"]["amount"]},
    }
    if charge["tax"]:
        amount = -charge["tax"]["taxAmount"]["amount"]
        out["tax"] = {
            **charge["tax"],
            "taxAmount": {**charge["tax"]["taxAmount"], "amount": amount},
        }
    return out


def _plan_refund(order: Order, entry: Any) -> tuple[Line, list[dict[str, Any]], str | None, float]:
    line = _line(order, entry)
    where = f"Line: {line.number} of PO: {order.po}"
    if not line.qty_in(*SHIPPED):
        raise order_error(f"{where} is not shipped; refunds are allowed on shipped lines only")
    remaining = round(_line_total(line) - line.refunded, 2)
    refunds = as_list(dig(entry, "refunds", "refund"))
    comments = next((r.get("refundComments") for r in refunds if isinstance(r, dict)), None)
    if dig(entry, "isFullRefund") is True:
        if remaining <= 0:
            raise order_error(f"{where} is already fully refunded")
        reason = dig(refunds[0] if refunds else None, "refundCharges", "refundCharge")
        reason = dig(as_list(reason)[0] if reason else None, "refundReason") or "Others"
        charges = [{"refundReason": reason, "charge": _negate(c)} for c in line_charges(line)]
        return line, charges, comments, remaining
    charges, total = [], 0.0
    for r in refunds:
        for rc in as_list(dig(r, "refundCharges", "refundCharge")):
            if dig(rc, "refundReason") not in REFUND_REASONS:
                raise order_error(f"{where}: invalid refundReason '{dig(rc, 'refundReason')}'")
            amount = dig(rc, "charge", "chargeAmount", "amount")
            tax = dig(rc, "charge", "tax", "taxAmount", "amount") or 0
            if not isinstance(amount, int | float) or amount >= 0 or tax > 0:
                raise order_error(f"{where}: refund amounts must be negative numbers")
            total += -amount - tax
            charges.append(rc)
    if not charges:
        raise order_error(f"{where}: refunds.refund[].refundCharges.refundCharge is required")
    if round(total, 2) > remaining:
        raise order_error(f"{where}: refund {total:.2f} exceeds the refundable {remaining:.2f}")
    return line, charges, comments, round(total, 2)
