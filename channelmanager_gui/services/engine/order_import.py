"""The "orders" loop: import new Walmart orders and queue what must happen to them.

Windows overlap on purpose. Walmart shows an order in searches some time after its
``orderDate`` and clocks differ, so each window starts one hour before the previous one ended;
the overlap costs a few repeated reads and is harmless because import is idempotent on the
purchase order id. The watermark (end of the last *fully* imported window) lives in
``SyncCursor``; it only moves when every order of the window was saved, so nothing is skipped.

For each new order, in the same transaction as its row: ``walmart.acknowledge`` when Walmart
still waits for one (acknowledgements are due within 4 hours, so the ack is queued first and
does not depend on the Commerce side), then ``commerce.create_order`` when anything is left to
ship. Orders older than the window that are still open are re-read every few minutes, so a
buyer's cancellation request or a cancellation made on Walmart is seen.

Walmart releases some orders to the seller hours after their ``orderDate`` (payment and fraud
review), by then older than any recent window. ``GET /v3/orders/released`` lists every PO that
still has Created lines (orders OpenAPI), so every few minutes a pass also reads it for the
dates before the window, back to Walmart's 180 days: an order still waiting for its
acknowledgement is imported however old (the look-back bounds only the first created-date
window). The endpoint has its own bucket (60/min, reference §11), which the client's spacing of
that key respects; reading it every few minutes, not every pass, keeps a backlog of orders
whose acknowledgement is still queued from being paged through again every 10 s.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from channelmanager_gui.errors import ChannelError, MalformedResponseError
from channelmanager_gui.models.account import WALMART, walmart_account_id
from channelmanager_gui.models.order import Order, OrderStatus
from channelmanager_gui.services.changes import Change, Changes
from channelmanager_gui.services.engine.context import EngineEnv, StoreContext
from channelmanager_gui.services.engine.cursors import load_cursor, save_cursor
from channelmanager_gui.services.engine.order_activity import SUBJECT, error_text, note
from channelmanager_gui.services.engine.order_records import (
    needs_ack,
    new_order,
    open_quantity,
    update_order,
)
from channelmanager_gui.services.engine.order_status import (
    known_without_returns,
    refresh_order_status,
)
from channelmanager_gui.services.outbox import enqueue
from channelmanager_gui.services.walmart.order_models import Order as WalmartOrder

log = logging.getLogger(__name__)

ACK = "walmart.acknowledge"
CREATE = "commerce.create_order"
WINDOW_CURSOR = "orders.created_until"
REFRESH_CURSOR = "orders.open_refreshed_at"
OVERLAP = timedelta(hours=1)
REFRESH_EVERY = timedelta(minutes=5)
RELEASED_CURSOR = "orders.released_read_at"
RELEASED_EVERY = timedelta(minutes=5)  # well inside the 4 h Walmart gives for an acknowledgement
MAX_AGE = timedelta(days=180)  # Walmart searches reach back 180 days (reference §3)
PAGE = 200
BATCH = 50  # orders saved per transaction
_FINISHED = (OrderStatus.SHIPPED, OrderStatus.CANCELLED, OrderStatus.REFUNDED)


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
        self.failed += 1
        self.reasons.append(f"Walmart order {po or '(no purchase order id)'}: {error}")
        log.warning("unreadable Walmart order %s: %s", po, error)

    def as_dict(self) -> dict[str, int]:
        return {"seen": self.seen, "new": self.new, "updated": self.updated, "failed": self.failed}


async def run_orders(env: EngineEnv, store: StoreContext) -> dict[str, int]:
    """One pass of the loop; raises (after saving what it could) if an order failed."""
    now = env.clock()
    start = window_start(env, store, now)
    counts = ImportCounts()
    orders = store.walmart.iter_orders(start, now, limit=PAGE, on_malformed=counts.unreadable)
    await _save_all(env, store.id, orders, counts, now)
    if not counts.failed:
        save_cursor(env.db, store.id, WINDOW_CURSOR, now)
    await _import_released(env, store, start, now, counts)
    await _refresh_open_orders(env, store, start, now, counts)
    if counts.new or counts.updated:
        env.changes.publish(Changes.of(Change.ORDERS, Change.ACTIVITY, Change.OUTBOX))
    if counts.failed:
        raise ChannelError(
            f"{counts.failed} Walmart order(s) could not be saved; they are read again next "
            f"time. First reason: {counts.reasons[0]}"
        )
    return counts.as_dict()


def window_start(env: EngineEnv, store: StoreContext, now: datetime) -> datetime:
    """First window: the store's look-back; later: the last window's end minus the overlap."""
    until = load_cursor(env.db, store.id, WINDOW_CURSOR)
    if until is None:
        return now - timedelta(hours=store.settings.order_lookback_hours)
    return max(until - OVERLAP, now - MAX_AGE)


async def _save_all(
    env: EngineEnv,
    store_id: int,
    orders: AsyncIterator[WalmartOrder],
    counts: ImportCounts,
    now: datetime,
    *,
    known_only: bool = False,
) -> None:
    """Save ``orders`` ``BATCH`` at a time, yielding to the loop in between (a page of 200
    saved at once held it ~1.4 s)."""
    batch: list[WalmartOrder] = []
    async for wo in orders:
        batch.append(wo)
        if len(batch) >= BATCH:
            save_orders(env, store_id, batch, counts, now, known_only=known_only)
            batch = []
            await asyncio.sleep(0)
    save_orders(env, store_id, batch, counts, now, known_only=known_only)


def save_orders(
    env: EngineEnv,
    store_id: int,
    orders: list[WalmartOrder],
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
            _save_batch(session, store_id, orders, done, now, known_only=known_only)
    except Exception:
        log.warning("a batch of %d orders failed; saving them one by one", len(orders))
        for wo in orders:
            save_order(env, store_id, wo, counts, now, known_only=known_only)
        return
    counts.seen += done.seen
    counts.new += done.new
    counts.updated += done.updated


def save_order(
    env: EngineEnv,
    store_id: int,
    wo: WalmartOrder,
    counts: ImportCounts,
    now: datetime,
    *,
    known_only: bool = False,
) -> None:
    """Insert or update one order in its own transaction; a failure is counted, not raised."""
    try:
        with env.db.session() as session:
            _save_batch(session, store_id, [wo], counts, now, known_only=known_only)
    except Exception as exc:  # one bad order never stops the others
        log.exception("order %s could not be saved", wo.marketplace_order_id)
        counts.failed += 1
        counts.reasons.append(f"order {wo.marketplace_order_id}: {error_text(exc)}")


def _existing(session: Session, store_id: int, orders: list[WalmartOrder]) -> dict[str, Order]:
    """The orders of ``orders`` already saved, by purchase order id, in one query."""
    pos = {wo.marketplace_order_id for wo in orders}
    query = select(Order).where(
        Order.store_id == store_id,
        Order.marketplace == WALMART,
        Order.marketplace_order_id.in_(pos),
    )
    return {order.marketplace_order_id: order for order in session.scalars(query)}


def _save_batch(
    session: Session,
    store_id: int,
    orders: list[WalmartOrder],
    counts: ImportCounts,
    now: datetime,
    *,
    known_only: bool,
) -> None:
    """``orders`` into ``session``. New orders are added, then flushed together (a flush per
    order was a fifth of the import's CPU), then get their timeline and actions; an order
    seen twice in the batch is inserted once, and updated once its insert is settled."""
    known = _existing(session, store_id, orders)
    account_id = walmart_account_id(session, store_id)
    inserted: list[tuple[Order, WalmartOrder]] = []
    for wo in orders:
        counts.seen += 1
        order = known.get(wo.marketplace_order_id)
        if order is None and not known_only:
            order = known[wo.marketplace_order_id] = new_order(store_id, account_id, wo, now)
            session.add(order)
            inserted.append((order, wo))
            counts.new += 1
        elif order is not None:
            if order.id is None:  # inserted earlier in this batch
                _settle(session, inserted)
            if _update(session, order, wo, now):
                counts.updated += 1
    _settle(session, inserted)


def _settle(session: Session, inserted: list[tuple[Order, WalmartOrder]]) -> None:
    """Flush the orders inserted so far (their ids), then add their timeline and actions."""
    session.flush()
    known_without_returns(session, [order.id for order, _ in inserted])  # new: no return yet
    for order, wo in inserted:
        _insert(session, order, wo)
    inserted.clear()


def _insert(session: Session, order: Order, wo: WalmartOrder) -> None:
    """What a new order (flushed: it has its id) gets: its timeline and its actions."""
    units = sum(line.qty_ordered for line in order.lines)
    note(session, order, "imported", f"Imported Walmart order {order.marketplace_order_id} "
         f"(customer order {order.customer_order_id}), {units} unit(s).")  # fmt: skip
    if order.intent_to_cancel:
        note(session, order, "cancel_requested",
             "The buyer asked to cancel this order on Walmart.", "info")  # fmt: skip
    if needs_ack(wo):
        _queue(session, order, ACK)
    if open_quantity(wo) > 0:
        _queue(session, order, CREATE)
    else:
        note(session, order, "not_created",
             "Not created in Commerce: nothing is left to ship on Walmart.", "info")  # fmt: skip
    refresh_order_status(order)


def _update(session: Session, order: Order, wo: WalmartOrder, now: datetime) -> bool:
    changes = update_order(order, wo, now)
    for message in changes.messages:
        note(session, order, "walmart_update", message, "info")
    refresh_order_status(order)
    return bool(changes)


def _queue(session: Session, order: Order, kind: str) -> None:
    payload = {"purchase_order_id": order.marketplace_order_id}
    enqueue(session, store_id=order.store_id, kind=kind, subject_type=SUBJECT,
            subject_id=order.id, payload=payload)  # fmt: skip


async def _refresh_open_orders(
    env: EngineEnv, store: StoreContext, window: datetime, now: datetime, counts: ImportCounts
) -> None:
    """Every few minutes, re-read still-open orders older than the window (updates only)."""
    last = load_cursor(env.db, store.id, REFRESH_CURSOR)
    if last is not None and now - last < REFRESH_EVERY:
        return
    oldest = _oldest_open(env, store.id, now)
    if oldest is not None and oldest < window:
        orders = store.walmart.iter_orders(
            oldest, window, limit=PAGE, on_malformed=counts.unreadable
        )
        await _save_all(env, store.id, orders, counts, now, known_only=True)
    save_cursor(env.db, store.id, REFRESH_CURSOR, now)


async def _import_released(
    env: EngineEnv, store: StoreContext, window: datetime, now: datetime, counts: ImportCounts
) -> None:
    """Every few minutes, orders dated before the window that Walmart released late: new ones
    are imported (and acknowledged), known ones updated."""
    last = load_cursor(env.db, store.id, RELEASED_CURSOR)
    oldest = now - MAX_AGE
    if oldest >= window or (last is not None and now - last < RELEASED_EVERY):
        return
    failed = counts.failed
    orders = store.walmart.iter_orders(
        oldest, window, limit=PAGE, released=True, on_malformed=counts.unreadable
    )
    await _save_all(env, store.id, orders, counts, now)
    if counts.failed == failed:  # else read again next pass
        save_cursor(env.db, store.id, RELEASED_CURSOR, now)


def _oldest_open(env: EngineEnv, store_id: int, now: datetime) -> datetime | None:
    with env.db.session() as session:
        oldest = session.scalar(
            select(func.min(Order.order_date)).where(
                Order.store_id == store_id,
                Order.status.not_in(_FINISHED),
                Order.order_date >= now - MAX_AGE,
            )
        )
    return None if oldest is None else oldest - timedelta(minutes=1)
