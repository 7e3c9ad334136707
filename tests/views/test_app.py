"""The composition root end to end: start, show the window, quit, shut down in order."""

from __future__ import annotations

import os
import signal
import sys
import threading
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QSystemTrayIcon
from pytestqt.qtbot import QtBot

from channelmanager_gui import app as app_module
from channelmanager_gui.errors import StorageError
from channelmanager_gui.models.db import Database, open_database
from channelmanager_gui.qt_async import OpRunner
from channelmanager_gui.services import change_log, language_prefs, notify_prefs, stores
from channelmanager_gui.services.changes import Change, Changes
from channelmanager_gui.services.credentials import CredentialStore
from channelmanager_gui.services.language_prefs import Language
from channelmanager_gui.services.notify_prefs import NotifyPrefs
from channelmanager_gui.services.sync_notices import NoticeKind
from channelmanager_gui.services.sync_status import SyncState, SyncStatusBoard
from channelmanager_gui.views import engine_control
from channelmanager_gui.views.keyring_dialog import KeyringDialog
from channelmanager_gui.views.main_window import MainWindow
from channelmanager_gui.views.navigation import Area
from channelmanager_gui.views.single_instance import (
    SingleInstance,
    ask_running_to_show,
    instance_key,
)
from channelmanager_gui.views.tray import TrayController
from tests.models.listing_seed import add_listing, add_store
from tests.views.fake_engine_process import FakeProcess, started


@pytest.fixture(autouse=True)
def restore_quit_on_close(qapp: QApplication) -> Iterator[None]:
    yield
    qapp.setQuitOnLastWindowClosed(True)


@pytest.fixture
def steps(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Records the shutdown steps in the order they run."""
    seen: list[str] = []
    cancel_all, dispose = OpRunner.cancel_all, Database.dispose

    async def recording_cancel_all(self: OpRunner) -> None:
        seen.append("stop ops")
        await cancel_all(self)

    def recording_dispose(self: Database) -> None:
        seen.append("dispose engine")
        dispose(self)

    monkeypatch.setattr(OpRunner, "cancel_all", recording_cancel_all)
    monkeypatch.setattr(Database, "dispose", recording_dispose)
    monkeypatch.setattr(app_module, "missing_xcb_packages", lambda: [])
    return seen


def _main_window() -> MainWindow:
    [window] = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)]
    return window


def _when_running(action: Callable[[], None], failures: list[BaseException]) -> None:
    """Run ``action`` once the app's event loop is running.

    A failure inside it would otherwise land in the app's excepthook (an error dialog) and
    leave the app running; record it and quit so the test fails instead of hanging.
    """

    def guarded() -> None:
        try:
            action()
        except BaseException as exc:
            failures.append(exc)
            QApplication.exit(1)

    QTimer.singleShot(0, guarded)


def _when(
    ready: Callable[[], bool], action: Callable[[], None], failures: list[BaseException]
) -> None:
    """Run ``action`` on the UI thread once ``ready()`` holds (the engine starts on its own
    thread, and the open errors are counted in a worker: look until they have)."""

    def check() -> None:
        if ready():
            _when_running(action, failures)
        else:
            QTimer.singleShot(10, check)

    QTimer.singleShot(0, check)


def _engine_started() -> bool:
    return started()


def test_run_app_shows_window_then_shuts_down_in_order(
    monkeypatch: pytest.MonkeyPatch, steps: list[str], cm_home: Path
) -> None:
    monkeypatch.setattr(QSystemTrayIcon, "isSystemTrayAvailable", staticmethod(lambda: False))
    seen: dict[str, object] = {}

    def inspect_and_quit() -> None:
        window = _main_window()
        seen["visible"] = window.isVisible()
        seen["title"] = window.windowTitle()
        window.close()  # no tray: closing the window quits

    failures: list[BaseException] = []
    _when_running(inspect_and_quit, failures)
    assert app_module.run_app(demo=False, argv=["channelmanager-gui"]) == 0
    assert failures == []
    assert seen == {"visible": True, "title": "Channel Manager"}
    assert steps == ["stop ops", "dispose engine"]
    assert (cm_home / "window.ini").is_file()
    assert (cm_home / "channelmanager.sqlite3").is_file()


def test_the_saved_language_is_shown_from_the_start(
    monkeypatch: pytest.MonkeyPatch, steps: list[str], cm_home: Path
) -> None:
    monkeypatch.setattr(QSystemTrayIcon, "isSystemTrayAvailable", staticmethod(lambda: False))
    db = open_database()
    language_prefs.save(db, Language.CHINESE_SIMPLIFIED)
    db.dispose()
    seen: dict[str, object] = {}

    def inspect_and_quit() -> None:
        window = _main_window()
        buttons = [window.navigation.button(area) for area in list(Area)[:4]]
        seen["areas"] = [button.name_label.text() for button in buttons]
        window.close()

    failures: list[BaseException] = []
    _when_running(inspect_and_quit, failures)
    assert app_module.run_app(demo=False, argv=["channelmanager-gui"]) == 0
    assert failures == []
    assert seen == {"areas": ["概览", "刊登", "匹配", "订单"]}
    assert Area.ORDERS.title == "Orders"  # the run's catalog is gone with it


def test_with_a_tray_closing_hides_and_tray_quit_ends(
    monkeypatch: pytest.MonkeyPatch, steps: list[str]
) -> None:
    monkeypatch.setattr(QSystemTrayIcon, "isSystemTrayAvailable", staticmethod(lambda: True))
    seen: dict[str, object] = {}

    def close_then_quit_from_tray() -> None:
        window = _main_window()
        window.close()
        seen["hidden"] = not window.isVisible()
        tray = window.findChild(TrayController)
        assert tray is not None
        seen["tray icon"] = tray.icon_name
        # Still running after the close: the tray's Quit is what ends the app.
        QTimer.singleShot(0, tray.quit_action.trigger)

    failures: list[BaseException] = []
    _when_running(close_then_quit_from_tray, failures)
    assert app_module.run_app(demo=False, argv=["channelmanager-gui"]) == 0
    assert failures == []
    assert seen == {"hidden": True, "tray icon": "tray-idle"}
    assert steps == ["stop ops", "dispose engine"]


def test_keyring_problem_asks_and_quit_stops_before_the_database(
    monkeypatch: pytest.MonkeyPatch, steps: list[str], cm_home: Path
) -> None:
    asked: list[str] = []
    monkeypatch.setattr(app_module, "keyring_problem", lambda: "No keyring: install one.")

    def ask(cls: type[KeyringDialog], parent: object, message: str) -> bool:
        asked.append(message)
        return False

    monkeypatch.setattr(KeyringDialog, "ask", classmethod(ask))
    assert app_module.run_app(demo=False, argv=["channelmanager-gui"]) == 1
    assert asked == ["No keyring: install one."]
    assert not (cm_home / "channelmanager.sqlite3").exists()


def test_missing_system_libraries_are_named_instead_of_a_qt_abort(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(app_module, "missing_xcb_packages", lambda: ["libxcb-cursor0"])
    assert app_module.run_app(demo=False, argv=["channelmanager-gui"]) == 1
    assert "sudo apt-get install libxcb-cursor0" in capsys.readouterr().err


@pytest.fixture
def fake_engine(monkeypatch: pytest.MonkeyPatch) -> None:
    FakeProcess.last = None
    monkeypatch.setattr(engine_control, "EngineProcess", FakeProcess)


def test_with_a_store_the_child_syncs_and_stops_before_the_db(
    monkeypatch: pytest.MonkeyPatch, steps: list[str], fake_engine: None
) -> None:
    monkeypatch.setattr(QSystemTrayIcon, "isSystemTrayAvailable", staticmethod(lambda: True))
    db = open_database()
    stores.add_store(
        db,
        CredentialStore(),
        name="Main store",
        commerce_url="http://127.0.0.1:9/",
        commerce_store_code="default",
        walmart_url="http://127.0.0.1:9/",
        secrets={name: "x" for name in stores.SECRET_NAMES},
    )
    db.dispose()
    steps.clear()
    stop_child = FakeProcess.stop

    def recording_stop(self: FakeProcess, timeout: float) -> int:
        steps.append("stop child")
        return stop_child(self, timeout)

    monkeypatch.setattr(FakeProcess, "stop", recording_stop)
    failures: list[BaseException] = []
    notified: list[str] = []
    monkeypatch.setattr(
        TrayController, "notify", lambda self, title, text, warning=False: notified.append(title)
    )

    def merchant_clicks() -> None:
        window = _main_window()
        tray = window.findChild(TrayController)
        child = FakeProcess.last
        assert tray is not None and child is not None
        child.board.update("orders", last_run=datetime.now(UTC), counts={"new": 2})
        window.top_bar.sync_button.click()
        tray.pause_action.trigger()
        assert child.board.paused  # shown at once; the child takes it between runs
        tray.quit_action.trigger()

    _when(_engine_started, merchant_clicks, failures)
    assert app_module.run_app(demo=False, argv=["channelmanager-gui"]) == 0
    assert failures == []
    assert FakeProcess.last is not None
    assert FakeProcess.last.calls == ["start", "sync now", "pause", "stop"]
    assert threading.main_thread().name not in FakeProcess.last.threads  # launched off the UI
    # The store's secrets went to the child (over its stdin), read from the keyring.
    assert set(FakeProcess.last.secrets["values"]["1"]) == set(stores.SECRET_NAMES)
    assert notified == ["2 new Walmart orders"]
    assert steps == ["stop ops", "stop child", "dispose engine"]


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")
def test_ctrl_c_quits_cleanly(monkeypatch: pytest.MonkeyPatch, steps: list[str]) -> None:
    monkeypatch.setattr(QSystemTrayIcon, "isSystemTrayAvailable", staticmethod(lambda: True))
    failures: list[BaseException] = []
    # With a tray, closing only hides; the signal must still end the app.
    _when_running(lambda: os.kill(os.getpid(), signal.SIGINT), failures)
    assert app_module.run_app(demo=False, argv=["channelmanager-gui"]) == 0
    assert failures == []
    assert steps == ["stop ops", "dispose engine"]


def test_open_errors_counted_at_start_and_after_another_process_writes(
    monkeypatch: pytest.MonkeyPatch, steps: list[str], fake_engine: None
) -> None:
    monkeypatch.setattr(QSystemTrayIcon, "isSystemTrayAvailable", staticmethod(lambda: True))
    db = open_database()
    store_id = add_store(db)
    add_listing(db, store_id, 1, sync_error="Walmart refused the price")
    db.dispose()
    seen: dict[str, str] = {}
    failures: list[BaseException] = []

    def counted() -> bool:
        child = FakeProcess.last
        return _engine_started() and child is not None and child.board.open_errors == 1

    def write_from_elsewhere() -> None:
        tray = _main_window().findChild(TrayController)
        child = FakeProcess.last
        assert tray is not None and child is not None
        seen["at start"] = tray.tooltip().splitlines()[-1]

        def on_board(board: SyncStatusBoard) -> None:
            if board.open_errors == 2 and "after" not in seen:
                seen["after"] = tray.tooltip().splitlines()[-1]
                QTimer.singleShot(0, tray.quit_action.trigger)

        child.board.subscribe(on_board)
        other = open_database()  # another connection, as a CLI command in a terminal would be
        add_listing(other, store_id, 2, sync_error="Walmart refused the quantity")
        change_log.publish(other, Changes.of(Change.LISTINGS))  # what a CLI command does
        other.dispose()
        # Safety net only: if the write is never noticed, end the app so the test fails fast.
        QTimer.singleShot(20_000, tray, tray.quit_action.trigger)

    _when(counted, write_from_elsewhere, failures)
    assert app_module.run_app(demo=False, argv=["channelmanager-gui"]) == 0
    assert failures == []
    assert seen == {"at start": "1 open error", "after": "2 open errors"}


def test_unusable_database_is_explained_and_stops_start_up(
    monkeypatch: pytest.MonkeyPatch, steps: list[str]
) -> None:
    shown: list[str] = []

    def refuse(path: object = None) -> Database:
        raise StorageError("The local database at /x cannot be opened: disk I/O error")

    monkeypatch.setattr(app_module, "open_database", refuse)
    monkeypatch.setattr(
        QMessageBox, "critical", staticmethod(lambda parent, title, text: shown.append(text))
    )
    assert app_module.run_app(demo=False, argv=["channelmanager-gui"]) == 1
    assert shown == ["The local database at /x cannot be opened: disk I/O error"]
    assert steps == []


def test_quit_after_ends_the_app_by_its_ordinary_shutdown(
    monkeypatch: pytest.MonkeyPatch, steps: list[str]
) -> None:
    """The bundle's smoke test (packaging/smoke.sh) relies on it: the window quits itself."""
    monkeypatch.setattr(QSystemTrayIcon, "isSystemTrayAvailable", staticmethod(lambda: True))
    monkeypatch.setenv("CHANNELMANAGER_QUIT_AFTER", "0.3")
    assert app_module.run_app(demo=False, argv=["channelmanager-gui"]) == 0
    assert steps == ["stop ops", "dispose engine"]


def test_a_second_start_shows_the_running_window_and_ends(
    monkeypatch: pytest.MonkeyPatch, steps: list[str], cm_home: Path, qtbot: QtBot
) -> None:
    """Without opening the database: the running app owns it."""
    running = SingleInstance(instance_key(cm_home))
    assert running.claim()
    try:
        with qtbot.waitSignal(running.activated, timeout=5000):
            assert app_module.run_app(demo=False, argv=["channelmanager-gui"]) == 0
    finally:
        running.close()
    assert steps == []
    assert not (cm_home / "channelmanager.sqlite3").exists()


def test_the_running_window_comes_forward_when_started_again(
    monkeypatch: pytest.MonkeyPatch, steps: list[str], cm_home: Path
) -> None:
    monkeypatch.setattr(QSystemTrayIcon, "isSystemTrayAvailable", staticmethod(lambda: True))
    seen: dict[str, bool] = {}

    def hide_then_start_again() -> None:
        window = _main_window()
        window.close()  # to the tray
        seen["hidden"] = not window.isVisible()
        assert ask_running_to_show(instance_key(cm_home))
        QTimer.singleShot(200, look_and_quit)

    def look_and_quit() -> None:
        seen["shown again"] = _main_window().isVisible()
        _main_window().quit_requested.emit()

    failures: list[BaseException] = []
    _when_running(hide_then_start_again, failures)
    assert app_module.run_app(demo=False, argv=["channelmanager-gui"]) == 0
    assert failures == []
    assert seen == {"hidden": True, "shown again": True}


def test_the_tray_notifies_only_the_events_chosen_in_settings(
    monkeypatch: pytest.MonkeyPatch, steps: list[str]
) -> None:
    monkeypatch.setattr(QSystemTrayIcon, "isSystemTrayAvailable", staticmethod(lambda: True))
    shown: list[str] = []
    monkeypatch.setattr(
        TrayController, "notify", lambda self, title, text, warning=False: shown.append(title)
    )
    db = open_database()
    notify_prefs.save(db, NotifyPrefs().with_kind(NoticeKind.NEW_ORDERS, False))
    db.dispose()

    def sync_events() -> None:
        board = _main_window()._board
        board.update("orders", state=SyncState.IDLE, last_run=datetime.now(UTC), counts={"new": 2})
        board.update("inventory", state=SyncState.ERROR, last_error="Walmart said 500")
        QTimer.singleShot(300, _main_window().quit_requested.emit)

    failures: list[BaseException] = []
    _when_running(sync_events, failures)
    assert app_module.run_app(demo=False, argv=["channelmanager-gui"]) == 0
    assert failures == []
    assert shown == ["Sync problem: Inventory"]
