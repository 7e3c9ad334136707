"""Linking a marketplace return (Walmart's, Amazon's) to its local order, and queueing its
mirror into Commerce.

Kept apart from the returns loop because it runs from two places: when a return is imported
and its order is already here, and later for returns that arrived before their order.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from channelmanager_gui.models.order import Order, Return
from channelmanager_gui.services import outbox
from channelmanager_gui.services.changes import Change
from channelmanager_gui.services.changes import note as note_changes
from channelmanager_gui.services.engine.context import EngineEnv, StoreContext
from channelmanager_gui.services.engine.fulfilment_common import (
    load_order,
    note,
)
from channelmanager_gui.services.engine.order_status import refresh_order_status

COMMERCE_RETURN = "commerce.return"


def attach(
    session: Session, env: EngineEnv, store: StoreContext, ret: Return, order_id: int
) -> None:
    """Link a return to its local order and queue its mirror into Commerce."""
    ret.order_id = order_id
    order = load_order(session, order_id)
    outbox.enqueue(
        session,
        store_id=store.id,
        kind=COMMERCE_RETURN,
        subject_type="order",
        subject_id=order.id,
        payload={"return_id": ret.id},
    )
    refresh_order_status(order)
    units = sum(int(str(ln["qty"])) for ln in ret.lines)
    reasons = ", ".join(sorted({str(ln["reason"]) for ln in ret.lines if ln["reason"]}))
    note(
        session,
        order,
        "return_imported",
        f"{'Amazon' if ret.marketplace == 'amazon' else 'Walmart'} return "
        f"{ret.return_order_id}: {units} unit(s) ({reasons or 'no reason'}), "
        f"refund {ret.refund_amount:.2f}",
    )
    note_changes(session, Change.ORDERS, Change.RETURNS, Change.ACTIVITY)


def link_orphans(env: EngineEnv, store: StoreContext) -> int:
    """Returns imported before their order (the order came in a later pass, or the app was
    off when it was placed) are linked as soon as the order is here: the return's own
    overlap window is long gone by then, so it would never be seen again otherwise."""
    with env.db.session() as session:
        pairs = session.execute(
            select(Return, Order.id)
            .join(
                Order,
                (Order.account_id == Return.account_id)
                & (Order.customer_order_id == Return.customer_order_id),
            )
            .where(Return.store_id == store.id, Return.order_id.is_(None))
        ).all()
        for ret, order_id in pairs:
            attach(session, env, store, ret, order_id)
    return len(pairs)
