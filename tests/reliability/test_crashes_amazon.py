"""Crashes around Amazon order actions: the process dies right after each remote call of the
Amazon order path has landed (Commerce creation of an Amazon order, ``confirmShipment``, the
cancellation feed), is restarted (its leases run out), and finishes. Nothing is lost and
nothing is made or sent twice, by the same invariants as the chaos runs (Amazon items and
packages included)."""

from __future__ import annotations

import random
from collections.abc import AsyncIterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from channelmanager_gui.harness import amazon_side, chaos
from channelmanager_gui.harness.invariants import check_invariants
from channelmanager_gui.harness.remote_state import commerce_baseline, read_remote_state
from channelmanager_gui.models.db import Database, open_database
from channelmanager_gui.models.order import Order
from channelmanager_gui.sandbox.pair import SandboxPair, start_pair
from channelmanager_gui.services import ops
from channelmanager_gui.services.amazon.order_feeds import ACK_FEED
from channelmanager_gui.services.engine.engine import SyncEngine
from channelmanager_gui.services.engine.fulfilment_common import load_order
from channelmanager_gui.services.ops import validation
from tests.engine.fulfilment_support import CrashAfterSend, SimulatedCrash

ORDERS = 6


class Run:
    def __init__(self, pair: SandboxPair, db: Database) -> None:
        self.pair, self.db = pair, db
        self.store_id = chaos.add_sandbox_store(db, pair)
        self.engines: list[SyncEngine] = []

    async def engine(self, crash_in: str | None = None) -> SyncEngine:
        engine = await chaos.open_engine(self.db, self.pair, self.store_id)
        engine.worker.lease = timedelta(0)  # a dead process's claims are free at once
        if crash_in is not None:
            handlers = engine.worker.handlers
            engine.worker.handlers = {**handlers, crash_in: CrashAfterSend(handlers[crash_in])}
        self.engines.append(engine)
        return engine

    async def crash_then_finish(self, crash_in: str) -> None:
        """Every loop once; the outbox dies after ``crash_in`` reached Amazon/Commerce; a
        fresh engine finishes."""
        engine = await self.engine(crash_in)
        await engine.scheduler.run_all_once()
        with pytest.raises(SimulatedCrash):
            await engine.worker.drain(timeout=60)
        await engine.aclose()
        restarted = await self.engine()
        summary = await restarted.run_once(drain_timeout=60)
        await restarted.aclose()
        assert summary.ok, summary


@pytest.fixture
async def run(tmp_path: Path) -> AsyncIterator[Run]:
    pair = start_pair(seed=41, products=150, orders=0, rate_limit_scale=0, with_amazon=True)
    db = open_database(tmp_path / "crash.sqlite3")
    made = Run(pair, db)
    yield made
    for engine in made.engines:
        await engine.aclose()
    db.dispose()
    pair.stop()


def _order(db: Database, marketplace_order_id: str) -> Any:
    with db.session() as session:
        order_id = session.scalars(
            select(Order.id).where(Order.marketplace_order_id == marketplace_order_id)
        ).one()
        return load_order(session, order_id)


async def test_crashes_around_amazon_actions_lose_and_double_nothing(run: Run) -> None:
    assert run.pair.amazon is not None
    baseline = commerce_baseline(run.pair)
    ids = amazon_side.make_amazon_orders(run.pair.amazon, chaos.orderable_skus(run.pair),
                                         ORDERS, random.Random(5))  # fmt: skip
    await run.crash_then_finish("commerce.create_order")

    to_ship, to_cancel = ids[: ORDERS // 2], ids[ORDERS // 2 :]
    before = _calls(run)
    for n, amazon_id in enumerate(to_ship):
        order = _order(run.db, amazon_id)
        lines = {ln.line_number: ln.qty_open for ln in order.lines}
        request = validation.validate_shipment(order, "UPS", None, None, f"1ZCRASH{n:06d}", None,
                                               None, lines)  # fmt: skip
        ops.ship(run.db, order.id, request)
    await run.crash_then_finish("amazon.ship")

    for amazon_id in to_cancel:
        ops.cancel(run.db, _order(run.db, amazon_id).id, "NoInventory")
    await run.crash_then_finish("amazon.cancel")

    after = _calls(run)  # each sent once, although each crashed right after sending
    assert after["confirmShipment"] - before.get("confirmShipment", 0) == len(to_ship)
    # One cancellation feed per order (listings feeds pushing the returned stock are apart).
    assert _feeds(run).get(ACK_FEED, 0) == len(to_cancel)
    remote = read_remote_state(run.pair, [], ids)
    report = check_invariants(run.db, remote, expected_pos=ids, baseline_entity_id=baseline)
    assert report.ok and not report.in_error, report.summary()
    assert all(o["status"] == "Shipped" for i, o in remote.amazon_orders.items() if i in to_ship)
    assert all(remote.amazon_orders[i]["status"] == "Canceled" for i in to_cancel)


def _feeds(run: Run) -> dict[str, int]:
    assert run.pair.amazon is not None
    return dict(amazon_side.admin(run.pair.amazon, "GET", "/stats")["feeds"])


def _calls(run: Run) -> dict[str, int]:
    assert run.pair.amazon is not None
    return dict(amazon_side.admin(run.pair.amazon, "GET", "/stats")["requests"])
