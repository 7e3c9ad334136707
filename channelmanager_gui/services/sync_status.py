"""The state of every sync loop, in one place the UI and the tray can watch.

The sync engine reports each loop's progress here; the window, status bar and tray subscribe and
redraw. Keeping it Qt-free lets the engine run (and be tested) in a plain Python process; the UI
adapts the plain-callable notifications to a Qt signal (``views/board_bridge.py``).

The overall state follows what the merchant most needs to notice first:
error > syncing > paused > idle.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from datetime import datetime
from enum import Enum
from types import MappingProxyType
from typing import Any

from channelmanager_gui.services.subscribers import Subscribers

log = logging.getLogger(__name__)


class SyncState(Enum):
    """What a loop (or the whole app) is doing now; values double as icon names."""

    IDLE = "idle"
    SYNCING = "syncing"
    ERROR = "error"
    PAUSED = "paused"


# Highest first: the overall state is the first of these that any loop (or the pause) is in.
_PRECEDENCE = (SyncState.ERROR, SyncState.SYNCING, SyncState.PAUSED)


@dataclass(frozen=True)
class LoopStatus:
    """One sync loop's latest report. ``last_error`` is a merchant-readable message."""

    name: str
    state: SyncState = SyncState.IDLE
    last_run: datetime | None = None
    next_run: datetime | None = None
    last_error: str | None = None
    counts: Mapping[str, int] = field(default_factory=lambda: MappingProxyType({}))


Subscriber = Callable[["SyncStatusBoard"], None]


class SyncStatusBoard:
    """Holds per-loop status, the merchant's pause switch and the open error count.

    Subscribers are called (with the board) after every change, on the thread that made it:
    the engine's own thread in the window, so the UI adapts them to queued Qt signals. A lock
    guards the state, as the UI thread reads it while the engine writes; subscribers run
    outside it, so a slow one (the snapshot writer) never makes a reader wait. A failing
    subscriber is logged and skipped so one broken view cannot stop the others.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._loops: dict[str, LoopStatus] = {}
        self._subscribers: Subscribers[SyncStatusBoard] = Subscribers("sync status")
        self._paused = False
        self._open_errors = 0
        self._open_errors_by_marketplace: dict[str, int] = {}

    # -- reading -------------------------------------------------------------------------------

    def loops(self) -> list[LoopStatus]:
        """Every known loop, in the order they first reported."""
        with self._lock:
            return list(self._loops.values())

    def loop(self, name: str) -> LoopStatus | None:
        with self._lock:
            return self._loops.get(name)

    @property
    def paused(self) -> bool:
        """True while the merchant has paused syncing (the engine must not start new runs)."""
        return self._paused

    @property
    def open_errors(self) -> int:
        """Orders/listings currently in error, as counted by the engine."""
        return self._open_errors

    @property
    def open_errors_by_marketplace(self) -> dict[str, int]:
        """The same count per marketplace ('walmart', 'amazon'), when it was given."""
        with self._lock:
            return dict(self._open_errors_by_marketplace)

    def overall(self) -> SyncState:
        """The one state the tray and the top bar show: error > syncing > paused > idle."""
        with self._lock:
            states = {status.state for status in self._loops.values()}
            if self._paused:
                states.add(SyncState.PAUSED)
        for state in _PRECEDENCE:
            if state in states:
                return state
        return SyncState.IDLE

    def last_sync(self) -> datetime | None:
        """The most recent finished run of any loop, or None before the first sync."""
        runs = [s.last_run for s in self.loops() if s.last_run is not None]
        return max(runs) if runs else None

    def errors(self) -> list[LoopStatus]:
        """Loops whose last run failed."""
        return [s for s in self.loops() if s.state is SyncState.ERROR]

    # -- writing -------------------------------------------------------------------------------

    def update(self, name: str, **changes: Any) -> LoopStatus:
        """Record a loop's new status (only the given fields change) and notify subscribers.

        Moving a loop out of ERROR without giving ``last_error`` clears the old error, so a
        recovered loop does not keep showing a stale message.
        """
        if "counts" in changes:
            changes["counts"] = MappingProxyType(dict(changes["counts"]))
        with self._lock:
            current = self._loops.get(name, LoopStatus(name=name))
            new_state = changes.get("state", current.state)
            if new_state is not SyncState.ERROR and "last_error" not in changes:
                changes["last_error"] = None
            status = replace(current, **changes)
            self._loops[name] = status
        self._notify()
        return status

    def remove(self, name: str) -> None:
        """Forget a loop (its store was removed)."""
        with self._lock:
            removed = self._loops.pop(name, None) is not None
        if removed:
            self._notify()

    def set_paused(self, paused: bool) -> None:
        with self._lock:
            changed, self._paused = paused != self._paused, paused
        if changed:
            log.info("sync %s by the merchant", "paused" if paused else "resumed")
            self._notify()

    def set_open_errors(self, count: int, by_marketplace: dict[str, int] | None = None) -> None:
        split = {m: n for m, n in (by_marketplace or {}).items() if n}
        with self._lock:
            changed = (count, split) != (self._open_errors, self._open_errors_by_marketplace)
            self._open_errors, self._open_errors_by_marketplace = count, split
        if changed:
            self._notify()

    # -- subscribing ---------------------------------------------------------------------------

    def subscribe(self, callback: Subscriber) -> Callable[[], None]:
        """Call ``callback(board)`` after every change; returns a function that unsubscribes."""
        return self._subscribers.add(callback)

    def _notify(self) -> None:
        self._subscribers.call(self)
