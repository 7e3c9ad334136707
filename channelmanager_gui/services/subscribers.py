"""Callbacks that may be added, removed and called from different threads.

In the window the status board and the change bus are written on other threads (the one
reading the engine child's pipe, the engine thread's imports, worker threads) while the UI
thread subscribes and unsubscribes (a page opened or closed). The list is guarded by a lock;
callbacks run outside it, so one may subscribe or unsubscribe from inside a call, and a slow
one never holds up another thread that only wants to subscribe.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Generic, TypeVar

log = logging.getLogger(__name__)

A = TypeVar("A")


class Subscribers(Generic[A]):
    """Callbacks taking one argument; a failing one is logged (as ``what``) and skipped."""

    def __init__(self, what: str) -> None:
        self._what = what
        self._lock = threading.Lock()
        self._callbacks: list[Callable[[A], None]] = []

    def add(self, callback: Callable[[A], None]) -> Callable[[], None]:
        """Add ``callback``; returns a function that removes it (later calls do nothing)."""
        with self._lock:
            self._callbacks.append(callback)

        def remove() -> None:
            with self._lock:
                if callback in self._callbacks:
                    self._callbacks.remove(callback)

        return remove

    def call(self, arg: A) -> None:
        """Call every callback with ``arg``, on this thread, in the order they were added."""
        with self._lock:
            callbacks = list(self._callbacks)
        for callback in callbacks:
            try:
                callback(arg)
            except Exception:
                log.exception("%s subscriber %r failed", self._what, callback)
