"""Fifty Walmart orders through both sandboxes failing ~20% of calls (500s) and dropping ~20% of
connections (half of them after the server acted): once the faults stop and the queue drains,
every Walmart order is exactly one Commerce order, and Walmart has every acknowledgement."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import select

from channelmanager_gui.models.db import Database
from channelmanager_gui.models.order import Order, OrderStatus
from channelmanager_gui.sandbox.pair import SandboxPair
from channelmanager_gui.services import ops
from channelmanager_gui.services.engine import orders_flow
from tests.engine.conftest import Admin, MakeEngine, orderable_skus

ORDERS = 50
FAULTS = {"error_rate": 0.2, "drop_rate": 0.2, "seed": 5}
CALM = {"error_rate": 0.0, "drop_rate": 0.0}


@pytest.fixture
def faults_off_after(walmart_admin: Admin, commerce_admin: Admin) -> Iterator[None]:
    yield
    walmart_admin.faults(**CALM)
    commerce_admin.faults(**CALM)


async def test_every_order_exactly_once_through_faults(
    make_engine: MakeEngine, engine_db: Database, sandbox_pair: SandboxPair,
    walmart_admin: Admin, commerce_admin: Admin, faults_off_after: None,
) -> None:  # fmt: skip
    skus = orderable_skus(sandbox_pair, min_qty=60)
    pos = []
    for n in range(ORDERS):
        lines = [{"sku": skus[n % len(skus)], "qty": 1}, {"sku": skus[(n + 7) % len(skus)]}]
        pos.append(str(walmart_admin.post("/orders", {"lines": lines})["purchaseOrderIds"][0]))
    orders_before = commerce_admin.get("/stats")["orders"]
    engine = await make_engine([orders_flow], worker_options={"max_attempts": 40})

    walmart_admin.faults(**FAULTS)
    commerce_admin.faults(**FAULTS)
    for _ in range(3):  # the loop itself may fail a pass under faults; the next one resumes
        await engine.run_once(drain_timeout=120)
    walmart_admin.faults(**CALM)
    commerce_admin.faults(**CALM)
    assert sum(commerce_admin.get("/faults")["injected"].values()) > 0

    await engine.run_once(drain_timeout=120)
    with engine_db.session() as session:
        stuck = list(session.scalars(select(Order.id).where(Order.status == OrderStatus.ERROR)))
    for order_id in stuck:  # what gave up during the storm, the merchant retries
        ops.retry(engine_db, order_id)
    summary = await engine.run_once(drain_timeout=120)

    assert summary.ok, summary
    assert commerce_admin.get("/stats")["orders"] == orders_before + ORDERS
    with engine_db.session() as session:
        local = {o.marketplace_order_id: o for o in session.scalars(select(Order))}
        for po in pos:
            (found,) = commerce_admin.get(f"/orders?ext_order_id={po}")["items"]
            assert local[po].status == OrderStatus.CREATED, local[po].error
            assert local[po].commerce_increment_id == found["increment_id"]
            assert sum(i["qty_ordered"] for i in found["items"]) == 2
            history = [h["comment"] for h in found["status_histories"]]
            assert sum(f"Walmart order {po}" in c for c in history) == 1
    for po in pos:
        order = walmart_admin.get(f"/orders/{po}")
        statuses = {
            s["status"]
            for line in order["orderLines"]["orderLine"]
            for s in line["orderLineStatuses"]["orderLineStatus"]
        }
        assert statuses == {"Acknowledged"}
