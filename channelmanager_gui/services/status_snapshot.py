"""The sync's status, kept in the database so another process can read it.

The :class:`~channelmanager_gui.services.sync_status.SyncStatusBoard` lives in the memory of
the process that syncs (the window, or ``channelmanager-gui sync``). ``channelmanager-gui sync
status`` runs in a process of its own, so :func:`record_board` writes the board's snapshot to
``app_settings`` after every change, and :func:`read_status` reads it back together with what
the outbox holds (the queued actions are facts of the database, never of the snapshot).

A snapshot says which process wrote it (pid) and whether it was still running when it last
wrote; a process that died without saying so is detected by its pid on POSIX systems.
"""

from __future__ import annotations

import asyncio
import logging
import os
import socket
import threading
from collections.abc import Callable
from typing import Any

from sqlalchemy import func, select

from channelmanager_gui.models.base import utcnow
from channelmanager_gui.models.db import Database
from channelmanager_gui.models.outbox import ActionStatus, OutboxAction
from channelmanager_gui.models.store import AppSetting
from channelmanager_gui.models.subject_names import subject_names
from channelmanager_gui.services.sync_status import LoopStatus, SyncStatusBoard

log = logging.getLogger(__name__)

SNAPSHOT_KEY = "sync_status"
FAILED_SHOWN = 50  # failed actions listed by ``sync status`` (the count covers all)


def snapshot(board: SyncStatusBoard, *, running: bool) -> dict[str, Any]:
    """The board as JSON-ready data."""
    return {
        "running": running,
        "pid": os.getpid(),
        "host": socket.gethostname(),
        "updated_at": utcnow().isoformat(),
        "overall": board.overall().value,
        "paused": board.paused,
        "loops": [_loop(status) for status in board.loops()],
    }


def _loop(status: LoopStatus) -> dict[str, Any]:
    return {
        "name": status.name,
        "state": status.state.value,
        "last_run": status.last_run.isoformat() if status.last_run else None,
        "next_run": status.next_run.isoformat() if status.next_run else None,
        "last_error": status.last_error,
        "counts": dict(status.counts),
    }


def write_snapshot(db: Database, data: dict[str, Any]) -> None:
    with db.session() as session:
        row = session.get(AppSetting, SNAPSHOT_KEY)
        if row is None:
            session.add(AppSetting(key=SNAPSHOT_KEY, value=data))
        else:
            row.value = data


def record_board(
    db: Database, board: SyncStatusBoard, *, post: Post | None = None
) -> Callable[[], None]:
    """Keep the board's snapshot in the database; returns ``stop``, which writes the final
    snapshot (not running) and stops recording. Call it once the engine has stopped.

    Without ``post`` each change is saved at once, on the thread that made it (the command
    line's one loop). The window passes ``post``, which runs a save on the engine's thread:
    a change made on the UI thread (pause, the open error count) must not wait there for
    SQLite's write lock while the engine writes. Changes made while a save waits to run are
    folded into it, as it reads the board when it runs.
    """
    recorder = _Recorder(db, board, post)
    unsubscribe = board.subscribe(recorder.changed)
    recorder.changed(board)

    def stop() -> None:
        unsubscribe()
        recorder.finish()

    return stop


Post = Callable[[Callable[[], None]], None]


def later(loop: asyncio.AbstractEventLoop, seconds: float) -> Post:
    """A ``post`` that saves on ``loop`` ``seconds`` after the first change of a burst. The
    engine child's board changes twice a loop run, about once a second on an idle day, each a
    write (and a wake-up of the window's database watch); ``sync status`` is as well served by
    a snapshot a few seconds old."""

    def post(save: Callable[[], None]) -> None:
        loop.call_soon_threadsafe(loop.call_later, seconds, save)

    return post


class _Recorder:
    """Serialises the snapshot writes of one board; after :meth:`finish` nothing is written.

    Two locks: ``_flags`` is only ever held for a moment (the UI thread takes it), ``_write``
    for a whole write (only the engine's thread, and ``finish`` once the engine has stopped).
    """

    def __init__(self, db: Database, board: SyncStatusBoard, post: Post | None) -> None:
        self._db = db
        self._board = board
        self._post = post
        self._flags = threading.Lock()
        self._write = threading.Lock()
        self._queued = False
        self._finished = False

    def changed(self, _board: SyncStatusBoard) -> None:
        if self._post is None:
            self.save()
            return
        with self._flags:
            if self._queued or self._finished:
                return
            self._queued = True
        self._post(self.save)

    def save(self) -> None:
        with self._flags:
            self._queued = False
        with self._write:
            if not self._finished:
                write_snapshot(self._db, snapshot(self._board, running=True))

    def finish(self) -> None:
        with self._write:
            with self._flags:
                self._finished = True
            try:
                write_snapshot(self._db, snapshot(self._board, running=False))
            except Exception:
                log.exception("final sync status could not be saved")


def read_status(db: Database) -> dict[str, Any]:
    """The last snapshot (or an empty one before the first sync) and the outbox's queue."""
    with db.session() as session:
        row = session.get(AppSetting, SNAPSHOT_KEY)
        saved: dict[str, Any] = dict(row.value) if row is not None else {}
        queue = _queue(session)
    if saved.get("running") and not _alive(saved):
        saved["running"] = False
        saved["stopped_unexpectedly"] = True
    return {
        "running": bool(saved.get("running")),
        "pid": saved.get("pid"),
        "updated_at": saved.get("updated_at"),
        "overall": saved.get("overall", "idle"),
        "paused": bool(saved.get("paused")),
        "stopped_unexpectedly": bool(saved.get("stopped_unexpectedly")),
        "loops": list(saved.get("loops", [])),
        "queue": queue,
    }


def _queue(session: Any) -> dict[str, Any]:
    counts: dict[str, int] = {
        status: count
        for status, count in session.execute(
            select(OutboxAction.status, func.count(OutboxAction.id))
            .where(OutboxAction.status != ActionStatus.DONE)
            .group_by(OutboxAction.status)
        )
    }
    by_kind: dict[str, int] = {
        kind: count
        for kind, count in session.execute(
            select(OutboxAction.kind, func.count(OutboxAction.id))
            .where(OutboxAction.status.in_([ActionStatus.PENDING, ActionStatus.RUNNING]))
            .group_by(OutboxAction.kind)
        )
    }
    failed = session.scalars(
        select(OutboxAction)
        .where(OutboxAction.status == ActionStatus.ERROR)
        .order_by(OutboxAction.id.desc())
        .limit(FAILED_SHOWN)
    ).all()
    names = subject_names(session, ((a.subject_type, a.subject_id) for a in failed))
    return {
        "pending": int(counts.get(ActionStatus.PENDING, 0)),
        "running": int(counts.get(ActionStatus.RUNNING, 0)),
        "error": int(counts.get(ActionStatus.ERROR, 0)),
        "waiting_by_kind": {k: int(v) for k, v in sorted(by_kind.items())},
        "failed": [
            {
                "id": a.id,
                "store_id": a.store_id,
                "kind": a.kind,
                "subject_type": a.subject_type,
                "subject_id": a.subject_id,
                "subject": names[(a.subject_type, a.subject_id)],
                "attempts": a.attempts,
                "last_error": a.last_error,
                "updated_at": a.updated_at.isoformat() if a.updated_at else None,
            }
            for a in failed
        ],
    }


def _alive(saved: dict[str, Any]) -> bool:
    """Whether the writer still runs; only knowable for a POSIX process on this machine
    (on Windows ``os.kill(pid, 0)`` would send Ctrl+C, so the saved flag is trusted)."""
    pid = saved.get("pid")
    if os.name != "posix" or not isinstance(pid, int) or saved.get("host") != socket.gethostname():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
