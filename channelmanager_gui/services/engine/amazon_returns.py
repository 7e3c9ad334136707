"""Amazon returns: listed from the returns report, mirrored into Commerce, refunded once.

Loop "amazon_returns", per Amazon account:

1. The returns report (``adapter.fetch_returns``, reference §3.5; at most 60 days a report)
   from the account's watermark, with overlap: each return becomes (once: unique per account
   and return id) a ``returns`` row of the account, shown on the Returns page like Walmart's.
   A return whose order is here is linked and mirrored into Commerce exactly as a Walmart
   return (``return_linking.attach``: an RMA, else the merchant's credit memo); the credit
   memo then queues the refund on Amazon (``returns_flow._match_creditmemo``), as does the
   merchant's "Refund now" (``ops.refund``).
2. Refunds sent (``amazon.refund_return``) are followed: once the adjustment feed is
   processed the return counts as refunded, or shows why Amazon refused it.

A refund moves money and cannot be undone (§3.4), so the handler never sends one twice: a
retry (an earlier attempt may have reached Amazon) first reads the order's refunds (Finances
API) and waits while an adjustment feed is still processing (its refund is not posted yet).
"""

from __future__ import annotations

from collections import Counter
from datetime import timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from channelmanager_gui.errors import ChannelError, UnavailableError, ValidationError
from channelmanager_gui.models.account import AMAZON
from channelmanager_gui.models.base import utcnow
from channelmanager_gui.models.money import ZERO
from channelmanager_gui.models.order import Order, Return
from channelmanager_gui.services import activity
from channelmanager_gui.services.changes import Change
from channelmanager_gui.services.changes import note as note_changes
from channelmanager_gui.services.engine.amazon_listings import amazon_accounts
from channelmanager_gui.services.engine.context import EngineEnv, StoreContext
from channelmanager_gui.services.engine.cursors import read_cursor, write_cursor
from channelmanager_gui.services.engine.return_linking import attach, link_orphans
from channelmanager_gui.services.engine.returns_flow import AMAZON_REFUND, REFUND_SENT
from channelmanager_gui.services.engine.scheduler import LoopSpec
from channelmanager_gui.services.marketplace.amazon_adapter import AmazonAdapter
from channelmanager_gui.services.marketplace.port import (
    IncomingReturn,
    MarketplacePort,
    RefundLine,
    RefundRequest,
)
from channelmanager_gui.services.outbox import ActionContext, ActionHandler

FIRST_LOOKBACK = timedelta(days=30)
OVERLAP = timedelta(hours=1)
# How far back a retry looks for adjustment feeds still processing (Amazon warns feeds can
# take up to eight hours under load, §4.6).
IN_FLIGHT_LOOKBACK = timedelta(hours=12)


def cursor_name(account_id: int) -> str:
    return f"returns.amazon.{account_id}"


async def sync_amazon_returns(env: EngineEnv, store: StoreContext) -> dict[str, int]:
    counts: Counter[str] = Counter()
    for account in amazon_accounts(store):
        counts.update(await import_returns(env, store, account.id, account.adapter))
        counts.update(await follow_refunds(env, account.id, account.adapter))
    if counts:  # returns that came before their order are linked once it is here
        counts["linked"] = link_orphans(env, store)
    return dict(counts)


async def import_returns(
    env: EngineEnv, store: StoreContext, account_id: int, adapter: MarketplacePort
) -> dict[str, int]:
    with env.db.session() as session:
        since = read_cursor(session, store.id, cursor_name(account_id))
    since = since or env.clock() - FIRST_LOOKBACK
    counts: Counter[str] = Counter()
    newest = since
    async for remote in adapter.fetch_returns(since - OVERLAP):
        newest = max(newest, remote.created or newest)
        with env.db.session() as session:
            counts[_import_one(session, env, store, account_id, remote)] += 1
    with env.db.session() as session:
        write_cursor(session, store.id, cursor_name(account_id), newest)
    return dict(counts)


def _import_one(
    session: Session, env: EngineEnv, store: StoreContext, account_id: int,
    remote: IncomingReturn,
) -> str:  # fmt: skip
    query = select(Return.id).where(
        Return.account_id == account_id, Return.return_order_id == remote.return_id
    )
    known = session.scalar(query)
    if known is not None:
        return "known"
    order_id = session.scalar(select(Order.id).where(
        Order.account_id == account_id, Order.marketplace_order_id == remote.marketplace_order_id
    ))  # fmt: skip
    ret = Return(
        store_id=store.id, account_id=account_id, marketplace=AMAZON,
        return_order_id=remote.return_id[:32],
        customer_order_id=remote.customer_order_id[:32], order_id=None,
        status=(remote.lines[0].status if remote.lines else "") or "Requested",
        refund_amount=remote.total_refund or ZERO,
        lines=[{"line_number": n, "po_line_number": None, "sku": ln.sku, "qty": ln.qty or 0,
                "reason": ln.reason, "refunded_qty": 0, "line_id": ln.line_id}
               for n, ln in enumerate(remote.lines, start=1)],
    )  # fmt: skip
    session.add(ret)
    session.flush()
    if order_id is not None:
        attach(session, env, store, ret, order_id)
    else:
        activity.record(
            session, store_id=store.id, subject_type="return", subject_id=ret.id,
            event="return_imported", outcome="error",
            message=f"Amazon return {ret.return_order_id} is for order "
            f"{ret.customer_order_id}, which is not in Channel Manager yet; it is linked once "
            "that order is imported.",
        )  # fmt: skip
        note_changes(session, Change.RETURNS, Change.ACTIVITY)
    return "returns_new"


async def follow_refunds(
    env: EngineEnv, account_id: int, adapter: MarketplacePort
) -> dict[str, int]:
    """Refunds sent: done once their adjustment feed is processed, or refused in words."""
    with env.db.session() as session:
        sent = [(r.id, feed) for r in session.scalars(select(Return).where(
            Return.account_id == account_id, Return.status == REFUND_SENT))
            for feed in [_feed_of(r)] if feed]  # fmt: skip
    counts: Counter[str] = Counter()
    for return_id, feed_id in sent:
        try:
            check = await adapter.check_submission(feed_id)
        except ChannelError:
            continue  # looked at again next pass
        if not check.finished:
            continue
        with env.db.session() as session:
            ret = session.get_one(Return, return_id)
            if check.status == "DONE" and not check.refused:
                _refunded(session, ret, "refunded on Amazon")
                counts["refunded"] += 1
            else:
                why = "; ".join([*check.refused.values(), *check.problems]) or check.status
                ret.status, ret.error = "REFUND_REFUSED", f"Amazon refused the refund: {why}"[:1000]
                counts["refund_refused"] += 1
            note_changes(session, Change.RETURNS, Change.ORDERS)
    return dict(counts)


def _feed_of(ret: Return) -> str:
    return next((str(ln["refund_feed"]) for ln in ret.lines if ln.get("refund_feed")), "")


def _refunded(session: Session, ret: Return, how: str) -> None:
    ret.marketplace_refunded_at = utcnow()
    ret.status, ret.error = "COMPLETED", None
    ret.lines = [{**ln, "refunded_qty": ln.get("refunded_qty") or ln.get("qty") or 0}
                 for ln in ret.lines]  # fmt: skip
    activity.record(session, store_id=ret.store_id, subject_type="return", subject_id=ret.id,
                    event="return_refunded", outcome="ok",
                    message=f"Amazon return {ret.return_order_id} {how}")  # fmt: skip


class AmazonRefundHandler:
    """``amazon.refund_return`` (payload ``return_id``, ``lines`` [[line number, qty]])."""

    lane = "amazon.refund"

    def __init__(self, env: EngineEnv) -> None:
        self.env = env

    async def send(self, ctx: ActionContext) -> dict[str, Any] | None:
        with self.env.db.session() as session:
            ret = session.get_one(Return, ctx.payload["return_id"])
            account_id, order_id, lines = ret.account_id, ret.customer_order_id, list(ret.lines)
        adapter = self.env.store(ctx.store_id).account(account_id).adapter
        if not isinstance(adapter, AmazonAdapter):
            raise ValidationError("account", f"account #{account_id} is not an Amazon account")
        wanted = {int(n): int(q) for n, q in ctx.payload["lines"]}
        # The report names SKUs, not order items (§3.5): the adapter translates them.
        refund_lines = [
            RefundLine(str(ln.get("line_id") or ln["sku"]), wanted[int(ln["line_number"])],
                       "CustomerReturn")
            for ln in lines if int(ln["line_number"]) in wanted
        ]  # fmt: skip
        if ctx.retrying:  # an earlier attempt may have sent it: never refund twice (§3.4)
            # Feeds still running first: their refunds are not posted yet, so the order's
            # refunds say nothing until they are done. (Amazon may post a refund some time after
            # its feed is DONE; the reference gives no figure for that lag (?).)
            running = await adapter.refunds_in_flight(self.env.clock() - IN_FLIGHT_LOOKBACK)
            if running:
                raise UnavailableError(
                    f"Amazon is still processing refund feed(s) {', '.join(running)}; this "
                    "refund is checked again once they are done, so it is never sent twice"
                )
            done = await adapter.refunded(order_id)
            if all(line.line_id in done for line in refund_lines):
                return {"skipped": True}
        result = await adapter.refund(RefundRequest(order_id, tuple(refund_lines)))
        return {"skipped": False, "feed_id": result.submission_id}

    def apply(self, session: Session, ctx: ActionContext, result: dict[str, Any] | None) -> None:
        ret = session.get_one(Return, ctx.payload["return_id"])
        if (result or {}).get("skipped"):
            _refunded(session, ret, "was already refunded on Amazon (checked before resending)")
        else:
            feed = (result or {}).get("feed_id", "")
            ret.status, ret.error = REFUND_SENT, None
            ret.lines = [{**ln, "refund_feed": feed} for ln in ret.lines]
        note_changes(session, Change.RETURNS, Change.ORDERS)

    def failed(self, session: Session, ctx: ActionContext, error: ChannelError) -> None:
        ret = session.get_one(Return, ctx.payload["return_id"])
        ret.error = f"Refunding Amazon return {ret.return_order_id} failed: {error}"[:1000]
        note_changes(session, Change.RETURNS, Change.ORDERS)


LOOPS: list[LoopSpec] = [LoopSpec("amazon_returns", sync_amazon_returns)]


def handlers(env: EngineEnv) -> dict[str, ActionHandler]:
    return {AMAZON_REFUND: AmazonRefundHandler(env)}
