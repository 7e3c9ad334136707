"""Query-parameter dates: Walmart takes ``yyyy-MM-dd`` or ISO date-times (reference §1)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_MS = timedelta(milliseconds=1)


def parse_ms(value: str) -> int:
    """Epoch ms for a query date; raises ValueError when it is not a date.

    Accepts ``yyyy-MM-dd``, ISO date-times with ``Z`` or an offset (a ``+`` that arrived unencoded
    and became a space is put back), and bare epoch milliseconds.
    """
    text = value.strip().replace(" ", "+")
    if text.isdigit():
        return int(text) if len(text) > 10 else int(text) * 1000
    dt = datetime.fromisoformat(text)
    if dt.tzinfo is None:
        dt = dt.replace(tzinfo=UTC)
    return (dt - _EPOCH) // _MS


def iso_ms(ms: int) -> str:
    """``2019-09-17T18:47:03.703Z``: the form seen in Walmart cursors and return dates."""
    dt = _EPOCH + ms * _MS
    return dt.strftime("%Y-%m-%dT%H:%M:%S.") + f"{ms % 1000:03d}Z"
