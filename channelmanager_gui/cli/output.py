"""How subcommands answer: JSON for scripts (``--json``), an aligned table for people.

Scripts parse stdout, so everything a command reports goes there in one shape per command
(documented in the README, "Command line JSON output"); problems go to stderr. Values are made
JSON-safe in one place (dates as ISO 8601 text, enums as their value, sets as sorted lists) so
the table and the JSON always show the same facts. Amounts (``Decimal``) stay JSON numbers, as
they were before they became decimals, so scripts keep working: a cent amount of up to 15
digits becomes the double whose shortest text ``json`` prints is that very amount (``12.34``,
never ``12.339999…``).
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Mapping, Sequence
from datetime import date, datetime
from decimal import Decimal
from enum import Enum
from typing import Any

Column = tuple[str, str]  # (key in the row, header)
MAX_CELL = 48  # a long error message must not push every other column off the screen


def plain(value: Any) -> Any:
    """``value`` with dates, enums, sets and dataclass-like rows turned into JSON types."""
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Mapping):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, set | frozenset):
        return sorted(plain(v) for v in value)
    if isinstance(value, list | tuple):
        return [plain(v) for v in value]
    return value


def print_json(data: Any) -> None:
    # ASCII with \u escapes: safe through any pipe or console code page (Windows cp1252 too).
    print(json.dumps(plain(data), indent=2))


def cell(value: Any) -> str:
    """One table cell: empty for nothing, short dates, long text cut with an ellipsis."""
    value = plain(value)
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        return f"{value:.2f}"
    if isinstance(value, list):
        value = ", ".join(str(v) for v in value)
    text = " ".join(str(value).split())
    if len(text) > 19 and text[10:11] == "T" and text[:4].isdigit():
        text = text[:16].replace("T", " ")  # 2024-05-01T12:34:56+00:00 → 2024-05-01 12:34
    return text if len(text) <= MAX_CELL else text[: MAX_CELL - 1] + "…"


def table(rows: Iterable[Mapping[str, Any]], columns: Sequence[Column]) -> str:
    """Rows as left-aligned columns under a header line."""
    cells = [[cell(row.get(key)) for key, _ in columns] for row in rows]
    headers = [header for _, header in columns]
    widths = [max([len(h), *(len(r[i]) for r in cells)]) for i, h in enumerate(headers)]
    lines = [headers, *cells]
    return "\n".join(
        "  ".join(text.ljust(width) for text, width in zip(line, widths, strict=True)).rstrip()
        for line in lines
    )


def print_table(rows: Sequence[Mapping[str, Any]], columns: Sequence[Column], empty: str) -> None:
    print(table(rows, columns) if rows else empty)


def fields(facts: Mapping[str, Any], labels: Sequence[Column]) -> str:
    """``Label: value`` lines for one object (``orders show``), skipping empty values."""
    width = max(len(label) for _, label in labels)
    return "\n".join(
        f"{label + ':':<{width + 1}} {cell(facts.get(key))}"
        for key, label in labels
        if facts.get(key) not in (None, "", [])
    )


def warn(message: str) -> None:
    """A problem for the person or script watching stderr (stdout stays parseable)."""
    print(f"error: {message}", file=sys.stderr)


def tolerant_streams() -> None:
    """A product name the console's code page cannot show becomes "?" instead of a crash
    (Windows pipes default to cp1252); JSON is ASCII anyway."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="replace")
