"""Run a parsed ``searchCriteria`` over a collection, with MySQL-like comparisons.

Comparisons follow what the SQL behind a Magento collection does: NULL matches only ``null``;
numbers compare numerically; strings compare case-insensitively (``*_general_ci`` collations);
datetimes compare as ``YYYY-MM-DD HH:MM:SS`` whatever form the filter value takes.
"""

from __future__ import annotations

import math
import re
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterable
from typing import Any

from channelmanager_gui.sandbox.commerce.search_criteria import Filter, SearchCriteria, Source

Row = Any
Predicate = Callable[[Row], bool]


def _norm_date(value: str) -> str:
    v = value.strip().replace("T", " ").removesuffix("Z").split("+")[0].split(".")[0]
    return v + " 00:00:00" if len(v) == 10 else v[:19]


def _is_stamp(text: str) -> bool:
    return len(text) == 19 and text[4] == "-" and text[10] == " "


class _Value:
    """A filter value, converted once per query into each form a column may need."""

    __slots__ = ("date", "folded", "number")

    def __init__(self, raw: str) -> None:
        self.folded = raw.casefold()
        self.date = _norm_date(raw)
        try:
            self.number: float | None = float(raw)
        except ValueError:
            self.number = None


def _pair(col: Any, v: _Value) -> tuple[Any, Any]:
    """Column and filter value made comparable, as MySQL would compare them."""
    if isinstance(col, str):
        return (col, v.date) if _is_stamp(col) else (col.casefold(), v.folded)
    if isinstance(col, bool):
        col = int(col)
    if isinstance(col, int | float) and v.number is not None:
        return float(col), v.number
    text = ",".join(map(str, col)) if isinstance(col, list) else str(col)
    return text.casefold(), v.folded


def _like(pattern: str) -> re.Pattern[str]:
    parts = (".*" if ch == "%" else "." if ch == "_" else re.escape(ch) for ch in pattern)
    return re.compile("".join(parts), re.IGNORECASE | re.DOTALL)


_ORDERING: dict[str, Callable[[Any, Any], bool]] = {
    "eq": lambda a, b: a == b,
    "neq": lambda a, b: a != b,
    "gt": lambda a, b: a > b,
    "gteq": lambda a, b: a >= b,
    "moreq": lambda a, b: a >= b,
    "from": lambda a, b: a >= b,
    "lt": lambda a, b: a < b,
    "lteq": lambda a, b: a <= b,
    "to": lambda a, b: a <= b,
}
_SINCE = {"gt": False, "gteq": True, "moreq": True, "from": True}  # cond -> inclusive


def _compare(op: Callable[[Any, Any], bool], col: Any, value: _Value) -> bool:
    return op(*_pair(col, value))


def predicate(f: Filter, column: Callable[[Row, str], Any]) -> Predicate:
    """One filter as a row test (built once per query, run per row)."""
    name, cond = f.field, f.condition
    if cond == "null":
        return lambda r: column(r, name) is None
    if cond == "notnull":
        return lambda r: column(r, name) is not None
    if cond in _ORDERING:
        op, value = _ORDERING[cond], _Value(f.value)
        return lambda r: (c := column(r, name)) is not None and _compare(op, c, value)
    if cond in ("like", "nlike"):
        rx, want = _like(f.value), cond == "like"
        return lambda r: (c := column(r, name)) is not None and bool(rx.fullmatch(str(c))) == want
    if cond in ("in", "nin"):
        values, want = [_Value(v) for v in in_values(f.value)], cond == "in"
        eq = _ORDERING["eq"]
        return lambda r: (
            (c := column(r, name)) is not None and (any(_compare(eq, c, v) for v in values) == want)
        )
    wanted, want = f.value.strip().casefold(), cond == "finset"  # finset / nfinset
    return lambda r: (c := column(r, name)) is not None and (wanted in _members(c)) == want


def in_values(value: str) -> list[str]:
    """An ``in``/``nin`` value as Magento reads it: cut at every comma, nothing trimmed
    (``Magento\\Framework\\DB\\Adapter\\Pdo\\Mysql::prepareSqlCondition``:
    ``explode(',', $value)``). A SKU holding a comma can therefore not be found with ``in``."""
    return value.split(",")


def _members(col: Any) -> list[str]:
    """``FIND_IN_SET`` members of a comma list (or of a list column such as category_ids)."""
    text = ",".join(map(str, col)) if isinstance(col, list) else str(col)
    return [part.strip().casefold() for part in text.split(",")]


def _sort_key(value: Any) -> tuple[int, Any]:
    """NULLs first ascending, as MySQL sorts them."""
    if value is None:
        return (0, 0)
    if isinstance(value, int | float):
        return (1, float(value))
    return (2, str(value).casefold())


class QueryCache:
    """Matched-and-sorted row lists per (collection, filters, sort), valid for one version."""

    def __init__(self, size: int = 32) -> None:
        self._entries: OrderedDict[tuple[Any, ...], list[Row]] = OrderedDict()
        self._size = size
        self._lock = threading.Lock()

    def get(self, key: tuple[Any, ...]) -> list[Row] | None:
        with self._lock:
            rows = self._entries.get(key)
            if rows is not None:
                self._entries.move_to_end(key)
            return rows

    def put(self, key: tuple[Any, ...], rows: list[Row]) -> None:
        with self._lock:
            self._entries[key] = rows
            while len(self._entries) > self._size:
                self._entries.popitem(last=False)


def _group_rows(source: Source, group: list[Filter]) -> list[Row] | None:
    """Rows an index can answer for one filter group, or None when it must be scanned.

    ``eq``/``in`` groups use the source's lookup; a lone ``gt``/``gteq`` on a timestamp uses
    ``since``, which walks back from the newest row (the app's "changed since" polls).
    """
    if len(group) == 1 and group[0].condition in _SINCE:
        since = getattr(source, "since", None)
        f = group[0]
        return since(f.field, _norm_date(f.value), _SINCE[f.condition]) if since else None
    found: dict[int, Row] = {}
    for f in group:
        if f.condition not in ("eq", "in"):
            return None
        values = [f.value] if f.condition == "eq" else in_values(f.value)
        rows = source.lookup(f.field, values)
        if rows is None:
            return None
        found.update((id(r), r) for r in rows)
    return list(found.values())


def _candidates(source: Source, groups: list[list[Filter]]) -> list[Row] | None:
    """Rows of the most selective indexed group, in natural order; None to scan everything."""
    best: list[Row] | None = None
    for group in groups:
        rows = _group_rows(source, group)
        if rows is not None and (best is None or len(rows) < len(best)):
            best = rows
    return None if best is None else sorted(best, key=source.natural_key)


def newest(
    rows: Iterable[Row], stamp: Callable[[Row], str], value: str, inclusive: bool
) -> list[Row]:
    """Rows (given newest first) whose stamp is after ``value``, stopping at the first older."""
    found = []
    for row in rows:
        current = stamp(row)
        if current < value or (current == value and not inclusive):
            break
        found.append(row)
    return found


def matching(
    source: Source, criteria: SearchCriteria, version: int, cache: QueryCache
) -> list[Row]:
    """All rows matching the filters, sorted; cached until the collection changes."""
    key = (
        source.name,
        version,
        tuple(tuple(g) for g in criteria.groups),
        tuple(criteria.sort),
    )
    hit = cache.get(key)
    if hit is not None:
        return hit
    tests = [[predicate(f, source.column) for f in group] for group in criteria.groups]
    candidates = _candidates(source, criteria.groups)
    pool = source.rows() if candidates is None else candidates
    rows = [r for r in pool if all(any(t(r) for t in group) for group in tests)]
    for field, direction in reversed(criteria.sort):  # stable sorts: last key first

        def sort_key(row: Row, name: str = field) -> tuple[int, Any]:
            return _sort_key(source.column(row, name))

        rows.sort(key=sort_key, reverse=direction == "DESC")
    cache.put(key, rows)
    return rows


def page(rows: list[Row], criteria: SearchCriteria) -> list[Row]:
    """The requested page; a page past the end is the last page again (``Collection``)."""
    size = criteria.page_size
    if not size or size <= 0:
        return rows
    last = max(1, math.ceil(len(rows) / size))
    current = min(max(criteria.current_page or 1, 1), last)
    return rows[(current - 1) * size : current * size]


def search(
    source: Source,
    criteria: SearchCriteria,
    version: int,
    cache: QueryCache,
    render: Callable[[Row], Any],
) -> dict[str, Any]:
    """The ``{items, search_criteria, total_count}`` answer every list endpoint shares."""
    rows = matching(source, criteria, version, cache)
    return {
        "items": [render(r) for r in page(rows, criteria)],
        "search_criteria": criteria.echo(),
        "total_count": len(rows),
    }
