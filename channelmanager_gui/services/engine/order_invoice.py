"""Outbox handler ``commerce.invoice_order``: every Commerce order made for a marketplace order is
invoiced offline, once.

The marketplace (Walmart, Amazon) has already taken the buyer's money, so the Commerce order is
invoiced right after it is placed (queued by ``commerce.create_order`` when it succeeds) with
``capture: false`` (no payment gateway is involved) and ``notify: false`` (Walmart and Amazon
forbid mailing their buyers).
Without the invoice Commerce can make no credit memo (refunds and returns fail, reference §8)
and the order never becomes *complete* (§5.3).

``POST /V1/order/{id}/invoice`` is never safe to repeat, so before a retry — and for the
orders queued by the upgrade (:func:`queue_missing_invoices`), which the merchant may have
invoiced by hand — the order's invoices are listed first and one found is adopted. An order
with nothing left to invoice (cancelled, closed) is left alone, with a line on its timeline.
"""

from __future__ import annotations

import logging
from typing import Any, cast

from sqlalchemy import Table, and_, exists, insert, literal, select
from sqlalchemy.orm import Session

from channelmanager_gui.errors import ApiError, ChannelError
from channelmanager_gui.models.base import utcnow
from channelmanager_gui.models.db import Database
from channelmanager_gui.models.order import Order
from channelmanager_gui.models.outbox import ActionStatus, OutboxAction
from channelmanager_gui.models.store import AppSetting
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
from channelmanager_gui.services.engine.order_activity import SUBJECT
from channelmanager_gui.services.engine.order_records import marketplace_name
from channelmanager_gui.services.outbox import ActionContext, enqueue

log = logging.getLogger(__name__)

INVOICE = "commerce.invoice_order"
STEP = "commerce.invoice"
_BACKFILL_KEY = "orders_invoice_backfill"  # app_settings: the upgrade's one-time pass ran


def queue_invoice(session: Session, order: Order, *, look_first: bool) -> None:
    """Queue the invoice of ``order``'s Commerce order in the caller's transaction;
    ``look_first`` when it may have an invoice already."""
    payload: dict[str, Any] = {"purchase_order_id": order.marketplace_order_id}
    if look_first:
        payload["look_first"] = True
    enqueue(session, store_id=order.store_id, kind=INVOICE, subject_type=SUBJECT,
            subject_id=order.id, payload=payload)  # fmt: skip


class InvoiceCommerceOrder:
    """The ``commerce.invoice_order`` action handler."""

    lane = "commerce"

    def __init__(self, env: EngineEnv) -> None:
        self.env = env

    async def send(self, ctx: ActionContext) -> dict[str, Any] | None:
        entity_id = _entity_id(self.env.db, ctx.subject_id)
        if entity_id is None:
            return {"invoice_id": None, "why": "it has no Commerce order"}
        client = self.env.store(ctx.store_id).commerce
        if ctx.retrying or ctx.payload.get("look_first"):
            found = await client.list_invoices(entity_id)
            if found:
                return {"invoice_id": found[0].entity_id, "found": True}
            remote = await client.get_order(entity_id)
            why = _not_invoiceable(remote)
            if why:
                return {"invoice_id": None, "why": why}
        # everything left to invoice; capture false: no gateway, Walmart took the payment
        try:
            invoice_id = await client.invoice_order(entity_id, capture=False)
        except ApiError as exc:
            if exc.status is None or not 400 <= exc.status < 500:
                raise
            # Refused: the order may have been cancelled (in the app or the admin) between its
            # creation and this step. Then there is nothing to invoice, which is no error.
            why = _not_invoiceable(await client.get_order(entity_id))
            if why is None:
                raise
            return {"invoice_id": None, "why": why}
        return {"invoice_id": invoice_id, "found": False}

    def apply(self, session: Session, ctx: ActionContext, result: dict[str, Any] | None) -> None:
        result = result or {}
        order = load_order(session, ctx.subject_id)
        clear_error(order, STEP)
        invoice_id = result.get("invoice_id")
        if invoice_id is None:
            note(session, order, STEP, f"Not invoiced in Commerce: {result.get('why')}.", "info")
        elif result.get("found"):
            note(session, order, STEP, f"Commerce invoice #{invoice_id} was already there; "
                 "using it.")  # fmt: skip
        else:
            note(session, order, STEP, f"Invoiced in Commerce (invoice #{invoice_id}, offline: "
                 f"{marketplace_name(order.marketplace)} took the payment).")  # fmt: skip
        note_changes(session, Change.ORDERS, Change.ACTIVITY)

    def failed(self, session: Session, ctx: ActionContext, error: ChannelError) -> None:
        order = load_order(session, ctx.subject_id)
        set_error(session, order, STEP, f"Invoicing the Commerce order failed: {error}")
        note_changes(session, Change.ORDERS, Change.ACTIVITY)


def _entity_id(db: Database, order_id: int) -> int | None:
    with db.engine.connect() as conn:
        row = conn.execute(
            select(_ORDERS.c.commerce_entity_id).where(_ORDERS.c.id == order_id)
        ).one_or_none()
    if row is None:
        raise ChannelError(f"Order #{order_id} no longer exists in this app.")
    return cast(int | None, row[0])


def _not_invoiceable(order: CommerceOrder) -> str | None:
    """Why Commerce would refuse an invoice (``Order::canInvoice``, reference §5.3), or None."""
    if order.state in ("canceled", "closed", "holded", "payment_review"):
        return f"Commerce order {order.increment_id} is {order.state}"
    left = sum(
        i.qty_ordered - i.qty_invoiced - i.qty_canceled
        for i in order.items
        if i.parent_item_id is None
    )
    if left <= 0:
        return f"Commerce order {order.increment_id} has nothing left to invoice"
    return None


def queue_missing_invoices(db: Database) -> int:
    """The upgrade's one-time pass: queue the invoice of every Commerce order created before
    the app invoiced them. One ``INSERT … SELECT … WHERE NOT EXISTS`` (idempotent, also when
    two processes run it), then a flag so later starts skip even the scan. The actions look
    first (``look_first``): the merchant may have invoiced some of these orders by hand."""
    with db.session() as session:
        if session.get(AppSetting, _BACKFILL_KEY) is not None:
            return 0
        now = utcnow()
        orders, actions = _ORDERS.c, _OUTBOX.c
        queued = exists().where(
            and_(actions.subject_type == SUBJECT, actions.subject_id == orders.id,
                 actions.kind == INVOICE)
        )  # fmt: skip
        stamp = literal(now, actions.created_at.type)
        source = select(
            orders.store_id, literal(INVOICE), literal(SUBJECT), orders.id,
            literal({"look_first": True}, actions.payload.type),
            literal(ActionStatus.PENDING.value), literal(0), stamp, stamp, stamp,
        ).where(orders.commerce_entity_id.is_not(None), ~queued)  # fmt: skip
        columns = ["store_id", "kind", "subject_type", "subject_id", "payload", "status",
                   "attempts", "not_before", "created_at", "updated_at"]  # fmt: skip
        result = session.execute(insert(_OUTBOX).from_select(columns, source))
        session.add(AppSetting(key=_BACKFILL_KEY, value="done"))
    count = int(result.rowcount or 0)  # type: ignore[attr-defined]
    if count:
        log.info("queued the Commerce invoice of %d order(s) created before invoicing", count)
    return count


_ORDERS, _OUTBOX = cast(Table, Order.__table__), cast(Table, OutboxAction.__table__)
