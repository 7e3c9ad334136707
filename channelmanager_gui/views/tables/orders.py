"""The order dashboard's table model: order ids in SQL order, rows loaded a page at a time.

Built on :class:`~channelmanager_gui.views.tables.paged.CountedIdModel` (the Anki-style id table
the Listings and Activity tables share): the filter and sort run in SQL
(``models/order_table_queries.py``) and return ids only; ``data()`` loads the ~200 rows around
the one asked for, so 100,000 orders open with one id query and scroll with one small query per
page. The id query and the counts come back together (``load_listing``), through the injected
runner (a worker thread in the window, inline in tests); the counts are left out when only the
sort or the status/attention choice changed, as they count every status and attention kind of
the same scope anyway.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QBrush

from channelmanager_gui.models.db import Database
from channelmanager_gui.models.order_table_queries import (
    Attention,
    Listing,
    OrderCounts,
    OrderFilter,
    OrderRow,
    OrderSort,
    SortColumn,
    load_listing,
    rows_by_ids,
)
from channelmanager_gui.text_marks import N_
from channelmanager_gui.views.i18n import order_status
from channelmanager_gui.views.locale_format import date_text, date_time_text, money_text, time_text
from channelmanager_gui.views.marketplace_filter import marketplace_name
from channelmanager_gui.views.tables.paged import ID_ROLE, RIGHT, CountedIdModel
from channelmanager_gui.views.theme import brush

Clock = Callable[[], datetime]

ORDER_ID_ROLE = ID_ROLE  # int
STATUS_ROLE = Qt.ItemDataRole.UserRole + 2  # the status text, for the pill
NOTE_ROLE = Qt.ItemDataRole.UserRole + 3  # why the row stands out (error text, buyer request)
FLAGS_ROLE = Qt.ItemDataRole.UserRole + 4  # frozenset[Attention]

UNLOADABLE = N_("Labels", "This order could not be loaded")


@dataclass(frozen=True)
class Column:
    title: str
    sort: SortColumn


COLUMNS: tuple[Column, ...] = (
    Column(N_("Labels", "Marketplace order"), SortColumn.PURCHASE_ORDER),
    Column(N_("Labels", "Commerce order"), SortColumn.COMMERCE_ORDER),
    Column(N_("Labels", "Customer order"), SortColumn.CUSTOMER_ORDER),
    Column(N_("Labels", "Date"), SortColumn.ORDER_DATE),
    Column(N_("Labels", "Customer"), SortColumn.CUSTOMER),
    Column(N_("Labels", "Total"), SortColumn.TOTAL),
    Column(N_("Labels", "Ship by"), SortColumn.SHIP_BY),
    Column(N_("Labels", "Status"), SortColumn.STATUS),
    Column(N_("Labels", "Marketplace"), SortColumn.MARKETPLACE),  # last: saved layouts keep theirs
)
COL_PO, COL_COMMERCE, COL_CUSTOMER_ORDER, COL_DATE, COL_CUSTOMER, COL_TOTAL, COL_SHIP_BY = range(7)
COL_STATUS, COL_MARKETPLACE = 7, 8
_MONO_COLUMNS = frozenset({COL_PO, COL_COMMERCE, COL_CUSTOMER_ORDER})

# Row tints, strongest reason first; the text of the row always says the same thing, so the
# meaning never rests on colour alone (UX.md). Colour names: ``brush`` reads the current palette.
_TINTS = (
    (Attention.ERROR, "ERROR_TINT"),
    (Attention.CANCEL_REQUESTED, "CANCEL_TINT"),
    (Attention.OVERDUE, "OVERDUE_TINT"),
    (Attention.DUE_TODAY, "DUE_TODAY_TINT"),
)


class OrdersTableModel(CountedIdModel[OrderRow, OrderFilter]):
    """Rows are orders in the current filter and sort; see the module docstring.

    ``counts_changed(OrderCounts)`` follows every refresh, for the status filter and badges.
    """

    titles = tuple(column.title for column in COLUMNS)
    unloadable = UNLOADABLE

    def __init__(self, db: Database, *, clock: Clock, **options: Any) -> None:
        """``options``: the runner, page size and parent of :class:`PagedIdModel`."""
        super().__init__(db, OrderFilter(), OrderCounts(), sort=OrderSort(), **options)
        self._clock = clock

    def current_sort(self) -> OrderSort:
        return self._sort  # type: ignore[return-value]

    def sort_column(self) -> int:
        return next(i for i, c in enumerate(COLUMNS) if c.sort is self.current_sort().column)

    # -- PagedIdModel hooks --------------------------------------------------------------------

    def sort_for(self, column: int, descending: bool) -> OrderSort | None:
        return OrderSort(COLUMNS[column].sort, descending) if 0 <= column < len(COLUMNS) else None

    def counted_scope(self, flt: OrderFilter) -> OrderFilter:
        """What the counts depend on: not the status or attention choice (each is counted)."""
        return replace(flt, status=None, attention=None)

    def query_ids(self) -> Callable[[], Listing]:
        db, flt, sort, now = self._db, self._filter, self.current_sort(), self._clock()
        counts = self.counts_needed()
        return lambda: load_listing(db, flt, sort, now, with_counts=counts)

    def load_rows(self, ids: Sequence[int]) -> dict[int, OrderRow]:
        with self._db.session() as session:
            return rows_by_ids(session, ids, self._clock())

    def header_alignment(self, section: int) -> int | None:
        return RIGHT if section == COL_TOTAL else None

    def display_texts(self, row: OrderRow) -> Sequence[str]:
        now = self._clock()
        return tuple(display_text(row, column, now) for column in range(len(COLUMNS)))

    def cell(self, row: OrderRow, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.BackgroundRole:
            return next((brush(tint) for kind, tint in _TINTS if kind in row.flags), None)
        if role == Qt.ItemDataRole.FontRole:
            return self.mono_font() if column in _MONO_COLUMNS else None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return RIGHT if column == COL_TOTAL else None
        if role == Qt.ItemDataRole.ForegroundRole:
            return ship_by_brush(row) if column == COL_SHIP_BY else None
        if role == STATUS_ROLE:
            return row.status
        if role == NOTE_ROLE:
            return status_note(row)
        if role == FLAGS_ROLE:
            return row.flags
        if role == Qt.ItemDataRole.ToolTipRole:
            return row_tooltip(row)
        return None


def ship_by_brush(row: OrderRow) -> QBrush | None:
    if Attention.OVERDUE in row.flags:
        return brush("PROBLEM_TEXT")
    if Attention.DUE_TODAY in row.flags:
        return brush("AMBER_TEXT")
    return None


def display_text(row: OrderRow, column: int, now: datetime) -> str:
    """The text of one cell (module-level so the page can copy rows as text)."""
    zone = now.tzinfo
    if column == COL_PO:
        return row.marketplace_order_id
    if column == COL_COMMERCE:
        return row.commerce_increment_id or "—"
    if column == COL_CUSTOMER_ORDER:
        return row.customer_order_id
    if column == COL_DATE:
        return date_time_text(row.order_date.astimezone(zone))
    if column == COL_CUSTOMER:
        return row.customer_name
    if column == COL_TOTAL:
        return money(row.total, row.currency)
    if column == COL_SHIP_BY:
        return ship_by_text(row, now)
    if column == COL_MARKETPLACE:
        return marketplace_name(row.marketplace)
    return order_status(row.status)


def money(amount: Decimal, currency: str) -> str:
    return money_text(amount, currency)


def ship_by_text(row: OrderRow, now: datetime) -> str:
    if row.estimated_ship_date is None:
        return ""
    moment = row.estimated_ship_date.astimezone(now.tzinfo)
    if Attention.OVERDUE in row.flags:
        return QCoreApplication.translate("OrdersTable", "Overdue · {date}").format(
            date=date_text(moment)
        )
    if Attention.DUE_TODAY in row.flags:
        return QCoreApplication.translate("OrdersTable", "Today {time}").format(
            time=time_text(moment)
        )
    return date_text(moment)


def status_note(row: OrderRow) -> str:
    """Why a row stands out, said next to its status pill."""
    if Attention.ERROR in row.flags and row.error:
        return row.error.splitlines()[0]
    if Attention.CANCEL_REQUESTED in row.flags:
        return QCoreApplication.translate("OrdersTable", "Buyer asked to cancel")
    return ""


def row_tooltip(row: OrderRow) -> str:
    parts = []
    if Attention.ERROR in row.flags:
        error = row.error or QCoreApplication.translate("OrdersTable", "unknown")
        parts.append(
            QCoreApplication.translate(
                "OrdersTable", "Error: {error} — open the order to retry."
            ).format(error=error)
        )
    if Attention.CANCEL_REQUESTED in row.flags:
        parts.append(
            QCoreApplication.translate(
                "OrdersTable",
                "The buyer asked {marketplace} to cancel: cancel the order, or ship it anyway.",
            ).format(marketplace=marketplace_name(row.marketplace))
        )
    if Attention.OVERDUE in row.flags:
        # Walmart cancels late orders itself; the Amazon reference says nothing of it.
        if row.marketplace == "walmart":
            late = QCoreApplication.translate(
                "OrdersTable", "The ship-by date has passed; Walmart cancels late orders by itself."
            )
        else:
            late = QCoreApplication.translate("OrdersTable", "The ship-by date has passed.")
        parts.append(late)
    if Attention.DUE_TODAY in row.flags:
        parts.append(QCoreApplication.translate("OrdersTable", "Must ship today."))
    return "\n".join(parts)
