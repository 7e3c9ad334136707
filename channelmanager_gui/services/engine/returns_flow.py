"""Loop "returns": Walmart returns in, mirrored into Commerce, refunded back on Walmart.

1. New Walmart returns (created since the watermark, with overlap; idempotent on the return
   order id) are recorded, linked to the local order by customer order id, and
   ``commerce.return`` is queued: an RMA where the store has returns (Adobe Commerce), else the
   return waits for the merchant's offline credit memo (the order shows Return requested).
2. Credit memos created in Commerce since the watermark, for orders with an open return, are
   the merchant's "refund done": the return is linked to the memo and ``walmart.refund_return``
   is queued (handlers in ``return_handlers.py``).
3. A memo made *before* its return was imported (the merchant refunded first, or the app was
   off) is behind the memo watermark: so every newly imported return also has its order's
   memos looked up once. A local return-id watermark makes that "once" survive a failed
   lookup: it is tried again next pass.
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Callable
from datetime import timedelta
from typing import TypeVar

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from channelmanager_gui.models.account import AMAZON, WALMART, walmart_account_id
from channelmanager_gui.models.base import utcnow
from channelmanager_gui.models.money import ZERO, to_money
from channelmanager_gui.models.order import Order, Return
from channelmanager_gui.services import activity, outbox
from channelmanager_gui.services.changes import Change
from channelmanager_gui.services.changes import note as note_changes
from channelmanager_gui.services.commerce.sales_models import CreditMemo
from channelmanager_gui.services.engine.context import EngineEnv, StoreContext
from channelmanager_gui.services.engine.cursors import (
    read_cursor,
    read_id_cursor,
    write_cursor,
    write_id_cursor,
)
from channelmanager_gui.services.engine.fulfilment_common import (
    load_order,
    note,
    sync_error,
)
from channelmanager_gui.services.engine.order_status import refresh_order_status
from channelmanager_gui.services.engine.return_linking import (
    COMMERCE_RETURN as COMMERCE_RETURN,  # the kind is named with its loop
)
from channelmanager_gui.services.engine.return_linking import (
    attach,
    link_orphans,
)
from channelmanager_gui.services.walmart.return_models import ReturnOrder

log = logging.getLogger(__name__)

RETURNS_CURSOR = "returns.walmart_created"
MEMOS_CURSOR = "returns.commerce_creditmemos"
LOOKUP_CURSOR = "returns.memo_lookup_return_id"  # a local Return.id, not a time
FIRST_LOOKBACK = timedelta(days=30)  # returns come weeks after the order
OVERLAP = timedelta(minutes=10)
WALMART_REFUND = "walmart.refund_return"
AMAZON_REFUND = "amazon.refund_return"  # handler: amazon_returns.AmazonRefundHandler
REFUND_SENT = "REFUND_SENT"  # an Amazon return whose adjustment feed is being processed
# Queued by the merchant's "Refund on Walmart now" (``ops.refund``, ops/return_writes.py).
COMMERCE_REFUND = "commerce.refund_return"
T = TypeVar("T")
_REFUNDED = frozenset({"REFUND_COMPLETED", "COMPLETED"})


async def sync_returns(env: EngineEnv, store: StoreContext) -> dict[str, int]:
    counts: Counter[str] = Counter()
    with env.db.session() as session:
        since = read_cursor(session, store.id, RETURNS_CURSOR) or env.clock() - FIRST_LOOKBACK
        memos_since = read_cursor(session, store.id, MEMOS_CURSOR) or since
    newest = since
    async for remote in store.walmart.iter_returns(created_start=since - OVERLAP):
        newest = max(newest, remote.return_order_date or newest)
        counts[_guarded(_import_return, env, store, remote)] += 1
    newest_memo = memos_since
    for memo in await store.commerce.list_creditmemos(created_since=memos_since - OVERLAP):
        newest_memo = max(newest_memo, memo.created_at or newest_memo)
        counts[_guarded(_match_creditmemo, env, store, memo)] += 1
    with env.db.session() as session:
        write_cursor(session, store.id, RETURNS_CURSOR, newest)
        write_cursor(session, store.id, MEMOS_CURSOR, newest_memo)
    linked = link_orphans(env, store)
    if linked:
        log.info("store %s: %d return(s) linked to orders imported after them", store.id, linked)
    await _earlier_memos(env, store, counts)
    return {k: counts[k] for k in ("returns_new", "refunds_queued", "errors")}


async def _earlier_memos(env: EngineEnv, store: StoreContext, counts: Counter[str]) -> None:
    """Match the existing credit memos of the orders of returns imported since the last pass."""
    with env.db.session() as session:
        after = read_id_cursor(session, store.id, LOOKUP_CURSOR) or 0
        query = (
            select(Return.id, Order.commerce_entity_id)
            .outerjoin(Order, Return.order_id == Order.id)
            .where(
                Return.store_id == store.id,
                Return.id > after,
                Return.commerce_creditmemo_id.is_(None),
                Return.marketplace_refunded_at.is_(None),
            )
            .order_by(Return.id)
        )
        fresh = [(row[0], row[1]) for row in session.execute(query)]
        newest = session.scalar(select(func.max(Return.id)).where(Return.store_id == store.id))
    done: set[int] = set()
    for return_id, entity_id in fresh:
        if entity_id is None or entity_id in done:
            continue
        try:
            memos = await store.commerce.list_creditmemos(order_id=entity_id)
        except Exception as exc:  # looked up again next pass
            log.warning("credit memos of Commerce order %s: %s", entity_id, exc)
            sync_error(env.db, store.id, "returns", f"Credit memos of Commerce order {entity_id} "
                       f"could not be read: {exc}")  # fmt: skip
            counts["errors"] += 1
            newest = return_id - 1
            break
        done.add(entity_id)
        for memo in memos:
            counts[_guarded(_match_creditmemo, env, store, memo)] += 1
    if newest is not None and newest > after:
        with env.db.session() as session:
            write_id_cursor(session, store.id, LOOKUP_CURSOR, newest)


def _guarded(
    fn: Callable[[EngineEnv, StoreContext, T], str], env: EngineEnv, store: StoreContext, item: T
) -> str:
    """One bad return or memo never stops the loop; it is logged and counted."""
    try:
        return fn(env, store, item)
    except Exception as exc:
        log.exception("returns loop: %r could not be processed", item)
        what = getattr(item, "return_order_id", None)
        label = (
            f"Walmart return {what}" if what else f"Credit memo {getattr(item, 'entity_id', '')}"
        )
        sync_error(env.db, store.id, "returns", f"{label} could not be processed: {exc}")
        return "errors"


def _line_json(remote: ReturnOrder) -> list[dict[str, object]]:
    return [
        {
            "line_number": ln.line_number,
            "po_line_number": ln.purchase_order_line_number,
            "sku": ln.sku,
            "qty": ln.quantity or 0,
            "reason": ln.reason,
            "refunded_qty": ln.refunded_quantity or 0,
        }
        for ln in remote.lines
    ]


def _refunded_on_walmart(remote: ReturnOrder) -> bool:
    statuses = [
        (ln.tracking_statuses[-1].refund_status if ln.tracking_statuses else ln.refund_status)
        for ln in remote.lines
    ]
    return bool(statuses) and all((s or "").upper() in _REFUNDED for s in statuses)


def _import_return(env: EngineEnv, store: StoreContext, remote: ReturnOrder) -> str:
    with env.db.session() as session:
        ret = session.scalar(
            select(Return).where(
                Return.store_id == store.id,
                Return.marketplace == WALMART,
                Return.return_order_id == remote.return_order_id,
            )
        )
        if ret is not None:
            _refresh_known(session, env, ret, remote)
            return "known"
        order_id = session.scalar(
            select(Order.id).where(
                Order.store_id == store.id,
                Order.marketplace == WALMART,
                Order.customer_order_id == remote.customer_order_id,
            )
        )
        ret = Return(
            store_id=store.id,
            account_id=walmart_account_id(session, store.id),
            marketplace=WALMART,
            return_order_id=remote.return_order_id,
            customer_order_id=remote.customer_order_id,
            order_id=order_id,
            status=(remote.lines[0].current_status if remote.lines else None) or "INITIATED",
            refund_amount=to_money(remote.total_refund.amount) if remote.total_refund else ZERO,
            lines=_line_json(remote),
        )
        session.add(ret)
        session.flush()
        if order_id is None:
            activity.record(
                session,
                store_id=store.id,
                subject_type="return",
                subject_id=ret.id,
                event="return_imported",
                outcome="error",
                message=f"Walmart return {remote.return_order_id} is for customer order "
                f"{remote.customer_order_id}, which is not in Channel Manager yet; it is linked "
                "once that order is imported.",
            )
            note_changes(session, Change.RETURNS, Change.ACTIVITY)
            return "returns_new"
        attach(session, env, store, ret, order_id)
        return "returns_new"


def _refresh_known(session: Session, env: EngineEnv, ret: Return, remote: ReturnOrder) -> None:
    """A return refunded on Walmart's side (e.g. Walmart settled it) counts as refunded."""
    if ret.marketplace_refunded_at is not None or not _refunded_on_walmart(remote):
        return
    ret.marketplace_refunded_at = utcnow()
    ret.status = "COMPLETED"
    if ret.order_id is not None:
        order = load_order(session, ret.order_id)
        refresh_order_status(order)
        note(
            session,
            order,
            "return_refunded",
            f"Walmart shows return {ret.return_order_id} refunded",
        )
    note_changes(session, Change.ORDERS, Change.RETURNS, Change.ACTIVITY)


def _match_creditmemo(env: EngineEnv, store: StoreContext, memo: CreditMemo) -> str:
    """Link a Commerce credit memo to the open returns of its order whose SKUs it refunds."""
    with env.db.session() as session:
        if session.scalar(select(Return.id).where(Return.commerce_creditmemo_id == memo.entity_id)):
            return "known"
        order_id = session.scalar(
            select(Order.id).where(
                Order.store_id == store.id, Order.commerce_entity_id == memo.order_id
            )
        )
        if order_id is None:
            return "foreign"
        open_returns = session.scalars(
            select(Return)
            .where(
                Return.order_id == order_id,
                Return.commerce_creditmemo_id.is_(None),
                Return.marketplace_refunded_at.is_(None),
            )
            .order_by(Return.id)
        ).all()
        refunded = {i.sku: int(i.qty) for i in memo.items if i.qty}
        order = load_order(session, order_id)
        queued = 0
        for ret in open_returns:
            lines = _refund_lines(ret, refunded)
            if not lines:
                continue
            ret.commerce_creditmemo_id = memo.entity_id
            outbox.enqueue(
                session,
                store_id=store.id,
                kind=refund_kind(ret),
                subject_type="order",
                subject_id=order_id,
                payload={"return_id": ret.id, "lines": lines},
            )
            note(
                session,
                order,
                "creditmemo_seen",
                f"Credit memo {memo.increment_id or memo.entity_id} in Commerce covers "
                f"{_market(ret)} return {ret.return_order_id}; refunding it on {_market(ret)}",
            )
            queued += 1
        if queued:
            note_changes(session, Change.ORDERS, Change.ACTIVITY)
        return "refunds_queued" if queued else "unmatched"


def refund_kind(ret: Return) -> str:
    """The outbox action that refunds ``ret`` on its marketplace."""
    return AMAZON_REFUND if ret.marketplace == AMAZON else WALMART_REFUND


def _market(ret: Return) -> str:
    return "Amazon" if ret.marketplace == AMAZON else "Walmart"


def _refund_lines(ret: Return, refunded: dict[str, int]) -> list[list[int]]:
    """``[return line number, qty]`` for the lines of ``ret`` the memo refunds; consumes the
    memo's quantities so one memo is not counted twice for two returns of the same SKU."""
    lines = []
    for ln in ret.lines:
        sku = str(ln.get("sku") or "")
        open_qty = int(str(ln["qty"])) - int(str(ln.get("refunded_qty") or 0))
        qty = min(open_qty, refunded.get(sku, 0))
        if qty > 0:
            refunded[sku] -= qty
            lines.append([int(str(ln["line_number"])), qty])
    return lines
