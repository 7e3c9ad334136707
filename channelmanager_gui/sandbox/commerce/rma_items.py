"""RMA lines: what may be returned, and how the RMA status follows its items' statuses.

Only shipped quantity not yet returned can be requested; approving a line counts it in the
order item's ``qty_returned``, as Commerce does when a return is processed.
"""

from __future__ import annotations

from typing import Any

from channelmanager_gui.sandbox.commerce.errors import ApiError
from channelmanager_gui.sandbox.commerce.records import Order, Rma
from channelmanager_gui.sandbox.commerce.state import CommerceState

# (?) option ids of a fresh install, as strings; ids differ between installations, so clients
# read them from /V1/returnsAttributeMetadata
OPTIONS = {
    "resolution": [("4", "Exchange"), ("5", "Refund"), ("6", "Store Credit")],
    "condition": [("7", "Unopened"), ("8", "Opened"), ("9", "Damaged")],
    "reason": [
        ("10", "Wrong Color"),
        ("11", "Wrong Size"),
        ("12", "Out of Service"),
        ("13", "Other"),
    ],
}
ITEM_STATUSES = ("pending", "authorized", "received", "approved", "rejected", "denied")
_SINGLE = {
    "pending": "pending",
    "authorized": "authorized",
    "received": "received",
    "approved": "processed_closed",
    "rejected": "closed",
    "denied": "closed",
}


def derive_status(items: list[dict[str, Any]]) -> str:
    """``Rma\\Source\\Status::getStatusByItems``, approximately (?) for mixed lines."""
    statuses = {str(i.get("status") or "pending") for i in items}
    if len(statuses) == 1:
        return _SINGLE.get(statuses.pop(), "pending")
    if "pending" in statuses:
        return "partially_authorized" if "authorized" in statuses else "pending"
    if "authorized" in statuses:
        return "partially_authorized"
    if "received" in statuses:
        return "received_on_item"
    if "approved" in statuses:
        return "approved_on_item"
    return "rejected_on_item"


def could_not_save() -> ApiError:
    """``RmaRepository::save`` wraps every failure in this ``CouldNotSaveException``."""
    return ApiError(400, "Could not save the RMA entity.")


def _check_options(line: dict[str, Any]) -> None:
    for code, options in OPTIONS.items():
        if str(line.get(code) or "") not in {value for value, _ in options}:
            raise could_not_save()


def _number(line: dict[str, Any], key: str) -> float:
    try:
        return float(line.get(key) or 0)
    except (TypeError, ValueError):
        raise ApiError(
            400,
            'Invalid value of "%value" provided for the %fieldName field.',
            {"value": line.get(key), "fieldName": key},
        ) from None


def new_items(state: CommerceState, order: Order, rma_id: int, raw: Any) -> list[dict[str, Any]]:
    if not isinstance(raw, list) or not raw:
        raise ApiError(400, "Enter at least one item to return.")  # (?)
    by_id = {i.item_id: i for i in order.items}
    items = []
    for line in raw:
        line = line if isinstance(line, dict) else {}
        item = by_id.get(int(_number(line, "order_item_id")))
        qty = _number(line, "qty_requested")
        if item is None:
            raise ApiError(400, "The order item is not part of the order.")  # (?)
        if qty <= 0 or qty > item.qty_shipped - item.qty_returned:
            raise ApiError(400, "A quantity of %1 is greater than you can return.", [item.sku])
        _check_options(line)
        status = str(line.get("status") or "pending")
        if status not in ITEM_STATUSES:
            raise ApiError(
                400,
                'Invalid value of "%value" provided for the %fieldName field.',
                {"value": status, "fieldName": "status"},
            )
        items.append(
            {
                "entity_id": state.next_id("rma_item"),
                "rma_entity_id": rma_id,
                "order_item_id": item.item_id,
                "qty_requested": qty,
                "qty_authorized": _number(line, "qty_authorized"),
                "qty_approved": _number(line, "qty_approved"),
                "qty_returned": _number(line, "qty_returned"),
                "reason": str(line.get("reason") or ""),
                "condition": str(line.get("condition") or ""),
                "resolution": str(line.get("resolution") or ""),
                "status": status,
            }
        )
    return items


def apply_item_updates(state: CommerceState, rma: Rma, raw: list[Any]) -> None:
    """Update lines matched by ``entity_id`` (or ``order_item_id``)."""
    order = state.orders.get(rma.order_id)
    order_items = {i.item_id: i for i in order.items} if order else {}
    for line in raw:
        if not isinstance(line, dict):
            continue
        target = next(
            (
                i
                for i in rma.items
                if i["entity_id"] == line.get("entity_id")
                or i["order_item_id"] == line.get("order_item_id")
            ),
            None,
        )
        if target is None:
            continue
        was_approved = target["status"] == "approved"
        for key in ("qty_authorized", "qty_approved", "qty_returned"):
            if line.get(key) is not None:
                target[key] = _number(line, key)
        for key in ("reason", "condition", "resolution", "status"):
            if line.get(key) is not None:
                target[key] = str(line[key])
        item = order_items.get(target["order_item_id"])
        if item is not None and target["status"] == "approved" and not was_approved:
            item.qty_returned += target["qty_approved"] or target["qty_requested"]
            if order is not None:
                state.touch_order(order)
