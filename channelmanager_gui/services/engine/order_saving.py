"""Saving imported orders (the port's ``IncomingOrder``) and queuing what must happen to them.

For each new order, in the same transaction as its row: the marketplace's acknowledgement when
it still waits for one (Walmart: due within 4 hours, so it is queued first and does not depend
on the Commerce side), then ``commerce.create_order`` when the order is ready for Commerce:

- Walmart: anything left to ship;
- Amazon, merchant-fulfilled: once Unshipped (a Pending order has no prices yet and may never
  be paid, reference §2.3; Adobe's Amazon Sales Channel waits too, §7) — an order seen Pending
  is created by the update that sees it priced and Unshipped;
- Amazon FBA (``fulfilled_by`` marketplace): shown only, unless the account's setting
  ``record_fba_orders`` is on: then created and recorded as already shipped in Commerce.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from channelmanager_gui.errors import MalformedResponseError
from channelmanager_gui.models.order import Order
from channelmanager_gui.services.engine.context import EngineEnv
from channelmanager_gui.services.engine.order_activity import SUBJECT, error_text, note
from channelmanager_gui.services.engine.order_records import (
    marketplace_name,
    new_order,
    open_quantity,
    update_order,
)
from channelmanager_gui.services.engine.order_status import (
    known_without_returns,
    refresh_order_status,
)
from channelmanager_gui.services.marketplace.port import FulfilledBy, IncomingOrder
from channelmanager_gui.services.outbox import enqueue

log = logging.getLogger(__name__)

ACK = "walmart.acknowledge"
CREATE = "commerce.create_order"
BATCH = 50  # orders saved per transaction
RECORD_FBA = "record_fba_orders"  # account setting: FBA orders become Commerce orders


@dataclass(frozen=True)
class Target:
    """Where imported orders go: the store and the marketplace account they came from."""

    store_id: int
    account_id: int
    record_fba: bool = False


@dataclass
class ImportCounts:
    seen: int = 0
    new: int = 0
    updated: int = 0
    failed: int = 0
    reasons: list[str] = field(default_factory=list)

    def unreadable(self, raw: Any, error: MalformedResponseError) -> None:
        """An order Walmart sent that we cannot read: counted as failed so the window is
        read again next time (nothing lost), with the reason for the merchant."""
        po = raw.get("purchaseOrderId") if isinstance(raw, dict) else None
        self.skipped(f"Walmart order {po or '(no purchase order id)'}: {error}")

    def skipped(self, reason: str) -> None:
        self.failed += 1
        self.reasons.append(reason)
        log.warning("unreadable order: %s", reason)

    def as_dict(self) -> dict[str, int]:
        return {"seen": self.seen, "new": self.new, "updated": self.updated, "failed": self.failed}


async def save_all(
    env: EngineEnv,
    target: Target,
    orders: AsyncIterable[IncomingOrder],
    counts: ImportCounts,
    now: datetime,
    *,
    known_only: bool = False,
) -> None:
    """Save ``orders`` ``BATCH`` at a time, yielding to the loop in between (a page of 200
    saved at once held it ~1.4 s)."""
    batch: list[IncomingOrder] = []
    async for incoming in orders:
        batch.append(incoming)
        if len(batch) >= BATCH:
            save_orders(env, target, batch, counts, now, known_only=known_only)
            batch = []
            await asyncio.sleep(0)
    save_orders(env, target, batch, counts, now, known_only=known_only)


def save_orders(
    env: EngineEnv,
    target: Target,
    orders: list[IncomingOrder],
    counts: ImportCounts,
    now: datetime,
    *,
    known_only: bool = False,
) -> None:
    """Insert or update ``orders`` in one transaction (one per order cost a third of the
    import's CPU); if any fails, each is saved again in its own, so one bad order never
    stops the others and only it is counted as failed."""
    if not orders:
        return
    done = ImportCounts()
    try:
        with env.db.session() as session:
            _save_batch(session, target, orders, done, now, known_only=known_only)
    except Exception:
        log.warning("a batch of %d orders failed; saving them one by one", len(orders))
        for incoming in orders:
            save_order(env, target, incoming, counts, now, known_only=known_only)
        return
    counts.seen += done.seen
    counts.new += done.new
    counts.updated += done.updated


def save_order(
    env: EngineEnv,
    target: Target,
    incoming: IncomingOrder,
    counts: ImportCounts,
    now: datetime,
    *,
    known_only: bool = False,
) -> None:
    """Insert or update one order in its own transaction; a failure is counted, not raised."""
    try:
        with env.db.session() as session:
            _save_batch(session, target, [incoming], counts, now, known_only=known_only)
    except Exception as exc:  # one bad order never stops the others
        log.exception("order %s could not be saved", incoming.marketplace_order_id)
        counts.failed += 1
        counts.reasons.append(f"order {incoming.marketplace_order_id}: {error_text(exc)}")


def _existing(session: Session, target: Target, orders: list[IncomingOrder]) -> dict[str, Order]:
    """The orders of ``orders`` already saved for the account, by order id, in one query."""
    ids = {incoming.marketplace_order_id for incoming in orders}
    query = select(Order).where(
        Order.account_id == target.account_id, Order.marketplace_order_id.in_(ids)
    )
    return {order.marketplace_order_id: order for order in session.scalars(query)}


def _save_batch(
    session: Session,
    target: Target,
    orders: list[IncomingOrder],
    counts: ImportCounts,
    now: datetime,
    *,
    known_only: bool,
) -> None:
    """``orders`` into ``session``. New orders are added, then flushed together (a flush per
    order was a fifth of the import's CPU), then get their timeline and actions; an order
    seen twice in the batch is inserted once, and updated once its insert is settled."""
    known = _existing(session, target, orders)
    inserted: list[tuple[Order, IncomingOrder]] = []
    for incoming in orders:
        counts.seen += 1
        order = known.get(incoming.marketplace_order_id)
        if order is None and not known_only:
            order = new_order(target.store_id, target.account_id, incoming, now)
            known[incoming.marketplace_order_id] = order
            session.add(order)
            inserted.append((order, incoming))
            counts.new += 1
        elif order is not None:
            if order.id is None:  # inserted earlier in this batch
                _settle(session, target, inserted)
            if _update(session, target, order, incoming, now):
                counts.updated += 1
    _settle(session, target, inserted)


def _settle(session: Session, target: Target, inserted: list[tuple[Order, IncomingOrder]]) -> None:
    """Flush the orders inserted so far (their ids), then add their timeline and actions."""
    session.flush()
    known_without_returns(session, [order.id for order, _ in inserted])  # new: no return yet
    for order, incoming in inserted:
        _insert(session, target, order, incoming)
    inserted.clear()


def _insert(session: Session, target: Target, order: Order, incoming: IncomingOrder) -> None:
    """What a new order (flushed: it has its id) gets: its timeline and its actions."""
    name = marketplace_name(order.marketplace)
    units = sum(line.qty_ordered for line in order.lines)
    customer = ("" if order.customer_order_id == order.marketplace_order_id
                else f" (customer order {order.customer_order_id})")  # fmt: skip
    note(session, order, "imported", f"Imported {name} order {order.marketplace_order_id}"
         f"{customer}, {units} unit(s).")  # fmt: skip
    if order.intent_to_cancel:
        note(session, order, "cancel_requested",
             f"The buyer asked to cancel this order on {name}.", "info")  # fmt: skip
    if incoming.needs_acknowledgement:
        _queue(session, order, ACK)
    if incoming.fulfilled_by is FulfilledBy.MARKETPLACE:
        _fulfilled_by_marketplace(session, target, order, incoming)
    elif open_quantity(incoming) <= 0:
        note(session, order, "not_created",
             f"Not created in Commerce: nothing is left to ship on {name}.", "info")  # fmt: skip
    elif incoming.ready_to_create:
        _queue(session, order, CREATE)
    else:
        note(session, order, "waiting", f"Waiting for {name} to authorize the payment "
             f"({incoming.status}): created in Commerce once it is ready to ship.",
             "info")  # fmt: skip
    refresh_order_status(order)


def _fulfilled_by_marketplace(
    session: Session, target: Target, order: Order, incoming: IncomingOrder
) -> None:
    name = marketplace_name(order.marketplace)
    if not target.record_fba:
        note(session, order, "not_created", f"Fulfilled by {name}: shown here, not created in "
             "Commerce (the account's setting 'record FBA orders' is off).", "info")  # fmt: skip
    elif _priced(incoming) and not _all_cancelled(incoming):
        _queue(session, order, CREATE)
    else:
        note(session, order, "waiting", f"Fulfilled by {name}: recorded in Commerce once "
             "the payment is authorized.", "info")  # fmt: skip


def _priced(incoming: IncomingOrder) -> bool:
    return bool(incoming.lines) and all(ln.unit_price is not None for ln in incoming.lines)


def _all_cancelled(incoming: IncomingOrder) -> bool:
    return all(ln.qty_cancelled >= ln.qty for ln in incoming.lines)


def _update(
    session: Session, target: Target, order: Order, incoming: IncomingOrder, now: datetime
) -> bool:
    changes = update_order(order, incoming, now)
    for message in changes.messages:
        note(session, order, f"{order.marketplace}_update", message, "info")
    if changes.priced and _becomes_ready(target, incoming):
        _queue(session, order, CREATE)
    refresh_order_status(order)
    return bool(changes)


def _becomes_ready(target: Target, incoming: IncomingOrder) -> bool:
    """An order first seen unpriced (Amazon Pending), now priced: ready for Commerce when
    merchant-fulfilled and Unshipped, or FBA with the account recording FBA orders."""
    if incoming.fulfilled_by is FulfilledBy.MARKETPLACE:
        return target.record_fba and not _all_cancelled(incoming)
    return incoming.ready_to_create and open_quantity(incoming) > 0


def _queue(session: Session, order: Order, kind: str) -> None:
    payload = {"purchase_order_id": order.marketplace_order_id}
    account_id = order.account_id if kind == ACK else None  # Commerce actions: no account
    enqueue(session, store_id=order.store_id, kind=kind, subject_type=SUBJECT,
            subject_id=order.id, payload=payload, account_id=account_id)  # fmt: skip
