"""The order dashboard's questions, answered in SQL: which ids, how many of each, which rows.

The Qt table model (``views/tables/orders.py``) keeps only the ordered ids :func:`order_ids`
returns and asks :func:`rows_by_ids` for the ~200 rows around what is on screen, so 100,000
orders cost one id query instead of 100,000 objects (the shape of Anki's browser table).
Filtering, sorting and search all happen here, in SQL, so what the merchant sees is always what
the database holds.

"Due today", "overdue" and "buyer asked to cancel" only concern orders still open to ship:
Walmart cancels late orders by itself, so these are the ones that need the merchant now.
Days are the merchant's local days: every function takes ``now`` as an aware datetime in the
merchant's time zone and derives day bounds from its offset.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta, tzinfo
from decimal import Decimal
from enum import StrEnum
from typing import Any, TypeVar, cast

from sqlalchemy import ColumnElement, and_, case, exists, false, func, or_, select
from sqlalchemy.orm import Session
from sqlalchemy.sql import Select

from channelmanager_gui.models.db import Database
from channelmanager_gui.models.order import (
    CUSTOMER_INDEX,
    STATUS_RANK_INDEX,
    Order,
    OrderLine,
    OrderStatus,
    Shipment,
)
from channelmanager_gui.models.order import STATUS_ORDER as STATUS_ORDER  # for the views
from channelmanager_gui.models.sorted_ids import ids_in_order, unindexed

# Statuses in which goods may still have to leave the warehouse. An order in Error may be
# anywhere in its life, so for Error the lines themselves are asked.
_SHIPPABLE = (
    OrderStatus.IMPORTED,
    OrderStatus.ACKNOWLEDGED,
    OrderStatus.CREATED,
    OrderStatus.PARTIALLY_SHIPPED,
)
_ROW_FIELDS = (
    "id", "marketplace", "marketplace_order_id", "commerce_increment_id", "customer_order_id",
    "order_date", "customer_name", "total", "currency", "estimated_ship_date", "status", "error",
    "error_step",
)  # fmt: skip
_ROW_COLUMNS = tuple(getattr(Order, name) for name in _ROW_FIELDS)
_Query = TypeVar("_Query", bound=Select[*tuple[Any, ...]])
PAGE_LIMIT = 500  # rows_by_ids takes at most this many ids (SQLite bound-parameter headroom)


class Attention(StrEnum):
    """Why an order needs the merchant now."""

    ERROR = "error"
    OVERDUE = "overdue"
    DUE_TODAY = "due_today"
    CANCEL_REQUESTED = "cancel_requested"


class SortColumn(StrEnum):
    """Sortable columns; the value is the ``Order`` attribute."""

    PURCHASE_ORDER = "marketplace_order_id"
    COMMERCE_ORDER = "commerce_increment_id"
    CUSTOMER_ORDER = "customer_order_id"
    ORDER_DATE = "order_date"
    CUSTOMER = "customer_name"
    TOTAL = "total"
    SHIP_BY = "estimated_ship_date"
    STATUS = "status"
    MARKETPLACE = "marketplace"  # ix_orders_marketplace (0010) holds this order


@dataclass(frozen=True)
class OrderFilter:
    """What the merchant narrowed the list to; empty fields do not filter."""

    store_id: int | None = None
    status: str | None = None
    attention: Attention | None = None
    date_from: date | None = None  # local days, inclusive
    date_to: date | None = None
    search: str = ""
    marketplace: str | None = None  # 'walmart' | 'amazon' (``models.account``), None for both


@dataclass(frozen=True)
class OrderSort:
    column: SortColumn = SortColumn.ORDER_DATE
    descending: bool = True


@dataclass(frozen=True)
class OrderCounts:
    """How many orders of the store/date/search scope have each status and need attention."""

    total: int = 0
    by_status: dict[str, int] = field(default_factory=dict)
    attention: dict[Attention, int] = field(default_factory=dict)


@dataclass(frozen=True)
class OrderRow:
    """One line of the dashboard, with the attention flags already decided."""

    id: int
    marketplace: str
    marketplace_order_id: str
    commerce_increment_id: str | None
    customer_order_id: str
    order_date: datetime
    customer_name: str
    total: Decimal
    currency: str
    estimated_ship_date: datetime | None
    status: str
    error: str | None
    error_step: str | None
    flags: frozenset[Attention]


def local_day_bounds(day: date, zone: tzinfo | None) -> tuple[datetime, datetime]:
    """Start of ``day`` and of the next day in ``zone`` (a fixed offset: a DST change inside
    the day shifts the bound by an hour, which only matters for orders placed at that hour)."""
    start = datetime.combine(day, time(0), tzinfo=zone)
    return start, start + timedelta(days=1)


def open_to_ship() -> ColumnElement[bool]:
    """Orders with units neither shipped nor cancelled and no cancellation under way."""
    open_line = exists().where(
        OrderLine.order_id == Order.id,
        OrderLine.qty_ordered > OrderLine.qty_shipped + OrderLine.qty_cancelled,
    )
    return and_(
        Order.cancel_reason.is_(None),
        or_(
            Order.status.in_([s.value for s in _SHIPPABLE]),
            and_(Order.status == OrderStatus.ERROR.value, open_line),
        ),
    )


def attention_clause(kind: Attention, now: datetime) -> ColumnElement[bool]:
    """The SQL condition for one attention kind at ``now``."""
    if kind is Attention.ERROR:
        return Order.status == OrderStatus.ERROR.value
    if kind is Attention.CANCEL_REQUESTED:
        return and_(Order.intent_to_cancel.is_(True), open_to_ship())
    ship_by = Order.estimated_ship_date
    if kind is Attention.OVERDUE:
        return and_(ship_by.is_not(None), ship_by < now, open_to_ship())
    _, tomorrow = local_day_bounds(now.date(), now.tzinfo)
    return and_(ship_by >= now, ship_by < tomorrow, open_to_ship())


@dataclass(frozen=True)
class Listing:
    """What one refresh of the dashboard needs: the ordered ids and, unless only the sort or
    the status/attention choice changed (they do not change the counts), the counts."""

    ids: Sequence[int]
    counts: OrderCounts | None


def load_listing(
    db: Database, flt: OrderFilter, sort: OrderSort, now: datetime, *, with_counts: bool = True
) -> Listing:
    """Ids and counts in one read transaction (consistent with each other); safe to call
    from a worker thread, which is where the window calls it."""
    with db.session() as session:
        ids = order_ids(session, flt, sort, now)
        return Listing(ids, order_counts(session, flt, now) if with_counts else None)


def order_ids(session: Session, flt: OrderFilter, sort: OrderSort, now: datetime) -> Sequence[int]:
    """Ids of the orders matching ``flt``, in ``sort`` order (ties broken by id).

    Every sort key has an index (migration 0006), so SQLite walks it instead of sorting;
    a status or attention choice is picked out of that order (``ids_in_order``), except a
    status in date order, which its own index gives."""
    query = _scoped(select(Order.id), flt, now)
    if flt.status:
        query = query.where(Order.status == flt.status)
    if flt.attention is not None:
        query = query.where(attention_clause(flt.attention, now))
    key = _sort_key(sort.column)
    searched = bool(flt.search.strip())
    if searched:
        key = unindexed(key)  # every row is read for the search: scan, then sort the hits
    by_status_index = flt.attention is None and sort.column is SortColumn.ORDER_DATE
    # The marketplace is in no sort index: a marketplace choice is picked out of the sort
    # order like a status (its own index reads the chosen ids).
    narrowed = not searched and (
        bool(flt.marketplace) or (bool(flt.status or flt.attention) and not by_status_index)
    )
    return ids_in_order(
        session, query, key, Order.id.expression, descending=sort.descending, narrowed=narrowed
    )


_COUNTED = (Attention.OVERDUE, Attention.DUE_TODAY, Attention.CANCEL_REQUESTED)


def order_counts(session: Session, flt: OrderFilter, now: datetime) -> OrderCounts:
    """Counts per status and per attention kind over the store, date range and search of
    ``flt`` (its status and attention choices are ignored, so every choice shows its count).

    Without a search, two passes that each read only what they need: the status counts from
    the status index alone, the attention counts from the orders that may still need shipping
    (few). A search reads every row anyway: then one scan counts everything."""
    sums = [func.sum(case((attention_clause(k, now), 1), else_=0)) for k in _COUNTED]
    if flt.search.strip():
        query = _scoped(select(Order.status, func.count(), *sums), flt, now)
        rows = session.execute(query.group_by(unindexed(Order.status.expression))).all()
        by_status = {row[0]: int(row[1]) for row in rows}
        flagged = [sum(int(row[2 + i] or 0) for row in rows) for i in range(len(_COUNTED))]
    else:
        by_status_q = _scoped(select(Order.status, func.count()), flt, now)
        by_status = dict(session.execute(by_status_q.group_by(Order.status)).all())
        may_ship = Order.status.in_([s.value for s in (*_SHIPPABLE, OrderStatus.ERROR)])
        values = session.execute(_scoped(select(*sums), flt, now).where(may_ship)).one()
        flagged = [int(value or 0) for value in values]
    attention = dict(zip(_COUNTED, flagged, strict=True))
    attention[Attention.ERROR] = by_status.get(OrderStatus.ERROR.value, 0)
    return OrderCounts(total=sum(by_status.values()), by_status=by_status, attention=attention)


def rows_by_ids(session: Session, ids: Sequence[int], now: datetime) -> dict[int, OrderRow]:
    """The rows for ``ids`` (at most ``PAGE_LIMIT``); ids that no longer exist are absent."""
    if len(ids) > PAGE_LIMIT:
        raise ValueError(f"rows_by_ids takes at most {PAGE_LIMIT} ids, got {len(ids)}")
    if not ids:
        return {}
    kinds = [Attention.OVERDUE, Attention.DUE_TODAY, Attention.CANCEL_REQUESTED]
    flag_columns = [case((attention_clause(k, now), True), else_=False) for k in kinds]
    # Plain columns, not ORM entities: a page of rows is built many times while scrolling.
    query = select(*_ROW_COLUMNS, *flag_columns).where(Order.id.in_(list(ids)))
    rows: dict[int, OrderRow] = {}
    width = len(_ROW_COLUMNS)
    for record in session.execute(query):
        values = dict(zip(_ROW_FIELDS, record[:width], strict=True))
        flags = {k for k, on in zip(kinds, record[width:], strict=True) if on}
        if values["status"] == OrderStatus.ERROR:
            flags.add(Attention.ERROR)
        values["customer_name"] = values["customer_name"] or ""
        values["currency"] = values["currency"] or "USD"
        row = OrderRow(**values, flags=frozenset(flags))
        rows[row.id] = row
    return rows


def search_clause(text: str) -> ColumnElement[bool]:
    """Order numbers (Walmart PO, customer order, Commerce order), customer name as a
    substring, or an exact tracking number; an empty text matches nothing."""
    words = text.strip()
    if not words:
        return false()
    pattern = "%" + words.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
    columns = (
        Order.marketplace_order_id,
        Order.customer_order_id,
        Order.commerce_increment_id,
        Order.customer_name,
    )
    tracked = select(Shipment.order_id).where(Shipment.tracking_number == words)
    return or_(*(col.like(pattern, escape="\\") for col in columns), Order.id.in_(tracked))


def _scoped(query: _Query, flt: OrderFilter, now: datetime) -> _Query:
    """Store, marketplace, date range and search: the scope the list and the counts share."""
    if flt.store_id is not None:
        query = query.where(Order.store_id == flt.store_id)
    if flt.marketplace:
        query = query.where(Order.marketplace == flt.marketplace)
    if flt.date_from is not None:
        query = query.where(Order.order_date >= local_day_bounds(flt.date_from, now.tzinfo)[0])
    if flt.date_to is not None:
        query = query.where(Order.order_date < local_day_bounds(flt.date_to, now.tzinfo)[1])
    if flt.search.strip():
        query = query.where(search_clause(flt.search))
    return query


def _sort_key(column: SortColumn) -> ColumnElement[object]:
    # Customer and status sort by the indexed expressions themselves, so SQLite reads the
    # order from the index (it only matches an identical expression).
    if column is SortColumn.CUSTOMER:
        return cast(ColumnElement[object], CUSTOMER_INDEX.expressions[0])
    if column is SortColumn.STATUS:
        return cast(ColumnElement[object], STATUS_RANK_INDEX.expressions[0])
    attribute: ColumnElement[object] = getattr(Order, column.value)
    return attribute
