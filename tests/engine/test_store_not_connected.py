"""A store that cannot be opened (its secret is missing from the keyring): its queued actions
wait, untouched, instead of failing for good; the board says why; once the store is connected
again they are sent as if nothing happened."""

from __future__ import annotations

from sqlalchemy import select

from channelmanager_gui.models.db import Database
from channelmanager_gui.models.order import Order, OrderStatus
from channelmanager_gui.models.outbox import ActionStatus, OutboxAction
from channelmanager_gui.sandbox.pair import SandboxPair
from channelmanager_gui.services.engine import orders_flow
from channelmanager_gui.services.engine.context import KeyringSecrets
from channelmanager_gui.services.engine.engine import SyncEngine
from channelmanager_gui.services.sync_status import SyncState
from tests.engine.conftest import FAST_WORKER, Admin, MakeEngine, orderable_skus, pair_secrets


def actions(db: Database) -> list[tuple[str, int, str | None]]:
    with db.session() as session:
        rows = session.scalars(select(OutboxAction).order_by(OutboxAction.id))
        return [(a.status, a.attempts, a.last_error) for a in rows]


async def test_actions_of_a_store_not_connected_wait_until_it_is(
    make_engine: MakeEngine,
    engine_db: Database,
    store_id: int,
    sandbox_pair: SandboxPair,
    walmart_admin: Admin,
    commerce_admin: Admin,
) -> None:
    sku = orderable_skus(sandbox_pair)[0]
    made = walmart_admin.post("/orders", {"lines": [{"sku": sku, "qty": 1}]})
    po = str(made["purchaseOrderIds"][0])
    importer = await make_engine([orders_flow])
    assert await importer.scheduler.run_all_once() == []  # imported and queued, not sent
    await importer.aclose()
    assert [status for status, _, _ in actions(engine_db)] == ["pending", "pending"]

    # The keyring of this test is empty: the store cannot be opened.
    broken = SyncEngine(engine_db, KeyringSecrets(), flows=[orders_flow],
                        worker_options=FAST_WORKER)  # fmt: skip
    await broken.open()
    try:
        (status,) = broken.board.loops()
        assert status.state is SyncState.ERROR
        assert "not connected" in (status.last_error or "")
        assert "No secret is saved" in (status.last_error or "")
        summary = await broken.run_once(drain_timeout=5)
    finally:
        await broken.aclose()
    assert summary.drained and not summary.failed_actions and not summary.orders_in_error
    assert any("not connected" in e for e in summary.loop_errors)
    assert actions(engine_db) == [("pending", 0, None), ("pending", 0, None)]
    with engine_db.session() as session:
        order = session.scalars(select(Order).where(Order.marketplace_order_id == po)).one()
        assert order.status == OrderStatus.IMPORTED and order.error is None

    connected = SyncEngine(engine_db, pair_secrets(sandbox_pair, store_id), flows=[orders_flow],
                           board=broken.board, worker_options=FAST_WORKER)  # fmt: skip
    await connected.open()  # the window keeps its board when it restarts the engine
    try:
        assert [s.name for s in connected.board.errors()] == []
        summary = await connected.run_once(drain_timeout=30)
    finally:
        await connected.aclose()
    assert summary.ok, summary
    # acknowledge, create, then the invoice the creation queued
    assert [(s, n) for s, n, _ in actions(engine_db)] == [(ActionStatus.DONE, 1)] * 3
    assert len(commerce_admin.get(f"/orders?ext_order_id={po}")["items"]) == 1
