"""End-to-end latency with the default sync intervals, as the merchant lives it.

The engine runs as in the app (every flow, default intervals, default client pacing) while
events happen in the sandboxes at random moments, each measured from the moment it happens in
one sandbox to the moment it is visible in the other:

- price: a price changed in Commerce → the new price on the Walmart item;
- stock: a quantity changed in Commerce → the new quantity on Walmart;
- order: a new Walmart order → the Commerce order carrying its purchase order id;
- ship: that Commerce order shipped in the Commerce admin → every Walmart line Shipped.

Conditions are realistic (issue 19): Walmart's rate limits as published, the realistic
latency profile (sandbox/profile.py), the app's client pacing. ``--speed S`` runs it all S times
faster: limits × S; latencies, the client's spacing, the loops' intervals and the gap between
events ÷ S; the budgets are divided by S too, so figures compare with the bounds at the same
factor. ``--instant`` runs the old way: no added latency, no limits on the sandbox.

Budgets (p95): 15 s for price, order and ship; 30 s for stock; 0 lost.
At default intervals this takes minutes.

    python -m bench.latency --events 200 --speed 4
"""

from __future__ import annotations

import argparse
import asyncio
import random
import time
from collections.abc import Awaitable, Callable
from typing import Any

import httpx
from sqlalchemy import select

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
from channelmanager_gui.models.db import Database
from channelmanager_gui.models.listing import Listing, MarketplaceFeed
from channelmanager_gui.sandbox.seed import DemoProduct
from channelmanager_gui.services.activity import timeline
from channelmanager_gui.services.engine.settings import DEFAULT_INTERVALS

POLL = 0.25
KINDS = ("price", "stock", "order", "ship")


class Probe:
    """Async admin calls on both sandboxes (the engine shares this event loop)."""

    def __init__(self, box: Sandboxes) -> None:
        self.walmart = httpx.AsyncClient(base_url=f"{box.env['WALMART_URL']}/_sandbox")
        self.commerce = httpx.AsyncClient(base_url=f"{box.env['COMMERCE_URL']}/_sandbox")

    async def call(
        self, client: httpx.AsyncClient, method: str, path: str, body: Any = None
    ) -> Any:
        response = await client.request(method, path, json=body, timeout=60)
        response.raise_for_status()
        return response.json()

    async def until(self, check: Callable[[], Awaitable[bool]], timeout: float) -> float:
        """Monotonic time at which ``check`` first held (polled every ``POLL`` s)."""
        deadline = time.monotonic() + timeout
        while not await check():
            if time.monotonic() > deadline:
                raise TimeoutError("the change never became visible")
            await asyncio.sleep(POLL)
        return time.monotonic()

    async def aclose(self) -> None:
        await self.walmart.aclose()
        await self.commerce.aclose()


class Events:
    """Fires the events and records each latency in seconds, per kind."""

    def __init__(self, probe: Probe, timeout: float) -> None:
        self.probe = probe
        self.timeout = timeout
        self.latency: dict[str, list[float]] = {kind: [] for kind in KINDS}
        self.lost: dict[str, int] = dict.fromkeys(KINDS, 0)
        self.by_sku: list[tuple[float, str, str]] = []  # (seconds, kind, sku): the slowest

    async def _measure(self, kind: str, act: Callable[[], Awaitable[Any]],
                       check: Callable[[], Awaitable[bool]], sku: str = "") -> bool:  # fmt: skip
        started = time.monotonic()
        await act()
        try:
            seen = await self.probe.until(check, self.timeout)
        except TimeoutError:
            self.lost[kind] += 1
            return False
        self.latency[kind].append(seen - started)
        self.by_sku.append((seen - started, kind, sku))
        return True

    async def price(self, p: DemoProduct) -> None:
        new = round(p.price + 1.11, 2)
        w, c = self.probe.walmart, self.probe.commerce

        async def visible() -> bool:
            return (await self.probe.call(w, "GET", f"/prices/{p.sku}"))["price"] == new

        await self._measure(
            "price", lambda: self.probe.call(c, "PUT", f"/products/{p.sku}", {"price": new}),
            visible, p.sku,
        )  # fmt: skip

    async def stock(self, p: DemoProduct) -> None:
        new = p.qty + 17
        w, c = self.probe.walmart, self.probe.commerce

        async def visible() -> bool:
            return (await self.probe.call(w, "GET", f"/inventory/{p.sku}"))["quantity"] == new

        await self._measure(
            "stock", lambda: self.probe.call(c, "PUT", f"/products/{p.sku}", {"qty": new}),
            visible, p.sku,
        )  # fmt: skip

    async def order_then_ship(self, p: DemoProduct) -> None:
        w, c = self.probe.walmart, self.probe.commerce
        made: dict[str, Any] = {}

        async def place() -> None:
            body = {"lines": [{"sku": p.sku, "qty": 1}]}
            made["po"] = (await self.probe.call(w, "POST", "/orders", body))["purchaseOrderIds"][0]

        async def in_commerce() -> bool:
            found = await self.probe.call(c, "GET", f"/orders?ext_order_id={made['po']}")
            made["commerce"] = found["items"][0] if found["items"] else None
            return made["commerce"] is not None

        if not await self._measure("order", place, in_commerce):
            return
        await asyncio.sleep(random.uniform(0, 5))  # the merchant ships a little later
        tracks = [{"track_number": f"1Z{made['po']}", "title": "UPS", "carrier_code": "ups"}]
        entity = made["commerce"]["entity_id"]

        async def shipped() -> bool:
            order = await self.probe.call(w, "GET", f"/orders/{made['po']}")
            statuses = [
                s["status"]
                for line in order["orderLines"]["orderLine"]
                for s in line["orderLineStatuses"]["orderLineStatus"]
            ]
            return all(s == "Shipped" for s in statuses)

        ship = {"tracks": tracks}
        await self._measure(
            "ship", lambda: self.probe.call(c, "POST", f"/orders/{entity}/ship", ship), shipped
        )


async def fire(events: Events, pools: dict[str, list[DemoProduct]], per_kind: int,
               gap: float) -> None:  # fmt: skip
    """One event every ``gap`` seconds (jittered), kinds taking turns; each on its own SKU."""
    tasks = []
    for n in range(per_kind):
        for kind, start in (("price", events.price), ("stock", events.stock),
                            ("order", events.order_then_ship)):  # fmt: skip
            tasks.append(asyncio.create_task(start(pools[kind][n])))
            await asyncio.sleep(random.uniform(0.5, 1.5) * gap)
    await asyncio.gather(*tasks)


def sku_pools(products: list[DemoProduct], per_kind: int) -> dict[str, list[DemoProduct]]:
    usable = [p for p in products if p.enabled]
    if len(usable) < 3 * per_kind:
        raise ValueError("not enough products for that many events")
    return {kind: usable[i * per_kind : (i + 1) * per_kind]
            for i, kind in enumerate(("price", "stock", "order"))}  # fmt: skip


async def measure(
    per_kind: int, gap: float, timeout: float, intervals: dict[str, float] | None, seed: int = 1,
    speed: float | None = None,
) -> dict[str, Any]:  # fmt: skip
    """``speed``: realistic conditions that many times faster (None: instant, no limits)."""
    random.seed(seed)
    size, products = walmart_products(seed, 3 * per_kind + 40)
    with sandboxes(products=size, seed=seed, speed=speed) as box, bench_home():
        pools = sku_pools(products, per_kind)
        for p in pools["order"]:  # orders must never run out of stock
            box.commerce.call("PUT", f"/products/{p.sku}", {"qty": 10_000})
        db = fresh_database()
        store_id = add_store(db, box, {"intervals": intervals} if intervals else None)
        insert_listings(db, store_id, products)
        engine = await open_engine(db, box, store_id, None, unspaced=False, speed=speed)
        probe = Probe(box)
        engine.start()
        try:
            await asyncio.sleep(1.0)  # first passes of every loop (nothing measured yet)
            events = Events(probe, timeout)
            await fire(events, pools, per_kind, gap)
            slowest_paths(db, events)
        finally:
            await probe.aclose()
            await engine.aclose()
            db.dispose()
        throttled = sum(box.walmart.call("GET", "/stats").get("throttled", {}).values())
    return {**summarise(events), "http_429": throttled}


def slowest_paths(db: Database, events: Events, count: int = 3) -> None:
    """How the slowest price and stock changes went (single update or feed): each one's
    listing timeline, printed to tell a slow path from a slow machine."""
    for seconds, kind, sku in sorted(e for e in events.by_sku if e[2])[::-1][:count]:
        with db.session() as session:
            listing_id = session.scalar(select(Listing.id).where(Listing.sku == sku))
            entries = timeline(session, "listing", listing_id) if listing_id else []
            print(f"slow {kind} {sku} {seconds:.2f} s:")
            for entry in entries[-4:]:
                print(f"    {entry.created_at:%H:%M:%S} {entry.event}: {entry.message}")
    with db.session() as session:
        for feed in session.scalars(select(MarketplaceFeed).order_by(MarketplaceFeed.id)):
            print(f"feed {feed.feed_type} {feed.created_at:%H:%M:%S} {len(feed.entries)} entries")


def summarise(events: Events) -> dict[str, Any]:
    out: dict[str, Any] = {}
    everything: list[float] = []
    for kind in KINDS:
        values = events.latency[kind]
        everything += values
        out[f"{kind}_events"] = len(values)
        out[f"{kind}_lost"] = events.lost[kind]
        if values:
            out[f"{kind}_p50_s"] = median(values)
            out[f"{kind}_p95_s"] = percentile(values, 95)
            out[f"{kind}_max_s"] = max(values)
    out["all_events"] = len(everything)
    if everything:
        out["all_p50_s"] = median(everything)
        out["all_p95_s"] = percentile(everything, 95)
    return out


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=50, help="events of each kind")
    parser.add_argument("--gap", type=float, default=1.0, help="mean seconds between events")
    parser.add_argument("--timeout", type=float, default=300.0, help="give up on one event")
    parser.add_argument(
        "--interval", type=float, default=None,
        help="every loop's interval in seconds (default: the app's defaults)",
    )  # fmt: skip
    parser.add_argument(
        "--speed",
        type=float,
        default=1.0,
        help="realistic conditions this many times faster (see above)",
    )
    parser.add_argument(
        "--instant",
        action="store_true",
        help="no added latency and no rate limits (the old conditions)",
    )
    parser.add_argument("--json", help="also write the figures to this JSON file")
    args = parser.parse_args(argv)
    speed = None if args.instant else args.speed
    factor = speed or 1.0
    intervals = None
    if args.interval is not None or factor != 1.0:
        intervals = {name: (args.interval or seconds / factor)
                     for name, seconds in DEFAULT_INTERVALS.items()}  # fmt: skip
    result = asyncio.run(
        measure(args.events, args.gap / factor, args.timeout, intervals, speed=speed)
    )
    result["speed"] = factor
    print_result(_title(args, speed), result, budgets(factor))
    dump(args.json, {"latency": result})


def budgets(factor: float) -> dict[str, str]:
    """Issue 19's budgets, at the run's speed."""
    out = {
        f"{kind}_p95_s": f"<= {limit / factor:g}"
        for kind, limit in (("price", 15), ("order", 15), ("ship", 15), ("stock", 30))
    }
    out |= {f"{kind}_lost": "0" for kind in KINDS}
    return out | {"http_429": "0"}


def _title(args: argparse.Namespace, speed: float | None) -> str:
    conditions = "instant" if speed is None else f"realistic, speed {speed:g}"
    factor = speed or 1.0
    intervals = (f"{args.interval:g} s intervals" if args.interval is not None else
                 "default intervals" + (f" ÷ {factor:g}" if factor != 1 else ""))  # fmt: skip
    return f"Latency, {intervals}, {conditions}"


if __name__ == "__main__":
    main()
