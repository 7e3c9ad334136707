"""Outbox handler of ``commerce.refund_return``: the offline credit memo that mirrors a refund
the merchant decided on ("Refund on Walmart", ``ops/return_writes.py``) into Commerce.

A credit memo is money in the books and ``POST /V1/order/{id}/refund`` is never retried, so the
handler always checks first (not only on a retry): a memo of the order that no other return
claims and that refunds the returned SKUs — ours from an attempt whose answer was lost, or one
the merchant made by hand meanwhile — is linked instead of making a second one. Commerce refunds
only what was invoiced (reference §8): an order never invoiced gets no memo, and the timeline
says so (not an error: Walmart's refund, the money that matters, is done). Stock is left alone:
whether the goods came back sellable is the merchant's call in Commerce.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from channelmanager_gui.errors import ChannelError
from channelmanager_gui.models.order import Order, Return
from channelmanager_gui.services.changes import Change
from channelmanager_gui.services.changes import note as note_changes
from channelmanager_gui.services.commerce.sales_models import CreditMemo
from channelmanager_gui.services.commerce.sales_models import Order as CommerceOrder
from channelmanager_gui.services.engine.context import EngineEnv
from channelmanager_gui.services.engine.fulfilment_common import (
    clear_error,
    load_order,
    note,
    set_error,
)
from channelmanager_gui.services.engine.return_handlers import order_line
from channelmanager_gui.services.engine.returns_flow import COMMERCE_REFUND
from channelmanager_gui.services.outbox import ActionContext

_CANCELED_MEMO = 3  # credit memo state: 1 open, 2 refunded, 3 canceled (reference §8)


def _load(env: EngineEnv, ctx: ActionContext) -> tuple[Return, Order, set[int]]:
    """The return, its order, and the credit memo ids other returns already claim."""
    with env.db.session() as session:
        ret = session.get_one(Return, ctx.payload["return_id"])
        order = load_order(session, ctx.subject_id)
        claimed = session.scalars(
            select(Return.commerce_creditmemo_id).where(
                Return.id != ret.id, Return.commerce_creditmemo_id.is_not(None)
            )
        ).all()
        return ret, order, {c for c in claimed if c is not None}


def wanted_by_sku(ret: Return, lines: list[list[int]]) -> dict[str, int]:
    """SKU → units the refund covers (``lines`` are ``[return line number, qty]``)."""
    qty_by_line = {int(n): int(q) for n, q in lines}
    out: dict[str, int] = {}
    for ln in ret.lines:
        qty = qty_by_line.get(int(str(ln["line_number"])), 0)
        if qty:
            sku = str(ln.get("sku") or "")
            out[sku] = out.get(sku, 0) + qty
    return out


def covering_memo(memos: list[CreditMemo], claimed: set[int], wanted: dict[str, int]) -> int | None:
    """The first unclaimed, not cancelled memo refunding at least ``wanted`` of every SKU."""
    for memo in memos:
        if memo.entity_id in claimed or memo.state == _CANCELED_MEMO:
            continue
        refunded: dict[str, float] = {}
        for item in memo.items:
            refunded[item.sku] = refunded.get(item.sku, 0.0) + item.qty
        if all(refunded.get(sku, 0.0) >= qty for sku, qty in wanted.items()):
            return memo.entity_id
    return None


def _memo_items(
    order: Order, ret: Return, lines: list[list[int]], remote: CommerceOrder
) -> tuple[list[tuple[int, float]], int]:
    """``[(order_item_id, qty)]`` Commerce can refund (invoiced, not refunded yet), and how
    many returned units it cannot."""
    by_sku = {i.sku: i for i in remote.items if i.parent_item_id is None}
    qty_by_line = {int(n): int(q) for n, q in lines}
    items: dict[int, float] = {}
    short = 0
    for ln in ret.lines:
        qty = qty_by_line.get(int(str(ln["line_number"])), 0)
        local = order_line(order, ln)
        item = remote.item(local.commerce_item_id) if local and local.commerce_item_id else None
        item = item or by_sku.get(str(ln.get("sku")))
        if item is None:
            raise ChannelError(f"The Commerce order has no item with SKU {ln.get('sku')}.")
        room = item.qty_invoiced - item.qty_refunded - items.get(item.item_id, 0.0)
        take = max(0.0, min(float(qty), room))
        short += qty - int(take)
        if take > 0:
            items[item.item_id] = items.get(item.item_id, 0.0) + take
    return list(items.items()), short


class CommerceRefundHandler:
    lane = "commerce"

    def __init__(self, env: EngineEnv) -> None:
        self.env = env

    async def send(self, ctx: ActionContext) -> dict[str, Any] | None:
        ret, order, claimed = _load(self.env, ctx)
        if ret.commerce_creditmemo_id is not None:
            return {"creditmemo_id": ret.commerce_creditmemo_id, "found": True}
        if order.commerce_entity_id is None:
            return {"creditmemo_id": None, "why": "The order is not in Commerce."}
        client = self.env.store(ctx.store_id).commerce
        memos = await client.list_creditmemos(order_id=order.commerce_entity_id)
        found = covering_memo(memos, claimed, wanted_by_sku(ret, ctx.payload["lines"]))
        if found is not None:
            return {"creditmemo_id": found, "found": True}
        remote = await client.get_order(order.commerce_entity_id)
        items, short = _memo_items(order, ret, ctx.payload["lines"], remote)
        if not items:
            why = (
                f"Commerce order {remote.increment_id or order.commerce_entity_id} has nothing "
                "invoiced left to refund, so no credit memo was made there; invoice and refund "
                "it in Commerce if your books need it."
            )
            return {"creditmemo_id": None, "why": why}
        memo_id = await client.refund_offline(
            order.commerce_entity_id, items, return_to_stock=False
        )
        return {"creditmemo_id": memo_id, "found": False, "short": short}

    def apply(self, session: Session, ctx: ActionContext, result: dict[str, Any] | None) -> None:
        result = result or {}
        ret = session.get_one(Return, ctx.payload["return_id"])
        order = load_order(session, ctx.subject_id)
        memo_id = result.get("creditmemo_id")
        clear_error(order, COMMERCE_REFUND)
        if memo_id is None:
            message = f"No Commerce credit memo for Walmart return {ret.return_order_id}: "
            note(session, order, COMMERCE_REFUND, message + str(result.get("why")), "info")
        else:
            ret.commerce_creditmemo_id = int(memo_id)
            how = "linked (it was already there)" if result.get("found") else "made"
            short = int(result.get("short") or 0)
            extra = f"; {short} unit(s) were not invoiced, so not refunded there" if short else ""
            note(
                session,
                order,
                COMMERCE_REFUND,
                f"Credit memo #{memo_id} {how} in Commerce for Walmart return "
                f"{ret.return_order_id} (stock not changed){extra}",
            )
        note_changes(session, Change.ORDERS, Change.RETURNS)

    def failed(self, session: Session, ctx: ActionContext, error: ChannelError) -> None:
        order = load_order(session, ctx.subject_id)
        ret = session.get_one(Return, ctx.payload["return_id"])
        ret.error = str(error)[:1000]
        set_error(
            session,
            order,
            COMMERCE_REFUND,
            f"The credit memo in Commerce for Walmart return {ret.return_order_id} failed "
            f"(the Walmart refund is done): {error}",
        )
        note_changes(session, Change.ORDERS, Change.RETURNS)
