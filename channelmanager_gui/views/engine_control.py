"""The window's hold on the sync engine, which runs on a thread of its own.

Part of the composition root (app.py), kept apart so app.py stays short. The engine is built,
connected, started, swapped and closed on its :class:`EngineHost`; the window awaits those steps
through the op runner, so the status bar shows their progress and the error presenter their
failures, as for any other op. The switches (sync now, pause, resume) are posted to the engine's
thread and never waited for.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable

from channelmanager_gui.models.db import Database
from channelmanager_gui.models.store import Store
from channelmanager_gui.qt_async import OpRunner
from channelmanager_gui.services.changes import ChangeBus
from channelmanager_gui.services.engine.context import SecretSource
from channelmanager_gui.services.engine.engine import SyncEngine
from channelmanager_gui.services.engine_host import EngineHost, HostedEngine
from channelmanager_gui.services.sync_status import SyncStatusBoard

log = logging.getLogger(__name__)

STOP_TIMEOUT_S = 30.0  # the engine has closed by then; its thread only has to end


def signature(known: list[Store]) -> list[tuple[object, ...]]:
    """What the engine was built from; other processes' writes announce every change kind,
    so the engine restarts only when this really differs."""
    return [
        (s.id, s.name, s.commerce_url, s.commerce_store_code, s.walmart_url, repr(s.settings))
        for s in known
    ]


class EngineControl:
    """Starts, restarts and stops the engine on its host; ``engine`` is None without one
    (no keyring, or no store yet). ``on_demo_ready`` gets the demo catalog's import summary."""

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
    ) -> None:
        self.host = EngineHost()
        self._db = db
        self._secrets = secrets
        self._board = board
        self._changes = changes
        self._ops = ops
        self._demo_store_id = demo_store_id
        self._on_demo_ready = on_demo_ready
        self._signature: list[tuple[object, ...]] = []
        self.engine: HostedEngine | None = None

    def start(self, known: list[Store]) -> None:
        """Build the engine for ``known`` stores and start it in the background."""
        self._signature = signature(known)
        self.engine = self._new_engine(known)
        if self.engine is not None:
            future = self.host.submit(self._start(self.engine))
            self._ops.run_elsewhere(future, label="Connecting stores", on_success=self._started)

    def restart_if_changed(self, known: list[Store]) -> None:
        """A store was added, edited or removed: reconnect with the new settings."""
        if signature(known) == self._signature:
            return
        self._signature = signature(known)
        old, self.engine = self.engine, self._new_engine(known)
        new = self.engine

        async def swap() -> str | None:  # on the engine's thread
            if old is not None:
                await old.aclose()
            return await self._start(new) if new is not None else None

        future = self.host.submit(swap())
        self._ops.run_elsewhere(future, label="Reconnecting stores", on_success=self._started)

    def set_paused(self, paused: bool) -> None:
        """The board shows the switch at once; the engine's loops take it between runs."""
        self._board.set_paused(paused)
        if self.engine is not None:
            (self.engine.pause if paused else self.engine.resume)()

    async def aclose(self) -> None:
        """Stop the loops and close the HTTP clients, on the engine's loop (ops cancelled
        first: a start still running there has been told to stop)."""
        if self.engine is not None:
            await asyncio.wrap_future(self.host.submit(self.engine.aclose()))
            log.info("sync engine stopped")

    def stop(self) -> None:
        """End the engine's thread; after :meth:`aclose`, before the database is disposed."""
        self.host.stop(STOP_TIMEOUT_S)

    def _new_engine(self, known: list[Store]) -> HostedEngine | None:
        db, secrets, board, changes = self._db, self._secrets, self._board, self._changes
        if secrets is None or not known:
            return None
        return HostedEngine(
            self.host, lambda: SyncEngine(db, secrets, board=board, changes=changes)
        )

    async def _start(self, hosted: HostedEngine) -> str | None:
        """On the engine's thread; returns the demo catalog's import summary in demo mode."""
        engine = await hosted.start()
        if engine is None:
            return None
        if self._board.paused:  # paused before this engine existed (or before a restart)
            engine.scheduler.pause()
        if self._demo_store_id is None:
            return None
        from channelmanager_gui.services.demo import bootstrap_demo

        return await bootstrap_demo(engine, self._demo_store_id)

    def _started(self, demo_summary: str | None) -> None:
        if demo_summary is not None:
            self._on_demo_ready(demo_summary)
