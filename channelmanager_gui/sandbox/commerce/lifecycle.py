"""Order rules of ``Magento\\Sales\\Model\\Order`` and ``Handler\\State`` (reference §5.3).

Every change to an order runs inside ``order_change``: it applies the automatic state changes and
keeps the MSI reservations equal to what the order still has to ship, so placing, shipping,
cancelling and refunding all move salable quantity the way Commerce does.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from channelmanager_gui.sandbox.commerce.errors import ApiError
from channelmanager_gui.sandbox.commerce.records import Order, OrderItem
from channelmanager_gui.sandbox.commerce.state import CommerceState

STATE_STATUSES: dict[str, tuple[str, ...]] = {
    "new": ("pending",),
    "pending_payment": ("pending_payment",),
    "processing": ("processing", "fraud"),
    "complete": ("complete",),
    "closed": ("closed",),
    "canceled": ("canceled",),
    "holded": ("holded",),
    "payment_review": ("payment_review", "fraud"),
}
EPSILON = 0.0001


def qty_to_ship(i: OrderItem) -> float:
    return max(0.0, i.qty_ordered - i.qty_shipped - i.qty_refunded - i.qty_canceled)


def qty_to_invoice(i: OrderItem) -> float:
    return max(0.0, i.qty_ordered - i.qty_invoiced - i.qty_canceled)


def qty_to_refund(i: OrderItem) -> float:
    return max(0.0, i.qty_invoiced - i.qty_refunded)


def set_state(order: Order, state: str) -> None:
    order.state = state
    order.status = STATE_STATUSES[state][0]


def can_invoice(o: Order) -> bool:
    if o.state in ("holded", "payment_review", "canceled", "complete", "closed"):
        return False
    return any(qty_to_invoice(i) > 0 for i in o.items)


def can_ship(o: Order) -> bool:
    if o.state in ("holded", "payment_review", "canceled"):
        return False
    return any(qty_to_ship(i) > 0 for i in o.items)


def can_creditmemo(o: Order) -> bool:
    if o.state in ("holded", "payment_review", "canceled", "closed"):
        return False
    return o.total_paid - o.total_refunded > EPSILON


def can_cancel(o: Order) -> bool:
    """``Order::canCancel``: false when holded, in review, fully invoiced or finished."""
    if o.state in ("holded", "payment_review", "canceled", "complete", "closed"):
        return False
    return any(qty_to_invoice(i) > 0 for i in o.items)


def check_state(o: Order) -> None:
    """``Handler\\State::check``: processing→complete, →closed after a full refund."""
    if o.state == "canceled" or o.state == "holded" or can_invoice(o):
        return
    if o.state in ("processing", "complete") and not can_creditmemo(o) and not can_ship(o):
        set_state(o, "closed")
    elif o.state == "processing" and not can_ship(o):
        set_state(o, "complete")


@contextmanager
def order_change(state: CommerceState, order: Order, in_process: bool = False) -> Iterator[None]:
    """Apply a change, then reservations, the automatic state change and ``updated_at``."""
    before = [qty_to_ship(i) for i in order.items]
    yield
    for item, old in zip(order.items, before, strict=True):
        delta = qty_to_ship(item) - old
        if delta:
            state.reserve(item.sku, delta)
    if in_process and order.state == "new":
        set_state(order, "processing")
    check_state(order)
    state.touch_order(order)


def cancel(state: CommerceState, order: Order) -> bool:
    """Cancel what is neither invoiced nor shipped; False when ``canCancel()`` says no."""
    if not can_cancel(order):
        return False
    new_state = "canceled"
    with order_change(state, order):
        for item in order.items:
            qty = min(qty_to_invoice(item), qty_to_ship(item))
            if new_state != "processing" and qty_to_refund(item) > 0:
                # Order::registerCancellation: an invoiced order is not "canceled"
                new_state = "processing" if qty_to_ship(item) > qty else "complete"
            item.qty_canceled += qty
            order.subtotal_canceled = round(order.subtotal_canceled + qty * item.price, 2)
        shipping_left = order.shipping_amount - order.shipping_invoiced
        order.total_canceled = round(order.subtotal_canceled + shipping_left, 2)
        set_state(order, new_state)
    return True


def hold(state: CommerceState, order: Order) -> bool:
    if order.state in ("holded", "payment_review", "canceled", "complete", "closed"):
        raise ApiError(400, "A hold action is not available.")
    with order_change(state, order):
        order.hold_before_state, order.hold_before_status = order.state, order.status
        set_state(order, "holded")
    return True


def unhold(state: CommerceState, order: Order) -> bool:
    if order.state != "holded":
        raise ApiError(400, "You cannot remove the hold.")
    with order_change(state, order):
        order.state = order.hold_before_state or "new"
        order.status = order.hold_before_status or STATE_STATUSES[order.state][0]
        order.hold_before_state = order.hold_before_status = None
    return True


def requested_lines(order: Order, items: Any) -> dict[int, float] | None:
    """``[{"order_item_id", "qty"}]`` as {item_id: qty}; None when no items were given."""
    if not items:
        return None
    lines: dict[int, float] = {}
    for line in items if isinstance(items, list) else []:
        if not isinstance(line, dict):
            continue
        try:
            item_id, qty = int(line.get("order_item_id", 0)), float(line.get("qty", 0))
        except (TypeError, ValueError):
            raise ApiError(
                400,
                'Invalid value of "%value" provided for the %fieldName field.',
                {"value": line.get("qty"), "fieldName": "qty"},
            ) from None
        if qty > 0:  # a zero or negative line ships, invoices or refunds nothing
            lines[item_id] = lines.get(item_id, 0.0) + qty
    return lines


def add_history(
    state: CommerceState,
    order: Order,
    comment: str,
    status: str | None,
    notified: int = 0,
    visible: int = 0,
    entity_name: str = "order",
) -> dict[str, Any]:
    entry = {
        "entity_id": state.next_id("history"),
        "parent_id": order.entity_id,
        "comment": comment,
        "status": status or order.status,
        "is_customer_notified": notified,
        "is_visible_on_front": visible,
        "created_at": state.now(),
        "entity_name": entity_name,
    }
    order.histories.insert(0, entry)  # newest first, as the order's history collection is
    return entry
