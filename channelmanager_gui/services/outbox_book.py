"""The outbox's bookkeeping: claiming actions and recording their outcomes, many per transaction.

Each action is still claimed (committed as ``running``, ``attempts + 1``) before its handler
sends anything, and its outcome is committed after the send, so the crash-safety contract of
services/outbox.py is unchanged. What changes is how many actions share a transaction: the
:class:`ActionBook` keeps a small reserve of claimed actions for the worker's slots, and tops
it up in the same transaction that records the outcomes finished meanwhile. Two short
transactions per action were ~40% of the engine's CPU on the order benchmark.

A crash can leave at most the reserve claimed but not sent: like any claimed action, each is
taken again once its lease ran out, as a retry (the handler checks the remote state first).
A stop gives the reserve back (pending, attempt not counted).
"""

from __future__ import annotations

import functools
import logging
from collections import deque
from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, Protocol, cast

from sqlalchemy import Table, Update, and_, bindparam, or_, select, update
from sqlalchemy.orm import Session

from channelmanager_gui.errors import ChannelError
from channelmanager_gui.models.db import Database
from channelmanager_gui.models.outbox import ActionStatus, OutboxAction

log = logging.getLogger(__name__)


class NotReady(ChannelError):
    """Raised by a handler, BEFORE any remote call, when the action cannot be attempted now
    (its store is not connected). The action goes back to pending as if never claimed: it is
    neither an attempt nor a failure."""


class Waiting(NotReady):
    """Raised by a handler whose remote work is under way but not finished (an Amazon feed
    being processed): the action is looked at again after ``seconds``, neither an attempt nor
    a failure. What the handler needs on the next look it has already written down."""

    def __init__(self, message: str, seconds: float) -> None:
        super().__init__(message)
        self.seconds = seconds


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
    """Sends one kind of action. ``send`` must be safe to call again when ``ctx.retrying``.

    A handler may also define ``prepare(session, ctxs)``: called once per transaction before
    the ``apply``/``failed`` of those actions, to load in one query what each would load alone.
    """

    async def send(self, ctx: ActionContext) -> dict[str, Any] | None: ...

    def apply(self, session: Session, ctx: ActionContext, result: dict[str, Any] | None) -> None:
        """Local effects of success, committed with the action's ``done``."""

    def failed(self, session: Session, ctx: ActionContext, error: ChannelError) -> None:
        """Local effects of a final failure (e.g. the order shows Error with the reason)."""


@dataclass(frozen=True)
class Outcome:
    """What one attempt came to; written by :func:`record_outcomes`.

    ``status``: ``done`` (``result``), ``error`` (``error``, final), or ``pending`` (try again
    at ``not_before``; ``error`` is shown meanwhile). ``give_back`` undoes the claim's attempt.
    """

    ctx: ActionContext
    handler: ActionHandler | None
    status: ActionStatus
    result: dict[str, Any] | None = None
    error: ChannelError | None = None
    not_before: datetime | None = None
    give_back: bool = False


def claim_actions(
    session: Session, ids: Collection[int], now: datetime, lease: timedelta
) -> list[ActionContext]:
    """Mark each claimable action ``running`` with one more attempt, in id order; done,
    failed, or held by a live worker (lease not run out) are left alone and left out.

    Plain SELECT and one UPDATE, both prebuilt (no ORM objects): this runs for every action."""
    if not ids:
        return []
    rows = session.execute(_CLAIMABLE, {"b_ids": list(ids), "b_stale": now - lease}).all()
    if not rows:
        return []
    session.execute(_CLAIM, {"b_ids": [row.id for row in rows], "b_now": now})
    return [
        ActionContext(
            action_id=row.id,
            store_id=row.store_id,
            kind=row.kind,
            subject_type=row.subject_type,
            subject_id=row.subject_id,
            payload=dict(row.payload or {}),
            attempt=row.attempts + 1,
        )
        for row in rows
    ]


def record_outcomes(session: Session, outcomes: Collection[Outcome], now: datetime) -> None:
    """The actions' new states and their handlers' local effects, in the caller's transaction."""
    if not outcomes:
        return
    _prepare(session, outcomes)
    rows: dict[tuple[str, ...], list[dict[str, Any]]] = {}
    for outcome in outcomes:
        row = _row(outcome, now)
        rows.setdefault(tuple(row), []).append(row)
        ctx, handler = outcome.ctx, outcome.handler
        if handler is not None and outcome.status == ActionStatus.DONE:
            handler.apply(session, ctx, outcome.result)
        elif handler is not None and outcome.status == ActionStatus.ERROR and outcome.error:
            handler.failed(session, ctx, outcome.error)
    for columns, same_columns in rows.items():  # one executemany per shape of row
        session.execute(_outcome_update(columns), same_columns)


_OUTBOX = cast(Table, OutboxAction.__table__)
_CLAIMABLE = (
    select(*(_OUTBOX.c[name] for name in
             ("id", "store_id", "kind", "subject_type", "subject_id", "payload", "attempts")))
    .where(
        _OUTBOX.c.id.in_(bindparam("b_ids", expanding=True)),
        or_(
            _OUTBOX.c.status == ActionStatus.PENDING,
            and_(_OUTBOX.c.status == ActionStatus.RUNNING,
                 _OUTBOX.c.updated_at <= bindparam("b_stale")),
        ),
    )
    .order_by(_OUTBOX.c.id)
)  # fmt: skip
_CLAIM = (
    update(_OUTBOX)
    .where(_OUTBOX.c.id.in_(bindparam("b_ids", expanding=True)))
    .values(status=ActionStatus.RUNNING, attempts=_OUTBOX.c.attempts + 1,
            updated_at=bindparam("b_now"))
)  # fmt: skip


@functools.cache
def _outcome_update(columns: tuple[str, ...]) -> Update:
    """The UPDATE by id that writes ``columns`` (keys of :func:`_row`: column names prefixed
    ``b_``, as a bound parameter may not share a column's name), built once per shape."""
    values: dict[str, Any] = {name[2:]: bindparam(name) for name in columns if name != "b_id"}
    return update(_OUTBOX).where(_OUTBOX.c.id == bindparam("b_id")).values(values)


def _row(outcome: Outcome, now: datetime) -> dict[str, Any]:
    """The outbox columns an outcome writes, as :func:`_outcome_update`'s parameters."""
    error = str(outcome.error)[:2000] if outcome.error else None
    row: dict[str, Any] = {"b_id": outcome.ctx.action_id, "b_status": outcome.status,
                           "b_last_error": error, "b_updated_at": now}  # fmt: skip
    if outcome.status == ActionStatus.DONE:
        row.update(b_result=outcome.result, b_done_at=now)
    elif outcome.status == ActionStatus.PENDING:
        row["b_not_before"] = outcome.not_before or now
        if outcome.give_back:
            row["b_attempts"] = outcome.ctx.attempt - 1
    return row


def _prepare(session: Session, outcomes: Collection[Outcome]) -> None:
    """Each handler's optional ``prepare`` with the actions it will apply or fail."""
    by_handler: dict[int, tuple[Any, list[ActionContext]]] = {}
    for outcome in outcomes:
        if outcome.status != ActionStatus.PENDING and outcome.handler is not None:
            entry = by_handler.setdefault(id(outcome.handler), (outcome.handler, []))
            entry[1].append(outcome.ctx)
    for handler, ctxs in by_handler.values():
        prepare = getattr(handler, "prepare", None)
        if prepare is not None:
            prepare(session, ctxs)


def _log(outcome: Outcome) -> None:
    ctx = outcome.ctx
    if outcome.status == ActionStatus.DONE:
        log.info("action %s %s done (attempt %s)", ctx.action_id, ctx.kind, ctx.attempt)
    elif outcome.status == ActionStatus.ERROR:
        log.error("action %s %s failed: %s", ctx.action_id, ctx.kind, outcome.error)
    elif outcome.give_back:
        log.info("action %s %s waits: %s", ctx.action_id, ctx.kind, outcome.error)


class ActionBook:
    """Claims actions ahead for the worker's slots and records their outcomes, together.

    ``take`` hands a slot its next claimed action, claiming up to ``reserve`` at once when
    none is left; ``finish`` files an outcome, and once the reserve runs low (or enough
    outcomes wait) one transaction records them all and tops the reserve up. ``close`` records
    what is left and gives back what was claimed but never started.
    """

    def __init__(
        self,
        db: Database,
        clock: Callable[[], datetime],
        lease: timedelta,
        ids: Iterable[int],
        reserve: int,
    ) -> None:
        self.db = db
        self.clock = clock
        self.lease = lease
        self.reserve = max(1, reserve)
        self._ids = deque(ids)
        self._claimed: deque[ActionContext] = deque()
        self._outcomes: list[Outcome] = []

    def take(self) -> ActionContext | None:
        """The next action to send (claimed and committed), or None when there is none."""
        while not self._claimed and self._ids:
            self._round()
        return self._claimed.popleft() if self._claimed else None

    def finish(self, outcome: Outcome) -> None:
        self._outcomes.append(outcome)
        low = len(self._claimed) <= self.reserve // 2 and bool(self._ids)
        if low or len(self._outcomes) >= self.reserve:
            self._round()

    def stop(self) -> None:
        """Claim nothing more (the worker is stopping)."""
        self._ids.clear()

    def close(self) -> Exception | None:
        """Record the outcomes left, give back claimed actions never started. Never raises
        (it runs while the worker unwinds, maybe cancelled): a failure is logged and returned."""
        now = self.clock()
        unstarted = [Outcome(ctx, None, ActionStatus.PENDING, not_before=now, give_back=True)
                     for ctx in self._claimed]  # fmt: skip
        self._ids.clear()
        self._claimed.clear()
        outcomes, self._outcomes = self._outcomes + unstarted, []
        try:
            with self.db.session() as session:
                record_outcomes(session, outcomes, now)
        except Exception:
            try:
                self._record(outcomes)  # one by one: only the failing one is lost
            except Exception as exc:
                return exc
            return None
        for outcome in outcomes:
            _log(outcome)
        return None

    def _round(self) -> None:
        outcomes, self._outcomes = self._outcomes, []
        room = self.reserve - len(self._claimed)
        wanted = [self._ids.popleft() for _ in range(min(len(self._ids), room))]
        try:
            with self.db.session() as session:
                now = self.clock()
                record_outcomes(session, outcomes, now)
                claimed = claim_actions(session, wanted, now, self.lease)
        except Exception:
            if not outcomes:
                raise
            # One handler's apply failed: record the others one by one, claim on its own,
            # and let the failure reach the worker (its action is retried after its lease).
            self._ids.extendleft(reversed(wanted))
            self._record(outcomes)
            return
        self._claimed.extend(claimed)
        for outcome in outcomes:
            _log(outcome)

    def _record(self, outcomes: list[Outcome]) -> None:
        """Each outcome in its own transaction; the first failure is raised at the end."""
        failure: Exception | None = None
        for outcome in outcomes:
            try:
                with self.db.session() as session:
                    record_outcomes(session, [outcome], self.clock())
            except Exception as exc:
                log.exception("action %s: recording its outcome failed", outcome.ctx.action_id)
                failure = failure or exc
            else:
                _log(outcome)
        if failure is not None:
            raise failure
