"""Marketplace orders (the port's ``IncomingOrder``) → local order rows: insert new ones, bring
known ones up to date.

Idempotent on (account, marketplace order id): importing the same order twice (overlapping
windows, a crash before the cursor moved) updates the row instead of adding one. Updates only
ever move quantities *forward* (shipped, cancelled): our own ship/cancel actions record their
quantities before the marketplace shows them, and an import must never roll those back.

An Amazon order seen while Pending has no prices yet (reference §2.3): its lines are recorded
at zero and priced by the update that first sees them priced (Unshipped), before any Commerce
order exists for it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal

from channelmanager_gui.models.money import ZERO, to_money
from channelmanager_gui.models.order import Order, OrderLine
from channelmanager_gui.services.marketplace.port import IncomingLine, IncomingOrder

NAMES = {"walmart": "Walmart", "amazon": "Amazon"}


def marketplace_name(marketplace: str) -> str:
    """The marketplace as the merchant reads it ("Walmart", "Amazon")."""
    return NAMES.get(marketplace, marketplace.capitalize())


@dataclass
class OrderChanges:
    """What an update changed, for the timeline."""

    messages: list[str] = field(default_factory=list)
    priced: bool = False  # prices arrived (an Amazon order left Pending)

    def __bool__(self) -> bool:
        return bool(self.messages)


def open_quantity(incoming: IncomingOrder) -> int:
    """Units neither shipped nor cancelled: what a Commerce order is still needed for."""
    return sum(max(0, ln.qty - ln.qty_shipped - ln.qty_cancelled) for ln in incoming.lines)


def _customer_name(incoming: IncomingOrder) -> str:
    return (incoming.buyer_name or "")[:255]


def new_order(store_id: int, account_id: int, incoming: IncomingOrder, now: datetime) -> Order:
    """A local order row (with lines) for an order seen for the first time on the marketplace
    account ``account_id``."""
    total = incoming.total
    if total is None:  # Amazon Pending: no money yet; the lines' sum, zero until priced
        total = sum((_charges(line) for line in incoming.lines), Decimal())
    return Order(
        store_id=store_id,
        account_id=account_id,
        marketplace=incoming.marketplace.value,
        marketplace_order_id=incoming.marketplace_order_id,
        customer_order_id=incoming.customer_order_id,
        order_date=incoming.order_date,
        estimated_ship_date=incoming.ship_by,
        customer_name=_customer_name(incoming),
        customer_email=(incoming.buyer_email or "")[:255],
        total=to_money(total),
        currency=(incoming.currency or "USD")[:3],
        shipping_address=dict(incoming.shipping_address),
        method_code=(incoming.ship_method or None) and incoming.ship_method[:16],
        fulfilled_by=incoming.fulfilled_by.value,
        intent_to_cancel=incoming.buyer_cancel_requested,
        acknowledged_at=None if incoming.needs_acknowledgement else now,
        lines=[_new_line(line) for line in incoming.lines],
    )


def _charges(line: IncomingLine) -> Decimal:
    return (line.line_price or ZERO) + line.shipping + line.tax


def _new_line(line: IncomingLine) -> OrderLine:
    qty = line.qty
    shipped = min(qty, line.qty_shipped)
    line_row = OrderLine(
        line_number=line.line_id[:32],
        sku=line.sku[:64],
        product_name=line.product_name[:255],
        qty_ordered=qty,
        qty_shipped=shipped,
        qty_cancelled=min(qty - shipped, line.qty_cancelled),
        marketplace_status=_status_text(line.status or "Created"),
    )
    _price(line_row, line)
    return line_row


def _status_text(status: str) -> str:
    """The marketplace's status in the line's 16 characters: Amazon's upper-snake words that
    do not fit (``PARTIALLY_SHIPPED``, §2.5) are run together as v0 wrote them."""
    if len(status) <= 16:
        return status
    return "".join(word.capitalize() for word in status.split("_"))[:16]


def _price(local: OrderLine, line: IncomingLine) -> None:
    # line_price keeps the marketplace's charge exact; unit_price (what the tables show) is
    # rounded to the cent. None (Amazon Pending) stays zero until priced.
    qty = local.qty_ordered
    line_price = line.line_price
    if line_price is None and line.unit_price is not None:
        line_price = line.unit_price * qty
    local.unit_price = to_money(line_price / qty) if qty and line_price is not None else ZERO
    local.line_price = to_money(line_price) if line_price is not None else ZERO
    local.shipping = to_money(line.shipping)
    local.tax = to_money(line.tax)
    local.shipping_tax = to_money(line.shipping_tax)


def update_order(order: Order, incoming: IncomingOrder, now: datetime) -> OrderChanges:
    """Bring a known order up to date with the marketplace; returns what changed."""
    changes = OrderChanges()
    name = marketplace_name(order.marketplace)
    intent = incoming.buyer_cancel_requested
    if intent and not order.intent_to_cancel:
        changes.messages.append(f"The buyer asked to cancel this order on {name}.")
    order.intent_to_cancel = intent or order.intent_to_cancel
    if order.acknowledged_at is None and not incoming.needs_acknowledgement:
        order.acknowledged_at = now
        changes.messages.append(f"{name} shows the order as acknowledged.")
    _take_prices(order, incoming, changes)
    ours = {line.line_number: line for line in order.lines}
    for line in incoming.lines:
        local = ours.get(line.line_id[:32])
        if local is None:
            order.lines.append(_new_line(line))
            changes.messages.append(f"{name} added line {line.line_id} ({line.sku}).")
        else:
            _update_line(local, line, changes, name)
    return changes


def _take_prices(order: Order, incoming: IncomingOrder, changes: OrderChanges) -> None:
    """Prices an order seen unpriced (Amazon Pending) once the marketplace gives them; never
    after a Commerce order exists (its comment and totals were made from these)."""
    unpriced = order.total == ZERO and all(ln.line_price == ZERO for ln in order.lines)
    priced = incoming.total is not None and all(ln.unit_price is not None for ln in incoming.lines)
    if not (unpriced and priced) or order.commerce_entity_id is not None or incoming.total is None:
        return
    ours = {line.line_number: line for line in order.lines}
    for line in incoming.lines:
        local = ours.get(line.line_id[:32])
        if local is not None:
            _price(local, line)
    order.total = to_money(incoming.total)
    order.currency = (incoming.currency or order.currency)[:3]
    if incoming.shipping_address:
        order.shipping_address = dict(incoming.shipping_address)
    changes.priced = True
    changes.messages.append(
        f"{marketplace_name(order.marketplace)} authorized the payment: the order is priced "
        f"({order.total:.2f} {order.currency})."
    )


def _update_line(local: OrderLine, line: IncomingLine, changes: OrderChanges, name: str) -> None:
    local.marketplace_status = _status_text(line.status or local.marketplace_status)
    shipped = min(local.qty_ordered, max(local.qty_shipped, line.qty_shipped))
    cancelled = min(local.qty_ordered - shipped, max(local.qty_cancelled, line.qty_cancelled))
    if cancelled > local.qty_cancelled:
        changes.messages.append(
            f"{name} cancelled {cancelled - local.qty_cancelled} of line {local.line_number} "
            f"({local.sku})."
        )
    if shipped > local.qty_shipped:
        changes.messages.append(
            f"{name} shows {shipped - local.qty_shipped} of line {local.line_number} "
            f"({local.sku}) as shipped."
        )
    local.qty_shipped = shipped
    local.qty_cancelled = cancelled
