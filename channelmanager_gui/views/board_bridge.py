"""Turns SyncStatusBoard's plain-callable notifications into a Qt signal.

The sync loops run in a child process; its reports reach the window's board on the thread
that reads the child's pipe (``services/engine_process.py``). A signal of an object living on
the UI thread is queued when emitted from another thread, for a widget's slot and a plain
lambda alike (``tests/views/test_board_bridge.py``), so widgets update only on the UI thread.
A bridge must outlive the engine: the shell stops the engine before the window goes.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from channelmanager_gui.services.sync_status import SyncStatusBoard


class BoardBridge(QObject):
    """``changed`` fires after every board change; read the board itself for the new state."""

    changed = Signal()

    def __init__(self, board: SyncStatusBoard, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.board = board
        self._unsubscribe = board.subscribe(self._on_board_changed)
        self.destroyed.connect(self._unsubscribe)

    def _on_board_changed(self, _board: SyncStatusBoard) -> None:
        self.changed.emit()
