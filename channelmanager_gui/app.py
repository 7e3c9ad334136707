"""The one composition root of the window: builds Qt, the asyncio loop, services and views.

Everything is created here and handed to what needs it; nothing reaches for a global app
object. Shutdown runs in the reverse order of dependence: the window saves its state, running
ops and sync loops stop, HTTP clients close, and the database engine is disposed last.
"""

from __future__ import annotations

import asyncio
import logging
import sys
from dataclasses import dataclass

import shiboken6
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox, QSystemTrayIcon

from channelmanager_gui import __version__
from channelmanager_gui.errors import StorageError
from channelmanager_gui.models.db import Database, open_database
from channelmanager_gui.qt_async import OpRunner, create_event_loop, install_excepthook
from channelmanager_gui.resources import icon_path
from channelmanager_gui.services import stores
from channelmanager_gui.services.credentials import keyring_problem
from channelmanager_gui.services.sync_status import SyncStatusBoard
from channelmanager_gui.views.error_presenter import ErrorPresenter
from channelmanager_gui.views.keyring_dialog import KeyringDialog
from channelmanager_gui.views.main_window import MainWindow
from channelmanager_gui.views.platform_check import missing_packages_message, missing_xcb_packages
from channelmanager_gui.views.tray import TrayController
from channelmanager_gui.views.window_state import window_settings

log = logging.getLogger(__name__)

NO_STORE_NOTICE = "No store is connected yet: add one with “channelmanager-gui store add”."
NO_ENGINE_NOTICE = "Syncing is not part of this build yet."


def run_app(demo: bool, argv: list[str]) -> int:
    """Open the window and run until the merchant quits; returns the process exit code."""
    missing = missing_xcb_packages()
    if missing:
        message = missing_packages_message(missing)
        log.error("cannot start the window: %s", message)
        print(message, file=sys.stderr)
        return 1
    app = _create_application(argv)
    problem = keyring_problem()
    if problem is not None:
        log.warning("keyring unusable at start-up: %s", problem)
        if not KeyringDialog.ask(None, problem):
            return 1
    try:
        db = open_database()
    except StorageError as exc:
        log.error("database unusable at start-up: %s", exc)
        QMessageBox.critical(None, "Channel Manager cannot start", exc.message)
        return 1
    try:
        return _run_window(app, db, demo)
    finally:
        db.dispose()
        log.info("database closed")


def _create_application(argv: list[str]) -> QApplication:
    app = QApplication.instance() or QApplication(argv)
    assert isinstance(app, QApplication)
    app.setApplicationName("Channel Manager")
    app.setOrganizationName("ChannelManager")
    app.setApplicationVersion(__version__)
    app.setWindowIcon(QIcon(str(icon_path("app"))))
    # With a tray the app lives on after its window is closed; quitting is explicit.
    app.setQuitOnLastWindowClosed(False)
    return app


@dataclass
class _Shell:
    """The UI objects of one run, so the shutdown can reach them in order."""

    board: SyncStatusBoard
    window: MainWindow
    presenter: ErrorPresenter
    ops: OpRunner
    tray: TrayController | None


def _run_window(app: QApplication, db: Database, demo: bool) -> int:
    loop = create_event_loop(app)
    shell = _build_shell(app, db, demo)
    restore_hook = install_excepthook(shell.presenter)
    shell.window.restore_state()
    shell.window.show()
    if shell.tray is not None:
        shell.tray.show()
    try:
        with loop:
            loop.run_forever()  # returns when QApplication.quit() is called
            log.info("shutting down")
            shell.window.save_state()
            if shell.tray is not None:
                shell.tray.hide()
            loop.run_until_complete(shell.ops.cancel_all())
    finally:
        restore_hook()
        # Delete the window now rather than whenever Python collects it, so no top-level
        # widget of a finished run outlives it (matters when run_app runs twice, as in tests).
        shiboken6.delete(shell.window)
        asyncio.set_event_loop(None)  # the closed loop must not linger as the current one
    return 0


def _build_shell(app: QApplication, db: Database, demo: bool) -> _Shell:
    board = SyncStatusBoard()
    window = MainWindow(board, window_settings(), demo=demo)
    known = stores.list_stores(db)
    window.set_stores([(store.id, store.name) for store in known])
    presenter = ErrorPresenter(window, window.status.notice)
    ops = OpRunner(presenter, parent=window)
    ops.busy_changed.connect(window.status.set_busy)
    tray = _build_tray(board, window) if QSystemTrayIcon.isSystemTrayAvailable() else None
    window.set_close_to_tray(tray is not None)

    def quit_app() -> None:
        window.prepare_to_quit()
        app.quit()

    window.quit_requested.connect(quit_app)

    def on_sync_now() -> None:
        window.status.notice(NO_ENGINE_NOTICE if known else NO_STORE_NOTICE)

    window.sync_now_requested.connect(on_sync_now)
    if tray is not None:
        tray.sync_now_requested.connect(on_sync_now)
        tray.quit_requested.connect(quit_app)
    return _Shell(board=board, window=window, presenter=presenter, ops=ops, tray=tray)


def _build_tray(board: SyncStatusBoard, window: MainWindow) -> TrayController:
    tray = TrayController(board, parent=window)
    tray.open_requested.connect(window.bring_to_front)
    tray.pause_toggled.connect(board.set_paused)
    shown_hint = False

    def on_hidden_to_tray() -> None:
        nonlocal shown_hint
        if not shown_hint:  # say it once per run, not at every close
            shown_hint = True
            tray.notify("Channel Manager is still running", "It keeps syncing in the background.")

    window.hidden_to_tray.connect(on_hidden_to_tray)
    return tray
