"""Notice what the sync process and command-line runs changed, so the window shows it at once.

Another process (the sync process, a ``channelmanager-gui orders ship`` run from a terminal)
writes to the same SQLite file and publishes its changes in the database's change log
(``services/change_log.py``). :class:`DatabaseWatch` polls ``PRAGMA data_version`` on one
dedicated connection: it changes whenever *another* connection has committed since the
previous call, and reads no table, only the shared-memory header, so a poll costs a few
microseconds (``bench/change_latency.py``). Only when it moved are the change log's few rows
read; the kinds whose counters moved are published on the window's bus. The window calls
:meth:`poll` from a timer on the UI thread (Qt stays out of this module).

The window's own writes are published by its op runner, not here: they move ``data_version``
but no counter, so they are never announced twice, and no timing rule is needed.
"""

from __future__ import annotations

import logging
import sqlite3
from pathlib import Path

from channelmanager_gui.services import change_log
from channelmanager_gui.services.changes import ChangeBus

log = logging.getLogger(__name__)


class DatabaseWatch:
    """Polls the SQLite file at ``path``; what other processes published goes to ``changes``."""

    def __init__(self, path: Path, changes: ChangeBus) -> None:
        self.path = Path(path)
        self._changes = changes
        # Autocommit, so no read transaction is ever held open (it would pin the WAL).
        self._conn: sqlite3.Connection | None = sqlite3.connect(
            self.path, isolation_level=None, timeout=1.0
        )
        self._seen = self._version()
        self._counters = change_log.counters(self._conn)

    def _version(self) -> int:
        if self._conn is None:
            raise RuntimeError("DatabaseWatch is closed")
        row = self._conn.execute("PRAGMA data_version").fetchone()
        return int(row[0])

    def poll(self) -> bool:
        """Publish what other processes published since the last poll; True if anything.

        Never raises: a database busy or gone for a moment only delays the next notice.
        """
        try:
            version = self._version()
            if version == self._seen:
                return False
            assert self._conn is not None
            counters = change_log.counters(self._conn)
        except sqlite3.Error as exc:
            log.warning("database watch could not read the change log: %s", exc)
            return False
        self._seen = version
        changes = change_log.moved(self._counters, counters)
        self._counters = counters
        self._changes.publish(changes)
        return bool(changes)

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None
