"""Sync activity: each loop's status (last run, next run, counts, last error), pause/resume and
"Sync now", and the activity log below.

The loop table follows the SyncStatusBoard through ``BoardBridge``; the buttons only emit
signals (the composition root drives the engine), so the page never reaches into the engine.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import replace
from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import QCoreApplication, QSettings, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from channelmanager_gui.models.db import Database
from channelmanager_gui.qt_async import OpRunner
from channelmanager_gui.qt_text import verbatim
from channelmanager_gui.services.changes import Change
from channelmanager_gui.services.sync_status import LoopStatus, SyncState, SyncStatusBoard
from channelmanager_gui.text_marks import N_
from channelmanager_gui.views.board_bridge import BoardBridge
from channelmanager_gui.views.i18n import ui
from channelmanager_gui.views.locale_format import number_text
from channelmanager_gui.views.marketplace_filter import MarketplaceFilter
from channelmanager_gui.views.page_style import page_style
from channelmanager_gui.views.shown_refresh import ShownRefresh
from channelmanager_gui.views.sync_text import loop_title, relative_time, state_text
from channelmanager_gui.views.table_support import (
    OUTCOME_COLOURS,
    SelectionKeeper,
    StatePillDelegate,
    focus_line,
    restore_header,
    save_header,
    setup_table,
    threaded_runner,
)
from channelmanager_gui.views.tables.activity import (
    COL_MARKETPLACE,
    COL_OUTCOME,
    COL_SUBJECT,
    ActivityTableModel,
)
from channelmanager_gui.views.tables.paged import Runner
from channelmanager_gui.views.theme import brush, themed

Clock = Callable[[], datetime]
LOOP_COLUMNS = (
    N_("Labels", "Loop"),
    N_("Labels", "State"),
    N_("Labels", "Last run"),
    N_("Labels", "Next run"),
    N_("Labels", "Last result"),
    N_("Labels", "Last error"),
)
OUTCOMES = (
    (N_("Labels", "Everything"), ""),
    (N_("Labels", "Errors only"), "error"),
    (N_("Labels", "OK"), "ok"),
    (N_("Labels", "Notes"), "info"),
)
# The counts the engine's loops report most (services/engine/*_flow.py), in words.
COUNT_WORDS = {
    "changed": N_("Labels", "changed"),
    "errors": N_("Labels", "errors"),
    "failed": N_("Labels", "failed"),
    "seen": N_("Labels", "seen"),
    "new": N_("Labels", "new"),
    "updated": N_("Labels", "updated"),
    "known": N_("Labels", "known"),
    "checked": N_("Labels", "checked"),
    "sent": N_("Labels", "sent"),
    "matched": N_("Labels", "matched"),
    "candidates": N_("Labels", "with several candidates"),
    "not_found": N_("Labels", "not found"),
    "held": N_("Labels", "held"),
    "refused": N_("Labels", "refused"),
    "recorded": N_("Labels", "recorded"),
    "untracked": N_("Labels", "untracked"),
    "setup": N_("Labels", "set up"),
    "price_queued": N_("Labels", "prices queued"),
    "returns_new": N_("Labels", "new returns"),
    "refunds_queued": N_("Labels", "refunds queued"),
}
REFRESH_DELAY_MS = 300
CLOCK_MS = 15_000


def counts_text(counts: Mapping[str, int]) -> str:
    """'3 changed, 1 error · 1.2 s' from a loop's counts (zeros left out)."""
    parts = [
        f"{number_text(v)} {count_word(k)}" for k, v in counts.items() if v and k != "duration_ms"
    ]
    text = ", ".join(parts) or QCoreApplication.translate("ActivityPage", "nothing to do")
    if "duration_ms" in counts:
        ms = counts["duration_ms"]
        text += f" · {ms} ms" if ms < 1000 else f" · {ms / 1000:.1f} s"
    return text


def count_word(key: str) -> str:
    """A loop's count name ("returns_new") in words, translated when marked (COUNT_WORDS)."""
    return ui(COUNT_WORDS.get(key, key.replace("_", " ")))


def next_run_text(status: LoopStatus, now: datetime, paused: bool) -> str:
    if paused or status.state is SyncState.PAUSED:
        return QCoreApplication.translate("ActivityPage", "paused")
    if status.state is SyncState.SYNCING:
        return QCoreApplication.translate("ActivityPage", "running now")
    if status.next_run is None:
        return "—"
    seconds = (status.next_run - now).total_seconds()
    if seconds < 1:
        return QCoreApplication.translate("ActivityPage", "due now")
    # Plain names as counts, and no floor division in the calls: lupdate misses either.
    whole, minutes = int(seconds), int(seconds / 60)
    if seconds < 120:
        return QCoreApplication.translate("ActivityPage", "in %n s", "", whole)
    return QCoreApplication.translate("ActivityPage", "in %n min", "", minutes)


class ActivityPage(QWidget):
    """``ActivityPage(db, board, ops, *, runner=None, clock=utc now)``.

    Signals: ``sync_now_requested()``, ``loop_sync_now_requested(str)`` (a loop's label),
    ``pause_toggled(bool)`` (True: pause) — the same meaning as the tray's.
    """

    sync_now_requested = Signal()
    loop_sync_now_requested = Signal(str)
    pause_toggled = Signal(bool)

    def __init__(
        self,
        db: Database,
        board: SyncStatusBoard,
        ops: OpRunner,
        *,
        runner: Runner[Any] | None = None,
        clock: Clock = lambda: datetime.now(UTC),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._board = board
        self._clock = clock
        runner = runner or threaded_runner(ops, self.tr("Load the activity log"))
        self.model = ActivityTableModel(db, runner=runner, parent=self)
        themed(self, page_style)
        self._setup_ui()
        self._keeper = SelectionKeeper(self.log, self.model)
        self._bridge = BoardBridge(board, self)
        # The loop table is redrawn at every status line: only while on screen.
        self._board_shown = ShownRefresh(self, 0, self.show_board)
        self._bridge.changed.connect(self._board_shown.request)
        self._refresh = ShownRefresh(self, REFRESH_DELAY_MS, self.model.refresh)
        self._clock_timer = QTimer(self)
        self._clock_timer.setInterval(CLOCK_MS)
        self._clock_timer.timeout.connect(self._board_shown.request)
        self._clock_timer.start()
        self.show_board()
        self.model.refresh()

    # -- building ------------------------------------------------------------------------------

    def _setup_ui(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 8)
        layout.setSpacing(8)
        bar = QHBoxLayout()
        title = QLabel(self.tr("Sync activity"))
        title.setObjectName("pageTitle")
        bar.addWidget(title)
        self.state_label = QLabel()
        self.state_label.setObjectName("syncState")
        bar.addWidget(self.state_label, 1)
        self.pause_button = QPushButton(self.tr("Pause syncing"))
        self.pause_button.clicked.connect(self._on_pause_button_clicked)
        bar.addWidget(self.pause_button)
        self.sync_button = QPushButton(self.tr("Sync now"))
        self.sync_button.setObjectName("primaryButton")
        self.sync_button.clicked.connect(self.sync_now_requested)
        bar.addWidget(self.sync_button)
        layout.addLayout(bar)
        self.loops = QTableWidget(0, len(LOOP_COLUMNS))
        self.loops.setObjectName("loopTable")
        self.loops.setHorizontalHeaderLabels([ui(title) for title in LOOP_COLUMNS])
        self.loops.verticalHeader().setVisible(False)
        self.loops.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.loops.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.loops.horizontalHeader().setStretchLastSection(True)
        self.loops.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.loops.setWordWrap(False)
        self.loops.verticalHeader().setDefaultSectionSize(24)
        for column, width in enumerate((120, 100, 100, 90, 280)):
            self.loops.horizontalHeader().resizeSection(column, width)
        self.loops.cellDoubleClicked.connect(self._on_loops_cell_double_clicked)
        self.loops.setToolTip(self.tr("Double-click a loop to run it now"))
        layout.addWidget(self.loops, 2)
        layout.addLayout(self._log_bar())
        self.log = QTableView()
        self.log.setObjectName("activityLog")
        setup_table(self.log)
        self.log.setSortingEnabled(False)  # newest first; the log reads as a timeline
        self.log.setModel(self.model)
        self.log.setItemDelegateForColumn(
            COL_OUTCOME, StatePillDelegate(self.log, OUTCOME_COLOURS, ui)
        )
        for column, width in enumerate((150, 80, 150, 170)):
            self.log.horizontalHeader().resizeSection(column, width)
        log_header = self.log.horizontalHeader()
        log_header.resizeSection(COL_MARKETPLACE, 84)
        log_header.moveSection(log_header.visualIndex(COL_MARKETPLACE), COL_SUBJECT)
        self.log.horizontalHeader().setStretchLastSection(True)
        layout.addWidget(self.log, 5)

    def _log_bar(self) -> QHBoxLayout:
        bar = QHBoxLayout()
        heading = QLabel(self.tr("Activity log"))
        heading.setObjectName("sectionTitle")
        bar.addWidget(heading)
        bar.addStretch(1)
        self.outcome = QComboBox()
        for text, value in OUTCOMES:
            self.outcome.addItem(ui(text), value)
        self.outcome.currentIndexChanged.connect(self._on_filter_changed)
        bar.addWidget(self.outcome)
        self.marketplace = MarketplaceFilter()
        self.marketplace.currentIndexChanged.connect(self._on_filter_changed)
        bar.addWidget(self.marketplace)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search messages, SKU or purchase order"))
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(260)
        self.search.returnPressed.connect(self._on_filter_changed)
        self.search.textChanged.connect(self._on_search_text_changed)
        bar.addWidget(self.search)
        return bar

    # -- public API ----------------------------------------------------------------------------

    def on_changes(self, changes: frozenset[Change]) -> None:
        """Slot for the app's change signal: the log refreshes soon after new entries."""
        if Change.ACTIVITY in changes:
            self._refresh.request()

    def focus_search(self) -> None:
        focus_line(self.search)

    def save_state(self, settings: QSettings) -> None:
        save_header(settings, "activity/loops", self.loops)
        save_header(settings, "activity/log", self.log)

    def restore_state(self, settings: QSettings) -> None:
        restore_header(settings, "activity/loops", self.loops)
        restore_header(settings, "activity/log", self.log)

    def show_errors_only(self) -> None:
        self.outcome.setCurrentIndex(1)

    def show_board(self) -> None:
        """Redraw the loop table and the buttons from the board."""
        board, now = self._board, self._clock()
        paused = board.paused
        self.state_label.setText(state_text(board.overall()))
        self.pause_button.setText(self.tr("Resume syncing") if paused else self.tr("Pause syncing"))
        loops = board.loops()
        self.loops.setRowCount(len(loops))
        for row, status in enumerate(loops):
            self._show_loop(row, status, now, paused)
        if not loops:
            self.loops.setRowCount(1)
            self._set_cell(0, 0, self.tr("No sync has run yet — connect a store in Settings."))

    # -- internals -----------------------------------------------------------------------------

    def _show_loop(self, row: int, status: LoopStatus, now: datetime, paused: bool) -> None:
        last = relative_time(status.last_run, now) if status.last_run else self.tr("not yet")
        values = (
            loop_title(status.name),
            state_text(status.state) if status.state is not SyncState.IDLE else self.tr("Idle"),
            last,
            next_run_text(status, now, paused),
            counts_text(status.counts) if status.last_run else "",
            status.last_error or "",
        )
        for column, text in enumerate(values):
            item = self._set_cell(row, column, text)
            if status.state is SyncState.ERROR and column in (1, 5):
                item.setForeground(brush("ERROR_TEXT"))
        self.loops.item(row, 0).setData(Qt.ItemDataRole.UserRole, status.name)

    def _set_cell(self, row: int, column: int, text: str) -> QTableWidgetItem:
        item = QTableWidgetItem(text)
        item.setToolTip(verbatim(text))  # a loop's last error quotes the API's text
        self.loops.setItem(row, column, item)
        return item

    def _on_pause_button_clicked(self) -> None:
        self.pause_toggled.emit(not self._board.paused)

    def _on_loops_cell_double_clicked(self, row: int, _column: int) -> None:
        item = self.loops.item(row, 0)
        name = item.data(Qt.ItemDataRole.UserRole) if item else None
        if name:
            self.loop_sync_now_requested.emit(name)

    def _on_search_text_changed(self, text: str) -> None:
        if not text:
            self._on_filter_changed()

    def _on_filter_changed(self, *_: object) -> None:
        flt = replace(
            self.model.current_filter(),
            outcome=self.outcome.currentData() or "",
            search=self.search.text().strip(),
            marketplace=self.marketplace.value(),
        )
        self.model.set_filter(flt)
