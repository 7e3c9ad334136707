"""Cancelling a whole order with a Walmart reason, and the buyer requests to cancel.

``cancel_order`` records the cancellation (reason, cancelled quantities, status Cancelled) and
queues ``walmart.cancel`` then ``commerce.cancel`` in one transaction; the handlers are in
``cancel_handlers.py``. Walmart goes first: if Walmart refuses (a line shipped meanwhile), the
Commerce order stays as it is. Cancelling in Commerce releases the stock reservation, and the
inventory loop then pushes the higher salable quantity to Walmart.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from channelmanager_gui.models.db import Database
from channelmanager_gui.models.order import Order
from channelmanager_gui.models.outbox import ActionStatus, OutboxAction
from channelmanager_gui.services import outbox
from channelmanager_gui.services.changes import Change, ChangeBus
from channelmanager_gui.services.engine.fulfilment_common import (
    load_order,
    note,
    publish_after_commit,
)
from channelmanager_gui.services.engine.order_status import refresh_order_status
from channelmanager_gui.services.validation import (
    CANCEL_REASON_LABELS,
    COMMERCE_CANCEL_HELD,
    is_held,
    validate_cancel,
)

WALMART_CANCEL = "walmart.cancel"
COMMERCE_CANCEL = "commerce.cancel"


def cancel_order(
    db: Database, order_id: int, reason: str, *, changes: ChangeBus | None = None
) -> None:
    """Cancel every open unit of the order on Walmart and the order in Commerce.

    Raises ``ValidationError`` (nothing written) when the order cannot be cancelled or the
    reason is not one of Walmart's five. An order held after a cancellation in Commerce
    (``commerce_cancellations.py``) gets only the Walmart cancellation, with this reason.
    """
    with db.session() as session:
        order = load_order(session, order_id)
        request = validate_cancel(order, reason)
        if is_held(order):
            _send_held(session, order, request.reason)
            publish_after_commit(session, changes, Change.ORDERS, Change.ACTIVITY, Change.OUTBOX)
            return
        lines = {ln.line_number: ln.qty_open for ln in order.lines if ln.qty_open > 0}
        for line in order.lines:
            line.qty_cancelled += line.qty_open
        order.cancel_reason = request.reason
        superseded = _supersede_failed_creation(session, order)
        payload = {"reason": request.reason, "lines": lines}
        for kind in (WALMART_CANCEL, COMMERCE_CANCEL):
            outbox.enqueue(
                session,
                store_id=order.store_id,
                kind=kind,
                subject_type="order",
                subject_id=order.id,
                payload=payload,
            )
        refresh_order_status(order)
        label = CANCEL_REASON_LABELS[request.reason]
        units = sum(lines.values())
        note(session, order, "cancel_requested", f"Cancel {units} unit(s): {label}")
        if superseded:
            note(session, order, "cancel_requested", f"{superseded} failed step(s) dropped", "info")
        publish_after_commit(session, changes, Change.ORDERS, Change.ACTIVITY, Change.OUTBOX)


def queue_walmart_cancel(session: Session, order: Order, reason: str) -> None:
    """Queue ``walmart.cancel`` for units already counted as cancelled on the order's lines
    (cancelled in Commerce first). The payload holds each line's cancelled *total*: the
    handler sends only what Walmart does not show as cancelled yet, so a retry after a lost
    answer sends nothing twice, even for part of a line."""
    totals = {ln.line_number: ln.qty_cancelled for ln in order.lines if ln.qty_cancelled > 0}
    if all(ln.qty_open == 0 for ln in order.lines):
        order.cancel_reason = reason  # the whole order: what the in-app cancel records too
    outbox.enqueue(
        session,
        store_id=order.store_id,
        kind=WALMART_CANCEL,
        subject_type="order",
        subject_id=order.id,
        payload={"reason": reason, "totals": totals},
    )


def _send_held(session: Session, order: Order, reason: str) -> None:
    queue_walmart_cancel(session, order, reason)
    if order.error_step == COMMERCE_CANCEL_HELD:
        order.error, order.error_step = None, None
    refresh_order_status(order)
    note(
        session,
        order,
        "cancel_requested",
        f"Cancellation made in Commerce sent to Walmart: {CANCEL_REASON_LABELS[reason]}",
    )


def _supersede_failed_creation(session: Session, order: Order) -> int:
    """An order whose Commerce creation failed (typically: out of stock) is often exactly the
    one a merchant cancels. Its failed actions would block the cancel forever, and creating the
    order now would be wrong, so they are closed as superseded and the error is cleared."""
    if order.commerce_entity_id is not None:
        return 0
    failed = list(
        session.scalars(
            select(OutboxAction).where(
                OutboxAction.subject_type == "order",
                OutboxAction.subject_id == order.id,
                OutboxAction.status == ActionStatus.ERROR,
            )
        )
    )
    for action in failed:
        action.status = ActionStatus.DONE
        action.result = {"superseded": "order cancelled"}
    if failed:
        order.error = None
        order.error_step = None
    return len(failed)


def cancel_label(reason: str | None) -> str:
    return CANCEL_REASON_LABELS.get(reason or "", reason or "")


def orders_with_cancel_requests(db: Database, store_id: int | None = None) -> list[Order]:
    """Orders whose buyer asked Walmart to cancel and that are still open (neither cancelled
    nor fully shipped): the merchant must cancel them or ship with the override, and soon."""
    query = (
        select(Order)
        .where(Order.intent_to_cancel.is_(True), Order.cancel_reason.is_(None))
        .options(selectinload(Order.lines), selectinload(Order.shipments))
        .order_by(Order.order_date)
    )
    if store_id is not None:
        query = query.where(Order.store_id == store_id)
    with db.session() as session:
        orders = list(session.scalars(query))
    return [o for o in orders if any(line.qty_open > 0 for line in o.lines)]
