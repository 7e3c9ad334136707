"""A detached, read-only copy of what the order handlers need from an order row.

Handlers await remote calls for seconds; holding a session (and SQLite's write lock) that long
would stall the import loop and the window. They read a snapshot, call out, and write each
fact back in a short transaction of its own.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, cast

from sqlalchemy import BindParameter, Executable, Table, bindparam, exists, select

from channelmanager_gui.errors import ChannelError
from channelmanager_gui.models.db import Database
from channelmanager_gui.models.order import Order, OrderLine
from channelmanager_gui.models.outbox import OutboxAction
from channelmanager_gui.services.engine.order_activity import SUBJECT
from channelmanager_gui.services.engine.order_money import LineAmounts
from channelmanager_gui.services.engine.order_saving import ACK


@dataclass(frozen=True)
class Snapshot:
    order_id: int
    store_id: int
    marketplace_order_id: str
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
    # What the buyer paid on Walmart, for the Commerce order's comment (order_money.py).
    total: Decimal = Decimal("0.00")
    currency: str = "USD"
    amounts: list[LineAmounts] = field(default_factory=list)
    marketplace: str = "walmart"  # the order's marketplace, named in the Commerce comment


def _statements() -> tuple[Executable, Executable]:
    """Built once, on the tables (not the ORM classes) with ``order_id`` a bound parameter:
    building an ORM-enabled SELECT (and its cache key) on every call cost more than running
    it."""
    orders, lines = cast(Table, Order.__table__).c, cast(Table, OrderLine.__table__).c
    actions = cast(Table, OutboxAction.__table__).c
    order_id: BindParameter[int] = bindparam("order_id")
    ack_queued = exists().where(
        actions.subject_type == SUBJECT, actions.subject_id == order_id, actions.kind == ACK
    )
    order = select(
        orders.store_id,
        orders.marketplace_order_id,
        orders.customer_order_id,
        orders.customer_email,
        orders.shipping_address,
        orders.commerce_cart_id,
        orders.commerce_entity_id,
        orders.total,
        orders.currency,
        orders.marketplace,
        ack_queued.label("ack_queued"),
    ).where(orders.id == order_id)
    wanted = (
        select(
            lines.sku,
            lines.qty_ordered - lines.qty_cancelled,
            lines.line_number,
            lines.line_price,
            lines.shipping,
            lines.tax,
        )
        .where(lines.order_id == order_id)
        .order_by(lines.line_number)
    )
    return order, wanted


_ORDER, _LINES = _statements()


def load_snapshot(db: Database, order_id: int) -> Snapshot:
    """Two Core SELECTs on a plain connection (no ORM session: a read needs none): this runs
    once per order the outbox creates."""
    params = {"order_id": order_id}
    with db.engine.connect() as conn:
        row = conn.execute(_ORDER, params).one_or_none()
        if row is None:
            raise ChannelError(f"Order #{order_id} no longer exists in this app.")
        lines = conn.execute(_LINES, params).all()
        return Snapshot(
            order_id=order_id,
            store_id=row.store_id,
            marketplace_order_id=row.marketplace_order_id,
            customer_order_id=row.customer_order_id,
            customer_email=row.customer_email,
            shipping_address=dict(row.shipping_address or {}),
            commerce_cart_id=row.commerce_cart_id,
            commerce_entity_id=row.commerce_entity_id,
            cart_lines=[(line[0], int(line[1])) for line in lines],
            ack_queued=bool(row.ack_queued),
            total=row.total,
            currency=row.currency,
            amounts=[LineAmounts(line[2], line[0], *line[3:]) for line in lines],
            marketplace=row.marketplace,
        )
