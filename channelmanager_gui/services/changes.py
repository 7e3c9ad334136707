"""Writes announce what changed; views decide whether to refresh (STYLE.md #4).

The engine publishes a small set of change kinds after each committed write. The window turns it
into one app-level Qt signal; the command line ignores it. Subscribers are plain callables,
called on the thread that published: in the window that is the engine's own thread as well as
the UI thread, so the subscriber list is guarded by a lock.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from enum import StrEnum

log = logging.getLogger(__name__)


class Change(StrEnum):
    ORDERS = "orders"
    LISTINGS = "listings"
    RETURNS = "returns"
    ACTIVITY = "activity"
    OUTBOX = "outbox"
    STORES = "stores"


Subscriber = Callable[[frozenset[Change]], None]


class ChangeBus:
    """Fan-out of change sets to subscribers; a failing subscriber never stops the engine."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._subscribers: list[Subscriber] = []

    def subscribe(self, callback: Subscriber) -> Callable[[], None]:
        """Add a subscriber; returns a function that removes it (once; later calls do nothing)."""
        with self._lock:
            self._subscribers.append(callback)

        def unsubscribe() -> None:
            with self._lock:
                if callback in self._subscribers:
                    self._subscribers.remove(callback)

        return unsubscribe

    def publish(self, *changes: Change) -> None:
        """Call every subscriber with the change set, outside the lock (a subscriber may
        subscribe or unsubscribe)."""
        if not changes:
            return
        changed = frozenset(changes)
        with self._lock:
            subscribers = list(self._subscribers)
        for callback in subscribers:
            try:
                callback(changed)
            except Exception:
                log.exception("change subscriber %r failed", callback)
