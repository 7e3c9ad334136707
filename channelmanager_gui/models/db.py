"""Open the local SQLite database, migrated to the newest schema.

SQLite runs in WAL mode (the window reads while the sync worker writes) with foreign keys on.
Before a migration changes an existing database, a backup copy is taken: users upgrade, and their
data must survive it. Alembic is imported only when a migration is due (``models/migrate.py``).

Threads: the window's engine runs on a thread of its own, its page queries in worker threads,
and a few short reads on the UI thread. The engine's pool (QueuePool, SQLAlchemy's default for
a file) hands each thread its own connection per session; SQLAlchemy opens file connections
without sqlite3's same-thread check because a pooled connection may be returned on one thread
and checked out on another, never used by two at once. A :class:`Session` is never shared
between threads: each ``with db.session()`` is one thread's unit of work. In WAL mode readers
never wait for the writer; writers queue on SQLite's lock for up to ``busy_timeout``.
"""

from __future__ import annotations

import json
import logging
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, event
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session, sessionmaker

from channelmanager_gui.errors import StorageError
from channelmanager_gui.models import migrate
from channelmanager_gui.paths import backup_dir, database_path, private_database, private_dir

log = logging.getLogger(__name__)


def _set_pragmas(dbapi_conn: Any, _record: Any) -> None:
    cursor = dbapi_conn.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=10000")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def make_engine(path: Path) -> Engine:
    """An engine for the SQLite file at ``path`` with our pragmas on every connection."""
    engine = create_engine(
        f"sqlite:///{path}", connect_args={"timeout": 10}, json_serializer=json_dumps
    )
    event.listen(engine, "connect", _set_pragmas)
    return engine


def json_dumps(value: Any) -> str:
    """JSON columns (outbox payloads and results, return lines): an amount is written as its
    exact text ("12.34"): JSON has no decimal type, and a float would bring binary error."""
    return json.dumps(value, default=_exact)


def _exact(value: object) -> str:
    if isinstance(value, Decimal):
        return str(value)
    raise TypeError(f"Object of type {type(value).__name__} is not JSON serializable")


class Database:
    """The migrated database: an engine and a session factory."""

    def __init__(self, path: Path, engine: Engine) -> None:
        self.path = path
        self.engine = engine
        self._sessions = sessionmaker(engine, expire_on_commit=False)

    @property
    def sessions(self) -> sessionmaker[Session]:
        """The session factory, for listeners on every session's events (the sync engine
        publishes what a transaction noted once it committed)."""
        return self._sessions

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A session committed on success and rolled back on error."""
        with self._sessions() as session:
            try:
                yield session
                session.commit()
            except BaseException:
                session.rollback()
                raise

    def dispose(self) -> None:
        self.engine.dispose()


def backup(path: Path) -> Path:
    """Copy the database with SQLite's online backup API (consistent even in WAL mode)."""
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    target = private_database(backup_dir() / f"{path.stem}-{stamp}.sqlite3")
    with sqlite3.connect(path) as src, sqlite3.connect(target) as dst:
        src.backup(dst)
    log.info("database backed up to %s before migrating", target)
    return target


def open_database(path: Path | None = None) -> Database:
    """Open (creating if needed) and migrate the database; raises StorageError if unusable."""
    path = path or database_path()
    try:
        if not path.parent.is_dir():
            private_dir(path.parent)
        private_database(path)  # buyers' data: 0600 before SQLite writes a byte (paths.py)
        engine = make_engine(path)
        with engine.connect() as conn:
            current = migrate.current_revision(conn)
        if current != migrate.head_revision():
            if current is not None:
                backup(path)
            _upgrade(engine, path)
    except (OSError, sqlite3.Error) as exc:
        raise StorageError(f"The local database at {path} cannot be opened: {exc}") from exc
    except Exception as exc:
        if exc.__class__.__module__.startswith("sqlalchemy"):
            raise StorageError(f"The local database at {path} cannot be opened: {exc}") from exc
        raise
    return Database(path, engine)


def _upgrade(engine: Engine, path: Path) -> None:
    from alembic.util.exc import CommandError

    try:
        with engine.connect() as conn:
            # A migration that copies a table drops the old one; with foreign keys on, SQLite
            # would first delete the rows that reference it (ON DELETE CASCADE). The pragma is
            # a no-op inside a transaction, so it is set before the migration's and restored.
            conn.exec_driver_sql("PRAGMA foreign_keys=OFF")
            conn.commit()
            try:
                with conn.begin():
                    migrate.upgrade(conn)
            finally:
                conn.exec_driver_sql("PRAGMA foreign_keys=ON")
                conn.commit()
    except CommandError as exc:  # a revision we do not know: made by a newer app version
        raise StorageError(
            f"The local database at {path} was made by a newer version of Channel Manager "
            f"({exc}); install that version again, or restore a backup from {backup_dir()}."
        ) from exc
