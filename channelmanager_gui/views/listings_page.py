"""The Listings page: a tab per state with counts, search, and bulk actions on the selection.

Everything the merchant does here is one of four verbs — add products, match on Walmart,
resend price and stock, remove — offered in the toolbar and again on right-click. The table
holds ids only (``ListingsTableModel``) and refreshes when the engine announces listing
changes, keeping the selection and scroll position.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

from PySide6.QtCore import QModelIndex, QPoint, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QSizePolicy,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from channelmanager_gui.models.db import Database
from channelmanager_gui.models.listing_table_queries import ALL, ListingCounts
from channelmanager_gui.qt_async import OpRunner
from channelmanager_gui.qt_text import plain_label
from channelmanager_gui.services import ops as core
from channelmanager_gui.services.changes import Change, ChangeBus
from channelmanager_gui.services.ops.links import links_for_listing
from channelmanager_gui.text_marks import N_
from channelmanager_gui.views.bulk_outcome import Done, outcome_text
from channelmanager_gui.views.i18n import ui
from channelmanager_gui.views.links_menu import add_links
from channelmanager_gui.views.listing_tabs import ListingTabs, tab_title
from channelmanager_gui.views.marketplace_filter import MarketplaceFilter
from channelmanager_gui.views.page_style import page_style
from channelmanager_gui.views.shown_refresh import ShownRefresh
from channelmanager_gui.views.table_support import (
    Confirm,
    SelectionKeeper,
    StatePillDelegate,
    ask_confirmation,
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
    COL_ITEM,
    COL_MARKETPLACE,
    COL_NAME,
    COL_PRICE,
    COL_PRICE_SENT,
    COL_QTY,
    COL_QTY_SENT,
    COL_SENT_AT,
    COL_SKU,
    COL_STATE,
    ListingsTableModel,
)
from channelmanager_gui.views.tables.paged import Runner
from channelmanager_gui.views.theme import themed

COLUMN_WIDTHS = {
    COL_SKU: 95, COL_NAME: 180, COL_STATE: 270, COL_PRICE: 80, COL_PRICE_SENT: 100,
    COL_QTY: 65, COL_QTY_SENT: 100, COL_SENT_AT: 125, COL_IDENTIFIER: 150, COL_ITEM: 100,
    COL_MARKETPLACE: 84,
}  # fmt: skip
SEARCH_DELAY_MS = 250
REFRESH_DELAY_MS = 300  # sync passes announce changes often; one refresh per burst
SEARCH_MIN_WIDTH = 200
NOTHING_SELECTED = N_("Labels", "Select the listings first: nothing shown in the list is selected.")


class ListingsPage(QWidget):
    """``ListingsPage(db, changes, ops, *, runner=None, action_runner=None)``: queries and
    bulk actions run in a worker thread through ``ops`` unless runners are given (tests pass
    ``run_inline``).

    Signals: ``add_products_requested()`` (the composition root opens the Add products dialog
    for the current store), ``counts_changed(ListingCounts)`` (for navigation badges).
    """

    add_products_requested = Signal()
    counts_changed = Signal(object)

    def __init__(
        self,
        db: Database,
        changes: ChangeBus,
        ops: OpRunner,
        *,
        runner: Runner[Any] | None = None,
        action_runner: Runner[Any] | None = None,
        confirm: Confirm = ask_confirmation,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._db = db
        self._action_runner = action_runner or threaded_op_runner(ops, "Listings", changes)
        self._confirm = confirm
        runner = runner or threaded_runner(ops, self.tr("Load listings"))
        self.model = ListingsTableModel(db, runner=runner, parent=self)
        themed(self, page_style)
        self._setup_ui()
        self._keeper = SelectionKeeper(self.table, self.model)
        self.model.counts_changed.connect(self._on_model_counts_changed)
        self.model.modelReset.connect(self._update_empty_state)
        self._select_after_load: int | None = None
        self.model.modelReset.connect(self._on_model_reset_select)
        # A reset clears the selection without selectionChanged: without this, rows a new
        # search hid stayed "selected" for the buttons (issue 20 #10).
        self.model.modelReset.connect(self._on_selection_changed)
        self.table.selectionModel().selectionChanged.connect(self._on_selection_changed)
        self._search_timer = self._single_shot(SEARCH_DELAY_MS, self._apply_filter)
        self._refresh = ShownRefresh(self, REFRESH_DELAY_MS, self.model.refresh)
        self.table.sortByColumn(COL_SKU, Qt.SortOrder.AscendingOrder)  # the one first id query

    # -- building ------------------------------------------------------------------------------

    def _setup_ui(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 8)
        layout.setSpacing(8)
        layout.addLayout(self._toolbar())
        self.tabs = ListingTabs()  # the app's states, or Amazon's when Amazon is chosen
        self.tab_titles = self.tabs.titles  # full titles, or short ones when they do not fit
        self.tabs.currentChanged.connect(self._on_tabs_current_changed)
        layout.addWidget(self.tabs)
        self.table = QTableView()
        self.table.setObjectName("listingsTable")
        setup_table(self.table)
        self.table.setModel(self.model)
        self.table.setItemDelegateForColumn(COL_STATE, StatePillDelegate(self.table))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for column, width in COLUMN_WIDTHS.items():
            header.resizeSection(column, width)
        header.moveSection(header.visualIndex(COL_MARKETPLACE), 0)  # whose listing, first
        self.table.customContextMenuRequested.connect(self._on_table_context_menu)
        layout.addWidget(self.table, 1)
        self.empty_label = QLabel()
        self.empty_label.setObjectName("emptyMessage")
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)
        layout.addWidget(self.empty_label)
        self.notice = plain_label()
        self.notice.setObjectName("pageNotice")
        self.notice.setWordWrap(True)
        self.notice.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.notice)
        self._on_selection_changed()

    def _toolbar(self) -> QHBoxLayout:
        bar = QHBoxLayout()
        title = QLabel(self.tr("Listings"))
        title.setObjectName("pageTitle")
        bar.addWidget(title)
        bar.addSpacing(12)
        self.add_button = QPushButton(self.tr("Add products…"))
        self.add_button.setObjectName("primaryButton")
        self.add_button.clicked.connect(self.add_products_requested)
        bar.addWidget(self.add_button)
        self.match_action = self._action(self.tr("Match on Walmart"), self.match_selected, "Ctrl+M")
        self.resend_action = self._action(
            self.tr("Resend price and stock"), self.resend_selected, ""
        )
        self.remove_action = self._action(self.tr("Remove"), self.remove_selected, "Del")
        self.action_buttons = []
        # Short words on the toolbar so it fits 1024 px with the marketplace choice (issue 20
        # #8); the menu and the tooltip keep the action's whole name.
        shorts = {self.match_action: self.tr("Match"), self.resend_action: self.tr("Resend")}
        for action in (self.match_action, self.resend_action, self.remove_action):
            button = QPushButton(shorts.get(action, action.text()))
            button.setToolTip(action.text())
            button.clicked.connect(action.trigger)
            self.action_buttons.append(button)
            bar.addWidget(button)
        self.selection_label = QLabel()
        self.selection_label.setObjectName("selectionLabel")
        bar.addWidget(self.selection_label)
        bar.addStretch(1)
        self.marketplace = MarketplaceFilter(compact=True)  # the toolbar is full at 1024 px
        self.marketplace.currentIndexChanged.connect(self._apply_filter)
        bar.addWidget(self.marketplace)
        self.search = QLineEdit()
        self.search.setObjectName("pageSearch")
        self.search.setPlaceholderText(self.tr("Search SKU, name, UPC/EAN or item id"))
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(SEARCH_MIN_WIDTH)
        self.search.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.search.setMaximumWidth(420)
        self.search.textChanged.connect(self._on_search_text_changed)
        bar.addWidget(self.search)
        return bar  # F5 is the window's View > Refresh (one shortcut, never ambiguous)

    def _action(self, text: str, slot: Callable[[], None], key: str) -> QAction:
        action = QAction(text, self)
        if key:
            action.setShortcut(QKeySequence(key))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _single_shot(self, delay: int, slot: Callable[[], None]) -> QTimer:
        timer = QTimer(self)
        timer.setSingleShot(True)
        timer.setInterval(delay)
        timer.timeout.connect(slot)
        return timer

    # -- public API ----------------------------------------------------------------------------

    def set_store(self, store_id: int | None) -> None:
        """Show one store's listings (None: every store)."""
        self._set_filter(store_id=store_id)

    def show_tab(self, tab: str, marketplace: str | None = None) -> None:
        """Open a tab (a ListingState value, ``IN_ERROR`` or ``ALL``), e.g. from a dashboard
        card, of one marketplace ('' for both) when it is given (one filter change)."""
        if marketplace is None:
            self.tabs.show_tab(tab)
            return
        for widget in (self.tabs, self.marketplace):
            widget.blockSignals(True)
        self.marketplace.set_value(marketplace)
        self.tabs.set_marketplace(marketplace)
        self.tabs.show_tab(tab)
        for widget in (self.tabs, self.marketplace):
            widget.blockSignals(False)
        self._apply_filter()

    def show_listing(self, listing_id: int, sku: str) -> None:
        """One listing, from the window's global search: every tab, searched by its SKU, the
        listing selected once the rows are in (the search may also show longer SKUs)."""
        self._select_after_load = listing_id
        for widget in (self.tabs, self.search):
            widget.blockSignals(True)  # one filter change, not one per widget
        self.tabs.show_tab(ALL)
        self.search.setText(sku)
        for widget in (self.tabs, self.search):
            widget.blockSignals(False)
        self._search_timer.stop()
        self._apply_filter()

    def current_tab(self) -> str:
        return self.tabs.current_tab()

    def focus_search(self) -> None:
        focus_line(self.search)

    def save_state(self, settings: QSettings) -> None:
        save_header(settings, "listings/header", self.table)

    def restore_state(self, settings: QSettings) -> None:
        restore_header(settings, "listings/header", self.table)

    def on_changes(self, changes: frozenset[Change]) -> None:
        """Slot for the app's change signal: refresh soon when listings changed."""
        if Change.LISTINGS in changes:
            self._refresh.request()

    def selected_ids(self) -> list[int]:
        return selected_ids(self.table, self.model)

    def match_selected(self) -> None:
        self._run_action(
            core.match_listings,
            lambda n: self.tr("%n listing(s) sent for matching on Walmart.", "", n),
        )

    def resend_selected(self) -> None:
        self._run_action(
            core.resend_listings,
            lambda n: self.tr("%n listing(s) will get price and stock sent again.", "", n),
        )

    def remove_selected(self) -> None:
        count = len(self.selected_ids())
        if not count:
            self.notice.setText(ui(NOTHING_SELECTED))
            return
        text = self.tr(
            "Stop syncing %n listing(s)? Their queued updates are dropped. The Walmart items "
            "stay as they are: retire them in Seller Center to stop selling.",
            "",
            count,
        )
        if self._confirm(self, self.tr("Remove %n listing(s)", "", count), text):
            self._run_action(
                core.delete_listings, lambda n: self.tr("%n listing(s) removed.", "", n)
            )

    # -- internals -----------------------------------------------------------------------------

    def _run_action(
        self, action: Callable[[Database, list[int]], core.ActionOutcome], done: Done
    ) -> None:
        ids = self.selected_ids()
        if not ids:
            self.notice.setText(ui(NOTHING_SELECTED))
            return
        db = self._db
        self._action_runner(
            lambda: action(db, ids), lambda outcome: self._on_action_done(outcome, done)
        )

    def _on_action_done(self, outcome: core.ActionOutcome, done: Done) -> None:
        self.notice.setText(outcome_text(outcome, done))
        self.model.refresh()

    def _set_filter(self, **changes: Any) -> None:
        self.model.set_filter(replace(self.model.current_filter(), **changes))

    def _apply_filter(self) -> None:
        marketplace = self.marketplace.value()
        self.tabs.set_marketplace(marketplace)
        self._set_filter(
            tab=self.current_tab(), search=self.search.text().strip(), marketplace=marketplace
        )

    def _update_empty_state(self) -> None:
        flt = self.model.current_filter()
        if self.model.rowCount():
            text = ""
        elif flt.search:
            text = self.tr(
                "No listings match “{search}”. Search looks in SKU, name and identifiers."
            ).format(search=flt.search)
        elif self.model.counts.get(ALL) == 0:
            text = self.tr(
                "No listings yet — choose the Commerce products to sell on Walmart with "
                "“Add products…”."
            )
        else:
            text = self.tr("No listings are {state} right now.").format(
                state=tab_title(flt.tab).lower()
            )
        self.empty_label.setText(text)
        self.empty_label.setVisible(bool(text))

    def _on_model_counts_changed(self, counts: ListingCounts) -> None:
        self.tabs.set_counts(counts)
        self._update_empty_state()
        self.counts_changed.emit(counts)

    def _on_model_reset_select(self) -> None:
        """After ``show_listing``: select its row (connected after the SelectionKeeper, so
        this choice wins over the selection kept from before)."""
        wanted = self._select_after_load
        row = self.model.row_of(wanted) if wanted is not None else None
        self._select_after_load = None
        if row is not None:
            self.table.selectRow(row)
            self.table.scrollTo(self.model.index(row, 0))

    def _on_tabs_current_changed(self, _index: int) -> None:
        self._apply_filter()

    def _on_search_text_changed(self, _text: str) -> None:
        self._search_timer.start()

    def _on_selection_changed(self, *_: object) -> None:
        count = len(self.selected_ids()) if self.table.selectionModel() else 0
        for action in (self.match_action, self.resend_action, self.remove_action):
            action.setEnabled(count > 0)
        for button in self.action_buttons:
            button.setEnabled(count > 0)
        self.selection_label.setText(self.tr("%n selected", "", count) if count else "")

    def _on_table_context_menu(self, pos: QPoint) -> None:
        index: QModelIndex = self.table.indexAt(pos)
        if index.isValid() and not self.table.selectionModel().isRowSelected(index.row()):
            self.table.selectRow(index.row())
        menu = QMenu(self)
        for action in (self.match_action, self.resend_action, self.remove_action):
            menu.addAction(action)
        if len(ids := self.selected_ids()) == 1:
            menu.addSeparator()
            add_links(menu, links_for_listing(self._db, ids[0]))
        menu.popup(self.table.viewport().mapToGlobal(pos))
