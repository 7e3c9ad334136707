"""A flash sale: N new Walmart orders at once, under realistic conditions (issue 19).

The sandboxes run with Walmart's rate limits as published (reference §11) and the realistic
latency profile (sandbox/profile.py), all ``--speed`` times faster; the engine runs as in the
app (every flow, the client's pacing and the loops' default intervals, all at the same speed).
Figures:

- time until every burst order is acknowledged on Walmart, and until every one is in
  Commerce, from the moment the last one arrived, each as a ratio to the lower bound Walmart's
  limit allows (N acknowledgements at 60 a minute, at this speed: N / speed seconds);
- 429 answers Walmart sent (budget 0: pace before the limit, never after it);
- while the burst drains, and before it on a quiet engine, the latency of a ship the merchant
  clicks (``ops.ship``, as the window's Ship dialog) until Walmart shows it Shipped, and of a
  price and a stock change made in Commerce until Walmart shows them.

    python -m bench.burst --orders 1000 --speed 10
"""

from __future__ import annotations

import argparse
import asyncio
import dataclasses
import time
from typing import Any

from sqlalchemy import func, select

from bench.common import (
    Sandboxes,
    add_store,
    bench_home,
    dump,
    fresh_database,
    median,
    open_engine,
    percentile,
    print_result,
    sandboxes,
)
from bench.dataset import insert_listings, walmart_products
from bench.latency import Events, Probe, slowest_paths
from channelmanager_gui.models.db import Database
from channelmanager_gui.models.loop_run import LoopRun
from channelmanager_gui.models.order import Order
from channelmanager_gui.sandbox.seed import DemoProduct
from channelmanager_gui.services import ops
from channelmanager_gui.services.engine.settings import DEFAULT_INTERVALS
from channelmanager_gui.services.ops import validation

PLENTY = 10_000_000  # units per order SKU: the burst never runs Commerce out of stock
ORDER_SKUS = 40  # the burst's orders spread over these SKUs (none of the price/stock ones)
ACKS_PER_SECOND = 1.0  # Walmart: acknowledge 60 a minute (reference §11)
POLL = 0.25


@dataclasses.dataclass
class Pools:
    price: list[DemoProduct]
    stock: list[DemoProduct]
    orders: list[DemoProduct]


def pools(products: list[DemoProduct], events: int) -> Pools:
    """Disjoint SKUs per kind: an order reserving stock must not move a stock event's figure."""
    usable = [p for p in products if p.enabled]
    n = 2 * events
    return Pools(usable[:n], usable[n : 2 * n], usable[2 * n : 2 * n + ORDER_SKUS])


def counts(db: Database) -> dict[str, int]:
    """Orders imported, acknowledged on Walmart and created in Commerce, as the engine
    recorded them."""
    with db.session() as session:
        return {
            what: int(session.scalar(select(func.count()).where(where)) or 0)
            for what, where in (("imported", Order.id.is_not(None)),
                                ("acked", Order.acknowledged_at.is_not(None)),
                                ("made", Order.commerce_entity_id.is_not(None)))
        }  # fmt: skip


def place_orders(box: Sandboxes, skus: list[str], count: int) -> list[str]:
    """``count`` one-line Walmart orders, round robin over ``skus``; their purchase order ids."""
    pos = []
    for n in range(count):
        body = {"lines": [{"sku": skus[n % len(skus)], "qty": 1}]}
        pos.append(box.walmart.call("POST", "/orders", body)["purchaseOrderIds"][0])
    return pos


async def until_counts(db: Database, target: int, timeout: float) -> dict[str, float]:
    """Monotonic time at which each of :func:`counts` reached ``target`` (NaN: never)."""
    deadline = time.monotonic() + timeout
    seen: dict[str, float] = {}
    while len(seen) < 3 and time.monotonic() < deadline:
        for what, count in counts(db).items():
            if count >= target:
                seen.setdefault(what, time.monotonic())
        await asyncio.sleep(POLL)
    return {what: seen.get(what, float("nan")) for what in ("imported", "acked", "made")}


class Clicks(Events):
    """Latency events plus the merchant's ship click."""

    def __init__(self, probe: Probe, timeout: float, db: Database) -> None:
        super().__init__(probe, timeout)
        self.db = db
        self.latency["ship"], self.lost["ship"] = [], 0

    async def ship(self, po: str) -> None:
        with self.db.session() as session:
            order_id = session.scalar(select(Order.id).where(Order.marketplace_order_id == po))
        order = ops.order_for_action(self.db, int(order_id or 0))
        request = validation.validate_shipment(
            order, "UPS", None, "Standard", f"1Z{po}", None, None, {"1": 1}
        )

        async def click() -> None:
            ops.ship(self.db, order.id, request)

        async def shipped() -> bool:
            remote = await self.probe.call(self.probe.walmart, "GET", f"/orders/{po}")
            return all(
                s["status"] == "Shipped"
                for line in remote["orderLines"]["orderLine"]
                for s in line["orderLineStatuses"]["orderLineStatus"]
            )

        await self._measure("ship", click, shipped)


async def fire(clicks: Clicks, pool: Pools, ship_pos: list[str], gap: float) -> dict[str, Any]:
    """One price, stock and ship event per round, ``gap`` seconds apart; their latencies."""
    clicks.latency = {kind: [] for kind in ("price", "stock", "ship")}
    clicks.lost = dict.fromkeys(clicks.latency, 0)
    tasks = []
    for price, stock, po in zip(pool.price, pool.stock, ship_pos, strict=False):
        tasks += [asyncio.create_task(clicks.price(price)),
                  asyncio.create_task(clicks.stock(stock)),
                  asyncio.create_task(clicks.ship(po))]  # fmt: skip
        await asyncio.sleep(gap)
    await asyncio.gather(*tasks)
    out: dict[str, Any] = {}
    for kind, values in clicks.latency.items():
        out[f"{kind}_p50_s"] = median(values) if values else float("nan")
        out[f"{kind}_p95_s"] = percentile(values, 95) if values else float("nan")
        out[f"{kind}_lost"] = clicks.lost[kind]
    return out


def throttled(box: Sandboxes) -> int:
    return sum(box.walmart.call("GET", "/stats").get("throttled", {}).values())


async def measure(
    orders: int, events: int, speed: float, interval: float | None = None, seed: int = 1
) -> dict[str, Any]:
    size, products = walmart_products(seed, 4 * events + ORDER_SKUS + 20)
    bound = orders / (ACKS_PER_SECOND * speed)
    with sandboxes(products=size, seed=seed, speed=speed) as box, bench_home():
        pool = pools(products, events)
        for p in pool.orders:
            box.commerce.call("PUT", f"/products/{p.sku}", {"qty": PLENTY, "status": 1})
        pool.stock = [dataclasses.replace(p, qty=PLENTY) for p in pool.stock]
        for p in pool.stock:
            box.commerce.call("PUT", f"/products/{p.sku}", {"qty": PLENTY})
        db = fresh_database()
        intervals = {name: interval or seconds / speed
                     for name, seconds in DEFAULT_INTERVALS.items()}  # fmt: skip
        store_id = add_store(db, box, {"intervals": intervals})
        insert_listings(db, store_id, products)
        engine = await open_engine(db, box, store_id, None, speed=speed)
        probe = Probe(box)
        clicks = Clicks(probe, timeout=max(120.0, 3 * bound), db=db)
        engine.start()
        try:
            skus = [p.sku for p in pool.orders]
            ship_pos = place_orders(box, skus, 2 * events)  # shipped later: before and during
            await until_counts(db, 2 * events, timeout=600)
            quiet = await fire(clicks, _half(pool, 0, events), ship_pos[:events], gap=2.0)
            placed = time.monotonic()
            place_orders(box, skus, orders)
            arrived = time.monotonic()
            during = asyncio.create_task(fire(
                clicks, _half(pool, events, events), ship_pos[events:],
                gap=max(0.5, bound / (events + 1)),
            ))  # fmt: skip
            done = await until_counts(db, orders + 2 * events, timeout=5 * bound + 300)
            burst = await during
            slowest_paths(db, clicks)
            passes = pass_seconds(db, store_id)
        finally:
            await probe.aclose()
            await engine.aclose()
            db.dispose()
        rejected = throttled(box)
    return {
        "orders": orders,
        "speed": speed,
        "placing_s": arrived - placed,
        "bound_s": bound,
        "imported_s": done["imported"] - arrived,  # the orders loop's interval: 10 s ÷ speed
        "acknowledged_s": done["acked"] - arrived,
        "acknowledged_ratio": (done["acked"] - arrived) / bound,
        "in_commerce_s": done["made"] - arrived,
        "in_commerce_ratio": (done["made"] - arrived) / bound,
        "http_429": rejected,
        **{f"quiet_{key}": value for key, value in quiet.items()},
        **{f"burst_{key}": value for key, value in burst.items()},
        **passes,
    }


def pass_seconds(db: Database, store_id: int) -> dict[str, float]:
    """The longest pass of the loops a merchant's change goes through, over the whole run:
    a slow pass (CPU, or Commerce connections held by the sale) shows here."""
    loops = ("stock", "catalog", "inventory", "shipments")
    with db.session() as session:
        rows = session.execute(
            select(LoopRun.loop, LoopRun.started_at, LoopRun.finished_at).where(
                LoopRun.store_id == store_id, LoopRun.loop.in_(loops)
            )
        ).all()
    longest: dict[str, float] = {}
    for loop, started, finished in rows:
        seconds = (finished - started).total_seconds()
        longest[f"longest_{loop}_pass_s"] = max(longest.get(f"longest_{loop}_pass_s", 0), seconds)
    return longest


def _half(pool: Pools, start: int, count: int) -> Pools:
    return Pools(pool.price[start : start + count], pool.stock[start : start + count], [])


def budgets(result: dict[str, Any]) -> dict[str, str]:
    out = {"acknowledged_ratio": "<= 1.1", "http_429": "0"}
    for kind in ("price", "stock", "ship"):
        quiet = result.get(f"quiet_{kind}_p95_s", float("nan"))
        out[f"burst_{kind}_p95_s"] = f"<= quiet p95 ({quiet:.1f})"
        out[f"burst_{kind}_lost"] = out[f"quiet_{kind}_lost"] = "0"
    return out


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--orders", type=int, default=1000, help="orders in the burst")
    parser.add_argument("--events", type=int, default=5, help="price/stock/ship events, each "
                        "before and during the burst")  # fmt: skip
    parser.add_argument("--speed", type=float, default=10.0, help="every limit × and every "
                        "latency ÷ this factor (1: as published)")  # fmt: skip
    parser.add_argument("--interval", type=float, default=None,
                        help="every loop's interval (default: the app's ÷ speed)")  # fmt: skip
    parser.add_argument("--json", help="also write the figures to this JSON file")
    args = parser.parse_args(argv)
    result = asyncio.run(measure(args.orders, args.events, args.speed, args.interval))
    print_result(f"Flash sale, {args.orders} orders, speed {args.speed:g}", result,
                 budgets(result))  # fmt: skip
    dump(args.json, {"burst": result})


if __name__ == "__main__":
    main()
