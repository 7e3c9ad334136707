"""The window's EngineControl with a real sync engine child against the sandbox pair.

- A ship answered in the window's dialog is written by the window (an operation), the child's
  worker is woken (its own command, not a change notice), and it sends the ship to Walmart.
- A child that dies is shown as an Error on the board with the reason, and a new child is
  started after the back-off.

Waits are for conditions with timeouts, on the qasync loop (so Qt's queued signals and
timers run meanwhile); nothing asserts how long anything took.
"""

from __future__ import annotations

import asyncio
import os
import signal
from collections.abc import Callable, Iterator

import pytest
import qasync
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from channelmanager_gui.models.db import Database
from channelmanager_gui.models.order import Order, OrderStatus
from channelmanager_gui.qt_async import OpRunner
from channelmanager_gui.sandbox.pair import SandboxPair
from channelmanager_gui.services import ops, stores
from channelmanager_gui.services.engine_process import EngineProcess
from channelmanager_gui.services.sync_status import SyncState, SyncStatusBoard
from channelmanager_gui.views.engine_control import CHILD_LOOP, EngineControl
from channelmanager_gui.views.ship_dialog import ShipDialog
from tests.engine.conftest import (  # noqa: F401  (fixtures, found here by pytest)
    Admin,
    commerce_admin,
    engine_db,
    pair_secrets,
    sandbox_pair,
    store_id,
    walmart_admin,
)
from tests.engine.fulfilment_support import order, skus, walmart_line, walmart_qty
from tests.views.test_orders_end_to_end import answer_next_dialog

WAIT_S = 60.0


async def until(condition: Callable[[], object], timeout: float = WAIT_S) -> None:
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while not condition():
        if loop.time() > deadline:
            raise AssertionError("condition not met in time")
        await asyncio.sleep(0.05)


@pytest.fixture
def control(
    qasync_loop: qasync.QEventLoop,
    engine_db: Database,  # noqa: F811
    store_id: int,  # noqa: F811
    sandbox_pair: SandboxPair,  # noqa: F811
) -> Iterator[EngineControl]:
    failures: list[str] = []
    ops = OpRunner(lambda exc, ctx: failures.append(f"{ctx}: {exc}"))
    made = EngineControl(
        engine_db,
        pair_secrets(sandbox_pair, store_id),
        board=SyncStatusBoard(),
        ops=ops,
    )
    made.start(stores.list_stores(engine_db))
    try:
        yield made
    finally:
        qasync_loop.run_until_complete(made.aclose())
    assert failures == []


def _ready(control: EngineControl) -> bool:
    child = control.child
    return child is not None and child.ready.is_set()


def test_a_ship_in_the_window_reaches_walmart_through_the_child(
    qapp: QApplication,
    qasync_loop: qasync.QEventLoop,
    control: EngineControl,
    engine_db: Database,  # noqa: F811
    sandbox_pair: SandboxPair,  # noqa: F811
    walmart_admin: Admin,  # noqa: F811
    commerce_admin: Admin,  # noqa: F811
) -> None:
    [sku] = skus(sandbox_pair, commerce_admin, 1)
    po = walmart_admin.post("/orders", {"lines": [{"sku": sku, "qty": 1}]})["purchaseOrderIds"][0]

    def imported() -> Order | None:
        with engine_db.session() as session:
            found = session.scalar(select(Order).where(Order.marketplace_order_id == po))
        return found if found is not None and found.commerce_entity_id is not None else None

    async def import_it() -> int:
        await until(lambda: _ready(control))
        control.sync_now("orders")  # the child imports it, acknowledges it, creates it
        await until(imported)
        found = imported()
        assert found is not None
        return found.id

    order_id = qasync_loop.run_until_complete(import_it())

    def ship(dialog: object) -> None:
        assert isinstance(dialog, ShipDialog)
        dialog.carrier.setCurrentIndex(dialog.carrier.findData("UPS"))
        dialog.tracking_number.setText("1Z999AA10123456784")
        dialog.ok_button.click()

    answer_next_dialog(ShipDialog, ship)
    request = ShipDialog.ask(None, order(engine_db, order_id))
    assert request is not None
    shipped_changes = ops.ship(engine_db, order_id, request)  # as the Orders page's op
    assert shipped_changes.queued
    control.wake()  # what the op runner's ``actions_queued`` asks of the app

    def shipped() -> bool:
        line = walmart_line(walmart_admin, po, "1")
        return walmart_qty(line, "Shipped", "1Z999AA10123456784") == 1

    qasync_loop.run_until_complete(until(shipped))
    assert order(engine_db, order_id).status == OrderStatus.SHIPPED


def test_a_child_that_dies_shows_an_error_and_is_started_again(
    qasync_loop: qasync.QEventLoop, control: EngineControl
) -> None:
    board = control._board

    async def crash_and_recover() -> tuple[str, EngineProcess]:
        await until(lambda: _ready(control))
        dead = control.child
        assert dead is not None and dead.pid is not None
        board.update("Removed store/orders", state=SyncState.SYNCING)  # a line nobody runs
        os.kill(dead.pid, signal.SIGKILL)
        await until(lambda: board.loop(CHILD_LOOP) is not None)
        status = board.loop(CHILD_LOOP)
        assert status is not None and status.state is SyncState.ERROR
        await until(lambda: control.child is not dead and _ready(control))
        await until(lambda: board.loop(CHILD_LOOP) is None)  # the new child is running
        assert board.loop("Removed store/orders") is None
        assert {s.name for s in board.loops()} <= control.child.loops != frozenset()
        return status.last_error or "", dead

    error, dead = qasync_loop.run_until_complete(crash_and_recover())
    assert "exit code -9" in error and "Restarting it in 1 s" in error
    assert not dead.alive
