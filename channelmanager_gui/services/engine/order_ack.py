"""Outbox handler ``walmart.acknowledge``: tell the marketplace we accepted the order.

Walmart expects the acknowledgement within 4 hours of the order, whatever happens on the
Commerce side, so it is queued first and depends on nothing else. It is queued only for an
order whose marketplace shows it unacknowledged (``IncomingOrder.needs_acknowledgement``, from
an account whose ``Capabilities.acknowledges_orders``) and goes through the order's own
account adapter, whose ``acknowledge`` is safe to repeat: it answers ``skipped`` when the
marketplace already shows the order acknowledged (Walmart: read before a retry, and on a 400
"Some or all qty in higher status"), with the lines' statuses as shown now.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from channelmanager_gui.errors import ChannelError
from channelmanager_gui.models.order import Order
from channelmanager_gui.services.changes import Change
from channelmanager_gui.services.changes import note as note_changes
from channelmanager_gui.services.engine.context import EngineEnv
from channelmanager_gui.services.engine.order_activity import error_text, note
from channelmanager_gui.services.engine.order_records import marketplace_name
from channelmanager_gui.services.engine.order_status import prefetch_orders, refresh_order_status
from channelmanager_gui.services.outbox import ActionContext


class AcknowledgeOrder:
    # Its own bucket (60/min); and it holds back only Walmart actions of its order: Commerce
    # needs nothing from it (services/outbox_lanes.py).
    lane = "walmart.acknowledge"
    independent = True

    def __init__(self, env: EngineEnv) -> None:
        self.env = env

    async def send(self, ctx: ActionContext) -> dict[str, Any] | None:
        po = str(ctx.payload["purchase_order_id"])
        with self.env.db.session() as session:  # one column: acknowledgements come in bursts
            account_id = session.scalar(select(Order.account_id).where(Order.id == ctx.subject_id))
        adapter = self.env.store(ctx.store_id).account(account_id).adapter
        result = await adapter.acknowledge(po, retrying=ctx.retrying)
        return {"already": result.skipped, "lines": dict(result.line_statuses)}

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
        if order.error_step == ctx.kind:
            order.error, order.error_step = None, None
        refresh_order_status(order)
        name = marketplace_name(order.marketplace)
        already = (result or {}).get("already")
        note(session, order, "acknowledged", f"{name} already had this order acknowledged."
             if already else f"Acknowledged the order on {name}.")  # fmt: skip

    def failed(self, session: Session, ctx: ActionContext, error: ChannelError) -> None:
        note_changes(session, Change.ORDERS, Change.ACTIVITY)
        order = session.get_one(Order, ctx.subject_id)
        name = marketplace_name(order.marketplace)
        order.error = f"Acknowledging on {name} failed: {error_text(error)}"[:1000]
        order.error_step = ctx.kind
        refresh_order_status(order)
        note(session, order, "error", order.error, "error")
