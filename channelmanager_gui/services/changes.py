"""Writes announce what changed; views decide whether to refresh (STYLE.md #4).

The engine publishes a small set of change kinds after each committed write. The window turns it
into one app-level Qt signal; the command line ignores it. Subscribers are plain callables.
"""

from __future__ import annotations

import logging
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
        self._subscribers: list[Subscriber] = []

    def subscribe(self, callback: Subscriber) -> Callable[[], None]:
        """Add a subscriber; returns a function that removes it."""
        self._subscribers.append(callback)
        return lambda: self._subscribers.remove(callback)

    def publish(self, *changes: Change) -> None:
        if not changes:
            return
        changed = frozenset(changes)
        for callback in list(self._subscribers):
            try:
                callback(changed)
            except Exception:
                log.exception("change subscriber %r failed", callback)
