"""A detached, read-only copy of what the order handlers need from an order row.

Handlers await remote calls for seconds; holding a session (and SQLite's write lock) that long
would stall the import loop and the window. They read a snapshot, call out, and write each
fact back in a short transaction of its own.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Exists, exists, select
from sqlalchemy.orm import selectinload

from channelmanager_gui.errors import ChannelError
from channelmanager_gui.models.db import Database
from channelmanager_gui.models.order import Order
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


def load_snapshot(db: Database, order_id: int) -> Snapshot:
    with db.session() as session:
        order = session.get(Order, order_id, options=[selectinload(Order.lines)])
        if order is None:
            raise ChannelError(f"Order #{order_id} no longer exists in this app.")
        return Snapshot(
            order_id=order.id,
            store_id=order.store_id,
            purchase_order_id=order.purchase_order_id,
            customer_order_id=order.customer_order_id,
            customer_email=order.customer_email,
            shipping_address=dict(order.shipping_address or {}),
            commerce_cart_id=order.commerce_cart_id,
            commerce_entity_id=order.commerce_entity_id,
            cart_lines=[(ln.sku, ln.qty_ordered - ln.qty_cancelled) for ln in order.lines],
            ack_queued=bool(session.scalar(select(_ack_of(order_id)))),
        )


def _ack_of(order_id: int) -> Exists:
    return exists().where(
        OutboxAction.subject_type == SUBJECT,
        OutboxAction.subject_id == order_id,
        OutboxAction.kind == ACK,
    )
