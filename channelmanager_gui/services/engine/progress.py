"""The small progress/cancel object long jobs report through (STYLE.md #8).

A catalog import of thousands of products is a plain async function; the window adapts this
protocol to a progress bar with a Cancel button, the command line to log lines, tests to a fake.
"""

from __future__ import annotations

from typing import Protocol


class Progress(Protocol):
    """``cancelled`` may be a bool attribute/property or a method returning one."""

    def set_status(self, text: str) -> None: ...

    def set_progress(self, done: int, total: int | None) -> None: ...


class NullProgress:
    """For callers that do not show progress (loops, scripts)."""

    cancelled = False

    def set_status(self, text: str) -> None:
        pass

    def set_progress(self, done: int, total: int | None) -> None:
        pass


def is_cancelled(progress: object) -> bool:
    """True when the merchant asked to stop; tolerant of a property or a method."""
    flag = getattr(progress, "cancelled", False)
    return bool(flag() if callable(flag) else flag)
