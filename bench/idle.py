"""An idle day: the sync running over N matched listings with nothing changing (issue 19).

A tray app runs all day on a laptop: what does it cost when there is nothing to do? The engine
runs as in the app (every flow, default intervals, client pacing) against sandboxes under
realistic conditions (Walmart's and Amazon's limits as published, the realistic latency
profile). After a warm-up (the first passes: the catalog read, the first full stock check, the
first Amazon listings report), it is watched for ``--minutes``.

- By default the engine runs in this process (the sandboxes run in their own): its CPU as a
  share of one core, ``cpu_share_of_core``.
- ``--app``: the real app as a merchant runs it (``bench/idle_window.py``): the window process
  (offscreen), its main window shown on the page it opens with, its page refreshes and database
  watch polling, and the engine in the child process it starts. The CPU of each process as a
  share of one core (``/proc``), and of both (``app_cpu_share_of_core``).
- ``--amazon``: the store also sells on Amazon (US): an Amazon account with the same N listings
  matched, the Amazon sandbox with its published limits (sandbox/amazon/ratelimit.py, from
  reference amazon-sp-api §1.4–§4.7) and ~100 ms a call (assumed, as in ``bench.amazon_orders``).

Figures: requests per minute to each service, per Walmart rate bucket as a share of its
published limit (reference §11), per Amazon operation as a share of its published sustained
rate, and 429s. Budgets: <= 2 % of a core at 10,000 listings (with ``--app``: window and engine
together); every bucket and operation within its limit with room for the merchant's own tools
(<= 50 % of it); no 429.

    python -m bench.idle --listings 10000 --minutes 10     # --scaling: 10k and 100k
    python -m bench.idle --listings 10000 --minutes 10 --app --amazon
"""

from __future__ import annotations

import argparse
import asyncio
import time
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select

from bench.amazon_orders import AMAZON_MS
from bench.common import (
    Sandboxes,
    add_amazon_account,
    add_store,
    bench_home,
    dump,
    fresh_database,
    open_engine,
    print_result,
    sandboxes,
)
from bench.dataset import insert_amazon_listings, insert_listings, walmart_products
from bench.idle_app import Watched, watch_app
from channelmanager_gui.models.db import Database
from channelmanager_gui.models.listing import Listing
from channelmanager_gui.sandbox.amazon.ratelimit import LIMITS as AMAZON_LIMITS
from channelmanager_gui.sandbox.walmart.ratelimit import LIMITS
from channelmanager_gui.services.engine.context import MemorySecrets
from channelmanager_gui.services.engine.settings import DEFAULT_INTERVALS

CPU_BUDGET = 0.02  # of one core, at 10,000 listings
ROOM = 0.5  # share of a bucket the sync may use: the rest is the merchant's own tools'
SETTLE_S, SETTLE_POLL_S = 600.0, 1.0


@dataclass
class Bench:
    """The prepared store: sandboxes, database, the store (and its Amazon account)."""

    box: Sandboxes
    db: Database
    store_id: int
    secrets: MemorySecrets
    speed: float
    amazon: bool

    def stats(self) -> dict[str, Any]:
        """Every sandbox's request counters now."""
        out = {name: admin.call("GET", "/stats") for name, admin in
               (("walmart", self.box.walmart), ("commerce", self.box.commerce))}  # fmt: skip
        if self.amazon:
            out["amazon"] = self.box.amazon.call("GET", "/stats")
        return out

    def queued(self) -> int:
        """Listings with a value of ours still on its way (queued, or sent and not yet
        confirmed: Amazon's read-back, amazon_push)."""
        with self.db.session() as session:
            where = Listing.qty_queued.is_not(None) | Listing.price_queued.is_not(None)
            return int(session.scalar(select(func.count()).where(where)) or 0)

    def warm_up(self, seconds: float) -> dict[str, float]:
        """``seconds``, then until nothing is on its way (the first pushes confirmed: e.g.
        Amazon's read-backs of disabled products' 0, 20 a pass), at most ``SETTLE_S`` more.
        Its figures: how long it took, and what was still on its way then (0 unless cut off)."""
        started = time.monotonic()
        time.sleep(seconds)
        while (queued := self.queued()) and time.monotonic() - started < seconds + SETTLE_S:
            time.sleep(SETTLE_POLL_S)
        return {"warmup_s": time.monotonic() - started, "queued_when_watched": queued}


def per_minute(limit: tuple[int, float]) -> float:
    count, period = limit
    return count * 60.0 / period


async def watch_engine(bench: Bench, warmup: float, seconds: float) -> Watched:
    """The engine in this process; its CPU is this process's."""
    engine = await open_engine(bench.db, bench.box, bench.store_id, None, speed=bench.speed,
                               secrets=bench.secrets)  # fmt: skip
    cpu_start = time.process_time()
    engine.start()
    try:
        warmed = await asyncio.to_thread(bench.warm_up, warmup)
        before = bench.stats()
        cpu0, wall0 = time.process_time(), time.monotonic()
        await asyncio.sleep(seconds)
        cpu, wall = time.process_time() - cpu0, time.monotonic() - wall0
        after = bench.stats()
    finally:
        await engine.aclose()
    return Watched(before, after, wall, {**warmed, "warmup_cpu_s": cpu0 - cpu_start,
                                         "cpu_share_of_core": cpu / wall})  # fmt: skip


def walmart_figures(before: dict[str, Any], after: dict[str, Any], span: float,
                    speed: float) -> dict[str, Any]:  # fmt: skip
    out: dict[str, Any] = {
        "walmart_rpm": (sum(after["buckets"].values()) - sum(before["buckets"].values())) / span,
        "http_429": sum(after["throttled"].values()) - sum(before["throttled"].values()),
    }
    peak = ("none", 0.0)
    for bucket, count in sorted(after["buckets"].items()):
        rpm = (count - before["buckets"].get(bucket, 0)) / span
        if rpm:
            out[f"walmart_rpm_{bucket}"] = rpm
            share = rpm / (per_minute(LIMITS.get(bucket, LIMITS["feed_other"])) * speed)
            peak = max(peak, (bucket, share), key=lambda item: item[1])
    out["busiest_bucket"], out["busiest_bucket_share"] = peak
    return out


def commerce_figures(before: dict[str, Any], after: dict[str, Any], span: float) -> dict[str, Any]:
    out = {"commerce_rpm": (after["requests_total"] - before["requests_total"]) / span}
    routes, old = after["requests"], before["requests"]
    busiest = sorted(routes, key=lambda r: routes[r] - old.get(r, 0))[-3:]
    for route in reversed(busiest):  # where Commerce's requests go: the loops' own profile
        out[f"commerce_rpm {route}"] = (routes[route] - old.get(route, 0)) / span
    return out


def amazon_figures(before: dict[str, Any], after: dict[str, Any], span: float,
                   speed: float) -> dict[str, Any]:  # fmt: skip
    """Requests a minute per SP-API operation, each as a share of its published sustained
    rate (× speed, as the sandbox scales it), and 429s."""
    calls, old = after["requests"], before["requests"]
    out: dict[str, Any] = {
        "amazon_warmup_requests": sum(old.values()),  # the first report, pushes, read-backs
        "amazon_rpm": (sum(calls.values()) - sum(old.values())) / span,
        "amazon_http_429": sum(after["throttled"].values()) - sum(before["throttled"].values()),
    }
    peak = ("none", 0.0)
    for operation, count in sorted(calls.items()):
        rpm = (count - old.get(operation, 0)) / span
        if rpm:
            share = rpm / (AMAZON_LIMITS[operation][0] * 60 * speed)
            out[f"amazon_rpm_{operation}"] = rpm
            out[f"amazon_share_{operation}"] = share
            peak = max(peak, (operation, share), key=lambda item: item[1])
    out["busiest_amazon_operation"], out["busiest_amazon_share"] = peak
    return out


def prepare(box: Sandboxes, products: list[Any], speed: float, amazon: bool) -> Bench:
    """The store over N matched listings (and the same N on Amazon), in step with both."""
    intervals = {name: seconds / speed for name, seconds in DEFAULT_INTERVALS.items()}
    db = fresh_database()
    store_id = add_store(db, box, {"intervals": intervals} if speed != 1 else None)
    insert_listings(db, store_id, products)
    account_id = None
    if amazon:
        box.amazon.call("PUT", "/faults", {"latency_ms": AMAZON_MS})  # ÷ speed by the sandbox
        account_id = add_amazon_account(db, store_id, box.env)
        insert_amazon_listings(db, store_id, account_id, products)
    return Bench(box, db, store_id, box.secrets(store_id, account_id), speed, amazon)


def measure(listings: int, minutes: float, warmup: float, speed: float, *, app: bool = False,
            amazon: bool = False) -> dict[str, Any]:  # fmt: skip
    size, products = walmart_products(1, listings, on_amazon=amazon)
    with sandboxes(products=size, speed=speed) as box, bench_home():
        bench = prepare(box, products, speed, amazon)
        try:
            if app:
                watched = watch_app(bench, warmup, minutes * 60)
            else:
                watched = asyncio.run(watch_engine(bench, warmup, minutes * 60))
        finally:
            bench.db.dispose()
    span, before, after = watched.wall / 60, watched.before, watched.after
    out: dict[str, Any] = {"listings": listings, "speed": speed, "app": app, "amazon": amazon,
                           "watched_min": span, **watched.cpu}  # fmt: skip
    out |= commerce_figures(before["commerce"], after["commerce"], span)
    out |= walmart_figures(before["walmart"], after["walmart"], span, speed)
    if amazon:
        out |= amazon_figures(before["amazon"], after["amazon"], span, speed)
    return out


def budgets(size: int, result: dict[str, Any]) -> dict[str, str]:
    out = {"http_429": "0", "busiest_bucket_share": f"<= {ROOM}"}
    if result["amazon"]:
        out |= {"amazon_http_429": "0", "busiest_amazon_share": f"<= {ROOM}"}
    if size <= 10_000:
        out["app_cpu_share_of_core" if result["app"] else "cpu_share_of_core"] = f"<= {CPU_BUDGET}"
    return out


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--listings", type=int, default=10_000)
    parser.add_argument("--scaling", action="store_true", help="10,000 and 100,000 listings")
    parser.add_argument("--minutes", type=float, default=10.0, help="how long it is watched")
    parser.add_argument("--warmup", type=float, default=60.0, help="seconds before watching")
    parser.add_argument("--speed", type=float, default=1.0, help="realistic conditions and "
                        "the loops' intervals this many times faster")  # fmt: skip
    parser.add_argument("--app", action="store_true", help="the real app: the window process "
                        "(offscreen) and its engine child, each one's CPU")  # fmt: skip
    parser.add_argument("--amazon", action="store_true", help="the store sells on Amazon (US) "
                        "too: the same listings matched there")  # fmt: skip
    parser.add_argument("--json", help="also write the figures to this JSON file")
    args = parser.parse_args(argv)
    sizes = [10_000, 100_000] if args.scaling else [args.listings]
    results = []
    for size in sizes:
        result = measure(size, args.minutes, args.warmup, args.speed, app=args.app,
                         amazon=args.amazon)  # fmt: skip
        title = f"Idle, {size} listings, speed {args.speed:g}" + (", app" if args.app else "")
        print_result(title + (", Amazon too" if args.amazon else ""), result,
                     budgets(size, result))  # fmt: skip
        results.append(result)
    dump(args.json, {"idle": results})


if __name__ == "__main__":
    main()
