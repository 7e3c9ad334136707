"""The one composition root of the window: builds Qt, the asyncio loop, services and views.

Everything is created here and handed to what needs it; nothing reaches for a global app
object. The sync loops run in a child process (``views/engine_control.py``): their passes over
a large catalog would freeze the window's event loop, and on a thread they still held its GIL.
What the sync child and commands run in other terminals change reaches the window through the
database (``services/db_watch.py``); what the window's own operations change, through its op
runner. Shutdown runs in the reverse order of dependence: the window saves its state and hides,
running ops stop, the sync child is told to stop (its loops, then its HTTP clients; killed
after a timeout), and the database engine is disposed last (in demo mode the sandbox servers
stop after it).
One app runs per data folder: a second start brings the running window forward and ends
(``views/single_instance.py``).
"""

from __future__ import annotations

import asyncio
import logging
import sys
from collections.abc import Callable
from dataclasses import dataclass

import shiboken6
from PySide6.QtCore import QCoreApplication, QProcess, Qt, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox, QSystemTrayIcon

from channelmanager_gui import __version__
from channelmanager_gui.errors import ChannelError
from channelmanager_gui.launcher import quit_after_seconds, self_command
from channelmanager_gui.models.dashboard_queries import open_errors_by_marketplace
from channelmanager_gui.models.db import Database, open_database
from channelmanager_gui.models.store import Store
from channelmanager_gui.paths import cache_dir, data_dir
from channelmanager_gui.platform_check import missing_packages_message, missing_xcb_packages
from channelmanager_gui.qt_async import (
    OpRunner,
    create_event_loop,
    install_excepthook,
    install_quit_signals,
)
from channelmanager_gui.qt_gc import UiThreadCollector
from channelmanager_gui.qt_text import verbatim
from channelmanager_gui.resources import icon_path
from channelmanager_gui.services import appearance_prefs, language_prefs, notify_prefs, stores
from channelmanager_gui.services.changes import Change, ChangeBus, Changes
from channelmanager_gui.services.credentials import CredentialStore, keyring_problem
from channelmanager_gui.services.db_watch import DatabaseWatch
from channelmanager_gui.services.language_prefs import Language
from channelmanager_gui.services.ops.images import product_images
from channelmanager_gui.services.secret_sources import KeyringSecrets, SecretSource
from channelmanager_gui.services.sync_notices import Notice, NoticeKind, SyncNotices
from channelmanager_gui.services.sync_status import SyncStatusBoard
from channelmanager_gui.text_marks import N_
from channelmanager_gui.views import i18n
from channelmanager_gui.views.board_bridge import BoardBridge
from channelmanager_gui.views.change_bridge import ChangeBridge
from channelmanager_gui.views.engine_control import EngineControl
from channelmanager_gui.views.error_presenter import ErrorPresenter
from channelmanager_gui.views.first_run import FirstRunWizard
from channelmanager_gui.views.i18n import ui
from channelmanager_gui.views.keyring_dialog import KeyringDialog
from channelmanager_gui.views.main_window import MainWindow
from channelmanager_gui.views.notice_words import NoticeWords
from channelmanager_gui.views.page_wiring import PageDeps, mount_pages
from channelmanager_gui.views.single_instance import SingleInstance, instance_key
from channelmanager_gui.views.theme import follow
from channelmanager_gui.views.thumbnails import ThumbnailLoader
from channelmanager_gui.views.tray import TrayController
from channelmanager_gui.views.window_state import window_settings

log = logging.getLogger(__name__)

# How often to look for changes other processes published (the sync child's too): an idle poll
# is one PRAGMA read, ~3.5 µs; at 100 ms a change shows ~50 ms after its commit (median,
# 95th percentile ~95 ms) for ~0.2 % of a core (bench/change_delivery.py, CONTRIBUTING.md).
WATCH_MS = 100

NO_STORE_NOTICE = N_(
    "Labels",
    "No store is connected yet: Help › Get started… connects one (or Settings › Add store…), "
    "or tries the demo.",
)
DEMO_FAILED_NOTICE = N_(
    "Labels", "The demo could not be started: run “channelmanager-gui --demo” instead."
)
NO_KEYRING_NOTICE = N_(
    "Labels", "Stores cannot connect: no safe password store (keyring) is available."
)


@dataclass
class _Backend:
    """The Qt-free side of one run: database, secrets (None without a keyring), cleanup."""

    db: Database
    secrets: SecretSource | None
    close: Callable[[], None]
    demo_store_id: int | None = None


def run_app(demo: bool, argv: list[str]) -> int:
    """Open the window and run until the merchant quits; returns the process exit code."""
    missing = missing_xcb_packages()
    if missing:
        message = missing_packages_message(missing)
        log.error("cannot start the window: %s", message)
        print(message, file=sys.stderr)
        return 1
    app = _create_application(argv)
    # The system's language until the database, which holds the merchant's choice, is open:
    # the keyring and "cannot start" dialogs come before it.
    start_language = i18n.install(Language.SYSTEM)
    instance = SingleInstance(instance_key(data_dir(), demo))
    if not instance.claim():
        log.info("already running: its window was asked to come forward")
        return 0
    try:
        return _run_backend(app, instance, demo, start_language)
    finally:
        instance.close()


def _run_backend(
    app: QApplication, instance: SingleInstance, demo: bool, start_language: i18n.Installed
) -> int:
    try:
        backend = _open_demo() if demo else _open_backend()
    except ChannelError as exc:
        log.error("cannot start: %s", exc)
        # The message quotes a path and the system's error text: shown as they are.
        QMessageBox.critical(
            None,
            QCoreApplication.translate("App", "Channel Manager cannot start"),
            verbatim(exc.message),
        )
        return 1
    if backend is None:
        return 1
    try:
        return _run_window(app, backend, demo, instance, start_language)
    finally:
        backend.close()
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


def _open_backend() -> _Backend | None:
    """The merchant's database; None when they chose to quit over a missing keyring."""
    problem = keyring_problem()
    if problem is not None:
        log.warning("keyring unusable at start-up: %s", problem)
        if not KeyringDialog.ask(None, problem):
            return None
    db = open_database()
    secrets = KeyringSecrets() if problem is None else None
    return _Backend(db=db, secrets=secrets, close=db.dispose)


def _open_demo() -> _Backend:
    """Sandbox servers and a throwaway database; sandbox credentials live in memory only."""
    # Imported here: demo mode pulls in both sandbox servers (~0.3 s of start-up CPU).
    from channelmanager_gui.demo import start_demo

    demo = start_demo()
    return _Backend(db=demo.db, secrets=demo.secrets, close=demo.close, demo_store_id=demo.store_id)


def _run_window(
    app: QApplication,
    backend: _Backend,
    demo: bool,
    instance: SingleInstance,
    start_language: i18n.Installed,
) -> int:
    loop = create_event_loop(app)
    collector = UiThreadCollector()  # before the query workers start
    start_language.remove()
    shell = _Shell(app, backend, demo)
    instance.activated.connect(shell.window.bring_to_front)  # a second start of the app
    restore_hook = install_excepthook(shell.presenter)
    install_quit_signals(loop, shell.quit)
    shell.window.restore_state()
    shell.window.show()
    if shell.tray is not None:
        shell.tray.show()
    # Once the shown window has been painted: the engine's start competes for the GIL.
    QTimer.singleShot(0, shell.start)
    quit_after = quit_after_seconds()
    if quit_after is not None:
        QTimer.singleShot(round(quit_after * 1000), shell.quit)
    if shell.first_run:
        # After the loop runs: the wizard's "Test connection" is async work.
        QTimer.singleShot(0, shell.offer_first_run)
    try:
        with loop:
            loop.run_forever()  # returns when QApplication.quit() is called
            log.info("shutting down")
            loop.run_until_complete(shell.shutdown())
    finally:
        restore_hook()
        # Delete the window now rather than whenever Python collects it, so no top-level
        # widget of a finished run outlives it (matters when run_app runs twice, as in tests).
        shiboken6.delete(shell.window)
        shell.language.remove()  # matters when run_app runs twice, as in tests
        collector.stop()
        asyncio.set_event_loop(None)  # the closed loop must not linger as the current one
    return 0


def relaunch_demo() -> bool:
    """Start the app in demo mode in a new process: the demo runs on its own sandbox servers
    and throwaway database, which this process has not opened. True when it started."""
    program, *args = self_command("--demo")
    started, _pid = QProcess.startDetached(program, args)
    return bool(started)


class _Shell:
    """The objects of one window run and the wiring between them (not reachable globally)."""

    def __init__(self, app: QApplication, backend: _Backend, demo: bool) -> None:
        self.app = app
        follow(app, appearance_prefs.load(backend.db))  # before the window: built in its colours
        # Before the window too: it builds its texts once (a new choice applies after a restart).
        self.language = i18n.install(language_prefs.load(backend.db))
        self.board = SyncStatusBoard()
        self.changes = ChangeBus()
        self.window = MainWindow(self.board, window_settings(), demo=demo)
        known = stores.list_stores(backend.db)
        self._show_stores(known)
        self.presenter = ErrorPresenter(self.window, self.window.status.notice)
        self.ops = OpRunner(self.presenter, parent=self.window)
        self.ops.busy_changed.connect(self.window.status.set_busy)
        self._watch_database(backend.db)
        self.control = EngineControl(
            backend.db,
            backend.secrets,
            board=self.board,
            ops=self.ops,
            demo_store_id=backend.demo_store_id,
            on_demo_ready=self._on_demo_ready,
        )
        self.ops.actions_queued.connect(self.control.wake)
        self._known = known
        self._keyring_missing = backend.secrets is None
        self._idle_notice = NO_KEYRING_NOTICE if self._keyring_missing else NO_STORE_NOTICE
        self.first_run = not demo and not known  # offer the first-run wizard once running
        self.tray = self._build_tray() if QSystemTrayIcon.isSystemTrayAvailable() else None
        self.window.set_close_to_tray(self.tray is not None)
        self._notices = SyncNotices(self._show_notice, allowed=self._notice_allowed)
        self._notice_bridge = BoardBridge(self.board, self.window)
        self._notice_bridge.changed.connect(lambda: self._notices.check(self.board))
        self.thumbnails = (
            ThumbnailLoader(
                product_images(backend.db, backend.secrets, cache_dir() / "images"),
                parent=self.window,
            )
            if backend.secrets is not None
            else None
        )
        self.pages = mount_pages(
            PageDeps(
                window=self.window,
                db=backend.db,
                changes=self.changes,
                change_bridge=self.change_bridge,
                ops=self.ops,
                board=self.board,
                secrets=backend.secrets,
                sync_now=self.sync_now,
                set_paused=self.set_paused,
                thumbnails=self.thumbnails,
            )
        )
        self.pages.restore_state(window_settings())
        self.window.quit_requested.connect(self.quit)
        self.window.get_started_requested.connect(self.offer_first_run)
        self.window.sync_now_requested.connect(self.sync_now)
        self.window.resume_requested.connect(lambda: self.set_paused(False))

    def offer_first_run(self) -> None:
        """No store yet: connect one (the engine restarts on the STORES change) or relaunch
        in demo mode."""
        if not self.window.isVisible():
            return  # quitting already
        wizard = FirstRunWizard(
            self.db,
            CredentialStore(),
            self.ops,
            keyring_missing=self._keyring_missing,
            parent=self.window,
        )
        wizard.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        wizard.store_added.connect(lambda _id: self.changes.publish(Changes.of(Change.STORES)))
        wizard.demo_requested.connect(self._relaunch_in_demo)
        wizard.open()  # not exec(): no nested event loop inside qasync's

    def _relaunch_in_demo(self) -> None:
        if relaunch_demo():
            self.quit()
        else:
            log.error("could not start the demo process")
            self.window.status.notice(ui(DEMO_FAILED_NOTICE))

    def _watch_database(self, db: Database) -> None:
        """What other processes (the sync child, a CLI command, a headless sync) publish in
        the database reaches the window's bus; every burst of changes recounts the open errors
        for the tray."""
        self.db = db
        self.db_watch = DatabaseWatch(db.path, self.changes)
        self._watch_timer = QTimer(self.window)
        self._watch_timer.setInterval(WATCH_MS)
        self._watch_timer.timeout.connect(self.db_watch.poll)
        self._watch_timer.start()
        self.change_bridge = ChangeBridge(self.changes, parent=self.window)
        self.change_bridge.settled.connect(self._on_changes_settled)
        self._counting = self._recount = False

    def _on_changes_settled(self, kinds: frozenset[Change]) -> None:
        if kinds & {Change.ORDERS, Change.LISTINGS, Change.OUTBOX}:
            self._count_open_errors()
        if Change.STORES in kinds:
            known = stores.list_stores(self.db)
            self._show_stores(known)
            self.control.restart_if_changed(known)

    def _show_stores(self, known: list[Store]) -> None:
        self.window.set_stores([(store.id, store.name) for store in known])

    def _count_open_errors(self) -> None:
        """Orders and listings in error for the tray, counted in a worker thread: a few
        COUNTs, yet most of a second with 100,000 rows. One count at a time; changes that
        arrive meanwhile are counted once more after it."""
        if self._counting:
            self._recount = True
            return
        self._counting, self._recount = True, False
        task = self.ops.run(
            asyncio.to_thread(self._open_error_count),
            label=QCoreApplication.translate("App", "Counting open errors"),
            on_success=lambda split: self.board.set_open_errors(sum(split.values()), split),
        )
        task.add_done_callback(self._on_counted)

    def _open_error_count(self) -> dict[str, int]:
        with self.db.session() as session:
            return open_errors_by_marketplace(session)

    def _on_counted(self, task: asyncio.Task[dict[str, int]]) -> None:
        self._counting = False
        if self._recount and not task.cancelled():
            self._count_open_errors()

    def _build_tray(self) -> TrayController:
        tray = TrayController(self.board, parent=self.window)
        tray.open_requested.connect(self.window.bring_to_front)
        tray.sync_now_requested.connect(self.sync_now)
        tray.pause_toggled.connect(self.set_paused)
        tray.quit_requested.connect(self.quit)
        self.window.hidden_to_tray.connect(self._on_window_hidden_to_tray)
        self._told_about_tray = False
        return tray

    def start(self) -> None:
        """Once the window shows: count the open errors and start the sync child."""
        self._count_open_errors()
        self.control.start(self._known)

    def sync_now(self, loop: str | None = None) -> None:
        """Every loop, or the one with this board label (the Sync activity page's button)."""
        if self.control.child is None:
            self.window.status.notice(ui(self._idle_notice))
            return
        if self.board.paused:
            self.window.status.notice(
                QCoreApplication.translate("App", "Syncing is paused: choose “Resume sync” first.")
            )
            return
        self.control.sync_now(loop)
        self.window.status.notice(QCoreApplication.translate("App", "Syncing now…"), 3000)

    def set_paused(self, paused: bool) -> None:
        self.control.set_paused(paused)

    def _on_demo_ready(self, summary: str) -> None:
        self.window.status.notice(f"Demo catalog: {summary}", 8000)

    def quit(self) -> None:
        self.window.prepare_to_quit()
        self.app.quit()

    async def shutdown(self) -> None:
        """Save the window, stop ops, then the sync child. The caller disposes the database
        afterwards."""
        self.window.save_state()
        self.pages.save_state(window_settings())
        self.window.hide()  # gone at once, even while the engine finishes its current step
        if self.tray is not None:
            self.tray.hide()
        self._watch_timer.stop()
        await self.ops.cancel_all()
        try:
            await self.control.aclose()
        finally:
            self.db_watch.close()
            if self.thumbnails is not None:  # its HTTP clients, then its worker thread
                await asyncio.to_thread(self.thumbnails.close)

    def _notice_allowed(self, kind: NoticeKind) -> bool:
        """The merchant's choice in Settings, read at each notice (one small row)."""
        return notify_prefs.load(self.db).allows(kind)

    def _show_notice(self, notice: Notice) -> None:
        """New orders and new sync problems: a tray balloon, else the status bar."""
        title, text = NoticeWords().of(notice)
        if self.tray is not None:
            self.tray.notify(title, text, warning=notice.warning)
        else:
            self.window.status.notice(f"{title}. {text}")

    def _on_window_hidden_to_tray(self) -> None:
        if self.tray is not None and not self._told_about_tray:
            self._told_about_tray = True  # say it once per run, not at every close
            self.tray.notify(
                QCoreApplication.translate("App", "Channel Manager is still running"),
                QCoreApplication.translate("App", "It keeps syncing in the background."),
            )
