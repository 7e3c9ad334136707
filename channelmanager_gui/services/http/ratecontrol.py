"""Polite pacing of requests per endpoint key, after MusicBrainz Picard's ``ratecontrol``.

Each key (a host, or one rate-limited endpoint such as Walmart's ``GET /v3/orders/released``)
has a pace (one request start per interval on average, with a small burst tolerance) and can be
paused. Pauses come from the server:
Walmart's token bucket tells us how many calls are left (``x-current-token-count``) and when it
refills (``x-next-replenish-time``), and a 429/503 may carry ``Retry-After``. Without a hint a
429/503 doubles a per-key back-off (reset by the next success), as Picard does for 503.

Waiters on a key are served by priority, then arrival: an ``INTERACTIVE`` request (what the
merchant just clicked) goes ahead of queued ``BACKGROUND`` polls on the same key.

State lives in an instance with an injected ``Clock``, never in module globals, so each client
(and each test) has its own and tests run without a network or real sleeping.
"""

from __future__ import annotations

import asyncio
import heapq
import itertools
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import IntEnum

from channelmanager_gui.services.http.clock import Clock, SystemClock
from channelmanager_gui.services.http.hints import server_pause


class Priority(IntEnum):
    """Lower value is served first."""

    INTERACTIVE = 0
    BACKGROUND = 1


# Starts a key may make back to back unless set otherwise (see ``_started``): 1 is plain spacing.
DEFAULT_BURST = 1.0


@dataclass
class _KeyState:
    interval: float
    burst: float = DEFAULT_BURST
    next_start: float = 0.0  # the grid: when the next start is due at an even pace
    paused_until: float = 0.0
    backoff: float = 0.0
    queue: list[tuple[int, int]] = field(default_factory=list)
    # Replaced on every change; a waiter takes the current one before it checks the queue, so
    # no wake-up is lost between the check and the wait.
    changed: asyncio.Event = field(default_factory=asyncio.Event)

    def notify(self) -> None:
        self.changed.set()
        self.changed = asyncio.Event()

    def ready_at(self) -> float:
        return max(self.next_start - self.tolerance(), self.paused_until)

    def tolerance(self) -> float:
        """How far ahead of the grid a start may be: what a late start is forgiven."""
        return max(0.0, self.burst - 1.0) * self.interval


class RateControl:
    """Per-key spacing, server-hinted pauses and a priority lane.

    ``acquire(key, priority)`` waits until the key may send; ``observe(key, status, headers)``
    feeds each answer back. ``first_backoff``/``max_backoff`` bound the hint-less back-off.
    """

    def __init__(
        self,
        clock: Clock | None = None,
        *,
        default_interval: float = 0.0,
        first_backoff: float = 1.0,
        max_backoff: float = 60.0,
    ) -> None:
        self.clock: Clock = clock or SystemClock()
        self.default_interval = default_interval
        self.first_backoff = first_backoff
        self.max_backoff = max_backoff
        self._keys: dict[str, _KeyState] = {}
        self._tickets = itertools.count()

    def set_interval(self, key: str, seconds: float, *, burst: float = DEFAULT_BURST) -> None:
        """One request start per ``seconds`` on ``key`` on average, at most ``burst`` of them
        back to back (a server's token bucket of that many tokens or more never runs dry)."""
        state = self._state(key)
        state.interval = max(0.0, seconds)
        state.burst = max(1.0, burst)

    def pause(self, key: str, seconds: float) -> None:
        """Hold every request on ``key`` for ``seconds`` from now (extends, never shortens)."""
        state = self._state(key)
        state.paused_until = max(state.paused_until, self.clock.now() + max(0.0, seconds))

    def wait_time(self, key: str) -> float:
        """Seconds until ``key`` may start a request (0 when it may start now)."""
        return max(0.0, self._state(key).ready_at() - self.clock.now())

    async def acquire(self, key: str, priority: Priority = Priority.BACKGROUND) -> None:
        """Wait for this request's turn on ``key``; the caller then sends at once."""
        state = self._state(key)
        ticket = (int(priority), next(self._tickets))
        heapq.heappush(state.queue, ticket)
        try:
            while True:
                changed = state.changed
                if state.queue[0] != ticket:
                    await changed.wait()
                    continue
                ready_at = self._ready_at(key, state)
                delay = ready_at - self.clock.now()
                if delay <= 0:
                    heapq.heappop(state.queue)
                    self._started(key, state)
                    return
                await self.clock.sleep(delay)
        except BaseException:
            if ticket in state.queue:
                state.queue.remove(ticket)
                heapq.heapify(state.queue)
            raise
        finally:
            state.notify()

    def observe(self, key: str, status: int, headers: Mapping[str, str]) -> float:
        """Learn from one answer; return the pause (seconds) now in force on ``key``."""
        state = self._state(key)
        hinted = server_pause(status, headers, self.clock.wall())
        if status in (429, 503):
            if hinted is None:
                state.backoff = min(self.max_backoff, max(self.first_backoff, state.backoff * 2))
                hinted = state.backoff
            self.pause(key, hinted)
        elif status < 400:
            state.backoff = 0.0
            if hinted:
                self.pause(key, hinted)
        return self.wait_time(key)

    def _ready_at(self, key: str, state: _KeyState) -> float:
        """When ``key`` may start its next request; a subclass may add its own limit (Amazon's
        per-operation token buckets) by returning a later time."""
        return state.ready_at()

    def _started(self, key: str, state: _KeyState) -> None:
        """A request on ``key`` starts now; a subclass may also spend a token here.

        The pace keeps to a grid (the generic cell rate algorithm, a token bucket of ``burst``
        tokens refilled once an interval): each start moves the grid one interval on from
        where it was, or from now when the key sat idle, and a start may come up to
        ``burst - 1`` intervals ahead of it. So a request that woke late (the event loop was
        busy) or was queued late (its lane was busy) is forgiven that much: spaced from each
        actual start, 1,000 acknowledgements at 0.1 s took 127 s instead of 100 (bench.burst,
        a busy engine ~27 ms late each time), and forgiving at most half an interval still
        left 10 % (issue 19). Over any span, starts never exceed one per interval plus
        ``burst``, so a server bucket at least that large, refilled at that rate, never runs dry.
        """
        state.next_start = max(state.next_start, self.clock.now()) + state.interval

    def _state(self, key: str) -> _KeyState:
        state = self._keys.get(key)
        if state is None:
            state = self._keys[key] = _KeyState(interval=self.default_interval)
        return state
