"""Helpers the Listings, Matching and Activity tables share.

* :func:`threaded_runner` runs a blocking query in a worker thread through the op runner and
  hands the answer back on the UI thread: what the paged models and page actions take, so no
  long query ever runs on the UI thread. Tests pass ``run_inline`` instead.
* :class:`SelectionKeeper` keeps the selected ids, the current row and the scroll position
  across a model reset, so a refresh from a sync never loses the merchant's place.
* :func:`ask_confirmation` asks before a destructive action, naming it on the button.
* :class:`StatePillDelegate` draws listing states as coloured pills with their text (UX.md:
  never colour alone), on the geometry of the orders' pill delegate.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import QItemSelection, QItemSelectionModel, QModelIndex, QRect, QSettings, Qt
from PySide6.QtGui import QColor, QCursor, QFontMetrics, QPainter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLineEdit,
    QMessageBox,
    QStyle,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from channelmanager_gui.models.listing import ListingState
from channelmanager_gui.qt_async import OpRunner
from channelmanager_gui.services.changes import ChangeBus
from channelmanager_gui.views.i18n import listing_state
from channelmanager_gui.views.pill_delegate import StatusPillDelegate
from channelmanager_gui.views.style import colour, current
from channelmanager_gui.views.tables.listings import ERROR_ROLE as NOTE_ROLE
from channelmanager_gui.views.tables.listings import STATE_ROLE
from channelmanager_gui.views.tables.paged import PagedIdModel
from channelmanager_gui.views.window_state import read_bytes

T = TypeVar("T")

# (background, text) colour names: read in the palette of the moment when a pill is drawn.
STATE_COLOURS: dict[str, tuple[str, str]] = {
    ListingState.ACTIVE: ("GREEN_BG", "GREEN_TEXT"),
    ListingState.READY: ("SKY_BG", "SKY_TEXT"),
    ListingState.PENDING_MATCH: ("AMBER_BG", "AMBER_TEXT"),
    ListingState.UNMATCHED: ("ORANGE_BG", "ORANGE_TEXT"),
    ListingState.INCOMPLETE: ("ERROR_BG", "ERROR_TEXT"),
    ListingState.INELIGIBLE: ("NEUTRAL_BG", "TEXT_MUTED"),
    ListingState.ENDED: ("NEUTRAL_BG", "TEXT_MUTED"),
}
OUTCOME_COLOURS: dict[str, tuple[str, str]] = {
    "OK": ("GREEN_BG", "GREEN_TEXT"),
    "Error": ("ERROR_BG", "ERROR_TEXT"),
    "Info": ("BLUE_BG", "BLUE_TEXT"),
}
_DEFAULT_COLOURS = ("NEUTRAL_BG", "TEXT_STRONG")


def threaded_runner(
    ops: OpRunner, label: str
) -> Callable[[Callable[[], T], Callable[[T], None]], None]:
    """A runner doing ``work`` in a thread and ``deliver`` on the UI thread (failures go to
    the op runner's error presenter)."""

    def run(work: Callable[[], T], deliver: Callable[[T], None]) -> None:
        ops.run(asyncio.to_thread(work), label=label, on_success=deliver)

    return run


def selected_ids(view: QTableView, model: PagedIdModel[Any, Any]) -> list[int]:
    """The ids of the selected rows, top to bottom, each once: the one reading of a paged
    table's selection (pages, actions, CSV export, ``SelectionKeeper``). Read from the
    selection's ranges: selecting all of 100,000 rows is one range, where ``selectedRows()``
    would build an index per row."""
    ids = model.ids()
    spans = view.selectionModel().selection()
    rows = sorted({row for span in spans for row in range(span.top(), span.bottom() + 1)})
    return [ids[row] for row in rows if row < len(ids)]


def threaded_op_runner(
    ops: OpRunner, label: str, changes: ChangeBus
) -> Callable[[Callable[[], T], Callable[[T], None]], None]:
    """Like :func:`threaded_runner` for an operation (``services/ops``): the op runner
    publishes the changes it returns on ``changes``, once, before ``deliver``."""

    def run(work: Callable[[], T], deliver: Callable[[T], None]) -> None:
        ops.run_op(asyncio.to_thread(work), label=label, changes=changes, on_success=deliver)

    return run


class SelectionKeeper:
    """Remembers selection, current row and scroll by id when the model resets.

    The scroll follows an anchor row, not a pixel count: the row under the pointer, else the
    current row. New orders sorted above it would otherwise push it down between the
    merchant's aim and their double-click, opening the wrong order (issue 20 #6)."""

    def __init__(self, view: QTableView, model: PagedIdModel[Any, Any]) -> None:
        self._view = view
        self._model = model
        self._selected: list[int] = []
        self._current: int | None = None
        self._scroll = 0
        self._anchor: tuple[int, int] | None = None  # (row id, its row before the reset)
        model.modelAboutToBeReset.connect(self._on_model_about_to_be_reset)
        model.modelReset.connect(self._on_model_reset)

    def _on_model_about_to_be_reset(self) -> None:
        selection = self._view.selectionModel()
        ids = self._model.ids()
        self._selected = selected_ids(self._view, self._model)
        current = selection.currentIndex()
        self._current = (
            ids[current.row()] if current.isValid() and current.row() < len(ids) else None
        )
        self._scroll = self._view.verticalScrollBar().value()
        row = self._anchor_row(current)
        self._anchor = (ids[row], row) if 0 <= row < len(ids) else None

    def _anchor_row(self, current: QModelIndex) -> int:
        viewport = self._view.viewport()
        if viewport.underMouse():
            pointed = self._view.indexAt(viewport.mapFromGlobal(QCursor.pos()))
            if pointed.isValid():
                return pointed.row()
        return current.row() if current.isValid() else -1

    def _on_model_reset(self) -> None:
        model, selection = self._model, self._view.selectionModel()
        rows = sorted(r for r in (model.row_of(i) for i in self._selected) if r is not None)
        chosen = QItemSelection()
        last_column = model.columnCount() - 1
        for first, last in _runs(rows):
            chosen.select(model.index(first, 0), model.index(last, last_column))
        flags = QItemSelectionModel.SelectionFlag.ClearAndSelect
        selection.select(chosen, flags)
        current = model.row_of(self._current) if self._current is not None else None
        if current is not None:
            selection.setCurrentIndex(
                model.index(current, 0), QItemSelectionModel.SelectionFlag.NoUpdate
            )
        self._view.verticalScrollBar().setValue(self._scroll + self._anchor_shift())

    def _anchor_shift(self) -> int:
        """How far to scroll so the anchor row stays where it was on screen."""
        if self._anchor is None:
            return 0
        row_id, before = self._anchor
        after = self._model.row_of(row_id)
        if after is None or after == before:
            return 0
        if self._view.verticalScrollMode() == QAbstractItemView.ScrollMode.ScrollPerItem:
            return after - before
        return (after - before) * self._view.verticalHeader().defaultSectionSize()


def _runs(rows: list[int]) -> list[tuple[int, int]]:
    """Sorted rows as (first, last) runs of consecutive numbers, for few selection ranges."""
    runs: list[tuple[int, int]] = []
    for row in rows:
        if runs and runs[-1][1] == row - 1:
            runs[-1] = (runs[-1][0], row)
        else:
            runs.append((row, row))
    return runs


Confirm = Callable[[QWidget, str, str], bool]


def ask_confirmation(parent: QWidget, title: str, text: str) -> bool:
    box = QMessageBox(QMessageBox.Icon.Question, title, text, parent=parent)
    confirm = box.addButton(title, QMessageBox.ButtonRole.AcceptRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    box.exec()
    return box.clickedButton() is confirm


def save_header(settings: QSettings, key: str, view: QTableView) -> None:
    """Column widths, order and sort (UX.md: the window remembers them)."""
    settings.setValue(key, view.horizontalHeader().saveState())


def restore_header(settings: QSettings, key: str, view: QTableView) -> None:
    state = read_bytes(settings, key)
    if state is not None:
        view.horizontalHeader().restoreState(state)  # re-sorts: one id query


def focus_line(edit: QLineEdit) -> None:
    """Put the cursor in a page's search (the window owns Ctrl+F and calls this)."""
    edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
    edit.selectAll()


def setup_table(view: QTableView) -> None:
    """The look and behaviour every id table shares."""
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
    view.setSortingEnabled(True)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
    view.verticalHeader().setVisible(False)
    view.verticalHeader().setDefaultSectionSize(28)
    view.horizontalHeader().setStretchLastSection(True)
    view.horizontalHeader().setHighlightSections(False)


class StatePillDelegate(StatusPillDelegate):
    """Listing states (or log outcomes) as pills, followed by the problem in words when the
    model gives one (``NOTE_ROLE``), so a failing row says why without hovering."""

    def __init__(
        self,
        parent: QWidget | None = None,
        colours: dict[str, tuple[str, str]] | None = None,
        words: Callable[[str], str] = listing_state,
    ) -> None:
        """``words`` turns the role's value (which picks the colours) into the pill's text."""
        super().__init__(parent)
        self._colours = STATE_COLOURS if colours is None else colours
        self._words = words

    def pill_text(self, value: str) -> str:
        return self._words(value)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        state = index.data(STATE_ROLE)
        if not state:
            super().paint(painter, option, index)
            return
        base = QStyleOptionViewItem(option)
        self.initStyleOption(base, index)
        base.text = ""
        widget = option.widget
        if widget is not None:
            widget.style().drawControl(QStyle.ControlElement.CE_ItemViewItem, base, painter, widget)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        pill = self._pill_rect(option.rect, QFontMetrics(option.font), self.pill_text(state))
        background, foreground = map(colour, self._colours.get(state, _DEFAULT_COLOURS))
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(background))
        painter.drawRoundedRect(pill, pill.height() / 2, pill.height() / 2)
        painter.setPen(QColor(foreground))
        painter.drawText(pill, Qt.AlignmentFlag.AlignCenter, self.pill_text(state))
        tone = index.data(Qt.ItemDataRole.ForegroundRole)  # the model's, for a calm note
        colour_ = tone.color() if tone is not None else QColor(current().ERROR_TEXT)
        self._draw_note(painter, option, pill, index.data(NOTE_ROLE) or "", colour_)
        painter.restore()

    @staticmethod
    def _draw_note(
        painter: QPainter, option: QStyleOptionViewItem, pill: QRect, note: str, tone: QColor
    ) -> None:
        """The note after the pill, elided to the cell (full text in the tooltip): a problem
        in red, a reason that is no problem ("Complete and eligible…") in the model's tone."""
        if not note:
            return
        rect: QRect = option.rect
        note_rect = QRect(
            pill.right() + 8, rect.top(), rect.right() - pill.right() - 8, rect.height()
        )
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        painter.setPen(option.palette.highlightedText().color() if selected else tone)
        metrics = QFontMetrics(option.font)
        text = metrics.elidedText(note, Qt.TextElideMode.ElideRight, note_rect.width())
        painter.drawText(
            note_rect, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, text
        )
