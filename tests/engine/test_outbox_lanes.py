"""Each service and each rate bucket has its own lane (issue 19, services/outbox_lanes.py).

Walmart's acknowledgements are paced (here one every ``PACE`` s instead of one a second):
orders must still reach Commerce at Commerce's own speed, and a ship the merchant clicks
during the backlog must be sent at once, not after the acknowledgements."""

from __future__ import annotations

import asyncio
import functools
import time
from collections.abc import Callable
from typing import Any

import pytest

from channelmanager_gui.models.store import Store
from channelmanager_gui.sandbox.pair import SandboxPair
from channelmanager_gui.services import ops
from channelmanager_gui.services.commerce.client import CommerceClient
from channelmanager_gui.services.engine import engine as engine_module
from channelmanager_gui.services.engine.context import ClientOptions, SecretSource, StoreContext
from channelmanager_gui.services.walmart.client import WalmartClient
from tests.engine.conftest import Admin, MakeEngine, fast_open_store
from tests.engine.fulfilment_support import FLOWS, new_order, skus
from tests.engine.test_ship import request

PACE = 0.4  # seconds between two acknowledgements
ORDERS = 6


def paced(monkeypatch: pytest.MonkeyPatch) -> None:
    """Engines opened from now on pace acknowledgements (the key before issue 19 too)."""

    def open_paced(
        store: Store, secrets: SecretSource, options: ClientOptions | None = None
    ) -> StoreContext:
        ctx = fast_open_store(store, secrets, options)
        for key in ("walmart:orders.acknowledge", "walmart:orders.action"):
            ctx.walmart.rate.set_interval(key, PACE)
        return ctx

    monkeypatch.setattr(engine_module, "open_store", open_paced)


def record(monkeypatch: pytest.MonkeyPatch, cls: type, name: str, times: list[float]) -> None:
    """Note the time each successful call of ``cls.name`` returned."""
    original: Callable[..., Any] = getattr(cls, name)

    @functools.wraps(original)
    async def wrapper(*args: Any, **kwargs: Any) -> Any:
        result = await original(*args, **kwargs)
        times.append(time.monotonic())
        return result

    monkeypatch.setattr(cls, name, wrapper)


def new_walmart_orders(walmart_admin: Admin, sku: str, count: int) -> None:
    for _ in range(count):
        walmart_admin.post("/orders", {"lines": [{"sku": sku, "qty": 1}]})


async def test_commerce_creations_do_not_wait_for_paced_acknowledgements(
    make_engine: MakeEngine,
    sandbox_pair: SandboxPair,
    walmart_admin: Admin,
    commerce_admin: Admin,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    (sku,) = skus(sandbox_pair, commerce_admin, 1, offset=2)
    paced(monkeypatch)
    acks: list[float] = []
    placed: list[float] = []
    record(monkeypatch, WalmartClient, "acknowledge", acks)
    record(monkeypatch, CommerceClient, "place_order", placed)
    engine = await make_engine(FLOWS)
    new_walmart_orders(walmart_admin, sku, ORDERS)

    assert (await engine.run_once(drain_timeout=60)).ok

    assert len(acks) == ORDERS and len(placed) == ORDERS
    # the acknowledgements take (ORDERS - 1) × PACE = 2 s; every order is in Commerce well
    # before the last one, not each after its own acknowledgement
    assert max(placed) < max(acks) - 2 * PACE, (placed, acks)


async def test_a_ship_clicked_during_a_backlog_is_sent_before_it(
    make_engine: MakeEngine,
    sandbox_pair: SandboxPair,
    walmart_admin: Admin,
    commerce_admin: Admin,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    (sku,) = skus(sandbox_pair, commerce_admin, 1, offset=4)
    engine = await make_engine(FLOWS)
    shipped_order = await new_order(engine, walmart_admin, [(sku, 1)])
    await engine.aclose()
    paced(monkeypatch)
    acks: list[float] = []
    ships: list[float] = []
    record(monkeypatch, WalmartClient, "acknowledge", acks)
    record(monkeypatch, WalmartClient, "ship_lines", ships)
    engine = await make_engine(FLOWS, settings={"intervals": {"orders": 3600}})
    new_walmart_orders(walmart_admin, sku, ORDERS)
    engine.start()  # imports the orders, then the worker runs every lane
    while not acks:
        await asyncio.sleep(0.02)
    clicked = time.monotonic()
    engine.env.changes.publish(
        ops.ship(engine.env.db, shipped_order, request(engine, shipped_order))
    )  # as the window's op runner does
    while not ships:
        await asyncio.sleep(0.02)
    acks_before_ship = sum(t < ships[0] for t in acks)
    await engine.stop()

    assert ships[0] - clicked < 2 * PACE, (clicked, ships, acks)  # not behind the backlog
    assert acks_before_ship < ORDERS, acks  # the acknowledgements were still going
