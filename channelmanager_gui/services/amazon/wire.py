"""Small wire-format helpers for SP-API: exact JSON numbers, UTC dates, the User-Agent.

Amounts are ``Decimal`` everywhere; Amazon's JSON takes prices as numbers (``value_with_tax:
16.49``, reference §4.2), so bodies are written with each ``Decimal`` as its own digits instead
of through a float.
"""

from __future__ import annotations

import json
import platform
import sys
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

from channelmanager_gui import __version__
from channelmanager_gui.errors import ValidationError

_MARK = "\u0000dec:"


def dumps_exact(value: Any) -> bytes:
    """JSON text of ``value`` with every ``Decimal`` written as an exact JSON number."""
    numbers: list[str] = []

    def mark(item: Any) -> Any:
        if isinstance(item, Decimal):
            if not item.is_finite():
                raise ValidationError("amount", f"{item} is not a number")
            numbers.append(format(item, "f"))
            return f"{_MARK}{len(numbers) - 1}"
        if isinstance(item, dict):
            return {k: mark(v) for k, v in item.items()}
        if isinstance(item, list | tuple):
            return [mark(v) for v in item]
        return item

    text = json.dumps(mark(value), separators=(",", ":"), ensure_ascii=False)
    for index in reversed(range(len(numbers))):
        text = text.replace(json.dumps(f"{_MARK}{index}"), numbers[index])
    return text.encode("utf-8")


def iso_utc(value: datetime, field: str) -> str:
    """``2026-08-04T15:02:11Z``: SP-API dates are ISO-8601 in UTC (reference §2.4)."""
    if value.tzinfo is None:
        raise ValidationError(field, "must carry a time zone")
    return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def user_agent() -> str:
    """App/version plus language and platform, as Amazon asks (reference §1.2, ≤ 500 chars)."""
    python = ".".join(str(p) for p in sys.version_info[:3])
    return f"ChannelManager/{__version__} (Language=Python/{python}; Platform={platform.system()})"
