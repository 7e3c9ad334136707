"""Qt fixtures for view tests: a window on a throwaway settings file, a board, a qasync loop."""

from __future__ import annotations

import asyncio
import gc
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
import qasync
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from channelmanager_gui.paths import HOME_ENV
from channelmanager_gui.services.language_prefs import Language
from channelmanager_gui.services.sync_status import SyncStatusBoard
from channelmanager_gui.views import i18n
from channelmanager_gui.views.main_window import MainWindow
from channelmanager_gui.views.window_state import window_settings

NOW = datetime(2024, 5, 1, 12, 0, tzinfo=UTC)


@pytest.fixture(scope="session", autouse=True)
def english(qapp: QApplication, tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """English as the app shows it (``app.py`` installs the chosen language's catalog): the
    English catalog holds the plural forms ("1 listing", "2 listings"). Compiled in a
    throwaway home, not the merchant's cache."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv(HOME_ENV, str(tmp_path_factory.mktemp("i18n-home")))
        installed = i18n.install(Language.ENGLISH)
    yield
    installed.remove()


@pytest.fixture(autouse=True)
def collect_on_the_ui_thread() -> Iterator[None]:
    """As in the app (``channelmanager_gui/qt_gc.py``): no automatic collection, which could
    run on a query worker's thread and destroy a previous test's widgets there (a crash);
    each test's cyclic garbage is collected here, on the main thread, once it is torn down."""
    was_enabled = gc.isenabled()
    gc.disable()
    yield
    gc.collect()
    if was_enabled:
        gc.enable()


@pytest.fixture
def board() -> SyncStatusBoard:
    return SyncStatusBoard()


@pytest.fixture
def settings_path(tmp_path: Path) -> Path:
    return tmp_path / "window.ini"


@pytest.fixture
def settings(settings_path: Path) -> QSettings:
    return window_settings(settings_path)


@pytest.fixture
def window(qtbot: QtBot, board: SyncStatusBoard, settings: QSettings) -> MainWindow:
    win = MainWindow(board, settings, clock=lambda: NOW)
    qtbot.addWidget(win)
    return win


@pytest.fixture
def qasync_loop(qapp: QApplication) -> Iterator[qasync.QEventLoop]:
    """A qasync loop on pytest-qt's QApplication; tests drive it with run_until_complete."""
    loop = qasync.QEventLoop(qapp)
    asyncio.set_event_loop(loop)
    yield loop
    loop.close()
    asyncio.set_event_loop(None)
