"""A flash sale on Amazon: N new MFN Unshipped orders at once, under realistic conditions.

Amazon's figures next to the Walmart flash sale (``bench.burst``, issue 19). The sandboxes
run in their own process with every published limit on (Amazon: amazon-sp-api reference §2.1
``searchOrders`` 0.0056/s burst 20, at most 100 orders a page (§2.5), ``confirmShipment`` 2/s
burst 10) and the realistic latency profile (Commerce ~150 ms a call and ~1.5 s to place an
order, sandbox/profile.py); Amazon's sandbox is given ~100 ms a call here (an assumed figure:
neither the reference nor Amazon publishes a latency). ``--speed S``: every limit × S and
every latency, the client's buckets and the loops' intervals ÷ S, as in ``bench.burst``.

Amazon returns an order only once it is two minutes old (§2.2): the orders are made, then the
sandbox's clock and the engine's Amazon client clock (``Shifted``) move on together by
``SEARCH_LAG``; "arrived" is that moment, when the orders became searchable. Figures:

- time until every order is in Commerce, as a ratio to the lower bound: the larger of what
  ``searchOrders`` allows (ceil(N / 100) pages, the burst first, then 0.0056/s) and Commerce's
  own pace (N placements of ~1.5 s, at most 8 at once: the engine's background Commerce lane);
- 429s Amazon sent (budget 0);
- the latency of a ship clicked in the app (``ops.ship`` → ``confirmShipment``) until Amazon
  shows the order Shipped, on a quiet engine and while the burst drains.

    python -m bench.amazon_orders --orders 300 --speed 10
"""

from __future__ import annotations

import argparse
import asyncio
import math
import time
from datetime import UTC, datetime
from typing import Any

import httpx
from sqlalchemy import func, select

from bench.common import (
    Sandboxes,
    add_amazon_account,
    add_store,
    bench_home,
    dump,
    fresh_database,
    median,
    percentile,
    print_result,
    sandboxes,
    scale_capabilities,
    scaled_client_options,
)
from channelmanager_gui.models.account import AMAZON
from channelmanager_gui.models.db import Database
from channelmanager_gui.models.order import Order
from channelmanager_gui.sandbox.seed import demo_catalog
from channelmanager_gui.services import ops
from channelmanager_gui.services.amazon.rates import PLANS
from channelmanager_gui.services.engine.engine import SyncEngine
from channelmanager_gui.services.engine.settings import DEFAULT_INTERVALS
from channelmanager_gui.services.ops import validation

AMAZON_MS = 100.0  # assumed (?): no published figure; Walmart's profile is ~80 ms
SEARCH_LAG = 150.0  # Amazon's two minutes (§2.2) and the adapter's 10 s margin
PAGE = 100  # searchOrders' largest page (§2.5)
SEARCH = PLANS["orders.search"]  # 0.0056/s, burst 20 (§2.1)
PLACE_S, COMMERCE_LANE = 1.5, 8  # realistic profile; the engine's background Commerce lane
PLENTY = 10_000_000
ORDER_SKUS = 40
POLL = 0.25


class Shifted:
    """The real clock plus an offset the bench moves with the Amazon sandbox's clock."""

    def __init__(self) -> None:
        self.offset = 0.0

    def now(self) -> float:
        return time.monotonic() + self.offset

    def wall(self) -> float:
        return time.time() + self.offset

    async def sleep(self, seconds: float) -> None:
        await asyncio.sleep(max(0.0, seconds))

    def utcnow(self) -> datetime:
        return datetime.fromtimestamp(self.wall(), UTC)


def lower_bound(orders: int, speed: float) -> tuple[float, str]:
    """Seconds the limits allow at best, and which one bounds it."""
    pages = math.ceil(orders / PAGE)
    burst = SEARCH.burst * speed
    search = max(0.0, pages - burst) / (SEARCH.rate * speed) + pages * AMAZON_MS / 1000 / speed
    commerce = orders * PLACE_S / COMMERCE_LANE / speed
    return max(search, commerce), "commerce" if commerce >= search else "searchOrders"


async def open_engine(db: Database, box: Sandboxes, store_id: int, account_id: int,
                      clock: Shifted, speed: float) -> SyncEngine:  # fmt: skip
    """Every flow, as the app runs; Amazon's buckets and Walmart's spacing at ``speed``."""
    options = scaled_client_options(speed)
    options["amazon"]["clock"] = clock
    engine = SyncEngine(db, box.secrets(store_id, account_id), client_options=options)
    engine.env.clock = clock.utcnow  # the import's "before" bound, on the shifted clock too
    await engine.open()
    scale_capabilities(engine, speed)  # the spacing between order searches × speed too
    return engine


def in_commerce(db: Database) -> int:
    with db.session() as session:
        where = (Order.marketplace == AMAZON) & Order.commerce_entity_id.is_not(None)
        return int(session.scalar(select(func.count()).where(where)) or 0)


async def until_in_commerce(db: Database, target: int, timeout: float) -> float:
    deadline = time.monotonic() + timeout
    while in_commerce(db) < target:
        if time.monotonic() > deadline:
            return float("nan")
        await asyncio.sleep(POLL)
    return time.monotonic()


class Amazon:
    """The Amazon sandbox's admin API, async (the engine shares this event loop)."""

    def __init__(self, box: Sandboxes, clock: Shifted) -> None:
        self.http = httpx.AsyncClient(base_url=f"{box.env['AMAZON_URL']}/_sandbox", timeout=60)
        self.clock = clock

    async def call(self, method: str, path: str, body: Any = None) -> Any:
        answer = await self.http.request(method, path, json=body)
        answer.raise_for_status()
        return answer.json()

    async def orders(self, skus: list[str], count: int) -> list[str]:
        """``count`` one-line MFN Unshipped orders, then both clocks past the search lag."""
        ids = []
        for n in range(count):
            body = {"lines": [{"sku": skus[n % len(skus)], "qty": 1}], "channel": "MFN"}
            ids.append(str((await self.call("POST", "/orders", body))["orderId"]))
        await self.call("POST", "/clock", {"advance": SEARCH_LAG})
        self.clock.offset += SEARCH_LAG
        return ids

    async def throttled(self) -> dict[str, int]:
        return dict((await self.call("GET", "/stats")).get("throttled", {}))


async def ship(db: Database, amazon: Amazon, amazon_id: str, timeout: float) -> float | None:
    """Seconds from the merchant's ship click until Amazon shows the order Shipped."""
    with db.session() as session:
        order_id = session.scalar(select(Order.id).where(Order.marketplace_order_id == amazon_id))
    order = ops.order_for_action(db, int(order_id or 0))
    lines = {line.line_number: line.qty_open for line in order.lines}
    request = validation.validate_shipment(order, "UPS", None, None, f"1Z{amazon_id[-8:]}",
                                           None, None, lines)  # fmt: skip
    started = time.monotonic()
    ops.ship(db, order.id, request)
    while (await amazon.call("GET", f"/orders/{amazon_id}"))["status"] != "Shipped":
        if time.monotonic() - started > timeout:
            return None
        await asyncio.sleep(POLL)
    return time.monotonic() - started


async def ships(db: Database, amazon: Amazon, ids: list[str], gap: float,
                timeout: float) -> dict[str, Any]:  # fmt: skip
    tasks = []
    for amazon_id in ids:
        tasks.append(asyncio.create_task(ship(db, amazon, amazon_id, timeout)))
        await asyncio.sleep(gap)
    seen = await asyncio.gather(*tasks)
    values = [s for s in seen if s is not None]
    return {"ship_p50_s": median(values) if values else float("nan"),
            "ship_p95_s": percentile(values, 95) if values else float("nan"),
            "ship_lost": len(seen) - len(values)}  # fmt: skip


def order_skus(seed: int, size: int, offered: set[str]) -> list[str]:
    return [p.sku for p in demo_catalog(seed, size) if p.enabled and p.sku in offered][:ORDER_SKUS]


async def measure(
    orders: int, events: int, speed: float, warmup: float = 0.0, seed: int = 1
) -> dict[str, Any]:
    bound, bounded_by = lower_bound(orders, speed)
    size = 300
    with sandboxes(products=size, seed=seed, speed=speed) as box, bench_home():
        box.amazon.call("PUT", "/faults", {"latency_ms": AMAZON_MS})  # ÷ speed by the sandbox
        box.amazon.call("PUT", "/switches", {"feedSeconds": 0})
        skus = order_skus(seed, size, set(box.amazon.call("GET", "/offers")))
        for sku in skus:
            box.commerce.call("PUT", f"/products/{sku}", {"qty": PLENTY, "status": 1})
        db = fresh_database()
        intervals = {name: s / speed for name, s in DEFAULT_INTERVALS.items()}
        store_id = add_store(db, box, {"intervals": intervals})
        clock = Shifted()
        engine = await open_engine(db, box, store_id, add_amazon_account(db, store_id, box.env),
                                   clock, speed)  # fmt: skip
        amazon = Amazon(box, clock)
        engine.start()
        timeout = max(120.0, 5 * bound)
        try:
            to_ship = await amazon.orders(skus, 2 * events)  # shipped: quiet, then during
            await until_in_commerce(db, 2 * events, timeout=600)
            quiet = await ships(db, amazon, to_ship[:events], gap=2.0, timeout=timeout)
            await asyncio.sleep(warmup)  # idle polls: searchOrders' bucket as in a steady state
            placed = time.monotonic()
            await amazon.orders(skus, orders)
            arrived = time.monotonic()
            during = asyncio.create_task(
                ships(db, amazon, to_ship[events:], max(0.2, bound / (events + 1)), timeout)
            )
            done = await until_in_commerce(db, orders + 2 * events, 5 * bound + 300)
            burst = await during
            throttled = await amazon.throttled()
        finally:
            await amazon.http.aclose()
            await engine.aclose()
            db.dispose()
    return {
        "orders": orders,
        "speed": speed,
        "warmup_s": warmup,
        "placing_s": arrived - placed,  # the sandbox making them (admin API)
        "bound_s": bound,
        "bounded_by": bounded_by,
        "in_commerce_s": done - arrived,
        "in_commerce_ratio": (done - arrived) / bound,
        "http_429": sum(throttled.values()),
        "http_429_by_operation": throttled,
        **{f"quiet_{key}": value for key, value in quiet.items()},
        **{f"burst_{key}": value for key, value in burst.items()},
        "at": datetime.now(UTC).isoformat(timespec="seconds"),
    }


def budgets(result: dict[str, Any]) -> dict[str, str]:
    quiet = result.get("quiet_ship_p95_s", float("nan"))
    return {"http_429": "0", "burst_ship_p95_s": f"<= quiet p95 ({quiet:.1f})",
            "quiet_ship_lost": "0", "burst_ship_lost": "0"}  # fmt: skip


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--orders", type=int, default=300, help="orders in the burst")
    parser.add_argument("--events", type=int, default=5, help="ships, before and during")
    parser.add_argument("--speed", type=float, default=10.0, help="every limit × and every "
                        "latency ÷ this factor (1: as published)")  # fmt: skip
    parser.add_argument("--warmup", type=float, default=0.0, help="seconds the engine polls "
                        "idly before the sale (240: searchOrders' bucket of 20 spent by the "
                        "orders loop, as in a steady state)")  # fmt: skip
    parser.add_argument("--json", help="also write the figures to this JSON file")
    args = parser.parse_args(argv)
    result = asyncio.run(measure(args.orders, args.events, args.speed, args.warmup))
    print_result(f"Amazon flash sale, {args.orders} orders, speed {args.speed:g}", result,
                 budgets(result))  # fmt: skip
    dump(args.json, {"amazon_orders": result})


if __name__ == "__main__":
    main()
