"""Writes announce what changed; views decide whether to refresh (STYLE.md #4).

The engine publishes a small set of change kinds after each committed write. The window turns it
into one app-level Qt signal; the command line ignores it. Subscribers are plain callables,
called on the thread that published: in the window that is the thread reading the engine
child's pipe, worker threads and the UI thread (see ``services/subscribers.py``); the engine
child relays its own announcements to the window (``services/engine_protocol.py``).
"""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum

from channelmanager_gui.services.subscribers import Subscribers


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
        self._subscribers: Subscribers[frozenset[Change]] = Subscribers("change")

    def subscribe(self, callback: Subscriber) -> Callable[[], None]:
        """Add a subscriber; returns a function that removes it (once; later calls do nothing)."""
        return self._subscribers.add(callback)

    def publish(self, *changes: Change) -> None:
        if changes:
            self._subscribers.call(frozenset(changes))
