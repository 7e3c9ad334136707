"""The outbox worker: sends queued actions, survives being killed at any moment.

Protocol, per action:
1. *Claim* in its own transaction: status ``running``, ``attempts + 1``. From here on, a crash
   means the remote call may or may not have happened.
2. *Send* through the action's handler. When ``ctx.retrying`` (a previous attempt was claimed),
   the handler first checks the remote state and skips what is already there, so a resend never
   duplicates anything.
3. *Finish* in one transaction: mark ``done`` and apply the local effects (handler.apply), or
   record the error (handler.failed) for the merchant.

Actions of one subject (an order, a listing) run strictly in id order; an action in ``error``
blocks the later ones of its subject until the merchant retries. A ``running`` action whose
lease ran out (its process died) is claimed again.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import random
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, Protocol

from sqlalchemy import and_, exists, func, or_, select, update
from sqlalchemy.orm import Session, aliased

from channelmanager_gui.errors import (
    AuthError,
    ChannelError,
    MalformedResponseError,
    RateLimitError,
    UnavailableError,
)
from channelmanager_gui.models.base import utcnow
from channelmanager_gui.models.db import Database
from channelmanager_gui.models.outbox import ActionStatus, OutboxAction
from channelmanager_gui.services.changes import Change, ChangeBus

log = logging.getLogger(__name__)

# Errors worth another try later: the remote was busy, down, throttling, or answered garbage.
RETRYABLE = (UnavailableError, RateLimitError, MalformedResponseError, AuthError)


@dataclass(frozen=True)
class ActionContext:
    action_id: int
    store_id: int
    kind: str
    subject_type: str
    subject_id: int
    payload: dict[str, Any]
    attempt: int

    @property
    def retrying(self) -> bool:
        """True when an earlier attempt may have reached the remote system."""
        return self.attempt > 1


class ActionHandler(Protocol):
    """Sends one kind of action. ``send`` must be safe to call again when ``ctx.retrying``."""

    async def send(self, ctx: ActionContext) -> dict[str, Any] | None: ...

    def apply(self, session: Session, ctx: ActionContext, result: dict[str, Any] | None) -> None:
        """Local effects of success, committed with the action's ``done``."""

    def failed(self, session: Session, ctx: ActionContext, error: ChannelError) -> None:
        """Local effects of a final failure (e.g. the order shows Error with the reason)."""


def enqueue(
    session: Session,
    *,
    store_id: int,
    kind: str,
    subject_type: str,
    subject_id: int,
    payload: dict[str, Any] | None = None,
) -> OutboxAction:
    """Queue an action in the caller's transaction, next to the local change causing it."""
    action = OutboxAction(
        store_id=store_id,
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
        concurrency: int = 8,
        max_attempts: int = 8,
        base_delay: float = 1.0,
        max_delay: float = 300.0,
        lease_seconds: float = 60.0,
        stop_grace: float = 2.0,
        clock: Callable[[], datetime] = utcnow,
    ) -> None:
        self.db = db
        self.handlers = handlers
        self.changes = changes or ChangeBus()
        self.concurrency = concurrency
        self.max_attempts = max_attempts
        self.base_delay = base_delay
        self.max_delay = max_delay
        self.lease = timedelta(seconds=lease_seconds)
        self.stop_grace = stop_grace
        self.clock = clock

    def eligible_ids(self, limit: int) -> list[int]:
        """Actions ready now whose earlier actions of the same subject are all done."""
        now = self.clock()
        earlier = aliased(OutboxAction)
        blocked = exists().where(
            earlier.subject_type == OutboxAction.subject_type,
            earlier.subject_id == OutboxAction.subject_id,
            earlier.id < OutboxAction.id,
            earlier.status != ActionStatus.DONE,
        )
        ready = or_(
            and_(OutboxAction.status == ActionStatus.PENDING, OutboxAction.not_before <= now),
            and_(
                OutboxAction.status == ActionStatus.RUNNING,
                OutboxAction.updated_at <= now - self.lease,
            ),
        )
        query = select(OutboxAction.id).where(ready, ~blocked).order_by(OutboxAction.id)
        with self.db.session() as session:
            return list(session.scalars(query.limit(limit)))

    def pending_count(self) -> int:
        """Actions not finished yet (pending or running), for "wait until drained".

        An action queued behind a failed action of its subject is left out: it waits for the
        merchant's Retry, not for the worker, so "drained" must not wait for it either.
        """
        earlier = aliased(OutboxAction)
        behind_error = exists().where(
            earlier.subject_type == OutboxAction.subject_type,
            earlier.subject_id == OutboxAction.subject_id,
            earlier.id < OutboxAction.id,
            earlier.status == ActionStatus.ERROR,
        )
        query = select(func.count(OutboxAction.id)).where(
            OutboxAction.status.in_([ActionStatus.PENDING, ActionStatus.RUNNING]), ~behind_error
        )
        with self.db.session() as session:
            return int(session.scalar(query) or 0)

    async def run_once(self, limit: int = 200, stop: asyncio.Event | None = None) -> int:
        """Process what is eligible now; returns how many actions were attempted.

        Once ``stop`` is set, actions of the batch not started yet are left pending: with
        Walmart's pacing a batch of 200 acknowledgements takes minutes, and quitting waited.
        """
        ids = self.eligible_ids(limit)
        if not ids:
            return 0
        semaphore = asyncio.Semaphore(self.concurrency)

        async def one(action_id: int) -> None:
            async with semaphore:
                if stop is None or not stop.is_set():
                    await self.process(action_id)

        await asyncio.gather(*(one(i) for i in ids))
        self.changes.publish(Change.OUTBOX)
        return len(ids)

    async def drain(self, timeout: float = 120.0, poll: float = 0.05) -> bool:
        """Run until nothing is pending or running; False if ``timeout`` passed first."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while self.pending_count():
            if loop.time() > deadline:
                return False
            if not await self.run_once():
                await asyncio.sleep(poll)
        return True

    async def run_forever(self, stop: asyncio.Event, idle_poll: float = 0.5) -> None:
        while not stop.is_set():
            try:
                worked = await self._pass(stop)
            except Exception:
                log.exception("outbox pass failed")
                worked = 0
            if not worked:
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(stop.wait(), idle_poll)

    async def _pass(self, stop: asyncio.Event) -> int:
        """``run_once``, cut short by ``stop``: sends in flight get ``stop_grace`` seconds, then
        are cancelled (quitting must not wait for a slow or paced remote call).

        A cancelled action stays ``running`` with its lease, exactly like after a crash: once
        the lease ran out it is claimed again as a retry, so its handler checks the remote state
        before sending anything (the lease also covers a request the remote is still handling).
        """
        work = asyncio.ensure_future(self.run_once(stop=stop))
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

    async def process(self, action_id: int) -> None:
        ctx = self._claim(action_id)
        if ctx is None:
            return
        handler = self.handlers.get(ctx.kind)
        if handler is None:
            self._fail(ctx, None, ChannelError(f"No handler for action {ctx.kind!r}"))
            return
        try:
            result = await handler.send(ctx)
        except RETRYABLE as exc:
            self._retry_later(ctx, handler, exc)
        except ChannelError as exc:
            self._fail(ctx, handler, exc)
        except Exception as exc:
            log.exception("action %s (%s) crashed", ctx.action_id, ctx.kind)
            self._fail(ctx, handler, ChannelError(f"Unexpected error: {exc!r}"))
        else:
            self._done(ctx, handler, result)

    def _claim(self, action_id: int) -> ActionContext | None:
        now = self.clock()
        with self.db.session() as session:
            action = session.get(OutboxAction, action_id)
            if action is None or action.status in (ActionStatus.DONE, ActionStatus.ERROR):
                return None
            if action.status == ActionStatus.RUNNING and action.updated_at > now - self.lease:
                return None  # another worker holds it
            action.status = ActionStatus.RUNNING
            action.attempts += 1
            action.updated_at = now
            return ActionContext(
                action_id=action.id,
                store_id=action.store_id,
                kind=action.kind,
                subject_type=action.subject_type,
                subject_id=action.subject_id,
                payload=dict(action.payload),
                attempt=action.attempts,
            )

    def _done(
        self, ctx: ActionContext, handler: ActionHandler, result: dict[str, Any] | None
    ) -> None:
        with self.db.session() as session:
            action = session.get_one(OutboxAction, ctx.action_id)
            action.status = ActionStatus.DONE
            action.result = result
            action.last_error = None
            action.done_at = self.clock()
            handler.apply(session, ctx, result)
        log.info("action %s %s done (attempt %s)", ctx.action_id, ctx.kind, ctx.attempt)

    def _retry_later(self, ctx: ActionContext, handler: ActionHandler, exc: ChannelError) -> None:
        if ctx.attempt >= self.max_attempts:
            self._fail(ctx, handler, exc)
            return
        delay = min(self.max_delay, self.base_delay * 2 ** (ctx.attempt - 1))
        if isinstance(exc, RateLimitError) and exc.retry_after:
            delay = max(delay, exc.retry_after)
        delay *= random.uniform(0.8, 1.2)  # jitter: many queued actions must not retry in step
        with self.db.session() as session:
            action = session.get_one(OutboxAction, ctx.action_id)
            action.status = ActionStatus.PENDING
            action.not_before = self.clock() + timedelta(seconds=delay)
            action.last_error = str(exc)[:2000]
        log.warning("action %s %s will retry in %.1fs: %s", ctx.action_id, ctx.kind, delay, exc)

    def _fail(self, ctx: ActionContext, handler: ActionHandler | None, exc: ChannelError) -> None:
        with self.db.session() as session:
            action = session.get_one(OutboxAction, ctx.action_id)
            action.status = ActionStatus.ERROR
            action.last_error = str(exc)[:2000]
            if handler is not None:
                handler.failed(session, ctx, exc)
        log.error("action %s %s failed: %s", ctx.action_id, ctx.kind, exc)
