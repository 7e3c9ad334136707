"""The Orders page: the order dashboard (filters with counts, the table) and the order detail.

What must ship today, what is late and what went wrong stand out in the table and have a chip
each; double-click (or Enter) opens the order. Ship, Cancel and Retry are in the toolbar, on
right-click and on the detail, and all go through :class:`OrderActions` (the engine's
services). The table holds ids only and refreshes when the engine announces order changes,
keeping the selection and scroll position (``SelectionKeeper``).
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPoint, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QGuiApplication, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from channelmanager_gui.models.db import Database
from channelmanager_gui.models.order_table_queries import Attention, OrderCounts, OrderFilter
from channelmanager_gui.qt_async import OpRunner
from channelmanager_gui.services.changes import Change, ChangeBus
from channelmanager_gui.views.i18n import core
from channelmanager_gui.views.order_actions import Clock, OrderActions
from channelmanager_gui.views.order_detail import OrderDetailView
from channelmanager_gui.views.order_filter_bar import OrderFilterBar
from channelmanager_gui.views.order_tools import OrderTools
from channelmanager_gui.views.orders_empty import OrdersEmptyState
from channelmanager_gui.views.pill_delegate import StatusPillDelegate
from channelmanager_gui.views.ship_dialog import local_now
from channelmanager_gui.views.shown_refresh import ShownRefresh
from channelmanager_gui.views.table_support import (
    SelectionKeeper,
    selected_ids,
    setup_table,
    threaded_runner,
)
from channelmanager_gui.views.tables.orders import (
    COL_CUSTOMER_ORDER,
    COL_MARKETPLACE,
    COL_SHIP_BY,
    COL_STATUS,
    OrdersTableModel,
    display_text,
)
from channelmanager_gui.views.tables.paged import Runner
from channelmanager_gui.views.window_state import read_bytes

HEADER_KEY = "orders/header"
SEARCH_DELAY_MS = 250
REFRESH_DELAY_MS = 300  # the engine announces changes often during a sync; one refresh per burst
COLUMN_WIDTHS = (156, 108, 120, 120, 130, 80, 150, 200, 80)  # an Amazon number is 19 wide
# At the window's default width not every column fits: the status (with an error's reason) is
# shown right after the two order numbers, and the Walmart customer order number (looked up
# when a buyer calls, not scanned) goes last, so Ship by stays in view. Only the visual order
# moves, so a layout saved by an earlier version still restores onto the same columns.
# Ship by follows the status: at 1024 px it was past the right edge (issue 20 #8).
STATUS_VISUAL_INDEX = 2
SHIP_BY_VISUAL_INDEX = 3


class OrdersPage(QWidget):
    """``OrdersPage(db, changes, ops, *, runner=None, clock=local_now)``; see the module doc.

    Signals: ``counts_changed(OrderCounts)`` after every refresh (for ``order_badges``),
    ``notice(str)`` after an action was queued (for the status bar).
    """

    counts_changed = Signal(object)
    notice = Signal(str)

    def __init__(
        self,
        db: Database,
        changes: ChangeBus | None,
        ops: OpRunner,
        *,
        runner: Runner[Any] | None = None,
        clock: Clock = local_now,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._clock = clock
        self._store_id: int | None = None
        self.last_task: asyncio.Task[Any] | None = None  # the last action started (tests)
        self.model = OrdersTableModel(
            db,
            clock=clock,
            runner=runner or threaded_runner(ops, self.tr("Load orders")),
            parent=self,
        )
        self.actions = OrderActions(db, ops, self, changes=changes, clock=clock)
        self.tools = OrderTools(db, self, ops, changes)
        self._setup_ui(db)
        self._keeper = SelectionKeeper(self.table, self.model)
        self.model.counts_changed.connect(self._on_model_counts_changed)
        self.model.modelReset.connect(self._on_model_reset)
        self.table.selectionModel().selectionChanged.connect(self._on_selection_changed)
        self.actions.changed.connect(self._on_actions_changed)
        self.actions.notice.connect(self.notice)
        self.tools.notice.connect(self.notice)
        self.tools.changed.connect(self._on_actions_changed)
        self._search_timer = self._single_shot(SEARCH_DELAY_MS, self._apply_filter)
        self._refresh = ShownRefresh(self, REFRESH_DELAY_MS, self.refresh)
        self.table.sortByColumn(3, Qt.SortOrder.DescendingOrder)  # newest first; loads ids

    # -- building ------------------------------------------------------------------------------

    def _setup_ui(self, db: Database) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.stack = QStackedWidget()
        outer.addWidget(self.stack)
        self.list_page = QWidget()
        layout = QVBoxLayout(self.list_page)
        layout.setContentsMargins(16, 12, 16, 8)
        layout.setSpacing(8)
        layout.addLayout(self._toolbar())
        self.filters = OrderFilterBar(self._clock().date())
        self.filters.filter_changed.connect(self._apply_filter)
        self.filters.search_edited.connect(self._on_filters_search_edited)
        layout.addWidget(self.filters)
        layout.addWidget(self._table(), 1)
        self.empty = OrdersEmptyState()
        self.empty.clear_requested.connect(self.filters.clear)
        self.empty.hide()
        layout.addWidget(self.empty, 1)
        self.stack.addWidget(self.list_page)
        self.detail = OrderDetailView(db, clock=self._clock)
        self.detail.back_requested.connect(self.show_list)
        self.detail.ship_requested.connect(self.ship)
        self.detail.cancel_requested.connect(self.cancel)
        self.detail.cancel_with_reason_requested.connect(self.cancel)
        self.detail.retry_requested.connect(lambda order_id: self.retry([order_id]))
        self.stack.addWidget(self.detail)
        self._on_selection_changed()

    def _toolbar(self) -> QHBoxLayout:
        bar = QHBoxLayout()
        title = QLabel(self.tr("Orders"))
        title.setObjectName("pageTitle")
        title.setStyleSheet("font-size: 18px; font-weight: 600;")
        bar.addWidget(title)
        bar.addSpacing(12)
        self.open_action = self._action(self.tr("Open"), self.open_selected)
        self.ship_action = self._action(self.tr("Ship…"), self.ship_selected)
        self.cancel_action = self._action(self.tr("Cancel order…"), self.cancel_selected)
        self.retry_action = self._action(self.tr("Retry"), self.retry_selected)
        self.copy_action = self._action(self.tr("Copy order numbers"), self.copy_selected)
        self.copy_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Copy))
        self.slip_action = self._action(self.tr("Packing slip…"), self.slips_selected)
        self.ship_many_action = self._action(self.tr("Ship several…"), self.ship_many_selected)
        self.buttons: dict[QAction, QPushButton] = {}
        on_bar = (self.ship_action, self.ship_many_action, self.cancel_action, self.retry_action)
        for action in (*on_bar, self.slip_action):
            button = QPushButton(action.text())
            if action is self.ship_action:
                button.setObjectName("primaryButton")
            button.clicked.connect(action.trigger)
            self.buttons[action] = button
            bar.addWidget(button)
        self.selection_label = QLabel()
        self.selection_label.setObjectName("selectionLabel")
        bar.addWidget(self.selection_label)
        bar.addStretch(1)
        return bar

    def _table(self) -> QTableView:
        self.table = QTableView()
        self.table.setObjectName("ordersTable")
        setup_table(self.table)
        self.table.setAlternatingRowColors(False)  # row tints carry meaning here
        self.table.setModel(self.model)
        self.table.setItemDelegateForColumn(COL_STATUS, StatusPillDelegate(self.table))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for column, width in enumerate(COLUMN_WIDTHS):
            header.resizeSection(column, width)
        header.moveSection(header.visualIndex(COL_STATUS), STATUS_VISUAL_INDEX)
        header.moveSection(header.visualIndex(COL_SHIP_BY), SHIP_BY_VISUAL_INDEX)
        header.moveSection(header.visualIndex(COL_CUSTOMER_ORDER), header.count() - 1)
        header.moveSection(header.visualIndex(COL_MARKETPLACE), 0)  # whose order, first
        self.table.doubleClicked.connect(self._on_table_doubleClicked)
        self.table.customContextMenuRequested.connect(self._on_table_customContextMenuRequested)
        self.table.installEventFilter(self)  # Enter opens the order (see eventFilter)
        return self.table

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Enter/Return on the table opens the selected order. A filter, not a shortcut: the
        view itself consumes Return (to emit ``activated``) before a shortcut could see it."""
        if (
            watched is self.table
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        ):
            self.open_selected()
            return True
        return super().eventFilter(watched, event)

    def _action(self, text: str, slot: Callable[[], object]) -> QAction:
        action = QAction(text, self)
        action.triggered.connect(lambda _=False: slot())
        return action

    def _single_shot(self, delay: int, slot: Callable[[], None]) -> QTimer:
        timer = QTimer(self)
        timer.setSingleShot(True)
        timer.setInterval(delay)
        timer.timeout.connect(slot)
        return timer

    # -- public API ----------------------------------------------------------------------------

    def on_changes(self, changes: frozenset[Change]) -> None:
        """Slot for the app's change signal: refresh soon when orders (or their timeline)
        changed; bursts of changes give one refresh."""
        if Change.ORDERS in changes or Change.ACTIVITY in changes:
            self._refresh.request()

    def refresh(self) -> None:
        self.filters.set_today(self._clock().date())
        self.model.refresh()
        if self.stack.currentWidget() is self.detail:
            self.detail.reload()

    def set_store(self, store_id: int | None) -> None:
        """Show one store's orders (None: every store)."""
        self._store_id = store_id
        self._apply_filter()

    def show_filter(self, order_filter: OrderFilter) -> None:
        """Open the list on what a dashboard card counts (its status and/or chip, and its
        marketplace)."""
        self.show_list()
        status = order_filter.status
        self.filters.show_only(
            str(status) if status is not None else None,
            order_filter.attention,
            order_filter.marketplace or "",
        )

    def set_empty_hint(self, text: str) -> None:
        """What to do when there are no orders at all, e.g. "the next sync is in 40 s"."""
        self.empty.set_hint(text)
        self._update_empty_state()

    def save_state(self, settings: QSettings) -> None:
        """Column widths and order, and the sort (UX.md: the window remembers them)."""
        settings.setValue(HEADER_KEY, self.table.horizontalHeader().saveState())

    def restore_state(self, settings: QSettings) -> None:
        state = read_bytes(settings, HEADER_KEY)
        if state is not None:
            self.table.horizontalHeader().restoreState(state)  # re-sorts: one id query

    def focus_search(self) -> None:
        """Put the cursor in the page's search (the window owns Ctrl+F for its global search;
        it can call this when the Orders page is showing)."""
        self.show_list()
        self.filters.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.filters.search.selectAll()

    def show_order(self, order_id: int) -> None:
        """Open one order's detail (double-click, or the window's global search)."""
        self.detail.show_order(order_id)
        self.stack.setCurrentWidget(self.detail)
        self.detail.setFocus()  # the focus left with the list: Esc / Alt+Left go back

    def show_list(self) -> None:
        self.stack.setCurrentWidget(self.list_page)
        self.table.setFocus()

    def selected_ids(self) -> list[int]:
        return selected_ids(self.table, self.model)

    def open_selected(self) -> None:
        ids = self.selected_ids()
        if len(ids) == 1:
            self.show_order(ids[0])

    def ship(self, order_id: int) -> None:
        self.last_task = self.actions.ship(order_id)

    def cancel(self, order_id: int, suggested: str | None = None) -> None:
        """``suggested``: a Walmart reason chosen in the dialog already (still confirmed)."""
        self.last_task = self.actions.cancel(order_id, suggested)

    def retry(self, order_ids: list[int]) -> None:
        self.last_task = self.actions.retry(order_ids)

    def ship_selected(self) -> None:
        ids = self.selected_ids()
        if len(ids) == 1:
            self.ship(ids[0])

    def cancel_selected(self) -> None:
        ids = self.selected_ids()
        if len(ids) == 1:
            self.cancel(ids[0])

    def ship_many_selected(self) -> None:
        self.last_task = self.tools.ship_many(self.selected_ids())

    def slips_selected(self) -> None:
        self.tools.packing_slips(self.selected_ids())

    def retry_selected(self) -> None:
        self.retry(self._selected_in_error())

    def copy_selected(self) -> None:
        """Walmart PO, Commerce order and customer order of each selected row, tab-separated
        (pastes as columns in a spreadsheet or a support e-mail)."""
        now = self._clock()
        lines = []
        for order_id in self.selected_ids():
            row = self.model.row_of(order_id)
            loaded = self.model.row_at(row) if row is not None else None
            if loaded is not None:
                lines.append("\t".join(display_text(loaded, c, now) for c in range(3)))
        QGuiApplication.clipboard().setText("\n".join(lines))

    # -- internals -----------------------------------------------------------------------------

    def _apply_filter(self) -> None:
        self._search_timer.stop()
        self.model.set_filter(self.filters.build_filter(self._store_id))

    def _selected_in_error(self) -> list[int]:
        chosen = []
        for order_id in self.selected_ids():
            row = self.model.row_of(order_id)
            loaded = self.model.row_at(row) if row is not None else None
            if loaded is not None and Attention.ERROR in loaded.flags:
                chosen.append(order_id)
        return chosen

    def _update_empty_state(self) -> None:
        empty = self.model.rowCount() == 0
        self.table.setVisible(not empty)
        self.empty.setVisible(empty)
        if empty:
            narrowed, kind = self.filters.is_narrowed(), self.filters.attention()
            self.empty.describe(self.model.counts, narrowed=narrowed, kind=kind)

    # -- slots ---------------------------------------------------------------------------------

    def _on_model_counts_changed(self, counts: OrderCounts) -> None:
        self.filters.set_counts(counts)
        self._update_empty_state()
        self.counts_changed.emit(counts)

    def _on_model_reset(self) -> None:
        self._update_empty_state()
        self._on_selection_changed()

    def _on_actions_changed(self) -> None:
        self._refresh.request()

    def _on_filters_search_edited(self) -> None:
        self._search_timer.start()

    def _on_selection_changed(self, *_: object) -> None:
        ids = self.selected_ids() if self.table.selectionModel() else []
        (ship_ok, ship_why), (cancel_ok, cancel_why) = self.actions.availability(ids)
        in_error = self._selected_in_error()
        states = {
            self.open_action: (len(ids) == 1, self.tr("Select one order to open.")),
            self.ship_action: (ship_ok, ship_why),
            self.cancel_action: (cancel_ok, cancel_why),
            self.retry_action: (bool(in_error), self.tr("Retry is for orders in error.")),
            self.copy_action: (bool(ids), self.tr("Select orders to copy their numbers.")),
            self.slip_action: (bool(ids), self.tr("Select orders to print their packing slips.")),
            self.ship_many_action: (True, ""),  # a CSV can name any order
        }
        for action, (enabled, why) in states.items():
            action.setEnabled(enabled)
            why = core("CoreText", why)
            action.setToolTip("" if enabled else why)
            button = self.buttons.get(action)
            if button is not None:
                button.setEnabled(enabled)
                button.setToolTip("" if enabled else why)
        self.retry_action.setText(
            self.tr("Retry %n order(s)", "", len(in_error))
            if len(in_error) > 1
            else self.tr("Retry")
        )
        self.buttons[self.retry_action].setText(self.retry_action.text())
        self.selection_label.setText(self.tr("%n selected", "", len(ids)) if len(ids) > 1 else "")

    def _on_table_doubleClicked(self, index: QModelIndex) -> None:
        if index.isValid() and index.flags() & Qt.ItemFlag.ItemIsEnabled:
            self.show_order(self.model.id_at(index.row()))

    def _on_table_customContextMenuRequested(self, pos: QPoint) -> None:
        index = self.table.indexAt(pos)
        if index.isValid() and not self.table.selectionModel().isRowSelected(index.row()):
            self.table.selectRow(index.row())
        menu = QMenu(self)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)  # one menu per right-click
        for action in (self.open_action, self.ship_action, self.cancel_action, self.retry_action):
            menu.addAction(action)
        menu.addSeparator()
        menu.addAction(self.copy_action)
        menu.addAction(self.slip_action)
        menu.addAction(self.ship_many_action)
        if len(ids := self.selected_ids()) == 1:
            menu.addSeparator()
            self.tools.add_order_links_by_id(menu, ids[0])
        menu.popup(self.table.viewport().mapToGlobal(pos))
