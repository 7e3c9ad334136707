"""An idle day: the sync running over N matched listings with nothing changing (issue 19).

A tray app runs all day on a laptop: what does it cost when there is nothing to do? The engine
runs as in the app (every flow, default intervals, client pacing) against sandboxes under
realistic conditions (Walmart's limits as published, the realistic latency profile). After a
warm-up (the first passes: the catalog read, the first full stock check), it is watched for
``--minutes``. Figures: the engine's CPU as a share of one core (this process: the sandboxes run
in their own), requests per minute to each service, per Walmart rate bucket as a share of its
published limit (reference §11), and 429s. Budgets: <= 2 % of a core at 10,000 listings; every
bucket within its limit with room for the merchant's own tools (<= 50 % of it).

The window's own CPU is not measured here (it needs Qt and a display; ``bench.gui`` covers the
window while the engine syncs).

    python -m bench.idle --listings 10000 --minutes 10     # --scaling: 10k and 100k
"""

from __future__ import annotations

import argparse
import asyncio
import time
from typing import Any

from bench.common import (
    add_store,
    bench_home,
    dump,
    fresh_database,
    open_engine,
    print_result,
    sandboxes,
)
from bench.dataset import insert_listings, walmart_products
from channelmanager_gui.sandbox.walmart.ratelimit import LIMITS
from channelmanager_gui.services.engine.settings import DEFAULT_INTERVALS

CPU_BUDGET = 0.02  # of one core, at 10,000 listings
ROOM = 0.5  # share of a bucket the sync may use: the rest is the merchant's own tools'


def per_minute(limit: tuple[int, float]) -> float:
    count, period = limit
    return count * 60.0 / period


async def measure(listings: int, minutes: float, warmup: float, speed: float) -> dict[str, Any]:
    size, products = walmart_products(1, listings)
    intervals = {name: seconds / speed for name, seconds in DEFAULT_INTERVALS.items()}
    with sandboxes(products=size, speed=speed) as box, bench_home():
        db = fresh_database()
        store_id = add_store(db, box, {"intervals": intervals} if speed != 1 else None)
        insert_listings(db, store_id, products)
        engine = await open_engine(db, box, store_id, None, speed=speed)
        cpu_start = time.process_time()
        engine.start()
        try:
            await asyncio.sleep(warmup)
            walmart0, commerce0 = (
                box.walmart.call("GET", "/stats"),
                box.commerce.call("GET", "/stats"),
            )
            cpu0, wall0 = time.process_time(), time.monotonic()
            await asyncio.sleep(minutes * 60)
            cpu, wall = time.process_time() - cpu0, time.monotonic() - wall0
            walmart1, commerce1 = (
                box.walmart.call("GET", "/stats"),
                box.commerce.call("GET", "/stats"),
            )
        finally:
            await engine.aclose()
            db.dispose()
    span = wall / 60
    out: dict[str, Any] = {
        "listings": listings,
        "speed": speed,
        "watched_min": span,
        "warmup_cpu_s": cpu0 - cpu_start,
        "cpu_share_of_core": cpu / wall,
        "commerce_rpm": (commerce1["requests_total"] - commerce0["requests_total"]) / span,
        "walmart_rpm": sum(walmart1["buckets"].values()) - sum(walmart0["buckets"].values()),
        "http_429": sum(walmart1["throttled"].values()) - sum(walmart0["throttled"].values()),
    }
    out["walmart_rpm"] /= span
    peak = ("none", 0.0)
    for bucket, count in sorted(walmart1["buckets"].items()):
        rpm = (count - walmart0["buckets"].get(bucket, 0)) / span
        if rpm:
            out[f"walmart_rpm_{bucket}"] = rpm
            share = rpm / (per_minute(LIMITS.get(bucket, LIMITS["feed_other"])) * speed)
            peak = max(peak, (bucket, share), key=lambda item: item[1])
    out["busiest_bucket"], out["busiest_bucket_share"] = peak
    routes = commerce1["requests"]
    busiest = sorted(routes, key=lambda r: routes[r] - commerce0["requests"].get(r, 0))[-3:]
    for route in reversed(busiest):  # where Commerce's requests go: the loops' own profile
        out[f"commerce_rpm {route}"] = (routes[route] - commerce0["requests"].get(route, 0)) / span
    return out


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--listings", type=int, default=10_000)
    parser.add_argument("--scaling", action="store_true", help="10,000 and 100,000 listings")
    parser.add_argument("--minutes", type=float, default=10.0, help="how long it is watched")
    parser.add_argument("--warmup", type=float, default=60.0, help="seconds before watching")
    parser.add_argument("--speed", type=float, default=1.0, help="realistic conditions and "
                        "the loops' intervals this many times faster")  # fmt: skip
    parser.add_argument("--json", help="also write the figures to this JSON file")
    args = parser.parse_args(argv)
    sizes = [10_000, 100_000] if args.scaling else [args.listings]
    results = []
    for size in sizes:
        result = asyncio.run(measure(size, args.minutes, args.warmup, args.speed))
        budgets = {"http_429": "0", "busiest_bucket_share": f"<= {ROOM}"}
        if size <= 10_000:
            budgets["cpu_share_of_core"] = f"<= {CPU_BUDGET}"
        print_result(f"Idle, {size} listings, speed {args.speed:g}", result, budgets)
        results.append(result)
    dump(args.json, {"idle": results})


if __name__ == "__main__":
    main()
