"""Polite pacing of requests per endpoint key, after MusicBrainz Picard's ``ratecontrol``.

Each key (a host, or one rate-limited endpoint such as Walmart's ``GET /v3/orders/released``)
has a minimum spacing between request starts and can be paused. Pauses come from the server:
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


@dataclass
class _KeyState:
    interval: float
    next_start: float = 0.0
    paused_until: float = 0.0
    late: float = 0.0  # how late the request starting now woke after its turn (see _started)
    backoff: float = 0.0
    queue: list[tuple[int, int]] = field(default_factory=list)
    # Replaced on every change; a waiter takes the current one before it checks the queue, so
    # no wake-up is lost between the check and the wait.
    changed: asyncio.Event = field(default_factory=asyncio.Event)

    def notify(self) -> None:
        self.changed.set()
        self.changed = asyncio.Event()

    def ready_at(self) -> float:
        return max(self.next_start, self.paused_until)


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

    def set_interval(self, key: str, seconds: float) -> None:
        """Minimum spacing between request starts on ``key``."""
        self._state(key).interval = max(0.0, seconds)

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
        arrived = self.clock.now()
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
                    state.late = min(-delay, self.clock.now() - arrived, state.interval / 2)
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

        The spacing keeps to a grid: a request that waited for its turn and woke late (the
        event loop was busy) takes its lateness, up to half an interval, off the next wait.
        Spaced from each actual start, 1,000 acknowledgements at 0.1 s took 127 s instead of
        100 (bench.burst, a busy engine ~27 ms late each time). Starts are still never closer
        than half an interval, and never more than one per interval on average, so a bucket
        refilled at that rate never runs dry. A request that found the key free starts its
        interval afresh.
        """
        state.next_start = self.clock.now() + state.interval - max(0.0, state.late)

    def _state(self, key: str) -> _KeyState:
        state = self._keys.get(key)
        if state is None:
            state = self._keys[key] = _KeyState(interval=self.default_interval)
        return state
