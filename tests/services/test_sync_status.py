"""SyncStatusBoard: overall state derivation and notifications (plain Python, no Qt)."""

import threading
from datetime import UTC, datetime

import pytest

from channelmanager_gui.services.sync_status import SyncState, SyncStatusBoard


def test_empty_board_is_idle_with_no_last_sync() -> None:
    board = SyncStatusBoard()
    assert board.overall() is SyncState.IDLE
    assert board.last_sync() is None
    assert board.loops() == []


@pytest.mark.parametrize(
    ("states", "paused", "expected"),
    [
        ([SyncState.IDLE, SyncState.IDLE], False, SyncState.IDLE),
        ([SyncState.IDLE, SyncState.PAUSED], False, SyncState.PAUSED),
        ([SyncState.IDLE, SyncState.IDLE], True, SyncState.PAUSED),
        ([SyncState.PAUSED, SyncState.SYNCING], False, SyncState.SYNCING),
        ([SyncState.IDLE, SyncState.SYNCING], True, SyncState.SYNCING),
        ([SyncState.SYNCING, SyncState.ERROR], False, SyncState.ERROR),
        ([SyncState.ERROR, SyncState.PAUSED], True, SyncState.ERROR),
    ],
)
def test_overall_state_precedence(
    states: list[SyncState], paused: bool, expected: SyncState
) -> None:
    board = SyncStatusBoard()
    for index, state in enumerate(states):
        board.update(f"loop{index}", state=state)
    board.set_paused(paused)
    assert board.overall() is expected


def test_update_changes_only_given_fields_and_keeps_order() -> None:
    board = SyncStatusBoard()
    first = datetime(2024, 5, 1, 10, 0, tzinfo=UTC)
    board.update("orders", state=SyncState.IDLE, last_run=first, counts={"new": 2})
    board.update("inventory", state=SyncState.SYNCING)
    status = board.update("orders", state=SyncState.SYNCING)
    assert status.last_run == first
    assert dict(status.counts) == {"new": 2}
    assert [s.name for s in board.loops()] == ["orders", "inventory"]


def test_recovered_loop_clears_its_error() -> None:
    board = SyncStatusBoard()
    board.update("orders", state=SyncState.ERROR, last_error="Walmart refused the token")
    assert [s.name for s in board.errors()] == ["orders"]
    board.update("orders", state=SyncState.SYNCING)
    assert board.loop("orders").last_error is None  # type: ignore[union-attr]
    assert board.errors() == []


def test_last_sync_is_latest_run_of_any_loop() -> None:
    board = SyncStatusBoard()
    early = datetime(2024, 5, 1, 9, 0, tzinfo=UTC)
    late = datetime(2024, 5, 1, 11, 0, tzinfo=UTC)
    board.update("orders", last_run=late)
    board.update("inventory", last_run=early)
    board.update("prices")
    assert board.last_sync() == late


def test_subscribers_notified_on_change_only_and_can_unsubscribe() -> None:
    board = SyncStatusBoard()
    seen: list[SyncState] = []
    unsubscribe = board.subscribe(lambda b: seen.append(b.overall()))
    board.update("orders", state=SyncState.SYNCING)
    board.set_paused(False)  # no change, no notification
    board.set_open_errors(0)  # no change
    board.set_open_errors(3)
    unsubscribe()
    board.update("orders", state=SyncState.IDLE)
    assert seen == [SyncState.SYNCING, SyncState.SYNCING]
    assert board.open_errors == 3


def test_failing_subscriber_does_not_stop_the_others() -> None:
    board = SyncStatusBoard()
    seen: list[str] = []

    def broken(_: SyncStatusBoard) -> None:
        raise RuntimeError("boom")

    board.subscribe(broken)
    board.subscribe(lambda b: seen.append("ok"))
    board.update("orders")
    assert seen == ["ok"]


def test_remove_forgets_a_loop() -> None:
    board = SyncStatusBoard()
    board.update("orders", state=SyncState.ERROR, last_error="x")
    board.remove("orders")
    board.remove("missing")
    assert board.overall() is SyncState.IDLE


def test_the_engine_thread_updates_while_the_ui_thread_reads() -> None:
    """The window reads the board while the engine's thread writes it: readers always get a
    consistent list, and a subscriber may unsubscribe from inside a notification."""
    board = SyncStatusBoard()
    notified: list[int] = []
    unsubscribe = board.subscribe(lambda b: notified.append(len(b.loops())))
    board.subscribe(lambda b: unsubscribe() if len(notified) > 100 else None)

    def engine() -> None:
        for n in range(2000):
            board.update(f"loop {n % 50}", state=SyncState.SYNCING, counts={"n": n})
            if n % 7 == 0:
                board.remove(f"loop {n % 50}")

    writer = threading.Thread(target=engine)
    writer.start()
    while writer.is_alive():
        assert {s.name for s in board.loops()} <= {f"loop {n}" for n in range(50)}
        board.overall()
        board.errors()
    writer.join()
    assert len(notified) == 101  # the notification that unsubscribed it was its last
