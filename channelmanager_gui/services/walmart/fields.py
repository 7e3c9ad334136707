"""Field types for Walmart payloads, lenient in what the real API sends and strict in meaning.

Walmart sends order dates as epoch milliseconds, return dates as ISO-8601 strings, and order
quantities as strings (reference §1). Every validator here raises only ``ValueError`` (which
pydantic turns into a ``ValidationError``) so a strange payload can never escape as a
``TypeError``/``OverflowError`` from deep inside parsing.
"""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal, InvalidOperation
from typing import Annotated, Any

from pydantic import BaseModel, BeforeValidator, ConfigDict

_MAX_EPOCH_MS = 253_402_300_799_000  # 9999-12-31T23:59:59Z


class WalmartModel(BaseModel):
    """Immutable, ignores fields we do not use (Walmart adds fields without notice)."""

    model_config = ConfigDict(frozen=True, extra="ignore", populate_by_name=True)


def to_datetime(value: Any) -> datetime:
    """Epoch ms (number or numeric string), ISO-8601 text or a datetime → aware UTC datetime."""
    if isinstance(value, datetime):
        return value if value.tzinfo else value.replace(tzinfo=UTC)
    if isinstance(value, bool) or not isinstance(value, int | float | Decimal | str):
        raise ValueError("expected epoch milliseconds or an ISO-8601 date")
    if isinstance(value, Decimal):  # a fractional number read exactly (parse_float=Decimal)
        value = float(value)
    if isinstance(value, str):
        text = value.strip()
        try:
            value = float(text)
        except ValueError:
            return _iso(text)
    if not (0 <= value <= _MAX_EPOCH_MS):
        raise ValueError(f"epoch milliseconds out of range: {value!r}")
    return datetime.fromtimestamp(value / 1000, UTC)


def _iso(text: str) -> datetime:
    try:
        parsed = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError as exc:
        raise ValueError(f"not a date: {text[:40]!r}") from exc
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def to_quantity(value: Any) -> int:
    """A whole, non-negative quantity; Walmart order quantities arrive as strings ("1")."""
    if isinstance(value, bool):
        raise ValueError("quantity must be a number")
    try:
        number = (
            Decimal(str(value).strip()) if isinstance(value, int | float | Decimal | str) else None
        )
    except InvalidOperation:
        number = None
    if number is None or not number.is_finite() or number != number.to_integral_value():
        raise ValueError(f"quantity must be a whole number, got {str(value)[:40]!r}")
    if number < 0:
        raise ValueError("quantity must not be negative")
    return int(number)


def as_list(value: Any) -> Any:
    """Walmart wraps lists as ``{"x": [..]}`` but sometimes sends one object, or null."""
    if value is None:
        return []
    if isinstance(value, dict):
        return [value]
    return value


def to_text(value: Any) -> Any:
    """Identifiers sometimes arrive as numbers (``"lineNumber": 1``); keep them as text."""
    if isinstance(value, int | Decimal) and not isinstance(value, bool):
        return str(value)
    return value


Timestamp = Annotated[datetime, BeforeValidator(to_datetime)]
Quantity = Annotated[int, BeforeValidator(to_quantity)]
Text = Annotated[str, BeforeValidator(to_text)]


def none_to_blank(value: Any) -> Any:
    """Real payloads carry ``null`` where the spec shows text (names, address parts)."""
    return "" if value is None else to_text(value)


def none_to_usd(value: Any) -> Any:
    return "USD" if value is None else value


# Optional text: null or missing reads as "" so one null field never rejects a whole order.
Blank = Annotated[str, BeforeValidator(none_to_blank)]
Currency = Annotated[str, BeforeValidator(none_to_usd)]
