"""The status board is written on the engine's thread; the bridge's signal must still run its
receivers on the UI thread (queued), whatever they are: a widget's method or a plain lambda."""

from __future__ import annotations

import threading

from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from channelmanager_gui.services.sync_status import SyncState, SyncStatusBoard
from channelmanager_gui.views.board_bridge import BoardBridge


class Label(QLabel):
    def __init__(self) -> None:
        super().__init__()
        self.threads: list[threading.Thread] = []

    def show_board(self) -> None:
        self.threads.append(threading.current_thread())
        self.setText("updated")


def test_a_change_made_on_another_thread_reaches_receivers_on_the_ui_thread(
    qtbot: QtBot,
) -> None:
    board = SyncStatusBoard()
    label = Label()
    qtbot.addWidget(label)
    bridge = BoardBridge(board, label)
    lambda_threads: list[threading.Thread] = []
    bridge.changed.connect(label.show_board)
    bridge.changed.connect(lambda: lambda_threads.append(threading.current_thread()))
    engine = threading.Thread(
        target=lambda: board.update("orders", state=SyncState.SYNCING), name="sync-engine"
    )
    with qtbot.waitSignal(bridge.changed):
        engine.start()
        engine.join()
    qtbot.waitUntil(lambda: bool(label.threads and lambda_threads))
    assert label.threads == [threading.main_thread()]
    assert lambda_threads == [threading.main_thread()]
    assert label.text() == "updated"
