"""The main window: navigation on the left, pages in the middle, top bar and status bar.

It knows nothing about services beyond the SyncStatusBoard it displays; merchant actions leave
as signals (``sync_now_requested``, ``quit_requested``, …) that the composition root wires.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from typing import Protocol, runtime_checkable

from PySide6.QtCore import QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from channelmanager_gui import __version__
from channelmanager_gui.services.sync_status import SyncStatusBoard
from channelmanager_gui.views.board_bridge import BoardBridge
from channelmanager_gui.views.empty_state import CONNECT_HINT, EmptyStatePage
from channelmanager_gui.views.navigation import Area, NavigationPanel
from channelmanager_gui.views.shortcuts_dialog import ShortcutsDialog, collect_shortcuts
from channelmanager_gui.views.status_bar import StatusBar
from channelmanager_gui.views.style import stylesheet
from channelmanager_gui.views.theme import themed
from channelmanager_gui.views.top_bar import TopBar
from channelmanager_gui.views.window_state import read_bytes, read_str

CLOCK_MS = 30_000  # relative times ("2 min ago") are redrawn this often
DEFAULT_SIZE = (1180, 760)

Clock = Callable[[], datetime]


@runtime_checkable
class SearchablePage(Protocol):
    """A page with a search of its own, which Ctrl+F reaches before the global search."""

    def focus_search(self) -> None: ...


class MainWindow(QMainWindow):
    sync_now_requested = Signal()
    resume_requested = Signal()
    quit_requested = Signal()
    get_started_requested = Signal()  # Help › Get started…: connect a store or try the demo
    refresh_requested = Signal(object)  # the Area shown: View > Refresh (F5) reloads it
    hidden_to_tray = Signal()
    area_changed = Signal(object)  # Area

    def __init__(
        self,
        board: SyncStatusBoard,
        settings: QSettings,
        *,
        demo: bool = False,
        clock: Clock = lambda: datetime.now(UTC),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._board = board
        self._settings = settings
        self._clock = clock
        self._close_to_tray = False
        self._quitting = False
        self._pages: dict[Area, QWidget] = {}
        self._demo = demo
        self.setWindowTitle(
            self.tr("Channel Manager — demo data") if demo else self.tr("Channel Manager")
        )
        themed(self, stylesheet)
        self._setup_ui()
        self._setup_menus()
        self._bridge = BoardBridge(board, self)
        self._bridge.changed.connect(self.refresh_sync_state)
        self._timer = QTimer(self)
        self._timer.setInterval(CLOCK_MS)
        self._timer.timeout.connect(self.refresh_sync_state)
        self._timer.start()
        self.refresh_sync_state()

    # -- building ------------------------------------------------------------------------------

    def _setup_ui(self) -> None:
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self.top_bar = TopBar()
        self.top_bar.sync_now_clicked.connect(self.sync_now_requested)
        self.top_bar.resume_clicked.connect(self.resume_requested)
        layout.addWidget(self.top_bar)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setHandleWidth(1)
        self.navigation = NavigationPanel()
        self.navigation.area_selected.connect(self._on_navigation_area_selected)
        self.pages = QStackedWidget()
        self.pages.setObjectName("pages")
        for area in Area:
            self._pages[area] = EmptyStatePage(area)
            self.pages.addWidget(self._pages[area])
        self.splitter.addWidget(self.navigation)
        self.splitter.addWidget(self.pages)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([200, DEFAULT_SIZE[0] - 200])
        layout.addWidget(self.splitter, 1)
        self.setCentralWidget(central)
        self.status = StatusBar()
        self.setStatusBar(self.status)

    def _setup_menus(self) -> None:
        file_menu = self.file_menu = self.menuBar().addMenu(
            self.tr("&File")
        )  # Export is added later
        self.quit_action = QAction(self.tr("&Quit"), self)
        self.quit_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Quit))
        if self.quit_action.shortcut().isEmpty():  # Windows has no standard Quit key
            self.quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        self.quit_action.triggered.connect(self.quit_requested)
        file_menu.addAction(self.quit_action)
        view_menu = self.menuBar().addMenu(self.tr("&View"))
        self.area_actions: dict[Area, QAction] = {}
        for number, area in enumerate(Area, start=1):
            action = QAction(area.title, self)
            action.setShortcut(QKeySequence(f"Ctrl+{number}"))
            action.triggered.connect(lambda _=False, a=area: self.show_area(a))
            view_menu.addAction(action)
            self.area_actions[area] = action
        view_menu.addSeparator()
        self.refresh_action = QAction(self.tr("&Refresh"), self)
        self.refresh_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Refresh))
        if self.refresh_action.shortcut().isEmpty():  # no standard Refresh key (macOS)
            self.refresh_action.setShortcut(QKeySequence("F5"))
        self.refresh_action.triggered.connect(
            lambda _=False: self.refresh_requested.emit(self.current_area())
        )
        view_menu.addAction(self.refresh_action)
        self.find_action = QAction(self.tr("&Find…"), self)
        self.find_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Find))
        self.find_action.triggered.connect(self._on_find_triggered)
        view_menu.addAction(self.find_action)
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        self.get_started_action = help_menu.addAction(self.tr("&Get started…"))
        self.get_started_action.setToolTip(self.tr("Connect a store, or try the demo"))
        self.get_started_action.triggered.connect(lambda _=False: self.get_started_requested.emit())
        self.get_started_action.setVisible(not self._demo)  # the demo is the demo already
        about = QAction(self.tr("&About Channel Manager"), self)
        about.setMenuRole(QAction.MenuRole.AboutRole)
        about.triggered.connect(self._on_about_triggered)
        help_menu.addAction(about)
        self.shortcuts_action = help_menu.addAction(self.tr("&Keyboard shortcuts"))
        self.shortcuts_action.triggered.connect(self._on_shortcuts_triggered)

    # -- public API ----------------------------------------------------------------------------

    def show_area(self, area: Area) -> None:
        self.navigation.select(area)
        self.pages.setCurrentWidget(self._pages[area])
        self.area_changed.emit(area)

    def current_area(self) -> Area:
        return self.navigation.current()

    def page(self, area: Area) -> QWidget:
        return self._pages[area]

    def set_page(self, area: Area, widget: QWidget) -> None:
        """Replace an area's page (features install their real page here)."""
        old = self._pages[area]
        index = self.pages.indexOf(old)
        self.pages.insertWidget(index, widget)
        self.pages.removeWidget(old)
        old.deleteLater()
        self._pages[area] = widget
        if self.current_area() is area:
            self.pages.setCurrentWidget(widget)

    def set_stores(self, stores: Sequence[tuple[int, str]]) -> None:
        """The merchant's stores as (id, name); empty-state pages adapt their next step."""
        self.top_bar.set_stores(stores)
        for page in self._pages.values():
            if isinstance(page, EmptyStatePage):
                page.set_hint("" if stores else CONNECT_HINT)

    def set_close_to_tray(self, enabled: bool) -> None:
        """With a tray, closing hides the window and the app keeps syncing."""
        self._close_to_tray = enabled

    def prepare_to_quit(self) -> None:
        """Let the next close go through: Qt 6's ``quit()`` first closes every window and
        gives up if one ignores its close event, as this window does when it hides to the tray.
        """
        self._quitting = True

    def bring_to_front(self) -> None:
        self.show()
        self.setWindowState(self.windowState() & ~Qt.WindowState.WindowMinimized)
        self.raise_()
        self.activateWindow()

    def refresh_sync_state(self) -> None:
        now = self._clock()
        self.top_bar.show_board(self._board, now)
        self.status.show_board(self._board, now)
        synced = self._board.last_sync() is not None
        for page in self._pages.values():
            if isinstance(page, EmptyStatePage):
                page.set_synced(synced)

    # -- state ---------------------------------------------------------------------------------

    def restore_state(self) -> None:
        """Size, position, splitter and last area from the settings (defaults the first time)."""
        geometry = read_bytes(self._settings, "window/geometry")
        if geometry is None or not self.restoreGeometry(geometry):
            self._place_first_time()
        splitter = read_bytes(self._settings, "window/splitter")
        if splitter is not None:
            self.splitter.restoreState(splitter)
        last = read_str(self._settings, "window/area")
        area = next((a for a in Area if a.value == last), Area.DASHBOARD)
        self.show_area(area)

    def _place_first_time(self) -> None:
        """The default size, shrunk to fit small screens, centred on the screen."""
        available = self.screen().availableGeometry()
        width = min(DEFAULT_SIZE[0], int(available.width() * 0.92))
        height = min(DEFAULT_SIZE[1], int(available.height() * 0.9))
        self.resize(width, height)
        frame = self.frameGeometry()
        frame.moveCenter(available.center())
        self.move(frame.topLeft())

    def save_state(self) -> None:
        self._settings.setValue("window/geometry", self.saveGeometry())
        self._settings.setValue("window/splitter", self.splitter.saveState())
        self._settings.setValue("window/area", self.current_area().value)
        self._settings.sync()

    # -- events --------------------------------------------------------------------------------

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_state()
        if self._quitting:
            event.accept()
            return
        if self._close_to_tray:
            event.ignore()
            self.hide()
            self.hidden_to_tray.emit()
            return
        event.accept()
        self.quit_requested.emit()

    def _on_navigation_area_selected(self, area: Area) -> None:
        self.show_area(area)

    def _on_find_triggered(self) -> None:
        """Ctrl+F: the showing page's own search; the global search on a page without one,
        or when the cursor is already in the page's search (so a second Ctrl+F goes on)."""
        page = self._pages[self.current_area()]
        focused = QApplication.focusWidget()
        in_page_search = isinstance(focused, QLineEdit) and page.isAncestorOf(focused)
        if isinstance(page, SearchablePage) and not in_page_search:
            page.focus_search()
            return
        self.top_bar.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.top_bar.search.selectAll()

    def _on_shortcuts_triggered(self) -> None:
        pages = {area.title: page for area, page in self._pages.items()}
        ShortcutsDialog.ask(self, collect_shortcuts(self, pages))

    def _on_about_triggered(self) -> None:
        # open(), not exec(): a nested event loop inside qasync's loop is best avoided.
        box = QMessageBox(self)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.setWindowTitle(self.tr("About Channel Manager"))
        box.setIconPixmap(self.windowIcon().pixmap(64, 64))
        box.setText(
            "<b>{title}</b> {version}".format(title=self.tr("Channel Manager"), version=__version__)
        )
        box.setInformativeText(
            self.tr(
                "Sell your Adobe Commerce / Magento catalog on Walmart Marketplace: listings, "
                "prices, stock, orders and returns kept in step from your desktop."
            )
        )
        box.open()
