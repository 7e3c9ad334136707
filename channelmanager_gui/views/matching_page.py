"""Matching: which listings wait for the merchant's choice, for Walmart, or for a fix.

Tabs follow what the merchant must do — pick among candidates first — then what is waiting,
what failed, what is incomplete and what is done. The table is the Listings model filtered by
match group; the pane below explains the selected listing and shows the candidates side by
side (``MatchPanel``).
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtCore import QSettings, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTabBar,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from channelmanager_gui.models.db import Database
from channelmanager_gui.models.listing_table_queries import ListingFilter, MatchGroup
from channelmanager_gui.qt_async import OpRunner
from channelmanager_gui.qt_text import plain_label
from channelmanager_gui.services import ops as core
from channelmanager_gui.services.changes import Change, ChangeBus
from channelmanager_gui.views.marketplace_filter import MarketplaceFilter
from channelmanager_gui.views.match_panel import MatchPanel
from channelmanager_gui.views.page_style import page_style
from channelmanager_gui.views.table_support import (
    SelectionKeeper,
    StatePillDelegate,
    focus_line,
    restore_header,
    save_header,
    selected_ids,
    setup_table,
    threaded_op_runner,
    threaded_runner,
)
from channelmanager_gui.views.tables.listings import (
    COL_IDENTIFIER,
    COL_MARKETPLACE,
    COL_NAME,
    COL_PRICE_SENT,
    COL_PROBLEM,
    COL_QTY,
    COL_QTY_SENT,
    COL_SENT_AT,
    COL_SKU,
    COL_STATE,
    ListingsTableModel,
)
from channelmanager_gui.views.tables.paged import Runner
from channelmanager_gui.views.theme import themed
from channelmanager_gui.views.window_state import read_bytes

GROUP_TITLES = {
    MatchGroup.CHOOSE: "Pick a Walmart item",
    MatchGroup.NOT_SENT: "Not sent yet",
    MatchGroup.PENDING: "Waiting for Walmart",
    MatchGroup.NOT_FOUND: "Not found",
    MatchGroup.INCOMPLETE: "Incomplete",
    MatchGroup.MATCHED: "Matched",
}
GROUPS = tuple(GROUP_TITLES)
REFRESH_DELAY_MS = 300


class MatchingPage(QWidget):
    """``MatchingPage(db, changes, ops, *, runner=None, action_runner=None)`` (threaded
    through ``ops`` unless runners are given).

    Signal ``counts_changed(dict[MatchGroup, int])`` (e.g. a badge for "Pick a Walmart item").
    """

    counts_changed = Signal(object)

    def __init__(
        self,
        db: Database,
        changes: ChangeBus,
        ops: OpRunner,
        *,
        runner: Runner[Any] | None = None,
        action_runner: Runner[Any] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._db = db
        self._action_runner = action_runner or threaded_op_runner(ops, "Matching", changes)
        runner = runner or threaded_runner(ops, "Load listings to match")
        self.model = ListingsTableModel(db, runner=runner, parent=self)
        self.model.set_filter(ListingFilter(match=MatchGroup.CHOOSE))
        themed(self, page_style)
        self._setup_ui()
        self._keeper = SelectionKeeper(self.table, self.model)
        self.model.counts_changed.connect(self._on_model_counts_changed)
        self.model.modelReset.connect(self._on_current_changed)
        self.table.selectionModel().currentRowChanged.connect(self._on_current_changed)
        self.model.modelReset.connect(self._on_selection_changed)  # a reset is silent
        self.table.selectionModel().selectionChanged.connect(self._on_selection_changed)
        self.panel.candidate_chosen.connect(self._on_panel_candidate_chosen)
        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.setInterval(REFRESH_DELAY_MS)
        self._refresh_timer.timeout.connect(self.model.refresh)
        self.model.refresh()

    def _setup_ui(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 8)
        bar = QHBoxLayout()
        title = QLabel("Matching")
        title.setObjectName("pageTitle")
        bar.addWidget(title)
        bar.addSpacing(12)
        self.match_button = QPushButton("Match on Walmart")
        self.match_button.setObjectName("primaryButton")
        self.match_button.clicked.connect(self.match_selected)
        bar.addWidget(self.match_button)
        bar.addStretch(1)
        self.marketplace = MarketplaceFilter()
        self.marketplace.currentIndexChanged.connect(lambda _: self._apply_filter())
        bar.addWidget(self.marketplace)
        self.search = QLineEdit()
        self.search.setPlaceholderText("Search SKU, name or identifier")
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(260)
        self.search.returnPressed.connect(self._apply_filter)
        self.search.textChanged.connect(lambda text: None if text else self._apply_filter())
        bar.addWidget(self.search)
        layout.addLayout(bar)
        self.tabs = QTabBar()
        self.tabs.setExpanding(False)
        self.tabs.setDrawBase(False)
        for group in GROUPS:
            self.tabs.addTab(GROUP_TITLES[group])
        self.tabs.currentChanged.connect(lambda _: self._apply_filter())
        layout.addWidget(self.tabs)
        self.splitter = splitter = QSplitter(Qt.Orientation.Vertical)
        self.table = QTableView()
        setup_table(self.table)
        self.table.setModel(self.model)
        self.table.setItemDelegateForColumn(COL_STATE, StatePillDelegate(self.table))
        # The problem is said after the state pill; price and stock pushes live in Listings.
        for column in (COL_QTY, COL_PRICE_SENT, COL_QTY_SENT, COL_SENT_AT, COL_PROBLEM):
            self.table.setColumnHidden(column, True)
        widths = ((COL_SKU, 95), (COL_NAME, 210), (COL_STATE, 330), (COL_IDENTIFIER, 170))
        for column, width in widths:
            self.table.horizontalHeader().resizeSection(column, width)
        header = self.table.horizontalHeader()
        header.resizeSection(COL_MARKETPLACE, 84)
        header.moveSection(header.visualIndex(COL_MARKETPLACE), 0)
        splitter.addWidget(self.table)
        self.panel = MatchPanel()
        splitter.addWidget(self.panel)
        splitter.setSizes([320, 260])
        layout.addWidget(splitter, 1)
        self.notice = plain_label()
        self.notice.setWordWrap(True)
        layout.addWidget(self.notice)
        self._on_selection_changed()

    # -- public API ----------------------------------------------------------------------------

    def set_store(self, store_id: int | None) -> None:
        self.model.set_filter(replace(self.model.current_filter(), store_id=store_id))

    def show_group(self, group: MatchGroup) -> None:
        self.tabs.setCurrentIndex(GROUPS.index(group))

    def focus_search(self) -> None:
        focus_line(self.search)

    def save_state(self, settings: QSettings) -> None:
        save_header(settings, "matching/header", self.table)
        settings.setValue("matching/splitter", self.splitter.saveState())

    def restore_state(self, settings: QSettings) -> None:
        restore_header(settings, "matching/header", self.table)
        splitter = read_bytes(settings, "matching/splitter")
        if splitter is not None:
            self.splitter.restoreState(splitter)

    def on_changes(self, changes: frozenset[Change]) -> None:
        if Change.LISTINGS in changes:
            self._refresh_timer.start()

    def selected_ids(self) -> list[int]:
        return selected_ids(self.table, self.model)

    def match_selected(self) -> None:
        ids = self.selected_ids()
        if ids:
            db = self._db
            self._action_runner(lambda: core.match_listings(db, ids), self._on_match_done)

    # -- internals -----------------------------------------------------------------------------

    def _apply_filter(self) -> None:
        group = GROUPS[self.tabs.currentIndex()]
        search, marketplace = self.search.text().strip(), self.marketplace.value()
        flt = replace(
            self.model.current_filter(), match=group, search=search, marketplace=marketplace
        )
        self.model.set_filter(flt)

    def _on_match_done(self, outcome: core.ActionOutcome) -> None:
        self.notice.setText(outcome.text("sent for matching on Walmart"))
        self.model.refresh()

    def _on_panel_candidate_chosen(self, listing_id: int, item_id: str) -> None:
        db = self._db
        self._action_runner(
            lambda: core.pick(db, listing_id, item_id), lambda _c: self._on_pick_done(item_id)
        )

    def _on_pick_done(self, item_id: str) -> None:
        self.notice.setText(f"Walmart item {item_id} chosen; it is set up by match next pass.")
        self.model.refresh()

    def _on_current_changed(self, *_: object) -> None:
        current = self.table.selectionModel().currentIndex()
        if not current.isValid():
            self.panel.show_detail(None)
            return
        self.panel.show_detail(core.match_detail(self._db, self.model.id_at(current.row())))

    def _on_selection_changed(self, *_: object) -> None:
        self.match_button.setEnabled(bool(self.selected_ids()))

    def _on_model_counts_changed(self, _counts: object) -> None:
        counts = self.model.match_counts
        for index, group in enumerate(GROUPS):
            self.tabs.setTabText(index, f"{GROUP_TITLES[group]}  {counts.get(group, 0):,}")
        self.counts_changed.emit(dict(counts))
