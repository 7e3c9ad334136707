"""The window's hold on the sync engine: loops in a child process, clients on a thread.

Part of the composition root (app.py), kept apart so app.py stays short. The sync loops run in
a child process (``services/engine_process.py``): on a thread of the window's process their
C-heavy work held the GIL and stalled the window. The switches (sync now, pause, resume) are
sent to it and never waited for. The window keeps an engine of its own on an
:class:`EngineHost` thread, opened but with its loops never started, for interactive work that
needs a store's clients (the Add products dialog). Both are started, swapped (a store added,
edited or removed) and closed on the host's thread, awaited through the op runner so the
status bar shows their progress and the error presenter their failures.

A child that ends unexpectedly is shown as an Error on the board with the reason, and started
again after a back-off (1 s, doubling up to a minute): a merchant's sync must never silently
stop.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal

from channelmanager_gui.models.db import Database
from channelmanager_gui.models.store import Store
from channelmanager_gui.qt_async import OpRunner
from channelmanager_gui.services.changes import ChangeBus
from channelmanager_gui.services.engine.context import SecretSource
from channelmanager_gui.services.engine.engine import SyncEngine
from channelmanager_gui.services.engine_host import EngineHost, HostedEngine
from channelmanager_gui.services.engine_process import EngineProcess
from channelmanager_gui.services.engine_protocol import collect_secrets
from channelmanager_gui.services.sync_status import SyncState, SyncStatusBoard

log = logging.getLogger(__name__)

STOP_TIMEOUT_S = 30.0  # the child's engine stops its loops and worker well within that
CHILD_LOOP = "Sync process"  # the board's line for the child itself (crashes)
FIRST_BACKOFF_S = 1.0
MAX_BACKOFF_S = 60.0


def signature(known: list[Store]) -> list[tuple[object, ...]]:
    """What the engine was built from; other processes' writes announce every change kind,
    so the engine restarts only when this really differs."""
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
    """Starts, restarts and stops the engine child and the window's own engine; ``engine``
    (the window's, for its clients) and ``child`` are None without a keyring or a store.
    ``on_demo_ready`` gets the demo catalog's import summary."""

    def __init__(
        self,
        db: Database,
        secrets: SecretSource | None,
        *,
        board: SyncStatusBoard,
        changes: ChangeBus,
        ops: OpRunner,
        demo_store_id: int | None = None,
        on_demo_ready: Callable[[str], None] = lambda _summary: None,
        on_write: Callable[[], None] = lambda: None,
    ) -> None:
        self.host = EngineHost()
        self._db = db
        self._secrets = secrets
        self._board = board
        self._changes = changes
        self._ops = ops
        self._demo_store_id = demo_store_id
        self._on_write = on_write
        self._events = _ChildEvents()
        self._events.exited.connect(self._child_exited)
        self._events.ready.connect(self._child_ready)
        self._events.demo.connect(self._demo_done)
        self._on_demo_ready = on_demo_ready
        self._signature: list[tuple[object, ...]] = []
        self._backoff = FIRST_BACKOFF_S
        self._closing = False
        self.engine: HostedEngine | None = None
        self.child: EngineProcess | None = None

    def start(self, known: list[Store]) -> None:
        """Open the window's engine for ``known`` stores and start the sync child."""
        self._signature = signature(known)
        self.engine = self._new_engine(known)
        if self.engine is not None:
            self.child = self._new_child()
            future = self.host.submit(self._start(self.engine, self.child))
            self._ops.run_elsewhere(future, label="Connecting stores")

    def restart_if_changed(self, known: list[Store]) -> None:
        """A store was added, edited or removed: reconnect with the new settings."""
        if signature(known) == self._signature:
            return
        self._signature = signature(known)
        old, self.engine = self.engine, self._new_engine(known)
        old_child, self.child = self.child, None
        new = self.engine
        if new is not None:
            self.child = self._new_child()
        else:
            self._forget_loops()  # the last store is gone: nothing syncs any more
        new_child = self.child

        async def swap() -> None:  # on the host's thread
            await self._close(old, old_child)
            if new is not None and new_child is not None:
                await self._start(new, new_child)

        self._ops.run_elsewhere(self.host.submit(swap()), label="Reconnecting stores")

    def set_paused(self, paused: bool) -> None:
        """The board shows the switch at once; the child's loops take it between runs."""
        self._board.set_paused(paused)
        if self.child is not None:
            (self.child.pause if paused else self.child.resume)()

    def sync_now(self, loop: str | None = None) -> None:
        if self.child is not None:
            self.child.sync_now(loop)

    async def aclose(self) -> None:
        """Stop the child (its loops, then its clients; killed after a timeout) and close the
        window's clients, on the host's thread (ops cancelled first)."""
        self._closing = True
        await asyncio.wrap_future(self.host.submit(self._close(self.engine, self.child)))
        log.info("sync engine stopped")

    def stop(self) -> None:
        """End the host's thread; after :meth:`aclose`, before the database is disposed."""
        self.host.stop(STOP_TIMEOUT_S)

    def _new_engine(self, known: list[Store]) -> HostedEngine | None:
        db, secrets, changes = self._db, self._secrets, self._changes
        if secrets is None or not known:
            return None
        # Its own board: the child reports the stores' states to the window's.
        return HostedEngine(
            self.host,
            lambda: SyncEngine(db, secrets, board=SyncStatusBoard(), changes=changes),
        )

    def _new_child(self) -> EngineProcess:
        events = self._events
        return EngineProcess(
            self._db.path,
            self._board,
            self._changes,
            on_exit=events.exited.emit,
            on_ready=events.ready.emit,
            on_write=self._on_write,
            on_demo=events.demo.emit,
        )

    async def _start(self, hosted: HostedEngine, child: EngineProcess) -> None:
        """On the host's thread: the child first (the sync), then the window's clients."""
        self._spawn(child)
        await hosted.open()

    def _spawn(self, child: EngineProcess) -> None:
        """On the host's thread: the keyring is read there, never on the UI thread. A launch
        that fails is handled as a child that died at once (shown, retried)."""
        assert self._secrets is not None
        try:
            secrets = collect_secrets(self._db, self._secrets)
            child.start(secrets, paused=self._board.paused, demo_store_id=self._demo_store_id)
        except Exception as exc:
            log.exception("the sync process could not be started")
            self._events.exited.emit(child, f"the sync process could not be started: {exc}")

    async def _close(self, hosted: HostedEngine | None, child: EngineProcess | None) -> None:
        if child is not None:
            await asyncio.to_thread(child.stop, STOP_TIMEOUT_S)
        if hosted is not None:
            await hosted.aclose()

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
        self.host.call_soon(self._spawn, new)
