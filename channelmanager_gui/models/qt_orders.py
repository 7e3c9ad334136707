"""The order dashboard's table model: it holds order ids, and loads rows a page at a time.

Modelled on Anki's browser table (``qt/aqt/browser/table/model.py``): the filter and sort run
in SQL (``order_queries``) and return ids only; ``data()`` loads the ~200 rows around the one
asked for in one query and caches a bounded number of pages, so 100,000 orders open with one
id query and scroll with one small query per page. The scroll bar is honest (``rowCount`` is
every match), unlike ``fetchMore`` paging, which would make the merchant scroll to the end to
learn how many orders there are.

The id query itself may take a moment on a big shop, so it goes through an injected *runner*
(the page passes one that works in a thread via the op runner); the default runs inline, which
is what tests and ``qtmodeltester`` use. A stale answer (the filter changed meanwhile) is
dropped. A page that fails to load marks its rows disabled instead of raising out of ``data``.
"""

from __future__ import annotations

import logging
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont, QFontDatabase

from channelmanager_gui.models.db import Database
from channelmanager_gui.models.order_queries import (
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

log = logging.getLogger(__name__)

T = TypeVar("T")
Runner = Callable[[Callable[[], T], Callable[[T], None]], None]
Clock = Callable[[], datetime]
Index = QModelIndex | QPersistentModelIndex

ORDER_ID_ROLE = Qt.ItemDataRole.UserRole + 1  # int
STATUS_ROLE = Qt.ItemDataRole.UserRole + 2  # the status text, for the pill
NOTE_ROLE = Qt.ItemDataRole.UserRole + 3  # why the row stands out (error text, buyer request)
FLAGS_ROLE = Qt.ItemDataRole.UserRole + 4  # frozenset[Attention]

UNLOADABLE = "This order could not be loaded"


@dataclass(frozen=True)
class Column:
    title: str
    sort: SortColumn


COLUMNS: tuple[Column, ...] = (
    Column("Walmart PO", SortColumn.PURCHASE_ORDER),
    Column("Commerce order", SortColumn.COMMERCE_ORDER),
    Column("Customer order", SortColumn.CUSTOMER_ORDER),
    Column("Date", SortColumn.ORDER_DATE),
    Column("Customer", SortColumn.CUSTOMER),
    Column("Total", SortColumn.TOTAL),
    Column("Ship by", SortColumn.SHIP_BY),
    Column("Status", SortColumn.STATUS),
)
COL_PO, COL_COMMERCE, COL_CUSTOMER_ORDER, COL_DATE, COL_CUSTOMER, COL_TOTAL, COL_SHIP_BY = range(7)
COL_STATUS = 7
_MONO_COLUMNS = frozenset({COL_PO, COL_COMMERCE, COL_CUSTOMER_ORDER})

# Row tints, strongest reason first; the text of the row always says the same thing, so the
# meaning never rests on colour alone (UX.md).
_TINTS = (
    (Attention.ERROR, "#fdecec"),
    (Attention.CANCEL_REQUESTED, "#f3ecfd"),
    (Attention.OVERDUE, "#fff0e0"),
    (Attention.DUE_TODAY, "#fff8d6"),
)
_OVERDUE_TEXT, _TODAY_TEXT = QColor("#b42318"), QColor("#92400e")


def run_inline(work: Callable[[], T], deliver: Callable[[T], None]) -> None:
    deliver(work())


class OrdersTableModel(QAbstractTableModel):
    """Rows are orders in the current filter and sort; see the module docstring.

    ``counts_changed(OrderCounts)`` follows every refresh, for the status filter and badges.
    """

    counts_changed = Signal(object)

    def __init__(
        self,
        db: Database,
        *,
        clock: Clock,
        runner: Runner[Listing] = run_inline,
        page_size: int = 200,
        max_pages: int = 25,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._db = db
        self._clock = clock
        self._runner = runner
        self._page_size = page_size
        self._max_pages = max_pages
        self._filter = OrderFilter()
        self._sort = OrderSort()
        self._ids: list[int] = []
        self._row_of: dict[int, int] | None = None
        self._pages: OrderedDict[int, dict[int, OrderRow | None]] = OrderedDict()
        self._generation = 0
        self._mono: QFont | None = None
        self.counts = OrderCounts()

    # -- what is listed ------------------------------------------------------------------------

    def set_filter(self, flt: OrderFilter) -> None:
        self._filter = flt
        self.refresh()

    def current_filter(self) -> OrderFilter:
        return self._filter

    def current_sort(self) -> OrderSort:
        return self._sort

    def refresh(self) -> None:
        """Query the ids again (after a change or a new filter); rows reload lazily."""
        self._generation += 1
        generation = self._generation
        flt, sort, now = self._filter, self._sort, self._clock()
        self._runner(
            lambda: load_listing(self._db, flt, sort, now),
            lambda listing: self._on_listing_loaded(generation, listing),
        )

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(COLUMNS):
            return
        descending = order == Qt.SortOrder.DescendingOrder
        self._sort = OrderSort(COLUMNS[column].sort, descending)
        self.refresh()

    def sort_column(self) -> int:
        return next(i for i, c in enumerate(COLUMNS) if c.sort is self._sort.column)

    # -- lookups for the page ------------------------------------------------------------------

    def order_id(self, row: int) -> int:
        return self._ids[row]

    def ids(self) -> list[int]:
        """Every listed id in order (read-only: the page maps selections with it)."""
        return self._ids

    def row_of(self, order_id: int) -> int | None:
        if self._row_of is None:
            self._row_of = {oid: row for row, oid in enumerate(self._ids)}
        return self._row_of.get(order_id)

    def order_row(self, row: int) -> OrderRow | None:
        """The loaded row (loading its page if needed); None when it cannot be loaded."""
        page = self._page(row // self._page_size)
        return page.get(self._ids[row])

    def loaded_row_count(self) -> int:
        """How many rows are in the cache now (tests assert paging with this)."""
        return sum(len(page) for page in self._pages.values())

    # -- Qt model API --------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt signature)
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(COLUMNS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section].title
        if role == Qt.ItemDataRole.TextAlignmentRole and section == COL_TOTAL:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if self.order_row(index.row()) is None:
            return Qt.ItemFlag.NoItemFlags  # shown disabled, cannot be selected or opened
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._ids):
            return None
        if role == ORDER_ID_ROLE:
            return self._ids[index.row()]
        row = self.order_row(index.row())
        if row is None:
            return _unloadable(index.column(), role)
        if role == Qt.ItemDataRole.DisplayRole:
            return display_text(row, index.column(), self._clock())
        return self._decoration(row, index.column(), role)

    # -- internals -----------------------------------------------------------------------------

    def _decoration(self, row: OrderRow, column: int, role: int) -> Any:
        if role == STATUS_ROLE:
            return row.status
        if role == NOTE_ROLE:
            return status_note(row)
        if role == FLAGS_ROLE:
            return row.flags
        if role == Qt.ItemDataRole.ToolTipRole:
            return row_tooltip(row)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == COL_TOTAL:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.FontRole and column in _MONO_COLUMNS:
            return self._mono_font()
        if role == Qt.ItemDataRole.BackgroundRole:
            tint = next((colour for kind, colour in _TINTS if kind in row.flags), None)
            return QBrush(QColor(tint)) if tint else None
        if role == Qt.ItemDataRole.ForegroundRole and column == COL_SHIP_BY:
            if Attention.OVERDUE in row.flags:
                return QBrush(_OVERDUE_TEXT)
            if Attention.DUE_TODAY in row.flags:
                return QBrush(_TODAY_TEXT)
        return None

    def _mono_font(self) -> QFont:
        if self._mono is None:
            self._mono = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        return self._mono

    def _page(self, number: int) -> dict[int, OrderRow | None]:
        page = self._pages.get(number)
        if page is not None:
            self._pages.move_to_end(number)
            return page
        start = number * self._page_size
        ids = self._ids[start : start + self._page_size]
        page = self._load_page(ids)
        self._pages[number] = page
        while len(self._pages) > self._max_pages:
            self._pages.popitem(last=False)
        return page

    def _load_page(self, ids: list[int]) -> dict[int, OrderRow | None]:
        """Rows of ``ids``; an id gone since the id query, or a failed query, gives None."""
        try:
            with self._db.session() as session:
                found: dict[int, OrderRow] = rows_by_ids(session, ids, self._clock())
        except Exception:  # data() must never raise into Qt; the rows show as disabled
            log.exception("loading %d order rows failed", len(ids))
            found = {}
        return {order_id: found.get(order_id) for order_id in ids}

    def _on_listing_loaded(self, generation: int, listing: Listing) -> None:
        if generation != self._generation:
            return  # a newer filter or refresh is on its way
        self.beginResetModel()
        self._ids = listing.ids
        self._row_of = None
        self._pages.clear()
        self.endResetModel()
        self.counts = listing.counts
        self.counts_changed.emit(listing.counts)


def display_text(row: OrderRow, column: int, now: datetime) -> str:
    """The text of one cell (module-level so the page can copy rows as text)."""
    zone = now.tzinfo
    if column == COL_PO:
        return row.purchase_order_id
    if column == COL_COMMERCE:
        return row.commerce_increment_id or "—"
    if column == COL_CUSTOMER_ORDER:
        return row.customer_order_id
    if column == COL_DATE:
        return row.order_date.astimezone(zone).strftime("%Y-%m-%d %H:%M")
    if column == COL_CUSTOMER:
        return row.customer_name
    if column == COL_TOTAL:
        return money(row.total, row.currency)
    if column == COL_SHIP_BY:
        return ship_by_text(row, now)
    return row.status


def money(amount: float, currency: str) -> str:
    return f"${amount:,.2f}" if currency == "USD" else f"{amount:,.2f} {currency}"


def ship_by_text(row: OrderRow, now: datetime) -> str:
    if row.estimated_ship_date is None:
        return ""
    moment = row.estimated_ship_date.astimezone(now.tzinfo)
    if Attention.OVERDUE in row.flags:
        return f"Overdue · {moment:%Y-%m-%d}"
    if Attention.DUE_TODAY in row.flags:
        return f"Today {moment:%H:%M}"
    return f"{moment:%Y-%m-%d}"


def status_note(row: OrderRow) -> str:
    """Why a row stands out, said next to its status pill."""
    if Attention.ERROR in row.flags and row.error:
        return row.error.splitlines()[0]
    if Attention.CANCEL_REQUESTED in row.flags:
        return "Buyer asked to cancel"
    return ""


def row_tooltip(row: OrderRow) -> str:
    parts = []
    if Attention.ERROR in row.flags:
        parts.append(f"Error: {row.error or 'unknown'} — open the order to retry.")
    if Attention.CANCEL_REQUESTED in row.flags:
        parts.append("The buyer asked Walmart to cancel: cancel the order, or ship it anyway.")
    if Attention.OVERDUE in row.flags:
        parts.append("The ship-by date has passed; Walmart cancels late orders by itself.")
    if Attention.DUE_TODAY in row.flags:
        parts.append("Must ship today.")
    return "\n".join(parts)


def _unloadable(column: int, role: int) -> Any:
    if role == Qt.ItemDataRole.DisplayRole:
        return UNLOADABLE if column == COL_PO else ""
    if role == Qt.ItemDataRole.ToolTipRole:
        return f"{UNLOADABLE} (it may have just been removed); refresh to try again."
    return None
