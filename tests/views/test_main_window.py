"""The main window: navigation, pages, shortcuts, menus, close behaviour, remembered state."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from channelmanager_gui.services.sync_status import SyncState, SyncStatusBoard
from channelmanager_gui.views.empty_state import CONNECT_HINT, EmptyStatePage
from channelmanager_gui.views.main_window import MainWindow
from channelmanager_gui.views.navigation import Area, Badge
from channelmanager_gui.views.window_state import window_settings
from tests.views.conftest import NOW

EXPECTED_NAV = [
    "Dashboard",
    "Listings",
    "Matching",
    "Orders",
    "Returns",
    "Sync activity",
    "Settings",
]


def test_window_shows_every_navigation_entry(qtbot: QtBot, window: MainWindow) -> None:
    window.restore_state()
    window.show()
    qtbot.waitExposed(window)
    assert window.windowTitle() == "Channel Manager"
    titles = [window.navigation.button(area).name_label.text() for area in Area]
    assert titles == EXPECTED_NAV
    assert all(window.navigation.button(area).isVisible() for area in Area)
    assert window.current_area() is Area.DASHBOARD
    # Settings is pinned at the bottom of the column, below the others.
    settings_y = window.navigation.button(Area.SETTINGS).y()
    assert settings_y > window.navigation.button(Area.SYNC_ACTIVITY).y() + 100


def test_clicking_navigation_switches_page(qtbot: QtBot, window: MainWindow) -> None:
    window.show()
    with qtbot.waitSignal(window.area_changed) as blocker:
        qtbot.mouseClick(window.navigation.button(Area.ORDERS), Qt.MouseButton.LeftButton)
    assert blocker.args == [Area.ORDERS]
    assert window.current_area() is Area.ORDERS
    page = window.pages.currentWidget()
    assert isinstance(page, EmptyStatePage)
    assert page.area is Area.ORDERS
    assert "Orders will appear here after the first sync" in page.message_label.text()


def test_shortcuts_switch_pages(qtbot: QtBot, window: MainWindow) -> None:
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    for number, area in enumerate(Area, start=1):
        assert window.area_actions[area].shortcut().toString() == f"Ctrl+{number}"
        qtbot.keyClick(window, Qt.Key(Qt.Key.Key_0 + number), Qt.KeyboardModifier.ControlModifier)
        assert window.current_area() is area
        assert window.pages.currentWidget() is window.page(area)


def test_menus_and_quit_action(qtbot: QtBot, window: MainWindow) -> None:
    menus = [action.text() for action in window.menuBar().actions()]
    assert menus == ["&File", "&View", "&Help"]
    assert window.quit_action.shortcut().toString() == "Ctrl+Q"
    with qtbot.waitSignal(window.quit_requested):
        window.quit_action.trigger()


def test_badges_show_counts_with_meaning(window: MainWindow) -> None:
    window.navigation.set_badges(
        Area.ORDERS,
        [Badge(3, "in error", alert=True, label="in error"), Badge(5, "due today"), Badge(0, "x")],
    )
    button = window.navigation.button(Area.ORDERS)
    assert button.badge_texts() == ["3 in error", "5"]
    assert button.toolTip() == "3 in error, 5 due today"
    window.navigation.set_badges(Area.ORDERS, [])
    assert button.badge_texts() == []


def test_set_page_replaces_an_empty_state(window: MainWindow) -> None:
    real = QLabel("real orders page")
    window.show_area(Area.ORDERS)
    window.set_page(Area.ORDERS, real)
    assert window.page(Area.ORDERS) is real
    assert window.pages.currentWidget() is real
    assert window.pages.count() == len(Area)


def test_empty_states_tell_the_next_step_until_a_store_exists(window: MainWindow) -> None:
    page = window.page(Area.LISTINGS)
    assert isinstance(page, EmptyStatePage)
    assert page.hint_label.text() == CONNECT_HINT
    window.set_stores([(1, "Main store")])
    assert page.hint_label.isHidden()


def test_store_selector_only_when_there_is_a_choice(qtbot: QtBot, window: MainWindow) -> None:
    window.show()
    window.set_stores([(1, "Main store")])
    assert not window.top_bar.store_combo.isVisible()
    window.set_stores([(1, "Main store"), (2, "Outlet")])
    assert window.top_bar.store_combo.isVisible()
    with qtbot.waitSignal(window.top_bar.store_changed) as blocker:
        window.top_bar.store_combo.setCurrentIndex(1)
    assert blocker.args == [2]


def test_sync_state_shown_in_top_and_status_bar(
    qtbot: QtBot, window: MainWindow, board: SyncStatusBoard
) -> None:
    assert window.top_bar.state_label.text() == "Not synced yet"
    assert window.status.loops_label.text() == "No sync has run yet"
    board.update("orders", state=SyncState.IDLE, last_run=NOW - timedelta(minutes=2))
    board.update("inventory", state=SyncState.SYNCING)
    assert window.top_bar.state_label.text() == "Syncing…"
    assert not window.top_bar.sync_button.isEnabled()
    assert window.status.loops_label.text() == "Last sync: Orders 2 min ago · Inventory not yet"
    board.update("inventory", state=SyncState.ERROR, last_error="Walmart refused the key")
    assert window.top_bar.state_label.text() == "Sync problem: Inventory"
    with qtbot.waitSignal(window.sync_now_requested):
        qtbot.mouseClick(window.top_bar.sync_button, Qt.MouseButton.LeftButton)


def test_close_hides_to_tray_when_a_tray_exists(qtbot: QtBot, window: MainWindow) -> None:
    window.set_close_to_tray(True)
    window.show()
    qtbot.waitExposed(window)
    quits: list[bool] = []
    window.quit_requested.connect(lambda: quits.append(True))
    with qtbot.waitSignal(window.hidden_to_tray):
        assert window.close() is False
    assert not window.isVisible()
    assert quits == []


def test_close_quits_without_a_tray(qtbot: QtBot, window: MainWindow) -> None:
    window.show()
    with qtbot.waitSignal(window.quit_requested):
        assert window.close() is True


def test_geometry_splitter_and_last_screen_persist(
    qtbot: QtBot, board: SyncStatusBoard, settings_path: Path
) -> None:
    first = MainWindow(board, window_settings(settings_path))
    qtbot.addWidget(first)
    first.restore_state()
    first.show()
    qtbot.waitExposed(first)
    first.resize(720, 540)
    first.splitter.setSizes([240, 480])
    first.show_area(Area.RETURNS)
    qtbot.waitUntil(lambda: first.size().width() == 720)
    saved_sizes = first.splitter.sizes()
    first.close()

    assert settings_path.is_file()  # an INI file in the data dir, not the registry
    assert QSettings(str(settings_path), QSettings.Format.IniFormat).value("window/area") == (
        "returns"
    )
    second = MainWindow(board, window_settings(settings_path))
    qtbot.addWidget(second)
    second.restore_state()
    second.show()
    qtbot.waitExposed(second)
    assert (second.width(), second.height()) == (720, 540)
    assert second.splitter.sizes() == saved_sizes
    assert second.current_area() is Area.RETURNS
    assert second.pages.currentWidget() is second.page(Area.RETURNS)


def test_unreadable_settings_fall_back_to_defaults(
    qtbot: QtBot, board: SyncStatusBoard, settings_path: Path
) -> None:
    settings_path.write_text("[window]\ngeometry=garbage\narea=nowhere\n")
    win = MainWindow(board, window_settings(settings_path))
    qtbot.addWidget(win)
    win.restore_state()
    assert win.current_area() is Area.DASHBOARD
    assert win.width() > 600


def test_demo_window_says_so_in_its_title(
    qtbot: QtBot, board: SyncStatusBoard, settings: QSettings
) -> None:
    win = MainWindow(board, settings, demo=True)
    qtbot.addWidget(win)
    assert win.windowTitle() == "Channel Manager — demo data"


def test_many_loops_are_summarised_in_the_status_bar(
    window: MainWindow, board: SyncStatusBoard
) -> None:
    for index, name in enumerate(["orders", "shipments", "returns", "catalog", "stock"]):
        board.update(name, last_run=NOW - timedelta(minutes=index))
    assert window.status.loops_label.text() == "Last sync: 5 loops, the oldest 4 min ago"
    assert window.status.loops_label.toolTip().splitlines()[0] == "Orders just now"
    board.update("inventory")
    assert window.status.loops_label.text() == "Last sync: 5 of 6 loops have run"


def test_empty_states_change_wording_once_a_sync_has_run(
    window: MainWindow, board: SyncStatusBoard
) -> None:
    page = window.page(Area.ORDERS)
    assert isinstance(page, EmptyStatePage)
    assert page.title_label.text() == "No orders yet"
    board.update("orders", last_run=NOW)
    assert page.title_label.text() == "Orders view not available yet"
    assert "after the first sync" not in page.message_label.text()


def test_sync_button_resumes_while_paused(
    qtbot: QtBot, window: MainWindow, board: SyncStatusBoard
) -> None:
    board.set_paused(True)
    button = window.top_bar.sync_button
    assert button.text() == "Resume sync"
    with qtbot.waitSignal(window.resume_requested):
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    board.set_paused(False)
    assert button.text() == "Sync now"
