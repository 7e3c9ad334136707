"""Notice writes another process made to the database, so the window shows them at once.

The window refreshes when its own code announces a change on the
:class:`~channelmanager_gui.services.changes.ChangeBus`. A ``channelmanager-gui orders ship``
run from a terminal (or a headless ``sync``) writes to the same SQLite file without telling
anyone; :class:`DatabaseWatch` notices it and publishes every change kind, so each page reloads
what it shows.

How: SQLite's ``PRAGMA data_version`` on one dedicated connection changes whenever *another*
connection has committed since the previous call. It reads no table, only the shared-memory
header, so polling it a few times a second costs microseconds. The window calls :meth:`poll`
from a timer (Qt stays out of this module).

Connections of this very process (the window's engine) count as "another connection" too. Their
writes already announce themselves on the bus, so the owner can subscribe :meth:`absorb` to the
bus: it takes the current version as seen, which spares a second reload of everything. The
price: a write by another process landing in the same instant is folded into the local
announcement (which names only its own kinds) instead of triggering a full reload. In the
window, :meth:`absorb` runs on the engine's thread and :meth:`poll` on the UI thread: one lock
guards the connection (opened without SQLite's same-thread check) and the version seen. A poll
that lands between the engine's commit and its announcement reloads everything once: harmless.

The sync engine runs in a child process (``services/engine_child.py``): every one of its
commits is "another connection" too, and it announces its writes over a pipe, so they arrive a
moment after the commit. The owner passes each of the child's announcements to :meth:`note`;
a change is then published only if no announcement explained it within ``grace`` seconds (one
poll period) either side of the poll that saw it. A command run in a terminal while the child
is quiet is still announced (one poll period later); one landing in the middle of the child's
own writes is folded into them, the price named above.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
import time
from collections.abc import Callable
from pathlib import Path

from channelmanager_gui.services.changes import Change, ChangeBus

log = logging.getLogger(__name__)

ALL_CHANGES: tuple[Change, ...] = tuple(Change)


class DatabaseWatch:
    """Polls ``PRAGMA data_version`` of the SQLite file at ``path``; a change publishes every
    :class:`Change` kind on ``changes`` (or calls ``on_change``)."""

    def __init__(
        self,
        path: Path,
        changes: ChangeBus | None = None,
        *,
        on_change: Callable[[], None] | None = None,
        grace: float = 0.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        if changes is None and on_change is None:
            raise ValueError("DatabaseWatch needs a ChangeBus or an on_change callback")
        self.path = Path(path)
        self._changes = changes
        self._on_change = on_change
        self._lock = threading.Lock()
        # Autocommit, so no read transaction is ever held open (it would pin the WAL).
        self._conn: sqlite3.Connection | None = sqlite3.connect(
            self.path, isolation_level=None, check_same_thread=False, timeout=1.0
        )
        self._seen = self._version()
        self._grace = grace
        self._clock = clock
        self._noted_at = -float("inf")  # when the child last announced a write
        self._unexplained_at: float | None = None  # a change seen, not yet explained

    def _version(self) -> int:
        if self._conn is None:
            raise RuntimeError("DatabaseWatch is closed")
        row = self._conn.execute("PRAGMA data_version").fetchone()
        return int(row[0])

    def poll(self) -> bool:
        """Publish if another connection committed since the last poll; True if it did.

        Never raises: a database busy or gone for a moment only delays the next notice.
        """
        with self._lock:
            try:
                version = self._version()
            except sqlite3.Error as exc:
                log.warning("database watch could not read data_version: %s", exc)
                return False
            changed, self._seen = version != self._seen, version
            if not self._foreign(changed=changed):
                return False
        self._announce()
        return True

    def _foreign(self, *, changed: bool) -> bool:
        """Whether to publish now; with ``grace``, a change waits for the child's note."""
        if self._grace <= 0:
            return changed
        now = self._clock()
        waiting, self._unexplained_at = self._unexplained_at, None
        if waiting is not None and now - waiting >= self._grace:
            return True  # nobody explained it within a poll period: another program wrote
        if changed and now - self._noted_at > self._grace:
            self._unexplained_at = waiting if waiting is not None else now
        elif waiting is not None:
            self._unexplained_at = waiting
        return False

    def note(self) -> None:
        """The engine's child announced a write (its own, to be taken as seen); callable from
        any thread."""
        with self._lock:
            self._noted_at = self._clock()
            self._unexplained_at = None

    def absorb(self, _changes: object = None) -> None:
        """Take the current state as seen (this process announced its own write); fits
        ``ChangeBus.subscribe`` directly."""
        with self._lock:
            try:
                self._seen = self._version()
            except sqlite3.Error as exc:
                log.warning("database watch could not read data_version: %s", exc)

    def _announce(self) -> None:
        if self._changes is not None:
            self._changes.publish(*ALL_CHANGES)
        if self._on_change is not None:
            try:
                self._on_change()
            except Exception:
                log.exception("database watch callback failed")

    def close(self) -> None:
        with self._lock:
            if self._conn is not None:
                self._conn.close()
                self._conn = None
