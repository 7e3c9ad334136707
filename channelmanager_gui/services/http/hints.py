"""Read a server's "wait until" hints: Retry-After and Walmart's token-bucket headers.

Walmart sends ``x-current-token-count`` (calls left) and ``x-next-replenish-time`` (also spelled
``X-Next-Replenishment-Time``), and the replenish value has been seen as epoch milliseconds,
epoch seconds and ISO-8601 (reference §11). ``Retry-After`` is seconds or an HTTP date (RFC 9110).
"""

from __future__ import annotations

import email.utils
from collections.abc import Iterable, Mapping
from datetime import UTC, datetime

REPLENISH_HEADERS = ("x-next-replenish-time", "x-next-replenishment-time")
TOKEN_COUNT_HEADER = "x-current-token-count"
_LONGEST_HINT = 24 * 3600.0  # anything longer is a misread, not a real wait


def server_pause(status: int, headers: Mapping[str, str], wall_now: float) -> float | None:
    """Seconds the server asks us to wait, or None when it gave no usable hint.

    On 429/503 the longer of Retry-After and the replenish time counts. On other answers only an
    empty bucket (token count 0) with a replenish time asks for a pause.
    """
    lower = {k.lower(): v for k, v in headers.items()}
    replenish = _first(parse_time_hint(lower.get(name), wall_now) for name in REPLENISH_HEADERS)
    if status in (429, 503):
        retry_after = parse_time_hint(lower.get("retry-after"), wall_now, relative=True)
        waits = [w for w in (retry_after, replenish) if w is not None]
        return max(waits) if waits else None
    if _token_count(lower.get(TOKEN_COUNT_HEADER)) == 0:
        return replenish
    return None


def parse_time_hint(value: str | None, wall_now: float, *, relative: bool = False) -> float | None:
    """Seconds from ``wall_now`` until the time ``value`` names, clamped to [0, 24 h].

    Numbers: >= 1e11 is epoch ms, >= 1e9 epoch seconds, smaller is a delay in seconds (always a
    delay when ``relative``, as for Retry-After). Otherwise ISO-8601 or an HTTP date.
    """
    if value is None or not value.strip():
        return None
    text = value.strip()
    try:
        number = float(text)
    except ValueError:
        return _clamp(_parse_date(text, wall_now))
    if relative or number < 1e9:
        return _clamp(number)
    epoch = number / 1000.0 if number >= 1e11 else number
    return _clamp(epoch - wall_now)


def _parse_date(text: str, wall_now: float) -> float | None:
    try:
        when = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        try:
            when = email.utils.parsedate_to_datetime(text)
        except (TypeError, ValueError, IndexError):
            return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return when.timestamp() - wall_now


def _clamp(seconds: float | None) -> float | None:
    if seconds is None or seconds != seconds:  # NaN
        return None
    return min(max(0.0, seconds), _LONGEST_HINT)


def _token_count(value: str | None) -> int | None:
    try:
        return int(float(value)) if value is not None else None
    except ValueError:
        return None


def _first(values: Iterable[float | None]) -> float | None:
    return next((v for v in values if v is not None), None)
