""" "Refund on Walmart now": the merchant's decision, without waiting for a Commerce credit memo.

Normally a Walmart return is refunded on Walmart once Commerce shows the merchant's credit
memo (``returns_flow``). Some merchants refund as soon as they decide (goods received, or a
"keep it" return): ``refund`` validates the return, notes the decision on the order's
timeline and queues, in that one transaction,

1. ``walmart.refund_return`` for every line's open quantity (its handler reads the return on
   Walmart first and sends only what is not refunded yet), then
2. ``commerce.refund_return``: an offline credit memo for the returned items when the order is
   in Commerce and no memo is linked yet (``creditmemo_handler.py``; Commerce refunds only what
   was invoiced, reference §8, and the handler says so on the timeline when it cannot).

The Walmart refund goes first: a failed Walmart refund blocks the memo (same subject, run in
order), so Commerce never shows money returned that Walmart did not return.
``refund_blocker`` is the one check the Returns screen and the command line both use.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from channelmanager_gui.errors import ValidationError
from channelmanager_gui.models.db import Database
from channelmanager_gui.models.order import Order, Return
from channelmanager_gui.models.outbox import ActionStatus, OutboxAction
from channelmanager_gui.services import outbox
from channelmanager_gui.services.changes import Change, Changes
from channelmanager_gui.services.engine.fulfilment_common import load_order, note
from channelmanager_gui.services.engine.returns_flow import (
    AMAZON_REFUND,
    COMMERCE_REFUND,
    REFUND_SENT,
    WALMART_REFUND,
    refund_kind,
)

FIELD = "return"
_CANCELLED = frozenset({"CANCELLED", "CANCELED"})


@dataclass(frozen=True)
class RefundQueued:
    """What ``refund`` queued (the CLI prints it)."""

    return_id: int
    return_order_id: str
    marketplace_order_id: str
    lines: list[list[int]]  # [return line number, quantity]
    units: int
    commerce_creditmemo: bool  # a Commerce credit memo was queued too

    @property
    def changes(self) -> Changes:
        return Changes.of(Change.ORDERS, Change.RETURNS, Change.ACTIVITY, Change.OUTBOX)


def open_lines(ret: Return) -> list[list[int]]:
    """``[return line number, quantity]`` not refunded yet, for every line of ``ret``."""
    lines = []
    for ln in ret.lines:
        qty = int(str(ln.get("qty") or 0)) - int(str(ln.get("refunded_qty") or 0))
        if qty > 0:
            lines.append([int(str(ln["line_number"])), qty])
    return lines


def refund_blocker(ret: Return, queued: str | None = None, last_error: str | None = None) -> str:
    """Why ``ret`` cannot be refunded now ("" when it can). ``queued`` is the status of an
    unfinished ``walmart.refund_return`` of it (see ``refund_actions``)."""
    market = "Amazon" if ret.marketplace == "amazon" else "Walmart"
    name = f"{market} return {ret.return_order_id}"
    if ret.marketplace_refunded_at is not None:
        return f"{name} was already refunded on {market} ({_day(ret.marketplace_refunded_at)})."
    if ret.status == REFUND_SENT:
        return f"A refund of {name} was sent to {market}; it is being processed."
    if ret.status.upper() in _CANCELLED:
        return f"{name} was cancelled by the buyer; there is nothing to refund."
    if ret.order_id is None:
        where = "Seller Central" if market == "Amazon" else "Walmart Seller Center"
        return (
            f"{name} is for customer order {ret.customer_order_id}, which is not in Channel "
            f"Manager; refund it in {where}."
        )
    if queued == ActionStatus.ERROR:
        return f"Refunding {name} failed ({last_error or 'see the order'}); retry the order."
    if queued is not None:
        return f"A refund of {name} is already queued."
    if not open_lines(ret):
        return f"{name} has nothing left to refund."
    return ""


def refund_actions(session: Session, return_ids: list[int]) -> dict[int, tuple[str, str | None]]:
    """Return id → (status, last error) of its unfinished ``walmart.refund_return`` action."""
    query = select(OutboxAction).where(
        OutboxAction.kind.in_((WALMART_REFUND, AMAZON_REFUND)),
        OutboxAction.status != ActionStatus.DONE,
    )
    wanted = set(return_ids)
    found: dict[int, tuple[str, str | None]] = {}
    for action in session.scalars(query.order_by(OutboxAction.id)):
        return_id = action.payload.get("return_id")
        if return_id in wanted:
            found[return_id] = (action.status, action.last_error)
    return found


def refund_blockers(db: Database, returns: list[Return]) -> dict[int, str]:
    """Return id → why it cannot be refunded now ("" when it can), for the Returns screen."""
    with db.session() as session:
        queued = refund_actions(session, [r.id for r in returns])
    return {r.id: refund_blocker(r, *queued.get(r.id, (None, None))) for r in returns}


def refund(db: Database, return_ref: int | str, *, store_id: int | None = None) -> RefundQueued:
    """Queue the Walmart refund (and the Commerce credit memo) of one return.

    ``return_ref`` is the local return id (int) or Walmart's return order id (str, the RMA the
    merchant sees). Raises ``ValidationError`` naming the field, with nothing queued, when the
    return is unknown or cannot be refunded (already refunded, cancelled, queued, ...).
    """
    with db.session() as session:
        ret = _find(session, return_ref, store_id)
        queued, last_error = refund_actions(session, [ret.id]).get(ret.id, (None, None))
        why = refund_blocker(ret, queued, last_error)
        if why:
            raise ValidationError(FIELD, why)
        assert ret.order_id is not None  # refund_blocker refuses returns without an order
        order = load_order(session, ret.order_id)
        lines = open_lines(ret)
        memo = order.commerce_entity_id is not None and ret.commerce_creditmemo_id is None
        _queue(session, order, ret, lines, memo)
        ret.error = None
        units = sum(qty for _, qty in lines)
        note(
            session,
            order,
            "refund_requested",
            f"Refund of Walmart return {ret.return_order_id} ({units} unit(s)) requested by the "
            "merchant; refunding it on Walmart"
            + (" and with a credit memo in Commerce" if memo else ""),
            "info",
        )
        return RefundQueued(
            ret.id, ret.return_order_id, order.marketplace_order_id, lines, units, memo
        )


def _queue(session: Session, order: Order, ret: Return, lines: list[list[int]], memo: bool) -> None:
    kinds = [refund_kind(ret), COMMERCE_REFUND] if memo else [refund_kind(ret)]
    for kind in kinds:
        outbox.enqueue(
            session,
            store_id=order.store_id,
            kind=kind,
            subject_type="order",
            subject_id=order.id,
            payload={"return_id": ret.id, "lines": lines},
        )


def _find(session: Session, return_ref: int | str, store_id: int | None) -> Return:
    if isinstance(return_ref, int):
        ret = session.get(Return, return_ref)
        if ret is None or (store_id is not None and ret.store_id != store_id):
            raise ValidationError(FIELD, f"return #{return_ref} does not exist (any more)")
        return ret
    rma = return_ref.strip()
    query = select(Return).where(Return.return_order_id == rma)
    if store_id is not None:
        query = query.where(Return.store_id == store_id)
    found = list(session.scalars(query))
    if not found:
        raise ValidationError(FIELD, f"no Walmart return {rma!r} (run a sync to import returns)")
    if len(found) > 1:
        raise ValidationError("store", f"several stores have return {rma}; choose one")
    return found[0]


def _day(moment: datetime) -> str:
    return moment.astimezone().strftime("%Y-%m-%d %H:%M")
