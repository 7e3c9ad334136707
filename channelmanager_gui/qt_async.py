"""qasync wiring and the one way the UI runs background work.

Every qasync quirk lives here so the rest of the UI never touches the event loop directly:

* ``qasync.QEventLoop.run_forever`` runs ``QApplication.exec()``; ``QApplication.quit()`` ends it,
  and ``run_until_complete`` may then be used once more for the async part of the shutdown.
* ``qasync.asyncSlot`` sends a slot's exception to ``sys.excepthook`` (qasync/__init__.py,
  ``_error_handler``), so the hook installed here is where those errors reach the merchant.
* asyncio keeps only weak references to tasks; a task nobody holds can be garbage-collected
  mid-flight. :class:`OpRunner` keeps every task it starts until it finishes.

Modelled on Anki's ``aqt/operations`` (one op abstraction, failures to one place) and FeelUOwn's
named tasks.
"""

from __future__ import annotations

import asyncio
import logging
import signal
import sys
import time
from collections.abc import Callable, Coroutine
from types import TracebackType
from typing import Any, TypeVar

import qasync
from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication

from channelmanager_gui.services.changes import ChangeBus, Changes

log = logging.getLogger(__name__)

T = TypeVar("T")

# Called with the exception and what the merchant was doing ("Sync now"); "" when unknown.
ErrorPresenter = Callable[[BaseException, str], None]
ExceptHook = Callable[[type[BaseException], BaseException, TracebackType | None], Any]

PROGRESS_DELAY_MS = 500


def create_event_loop(app: QApplication) -> qasync.QEventLoop:
    """The asyncio loop that runs inside Qt's event loop; set as the current loop."""
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    loop.set_exception_handler(_on_loop_exception)
    return loop


def install_quit_signals(loop: asyncio.AbstractEventLoop, quit_app: Callable[[], None]) -> None:
    """Ctrl+C and SIGTERM quit cleanly (window state saved, engine stopped) on POSIX.

    While Qt's C++ loop runs, a Python signal handler only runs when Python code next runs,
    which may be never in an idle window; asyncio's signal handling wakes the loop through its
    self-pipe, which qasync watches with a QSocketNotifier.
    """
    if sys.platform == "win32":
        return  # no loop signal handlers there; the window's Quit is the way out
    for signum in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(signum, quit_app)


def _on_loop_exception(_loop: asyncio.AbstractEventLoop, context: dict[str, Any]) -> None:
    """Exceptions in loop callbacks go to the excepthook like every other unexpected error."""
    exc = context.get("exception")
    if isinstance(exc, BaseException) and not isinstance(exc, asyncio.CancelledError):
        sys.excepthook(type(exc), exc, exc.__traceback__)
    else:
        log.warning("event loop: %s", context.get("message", context))


def install_excepthook(presenter: ErrorPresenter) -> Callable[[], None]:
    """Send unhandled exceptions (including qasync async-slot errors) to ``presenter``.

    Returns a function restoring the previous hook, for the shutdown and for tests.
    """
    previous = sys.excepthook

    def hook(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            previous(exc_type, exc, tb)
            return
        log.error("unhandled exception", exc_info=(exc_type, exc, tb))
        try:
            presenter(exc, "")
        except Exception:
            log.exception("the error presenter itself failed")

    sys.excepthook = hook

    def restore() -> None:
        sys.excepthook = previous

    return restore


class OpRunner(QObject):
    """Runs coroutines for the UI: keeps each task, reports slow ones, routes failures.

    ``busy_changed`` carries the label of an op that has been running longer than the progress
    delay (so quick ops never flash a progress indicator), or "" once none is.
    """

    busy_changed = Signal(str)
    finished = Signal(str, bool)  # label, succeeded (False also when cancelled)
    actions_queued = Signal()  # an op queued outbox actions: wake the sync process's worker

    def __init__(
        self,
        presenter: ErrorPresenter,
        *,
        progress_delay_ms: int = PROGRESS_DELAY_MS,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._presenter = presenter
        self._progress_delay_ms = progress_delay_ms
        self._tasks: dict[asyncio.Task[Any], str] = {}
        self._slow: list[asyncio.Task[Any]] = []

    def run(
        self,
        coro: Coroutine[Any, Any, T],
        *,
        label: str,
        on_success: Callable[[T], None] | None = None,
    ) -> asyncio.Task[T]:
        """Start ``coro`` on the running loop; ``on_success`` gets its result on the UI thread.

        Failures go to the error presenter (named by ``label``); a cancel shows nothing.
        """
        task = asyncio.ensure_future(coro)
        self._tasks[task] = label
        started = time.monotonic()
        QTimer.singleShot(self._progress_delay_ms, self, lambda: self._on_delay_elapsed(task))
        task.add_done_callback(lambda t: self._on_task_done(t, started, on_success))
        return task

    def run_op(
        self,
        work: Coroutine[Any, Any, T],
        *,
        label: str,
        changes: ChangeBus,
        on_success: Callable[[T], None] | None = None,
    ) -> asyncio.Task[T]:
        """Run an operation (``services/ops``) and publish what it returns, once, on
        ``changes`` (on the UI thread, after its commit), before ``on_success`` sees it.

        ``work`` returns :class:`Changes` or a result carrying them in ``.changes``. When it
        queued outbox actions, :attr:`actions_queued` asks the sync process to send them now.
        """

        def done(result: T) -> None:
            published = changes_of(result)
            changes.publish(published)
            if published.queued:
                self.actions_queued.emit()
            if on_success is not None:
                on_success(result)

        return self.run(work, label=label, on_success=done)

    def running(self) -> list[str]:
        """Labels of the ops still running, oldest first."""
        return list(self._tasks.values())

    async def cancel_all(self) -> None:
        """Cancel every running op and wait until they have all ended (for the shutdown)."""
        tasks = list(self._tasks)
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)

    def _on_delay_elapsed(self, task: asyncio.Task[Any]) -> None:
        if task in self._tasks and not task.done():
            self._slow.append(task)
            self.busy_changed.emit(self._tasks[task])

    def _on_task_done(
        self,
        task: asyncio.Task[T],
        started: float,
        on_success: Callable[[T], None] | None,
    ) -> None:
        label = self._tasks.pop(task, "")
        elapsed = time.monotonic() - started
        if task in self._slow:
            self._slow.remove(task)
            self.busy_changed.emit(self._tasks[self._slow[-1]] if self._slow else "")
        succeeded = False
        if task.cancelled():
            log.info("op %r cancelled after %.2f s", label, elapsed)
        elif (exc := task.exception()) is not None:
            log.warning("op %r failed after %.2f s", label, elapsed, exc_info=exc)
            self._present(exc, label)
        else:
            log.info("op %r done in %.2f s", label, elapsed)
            succeeded = self._deliver(task.result(), label, on_success)
        self.finished.emit(label, succeeded)

    def _deliver(self, result: T, label: str, on_success: Callable[[T], None] | None) -> bool:
        if on_success is None:
            return True
        try:
            on_success(result)
        except Exception as exc:
            log.exception("op %r: handling its result failed", label)
            self._present(exc, label)
            return False
        return True

    def _present(self, exc: BaseException, label: str) -> None:
        try:
            self._presenter(exc, label)
        except Exception:
            log.exception("the error presenter failed on %r", exc)


def changes_of(result: object) -> Changes:
    """The changes an operation returned (``TypeError`` for anything else: an op that does
    not say what it changed is a bug, not a silent no-refresh)."""
    found = result if isinstance(result, Changes) else getattr(result, "changes", None)
    if not isinstance(found, Changes):
        raise TypeError(f"an operation returned {type(result).__name__}, not its Changes")
    return found
