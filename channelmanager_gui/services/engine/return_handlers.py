"""Outbox handlers of the returns flow: mirror a Walmart return into Commerce, and refund it on
Walmart once Commerce shows the credit memo.

``commerce.return`` opens an RMA on Adobe Commerce (on a retry it first looks for an RMA of the
same order and item that no other return has claimed); on Magento Open Source, which has no
returns, it only records that the return waits for an offline credit memo.
``walmart.refund_return`` moves money, so it always reads the return on Walmart first and sends
only what is not refunded yet.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from channelmanager_gui.errors import ChannelError
from channelmanager_gui.models.base import utcnow
from channelmanager_gui.models.order import Order, OrderLine, Return
from channelmanager_gui.services.changes import Change
from channelmanager_gui.services.changes import note as note_changes
from channelmanager_gui.services.commerce.sales_models import Order as CommerceOrder
from channelmanager_gui.services.engine.context import EngineEnv
from channelmanager_gui.services.engine.fulfilment_common import (
    clear_error,
    load_order,
    note,
    set_error,
)
from channelmanager_gui.services.engine.returns_flow import COMMERCE_RETURN, WALMART_REFUND
from channelmanager_gui.services.outbox import ActionContext


def _load(env: EngineEnv, ctx: ActionContext) -> tuple[Return, Order, list[int]]:
    """The return, its order, and the Commerce RMA ids other returns already claim."""
    with env.db.session() as session:
        ret = session.get_one(Return, ctx.payload["return_id"])
        order = load_order(session, ctx.subject_id)
        claimed = session.scalars(
            select(Return.commerce_rma_id).where(
                Return.order_id == order.id,
                Return.id != ret.id,
                Return.commerce_rma_id.is_not(None),
            )
        ).all()
        return ret, order, [c for c in claimed if c is not None]


def order_line(order: Order, return_line: dict[str, Any]) -> OrderLine | None:
    po_line = return_line.get("po_line_number")
    for line in order.lines:
        if po_line is not None and line.line_number == str(po_line):
            return line
    return next((ln for ln in order.lines if ln.sku == return_line.get("sku")), None)


class _Base:
    step = ""

    def __init__(self, env: EngineEnv) -> None:
        self.env = env

    def failed(self, session: Session, ctx: ActionContext, error: ChannelError) -> None:
        order = load_order(session, ctx.subject_id)
        ret = session.get_one(Return, ctx.payload["return_id"])
        ret.error = str(error)[:1000]
        what = "Mirroring" if self.step == COMMERCE_RETURN else "Refunding"
        set_error(
            session,
            order,
            self.step,
            f"{what} Walmart return {ret.return_order_id} failed: {error}",
        )
        note_changes(session, Change.ORDERS, Change.RETURNS)


class CommerceReturnHandler(_Base):
    step = COMMERCE_RETURN
    lane = "commerce"

    async def send(self, ctx: ActionContext) -> dict[str, Any] | None:
        ret, order, claimed = _load(self.env, ctx)
        client = self.env.store(ctx.store_id).commerce
        if ret.commerce_rma_id is not None:
            return {"rma": True, "rma_id": ret.commerce_rma_id}
        if order.commerce_entity_id is None:
            return {"rma": False, "no_order": True}
        if not await client.supports_rma():
            return {"rma": False}
        remote, items = await self._items(ctx, order, ret)
        if ctx.retrying:
            for rma in await client.list_rmas(order_id=order.commerce_entity_id):
                wanted = {(i, int(q)) for i, q in items}
                have = {(i.order_item_id, int(i.qty_requested)) for i in rma.items}
                if rma.entity_id not in claimed and wanted <= have:
                    return {"rma": True, "rma_id": rma.entity_id}
        reason = next((str(ln["reason"]) for ln in ret.lines if ln.get("reason")), None)
        rma = await client.create_rma(
            remote, items, requested_at=ret.created_at, walmart_reason=reason
        )
        return {"rma": True, "rma_id": rma.entity_id}

    async def _items(
        self, ctx: ActionContext, order: Order, ret: Return
    ) -> tuple[CommerceOrder, list[tuple[int, float]]]:
        """The Commerce order (its store view and increment id go on the return) and
        ``[(order_item_id, qty)]`` of the returned lines."""
        assert order.commerce_entity_id is not None
        remote = await self.env.store(ctx.store_id).commerce.get_order(order.commerce_entity_id)
        by_sku = {i.sku: i.item_id for i in remote.items if i.parent_item_id is None}
        items = []
        for ln in ret.lines:
            line = order_line(order, ln)
            item_id = (line.commerce_item_id if line else None) or by_sku.get(str(ln.get("sku")))
            if item_id is None:
                raise ChannelError(f"The Commerce order has no item with SKU {ln.get('sku')}.")
            items.append((item_id, float(ln["qty"])))
        return remote, items

    def apply(self, session: Session, ctx: ActionContext, result: dict[str, Any] | None) -> None:
        result = result or {}
        ret = session.get_one(Return, ctx.payload["return_id"])
        order = load_order(session, ctx.subject_id)
        ret.error = None
        if result.get("rma"):
            ret.commerce_rma_id = result.get("rma_id")
            message = (
                f"Return {ret.commerce_rma_id} opened in Commerce for Walmart return "
                f"{ret.return_order_id}; refund it there with a credit memo when received"
            )
        elif result.get("no_order"):
            message = (
                f"Walmart return {ret.return_order_id} recorded; the order is not in Commerce, "
                "so there is nothing to mirror there: refund the buyer with Refund on Walmart "
                "(Returns page)"
            )
        else:
            message = (
                f"Walmart return {ret.return_order_id} recorded (this store has no "
                "returns module): refund it in Commerce with an offline credit memo"
            )
        clear_error(order, self.step)
        note(session, order, self.step, message)
        note_changes(session, Change.ORDERS, Change.RETURNS)


class WalmartRefundHandler(_Base):
    step = WALMART_REFUND
    lane = "walmart.refund"

    async def send(self, ctx: ActionContext) -> dict[str, Any] | None:
        ret, _, _ = _load(self.env, ctx)
        client = self.env.store(ctx.store_id).walmart
        wanted = {int(n): int(q) for n, q in ctx.payload["lines"]}
        async for remote in client.iter_returns(return_order_id=ret.return_order_id, limit=10):
            for line in remote.lines:
                done = line.refunded_quantity or 0
                status = (
                    line.tracking_statuses[-1].refund_status
                    if line.tracking_statuses
                    else line.refund_status
                )
                if line.line_number in wanted and (
                    (status or "").upper() == "REFUND_COMPLETED" or done >= (line.quantity or 0)
                ):
                    wanted.pop(line.line_number)
        if not wanted:
            return {"skipped": True}
        await client.refund_return(
            ret.return_order_id, ret.customer_order_id, sorted(wanted.items())
        )
        return {"skipped": False, "refunded": sorted(wanted.items())}

    def apply(self, session: Session, ctx: ActionContext, result: dict[str, Any] | None) -> None:
        ret = session.get_one(Return, ctx.payload["return_id"])
        order = load_order(session, ctx.subject_id)
        ret.marketplace_refunded_at = utcnow()
        ret.status = "COMPLETED"
        ret.error = None
        refunded = {int(n): int(q) for n, q in ctx.payload["lines"]}
        lines = []
        for ln in ret.lines:
            qty = refunded.get(int(str(ln["line_number"])), 0)
            line = order_line(order, ln)
            if line is not None and qty:
                line.qty_refunded = min(line.qty_ordered, line.qty_refunded + qty)
            lines.append({**ln, "refunded_qty": int(str(ln.get("refunded_qty") or 0)) + qty})
        ret.lines = lines
        clear_error(order, self.step)
        how = "was already refunded" if (result or {}).get("skipped") else "refunded"
        note(session, order, self.step, f"Walmart return {ret.return_order_id} {how} on Walmart")
        note_changes(session, Change.ORDERS, Change.RETURNS)
