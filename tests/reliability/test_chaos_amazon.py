"""Chaos with Amazon in it: Walmart and Amazon orders through import, Commerce creation, ship
(some in two packages) and cancel while all three sandboxes fail (500s, dropped connections
before and after acting, malformed bodies, lag). Once the faults stop and the queue drains,
the invariants hold for both marketplaces: nothing lost, nothing made or sent twice (per
Amazon item and package too: ``harness/amazon_invariants.py``)."""

from __future__ import annotations

import asyncio
import copy
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from channelmanager_gui.harness import chaos
from channelmanager_gui.harness.invariants import check_invariants
from channelmanager_gui.harness.remote_state import read_remote_state
from channelmanager_gui.models.db import Database, open_database
from channelmanager_gui.models.order import Order
from channelmanager_gui.sandbox.pair import SandboxPair, start_pair

PLAN = chaos.ChaosPlan(orders=30, amazon_orders=40, fault_rate=0.2, throttle_rate=0.005,
                       ship_share=0.5, cancel_share=0.2, seed=31)  # fmt: skip


@pytest.fixture(scope="module")
def run(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[SandboxPair, Database,
                                                                   chaos.ChaosResult]]:  # fmt: skip
    pair = start_pair(seed=PLAN.seed, products=150, orders=0, rate_limit_scale=0,
                      with_amazon=True)  # fmt: skip
    db = open_database(Path(tmp_path_factory.mktemp("chaos-amazon")) / "chaos.sqlite3")

    async def go() -> chaos.ChaosResult:
        store_id = chaos.add_sandbox_store(db, pair)
        engine = await chaos.open_engine(db, pair, store_id)
        try:
            return await chaos.run_chaos(pair, db, engine, PLAN, chaos.orderable_skus(pair))
        finally:
            await engine.aclose()

    try:
        yield pair, db, asyncio.run(go())
    finally:
        db.dispose()
        pair.stop()


def test_amazon_orders_under_faults_lose_and_double_nothing(
    run: tuple[SandboxPair, Database, chaos.ChaosResult],
) -> None:
    _, db, result = run
    assert len(result.amazon_order_ids) == PLAN.amazon_orders
    assert result.report.ok, result.summary()
    assert result.faults["amazon"], result.faults  # Amazon failed too, not only the others
    with db.session() as session:
        amazon = list(session.scalars(select(Order).where(Order.marketplace == "amazon")
                                      .options(selectinload(Order.shipments))))  # fmt: skip
        assert len(amazon) == PLAN.amazon_orders
        assert sum(bool(o.cancel_reason) for o in amazon) > 0  # cancelled through the feed
        assert sum(len(o.shipments) > 1 for o in amazon) > 0, result.summary()  # two packages


def test_the_checker_sees_an_amazon_package_sent_twice(
    run: tuple[SandboxPair, Database, chaos.ChaosResult],
) -> None:
    pair, db, result = run
    remote = read_remote_state(pair, result.purchase_order_ids, result.amazon_order_ids)
    shipped = next(o for o in remote.amazon_orders.values() if o["packages"])
    doubled = copy.deepcopy(remote)
    order = next(v for v in doubled.amazon_orders.values() if v["order_id"] == shipped["order_id"])
    ref = next(iter(order["packages"]))
    order["packages"][f"{ref}9"] = order["packages"][ref]
    report = check_invariants(db, doubled)
    assert any("unknown locally (sent twice?)" in v for v in report.violations), report.summary()
