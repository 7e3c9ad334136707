"""The window's hold on the sync engine, which runs in a child process.

Part of the composition root (app.py), kept apart so app.py stays short. The sync loops and
the outbox worker run in a child process (``services/engine_process.py``): on a thread of the
window's process their C-heavy work held the GIL and stalled the window. The switches (sync
now, pause, resume, wake the worker) are sent to it and never waited for. Starting it (the
keyring is read then) and stopping it (a blocking wait) run in worker threads through the op
runner, so the status bar shows their progress and the error presenter their failures. The
window has no engine of its own: interactive work that needs a store's clients is an
operation that opens and closes them (``services/ops/catalog_ops.py``).

A child that ends unexpectedly is shown as an Error on the board with the reason, and started
again after a back-off (1 s, doubling up to a minute): a merchant's sync must never silently
stop.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal

from channelmanager_gui.models.db import Database
from channelmanager_gui.models.store import Store
from channelmanager_gui.qt_async import OpRunner
from channelmanager_gui.services.engine_process import EngineProcess
from channelmanager_gui.services.engine_protocol import collect_secrets
from channelmanager_gui.services.ops import SecretSource
from channelmanager_gui.services.sync_status import SyncState, SyncStatusBoard

log = logging.getLogger(__name__)

STOP_TIMEOUT_S = 30.0  # the child's engine stops its loops and worker well within that
CHILD_LOOP = "Sync process"  # the board's line for the child itself (crashes)
FIRST_BACKOFF_S = 1.0
MAX_BACKOFF_S = 60.0


def signature(known: list[Store]) -> list[tuple[object, ...]]:
    """What the engine was built from: a STORES change restarts it only when this really
    differs."""
    return [
        (s.id, s.name, s.commerce_url, s.commerce_store_code, s.walmart_url, repr(s.settings))
        for s in known
    ]


class _ChildEvents(QObject):
    """The child's reader thread reports here; Qt queues the signals to the UI thread."""

    exited = Signal(object, str)
    ready = Signal(object)
    demo = Signal(str)


class EngineControl:
    """Starts, restarts and stops the engine child; ``child`` is None without a keyring or a
    store. ``on_demo_ready`` gets the demo catalog's import summary."""

    def __init__(
        self,
        db: Database,
        secrets: SecretSource | None,
        *,
        board: SyncStatusBoard,
        ops: OpRunner,
        demo_store_id: int | None = None,
        on_demo_ready: Callable[[str], None] = lambda _summary: None,
    ) -> None:
        self._db = db
        self._secrets = secrets
        self._board = board
        self._ops = ops
        self._demo_store_id = demo_store_id
        self._events = _ChildEvents()
        self._events.exited.connect(self._child_exited)
        self._events.ready.connect(self._child_ready)
        self._events.demo.connect(self._demo_done)
        self._on_demo_ready = on_demo_ready
        self._signature: list[tuple[object, ...]] = []
        self._backoff = FIRST_BACKOFF_S
        self._closing = False
        self.child: EngineProcess | None = None

    def start(self, known: list[Store]) -> None:
        """Start the sync child for ``known`` stores (none without a keyring or a store)."""
        self._signature = signature(known)
        if self._syncs(known):
            child = self.child = self._new_child()
            self._in_thread(
                lambda: self._spawn(child),
                QCoreApplication.translate("EngineControl", "Connecting stores"),
            )

    def restart_if_changed(self, known: list[Store]) -> None:
        """A store was added, edited or removed: restart the sync with the new settings."""
        if signature(known) == self._signature:
            return
        self._signature = signature(known)
        old, self.child = self.child, None
        if self._syncs(known):
            self.child = self._new_child()
        else:
            self._forget_loops()  # the last store is gone: nothing syncs any more
        new = self.child

        def swap() -> None:  # in a worker thread: stopping waits for the child
            if old is not None:
                old.stop(STOP_TIMEOUT_S)
            if new is not None:
                self._spawn(new)

        self._in_thread(swap, QCoreApplication.translate("EngineControl", "Reconnecting stores"))

    def set_paused(self, paused: bool) -> None:
        """The board shows the switch at once; the child's loops take it between runs."""
        self._board.set_paused(paused)
        if self.child is not None:
            (self.child.pause if paused else self.child.resume)()

    def sync_now(self, loop: str | None = None) -> None:
        if self.child is not None:
            self.child.sync_now(loop)

    def wake(self) -> None:
        """An operation queued outbox actions: the child's worker sends them now."""
        if self.child is not None:
            self.child.wake()

    async def aclose(self) -> None:
        """Stop the child (its loops, then its clients; killed after a timeout), in a worker
        thread (ops cancelled first)."""
        self._closing = True
        if self.child is not None:
            await asyncio.to_thread(self.child.stop, STOP_TIMEOUT_S)
        log.info("sync engine stopped")

    def _in_thread(self, work: Callable[[], None], label: str) -> None:
        """``work`` in a worker thread, followed by the op runner. Not ``asyncio.to_thread``:
        that needs a running loop when its task first steps, and qasync may step a task
        scheduled before the loop runs (at start-up) outside any run."""
        future = asyncio.get_event_loop().run_in_executor(None, work)
        self._ops.run(_awaited(future), label=label)

    def _syncs(self, known: list[Store]) -> bool:
        return self._secrets is not None and bool(known)

    def _new_child(self) -> EngineProcess:
        events = self._events
        return EngineProcess(
            self._db.path,
            self._board,
            on_exit=events.exited.emit,
            on_ready=events.ready.emit,
            on_demo=events.demo.emit,
        )

    def _spawn(self, child: EngineProcess) -> None:
        """In a worker thread: the keyring is read there, never on the UI thread. A launch
        that fails is handled as a child that died at once (shown, retried)."""
        assert self._secrets is not None
        try:
            secrets = collect_secrets(self._db, self._secrets)
            child.start(secrets, paused=self._board.paused, demo_store_id=self._demo_store_id)
        except Exception as exc:
            log.exception("the sync process could not be started")
            self._events.exited.emit(child, f"the sync process could not be started: {exc}")

    def _child_ready(self, child: EngineProcess) -> None:
        if child is self.child:
            # A restarted child: the crash is over, and the lines of loops it no longer runs
            # (a store removed, or an earlier child's) must not linger on the board.
            self._forget_loops(keep=child.loops)

    def _forget_loops(self, keep: frozenset[str] = frozenset()) -> None:
        for status in self._board.loops():
            if status.name not in keep:
                self._board.remove(status.name)

    def _demo_done(self, summary: str) -> None:
        self._demo_store_id = None  # once: a restarted child must not import it again
        self._on_demo_ready(summary)

    def _child_exited(self, child: EngineProcess, reason: str) -> None:
        """On the UI thread: show why, and start a new child after the back-off."""
        if child is not self.child or self._closing:
            return
        if time.monotonic() - child.started_at > MAX_BACKOFF_S:
            self._backoff = FIRST_BACKOFF_S  # it had been running well: not a crash loop
        delay, self._backoff = self._backoff, min(self._backoff * 2, MAX_BACKOFF_S)
        message = f"{reason[:1].upper()}{reason[1:]}. Restarting it in {delay:.0f} s."
        self._board.update(CHILD_LOOP, state=SyncState.ERROR, last_error=message)
        QTimer.singleShot(int(delay * 1000), lambda: self._restart(child))

    def _restart(self, dead: EngineProcess) -> None:
        if dead is not self.child or self._closing:
            return  # replaced or shutting down meanwhile
        new = self.child = self._new_child()
        self._in_thread(
            lambda: self._spawn(new),
            QCoreApplication.translate("EngineControl", "Restarting the sync"),
        )


async def _awaited(future: asyncio.Future[None]) -> None:
    await future
