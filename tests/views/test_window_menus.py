"""Help → Keyboard shortcuts lists the window's real keys; File → Export writes the CSV."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path

import pytest
import qasync
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from channelmanager_gui.models.db import Database, open_database
from channelmanager_gui.qt_async import OpRunner
from channelmanager_gui.views.export_menu import ExportMenu
from channelmanager_gui.views.main_window import MainWindow
from channelmanager_gui.views.navigation import Area
from channelmanager_gui.views.shortcuts_dialog import ShortcutsDialog, collect_shortcuts
from tests.models.order_seed import seed_shop


@pytest.fixture
def db() -> Iterator[Database]:
    database = open_database()
    yield database
    database.dispose()


def test_shortcut_list_is_read_from_the_window_actions(qtbot: QtBot, window: MainWindow) -> None:
    page = QWidget()
    action = QAction("Remove", page)
    action.setShortcut(QKeySequence("Del"))
    page.addAction(action)
    window.set_page(Area.LISTINGS, page)
    pages = {area.title: window.page(area) for area in Area}
    rows = collect_shortcuts(window, pages)
    keys = {(what, where): k for k, what, where in rows}
    assert ("Quit", "File menu") in keys
    assert ("Find", "View menu") in keys
    assert (Area.ORDERS.title, "View menu") in keys  # Ctrl+1… for the pages
    assert keys[("Remove", f"{Area.LISTINGS.title} page")] == "Del"
    assert len(rows) == len(set(rows))
    assert window.shortcuts_action in window.menuBar().actions()[-1].menu().actions()
    dialog = ShortcutsDialog(rows)
    qtbot.addWidget(dialog)
    assert dialog.table.rowCount() == len(rows)


def test_export_orders_from_the_file_menu(
    qtbot: QtBot,
    window: MainWindow,
    db: Database,
    qasync_loop: qasync.QEventLoop,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    shop = seed_shop(db)
    ops = OpRunner(lambda exc, label: pytest.fail(f"{label}: {exc!r}"))
    menu = ExportMenu(window, window.file_menu, db, ops, lambda: shop["store"])
    texts = [a.text() for a in window.file_menu.actions() if not a.isSeparator()]
    assert texts[:2] == ["Export orders as CSV…", "Export listings as CSV…"]
    assert texts[-1] == window.quit_action.text()  # Quit stays last
    target = tmp_path / "orders.csv"
    monkeypatch.setattr(menu, "choose_path", lambda kind: target)
    seen: list[object] = []
    monkeypatch.setattr(menu, "export", lambda kind, real=menu.export: seen.append(real(kind)))
    menu.actions["orders"].trigger()
    task = seen[0]
    assert task is not None
    qasync_loop.run_until_complete(task)  # type: ignore[arg-type]
    rows = list(csv.DictReader(target.open(encoding="utf-8", newline="")))
    assert len(rows) == 7  # the store shown, not the other store's order
    assert "7 orders exported to" in window.statusBar().currentMessage()
