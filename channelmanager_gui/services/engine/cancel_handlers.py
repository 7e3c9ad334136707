"""Outbox handler that cancels an order in Commerce (``commerce.cancel``), and the comment.

It looks before it acts, on every attempt (a cancel is rare and the look is one GET): the
order is cancelled only if it is not already, an invoiced order (the app invoices every order
it makes) gets an offline credit memo of what is invoiced but neither shipped nor refunded
(read again on a retry, so never twice), and the reason comment is added only if the history
does not hold it yet (cancel and comment are two calls: a crash between them is finished on
the next attempt). The marketplace side (``walmart.cancel``, ``amazon.cancel``) is the port's
handler in ``marketplace_actions``, which looks before it acts too.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from channelmanager_gui.errors import ChannelError
from channelmanager_gui.models.account import WALMART
from channelmanager_gui.services.changes import Change
from channelmanager_gui.services.changes import note as note_changes
from channelmanager_gui.services.commerce.client import CommerceClient
from channelmanager_gui.services.commerce.orders import ItemQtys
from channelmanager_gui.services.commerce.sales_models import Order
from channelmanager_gui.services.engine.cancelling import (
    COMMERCE_CANCEL,
    cancel_label,
)
from channelmanager_gui.services.engine.context import EngineEnv
from channelmanager_gui.services.engine.fulfilment_common import (
    clear_error,
    load_order,
    note,
    set_error,
)
from channelmanager_gui.services.engine.order_create import order_comment
from channelmanager_gui.services.engine.order_snapshot import load_snapshot
from channelmanager_gui.services.marketplace.amazon_caps import CAPABILITIES as AMAZON_CAPS
from channelmanager_gui.services.outbox import ActionContext


def cancel_comment(marketplace_order_id: str, reason: str, marketplace: str = WALMART) -> str:
    """The Commerce history comment; also how a retry recognises its own earlier comment."""
    if marketplace != WALMART:
        label = dict(AMAZON_CAPS.cancel_reasons).get(reason, reason)
        return f"Cancelled on Amazon (order {marketplace_order_id}): {label} [{reason}]"
    return (
        f"Cancelled on Walmart (purchase order {marketplace_order_id}): "
        f"{cancel_label(reason)} [{reason}]"
    )


def invoiced_unshipped(remote: Order) -> ItemQtys:
    """``[(order_item_id, qty)]`` invoiced, not refunded and not shipped: what an offline credit
    memo takes back when Walmart cancels an invoiced order. ``Order::canCancel`` is false once
    nothing is left to invoice (reference §7), so Commerce's own way out is the credit memo;
    refunded units that were never shipped leave the quantity to ship, which releases their
    reservation (MSI compensates it on refund (?))."""
    lines = []
    for item in remote.items:
        if item.parent_item_id is not None:
            continue
        to_ship = item.qty_ordered - item.qty_shipped - item.qty_refunded - item.qty_canceled
        qty = min(item.qty_invoiced - item.qty_refunded, to_ship)
        if qty > 0:
            lines.append((item.item_id, qty))
    return lines


def _order_keys(env: EngineEnv, ctx: ActionContext) -> tuple[str, int | None, int | None]:
    with env.db.session() as session:
        order = load_order(session, ctx.subject_id)
        return order.marketplace_order_id, order.commerce_entity_id, order.commerce_cart_id


def _marketplace(env: EngineEnv, ctx: ActionContext) -> str:
    with env.db.session() as session:
        return load_order(session, ctx.subject_id).marketplace


class _Base:
    step = ""
    verb = ""

    def __init__(self, env: EngineEnv) -> None:
        self.env = env

    def failed(self, session: Session, ctx: ActionContext, error: ChannelError) -> None:
        order = load_order(session, ctx.subject_id)
        set_error(session, order, self.step, f"Cancelling {self.verb} failed: {error}")
        note_changes(session, Change.ORDERS, Change.ACTIVITY)

    def _done(self, session: Session, ctx: ActionContext, message: str) -> None:
        order = load_order(session, ctx.subject_id)
        clear_error(order, self.step)
        note(session, order, self.step, message)
        note_changes(session, Change.ORDERS, Change.ACTIVITY)


class CommerceCancelHandler(_Base):
    step, verb = COMMERCE_CANCEL, "in Commerce"
    lane = "commerce.merchant"  # a merchant's click goes ahead of order creation

    async def send(self, ctx: ActionContext) -> dict[str, Any] | None:
        po, entity_id, cart_id = _order_keys(self.env, ctx)
        client = self.env.store(ctx.store_id).commerce
        found_late = entity_id is None
        if entity_id is None:
            # A creation that gave up may have placed the order with its answer lost: it is
            # found by our cart (quote_id) even before it carries the Walmart id.
            found = await client.find_orders(ext_order_id=po)
            if not found and cart_id is not None:
                found = await client.find_orders(quote_id=cart_id)
            if not found:
                return {"no_order": True}  # never created in Commerce: nothing to cancel
            entity_id = found[0].entity_id
        remote = await client.get_order(entity_id)
        if found_late:  # finish the link the creation did not get to
            await self._link(ctx, client, remote)
        cancelled_now, memo_id = False, None
        if remote.state not in ("canceled", "closed"):
            cancelled_now = await client.cancel_order(entity_id)
            if cancelled_now and invoiced_unshipped(remote):
                remote = await client.get_order(entity_id)  # the cancel took what it could
            items = invoiced_unshipped(remote)
            if items:  # invoiced (every order the app makes is): credit what Walmart cancelled
                memo_id = await client.refund_offline(
                    entity_id, items, return_to_stock=False, shipping_amount=None
                )
            elif not cancelled_now:
                raise ChannelError(
                    f"Commerce would not cancel order {remote.increment_id} (state "
                    f"“{remote.state}”): it may be on hold or complete. Cancel or credit it in "
                    "the Commerce admin."
                )
        comment = cancel_comment(po, ctx.payload["reason"], _marketplace(self.env, ctx))
        if not any(c.comment == comment for c in remote.comments):
            await client.add_comment(entity_id, comment)
        return {"entity_id": entity_id, "increment_id": remote.increment_id,
                "cancelled_now": cancelled_now, "creditmemo_id": memo_id}  # fmt: skip

    async def _link(self, ctx: ActionContext, client: CommerceClient, remote: Order) -> None:
        """The Walmart id and the order comment, each only if missing (safe to repeat)."""
        snap = load_snapshot(self.env.db, ctx.subject_id)
        if not remote.ext_order_id:
            await client.set_ext_order_id(
                remote.entity_id, remote.increment_id, snap.marketplace_order_id
            )
        text = order_comment(snap)
        if not any(text in (c.comment or "") for c in remote.comments):
            await client.add_comment(remote.entity_id, text)

    def apply(self, session: Session, ctx: ActionContext, result: dict[str, Any] | None) -> None:
        if (result or {}).get("no_order"):
            self._done(session, ctx, "No Commerce order to cancel (it was never created)")
            return
        order = load_order(session, ctx.subject_id)
        if order.commerce_entity_id is None and result:  # found by its cart: remember it
            order.commerce_entity_id = int(result["entity_id"])
            order.commerce_increment_id = result.get("increment_id")
        memo_id = (result or {}).get("creditmemo_id")
        if memo_id:
            message = (
                f"Commerce order credited (offline credit memo #{memo_id}: an invoiced order "
                "cannot be cancelled); the reason is in its comments"
            )
        else:
            message = "Commerce order cancelled; the reason is in its comments"
        self._done(session, ctx, message)
