"""Outbox handler ``walmart.acknowledge``: tell Walmart we accepted the order.

Walmart expects the acknowledgement within 4 hours of the order, whatever happens on the
Commerce side, so it is queued first and depends on nothing else. Acknowledging is repeatable
(reference §4), but lines already shipped or cancelled make Walmart answer 400 "Some or all qty
in higher status": so a retry reads the order first, and a 400 is checked against the order
before it counts as a failure.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from channelmanager_gui.errors import ApiError, ChannelError
from channelmanager_gui.models.order import Order
from channelmanager_gui.services.changes import Change
from channelmanager_gui.services.changes import note as note_changes
from channelmanager_gui.services.engine.context import EngineEnv
from channelmanager_gui.services.engine.order_activity import error_text, note
from channelmanager_gui.services.engine.order_status import prefetch_orders, refresh_order_status
from channelmanager_gui.services.http import Priority
from channelmanager_gui.services.marketplace.walmart_mapping import needs_ack
from channelmanager_gui.services.outbox import RETRYABLE, ActionContext
from channelmanager_gui.services.walmart.order_models import Order as WalmartOrder

STEP = "walmart.acknowledge"


def _statuses(wo: WalmartOrder) -> dict[str, str]:
    """Line number → the status shown for it after the acknowledgement."""
    out = {}
    for line in wo.lines:
        names = [s.status for s in line.statuses]
        out[line.line_number] = (names[0] if len(set(names)) == 1 else "Acknowledged")[:16]
    return out


class AcknowledgeOrder:
    # Its own bucket (60/min); and it holds back only Walmart actions of its order: Commerce
    # needs nothing from it (services/outbox_lanes.py).
    lane = "walmart.acknowledge"
    independent = True

    def __init__(self, env: EngineEnv) -> None:
        self.env = env

    async def send(self, ctx: ActionContext) -> dict[str, Any] | None:
        po = str(ctx.payload["purchase_order_id"])
        walmart = self.env.store(ctx.store_id).walmart
        if ctx.retrying:
            current = await walmart.get_order(po, priority=Priority.BACKGROUND)
            if not needs_ack(current):
                return {"already": True, "lines": _statuses(current)}
        try:
            answer = await walmart.acknowledge(po, priority=Priority.BACKGROUND)
        except RETRYABLE:
            raise
        except ApiError as exc:
            if exc.status != 400:
                raise
            current = await walmart.get_order(po, priority=Priority.BACKGROUND)
            if needs_ack(current):
                raise
            return {"already": True, "lines": _statuses(current)}
        return {"already": False, "lines": _statuses(answer)}

    def prepare(self, session: Session, ctxs: list[ActionContext]) -> None:
        prefetch_orders(session, (ctx.subject_id for ctx in ctxs))

    def apply(self, session: Session, ctx: ActionContext, result: dict[str, Any] | None) -> None:
        note_changes(session, Change.ORDERS, Change.ACTIVITY)
        order = session.get_one(Order, ctx.subject_id)
        order.acknowledged_at = order.acknowledged_at or self.env.clock()
        statuses: dict[str, str] = (result or {}).get("lines") or {}
        for line in order.lines:
            if line.marketplace_status == "Created":
                line.marketplace_status = statuses.get(line.line_number, "Acknowledged")
        if order.error_step == STEP:
            order.error, order.error_step = None, None
        refresh_order_status(order)
        already = (result or {}).get("already")
        note(session, order, "acknowledged", "Walmart already had this order acknowledged."
             if already else "Acknowledged the order on Walmart.")  # fmt: skip

    def failed(self, session: Session, ctx: ActionContext, error: ChannelError) -> None:
        note_changes(session, Change.ORDERS, Change.ACTIVITY)
        order = session.get_one(Order, ctx.subject_id)
        order.error = f"Acknowledging on Walmart failed: {error_text(error)}"[:1000]
        order.error_step = STEP
        refresh_order_status(order)
        note(session, order, "error", order.error, "error")
