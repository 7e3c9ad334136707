"""The "orders" loop: import new orders of every marketplace account of the store, and queue
what must happen to them (``order_saving``).

Each account is read through its adapter (``MarketplacePort.fetch_orders``), with its own
watermark (``cursors.account_cursor``). Windows overlap on purpose: Walmart shows an order in
searches some time after its ``orderDate`` and Amazon's search must end at least two minutes
ago (reference §2.2, the adapter moves the bound back), so each window starts one hour before
the previous one ended; the overlap costs a few repeated reads and is harmless because import
is idempotent on the order id. The watermark only moves when every order of the window was
saved, so nothing is skipped. One account failing never stops the others.

Amazon's window is by last-updated date (status changes, cancellations and buyer cancel
requests move it, §2.2), so its open orders are seen again when they change. Walmart searches
by created date, so for an account that acknowledges orders (Walmart) the loop also:

- re-reads still-open orders older than the window every few minutes, so a buyer's
  cancellation request or a cancellation made on Walmart is seen;
- reads ``GET /v3/orders/released`` for the dates before the window, back to Walmart's 180
  days: Walmart releases some orders hours after their ``orderDate`` (payment and fraud
  review), and every PO that still has Created lines is listed there (orders OpenAPI). The
  endpoint has its own bucket (60/min, reference §11); reading it every few minutes, not every
  pass, keeps a backlog of orders whose acknowledgement is still queued from being paged
  through again every 10 s.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from datetime import datetime, timedelta

from sqlalchemy import func, select

from channelmanager_gui.errors import ChannelError
from channelmanager_gui.models.order import Order, OrderStatus
from channelmanager_gui.services.changes import Change, Changes
from channelmanager_gui.services.engine.context import AccountContext, EngineEnv, StoreContext
from channelmanager_gui.services.engine.cursors import account_cursor, load_cursor, save_cursor
from channelmanager_gui.services.engine.order_saving import (
    ACK,
    CREATE,
    RECORD_FBA,
    ImportCounts,
    Target,
    save_all,
    save_orders,
)
from channelmanager_gui.services.marketplace.port import IncomingOrder, OrderPage
from channelmanager_gui.services.marketplace.walmart_adapter import WalmartAdapter
from channelmanager_gui.services.marketplace.walmart_mapping import incoming_order
from channelmanager_gui.services.walmart.order_models import Order as WalmartOrder

__all__ = ["ACK", "CREATE", "ImportCounts", "run_orders", "save_orders"]

WINDOW_CURSOR = "orders.created_until"
REFRESH_CURSOR = "orders.open_refreshed_at"
POLLED_CURSOR = "orders.searched_at"
OVERLAP = timedelta(hours=1)
REFRESH_EVERY = timedelta(minutes=5)
RELEASED_CURSOR = "orders.released_read_at"
RELEASED_EVERY = timedelta(minutes=5)  # well inside the 4 h Walmart gives for an acknowledgement
MAX_AGE = timedelta(days=180)  # Walmart searches reach back 180 days (reference §3)
PAGE = 200
_FINISHED = (OrderStatus.SHIPPED, OrderStatus.CANCELLED, OrderStatus.REFUNDED)


class AccountImport:
    """One account's pass: its target rows, its cursors and its counts."""

    def __init__(self, env: EngineEnv, store: StoreContext, account: AccountContext) -> None:
        self.env = env
        self.store = store
        self.account = account
        self.target = Target(store.id, account.id,
                             bool((account.account.settings or {}).get(RECORD_FBA)))  # fmt: skip
        self.counts = ImportCounts()
        # The store's first Walmart account keeps the cursor names of before accounts.
        legacy = store.store.walmart_account()
        self.legacy = legacy is not None and legacy.id == account.id

    def cursor(self, name: str) -> str:
        return account_cursor(name, self.account.id, self.legacy)

    async def run(self, now: datetime) -> None:
        start = self.window_start(now)
        await save_all(self.env, self.target, self._pages(start, now), self.counts, now)
        if not self.counts.failed:
            save_cursor(self.env.db, self.store.id, self.cursor(WINDOW_CURSOR), now)
        adapter = self.account.adapter
        if adapter.capabilities.acknowledges_orders and isinstance(adapter, WalmartAdapter):
            await self._import_released(adapter, start, now)
            await self._refresh_open_orders(adapter, start, now)

    def window_start(self, now: datetime) -> datetime:
        """First window: the store's look-back; later: the last window's end minus the overlap."""
        until = load_cursor(self.env.db, self.store.id, self.cursor(WINDOW_CURSOR))
        if until is None:
            return now - timedelta(hours=self.store.settings.order_lookback_hours)
        return max(until - OVERLAP, now - MAX_AGE)

    async def _pages(self, start: datetime, now: datetime) -> AsyncIterator[IncomingOrder]:
        page: OrderPage
        async for page in self.account.adapter.fetch_orders(start, now):
            for reason in page.skipped:  # read again next time: the cursor does not move
                self.counts.skipped(reason)
            for incoming in page.orders:
                yield incoming

    async def _walmart(self, orders: AsyncIterator[WalmartOrder]) -> AsyncIterator[IncomingOrder]:
        async for order in orders:
            yield incoming_order(order)

    async def _refresh_open_orders(
        self, adapter: WalmartAdapter, window: datetime, now: datetime
    ) -> None:
        """Every few minutes, re-read still-open orders older than the window (updates only)."""
        name = self.cursor(REFRESH_CURSOR)
        last = load_cursor(self.env.db, self.store.id, name)
        if last is not None and now - last < REFRESH_EVERY:
            return
        oldest = _oldest_open(self.env, self.account.id, now)
        if oldest is not None and oldest < window:
            orders = adapter.client.iter_orders(oldest, window, limit=PAGE,
                                                on_malformed=self.counts.unreadable)  # fmt: skip
            await save_all(self.env, self.target, self._walmart(orders), self.counts, now,
                           known_only=True)  # fmt: skip
        save_cursor(self.env.db, self.store.id, name, now)

    async def _import_released(
        self, adapter: WalmartAdapter, window: datetime, now: datetime
    ) -> None:
        """Every few minutes, orders dated before the window that Walmart released late: new
        ones are imported (and acknowledged), known ones updated."""
        name = self.cursor(RELEASED_CURSOR)
        last = load_cursor(self.env.db, self.store.id, name)
        oldest = now - MAX_AGE
        if oldest >= window or (last is not None and now - last < RELEASED_EVERY):
            return
        failed = self.counts.failed
        orders = adapter.client.iter_orders(oldest, window, limit=PAGE, released=True,
                                            on_malformed=self.counts.unreadable)  # fmt: skip
        await save_all(self.env, self.target, self._walmart(orders), self.counts, now)
        if self.counts.failed == failed:  # else read again next pass
            save_cursor(self.env.db, self.store.id, name, now)


async def run_orders(env: EngineEnv, store: StoreContext) -> dict[str, int]:
    """One pass of the loop over every account; raises (after saving what it could, for every
    account) if an order or an account failed."""
    total = ImportCounts()
    errors: list[tuple[AccountContext, Exception]] = []
    now = env.clock()
    runs = [
        AccountImport(env, store, a) for a in store.accounts.values() if _due(env, store, a, now)
    ]
    # Side by side: one marketplace's pacing (Amazon's searchOrders) never holds another's import.
    results = await asyncio.gather(*(run.run(now) for run in runs), return_exceptions=True)
    for run, result in zip(runs, results, strict=True):
        if isinstance(result, ChannelError):
            errors.append((run.account, result))
        elif isinstance(result, BaseException):
            raise result
        _add(total, run.counts)
    if total.new or total.updated:
        env.changes.publish(Changes.of(Change.ORDERS, Change.ACTIVITY, Change.OUTBOX))
    _raise_errors(store, errors, total)
    return total.as_dict()


def _due(env: EngineEnv, store: StoreContext, account: AccountContext, now: datetime) -> bool:
    """Whether the account's orders are searched this pass (its marketplace may allow fewer
    searches than the loop makes passes); the time of the search is noted when it is due."""
    spacing = account.adapter.capabilities.orders_poll_seconds
    if not spacing:
        return True
    name = account_cursor(POLLED_CURSOR, account.id, False)
    last = load_cursor(env.db, store.id, name)
    if last is not None and now - last < timedelta(seconds=spacing):
        return False
    save_cursor(env.db, store.id, name, now)
    return True


def _add(total: ImportCounts, counts: ImportCounts) -> None:
    total.seen += counts.seen
    total.new += counts.new
    total.updated += counts.updated
    total.failed += counts.failed
    total.reasons.extend(counts.reasons)


def _raise_errors(
    store: StoreContext, errors: list[tuple[AccountContext, Exception]], total: ImportCounts
) -> None:
    if len(errors) == 1 and len(store.accounts) == 1:
        raise errors[0][1]
    if errors:
        raise ChannelError("; ".join(f"{a.name}: {exc}" for a, exc in errors))
    if total.failed:
        raise ChannelError(
            f"{total.failed} order(s) could not be saved; they are read again next "
            f"time. First reason: {total.reasons[0]}"
        )


def _oldest_open(env: EngineEnv, account_id: int, now: datetime) -> datetime | None:
    with env.db.session() as session:
        oldest = session.scalar(
            select(func.min(Order.order_date)).where(
                Order.account_id == account_id,
                Order.status.not_in(_FINISHED),
                Order.order_date >= now - MAX_AGE,
            )
        )
    return None if oldest is None else oldest - timedelta(minutes=1)
