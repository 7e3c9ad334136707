"""The first-run wizard in the running app: shown with no store, it connects one or
relaunches the app in demo mode."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from PySide6.QtCore import QProcess, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QSystemTrayIcon

from channelmanager_gui import app as app_module
from channelmanager_gui.models.db import Database, open_database
from channelmanager_gui.services import stores
from channelmanager_gui.services.credentials import CredentialStore
from channelmanager_gui.views import engine_control
from channelmanager_gui.views.first_run import FirstRunWizard
from channelmanager_gui.views.keyring_dialog import KeyringDialog
from channelmanager_gui.views.main_window import MainWindow
from channelmanager_gui.views.store_dialog import StoreDialog
from tests.models.listing_seed import add_store
from tests.views.fake_engine_process import FakeProcess, started


@pytest.fixture(autouse=True)
def quiet_app(qapp: QApplication, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setattr(app_module, "missing_xcb_packages", lambda: [])
    monkeypatch.setattr(QSystemTrayIcon, "isSystemTrayAvailable", staticmethod(lambda: False))
    monkeypatch.setattr(engine_control, "EngineProcess", FakeProcess)
    FakeProcess.last = None
    yield
    qapp.setQuitOnLastWindowClosed(True)


def when_running(action: Callable[[], None], failures: list[BaseException]) -> None:
    """Run ``action`` once the app's loop runs and has shown what it shows at start (the
    wizard is offered by a zero-delay timer of its own, so look one turn later)."""

    def guarded() -> None:
        try:
            action()
        except BaseException as exc:
            failures.append(exc)
            QApplication.exit(1)

    QTimer.singleShot(0, lambda: QTimer.singleShot(0, guarded))


def wizard() -> FirstRunWizard | None:
    [window] = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)]
    shown = [found for found in window.findChildren(FirstRunWizard) if found.isVisible()]
    return shown[0] if shown else None  # one closed a moment ago may not be deleted yet


def quit_app() -> None:
    [window] = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)]
    window.quit_requested.emit()


def test_with_no_store_the_wizard_offers_the_demo_which_relaunches_and_quits(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    relaunched: list[str] = []
    monkeypatch.setattr(app_module, "relaunch_demo", lambda: relaunched.append("demo") or True)
    failures: list[BaseException] = []
    seen: dict[str, Any] = {}

    def try_the_demo() -> None:
        shown = wizard()
        assert shown is not None
        seen["modal"] = shown.isModal()
        shown.demo_button.click()  # the app quits after relaunching

    when_running(try_the_demo, failures)
    assert app_module.run_app(demo=False, argv=["channelmanager-gui"]) == 0
    assert failures == []
    assert relaunched == ["demo"]
    assert seen == {"modal": True}


def test_a_failed_relaunch_keeps_the_app_and_says_so(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(app_module, "relaunch_demo", lambda: False)
    failures: list[BaseException] = []
    seen: dict[str, Any] = {}

    def try_the_demo() -> None:
        shown = wizard()
        assert shown is not None
        shown.demo_button.click()
        [window] = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)]
        seen["notice"] = window.status.currentMessage()
        quit_app()

    when_running(try_the_demo, failures)
    assert app_module.run_app(demo=False, argv=["channelmanager-gui"]) == 0
    assert failures == []
    assert seen == {"notice": app_module.DEMO_FAILED_NOTICE}


def test_connecting_a_store_from_the_wizard_starts_the_sync(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def add_one(cls: type, parent: object, db: Database, *_: object) -> int:
        return stores.add_store(
            db,
            CredentialStore(),
            name="My shop",
            commerce_url="http://127.0.0.1:9/",
            commerce_store_code="default",
            walmart_url="http://127.0.0.1:9/",
            secrets={name: "x" for name in stores.SECRET_NAMES},
        )

    monkeypatch.setattr(StoreDialog, "ask", classmethod(add_one))
    failures: list[BaseException] = []

    def quit_once_started() -> None:
        if started():
            quit_app()
        else:
            QTimer.singleShot(10, quit_once_started)

    def connect() -> None:
        shown = wizard()
        assert shown is not None
        shown.connect_button.click()
        assert wizard() is None  # done: the wizard closed
        quit_once_started()

    when_running(connect, failures)
    assert app_module.run_app(demo=False, argv=["channelmanager-gui"]) == 0
    assert failures == []
    assert FakeProcess.last is not None and FakeProcess.last.calls == ["start", "stop"]


def test_later_closes_the_wizard_and_the_window_stays(monkeypatch: pytest.MonkeyPatch) -> None:
    failures: list[BaseException] = []
    seen: dict[str, Any] = {}

    def later() -> None:
        shown = wizard()
        assert shown is not None
        [button] = [b for b in shown.findChildren(type(shown.demo_button)) if b.text() == "Later"]
        button.click()
        seen["wizard"] = wizard()
        quit_app()

    when_running(later, failures)
    assert app_module.run_app(demo=False, argv=["channelmanager-gui"]) == 0
    assert failures == []
    assert seen == {"wizard": None}


def test_with_a_store_no_wizard_is_shown() -> None:
    db = open_database()
    add_store(db)
    db.dispose()
    failures: list[BaseException] = []
    seen: dict[str, Any] = {}

    def look() -> None:
        seen["wizard"] = wizard()
        quit_app()

    when_running(look, failures)
    assert app_module.run_app(demo=False, argv=["channelmanager-gui"]) == 0
    assert failures == []
    assert seen == {"wizard": None}


def test_relaunch_starts_the_demo_in_a_detached_process(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[tuple[str, list[str]]] = []

    def start_detached(program: str, arguments: list[str]) -> tuple[bool, int]:
        calls.append((program, list(arguments)))
        return True, 4242

    monkeypatch.setattr(QProcess, "startDetached", staticmethod(start_detached))
    assert app_module.relaunch_demo() is True
    assert calls == [(sys.executable, ["-m", "channelmanager_gui", "--demo"])]


def test_without_a_keyring_connect_says_why_and_the_demo_stays(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Tried under Xvfb with a fresh data folder and no keyring: "Connect my store" opened the
    store dialog, which could only fail at Save after everything was typed."""
    monkeypatch.setattr(app_module, "keyring_problem", lambda: "No keyring: install one.")
    monkeypatch.setattr(KeyringDialog, "ask", classmethod(lambda cls, parent, message: True))
    failures: list[BaseException] = []
    seen: dict[str, Any] = {}

    def look() -> None:
        shown = wizard()
        assert shown is not None
        seen["connect"] = shown.connect_button.isEnabled()
        seen["says why"] = any("keyring" in label.text() for label in shown.findChildren(QLabel))
        seen["demo"] = shown.demo_button.isEnabled()
        quit_app()

    when_running(look, failures)
    assert app_module.run_app(demo=False, argv=["channelmanager-gui"]) == 0
    assert failures == []
    assert seen == {"connect": False, "says why": True, "demo": True}


def test_after_later_help_get_started_brings_the_wizard_back() -> None:
    """After "Later" nothing in the window led to a store or the demo again."""
    failures: list[BaseException] = []
    seen: dict[str, Any] = {}

    def later_then_get_started() -> None:
        shown = wizard()
        assert shown is not None
        shown.reject()  # Later
        [window] = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)]
        seen["menu"] = window.get_started_action.isVisible()
        window.get_started_action.trigger()
        seen["again"] = wizard() is not None
        seen["notice"] = "Get started" in app_module.NO_STORE_NOTICE
        quit_app()

    when_running(later_then_get_started, failures)
    assert app_module.run_app(demo=False, argv=["channelmanager-gui"]) == 0
    assert failures == []
    assert seen == {"menu": True, "again": True, "notice": True}
