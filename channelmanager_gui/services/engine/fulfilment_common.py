"""Small pieces every fulfilment step shares: loading an order whole, recording an error or its
clearing on the order and in the timeline.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from channelmanager_gui.errors import ValidationError
from channelmanager_gui.models.db import Database
from channelmanager_gui.models.order import Order, Shipment
from channelmanager_gui.services import activity
from channelmanager_gui.services.engine.order_status import refresh_order_status


def load_order(session: Session, order_id: int) -> Order:
    """The order with its lines and shipments (and shipment lines) loaded."""
    query = (
        select(Order)
        .where(Order.id == order_id)
        .options(
            selectinload(Order.lines),
            selectinload(Order.shipments).selectinload(Shipment.lines),
        )
    )
    order = session.scalar(query)
    if order is None:
        raise ValidationError("order", f"order #{order_id} does not exist (any more)")
    return order


def note(
    session: Session, order: Order, event_name: str, message: str, outcome: str = "ok"
) -> None:
    """One timeline entry on the order."""
    activity.record(
        session,
        store_id=order.store_id,
        subject_type="order",
        subject_id=order.id,
        event=event_name,
        message=message,
        outcome=outcome,
    )


def sync_error(db: Database, store_id: int, event_name: str, message: str) -> None:
    """A loop could not handle one item (it goes on with the others): say so in the log the
    Sync activity screen shows, in its own transaction."""
    with db.session() as session:
        activity.record(
            session,
            store_id=store_id,
            subject_type="sync",
            subject_id=None,
            event=event_name,
            message=message,
            outcome="error",
        )


def set_error(session: Session, order: Order, step: str, message: str) -> None:
    """The order shows Error with ``message``; a later success of ``step`` clears it."""
    order.error = message[:1000]
    order.error_step = step
    refresh_order_status(order)
    note(session, order, step, message, outcome="error")


def clear_error(order: Order, *steps: str) -> None:
    """Forget an error left by one of ``steps`` (it has now succeeded) and refresh the status."""
    if order.error is not None and order.error_step in steps:
        order.error = None
        order.error_step = None
    refresh_order_status(order)
