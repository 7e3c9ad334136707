"""Crash points: the worker is killed right after each remote call of the order flow succeeds
(before it could write anything down), a fresh worker takes over, and still exactly one
Commerce order exists per Walmart order, acknowledged once, with nothing lost or doubled."""

from __future__ import annotations

import functools
from collections import Counter
from collections.abc import Callable
from typing import Any

import pytest
from sqlalchemy import select

from channelmanager_gui.models.db import Database
from channelmanager_gui.models.order import Order, OrderStatus
from channelmanager_gui.sandbox.pair import SandboxPair
from channelmanager_gui.services.commerce.client import CommerceClient
from channelmanager_gui.services.engine import orders_flow
from channelmanager_gui.services.walmart.client import WalmartClient
from tests.engine.conftest import Admin, MakeEngine, orderable_skus


class SimulatedCrash(BaseException):
    """Escapes every ``except Exception``, like the process being killed."""


class Calls:
    """Wraps client methods: counts calls per first argument, crashes after the n-th one."""

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
            calls.counts[(name, str(args[0]) if args else "")] += 1
            total = sum(n for (method, _), n in calls.counts.items() if method == name)
            if crash_after == total and not calls.fired:
                calls.fired = True
                raise SimulatedCrash(f"killed after {name} #{total}")
            return result

        self.monkeypatch.setattr(cls, name, wrapper)


CRASH_POINTS = [
    (WalmartClient, "acknowledge", 1),
    (CommerceClient, "find_orders", 1),
    (CommerceClient, "create_cart", 1),
    (CommerceClient, "add_cart_item", 1),
    (CommerceClient, "add_cart_item", 2),
    (CommerceClient, "set_shipping_information", 1),
    (CommerceClient, "place_order", 1),
    (CommerceClient, "get_order", 1),
    (CommerceClient, "set_ext_order_id", 1),
    (CommerceClient, "add_comment", 1),
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
    comments = [h["comment"] for h in found["status_histories"]]
    assert sum(f"Walmart order {po}" in c for c in comments) == 1
    assert calls.counts[("acknowledge", po)] == 1
    with engine_db.session() as session:
        order = session.scalars(select(Order).where(Order.purchase_order_id == po)).one()
        assert order.status == OrderStatus.CREATED, order.error
        assert order.commerce_entity_id == found["entity_id"]
        assert order.commerce_increment_id == found["increment_id"]
        assert all(line.commerce_item_id for line in order.lines)
