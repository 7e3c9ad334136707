"""The sync loops' watermarks (``sync_cursors``): one reader and one writer for every loop.

Each loop remembers how far it got per store (the last order window, the newest product
``updated_at``, the newest return, the last retired-item check, ...) and moves its cursor only
once a pass has saved everything before it, so a crash repeats work instead of skipping it.
Before this module, six loops each read and wrote the table their own way, and had drifted
(one refreshed ``updated_at`` by hand, one merged, the others relied on the column's default).

A time is stored as ISO 8601 with its offset (the engine's clock is aware UTC) and read back
as the same aware ``datetime``; a row id is stored as its decimal text.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.orm import Session

from channelmanager_gui.models.base import utcnow
from channelmanager_gui.models.db import Database
from channelmanager_gui.models.outbox import SyncCursor


def read_cursor(session: Session, store_id: int, name: str) -> datetime | None:
    """The time cursor ``name`` of the store; None before the loop's first pass."""
    text = _read(session, store_id, name)
    return None if text is None else datetime.fromisoformat(text)


def write_cursor(session: Session, store_id: int, name: str, value: datetime) -> None:
    """Move the time cursor ``name`` (committed with the session)."""
    _write(session, store_id, name, value.isoformat())


def read_id_cursor(session: Session, store_id: int, name: str) -> int | None:
    """A cursor that holds a row id (the last one handled); None before the first pass."""
    text = _read(session, store_id, name)
    return None if text is None else int(text)


def write_id_cursor(session: Session, store_id: int, name: str, value: int) -> None:
    _write(session, store_id, name, str(value))


def load_cursor(db: Database, store_id: int, name: str) -> datetime | None:
    """``read_cursor`` in a session of its own, for loops that hold no session."""
    with db.session() as session:
        return read_cursor(session, store_id, name)


def save_cursor(db: Database, store_id: int, name: str, value: datetime) -> None:
    """``write_cursor`` in a session of its own (committed on return)."""
    with db.session() as session:
        write_cursor(session, store_id, name, value)


def _read(session: Session, store_id: int, name: str) -> str | None:
    row = session.get(SyncCursor, (store_id, name))
    return None if row is None else row.value


def _write(session: Session, store_id: int, name: str, text: str) -> None:
    row = session.get(SyncCursor, (store_id, name))
    if row is None:
        session.add(SyncCursor(store_id=store_id, name=name, value=text))
    else:
        row.value = text
        row.updated_at = utcnow()  # the last pass that reached it, even with the same value


def account_cursor(name: str, account_id: int, legacy: bool) -> str:
    """The name of loop cursor ``name`` for one marketplace account. ``legacy``: the store's
    first Walmart account, whose cursors keep the names they had before accounts existed (an
    upgraded database goes on where it stopped); every other account's carry its id."""
    return name if legacy else f"{name}@{account_id}"
