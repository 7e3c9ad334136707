"""Ordered id lists for the big tables, read as cheaply as SQLite and Python allow.

The Orders and Listings tables keep every id of the current filter and sort (100,000 on a big
shop) and re-read them on each refresh, so how they are read is most of a refresh's cost:

* :func:`fetch_ids` reads the ids of a one-column query straight from the DBAPI cursor into
  an ``array('q')``: no SQLAlchemy ``Row`` per id (half the time), and 8 bytes per id instead
  of a Python int and a list slot (about a quarter of the memory).
* :func:`unindexed` hides a column from SQLite's planner where an index would cost more than
  it saves: with a substring search every row is read anyway, and reading them through a sort
  index (random page order) took 3-4 times as long as a plain scan followed by a sort.
* :func:`ids_by_rank` orders by a column's *rank* (the lifecycle order of a status, not its
  alphabetical order) without asking SQLite to sort by a ``CASE`` expression: one pass in id
  order puts each id in its value's bucket; the buckets are joined in rank order.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterable, Sequence
from typing import Any, cast

from sqlalchemy import ColumnElement
from sqlalchemy.orm import Session
from sqlalchemy.sql import Select
from sqlalchemy.sql.elements import UnaryExpression
from sqlalchemy.sql.operators import custom_op

# SQLite's unary + changes no value, but the planner no longer sees a column in it.
_SAME_VALUE: custom_op[Any] = custom_op("+")


def fetch_ids(session: Session, query: Select[Any]) -> array[int]:
    """The single column of ``query`` (integer ids), in the query's order."""
    result = session.connection().execute(query)
    try:
        # The raw cursor: the ids need none of the result processing SQLAlchemy would apply.
        return array("q", (row_id for (row_id,) in _rows(result.cursor)))
    finally:
        result.close()


def unindexed(column: ColumnElement[Any]) -> ColumnElement[Any]:
    """``column`` as ``+column``: the same value, for which SQLite will not use an index."""
    return UnaryExpression(column, operator=_SAME_VALUE)


def ids_by_rank(
    session: Session, query: Select[Any], ranks: Sequence[str], *, descending: bool
) -> array[int]:
    """Ids of ``query`` (which selects the id and the ranked value, ordered by id) grouped by
    value in ``ranks`` order, values not in ``ranks`` last; ties in id order. ``descending``
    reverses both, as ``ORDER BY rank DESC, id DESC`` would."""
    buckets = {value: array("q") for value in ranks}
    rest: array[int] = array("q")
    result = session.connection().execute(query)
    try:
        for row_id, value in _rows(result.cursor):
            buckets.get(value, rest).append(row_id)
    finally:
        result.close()
    ordered = [*(buckets[value] for value in ranks), rest]
    if descending:
        ordered.reverse()
        for bucket in ordered:
            bucket.reverse()
    out: array[int] = array("q")
    for bucket in ordered:
        out.extend(bucket)
    return out


def _rows(cursor: Any) -> Iterable[tuple[Any, ...]]:
    """A sqlite3 cursor iterates its rows (the DBAPI protocol type does not say so)."""
    return cast(Iterable[tuple[Any, ...]], cursor)
