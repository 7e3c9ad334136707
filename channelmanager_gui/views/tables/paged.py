"""A table model that holds ids and loads rows a page at a time (STYLE.md #5).

Shared by the Orders, Listings and Activity tables. Modelled on Anki's browser table
(``qt/aqt/browser/table/model.py``): a Qt-free query returns the ordered ids for the current
filter and sort; ``data()`` loads the ~200 rows around the one asked for in one query and keeps
a bounded number of pages, so 100,000 rows open with one id query and scroll with one small
query per page. ``rowCount`` is every match, so the scroll bar is honest.

The id query may take a moment on a big shop, so it goes through an injected *runner* (pages
pass one that works in a thread); the default runs inline, which tests and ``qtmodeltester``
use. A stale answer (the filter changed meanwhile) is dropped. A page that fails to load marks
its rows disabled instead of raising out of ``data()``.

The base keeps what every table shares: the filter (``set_filter``), the sort of a header
click (``sort``, through the subclass's ``sort_for``) and, in :class:`CountedIdModel`, the
counts that come back with the ids. A refresh after a change (``refresh``) re-reads
everything; a new sort or filter (``requery``) skips what it did not change, e.g. the
per-status counts when only the sort changed (``counts_needed``). The ids are kept as given
(an ``array('q')`` from the queries: 8 bytes each), and ``data()`` runs for every role of
every painted cell, so a row's display texts are built once and kept with the row.
"""

from __future__ import annotations

import logging
from collections import OrderedDict
from collections.abc import Callable, Hashable, Sequence
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QFont, QFontDatabase

from channelmanager_gui.models.db import Database
from channelmanager_gui.qt_text import verbatim
from channelmanager_gui.text_marks import N_
from channelmanager_gui.views.i18n import ui

log = logging.getLogger(__name__)

T = TypeVar("T")
R = TypeVar("R")  # a row of the table
F = TypeVar("F")  # the filter: a frozen dataclass of the models' query module
Runner = Callable[[Callable[[], T], Callable[[T], None]], None]
Index = QModelIndex | QPersistentModelIndex

ID_ROLE = Qt.ItemDataRole.UserRole + 1  # the row's id (int)
RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
DISPLAY = Qt.ItemDataRole.DisplayRole
TOOLTIP = Qt.ItemDataRole.ToolTipRole
_ROW_LOOKUPS = 4  # row_of answers this many by a scan before it builds an id -> row map


def run_inline(work: Callable[[], T], deliver: Callable[[T], None]) -> None:
    deliver(work())


class _Entry(Generic[R]):
    """A loaded row and, once painted, its display texts (one per column)."""

    __slots__ = ("row", "texts")

    def __init__(self, row: R) -> None:
        self.row = row
        self.texts: Sequence[str] | None = None


class PagedIdModel(QAbstractTableModel, Generic[R, F]):
    """Subclasses give the column titles, the id query, the row loader and the cell values,
    and, when a header click sorts, ``sort_for``."""

    titles: Sequence[str] = ()
    unloadable = N_("Labels", "This row could not be loaded")

    def __init__(
        self,
        db: Database,
        flt: F,
        *,
        sort: Hashable = None,
        runner: Runner[Any] = run_inline,
        page_size: int = 200,
        max_pages: int = 25,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._db = db
        self._filter = flt
        self._sort = sort
        self._runner = runner
        self._page_size = page_size
        self._max_pages = max_pages
        self._ids: Sequence[int] = []
        self._row_of: dict[int, int] | None = None
        self._lookups = 0
        self._pages: OrderedDict[int, dict[int, _Entry[R] | None]] = OrderedDict()
        self._last: tuple[int, dict[int, _Entry[R] | None]] | None = None  # page being painted
        self._generation = 0
        self._counts_stale = True
        self._counted: Hashable = None
        self._mono: QFont | None = None

    # -- for subclasses ------------------------------------------------------------------------

    def query_ids(self) -> Callable[[], Any]:
        """A thread-safe function returning what ``ids_loaded`` takes (captured arguments)."""
        raise NotImplementedError

    def ids_of(self, answer: Any) -> Sequence[int]:
        """The ordered ids within the answer of ``query_ids``; hook for extras like counts."""
        return list(answer)

    def reloaded(self, answer: Any) -> None:
        """Called after the reset with the whole answer (e.g. to publish counts)."""

    def load_rows(self, ids: Sequence[int]) -> dict[int, R]:
        raise NotImplementedError

    def cell(self, row: R, column: int, role: int) -> Any:
        raise NotImplementedError

    def display_texts(self, row: R) -> Sequence[str]:
        """Every column's text of ``row``, built the first time the row is painted."""
        return tuple(self.cell(row, column, DISPLAY) for column in range(len(self.titles)))

    def sort_for(self, column: int, descending: bool) -> Hashable:
        """The id query's sort for a click on ``column``'s header; None: it does not sort."""
        return None

    def counted_scope(self, flt: F) -> Hashable:
        """The part of the filter the counts depend on: they are counted again when it
        changes (or after ``refresh``), not for a new sort or tab."""
        return flt

    def counts_needed(self) -> bool:
        """Whether the next id query must count again (see ``counted_scope``)."""
        return self._counts_stale or self.counted_scope(self._filter) != self._counted

    def counts_taken(self) -> None:
        """Called when an answer brought counts for the current filter."""
        self._counts_stale = False
        self._counted = self.counted_scope(self._filter)

    # -- public --------------------------------------------------------------------------------

    def set_filter(self, flt: F) -> None:
        self._filter = flt
        self.requery()

    def current_filter(self) -> F:
        return self._filter

    def current_sort(self) -> Any:
        return self._sort

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        wanted = self.sort_for(column, order == Qt.SortOrder.DescendingOrder)
        if wanted is None:
            return
        same, self._sort = wanted == self._sort, wanted
        self.sorted_by(same)

    def refresh(self) -> None:
        """Query again after a change: the ids and everything else (counts); rows reload
        lazily."""
        self._counts_stale = True
        self.requery()

    def sorted_by(self, same_sort: bool) -> None:
        """For ``sort``: query again unless the ids already come in this order.
        (``QTableView.sortByColumn`` asks the model to sort twice: through the header's
        signal and directly; a second 100,000-id query would change nothing.)"""
        if not same_sort or self._generation == 0:
            self.requery()

    def requery(self) -> None:
        """Query the ids again for a new sort or filter (the subclass decides what else)."""
        self._generation += 1
        generation = self._generation
        self._runner(self.query_ids(), lambda answer: self._on_ids_loaded(generation, answer))

    def id_at(self, row: int) -> int:
        return self._ids[row]

    def ids(self) -> Sequence[int]:
        """The ordered ids: not a copy, but never changed in place (a reset replaces them)."""
        return self._ids

    def row_of(self, row_id: int) -> int | None:
        """The row showing ``row_id``. A few lookups (the selection kept across a refresh)
        scan the ids; more build a map once, rather than one per refresh."""
        if self._row_of is None and self._lookups < _ROW_LOOKUPS:
            self._lookups += 1
            try:
                return self._ids.index(row_id)
            except ValueError:
                return None
        if self._row_of is None:
            self._row_of = {rid: row for row, rid in enumerate(self._ids)}
        return self._row_of.get(row_id)

    def row_at(self, row: int) -> R | None:
        """The loaded row (loading its page if needed); None when it cannot be loaded."""
        entry = self._entry(row)
        return None if entry is None else entry.row

    def loaded_row_count(self) -> int:
        """How many rows are cached now (tests assert lazy paging with this)."""
        return sum(len(page) for page in self._pages.values())

    def mono_font(self) -> QFont:
        if self._mono is None:
            font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
            # Some platforms (offscreen, minimal X setups) give no fixed family: ask by hint.
            font.setStyleHint(QFont.StyleHint.Monospace)
            font.setFixedPitch(True)
            self._mono = font
        return self._mono

    # -- Qt model API --------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt signature)
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.titles)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.titles):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return ui(self.titles[section])
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return self.header_alignment(section)
        return None

    def header_alignment(self, section: int) -> int | None:
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        row = index.row()  # -1 for an invalid index
        if not 0 <= row < len(self._ids) or self._entry(row) is None:
            return Qt.ItemFlag.NoItemFlags  # shown disabled: cannot be selected or acted on
        return _ENABLED

    def data(self, index: Index, role: int = DISPLAY) -> Any:
        # Called for every role of every painted cell: one lookup of the row, cached texts.
        row = index.row()  # -1 for an invalid index
        if not 0 <= row < len(self._ids):
            return None
        if role == ID_ROLE:
            return self._ids[row]
        entry = self._entry(row)
        if entry is None:
            return self._unloadable(index.column(), role)
        if role == DISPLAY:
            texts = entry.texts
            if texts is None:
                texts = entry.texts = self.display_texts(entry.row)
            return texts[index.column()]
        value = self.cell(entry.row, index.column(), role)
        if role == TOOLTIP and isinstance(value, str):
            return verbatim(value)  # buyer names, product names, API errors: as typed
        return value

    # -- internals -----------------------------------------------------------------------------

    def _unloadable(self, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return ui(self.unloadable) if column == 0 else ""
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{self.unloadable} (it may have just been removed); refresh to try again."
        return None

    def _entry(self, row: int) -> _Entry[R] | None:
        number = row // self._page_size
        last = self._last
        page = last[1] if last is not None and last[0] == number else self._page(number)
        return page.get(self._ids[row])

    def _page(self, number: int) -> dict[int, _Entry[R] | None]:
        page = self._pages.get(number)
        if page is not None:
            self._pages.move_to_end(number)
        else:
            start = number * self._page_size
            page = self._load_page(self._ids[start : start + self._page_size])
            self._pages[number] = page
            while len(self._pages) > self._max_pages:
                self._pages.popitem(last=False)  # never this page: it was added last
        self._last = (number, page)
        return page

    def _load_page(self, ids: Sequence[int]) -> dict[int, _Entry[R] | None]:
        """Rows of ``ids``; an id gone since the id query, or a failed query, gives None."""
        try:
            found = self.load_rows(ids)
        except Exception:  # data() must never raise into Qt; the rows show as disabled
            log.exception("loading %d rows for %s failed", len(ids), type(self).__name__)
            found = {}
        return {row_id: _entry_of(found.get(row_id)) for row_id in ids}

    def _on_ids_loaded(self, generation: int, answer: Any) -> None:
        if generation != self._generation:
            return  # a newer filter or refresh is on its way
        self.beginResetModel()
        self._ids = self.ids_of(answer)
        self._row_of = None
        self._lookups = 0
        self._pages.clear()
        self._last = None
        self.endResetModel()
        self.reloaded(answer)


class CountedIdModel(PagedIdModel[R, F]):
    """A table whose id query also counts (per status, per tab) for the filter's badges.

    The answer of ``query_ids`` has ``ids`` and ``counts`` (None when the counts were not
    asked for: same scope, the counts shown are still right). ``counts_changed(counts)``
    follows every answer that counted."""

    counts_changed = Signal(object)

    def __init__(self, db: Database, flt: F, counts: Any, **options: Any) -> None:
        super().__init__(db, flt, **options)
        self.counts = counts

    def ids_of(self, answer: Any) -> Sequence[int]:
        return answer.ids  # type: ignore[no-any-return]

    def reloaded(self, answer: Any) -> None:
        if answer.counts is None:
            return
        self.counts_taken()
        self.counts = answer.counts
        self.counts_arrived(answer)
        self.counts_changed.emit(answer.counts)

    def counts_arrived(self, answer: Any) -> None:
        """Hook: keep more of a counting answer than its ``counts``."""


_ENABLED = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


def _entry_of(row: R | None) -> _Entry[R] | None:
    return None if row is None else _Entry(row)
