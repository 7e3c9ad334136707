"""The database's change log: how a write in another process reaches the window.

The sync process and the command line are other processes than the window; what they change
reaches it through the one thing all three share, the SQLite file (CONTRIBUTING.md, "How
changes reach the window"). Publishing a :class:`Changes` there bumps one counter per change
kind, rows ``changes.<kind>`` of ``app_settings`` (no migration: the table is the app's
key/value store), in one short transaction after the write committed. The window's
:class:`~channelmanager_gui.services.db_watch.DatabaseWatch` polls ``PRAGMA data_version``
and, when another connection committed, reads these few rows: the counters that moved are
the kinds to refresh. A commit that changed no counter (the sync status snapshot, the window's
own writes, which its op runner publishes itself) refreshes nothing.

A counter only ever grows (SQLite integers are 64-bit), so a reader that saw it once can never
mistake a later value for an old one.
"""

from __future__ import annotations

import logging
import sqlite3

from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError

from channelmanager_gui.models.db import Database
from channelmanager_gui.services.changes import Change, ChangeBus, Changes

log = logging.getLogger(__name__)

PREFIX = "changes."
_BUMP = text(
    "INSERT INTO app_settings (key, value) VALUES (:key, '1') ON CONFLICT (key) DO UPDATE "
    "SET value = CAST(CAST(value AS INTEGER) + 1 AS TEXT)"
)
_READ = "SELECT key, value FROM app_settings WHERE key LIKE 'changes.%'"
_KINDS = {PREFIX + kind.value: kind for kind in Change}


def publish(db: Database, changes: Changes) -> None:
    """Record ``changes`` for the window. Never raises: a busy database costs the window one
    refresh (logged), never the write that was already committed."""
    if not changes.kinds:
        return
    try:
        with db.engine.begin() as conn:
            for kind in sorted(changes.kinds):
                conn.execute(_BUMP, {"key": PREFIX + kind.value})
    except SQLAlchemyError as exc:
        log.warning(
            "changes %s could not be recorded for the window: %s", sorted(changes.kinds), exc
        )


def bus(db: Database) -> ChangeBus:
    """A change bus whose publications are recorded in ``db``: the sync process's (the
    window's child, or a headless ``channelmanager-gui sync``)."""
    made = ChangeBus()
    made.subscribe(lambda kinds: publish(db, Changes(kinds)))
    return made


def counters(conn: sqlite3.Connection) -> dict[Change, int]:
    """Every kind's counter as now committed (a kind never published is absent)."""
    found: dict[Change, int] = {}
    for key, value in conn.execute(_READ):
        kind = _KINDS.get(key)
        if kind is not None:
            found[kind] = int(value)
    return found


def moved(before: dict[Change, int], after: dict[Change, int]) -> Changes:
    """The kinds whose counter changed between two reads."""
    return Changes(frozenset(kind for kind, value in after.items() if before.get(kind) != value))
