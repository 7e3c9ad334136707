"""The outbox worker: sends queued actions, survives being killed at any moment.

Protocol, per action:
1. *Claim*: status ``running``, ``attempts + 1``, committed before anything is sent. From here
   on, a crash means the remote call may or may not have happened.
2. *Send* through the action's handler. When ``ctx.retrying`` (a previous attempt was claimed),
   the handler first checks the remote state and skips what is already there, so a resend never
   duplicates anything.
3. *Finish*: mark ``done`` and apply the local effects (handler.apply), or record the error
   (handler.failed) for the merchant, committed together.

Claims and finishes of several actions share transactions (services/outbox_book.py); each
action's claim still commits before its send and its finish after it.

Actions of one subject (an order, a listing) run strictly in id order (but for an
``independent`` kind, services/outbox_lanes.py); an action in ``error`` blocks the later ones of
its subject until the merchant retries. Each lane (a service or one rate bucket of it, named by
the handler) is claimed and sent on its own, so one lane's pacing never holds up another. A
``running`` action whose lease ran out (its process died) is claimed again. Actions of a store
that is not connected (``stores``) are left alone: they wait, neither attempted nor failed.
"""

from __future__ import annotations

import asyncio
import logging
import random
from collections.abc import Callable, Collection, Mapping
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Select, bindparam, exists, func, select, true, update
from sqlalchemy.orm import Session, aliased
from sqlalchemy.sql import ColumnElement

from channelmanager_gui.errors import (
    AuthError,
    ChannelError,
    MalformedResponseError,
    RateLimitError,
    UnavailableError,
)
from channelmanager_gui.models.account import WALMART, walmart_account_id
from channelmanager_gui.models.base import utcnow
from channelmanager_gui.models.db import Database
from channelmanager_gui.models.outbox import ActionStatus, OutboxAction
from channelmanager_gui.services.changes import Change, ChangeBus, Changes
from channelmanager_gui.services.outbox_book import (
    ActionBook,
    ActionContext,
    ActionHandler,
    NotReady,
    Outcome,
    Waiting,
)
from channelmanager_gui.services.outbox_lanes import Lanes

__all__ = [
    "RETRYABLE",
    "ActionContext",
    "ActionHandler",
    "NotReady",
    "OutboxWorker",
    "Waiting",
    "enqueue",
    "retry_subject",
]

log = logging.getLogger(__name__)

# Errors worth another try later: the remote was busy, down, throttling, or answered garbage.
RETRYABLE = (UnavailableError, RateLimitError, MalformedResponseError, AuthError)


def enqueue(
    session: Session,
    *,
    store_id: int,
    kind: str,
    subject_type: str,
    subject_id: int,
    payload: dict[str, Any] | None = None,
    account_id: int | None = None,
) -> OutboxAction:
    """Queue an action in the caller's transaction, next to the local change causing it.

    ``account_id`` is the marketplace account the action talks to; a ``walmart.*`` action
    given none talks to the store's Walmart account (today's Walmart flows), a Commerce
    action to no account.
    """
    if account_id is None and kind.startswith(f"{WALMART}."):
        account_id = walmart_account_id(session, store_id)
    action = OutboxAction(
        store_id=store_id,
        account_id=account_id,
        kind=kind,
        subject_type=subject_type,
        subject_id=subject_id,
        payload=payload or {},
    )
    session.add(action)
    return action


def retry_subject(session: Session, subject_type: str, subject_id: int) -> int:
    """Put a subject's failed actions back in the queue (the merchant pressed Retry)."""
    result = session.execute(
        update(OutboxAction)
        .where(
            OutboxAction.subject_type == subject_type,
            OutboxAction.subject_id == subject_id,
            OutboxAction.status == ActionStatus.ERROR,
        )
        .values(status=ActionStatus.PENDING, not_before=utcnow(), last_error=None)
    )
    return int(result.rowcount or 0)  # type: ignore[attr-defined]


class OutboxWorker:
    """Runs eligible actions with bounded concurrency across subjects."""

    def __init__(
        self,
        db: Database,
        handlers: Mapping[str, ActionHandler],
        *,
        changes: ChangeBus | None = None,
        concurrency: int = 32,
        max_attempts: int = 8,
        base_delay: float = 1.0,
        max_delay: float = 300.0,
        lease_seconds: float = 60.0,
        stop_grace: float = 2.0,
        clock: Callable[[], datetime] = utcnow,
        stores: Collection[int] | None = None,
    ) -> None:
        """``stores``: ids of the connected stores (read at every pass, so a live view of the
        engine's open stores works); None takes every store's actions. ``concurrency``: actions
        in flight, also how many are claimed and recorded per transaction; the HTTP pool
        (10 connections per host) bounds what reaches a remote at once. 32 rather than 8:
        1,000-2,000 orders went from ~115 to 150-171 orders/s, and ~1 ms less CPU per order."""
        self.db = db
        self.handlers = handlers
        self.changes = changes or ChangeBus()
        self.concurrency = concurrency
        self.max_attempts = max_attempts
        self.base_delay = base_delay
        self.max_delay = max_delay
        self.lease = timedelta(seconds=lease_seconds)
        self.stop_grace = stop_grace
        self._nudged: list[asyncio.Event] = []  # one per lane, see wake(); made by run_forever
        self.clock = clock
        self.stores = stores
        self._queries: dict[tuple[Any, ...], tuple[Select[Any], Select[Any]]] = {}

    def _connected(self) -> ColumnElement[bool]:
        if self.stores is None:
            return true()
        return OutboxAction.store_id.in_(list(self.stores))

    def lanes(self) -> Lanes:
        """The lanes of the current handlers (the engine sets them after construction)."""
        return Lanes(self.handlers)

    def eligible_ids(self, limit: int, lane: str | None = None) -> list[int]:
        """Actions ready now (of ``lane``, or any) whose earlier actions of the same subject are
        done or do not hold them back: up to ``limit`` (running ones whose lease ran out first,
        then pending ones in the order they fell due), in id order.

        Two queries that each walk an index in its order and stop at ``limit``. One query
        with both kinds (an OR), ordered by id, made SQLite collect and sort every pending
        action and check each one's subject first: quadratic over a long queue.
        """
        now = self.clock()
        stale, due = self._ready_queries(lane)
        params: dict[str, Any] = {"b_limit": limit, "b_now": now, "b_stale": now - self.lease}
        if self.stores is not None:
            params["b_stores"] = list(self.stores)
        with self.db.session() as session:
            ids = list(session.scalars(stale, params))
            ids += session.scalars(due, params)
        return sorted(ids[:limit])

    def _ready_queries(self, lane: str | None) -> tuple[Select[Any], Select[Any]]:
        """``eligible_ids``' two statements for ``lane``, built once per set of lanes: each
        lane polls twice a second when idle, and building them each time cost ~5 ms of CPU
        (bench.idle's profile: a third of the engine's CPU on an idle day)."""
        lanes = self.lanes()
        key = (lane, lanes.signature(), self.stores is None)
        if key in self._queries:
            return self._queries[key]
        t, earlier = OutboxAction, aliased(OutboxAction)
        blocked = exists().where(
            earlier.subject_type == t.subject_type,
            earlier.subject_id == t.subject_id,
            earlier.id < t.id,
            earlier.status != ActionStatus.DONE,
            lanes.holds_back(earlier.kind, t.kind),
        )
        connected = (true() if self.stores is None else
                     t.store_id.in_(bindparam("b_stores", expanding=True)))  # fmt: skip
        ready = select(t.id).where(connected, lanes.only(t.kind, lane), ~blocked)
        ready = ready.limit(bindparam("b_limit"))
        stale = ready.where(t.status == ActionStatus.RUNNING, t.updated_at <= bindparam("b_stale"))
        due = ready.where(t.status == ActionStatus.PENDING, t.not_before <= bindparam("b_now"))
        built = self._queries[key] = (stale.order_by(t.id), due.order_by(t.not_before, t.id))
        return built

    def pending_count(self) -> int:
        """Actions not finished yet (pending or running), for "wait until drained".

        An action queued behind a failed action of its subject is left out: it waits for the
        merchant's Retry, not for the worker, so "drained" must not wait for it either. So are
        the actions of a store that is not connected: they wait for the merchant too.
        """
        earlier = aliased(OutboxAction)
        behind_error = exists().where(
            earlier.subject_type == OutboxAction.subject_type,
            earlier.subject_id == OutboxAction.subject_id,
            earlier.id < OutboxAction.id,
            earlier.status == ActionStatus.ERROR,
            self.lanes().holds_back(earlier.kind, OutboxAction.kind),
        )
        query = select(func.count(OutboxAction.id)).where(
            OutboxAction.status.in_([ActionStatus.PENDING, ActionStatus.RUNNING]),
            self._connected(),
            ~behind_error,
        )
        with self.db.session() as session:
            return int(session.scalar(query) or 0)

    async def run_once(self, limit: int = 200, stop: asyncio.Event | None = None) -> int:
        """Process what is eligible now in every lane at once; returns how many actions were
        eligible. If one lane fails (or the call is cancelled) the others are cancelled too."""
        lanes = [asyncio.ensure_future(self.run_lane(lane, limit, stop))
                 for lane in self.lanes().names()]  # fmt: skip
        try:
            return sum(await asyncio.gather(*lanes))
        finally:
            for task in lanes:
                task.cancel()
            await asyncio.wait(lanes)

    async def run_lane(self, lane: str, limit: int = 200, stop: asyncio.Event | None = None) -> int:
        """Process what is eligible now in ``lane``; returns how many actions were eligible.

        ``concurrency`` slots send the actions; an :class:`ActionBook` claims them a few at a
        time and records their outcomes together (services/outbox_book.py). Once ``stop`` is
        set, actions not started yet are left pending: with Walmart's pacing a batch of 200
        acknowledgements takes minutes, and quitting waited. If a slot fails or the pass is
        cancelled, the other slots are cancelled too, and what was claimed but not started is
        given back.
        """
        ids = self.eligible_ids(limit, lane)
        if not ids:
            return 0
        concurrency = self.lanes().slots(lane, self.concurrency)
        book = ActionBook(self.db, self.clock, self.lease, ids, reserve=concurrency)

        async def slot() -> None:
            while not (stop and stop.is_set()):
                ctx = book.take()
                if ctx is None:
                    return
                book.finish(await self.attempt(ctx))
            book.stop()

        slots = [asyncio.ensure_future(slot()) for _ in range(min(concurrency, len(ids)))]
        try:
            await asyncio.gather(*slots)
        finally:
            for task in slots:
                task.cancel()
            await asyncio.wait(slots)
            failure = book.close()
        self.changes.publish(Changes.of(Change.OUTBOX))
        if failure is not None:  # a handler's apply failed: its action is retried later
            raise failure
        return len(ids)

    async def drain(self, timeout: float = 120.0, poll: float = 0.05) -> bool:
        """Run until nothing is pending or running; False if ``timeout`` passed first.

        What is left is counted only once a pass found nothing to do: the count walks every
        pending action, and counting before each pass of 200 made a long queue quadratic."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while True:
            worked = await self.run_once()
            if not worked and not self.pending_count():
                return True
            if loop.time() > deadline:
                return False
            if not worked:
                await asyncio.sleep(poll)

    async def run_forever(self, stop: asyncio.Event, idle_poll: float = 0.5) -> None:
        """Each lane in its own loop: a lane paced by its rate bucket (minutes for a burst of
        acknowledgements) never delays the next pass of another. Queue new actions with
        :meth:`wake` (the engine does on every outbox change): an idle lane looks only every
        ``idle_poll`` × the number of lanes seconds on its own."""
        lanes = self.lanes().names()
        self._nudged = [asyncio.Event() for _ in lanes]  # of this loop: a worker may outlive one
        # New work wakes every lane at once (wake()); the idle poll only finds retries falling
        # due and expired leases, so the lanes share one poll's rate rather than each its own.
        poll = idle_poll * len(lanes)
        await asyncio.gather(
            *(self._run_lane_forever(lane, stop, nudged, poll)
              for lane, nudged in zip(lanes, self._nudged, strict=True))
        )  # fmt: skip

    async def _run_lane_forever(
        self, lane: str, stop: asyncio.Event, nudged: asyncio.Event, idle_poll: float
    ) -> None:
        while not stop.is_set():
            try:
                worked = await self._pass(stop, lane)
            except Exception:
                log.exception("outbox pass failed (lane %s)", lane)
                worked = 0
            if not worked:
                await _first(stop, nudged, timeout=idle_poll)
                nudged.clear()

    def wake(self) -> None:
        """Actions were queued (a ship in the window, in another process): every lane looks
        now rather than at its next idle poll. Call it on the worker's event loop."""
        for nudged in self._nudged:
            nudged.set()

    async def _pass(self, stop: asyncio.Event, lane: str) -> int:
        """``run_lane``, cut short by ``stop``: sends in flight get ``stop_grace`` seconds, then
        are cancelled (quitting must not wait for a slow or paced remote call).

        A cancelled action stays ``running`` with its lease, exactly like after a crash: once
        the lease ran out it is claimed again as a retry, so its handler checks the remote state
        before sending anything (the lease also covers a request the remote is still handling).
        """
        work = asyncio.ensure_future(self.run_lane(lane, stop=stop))
        stopped = asyncio.ensure_future(stop.wait())
        try:
            await asyncio.wait({work, stopped}, return_when=asyncio.FIRST_COMPLETED)
            if not work.done():
                await asyncio.wait({work}, timeout=self.stop_grace)
        finally:
            stopped.cancel()
            if not work.done():
                work.cancel()
                await asyncio.gather(work, return_exceptions=True)
        return 0 if work.cancelled() else work.result()

    async def attempt(self, ctx: ActionContext) -> Outcome:
        """Send one claimed action through its handler; what came of it, to be recorded."""
        handler = self.handlers.get(ctx.kind)
        if handler is None:
            error = ChannelError(f"No handler for action {ctx.kind!r}")
            return Outcome(ctx, None, ActionStatus.ERROR, error=error)
        try:
            result = await handler.send(ctx)
        except NotReady as exc:
            later = exc.seconds if isinstance(exc, Waiting) else 0.0
            return Outcome(ctx, handler, ActionStatus.PENDING, error=exc, give_back=True,
                           not_before=self.clock() + timedelta(seconds=later))  # fmt: skip
        except RETRYABLE as exc:
            return self._retry_later(ctx, handler, exc)
        except ChannelError as exc:
            return Outcome(ctx, handler, ActionStatus.ERROR, error=exc)
        except Exception as exc:
            log.exception("action %s (%s) crashed", ctx.action_id, ctx.kind)
            error = ChannelError(f"Unexpected error: {exc!r}")
            return Outcome(ctx, handler, ActionStatus.ERROR, error=error)
        return Outcome(ctx, handler, ActionStatus.DONE, result=result)

    def _retry_later(
        self, ctx: ActionContext, handler: ActionHandler, exc: ChannelError
    ) -> Outcome:
        if ctx.attempt >= self.max_attempts:
            return Outcome(ctx, handler, ActionStatus.ERROR, error=exc)
        delay = min(self.max_delay, self.base_delay * 2 ** (ctx.attempt - 1))
        if isinstance(exc, RateLimitError) and exc.retry_after:
            delay = max(delay, exc.retry_after)
        delay *= random.uniform(0.8, 1.2)  # jitter: many queued actions must not retry in step
        not_before = self.clock() + timedelta(seconds=delay)
        log.warning("action %s %s will retry in %.1fs: %s", ctx.action_id, ctx.kind, delay, exc)
        return Outcome(ctx, handler, ActionStatus.PENDING, error=exc, not_before=not_before)


async def _first(*events: asyncio.Event, timeout: float) -> None:
    """Wait until one of ``events`` is set, or ``timeout`` seconds."""
    waits = [asyncio.ensure_future(event.wait()) for event in events]
    try:
        await asyncio.wait(waits, timeout=timeout, return_when=asyncio.FIRST_COMPLETED)
    finally:
        for wait in waits:
            wait.cancel()
