"""Money columns: ``Decimal`` in Python, exact to the cent, numeric (and so sortable) in SQLite.

SQLite has no decimal type: SQLAlchemy's ``Numeric`` there binds floats and warns. The choices
were integer minor units, text, or a REAL that is rounded on the way in and out:

- text sorts as text ("100.00" < "9.99"), so ``ix_orders_total`` would order wrongly;
- integer cents are exact in the file, but every SQL expression on a price (the inventory
  loop's ``price × adjustment`` and ``|price − last sent| ≤ 0.0049``, the dashboard's sums)
  would have to know the unit, and the columns would need a table rebuild (four tables with
  expression indexes) to change their declared type;
- a REAL (the columns' type since 0002) holds any amount of up to 15 significant digits so
  that reading it back and rounding to the column's scale gives exactly the decimal written:
  an amount is quantized to its scale *before* it is bound (so the stored double is the
  nearest one to an exact cent value) and quantized again when read (so the double's binary
  error never reaches Python). 15 digits is 9,999,999,999,999.99 at scale 2: far beyond any
  order. Sorting and SQL arithmetic stay numeric, and the declared type stays ``DOUBLE``.

So :class:`Money` is a ``TypeDecorator`` over ``Double``: ``Decimal`` in, ``Decimal`` out, with
ROUND_HALF_UP at the column's scale. Migration 0008 rounds the REALs written before it.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Any

from sqlalchemy import Double
from sqlalchemy.types import TypeDecorator, TypeEngine

CENT = Decimal("0.01")
ZERO = Decimal("0.00")
_MAX = Decimal("9999999999999.99")  # 15 significant digits: a double keeps them exactly


def to_money(value: Decimal | int | str, places: Decimal = CENT) -> Decimal:
    """An exact amount rounded half-up to ``places``; ``ValueError`` for what is no amount.

    Floats are refused: their binary error is what this module keeps out (parse JSON amounts
    with ``parse_float=Decimal``, or ``Decimal(str(x))`` where a float cannot be avoided).
    """
    if isinstance(value, bool) or not isinstance(value, Decimal | int | str):
        raise ValueError(f"an amount must be a Decimal, not {type(value).__name__}")
    try:
        amount = Decimal(value).quantize(places, ROUND_HALF_UP)
    except (InvalidOperation, ValueError) as exc:
        raise ValueError(f"not an amount: {str(value)[:40]!r}") from exc
    if not amount.is_finite() or abs(amount) > _MAX:
        raise ValueError(f"amount out of range: {str(value)[:40]!r}")
    return amount


class Money(TypeDecorator[Decimal]):
    """An amount at a fixed scale (2 by default), stored as a REAL rounded to that scale."""

    impl = Double
    cache_ok = True

    def __init__(self, scale: int = 2) -> None:
        super().__init__()
        self.scale = scale
        self._places = Decimal(1).scaleb(-scale)

    def process_bind_param(self, value: Any, dialect: object) -> float | None:
        if value is None:
            return None
        if isinstance(value, float):
            # A float literal (a seed, a script) stands for the decimal it was typed as, which
            # repr() gives back; the core itself hands Decimals.
            value = Decimal(repr(value))
        # The one float on the way: the nearest double to an exact amount of ≤ 15 digits,
        # which process_result_value turns back into that very amount.
        return float(to_money(value, self._places))

    def process_result_value(self, value: Any, dialect: object) -> Decimal | None:
        if value is None:
            return None
        # repr() gives the shortest text that reads back as the same double: for a double
        # written by process_bind_param that is the amount itself.
        return Decimal(repr(float(value))).quantize(self._places, ROUND_HALF_UP)

    def coerce_compared_value(self, op: Any, value: Any) -> TypeEngine[Any]:
        # The other side of a comparison or of arithmetic (a factor, a tolerance, a bound of a
        # filter) is a plain number, not an amount to round: 0.099 must stay below 0.10.
        return _Operand()


class _Operand(TypeDecorator[Any]):
    """A number bound next to a money column, unrounded (sqlite3 cannot bind a Decimal)."""

    impl = Double
    cache_ok = True

    def process_bind_param(self, value: Any, dialect: object) -> Any:
        return float(value) if isinstance(value, Decimal) else value


def json_number(value: object) -> float:
    """``json.dump(..., default=json_number)`` for exports that have always given amounts as
    numbers: a cent amount of ≤ 15 digits is printed as exactly its text (``12.34``)."""
    if isinstance(value, Decimal):
        return float(value)
    raise TypeError(f"Object of type {type(value).__name__} is not JSON serializable")


def money_text(amount: Decimal, currency: str) -> str:
    """An amount as the tables and the order detail show it: ``$1,234.50`` or ``12.00 EUR``."""
    return f"${amount:,.2f}" if currency == "USD" else f"{amount:,.2f} {currency}"
