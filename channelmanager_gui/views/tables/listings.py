"""The Listings table model: listing ids for the current tab, search and sort; rows by page.

Money and quantities are right-aligned, ids monospace; the state is given as text for the pill
delegate (``STATE_ROLE``) and every problem is said in words, never by colour alone (UX.md).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QCoreApplication, QSize, Qt
from PySide6.QtWidgets import QAbstractItemView

from channelmanager_gui import identifier_problems as said_id
from channelmanager_gui.models.db import Database
from channelmanager_gui.models.listing import ListingState
from channelmanager_gui.models.listing_table_queries import (
    ListingCounts,
    ListingFilter,
    ListingIds,
    ListingRow,
    ListingSort,
    ListingSortColumn,
    MatchGroup,
    load_ids,
    rows_by_ids,
)
from channelmanager_gui.services.amazon import tab_reasons as said
from channelmanager_gui.text_marks import N_
from channelmanager_gui.views.i18n import core, listing_state
from channelmanager_gui.views.locale_format import date_time_text, money_text, number_text
from channelmanager_gui.views.marketplace_filter import marketplace_name
from channelmanager_gui.views.tables.paged import RIGHT, CountedIdModel
from channelmanager_gui.views.theme import brush
from channelmanager_gui.views.thumbnails import ThumbnailLoader

STATE_ROLE = Qt.ItemDataRole.UserRole + 2  # the state text, for the pill delegate
ERROR_ROLE = Qt.ItemDataRole.UserRole + 3  # the problem in words, or ""


@dataclass(frozen=True)
class Column:
    title: str
    sort: ListingSortColumn


# Most needed first: what it is, its state and problem, then Commerce next to the marketplace
# for price and stock so a difference is seen at a glance; ids last (the marketplace column is
# moved to the front on screen).
COLUMNS: tuple[Column, ...] = (
    Column(N_("Labels", "SKU"), ListingSortColumn.SKU),
    Column(N_("Labels", "Name"), ListingSortColumn.NAME),
    Column(N_("Labels", "State"), ListingSortColumn.STATE),
    Column(N_("Labels", "Price"), ListingSortColumn.PRICE),
    Column(N_("Labels", "Price sent"), ListingSortColumn.PRICE_SENT),
    Column(N_("Labels", "Stock"), ListingSortColumn.QTY),
    Column(N_("Labels", "Stock sent"), ListingSortColumn.QTY_SENT),
    Column(N_("Labels", "Last sent"), ListingSortColumn.SENT_AT),
    Column(N_("Labels", "Identifier"), ListingSortColumn.IDENTIFIER),
    Column(N_("Labels", "Item / ASIN"), ListingSortColumn.WALMART_ITEM),
    Column(N_("Labels", "Problem"), ListingSortColumn.ERROR),
    Column(N_("Labels", "Marketplace"), ListingSortColumn.MARKETPLACE),  # last: saved layouts
)
(COL_SKU, COL_NAME, COL_STATE, COL_PRICE, COL_PRICE_SENT, COL_QTY, COL_QTY_SENT) = range(7)
COL_SENT_AT, COL_IDENTIFIER, COL_ITEM, COL_PROBLEM, COL_MARKETPLACE = range(7, 12)
_RIGHT_COLUMNS = frozenset({COL_PRICE, COL_QTY, COL_PRICE_SENT, COL_QTY_SENT})
_MONO_COLUMNS = frozenset({COL_SKU, COL_IDENTIFIER, COL_ITEM})
ROW_IMAGE = 24  # a product's image before its name, in rows 28 pixels high


class ListingsTableModel(CountedIdModel[ListingRow, ListingFilter]):
    """``counts_changed(ListingCounts)`` follows every refresh, for the tab labels; the counts
    are left out of the query when only the sort or the tab changed (they count every tab)."""

    titles = tuple(c.title for c in COLUMNS)
    unloadable = N_("Labels", "This listing could not be loaded")

    def __init__(self, db: Database, **options: Any) -> None:
        """``options``: the runner, page size and parent of :class:`PagedIdModel`."""
        super().__init__(db, ListingFilter(), ListingCounts(), sort=ListingSort(), **options)
        self.match_counts: dict[MatchGroup, int] = {}
        self._thumbnails: ThumbnailLoader | None = None

    def set_thumbnails(self, loader: ThumbnailLoader, view: QAbstractItemView) -> None:
        """Show each product's image before its name; rows redraw as images arrive."""
        self._thumbnails = loader
        view.setIconSize(QSize(ROW_IMAGE, ROW_IMAGE))
        loader.ready.connect(self._on_thumbnails_ready)

    def _on_thumbnails_ready(self, _key: str) -> None:
        # One signal for the whole column: cheaper than finding the row, and only the rows in
        # view are drawn again.
        if self.rowCount():
            top, bottom = self.index(0, COL_NAME), self.index(self.rowCount() - 1, COL_NAME)
            self.dataChanged.emit(top, bottom, [Qt.ItemDataRole.DecorationRole])

    def current_sort(self) -> ListingSort:
        return self._sort  # type: ignore[return-value]

    # -- PagedIdModel --------------------------------------------------------------------------

    def sort_for(self, column: int, descending: bool) -> ListingSort | None:
        return ListingSort(COLUMNS[column].sort, descending) if 0 <= column < len(COLUMNS) else None

    def counted_scope(self, flt: ListingFilter) -> tuple[int | None, str, str, bool]:
        """What the counts depend on: the store, marketplace and search, and whether the
        Matching page's counts are wanted too; not the tab (every tab is counted)."""
        return flt.store_id, flt.marketplace, flt.search.strip(), bool(flt.match)

    def query_ids(self) -> Callable[[], ListingIds]:
        db, flt, sort, counts = self._db, self._filter, self.current_sort(), self.counts_needed()
        return lambda: load_ids(db, flt, sort, with_counts=counts)

    def counts_arrived(self, answer: ListingIds) -> None:
        self.match_counts = answer.match_counts

    def load_rows(self, ids: Sequence[int]) -> dict[int, ListingRow]:
        with self._db.session() as session:
            return rows_by_ids(session, ids)

    def header_alignment(self, section: int) -> int | None:
        return RIGHT if section in _RIGHT_COLUMNS else None

    def display_texts(self, row: ListingRow) -> Sequence[str]:
        return tuple(display_text(row, column) for column in range(len(COLUMNS)))

    def cell(self, row: ListingRow, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DecorationRole:
            loader = self._thumbnails
            if loader is None or column != COL_NAME:
                return None
            return loader.product(row.store_id, row.sku, ROW_IMAGE)
        if role == Qt.ItemDataRole.BackgroundRole:
            return brush("ERROR_TINT") if row.sync_error else None
        if role == Qt.ItemDataRole.FontRole:
            return self.mono_font() if column in _MONO_COLUMNS else None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return RIGHT if column in _RIGHT_COLUMNS else None
        if role == Qt.ItemDataRole.ForegroundRole:
            if column not in (COL_PROBLEM, COL_STATE):
                return None
            return brush("PROBLEM_TEXT" if note_is_problem(row) else "TEXT_MUTED")
        if role == STATE_ROLE:
            return row.state
        if role == ERROR_ROLE:
            return problem_text(row)
        if role == Qt.ItemDataRole.ToolTipRole:
            return tooltip(row, column)
        return None


def display_text(row: ListingRow, column: int) -> str:
    """The text of one cell (module-level so the page can copy rows as text)."""
    if column == COL_SKU:
        return row.sku
    if column == COL_NAME:
        return row.name
    if column == COL_STATE:
        return listing_state(row.state)
    if column == COL_IDENTIFIER:
        return identifier_text(row)
    if column == COL_PRICE:
        return money(row.price)
    if column == COL_QTY:
        return quantity(row.qty)
    if column == COL_PRICE_SENT:
        return money(row.last_price_sent)
    if column == COL_QTY_SENT:
        return quantity(row.last_qty_sent)
    if column == COL_SENT_AT:
        return stamp(row.sent_at)
    if column == COL_ITEM:
        return row.marketplace_item_id or ""
    if column == COL_MARKETPLACE:
        return marketplace_name(row.marketplace)
    return problem_text(row)


def identifier_text(row: ListingRow) -> str:
    if row.gtin14:
        return f"{row.identifier_kind or 'GTIN'} {row.identifier_value or row.gtin14}"
    return row.identifier_value or ""


# States whose reason is news, not a problem: Amazon's "Complete and eligible; …" on a listing
# ready to list, or "On Amazon, not matched…" on a new third-party one (reference §4.8).
CALM_STATES = frozenset(
    {ListingState.ACTIVE, ListingState.READY, ListingState.NEW_THIRD_PARTY, ListingState.ENDED}
)


def note_is_problem(row: ListingRow) -> bool:
    """Whether the row's note (``problem_text``) is something to fix, drawn in red."""
    return bool(row.sync_error) or row.state not in CALM_STATES


def problem_text(row: ListingRow) -> str:
    """The one thing a merchant must fix or know, in words."""
    if row.sync_error:
        return row.sync_error
    if row.state_reason:  # Amazon: why the listing is in its tab (reference §4.8)
        return core(said.CONTEXT, said.read_reason(row.state_reason))
    if row.state == ListingState.INCOMPLETE:
        if row.identifier_problem:
            return core(said_id.CONTEXT, said_id.read_problem(row.identifier_problem))
        return QCoreApplication.translate("ListingsTable", "No UPC, EAN, ISBN or GTIN in Commerce")
    if row.state == ListingState.INELIGIBLE:  # disabled, or no salable stock (Listing.state)
        if row.qty is not None and row.qty <= 0:
            return QCoreApplication.translate(
                "ListingsTable",
                "Out of stock in Commerce: Walmart shows it unavailable until stock returns",
            )
        return QCoreApplication.translate(
            "ListingsTable", "Disabled in Commerce: enable the product there to sell it on Walmart"
        )
    if row.match_status == "candidates":
        return QCoreApplication.translate(
            "ListingsTable", "Several Walmart items match: pick one in Matching"
        )
    if row.match_status == "not_found":
        return QCoreApplication.translate(
            "ListingsTable", "Not on Walmart: the item needs a full setup in Seller Center"
        )
    return ""


def tooltip(row: ListingRow, column: int) -> str:
    where = marketplace_name(row.marketplace)
    if column == COL_PRICE_SENT and row.price_queued is not None:
        return QCoreApplication.translate(
            "ListingsTable", "Sending {price} to {marketplace}"
        ).format(price=money(row.price_queued), marketplace=where)
    if column == COL_QTY_SENT and row.qty_queued is not None:
        return QCoreApplication.translate(
            "ListingsTable", "Sending quantity {quantity} to {marketplace}"
        ).format(quantity=row.qty_queued, marketplace=where)
    if column == COL_SENT_AT and row.sent_at is not None:
        return QCoreApplication.translate(
            "ListingsTable", "Price sent {price_sent}; stock sent {stock_sent}"
        ).format(price_sent=stamp(row.price_sent_at), stock_sent=stamp(row.qty_sent_at))
    return problem_text(row)


def money(amount: Decimal | None) -> str:
    return "—" if amount is None else money_text(amount)


def quantity(value: int | None) -> str:
    return "—" if value is None else number_text(value)


def stamp(when: datetime | None) -> str:
    if when is None:
        return QCoreApplication.translate("ListingsTable", "never")
    return date_time_text(when.astimezone())
