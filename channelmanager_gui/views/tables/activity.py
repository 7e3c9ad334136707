"""The activity log table model: entry ids newest first, rows loaded a page at a time."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import Qt

from channelmanager_gui.models.activity_queries import (
    ActivityFilter,
    ActivityRow,
    load_ids,
    rows_by_ids,
)
from channelmanager_gui.models.db import Database
from channelmanager_gui.text_marks import N_
from channelmanager_gui.views.event_names import event_text
from channelmanager_gui.views.i18n import ui
from channelmanager_gui.views.locale_format import date_time_text
from channelmanager_gui.views.marketplace_filter import marketplace_name
from channelmanager_gui.views.tables.paged import PagedIdModel
from channelmanager_gui.views.theme import brush

OUTCOME_ROLE = Qt.ItemDataRole.UserRole + 2  # "Error", "OK", "Info": text for a pill
COL_TIME, COL_OUTCOME, COL_SUBJECT, COL_EVENT, COL_MESSAGE, COL_MARKETPLACE = range(6)
OUTCOME_TEXT = {
    "ok": N_("Labels", "OK"),
    "error": N_("Labels", "Error"),
    "info": N_("Labels", "Info"),
}


class ActivityTableModel(PagedIdModel[ActivityRow, ActivityFilter]):
    # The marketplace comes last in the model (saved layouts keep their columns); the page
    # shows it next to the subject.
    titles = (
        N_("Labels", "Time"),
        N_("Labels", "Outcome"),
        N_("Labels", "Subject"),
        N_("Labels", "What happened"),
        N_("Labels", "Details"),
        N_("Labels", "Marketplace"),
    )
    unloadable = N_("Labels", "This entry could not be loaded")

    def __init__(self, db: Database, **options: Any) -> None:
        """``options``: the runner, page size and parent of :class:`PagedIdModel`."""
        super().__init__(db, ActivityFilter(), **options)

    def query_ids(self) -> Callable[[], list[int]]:
        db, flt = self._db, self._filter
        return lambda: load_ids(db, flt)

    def load_rows(self, ids: Sequence[int]) -> dict[int, ActivityRow]:
        with self._db.session() as session:
            return rows_by_ids(session, ids)

    def cell(self, row: ActivityRow, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return display_text(row, column)
        if role == OUTCOME_ROLE:
            return OUTCOME_TEXT.get(row.outcome, row.outcome)
        if role == Qt.ItemDataRole.ToolTipRole and column == COL_MESSAGE:
            return row.message
        if role == Qt.ItemDataRole.FontRole and column == COL_SUBJECT:
            return self.mono_font()
        if role == Qt.ItemDataRole.ForegroundRole and row.outcome == "error":
            return brush("ERROR_TEXT") if column == COL_MESSAGE else None
        return None


def display_text(row: ActivityRow, column: int) -> str:
    if column == COL_TIME:
        return date_time_text(row.created_at.astimezone(), seconds=True)
    if column == COL_OUTCOME:
        return ui(OUTCOME_TEXT.get(row.outcome, row.outcome))
    if column == COL_SUBJECT:
        return row.subject
    if column == COL_EVENT:
        return event_text(row.event)
    if column == COL_MARKETPLACE:
        return marketplace_name(row.marketplace)
    return row.message
