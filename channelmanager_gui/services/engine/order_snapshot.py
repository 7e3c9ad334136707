"""A detached, read-only copy of what the order handlers need from an order row.

Handlers await remote calls for seconds; holding a session (and SQLite's write lock) that long
would stall the import loop and the window. They read a snapshot, call out, and write each
fact back in a short transaction of its own.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import BindParameter, Executable, bindparam, exists, select

from channelmanager_gui.errors import ChannelError
from channelmanager_gui.models.db import Database
from channelmanager_gui.models.order import Order, OrderLine
from channelmanager_gui.models.outbox import OutboxAction
from channelmanager_gui.services.engine.order_activity import SUBJECT
from channelmanager_gui.services.engine.order_import import ACK


@dataclass(frozen=True)
class Snapshot:
    order_id: int
    store_id: int
    purchase_order_id: str
    customer_order_id: str
    customer_email: str
    shipping_address: dict[str, Any]
    commerce_cart_id: int | None
    commerce_entity_id: int | None
    # (sku, quantity still wanted in Commerce) per Walmart line: ordered minus cancelled
    cart_lines: list[tuple[str, int]] = field(default_factory=list)
    # This database queued the Walmart acknowledgement: the order was unacknowledged when
    # imported, so no copy of this app (which acknowledges before creating) made it in Commerce.
    ack_queued: bool = False


def _statements() -> tuple[Executable, Executable]:
    """Built once: building a SELECT (and its cache key) on every call cost as much as running
    it; ``order_id`` is a bound parameter."""
    order_id: BindParameter[int] = bindparam("order_id")
    ack_queued = exists().where(
        OutboxAction.subject_type == SUBJECT,
        OutboxAction.subject_id == order_id,
        OutboxAction.kind == ACK,
    )
    order = select(
        Order.store_id,
        Order.purchase_order_id,
        Order.customer_order_id,
        Order.customer_email,
        Order.shipping_address,
        Order.commerce_cart_id,
        Order.commerce_entity_id,
        ack_queued.label("ack_queued"),
    ).where(Order.id == order_id)
    lines = (
        select(OrderLine.sku, OrderLine.qty_ordered - OrderLine.qty_cancelled)
        .where(OrderLine.order_id == order_id)
        .order_by(OrderLine.line_number)
    )
    return order, lines


_ORDER, _LINES = _statements()


def load_snapshot(db: Database, order_id: int) -> Snapshot:
    """Two plain SELECTs (no ORM objects): this runs once per order the outbox creates."""
    params = {"order_id": order_id}
    with db.session() as session:
        row = session.execute(_ORDER, params).one_or_none()
        if row is None:
            raise ChannelError(f"Order #{order_id} no longer exists in this app.")
        lines = session.execute(_LINES, params)
        return Snapshot(
            order_id=order_id,
            store_id=row.store_id,
            purchase_order_id=row.purchase_order_id,
            customer_order_id=row.customer_order_id,
            customer_email=row.customer_email,
            shipping_address=dict(row.shipping_address or {}),
            commerce_cart_id=row.commerce_cart_id,
            commerce_entity_id=row.commerce_entity_id,
            cart_lines=[(sku, int(qty)) for sku, qty in lines],
            ack_queued=bool(row.ack_queued),
        )
