"""Offline: both sandboxes stopped (connections refused), then started again on the same ports
with the same state. Meanwhile the app keeps working locally — orders can be read and shipped,
the ship is queued — the status board the tray and the Sync view show says Error with the
reason, and once the servers are back everything catches up with nothing lost or doubled."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import select

from channelmanager_gui.harness.invariants import check_invariants
from channelmanager_gui.harness.remote_state import commerce_baseline, read_remote_state
from channelmanager_gui.models.order import Order, OrderStatus
from channelmanager_gui.models.outbox import ActionStatus, OutboxAction
from channelmanager_gui.sandbox.pair import SandboxPair
from channelmanager_gui.sandbox.runner import ServerThread
from channelmanager_gui.sandbox.walmart.app import build_app
from channelmanager_gui.services import ops
from channelmanager_gui.services.ops import validation
from channelmanager_gui.services.sync_status import SyncState
from tests.engine.conftest import Admin, MakeEngine, start_test_pair
from tests.engine.fulfilment_support import FLOWS, new_order, skus


@pytest.fixture(scope="module")
def sandbox_pair() -> Iterator[SandboxPair]:
    """This module's own pair: the test takes its servers down and brings up new ones."""
    pair = start_test_pair()
    yield pair
    pair.stop()


class Outage:
    """Stops both servers; ``end()`` serves the same state on the same ports again."""

    def __init__(self, pair: SandboxPair) -> None:
        self.pair = pair
        self.restarted: list[ServerThread] = []
        pair.walmart.stop()
        pair.commerce.stop()

    def end(self) -> None:
        w, c = self.pair.walmart, self.pair.commerce
        walmart_app = build_app(w.state, w.faults, w.limiter, w.client_id, w.client_secret)
        port = int(w.url.rsplit(":", 1)[1])
        self.restarted = [ServerThread(walmart_app, port).start()]
        self.restarted.append(ServerThread(c.app, c.port).start())

    def stop(self) -> None:
        for server in self.restarted:
            server.stop()


async def test_offline_then_catching_up(
    make_engine: MakeEngine, sandbox_pair: SandboxPair, walmart_admin: Admin,
    commerce_admin: Admin,
) -> None:  # fmt: skip
    baseline = commerce_baseline(sandbox_pair)
    engine = await make_engine(FLOWS)
    a, b = skus(sandbox_pair, commerce_admin, 2, offset=40)
    shipped_id = await new_order(engine, walmart_admin, [(a, 2)])
    late_po = str(walmart_admin.post("/orders", {"lines": [{"sku": b}]})["purchaseOrderIds"][0])
    walmart_admin.close()  # its kept-alive connection dies with the server
    commerce_admin.close()

    outage = Outage(sandbox_pair)
    try:
        order = ops.order_for_action(engine.env.db, shipped_id)  # the app works locally
        request = validation.validate_shipment(
            order, "FedEx", None, "Standard", "794612345678", None, None, {"1": 2}
        )
        ops.ship(engine.env.db, shipped_id, request)
        errors = await engine.scheduler.run_all_once()
        await engine.worker.run_once()

        assert errors and engine.board.overall() is SyncState.ERROR
        reason = engine.board.loop("orders").last_error  # type: ignore[union-attr]
        assert reason and "Walmart" in reason
        with engine.env.db.session() as session:
            shipped = session.get_one(Order, shipped_id)
            assert shipped.status == OrderStatus.SHIPPED  # the merchant's action is recorded
            queued = list(session.scalars(select(OutboxAction).where(
                OutboxAction.status == ActionStatus.PENDING)))  # fmt: skip
        assert {q.kind for q in queued} == {"commerce.ship", "walmart.ship"}
        assert all(q.last_error for q in queued if q.attempts)

        outage.end()
        summary = await engine.run_once(drain_timeout=60)
        assert summary.ok, summary
        assert engine.board.overall() is SyncState.IDLE
        po = order.marketplace_order_id
        report = check_invariants(
            engine.env.db,
            read_remote_state(sandbox_pair, [po, late_po]),
            expected_pos=[po, late_po],
            baseline_entity_id=baseline,
        )
        assert report.ok and not report.in_error, report.summary()
        assert report.counts["shipments"] == 1
    finally:
        outage.stop()
