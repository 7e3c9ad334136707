"""Cancelling a whole order with a Walmart reason, and the buyer requests to cancel.

The operation ``ops.cancel`` (``services/ops/order_writes.py``) records the cancellation and
queues ``walmart.cancel`` (``amazon.cancel``) then ``commerce.cancel`` in one transaction; the
handlers are in ``marketplace_actions.py`` and ``cancel_handlers.py``. Walmart goes first: if
Walmart refuses (a line shipped meanwhile), the Commerce order stays as it is. Cancelling in
Commerce releases the stock reservation, and the inventory loop then pushes the higher salable
quantity to Walmart.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from channelmanager_gui.models.account import WALMART
from channelmanager_gui.models.db import Database
from channelmanager_gui.models.order import Order
from channelmanager_gui.services import outbox
from channelmanager_gui.services.engine.fulfilment_common import set_error
from channelmanager_gui.services.marketplace.amazon_caps import CAPABILITIES as AMAZON_CAPS
from channelmanager_gui.services.walmart.order_requests import CANCEL_REASONS
from channelmanager_gui.text_marks import N_

WALMART_CANCEL = "walmart.cancel"
COMMERCE_CANCEL = "commerce.cancel"


def cancel_kind(order: Order) -> str:
    """The outbox action that cancels ``order`` on its marketplace (``walmart.cancel``,
    ``amazon.cancel``: ``marketplace_actions``)."""
    return f"{order.marketplace}.cancel"


# ``Order.error_step`` of an order cancelled in Commerce that waits for the merchant's
# Walmart reason (``engine/commerce_cancellations.py``): the one state the Cancel action
# finishes instead of refusing as "already cancelled".
COMMERCE_CANCEL_HELD = "commerce_cancel.held"
COMMERCE_CANCEL_PARTIAL = "commerce_cancel.partial"  # part of an Amazon order, in Commerce
BUYER_CANCEL = "CUSTOMER_REQUESTED_SELLER_TO_CANCEL"
OUT_OF_STOCK = "SELLER_CANCEL_OUT_OF_STOCK"
CANCEL_REASON_LABELS: dict[str, str] = {
    OUT_OF_STOCK: N_("CancelReason", "Out of stock"),
    "SELLER_CANCEL_PRICING_ERROR": N_("CancelReason", "Pricing error"),
    "SELLER_CANCEL_ADDRESS_NOT_SERVICEABLE": N_("CancelReason", "Cannot ship to this address"),
    "SELLER_CANCEL_FRAUD_STOP_SHIPMENT": N_("CancelReason", "Fraud suspected: stop shipment"),
    BUYER_CANCEL: N_("CancelReason", "Buyer asked to cancel"),
}
assert set(CANCEL_REASON_LABELS) == set(CANCEL_REASONS)
# A Walmart reason (the store's default for cancellations made in Commerce) → Amazon's (§3.3).
AMAZON_REASON = {OUT_OF_STOCK: "NoInventory", BUYER_CANCEL: "BuyerCanceled"}


def queue_walmart_cancel(session: Session, order: Order, reason: str) -> None:
    """Queue ``walmart.cancel`` for units already counted as cancelled on the order's lines
    (cancelled in Commerce first). The payload holds each line's cancelled *total*: the
    handler sends only what Walmart does not show as cancelled yet, so a retry after a lost
    answer sends nothing twice, even for part of a line. An order of another marketplace
    gets that marketplace's whole-order cancellation (:func:`queue_whole_order_cancel`)."""
    if order.marketplace not in (None, WALMART):
        queue_whole_order_cancel(session, order, reason)
        return
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


def queue_whole_order_cancel(session: Session, order: Order, reason: str) -> None:
    """Amazon cancels whole orders only (reference §3.3, §9): queued once every unit is
    cancelled here; a Walmart reason (the store's default for cancellations made in Commerce)
    becomes Amazon's nearest one. Part of an order cancelled in Commerce cannot be told to
    Amazon: the order shows why."""
    if any(ln.qty_open > 0 for ln in order.lines):
        set_error(session, order, COMMERCE_CANCEL_PARTIAL,
                  "Part of this order was cancelled in Commerce, but Amazon only cancels whole "
                  "orders: ship the rest, or cancel it in Seller Central.")  # fmt: skip
        return
    codes = {code for code, _ in AMAZON_CAPS.cancel_reasons}
    code = reason if reason in codes else AMAZON_REASON.get(reason, "GeneralAdjustment")
    order.cancel_reason = code
    outbox.enqueue(session, store_id=order.store_id, kind=cancel_kind(order),
                   subject_type="order", subject_id=order.id, payload={"reason": code},
                   account_id=order.account_id)  # fmt: skip


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
