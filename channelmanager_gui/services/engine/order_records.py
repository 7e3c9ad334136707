"""Walmart orders → local order rows: insert new ones, bring known ones up to date.

Idempotent on (store, purchase order id): importing the same order twice (overlapping windows,
a crash before the cursor moved) updates the row instead of adding one. Updates only ever move
quantities *forward* (shipped, cancelled): our own ship/cancel actions record their quantities
before Walmart shows them, and an import must never roll those back.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from typing import Any

from channelmanager_gui.models.account import WALMART
from channelmanager_gui.models.money import ZERO, to_money
from channelmanager_gui.models.order import Order, OrderLine
from channelmanager_gui.services.walmart.order_models import Order as WalmartOrder
from channelmanager_gui.services.walmart.order_models import OrderLine as WalmartLine

# A line's status shown in the table: the least advanced slice of its quantity wins.
_STATUS_RANK = ("Created", "Acknowledged", "Shipped", "Delivered", "Refund", "Cancelled")


@dataclass
class LineFacts:
    """What Walmart says about one line's quantities."""

    shipped: int
    cancelled: int
    status: str


@dataclass
class OrderChanges:
    """What an update changed, for the timeline."""

    messages: list[str] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.messages)


def line_facts(line: WalmartLine) -> LineFacts:
    shipped = sum(line.quantity_in(s) for s in ("Shipped", "Delivered", "Refund"))
    statuses = [s.status for s in line.statuses]
    known = [s for s in _STATUS_RANK if any(x.lower() == s.lower() for x in statuses)]
    status = known[0] if known else (statuses[0] if statuses else "Created")
    return LineFacts(shipped, line.quantity_in("Cancelled"), status[:16])


def needs_ack(wo: WalmartOrder) -> bool:
    """Walmart still waits for an acknowledgement: some quantity is in Created (or a line came
    without any status, which we must not take for "already acknowledged")."""
    return any(line.quantity_in("Created") > 0 or not line.statuses for line in wo.lines)


def open_quantity(wo: WalmartOrder) -> int:
    """Units neither shipped nor cancelled: what a Commerce order is still needed for."""
    total = 0
    for line in wo.lines:
        facts = line_facts(line)
        total += max(0, line.quantity - facts.shipped - facts.cancelled)
    return total


def _address(wo: WalmartOrder) -> dict[str, Any]:
    info = wo.shipping_info
    if info is None or info.address is None:
        return {}
    data: dict[str, Any] = info.address.model_dump()
    data["phone"] = info.phone
    return data


def _customer_name(wo: WalmartOrder) -> str:
    info = wo.shipping_info
    return (info.address.name if info and info.address else "")[:255]


def new_order(store_id: int, account_id: int, wo: WalmartOrder, now: datetime) -> Order:
    """A local order row (with lines) for an order seen for the first time on the store's
    Walmart account ``account_id``."""
    order = Order(
        store_id=store_id,
        account_id=account_id,
        marketplace=WALMART,
        marketplace_order_id=wo.marketplace_order_id,
        customer_order_id=wo.customer_order_id,
        order_date=wo.order_date,
        estimated_ship_date=wo.estimated_ship_date,
        customer_name=_customer_name(wo),
        customer_email=(wo.customer_email or "")[:255],
        total=to_money(wo.total.amount if wo.total else _sum_charges(wo)),
        currency=(wo.total.currency if wo.total else "USD")[:3],
        shipping_address=_address(wo),
        method_code=wo.shipping_info.method_code if wo.shipping_info else None,
        intent_to_cancel=any(_intent(line) for line in wo.lines),
        acknowledged_at=None if needs_ack(wo) else now,
        lines=[_new_line(line) for line in wo.lines],
    )
    return order


def _sum_charges(wo: WalmartOrder) -> Decimal:
    """What the buyer paid: every line's item, shipping and tax charges, exactly."""
    return sum((line.price + line.shipping + line.tax for line in wo.lines), Decimal())


def _intent(line: WalmartLine) -> bool:
    return (line.intent_to_cancel or "").strip().lower() in ("true", "yes", "y", "1")


def _new_line(line: WalmartLine) -> OrderLine:
    facts = line_facts(line)
    qty = line.quantity
    return OrderLine(
        line_number=line.line_number[:8],
        sku=line.sku[:64],
        product_name=line.product_name[:255],
        qty_ordered=qty,
        qty_shipped=min(qty, facts.shipped),
        qty_cancelled=min(qty - min(qty, facts.shipped), facts.cancelled),
        # The PRODUCT charge is for the whole line (?): the reference's example has quantity 1.
        # line_price keeps it exact; unit_price (what the tables show) is rounded to the cent.
        unit_price=to_money(line.price / qty) if qty else ZERO,
        line_price=to_money(line.price),
        shipping=to_money(line.shipping),
        tax=to_money(line.tax),
        shipping_tax=to_money(line.shipping_tax),
        marketplace_status=facts.status,
    )


def update_order(order: Order, wo: WalmartOrder, now: datetime) -> OrderChanges:
    """Bring a known order up to date with Walmart; returns what changed."""
    changes = OrderChanges()
    intent = any(_intent(line) for line in wo.lines)
    if intent and not order.intent_to_cancel:
        changes.messages.append("The buyer asked to cancel this order on Walmart.")
    order.intent_to_cancel = intent or order.intent_to_cancel
    if order.acknowledged_at is None and not needs_ack(wo):
        order.acknowledged_at = now
        changes.messages.append("Walmart shows the order as acknowledged.")
    ours = {line.line_number: line for line in order.lines}
    for line in wo.lines:
        local = ours.get(line.line_number[:8])
        if local is None:
            order.lines.append(_new_line(line))
            changes.messages.append(f"Walmart added line {line.line_number} ({line.sku}).")
        else:
            _update_line(local, line_facts(line), changes)
    return changes


def _update_line(local: OrderLine, facts: LineFacts, changes: OrderChanges) -> None:
    local.marketplace_status = facts.status
    shipped = min(local.qty_ordered, max(local.qty_shipped, facts.shipped))
    cancelled = min(local.qty_ordered - shipped, max(local.qty_cancelled, facts.cancelled))
    if cancelled > local.qty_cancelled:
        changes.messages.append(
            f"Walmart cancelled {cancelled - local.qty_cancelled} of line {local.line_number} "
            f"({local.sku})."
        )
    if shipped > local.qty_shipped:
        changes.messages.append(
            f"Walmart shows {shipped - local.qty_shipped} of line {local.line_number} "
            f"({local.sku}) as shipped."
        )
    local.qty_shipped = shipped
    local.qty_cancelled = cancelled
