"""The tray icon: sync state at a glance, a small menu, and notifications.

``TrayController`` holds the logic (icon name, tooltip, menu texts) and drives a
``QSystemTrayIcon`` it is given, so tests can exercise it on platforms that report no system
tray (the offscreen one): a QSystemTrayIcon can be created anywhere, it is only never shown.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QAction, QIcon
from PySide6.QtWidgets import QMenu, QSystemTrayIcon

from channelmanager_gui.resources import icon_path
from channelmanager_gui.services.sync_status import SyncStatusBoard
from channelmanager_gui.views.board_bridge import BoardBridge
from channelmanager_gui.views.sync_text import tray_state, tray_tooltip

NOTIFY_MS = 8_000
CLOCK_MS = 30_000  # the tooltip's "2 min ago" is redrawn this often


class TrayController(QObject):
    """Signals carry the merchant's choices; the composition root decides what they do."""

    open_requested = Signal()
    sync_now_requested = Signal()
    pause_toggled = Signal(bool)  # True: the merchant wants syncing paused
    quit_requested = Signal()

    def __init__(
        self,
        board: SyncStatusBoard,
        tray: QSystemTrayIcon | None = None,
        *,
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._board = board
        self._clock = clock
        self.tray = tray if tray is not None else QSystemTrayIcon(self)
        self.icon_name = ""
        self._setup_menu()
        self.tray.activated.connect(self._on_tray_activated)
        self._bridge = BoardBridge(board, self)
        self._bridge.changed.connect(self.refresh)
        self._timer = QTimer(self)
        self._timer.setInterval(CLOCK_MS)
        self._timer.timeout.connect(self.refresh)
        self._timer.start()
        self.refresh()

    def _setup_menu(self) -> None:
        # The menu has no parent widget (a tray has none); keep a reference so it lives on.
        self.menu = QMenu()
        self.open_action = self._add_action(
            self.tr("Open Channel Manager"), self.open_requested.emit
        )
        self.menu.addSeparator()
        self.sync_action = self._add_action(self.tr("Sync now"), self.sync_now_requested.emit)
        self.pause_action = self._add_action(self.tr("Pause sync"), self._on_pause_action_triggered)
        self.menu.addSeparator()
        self.quit_action = self._add_action(self.tr("Quit"), self.quit_requested.emit)
        self.tray.setContextMenu(self.menu)

    def _add_action(self, text: str, slot: Callable[[], None]) -> QAction:
        action = QAction(text, self.menu)
        action.triggered.connect(lambda _=False: slot())
        self.menu.addAction(action)
        return action

    def show(self) -> None:
        self.tray.show()

    def hide(self) -> None:
        self.tray.hide()

    def refresh(self) -> None:
        """Redraw icon, tooltip and the Pause/Resume item from the board."""
        name = tray_state(self._board)[0]
        if name != self.icon_name:
            self.icon_name = name
            self.tray.setIcon(QIcon(str(icon_path(name))))
        self.tray.setToolTip(tray_tooltip(self._board, self._clock()))
        self.pause_action.setText(
            self.tr("Resume sync") if self._board.paused else self.tr("Pause sync")
        )

    def tooltip(self) -> str:
        return self.tray.toolTip()

    def notify(self, title: str, text: str, *, warning: bool = False) -> None:
        """A passing desktop notification (new orders, new errors)."""
        kind = (
            QSystemTrayIcon.MessageIcon.Warning
            if warning
            else QSystemTrayIcon.MessageIcon.Information
        )
        self.tray.showMessage(title, text, kind, NOTIFY_MS)

    def _on_pause_action_triggered(self) -> None:
        self.pause_toggled.emit(not self._board.paused)

    def _on_tray_activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        if reason in (
            QSystemTrayIcon.ActivationReason.Trigger,
            QSystemTrayIcon.ActivationReason.DoubleClick,
        ):
            self.open_requested.emit()
