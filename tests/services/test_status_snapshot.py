"""record_board: the board's snapshot kept in the database, written where the caller says."""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Iterator

import pytest

from channelmanager_gui.models.db import Database, open_database
from channelmanager_gui.services import status_snapshot
from channelmanager_gui.services.status_snapshot import read_status, record_board
from channelmanager_gui.services.sync_status import SyncState, SyncStatusBoard


@pytest.fixture
def db() -> Iterator[Database]:
    database = open_database()
    yield database
    database.dispose()


def test_without_post_every_change_is_saved_at_once(db: Database) -> None:
    board = SyncStatusBoard()
    stop = record_board(db, board)
    board.update("orders", state=SyncState.SYNCING)
    status = read_status(db)
    assert status["running"] and status["overall"] == "syncing"
    stop()
    assert read_status(db)["running"] is False


def test_with_post_a_burst_is_one_save_where_posted_and_none_after_stop(db: Database) -> None:
    """The window posts saves to the engine's thread: a change on the UI thread never waits
    for the database there, and changes made before the save runs are folded into it."""
    board = SyncStatusBoard()
    posted: list[Callable[[], None]] = []
    stop = record_board(db, board, post=posted.append)
    assert len(posted) == 1  # the first snapshot goes the same way
    board.set_paused(True)
    board.update("orders", state=SyncState.PAUSED)
    assert len(posted) == 1
    assert read_status(db)["loops"] == []  # nothing written on this thread
    posted.pop()()
    status = read_status(db)
    assert status["paused"] and [loop["name"] for loop in status["loops"]] == ["orders"]
    board.update("stock", state=SyncState.SYNCING)
    late_save = posted.pop()
    stop()
    late_save()  # ran on the engine's thread after the final snapshot: writes nothing
    status = read_status(db)
    assert status["running"] is False
    assert [loop["name"] for loop in status["loops"]] == ["orders", "stock"]
    board.update("orders", state=SyncState.IDLE)
    assert posted == []


async def test_later_folds_the_changes_of_a_few_seconds_into_one_write(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The engine child saves a burst once (``later``): it saved at every board change, two
    a loop run, about one a second on an idle day."""
    writes: list[dict[str, object]] = []
    monkeypatch.setattr(status_snapshot, "write_snapshot", lambda _db, data: writes.append(data))
    board = SyncStatusBoard()
    stop = record_board(db, board, post=status_snapshot.later(asyncio.get_running_loop(), 0.2))
    for name in ("orders", "stock", "inventory"):
        board.update(name, state=SyncState.SYNCING)
        board.update(name, state=SyncState.IDLE)
    assert writes == []
    await asyncio.sleep(0.4)
    assert len(writes) == 1
    assert [loop["name"] for loop in writes[0]["loops"]] == ["orders", "stock", "inventory"]  # type: ignore[attr-defined]
    stop()
    assert len(writes) == 2 and writes[1]["running"] is False
