"""The sync engine's own process, started by the window (``services/engine_process.py``).

    python -m channelmanager_gui --engine-child --db PATH    (``launcher.self_command``:
    in the app bundle, the bundle's executable with the same arguments)

Why a process: on a thread of the window's process, the engine's C-heavy work (httpx, JSON,
SQLite row building) and its full garbage collections held the GIL for hundreds of
milliseconds, and the window froze meanwhile. Here they hold only this process's GIL.

The child opens the same database, builds the same :class:`SyncEngine` as the window did, runs
its loops and records the board's snapshot (``sync status`` reads it), as ``channelmanager-gui
sync`` does, on the same event loop (``services/event_loop.py``: uvloop where installed). It
talks to the window over stdin/stdout (``services/engine_protocol.py``) and imports no Qt.
Its log is a file of its own next to the window's (``engine.log``): two processes rotating one
``RotatingFileHandler`` file would rename it under each other.
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import os
import sys
import threading
from pathlib import Path
from typing import BinaryIO

from channelmanager_gui.logging_setup import setup_logging
from channelmanager_gui.models.db import Database, open_database
from channelmanager_gui.paths import log_path
from channelmanager_gui.services import change_log, event_loop
from channelmanager_gui.services.engine.engine import SyncEngine
from channelmanager_gui.services.engine_protocol import (
    Message,
    SentSecrets,
    decode,
    encode,
    loop_message,
)
from channelmanager_gui.services.status_snapshot import later, record_board
from channelmanager_gui.services.sync_status import LoopStatus, SyncStatusBoard

log = logging.getLogger("channelmanager_gui.services.engine_child")  # also when run as __main__

LOG_NAME = "engine.log"
SNAPSHOT_S = 3.0  # the board's snapshot for ``sync status``: at most this old, one write a burst


class Reporter:
    """Writes the child's messages to the window; the engine's thread is the only caller
    but for the first and last lines, hence the lock. A window gone (broken pipe) only
    stops the reports: stdin's end of file stops the engine."""

    def __init__(self, out: BinaryIO) -> None:
        self._out = out
        self._lock = threading.Lock()
        self._sent: dict[str, LoopStatus] = {}

    def send(self, message: Message) -> None:
        with self._lock:
            try:
                self._out.write(encode(message))
                self._out.flush()
            except (BrokenPipeError, ValueError, OSError):
                pass

    def board_changed(self, board: SyncStatusBoard) -> None:
        """Send the loops that changed since the last report, and the ones removed."""
        current = {status.name: status for status in board.loops()}
        for name, status in current.items():
            if self._sent.get(name) != status:
                self.send(loop_message(status))
        for name in self._sent.keys() - current.keys():
            self.send({"op": "remove", "name": name})
        self._sent = current


def _commands(loop: asyncio.AbstractEventLoop, queue: asyncio.Queue[Message | None]) -> None:
    """The stdin reader (a thread): every message to the engine's loop; None at end of file."""
    for line in sys.stdin.buffer:
        message = decode(line)
        if message is not None:
            loop.call_soon_threadsafe(queue.put_nowait, message)
    loop.call_soon_threadsafe(queue.put_nowait, None)


async def serve(db: Database, start: Message, reporter: Reporter) -> int:
    """Run the engine until ``stop`` or the end of stdin; 1 when it could not start."""
    board = SyncStatusBoard()
    board.subscribe(reporter.board_changed)
    # What the engine changes reaches the window (and nothing else) through the database.
    changes = change_log.bus(db)
    engine = SyncEngine(db, SentSecrets(start.get("secrets", {})), board=board, changes=changes)
    stop_recording = record_board(db, board, post=later(asyncio.get_running_loop(), SNAPSHOT_S))
    queue: asyncio.Queue[Message | None] = asyncio.Queue()
    reader = threading.Thread(
        target=_commands, args=(asyncio.get_running_loop(), queue), daemon=True
    )
    reader.start()
    try:
        try:
            await engine.open()
        except Exception as exc:
            log.exception("the sync engine could not start")
            reporter.send({"op": "failed", "reason": str(exc) or type(exc).__name__})
            return 1
        engine.start()
        if start.get("paused"):
            engine.scheduler.pause()
        reporter.send({"op": "ready", "pid": os.getpid(), "loops": engine.scheduler.labels})
        demo = _demo(engine, start.get("demo_store_id"), reporter)
        await _obey(engine, queue)
        if demo is not None:
            demo.cancel()
        return 0
    finally:
        await engine.aclose()
        stop_recording()
        log.info("sync engine stopped")


async def _obey(engine: SyncEngine, queue: asyncio.Queue[Message | None]) -> None:
    """Apply the window's commands until ``stop`` or the end of stdin."""
    scheduler = engine.scheduler
    while (message := await queue.get()) is not None:
        op = message["op"]
        if op == "stop":
            return
        if op == "sync_now":
            scheduler.sync_now(message.get("loop"))
        elif op == "pause":
            scheduler.pause()
        elif op == "resume":
            scheduler.resume()
        elif op == "wake":  # the window queued outbox actions: send them now
            engine.worker.wake()
        else:
            log.warning("sync engine: unknown command %r", op)
    log.info("the window is gone (end of stdin): stopping")


def _demo(engine: SyncEngine, store_id: object, reporter: Reporter) -> asyncio.Task[None] | None:
    """Demo mode: fill the demo store once (the import uses this engine's clients)."""
    if not isinstance(store_id, int):
        return None
    from channelmanager_gui.services.engine.demo_catalog import bootstrap_demo

    async def fill() -> None:
        try:
            summary = await bootstrap_demo(engine, store_id)
        except Exception as exc:
            log.exception("the demo catalog could not be imported")
            reporter.send({"op": "demo", "error": str(exc) or type(exc).__name__})
        else:
            reporter.send({"op": "demo", "summary": summary})

    return asyncio.create_task(fill(), name="demo-bootstrap")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="the window's sync engine (internal)")
    parser.add_argument("--db", type=Path, required=True, help="the SQLite database file")
    args = parser.parse_args(argv)
    # The protocol owns stdout; anything else printed goes to stderr instead.
    out = os.fdopen(os.dup(sys.stdout.fileno()), "wb")
    os.dup2(sys.stderr.fileno(), sys.stdout.fileno())
    reporter = Reporter(out)
    setup_logging(path=log_path().with_name(LOG_NAME), stderr=True)
    first = sys.stdin.buffer.readline()
    start = decode(first) if first else None
    if start is None or start["op"] != "start":
        log.error("sync engine: no start line from the window")
        return 2
    try:
        db = open_database(args.db)
    except Exception as exc:
        reporter.send({"op": "failed", "reason": str(exc) or type(exc).__name__})
        return 1
    try:
        return event_loop.run(serve(db, start, reporter))
    finally:
        db.dispose()


if __name__ == "__main__":
    sys.exit(main())
