"""The sandbox's clock: wall time plus an offset tests can advance.

Everything time-driven (Pending orders being authorized, listings applied after ACCEPTED, feeds
and reports moving through their states, token expiry, token buckets refilling) reads this one
clock, so a test advances it through ``/_sandbox/clock`` instead of sleeping.
"""

from __future__ import annotations

import threading
import time
from datetime import UTC, datetime


class Clock:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._offset = 0.0
        self._last = 0.0

    def now(self) -> float:
        """Epoch seconds as the sandbox sees them; never earlier than a time already given
        (the wall clock can be stepped back, and a token bucket refilling by a negative amount
        would answer 429 to a client that paced itself correctly)."""
        with self._lock:
            self._last = max(self._last, time.time() + self._offset)
            return self._last

    def advance(self, seconds: float) -> float:
        with self._lock:
            self._offset += seconds
        return self.now()


def iso(epoch: float) -> str:
    """ISO-8601 UTC with a ``Z``, whole seconds, as Orders returns dates (§2.4)."""
    return datetime.fromtimestamp(epoch, UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def parse_iso(text: str) -> float | None:
    """Epoch seconds of an ISO-8601 date-time, or None if it is not one."""
    try:
        value = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)  # SP-API reads a date without offset as UTC
    return value.timestamp()
