"""Runs each sync loop of each store on its own interval, reporting to the status board.

Pause, resume and "sync now" work per loop or for everything. A loop that fails records a
merchant-readable error on the board and runs again at its next interval; it never stops the
others.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from channelmanager_gui.errors import ChannelError
from channelmanager_gui.services.engine.context import EngineEnv, StoreContext
from channelmanager_gui.services.loop_runs import record_run
from channelmanager_gui.services.sync_status import SyncState, SyncStatusBoard

log = logging.getLogger(__name__)

LoopFn = Callable[[EngineEnv, StoreContext], Awaitable[dict[str, int]]]


@dataclass(frozen=True)
class LoopSpec:
    """A named loop; its interval comes from the store's settings under the same name."""

    name: str
    run: LoopFn
    # Loops of the same store to run right away when this one reports ``changed`` > 0, so a
    # change found by one loop does not also wait for the next one's interval.
    wakes: tuple[str, ...] = ()
    # Not yet written against the marketplace port: runs only for a store with a Walmart
    # account (``StoreContext.has_walmart``).
    walmart_only: bool = False


@dataclass
class _Runner:
    spec: LoopSpec
    store: StoreContext
    label: str
    wake: asyncio.Event = field(default_factory=asyncio.Event)
    paused: bool = False
    task: asyncio.Task[None] | None = None


class Scheduler:
    def __init__(self, env: EngineEnv, board: SyncStatusBoard) -> None:
        self.env = env
        self.board = board
        self._runners: list[_Runner] = []

    def add(self, spec: LoopSpec, store: StoreContext, label: str) -> None:
        self._runners.append(_Runner(spec=spec, store=store, label=label))

    @property
    def labels(self) -> list[str]:
        return [r.label for r in self._runners]

    async def run_all_once(self) -> list[str]:
        """Every loop once, in registration order; returns the errors (merchant messages)."""
        errors = []
        for runner in self._runners:
            error = await self._run(runner)
            if error:
                errors.append(f"{runner.label}: {error}")
        return errors

    def start(self) -> None:
        for runner in self._runners:
            runner.task = asyncio.create_task(self._forever(runner), name=f"loop:{runner.label}")

    async def stop(self) -> None:
        tasks = [r.task for r in self._runners if r.task]
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)

    def sync_now(self, loop: str | None = None) -> None:
        for runner in self._select(loop):
            runner.wake.set()

    def pause(self, loop: str | None = None) -> None:
        for runner in self._select(loop):
            runner.paused = True
            self.board.update(runner.label, state=SyncState.PAUSED)
        if loop is None:
            self.board.set_paused(True)

    def resume(self, loop: str | None = None) -> None:
        for runner in self._select(loop):
            runner.paused = False
            self.board.update(runner.label, state=SyncState.IDLE)
            runner.wake.set()
        if loop is None:
            self.board.set_paused(False)

    def _select(self, loop: str | None) -> list[_Runner]:
        return [r for r in self._runners if loop in (None, r.label, r.spec.name)]

    def _interval(self, runner: _Runner) -> float:
        return float(runner.store.settings.intervals.get(runner.spec.name, 60.0))

    async def _forever(self, runner: _Runner) -> None:
        while True:
            if not runner.paused:
                await self._run(runner, scheduled=True)
            runner.wake.clear()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(runner.wake.wait(), self._interval(runner))

    async def _run(self, runner: _Runner, *, scheduled: bool = False) -> str | None:
        """One run; a ``scheduled`` one reports its next run with its outcome (one board
        change, so one status line to the window and one snapshot write, not two)."""
        self.board.update(runner.label, state=SyncState.SYNCING)
        started = time.monotonic()
        try:
            counts = await runner.spec.run(self.env, runner.store)
        except ChannelError as exc:
            log.warning("loop %s failed: %s", runner.label, exc)
            self._report(runner, started, {}, str(exc), scheduled)
            return str(exc)
        except Exception as exc:
            log.exception("loop %s crashed", runner.label)
            self._report(runner, started, {}, f"Unexpected error: {exc!r}", scheduled)
            return repr(exc)
        self._report(runner, started, counts, None, scheduled)
        if counts.get("changed") and runner.spec.wakes:
            for other in self._runners:
                if other.store is runner.store and other.spec.name in runner.spec.wakes:
                    other.wake.set()
        return None

    def _report(
        self,
        runner: _Runner,
        started: float,
        counts: dict[str, int],
        error: str | None,
        scheduled: bool,
    ) -> None:
        duration_ms = int((time.monotonic() - started) * 1000)
        finished = self.env.clock()
        following = {}
        if scheduled and not runner.paused:  # paused meanwhile: no next run to show
            following["next_run"] = finished + timedelta(seconds=self._interval(runner))
        self.board.update(
            runner.label,
            state=SyncState.ERROR if error else SyncState.IDLE,
            last_run=finished,
            last_error=error,
            counts={**counts, "duration_ms": duration_ms},
            **following,
        )
        self._record(runner, finished, duration_ms, ok=error is None)

    def _record(self, runner: _Runner, finished: datetime, duration_ms: int, ok: bool) -> None:
        """Keep the run for the dashboard's sync delay chart; never fails the loop."""
        try:
            record_run(
                self.env.db,
                store_id=runner.store.id,
                loop=runner.spec.name,
                started_at=finished - timedelta(milliseconds=duration_ms),
                finished_at=finished,
                ok=ok,
            )
        except Exception:
            log.exception("could not record the run of loop %s", runner.label)
