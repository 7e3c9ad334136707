"""Crash points: the worker is killed right after each remote call of the order flow succeeds
(before it could write anything down), a fresh worker takes over, and still exactly one
Commerce order exists per Walmart order, acknowledged once, with nothing lost or doubled."""

from __future__ import annotations

import functools
from collections import Counter
from collections.abc import Callable
from typing import Any

import pytest
from sqlalchemy import delete, select

from channelmanager_gui.models.db import Database
from channelmanager_gui.models.order import Order, OrderLine, OrderStatus
from channelmanager_gui.models.outbox import Activity, OutboxAction, SyncCursor
from channelmanager_gui.sandbox.pair import SandboxPair
from channelmanager_gui.services.commerce.client import CommerceClient
from channelmanager_gui.services.engine import orders_flow
from channelmanager_gui.services.walmart.client import WalmartClient
from tests.engine.conftest import Admin, MakeEngine, orderable_skus


class SimulatedCrash(BaseException):
    """Escapes every ``except Exception``, like the process being killed."""


class Calls:
    """Wraps client methods: counts calls per first argument (positional, else keyword),
    crashes after the n-th one."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.monkeypatch = monkeypatch
        self.counts: Counter[tuple[str, str]] = Counter()
        self.fired = False

    def watch(self, cls: type, name: str, crash_after: int | None = None) -> None:
        original: Callable[..., Any] = getattr(cls, name)
        calls = self

        @functools.wraps(original)
        async def wrapper(client: Any, *args: Any, **kwargs: Any) -> Any:
            result = await original(client, *args, **kwargs)
            first = args[0] if args else next(iter(kwargs.values()), "")
            calls.counts[(name, str(first))] += 1
            total = sum(n for (method, _), n in calls.counts.items() if method == name)
            if crash_after == total and not calls.fired:
                calls.fired = True
                raise SimulatedCrash(f"killed after {name} #{total}")
            return result

        self.monkeypatch.setattr(cls, name, wrapper)


# A first attempt does not look for an existing order (no cart recorded: none can exist) and
# reads the order it placed once (its increment id goes into the ext_order_id save).
CRASH_POINTS = [
    (WalmartClient, "acknowledge", 1),
    (CommerceClient, "create_cart", 1),
    (CommerceClient, "add_cart_item", 1),
    (CommerceClient, "add_cart_item", 2),
    (CommerceClient, "set_shipping_information", 1),
    (CommerceClient, "place_order", 1),
    (CommerceClient, "set_ext_order_id", 1),
    (CommerceClient, "add_comment", 1),
    (CommerceClient, "invoice_order", 1),
]


@pytest.mark.parametrize(
    ("cls", "method", "nth"), CRASH_POINTS, ids=[f"{m}#{n}" for _, m, n in CRASH_POINTS]
)
async def test_killed_after_a_remote_call_then_restarted(
    cls: type,
    method: str,
    nth: int,
    make_engine: MakeEngine,
    engine_db: Database,
    sandbox_pair: SandboxPair,
    walmart_admin: Admin,
    commerce_admin: Admin,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    sku_a, sku_b = orderable_skus(sandbox_pair, min_qty=60)[:2]
    made = walmart_admin.post("/orders", {"lines": [{"sku": sku_a, "qty": 2}, {"sku": sku_b}]})
    po = str(made["purchaseOrderIds"][0])
    orders_before = commerce_admin.get("/stats")["orders"]
    calls = Calls(monkeypatch)
    calls.watch(WalmartClient, "acknowledge", crash_after=nth if method == "acknowledge" else None)
    if cls is CommerceClient:
        calls.watch(cls, method, crash_after=nth)

    first = await make_engine([orders_flow])
    with pytest.raises(SimulatedCrash):
        await first.run_once(drain_timeout=30)
    assert calls.fired

    restarted = await make_engine([orders_flow], worker_options={"lease_seconds": 0})
    summary = await restarted.run_once(drain_timeout=30)

    assert summary.failed_actions == []
    assert commerce_admin.get("/stats")["orders"] == orders_before + 1
    (found,) = commerce_admin.get(f"/orders?ext_order_id={po}")["items"]
    assert {i["sku"]: i["qty_ordered"] for i in found["items"]} == {sku_a: 2, sku_b: 1}
    assert {i["sku"]: i["qty_invoiced"] for i in found["items"]} == {sku_a: 2, sku_b: 1}
    assert found["increment_id"] == f"{found['entity_id']:09d}"  # never renumbered
    comments = [h["comment"] for h in found["status_histories"]]
    assert sum(f"Walmart order {po}" in c for c in comments) == 1
    assert calls.counts[("acknowledge", po)] == 1
    with engine_db.session() as session:
        order = session.scalars(select(Order).where(Order.marketplace_order_id == po)).one()
        assert order.status == OrderStatus.CREATED, order.error
        assert order.commerce_entity_id == found["entity_id"]
        assert order.commerce_increment_id == found["increment_id"]
        assert all(line.commerce_item_id for line in order.lines)


async def test_a_first_attempt_neither_searches_nor_rereads(
    make_engine: MakeEngine,
    sandbox_pair: SandboxPair,
    walmart_admin: Admin,
    commerce_admin: Admin,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    sku = orderable_skus(sandbox_pair, min_qty=60)[0]
    made = walmart_admin.post("/orders", {"lines": [{"sku": sku, "qty": 1}]})
    po = str(made["purchaseOrderIds"][0])
    calls = Calls(monkeypatch)
    for method in ("find_orders", "get_order", "set_ext_order_id", "add_comment"):
        calls.watch(CommerceClient, method)
    engine = await make_engine([orders_flow])
    summary = await engine.run_once(drain_timeout=30)
    assert summary.ok, summary
    (found,) = commerce_admin.get(f"/orders?ext_order_id={po}")["items"]
    entity = str(found["entity_id"])
    # The sandbox's earlier orders are imported too (already acknowledged: those are looked for)
    assert calls.counts[("find_orders", po)] == 0
    assert calls.counts[("get_order", entity)] == 1
    assert calls.counts[("set_ext_order_id", entity)] == calls.counts[("add_comment", entity)] == 1
    assert sum(f"Walmart order {po}" in h["comment"] for h in found["status_histories"]) == 1


async def test_a_reset_database_adopts_the_commerce_order_made_before(
    make_engine: MakeEngine,
    engine_db: Database,
    sandbox_pair: SandboxPair,
    walmart_admin: Admin,
    commerce_admin: Admin,
) -> None:
    """The Walmart order was acknowledged and created by an earlier installation (or before the
    data folder was reset): imported afresh with no cart recorded, it is looked for, not made
    again — the first-attempt shortcut applies only to orders imported unacknowledged."""
    sku = orderable_skus(sandbox_pair, min_qty=60)[0]
    made = walmart_admin.post("/orders", {"lines": [{"sku": sku, "qty": 1}]})
    po = str(made["purchaseOrderIds"][0])
    assert (await (await make_engine([orders_flow])).run_once(drain_timeout=30)).ok
    orders_before = commerce_admin.get("/stats")["orders"]
    with engine_db.session() as session:  # the data folder is reset
        for table in (Activity, OutboxAction, SyncCursor, OrderLine, Order):
            session.execute(delete(table))

    summary = await (await make_engine([orders_flow])).run_once(drain_timeout=30)

    assert summary.ok, summary
    assert commerce_admin.get("/stats")["orders"] == orders_before
    (found,) = commerce_admin.get(f"/orders?ext_order_id={po}")["items"]
    with engine_db.session() as session:
        order = session.scalars(select(Order).where(Order.marketplace_order_id == po)).one()
        assert order.commerce_entity_id == found["entity_id"]
        assert order.status == OrderStatus.CREATED
