"""The sync engine: scheduler + outbox worker over every store, the same in window and CLI."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from types import ModuleType
from typing import Any

from sqlalchemy import event, func, select
from sqlalchemy.orm import Session

from channelmanager_gui.models.db import Database
from channelmanager_gui.models.order import Order, OrderStatus
from channelmanager_gui.models.outbox import ActionStatus, OutboxAction
from channelmanager_gui.models.store import Store
from channelmanager_gui.services.changes import Change, ChangeBus, taken
from channelmanager_gui.services.engine.context import (
    ClientOptions,
    EngineEnv,
    StoreContext,
    open_store,
)
from channelmanager_gui.services.engine.flows import flow_modules
from channelmanager_gui.services.engine.order_invoice import queue_missing_invoices
from channelmanager_gui.services.engine.scheduler import LoopSpec, Scheduler
from channelmanager_gui.services.outbox import ActionHandler, OutboxWorker
from channelmanager_gui.services.secret_sources import SecretSource
from channelmanager_gui.services.sync_status import SyncState, SyncStatusBoard

log = logging.getLogger(__name__)


@dataclass
class RunSummary:
    """What ``sync --once`` reports: loop errors, and actions/orders left in Error."""

    loop_errors: list[str] = field(default_factory=list)
    failed_actions: list[str] = field(default_factory=list)
    orders_in_error: int = 0
    drained: bool = True

    @property
    def ok(self) -> bool:
        return self.drained and not (
            self.loop_errors or self.failed_actions or self.orders_in_error
        )


class SyncEngine:
    def __init__(
        self,
        db: Database,
        secrets: SecretSource,
        *,
        board: SyncStatusBoard | None = None,
        changes: ChangeBus | None = None,
        flows: list[ModuleType] | None = None,
        worker_options: dict[str, Any] | None = None,
        client_options: ClientOptions | None = None,
    ) -> None:
        self.env = EngineEnv(db=db, changes=changes or ChangeBus())
        self.secrets = secrets
        self.client_options = client_options  # retry, spacing … per client (tests, harness)
        self.board = board or SyncStatusBoard()
        self.flows = flow_modules() if flows is None else flows
        self.scheduler = Scheduler(self.env, self.board)
        self.worker = OutboxWorker(db, {}, changes=self.env.changes, **(worker_options or {}))
        self.worker.stores = self.env.stores.keys()  # a store not connected: its actions wait
        self.store_errors: list[str] = []  # one line per store that could not be opened
        self._stop = asyncio.Event()
        self._worker_task: asyncio.Task[None] | None = None
        self._stop_nudging: Callable[[], None] = lambda: None
        event.listen(db.sessions, "after_commit", self._publish_noted)

    def _publish_noted(self, session: Session) -> None:
        """After each of the engine's transactions (an outbox pass recording handlers'
        outcomes, a loop's step): publish, once, what its steps noted (``changes.note``)."""
        self.env.changes.publish(taken(session))

    async def open(self) -> None:
        """Connect every store and register its loops; a store that fails to open is skipped
        with its error on the board, so one broken store never stops the others."""
        with self.env.db.session() as session:
            stores = list(session.scalars(select(Store).order_by(Store.id)))
        handlers: dict[str, ActionHandler] = {}
        for store in stores:
            try:
                ctx = open_store(store, self.secrets, self.client_options)
            except Exception as exc:
                self._not_connected(store, exc)
            else:
                self.env.stores[store.id] = ctx
                self._connected(store)
                self._accounts_not_connected(ctx)
        for module in self.flows:
            handlers.update(module.handlers(self.env))
        self.worker.handlers = handlers
        many = len(self.env.stores) > 1
        for ctx in self.env.stores.values():
            for module in self.flows:
                spec: LoopSpec
                for spec in module.LOOPS:
                    if spec.walmart_only and not ctx.has_walmart:
                        continue  # an Amazon-only store: this flow is not on the port yet
                    label = f"{ctx.store.name}/{spec.name}" if many else spec.name
                    self.scheduler.add(spec, ctx, label)

    def _connected(self, store: Store) -> None:
        """The window keeps its board across engine restarts: drop a stale "not connected"."""
        status = self.board.loop(store.name)
        if status is not None and (status.last_error or "").startswith(_not_connected(store)):
            self.board.remove(store.name)

    def _not_connected(self, store: Store, exc: Exception) -> None:
        """Say on the board why the store is not synced; its queued actions wait for it."""
        log.error("store %s cannot be opened: %s", store.name, exc)
        reason = (str(exc) or type(exc).__name__).rstrip(".") + "."
        self.env.not_connected[store.id] = reason
        message = f"{_not_connected(store)} {reason} Its queued actions wait until it is connected."
        self.store_errors.append(message)
        self.board.update(store.name, state=SyncState.ERROR, last_error=message)

    def _accounts_not_connected(self, ctx: StoreContext) -> None:
        """Name each account that could not be opened on the board; the store's other
        accounts sync, and the account's actions wait (``StoreContext.account``)."""
        for account in ctx.store.accounts:
            label = f"{ctx.store.name}/{account.name}"
            reason = ctx.account_errors.get(account.id)
            if reason is None:
                status = self.board.loop(label)
                if status is not None and status.state is SyncState.ERROR:
                    self.board.remove(label)
                continue
            log.error("account %s cannot be opened: %s", label, reason)
            message = (
                f"Account {account.name} of store {ctx.store.name} is not connected: {reason}. "
                "Its queued actions wait until it is connected."
            )
            self.store_errors.append(message)
            self.board.update(label, state=SyncState.ERROR, last_error=message)

    async def run_once(self, drain_timeout: float = 600.0) -> RunSummary:
        """Every loop once, then send everything queued; the summary says what failed."""
        queue_missing_invoices(self.env.db)
        summary = RunSummary(loop_errors=await self.scheduler.run_all_once())
        summary.loop_errors.extend(self.store_errors)
        summary.drained = await self.worker.drain(timeout=drain_timeout)
        with self.env.db.session() as session:
            failed = session.scalars(
                select(OutboxAction).where(OutboxAction.status == ActionStatus.ERROR)
            )
            summary.failed_actions = [f"{a.kind} #{a.subject_id}: {a.last_error}" for a in failed]
            summary.orders_in_error = int(
                session.scalar(
                    select(func.count(Order.id)).where(Order.status == OrderStatus.ERROR)
                )
                or 0
            )
        return summary

    def start(self) -> None:
        """Run loops and the outbox worker in the background of the running event loop."""
        self._stop.clear()
        queue_missing_invoices(self.env.db)  # once per database, on the first start after upgrade
        loop = asyncio.get_running_loop()

        def nudge(kinds: frozenset[Change]) -> None:  # on whichever thread published
            if Change.OUTBOX in kinds:
                loop.call_soon_threadsafe(self.worker.wake)

        self._stop_nudging = self.env.changes.subscribe(nudge)
        self.scheduler.start()
        self._worker_task = asyncio.create_task(
            self.worker.run_forever(self._stop), name="outbox-worker"
        )

    async def run_forever(self) -> None:
        self.start()
        await self._stop.wait()

    async def stop(self) -> None:
        self._stop.set()
        self._stop_nudging()
        await self.scheduler.stop()
        if self._worker_task:
            await asyncio.gather(self._worker_task, return_exceptions=True)

    async def aclose(self) -> None:
        """Stop loops, then close HTTP clients (the engine's part of the shutdown order)."""
        await self.stop()
        if event.contains(self.env.db.sessions, "after_commit", self._publish_noted):
            event.remove(self.env.db.sessions, "after_commit", self._publish_noted)
        for ctx in self.env.stores.values():
            await ctx.aclose()
        self.env.stores.clear()


def _not_connected(store: Store) -> str:
    return f"Store {store.name} is not connected:"
