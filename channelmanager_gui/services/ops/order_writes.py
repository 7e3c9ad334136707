"""Order operations: ship, add a tracking link, cancel, retry. Each writes the local facts and
the outbox actions in one transaction and returns its :class:`Changes`; the caller publishes
them (the op runner in the window, the command line in the database's change log).

The outbox worker of the sync process sends the queued actions to the marketplace and Commerce
(handlers in ``services/engine/marketplace_actions.py``, ``ship_handlers.py`` and
``cancel_handlers.py``); a Retry never
repeats a step that succeeded, since the handlers resume from the facts already recorded.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from channelmanager_gui.errors import ValidationError
from channelmanager_gui.models.db import Database
from channelmanager_gui.models.order import Order, Shipment
from channelmanager_gui.models.outbox import ActionStatus, OutboxAction
from channelmanager_gui.services import outbox
from channelmanager_gui.services.changes import NONE, Change, Changes
from channelmanager_gui.services.engine import cancelling, shipping
from channelmanager_gui.services.engine.fulfilment_common import load_order, note
from channelmanager_gui.services.engine.order_status import refresh_order_status
from channelmanager_gui.services.ops import marketplace_rules
from channelmanager_gui.services.ops.validation import (
    CANCEL_REASON_LABELS,
    COMMERCE_CANCEL_HELD,
    FIELD_TRACKING_URL,
    NO_SUCH_ORDER,
    ShipRequest,
    check_tracking_url,
    is_held,
    recheck_shipment,
    validate_cancel,
)


def ship(db: Database, order_id: int, request: ShipRequest) -> Changes:
    """Record the shipment and queue it for Commerce and Walmart; its id is the changes' ``id``.

    The request is checked again against the order as stored now (``ValidationError``), since
    another shipment may have arrived since the dialog opened. Nothing is written on error.
    """
    with db.session() as session:
        order = load_order(session, order_id)
        recheck_shipment(order, request)
        shipment = Shipment(
            order_id=order.id,
            carrier=request.carrier,
            other_carrier=request.other_carrier,
            method_code=request.method_code,
            tracking_number=request.tracking_number,
            tracking_url=request.tracking_url,
            ship_date=request.ship_date,
            source="app",
        )
        shipping.add_lines(order, shipment, request.lines)
        session.add(shipment)
        session.flush()
        shipping.queue(session, order, shipping.COMMERCE_SHIP, shipment)
        override = request.override_cancel_request and order.intent_to_cancel
        kind = shipping.ship_kind(order)
        shipping.queue(session, order, kind, shipment, override=override)
        refresh_order_status(order)
        note(session, order, "ship_requested", shipping.describe(shipment, request.lines))
        return Changes.of(Change.ORDERS, Change.ACTIVITY, Change.OUTBOX, id=shipment.id)


def set_tracking_url(db: Database, shipment_id: int, url: str) -> Changes:
    """Add the tracking link Walmart needs for an unlisted carrier (typically a shipment made
    in the Commerce admin with a custom carrier), then retry the order's failed actions."""
    link = check_tracking_url(url)
    if link is None:
        raise ValidationError(FIELD_TRACKING_URL, "enter the carrier's tracking link")
    with db.session() as session:
        shipment = session.get(Shipment, shipment_id)
        if shipment is None:
            raise ValidationError("shipment", f"shipment #{shipment_id} does not exist")
        order = load_order(session, shipment.order_id)
        shipment.tracking_url = link
        retried = outbox.retry_subject(session, "order", order.id)
        note(session, order, "tracking_url_added", f"Tracking link added: {link}")
        if retried:
            note(session, order, "retry", f"{retried} failed step(s) queued again", "info")
    return Changes.of(Change.ORDERS, Change.ACTIVITY, Change.OUTBOX, count=retried)


def cancel(db: Database, order_id: int, reason: str) -> Changes:
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
            return Changes.of(Change.ORDERS, Change.ACTIVITY, Change.OUTBOX)
        lines = {ln.line_number: ln.qty_open for ln in order.lines if ln.qty_open > 0}
        for line in order.lines:
            line.qty_cancelled += line.qty_open
        order.cancel_reason = request.reason
        superseded = _supersede_failed_creation(session, order)
        payload = {"reason": request.reason, "lines": lines}
        for kind in (cancelling.cancel_kind(order), cancelling.COMMERCE_CANCEL):
            outbox.enqueue(
                session,
                store_id=order.store_id,
                kind=kind,
                subject_type="order",
                subject_id=order.id,
                payload=payload,
                account_id=None if kind == cancelling.COMMERCE_CANCEL else order.account_id,
            )
        refresh_order_status(order)
        label = marketplace_rules.reason_label(order, request.reason)
        units = sum(lines.values())
        note(session, order, "cancel_requested", f"Cancel {units} unit(s): {label}")
        if superseded:
            note(session, order, "cancel_requested", f"{superseded} failed step(s) dropped", "info")
    return Changes.of(Change.ORDERS, Change.ACTIVITY, Change.OUTBOX)


def _send_held(session: Session, order: Order, reason: str) -> None:
    cancelling.queue_walmart_cancel(session, order, reason)
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


def retry(db: Database, order_id: int) -> Changes:
    """Clear the order's error and re-queue its failed actions (the changes' ``count``). An
    order held for its Walmart reason is left as it is (a bulk Retry may include it)."""
    with db.session() as session:
        order = session.get(Order, order_id)
        if order is None:
            raise ValidationError("order", NO_SUCH_ORDER.format(order=order_id))
        if is_held(order):  # nothing failed: it waits for the merchant's reason (Cancel)
            return NONE
        count = outbox.retry_subject(session, "order", order_id)
        previous = order.error
        order.error, order.error_step = None, None
        refresh_order_status(order)
        message = f"Retry requested ({count} action(s) queued again)"
        note(session, order, "retry", f"{message}; last error: {previous}" if previous
             else f"{message}.", "info")  # fmt: skip
    return Changes.of(Change.ORDERS, Change.ACTIVITY, Change.OUTBOX, count=count)
