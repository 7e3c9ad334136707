"""The tray controller follows the SyncStatusBoard; works even where no system tray exists."""

from __future__ import annotations

import threading
from datetime import timedelta

import pytest
from PySide6.QtWidgets import QSystemTrayIcon
from pytestqt.qtbot import QtBot

from channelmanager_gui.services.sync_status import SyncState, SyncStatusBoard
from channelmanager_gui.views.tray import TrayController
from tests.views.conftest import NOW


@pytest.fixture
def tray(qtbot: QtBot, board: SyncStatusBoard) -> TrayController:
    return TrayController(board, QSystemTrayIcon(), clock=lambda: NOW)


def test_icon_follows_overall_state(tray: TrayController, board: SyncStatusBoard) -> None:
    assert tray.icon_name == "tray-idle"
    assert not tray.tray.icon().isNull()
    board.update("orders", state=SyncState.SYNCING)
    assert tray.icon_name == "tray-syncing"
    board.set_paused(True)
    assert tray.icon_name == "tray-syncing"  # syncing outranks paused
    board.update("orders", state=SyncState.IDLE)
    assert tray.icon_name == "tray-paused"
    board.update("inventory", state=SyncState.ERROR, last_error="Walmart refused the key")
    assert tray.icon_name == "tray-error"


def test_the_icon_itself_says_needs_attention_with_errors_open(
    qtbot: QtBot, tray: TrayController, board: SyncStatusBoard
) -> None:
    """Issue 20 #4: orders in error left the icon green "Up to date"; only the tooltip said."""
    board.update("orders", state=SyncState.IDLE, last_run=NOW - timedelta(minutes=5))
    board.set_open_errors(3)
    qtbot.waitUntil(lambda: tray.icon_name == "tray-attention")
    assert not tray.tray.icon().isNull()
    assert tray.tooltip().splitlines()[0] == "Channel Manager — Needs attention"
    board.update("orders", state=SyncState.SYNCING)
    assert tray.icon_name == "tray-attention"  # a routine sync does not hide it
    board.update("orders", state=SyncState.ERROR, last_error="Walmart refused the key")
    assert tray.icon_name == "tray-error"  # a failing loop is worse still
    board.update("orders", state=SyncState.IDLE)
    board.set_open_errors(0)
    qtbot.waitUntil(lambda: tray.icon_name == "tray-idle")


def test_tooltip_names_state_last_sync_and_open_errors(
    tray: TrayController, board: SyncStatusBoard
) -> None:
    assert tray.tooltip() == "Channel Manager — Up to date\nNot synced yet"
    board.update("orders", state=SyncState.IDLE, last_run=NOW - timedelta(minutes=5))
    assert tray.tooltip() == "Channel Manager — Up to date\nLast sync: 5 min ago"
    board.update("inventory", state=SyncState.ERROR, last_error="Walmart refused the key")
    board.set_open_errors(2)
    assert tray.tooltip().splitlines() == [
        "Channel Manager — Sync problem",
        "Last sync: 5 min ago",
        "Inventory: Walmart refused the key",
        "2 open errors",
    ]


def test_menu_actions_emit_requests(
    qtbot: QtBot, tray: TrayController, board: SyncStatusBoard
) -> None:
    texts = [a.text() for a in tray.menu.actions() if not a.isSeparator()]
    assert texts == ["Open Channel Manager", "Sync now", "Pause sync", "Quit"]
    with qtbot.waitSignal(tray.open_requested):
        tray.open_action.trigger()
    with qtbot.waitSignal(tray.sync_now_requested):
        tray.sync_action.trigger()
    with qtbot.waitSignal(tray.quit_requested):
        tray.quit_action.trigger()
    with qtbot.waitSignal(tray.pause_toggled) as blocker:
        tray.pause_action.trigger()
    assert blocker.args == [True]


def test_pause_item_reads_resume_while_paused(
    qtbot: QtBot, tray: TrayController, board: SyncStatusBoard
) -> None:
    tray.pause_toggled.connect(board.set_paused)
    tray.pause_action.trigger()
    assert board.paused
    assert tray.pause_action.text() == "Resume sync"
    with qtbot.waitSignal(tray.pause_toggled) as blocker:
        tray.pause_action.trigger()
    assert blocker.args == [False]
    assert tray.pause_action.text() == "Pause sync"


def test_clicking_the_icon_opens_the_window(qtbot: QtBot, tray: TrayController) -> None:
    with qtbot.waitSignal(tray.open_requested):
        tray.tray.activated.emit(QSystemTrayIcon.ActivationReason.Trigger)


def test_board_changes_from_another_thread_reach_the_tray(
    qtbot: QtBot, tray: TrayController, board: SyncStatusBoard
) -> None:
    thread = threading.Thread(target=lambda: board.update("orders", state=SyncState.ERROR))
    thread.start()
    thread.join()
    qtbot.waitUntil(lambda: tray.icon_name == "tray-error")
