"""The sync loops' watermarks: one reader and writer (services/engine/cursors.py) for all."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from channelmanager_gui.models.db import Database, open_database
from channelmanager_gui.models.outbox import SyncCursor
from channelmanager_gui.services.engine.cursors import (
    load_cursor,
    read_cursor,
    read_id_cursor,
    save_cursor,
    write_cursor,
    write_id_cursor,
)
from tests.models.order_seed import add_store

WHEN = datetime(2026, 3, 1, 12, 30, 15, 250000, tzinfo=UTC)


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    database = open_database(tmp_path / "cursors.sqlite3")
    yield database
    database.dispose()


def test_a_time_cursor_reads_back_as_the_same_aware_time(db: Database) -> None:
    store_id = add_store(db)
    assert load_cursor(db, store_id, "orders.window") is None  # before the first pass
    save_cursor(db, store_id, "orders.window", WHEN)
    assert load_cursor(db, store_id, "orders.window") == WHEN
    with db.session() as session:
        write_cursor(session, store_id, "orders.window", WHEN + timedelta(hours=1))
    with db.session() as session:
        moved = read_cursor(session, store_id, "orders.window")
    assert moved == WHEN + timedelta(hours=1) and moved.tzinfo is not None


def test_an_id_cursor_and_cursors_are_per_store(db: Database) -> None:
    first, second = add_store(db, "One"), add_store(db, "Two")
    with db.session() as session:
        write_id_cursor(session, first, "returns.lookup", 41)
        write_id_cursor(session, second, "returns.lookup", 7)
    with db.session() as session:
        assert read_id_cursor(session, first, "returns.lookup") == 41
        assert read_id_cursor(session, second, "returns.lookup") == 7
        assert read_id_cursor(session, first, "other") is None


def test_writing_the_same_value_again_still_records_when(db: Database) -> None:
    """Every loop now stamps ``updated_at`` on each pass (before, only one of them did, the
    others left it at the last change of value)."""
    store_id = add_store(db)
    save_cursor(db, store_id, "catalog.watermark", WHEN)
    stale = datetime(2020, 1, 1, tzinfo=UTC)
    with db.session() as session:
        session.get_one(SyncCursor, (store_id, "catalog.watermark")).updated_at = stale
    save_cursor(db, store_id, "catalog.watermark", WHEN)
    with db.session() as session:
        row = session.get_one(SyncCursor, (store_id, "catalog.watermark"))
        assert row.updated_at > stale
