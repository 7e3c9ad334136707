"""Desktop notice policy: new orders once per run, a failing loop once until it recovers."""

from datetime import UTC, datetime, timedelta

from channelmanager_gui.services.sync_notices import Notice, SyncNotices
from channelmanager_gui.services.sync_status import SyncState, SyncStatusBoard

T0 = datetime(2024, 5, 1, 12, 0, tzinfo=UTC)


def _watch(board: SyncStatusBoard) -> list[Notice]:
    seen: list[Notice] = []
    notices = SyncNotices(seen.append)
    board.subscribe(notices.check)
    return seen


def test_new_orders_announced_once_per_finished_run() -> None:
    board = SyncStatusBoard()
    seen = _watch(board)
    board.update("orders", state=SyncState.SYNCING)
    board.update("orders", state=SyncState.IDLE, last_run=T0, counts={"new": 3, "updated": 1})
    board.update("orders", next_run=T0 + timedelta(minutes=1))  # same run: no repeat
    board.update(
        "orders", state=SyncState.IDLE, last_run=T0 + timedelta(minutes=1), counts={"new": 0}
    )
    board.update("inventory", last_run=T0, counts={"new": 9})  # not an order loop
    assert seen == [Notice("3 new Walmart orders", "Open Orders to see them.")]


def test_store_named_in_multi_store_order_notice() -> None:
    board = SyncStatusBoard()
    seen = _watch(board)
    board.update("Outlet/orders", last_run=T0, counts={"new": 1})
    assert seen == [Notice("1 new Walmart order for Outlet", "Open Orders to see it.")]


def test_failing_loop_announced_once_until_it_recovers() -> None:
    board = SyncStatusBoard()
    seen = _watch(board)
    board.update("inventory", state=SyncState.ERROR, last_error="Walmart refused the key")
    board.update("inventory", state=SyncState.SYNCING)
    board.update("inventory", state=SyncState.ERROR, last_error="Walmart refused the key")
    assert [n.title for n in seen] == ["Sync problem: Inventory"]
    board.update("inventory", state=SyncState.ERROR, last_error="still")
    assert len(seen) == 1
    board.update("inventory", state=SyncState.IDLE, last_run=T0)
    board.update("inventory", state=SyncState.ERROR, last_error="again")
    assert seen[-1] == Notice("Sync problem: Inventory", "again", warning=True)
    assert len(seen) == 2


def test_cancellations_in_commerce_that_need_the_merchant_are_announced() -> None:
    board = SyncStatusBoard()
    seen = _watch(board)
    board.update("cancellations", last_run=T0, counts={"seen": 3, "sent": 1})
    assert seen == []  # sent with the store's reason: nothing to do
    board.update("Outlet/cancellations", last_run=T0, counts={"held": 2, "refused": 1})
    assert [n.title for n in seen] == [
        "2 order(s) cancelled in Commerce (Outlet)",
        "1 partly shipped order(s) cancelled in Commerce (Outlet)",
    ]
    assert all(n.warning for n in seen) and "the marketplace's reason" in seen[0].text
