"""Ordered id lists for the big tables, read as cheaply as SQLite and Python allow.

The Orders and Listings tables keep every id of the current filter and sort (100,000 on a big
shop) and re-read them on each refresh, so how they are read is most of a refresh's cost:

* :func:`fetch_ids` reads the ids of a one-column query straight from the DBAPI cursor into
  an ``array('q')``: no SQLAlchemy ``Row`` per id (half the time), and 8 bytes per id instead
  of a Python int and a list slot (about a quarter of the memory).
* :func:`ids_in_order` orders a filtered set (a status, a tab) by another column: SQLite
  would read every match then sort them (120-350 ms for 70,000 of 100,000 orders); a large
  set is instead picked out of the whole table's order, read from the sort index (~40 ms).
* :func:`unindexed` hides a column from SQLite's planner where an index would cost more than
  it saves: with a substring search every row is read anyway, and reading them through a sort
  index (random page order) took 3-4 times as long as a plain scan followed by a sort.
* :func:`rank_expression` is a status's rank (lifecycle order, not alphabetical) as an
  expression an index can be built on, so that sort too walks an index.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterable, Sequence
from typing import Any, cast

from sqlalchemy import ColumnElement, case, literal, select
from sqlalchemy.orm import Session
from sqlalchemy.sql import Select
from sqlalchemy.sql.elements import UnaryExpression
from sqlalchemy.sql.operators import custom_op

SORT_IN_SQL = 5_000  # a filtered set this small is sorted by SQLite: cheaper than the index walk

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


def ids_in_order(
    session: Session,
    query: Select[Any],
    key: ColumnElement[Any],
    row_id: ColumnElement[int],
    *,
    descending: bool,
    narrowed: bool,
) -> array[int]:
    """The ids ``query`` selects, ordered by ``key`` then ``row_id`` (both descending if
    asked). ``narrowed``: the query filters on what the sort index does not hold, so SQLite
    would sort the matches itself; more than ``SORT_IN_SQL`` of them are then kept in the
    order of every row, which the index gives."""
    if narrowed:
        wanted = fetch_ids(session, query)
        if len(wanted) > SORT_IN_SQL:
            keep = set(wanted)
            every = fetch_ids(session, _ordered(select(row_id), key, row_id, descending))
            return array("q", filter(keep.__contains__, every))
    return fetch_ids(session, _ordered(query, key, row_id, descending))


def _ordered(
    query: Select[Any], key: ColumnElement[Any], row_id: ColumnElement[int], descending: bool
) -> Select[Any]:
    if descending:
        return query.order_by(key.desc(), row_id.desc())
    return query.order_by(key.asc(), row_id.asc())


def unindexed(column: ColumnElement[Any]) -> ColumnElement[Any]:
    """``column`` as ``+column``: the same value, for which SQLite will not use an index."""
    return UnaryExpression(column, operator=_SAME_VALUE)


def rank_expression(column: ColumnElement[Any], values: Sequence[str]) -> ColumnElement[Any]:
    """``column``'s rank in ``values`` (the lifecycle order of a status, not its alphabetical
    order; values not listed rank last), with the values written into the SQL rather than
    bound: an index on this expression and a query sorting by it are then the same
    expression, which is the only way SQLite uses an expression index."""
    whens = [(column == _written(value), _written(rank)) for rank, value in enumerate(values)]
    return case(*whens, else_=_written(len(values)))


def _written(value: str | int) -> ColumnElement[Any]:
    return literal(value, literal_execute=True)


def _rows(cursor: Any) -> Iterable[tuple[Any, ...]]:
    """A sqlite3 cursor iterates its rows (the DBAPI protocol type does not say so)."""
    return cast(Iterable[tuple[Any, ...]], cursor)
