"""Matching: which listings wait for the merchant's choice, for Walmart, or for a fix.

Tabs follow what the merchant must do — pick among candidates first — then what is waiting,
what failed, what is incomplete and what is done. The table is the Listings model filtered by
match group; the pane below explains the selected listing and shows the candidates side by
side (``MatchPanel``).
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtCore import QSettings, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
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
from channelmanager_gui.text_marks import N_
from channelmanager_gui.views.bulk_outcome import outcome_text
from channelmanager_gui.views.fitting_tabs import FittingTabs
from channelmanager_gui.views.i18n import ui
from channelmanager_gui.views.marketplace_filter import MarketplaceFilter
from channelmanager_gui.views.match_panel import MatchPanel
from channelmanager_gui.views.page_style import page_style
from channelmanager_gui.views.shown_refresh import ShownRefresh
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
    MatchGroup.CHOOSE: N_("Labels", "Pick a Walmart item"),
    MatchGroup.NOT_SENT: N_("Labels", "Not sent yet"),
    MatchGroup.PENDING: N_("Labels", "Waiting for Walmart"),
    MatchGroup.NOT_FOUND: N_("Labels", "Not found"),
    MatchGroup.INCOMPLETE: N_("Labels", "Incomplete"),
    MatchGroup.MATCHED: N_("Labels", "Matched"),
}
SHORT_TITLES = {  # a narrow window
    MatchGroup.CHOOSE: N_("Labels", "To pick"),
    MatchGroup.PENDING: N_("Labels", "Waiting"),
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
        self._undoable: int | None = None  # the listing whose pick Undo takes back
        self._select_after_load: int | None = None  # an undone pick: its candidates again
        self._action_runner = action_runner or threaded_op_runner(ops, self.tr("Matching"), changes)
        runner = runner or threaded_runner(ops, self.tr("Load listings to match"))
        self.model = ListingsTableModel(db, runner=runner, parent=self)
        self.model.set_filter(ListingFilter(match=MatchGroup.CHOOSE))
        themed(self, page_style)
        self._setup_ui()
        self._keeper = SelectionKeeper(self.table, self.model)
        self.model.modelReset.connect(self._on_model_reset_select)  # after the keeper: it wins
        self.model.counts_changed.connect(self._on_model_counts_changed)
        self.model.modelReset.connect(self._on_current_changed)
        self.table.selectionModel().currentRowChanged.connect(self._on_current_changed)
        self.model.modelReset.connect(self._on_selection_changed)  # a reset is silent
        self.table.selectionModel().selectionChanged.connect(self._on_selection_changed)
        self.panel.candidate_chosen.connect(self._on_panel_candidate_chosen)
        # While the window shows: its counts are the navigation's Matching badge.
        self._refresh = ShownRefresh(self, REFRESH_DELAY_MS, self.model.refresh, whole_window=True)
        self.model.refresh()

    def _setup_ui(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 8)
        bar = QHBoxLayout()
        title = QLabel(self.tr("Matching"))
        title.setObjectName("pageTitle")
        bar.addWidget(title)
        bar.addSpacing(12)
        self.match_button = QPushButton(self.tr("Match on Walmart"))
        self.match_button.setObjectName("primaryButton")
        self.match_button.clicked.connect(self.match_selected)
        bar.addWidget(self.match_button)
        bar.addStretch(1)
        self.marketplace = MarketplaceFilter()
        self.marketplace.currentIndexChanged.connect(lambda _: self._apply_filter())
        bar.addWidget(self.marketplace)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search SKU, name or identifier"))
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(260)
        self.search.returnPressed.connect(self._apply_filter)
        self.search.textChanged.connect(lambda text: None if text else self._apply_filter())
        bar.addWidget(self.search)
        layout.addLayout(bar)
        self.tabs = QTabBar()
        self.tabs.setExpanding(False)
        self.tabs.setDrawBase(False)
        self.tab_titles = FittingTabs(
            self.tabs,
            [(ui(GROUP_TITLES[g]), ui(SHORT_TITLES.get(g, GROUP_TITLES[g]))) for g in GROUPS],
        )
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
        # The cards with their "Use this item" buttons keep their height; the table takes
        # what is left (at 700 px the buttons were below the pane's edge).
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 0)
        splitter.setSizes([220, 300])
        layout.addWidget(splitter, 1)
        notices = QHBoxLayout()
        self.notice = plain_label()
        self.notice.setWordWrap(True)
        notices.addWidget(self.notice, 1)
        self.undo_button = QPushButton(self.tr("Undo"))
        self.undo_button.setToolTip(self.tr("Put the listing back among its candidates (Ctrl+Z)"))
        self.undo_button.clicked.connect(self.undo_pick)
        self.undo_button.hide()
        notices.addWidget(self.undo_button, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(notices)
        # Ctrl+Z while on this page only: a search box keeps its own undo of typing.
        undo = QShortcut(QKeySequence(QKeySequence.StandardKey.Undo), self)
        undo.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        undo.activated.connect(self.undo_pick)
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
            self._refresh.request()

    def selected_ids(self) -> list[int]:
        return selected_ids(self.table, self.model)

    def match_selected(self) -> None:
        ids = self.selected_ids()
        if ids:
            db = self._db
            self._action_runner(lambda: core.match_listings(db, ids), self._on_match_done)

    def undo_pick(self) -> None:
        """Take back the last pick made on this page (button, Ctrl+Z)."""
        listing_id = self._undoable
        if listing_id is not None:
            db = self._db
            self._action_runner(lambda: core.undo_pick(db, listing_id), self._on_undo_done)

    # -- internals -----------------------------------------------------------------------------

    def _apply_filter(self) -> None:
        group = GROUPS[self.tabs.currentIndex()]
        search, marketplace = self.search.text().strip(), self.marketplace.value()
        flt = replace(
            self.model.current_filter(), match=group, search=search, marketplace=marketplace
        )
        self.model.set_filter(flt)

    def _on_match_done(self, outcome: core.ActionOutcome) -> None:
        self.notice.setText(
            outcome_text(
                outcome, lambda n: self.tr("%n listing(s) sent for matching on Walmart.", "", n)
            )
        )
        self.model.refresh()

    def _on_panel_candidate_chosen(self, listing_id: int, item_id: str) -> None:
        db = self._db
        self._action_runner(
            lambda: core.pick(db, listing_id, item_id),
            lambda _c: self._on_pick_done(listing_id, item_id),
        )

    def _on_pick_done(self, listing_id: int, item_id: str) -> None:
        self.notice.setText(
            self.tr("Walmart item {item_id} chosen; it is set up by match next pass.").format(
                item_id=item_id
            )
        )
        self._undoable = listing_id
        self.undo_button.setEnabled(True)
        self.undo_button.show()
        self.model.refresh()

    def _on_undo_done(self, result: core.PickUndo) -> None:
        self.notice.setText(self._undo_text(result))
        # Undone, or sent already: either way this pick has nothing more to undo.
        self._undoable = None
        self.undo_button.hide()
        if result.undone:
            self._select_after_load = result.listing_id
            self.show_group(MatchGroup.CHOOSE)
            self.model.refresh()

    def _undo_text(self, result: core.PickUndo) -> str:
        """What Undo did (``result.message``'s sentence), in the language shown."""
        if result.undone and result.withdrawn:
            text = self.tr(
                "{sku}: Pick of Walmart item {item_id} undone and its setup request, not sent "
                "yet, was withdrawn: pick again among the candidates."
            )
        elif result.undone:
            text = self.tr(
                "{sku}: Pick of Walmart item {item_id} undone: pick again among the candidates."
            )
        elif result.item_id is None:
            text = self.tr("{sku} has no pick to undo.")
        else:
            text = self.tr(
                "Walmart item {item_id} was already sent to Walmart for {sku} (or its sending "
                "has begun), so the pick cannot be undone here. Walmart sets the item up by "
                "match; if it is the wrong item, retire it in Seller Center, then match the "
                "listing again."
            )
        return text.format(sku=result.sku, item_id=result.item_id)

    def _on_model_reset_select(self) -> None:
        wanted, self._select_after_load = self._select_after_load, None
        row = self.model.row_of(wanted) if wanted is not None else None
        if row is not None:
            self.table.selectRow(row)
            self.table.scrollTo(self.model.index(row, 0))

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
        self.tab_titles.set_counts([counts.get(group, 0) for group in GROUPS])
        self.counts_changed.emit(dict(counts))
