"""Loop "cancellations": orders cancelled in the Commerce admin reach the marketplace too.

In the Commerce admin a merchant cancels one of our orders with a Credit Memo ("Refund
Offline") of its unshipped items: the app invoices every order it makes, and an invoiced order
has no Cancel (``Order::canCancel()`` is false once nothing is left to invoice). Cancel remains
for an order not invoiced yet (its invoice step failed, or it predates invoicing). Both count:
``commerce_cancel_decision`` reads cancelled and refunded-but-never-shipped units alike, minus
the refunds the marketplace's returns explain, so a return's credit memo is never a cancellation.

Each pass asks Commerce about our orders that are still open to ship, updated since the
watermark (``gteq`` with an overlap: ``updated_at`` has one-second precision and a save may
commit late), whatever their Commerce state (a fully credited order is ``closed``), and lets
``commerce_cancel_decision.decide`` judge each one. Units withdrawn in Commerce are counted on
the order's lines and, in the same transaction, either the ``walmart.cancel`` outbox action is
queued with the store's default reason (the in-app cancel's handler: crash-safe, checks Walmart
before a retry) or the order is held as "Cancelled in Commerce — choose the reason for Walmart"
until the merchant picks one (``ops.cancel`` then sends it). A partly shipped
order is not cancelled on Walmart; it says why. Our own in-app cancel, seen again here, is
already counted on the lines: nothing new.

Commerce's cancel, and a credit memo of unshipped units (MSI compensates their reservation),
return the units to the salable quantity, which the stock loop picks up and the inventory push
sends to Walmart: nothing here touches stock.
"""

from __future__ import annotations

import logging
from datetime import timedelta

from sqlalchemy import exists, select
from sqlalchemy.orm import Session

from channelmanager_gui.models.order import Order, OrderLine, Return
from channelmanager_gui.services.changes import Change
from channelmanager_gui.services.changes import note as note_changes
from channelmanager_gui.services.commerce.sales_models import Order as CommerceOrder
from channelmanager_gui.services.engine.cancelling import (
    COMMERCE_CANCEL_HELD,
    cancel_label,
    queue_walmart_cancel,
)
from channelmanager_gui.services.engine.commerce_cancel_decision import (
    CancelDecision,
    Verdict,
    decide,
    returned_by_line,
)
from channelmanager_gui.services.engine.context import EngineEnv, StoreContext
from channelmanager_gui.services.engine.cursors import read_cursor, write_cursor
from channelmanager_gui.services.engine.fulfilment_common import (
    clear_error,
    load_order,
    note,
    set_error,
    sync_error,
)
from channelmanager_gui.services.engine.order_status import refresh_order_status

log = logging.getLogger(__name__)

CURSOR = "cancellations.commerce_updated"
OVERLAP = timedelta(minutes=10)
REFUSED_STEP = "commerce_cancel"


async def detect_commerce_cancellations(env: EngineEnv, store: StoreContext) -> dict[str, int]:
    """One pass; returns counts for the status board (``held`` and ``refused`` need the
    merchant: ``sync_notices`` announces them)."""
    with env.db.session() as session:
        since = read_cursor(session, store.id, CURSOR)
        entity_ids = _open_entity_ids(session, store.id)
    if since is None:
        since = env.clock() - timedelta(hours=store.settings.order_lookback_hours)
    counts = {"seen": 0, "sent": 0, "held": 0, "refused": 0}
    if not entity_ids:
        return counts
    remotes = await store.commerce.list_orders_changed(entity_ids, since - OVERLAP)
    counts["seen"] = len(remotes)
    newest = since
    for remote in remotes:
        newest = max(newest, remote.updated_at or since)
        try:
            outcome = _record(env, store, remote)
        except Exception as exc:  # one bad order never stops the others
            log.exception("Commerce order %s could not be checked", remote.entity_id)
            sync_error(
                env.db,
                store.id,
                "commerce_cancel",
                f"Commerce order {remote.increment_id or remote.entity_id} could not be "
                f"checked for a cancellation: {exc}",
            )
            outcome = "error"
        counts[outcome] = counts.get(outcome, 0) + 1
    with env.db.session() as session:
        write_cursor(session, store.id, CURSOR, newest)
    return counts


def held_message(units: int) -> str:
    return (
        f"Cancelled in Commerce — choose the reason for Walmart ({units} unit(s)). "
        "Walmart needs a reason Commerce does not record; nothing is sent until you choose one."
    )


def _open_entity_ids(session: Session, store_id: int) -> list[int]:
    """Commerce ids of our orders with units still open to ship and no cancel under way."""
    open_line = exists().where(
        OrderLine.order_id == Order.id,
        OrderLine.qty_ordered > OrderLine.qty_shipped + OrderLine.qty_cancelled,
    )
    query = select(Order.commerce_entity_id).where(
        Order.store_id == store_id,
        Order.commerce_entity_id.is_not(None),
        Order.cancel_reason.is_(None),
        open_line,
    )
    return sorted(i for i in session.scalars(query) if i is not None)


def _record(env: EngineEnv, store: StoreContext, remote: CommerceOrder) -> str:
    with env.db.session() as session:
        order_id = session.scalar(
            select(Order.id).where(
                Order.store_id == store.id, Order.commerce_entity_id == remote.entity_id
            )
        )
        if order_id is None:
            return "foreign"
        order = load_order(session, order_id)
        returns = session.scalars(select(Return).where(Return.order_id == order_id)).all()
        returned = returned_by_line(order, returns)
        decision = decide(order, remote, store.settings.commerce_cancel_reason, returned)
        where = f"Commerce order {remote.increment_id or remote.entity_id}"
        if decision.verdict is Verdict.NOTHING:
            if order.error_step == REFUSED_STEP:
                _withdraw_refusal(session, order, where)
                note_changes(session, Change.ORDERS, Change.ACTIVITY)
            return str(decision.verdict)
        if decision.verdict is Verdict.SHIPPED:
            message = _refused_message(where, decision)
            if order.error == message:
                return "known"  # said already; nothing new
            set_error(session, order, REFUSED_STEP, message)
        else:
            _count_cancelled(order, decision)
            _act(session, order, decision, where)
        note_changes(session, Change.ORDERS, Change.ACTIVITY, Change.OUTBOX)
        return str(decision.verdict)


def _count_cancelled(order: Order, decision: CancelDecision) -> None:
    for line in order.lines:
        line.qty_cancelled += decision.lines.get(line.line_number, 0)


def _act(session: Session, order: Order, decision: CancelDecision, where: str) -> None:
    lines = ", ".join(f"line {n} × {q}" for n, q in sorted(decision.lines.items()))
    said = f"{where} cancelled {decision.units} unit(s) ({lines})"
    if decision.verdict is Verdict.ALREADY:
        refresh_order_status(order)
        note(session, order, REFUSED_STEP, f"{said}; Walmart had cancelled them already", "info")
    elif decision.verdict is Verdict.SEND:
        reason = decision.reason or ""
        queue_walmart_cancel(session, order, reason)
        refresh_order_status(order)
        note(
            session,
            order,
            REFUSED_STEP,
            f"{said}; sending the cancellation to Walmart with the store's reason "
            f"“{cancel_label(reason)}”",
        )
    else:
        note(session, order, REFUSED_STEP, f"{said}; waiting for the reason for Walmart", "info")
        set_error(session, order, COMMERCE_CANCEL_HELD, held_message(decision.units))


def _withdraw_refusal(session: Session, order: Order, where: str) -> None:
    """A refusal that no longer holds: the refund it read was a return's credit memo, which
    the returns loop (a separate timer in the app) had not linked to its return yet."""
    clear_error(order, REFUSED_STEP)
    note(session, order, REFUSED_STEP, f"{where}: the refund was for a return, not a cancel")


def _refused_message(where: str, decision: CancelDecision) -> str:
    return (
        f"{where} was cancelled ({decision.units} unit(s)), but part of this order has "
        "shipped: Walmart only cancels whole unshipped orders from here, so nothing was sent. "
        "Ship the rest, or cancel it in Walmart Seller Center."
    )
