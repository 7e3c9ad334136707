"""Catalog push: N matched listings, a share of them changed in Commerce, pushed to Walmart.

The database holds N listings in step with Walmart; then ``--changed`` of them change in the
Commerce sandbox, half the price and half the stock. Timed:

- detection: the "catalog" (price, by ``updated_at``) and "stock" (salable quantities) loops;
- push (the budget, under 10 s): from detection to every change accepted by the Walmart
  sandbox — the "inventory" loop queues bulk feeds, the outbox worker submits them, and the
  loop runs again (back to back, not on its 15 s interval) until Walmart processed them all.

Without ``--speed`` the sandboxes run with rate limits off and no latency, and the engine
without its pacing: the figures are the engine's CPU. With ``--speed S``, realistic conditions
(issue 19): Walmart's limits as published, the realistic profile (Walmart ~80 ms a call, a
feed processed in 5 minutes, ``--feed-seconds`` to change it) and the app's pacing, all S
times faster; the push is compared with the fastest Walmart's limits allow it at that speed
(``bench/push_bound.py``), and the 429s Walmart sent are counted (budget 0).

    python -m bench.catalog_push --listings 100000 --changed 0.1
    python -m bench.catalog_push --scaling
    python -m bench.catalog_push --listings 100000 --changed 0.1 --speed 10
"""

from __future__ import annotations

import argparse
import asyncio
import time
from typing import Any

from sqlalchemy import func, select

from bench.burst import throttled
from bench.common import (
    Sandboxes,
    Stopwatch,
    add_store,
    bench_home,
    dump,
    fresh_database,
    growth,
    open_engine,
    print_result,
    sandboxes,
)
from bench.dataset import insert_listings, walmart_products
from bench.push_bound import push_bound
from channelmanager_gui.models.db import Database
from channelmanager_gui.models.listing import FeedState, Listing, MarketplaceFeed
from channelmanager_gui.sandbox.seed import DemoProduct
from channelmanager_gui.services.engine import listings_flow
from channelmanager_gui.services.engine.catalog import refresh_catalog
from channelmanager_gui.services.engine.engine import SyncEngine
from channelmanager_gui.services.engine.inventory import push_changes
from channelmanager_gui.services.engine.stock import poll_stock

BUDGET_SECONDS = 10.0  # instant sandbox, limits off
RATIO_BUDGET = 1.1  # realistic: push ≤ 1.1 × the bound at the run's speed (as bench.burst)
MAX_PASSES = 200  # instant sandbox: a feed is processed in half a second


def change_commerce(box: Sandboxes, products: list[DemoProduct], share: float) -> dict[str, int]:
    """Every 1/share-th product changes: even ones their price, odd ones their stock."""
    step = max(1, round(1 / share))
    chosen = products[::step]
    for n, p in enumerate(chosen):
        body = {"price": round(p.price + 1.5, 2)} if n % 2 == 0 else {"qty": p.qty + 7}
        box.commerce.call("PUT", f"/products/{p.sku}", body)
    return {"price_changes": (len(chosen) + 1) // 2, "stock_changes": len(chosen) // 2}


async def push_until_accepted(
    engine: SyncEngine, store_id: int, timeout: float | None = None
) -> int:
    """Inventory passes back to back until no listing differs from what Walmart has. Gives
    up after :data:`MAX_PASSES` passes, or with ``timeout`` after that many seconds (under
    realistic conditions a feed takes minutes, so passes are no measure)."""
    ctx = engine.env.store(store_id)
    deadline = time.monotonic() + timeout if timeout is not None else None
    passes = 0
    while deadline is not None or passes < MAX_PASSES:
        passes += 1
        await push_changes(engine.env, ctx)
        await engine.worker.drain(timeout=600)
        if not _open_feeds(engine.env.db) and not _out_of_step(engine.env.db):
            return passes
        if deadline is not None and time.monotonic() > deadline:
            break
        await asyncio.sleep(0.05)
    raise RuntimeError(f"changes still not accepted after {passes} inventory passes")


def _open_feeds(db: Database) -> int:
    states = [FeedState.QUEUED, FeedState.SUBMITTED]
    with db.session() as session:
        query = select(func.count(MarketplaceFeed.id)).where(MarketplaceFeed.status.in_(states))
        return int(session.scalar(query) or 0)


def _out_of_step(db: Database) -> int:
    """Listings whose Commerce price or stock is not what was last accepted by Walmart."""
    with db.session() as session:
        query = select(func.count(Listing.id)).where(
            Listing.enabled.is_(True),
            (Listing.qty != Listing.last_qty_sent) | (Listing.price != Listing.last_price_sent),
        )
        return int(session.scalar(query) or 0)


async def measure(
    listings: int, share: float, seed: int = 1, speed: float | None = None,
    feed_seconds: float | None = None,
) -> dict[str, Any]:  # fmt: skip
    """One run; ``speed``: realistic conditions that many times faster (None: instant)."""
    size, products = walmart_products(seed, listings)
    extra = ["--feed-seconds", f"{feed_seconds:g}"] if feed_seconds is not None else None
    with sandboxes(products=size, seed=seed, speed=speed, extra=extra) as box, bench_home():
        db = fresh_database()
        store_id = add_store(db, box)
        insert_listings(db, store_id, products)
        changes = change_commerce(box, products, share)
        engine = await open_engine(db, box, store_id, [listings_flow], speed=speed)
        ctx = engine.env.store(store_id)
        realistic: dict[str, Any] = {}
        try:
            with Stopwatch() as detect:
                price = await refresh_catalog(engine.env, ctx)
                stock = await poll_stock(engine.env, ctx)
            if speed is not None:
                realistic = _bound(box, changes, speed)
            timeout = 5 * realistic["bound_s"] + 600 if realistic else None
            with Stopwatch() as push:
                passes = await push_until_accepted(engine, store_id, timeout)
            feeds = _feed_count(db)
        finally:
            await engine.aclose()
            db.dispose()
        if realistic:
            realistic |= {"push_ratio": push.wall / realistic["bound_s"],
                          "http_429": throttled(box)}  # fmt: skip
    return {
        "listings": listings,
        **changes,
        "detected_price": price["changed"],
        "detected_stock": stock["changed"],
        "detect_wall_s": detect.wall,
        "detect_cpu_s": detect.cpu,
        "push_wall_s": push.wall,
        "push_cpu_s": push.cpu,
        "inventory_passes": passes,
        "feeds": feeds,
        **realistic,
    }


def _bound(box: Sandboxes, changes: dict[str, int], speed: float) -> dict[str, Any]:
    """The push's bound at this speed, with the sandbox's own feed processing time."""
    feed_s = float(box.walmart.call("GET", "/stats")["feed_seconds"])
    bound, via = push_bound(changes["price_changes"], changes["stock_changes"], feed_s, speed)
    return {"speed": speed, "feed_seconds": feed_s, "bound_s": bound, "bound_via": via}


def _feed_count(db: Database) -> int:
    with db.session() as session:
        return int(session.scalar(select(func.count(MarketplaceFeed.id))) or 0)


async def run(
    sizes: list[int], share: float, json_path: str | None, speed: float | None = None,
    feed_seconds: float | None = None,
) -> list[dict[str, Any]]:  # fmt: skip
    results = []
    for size in sizes:
        results.append(await measure(size, share, speed=speed, feed_seconds=feed_seconds))
        conditions = "instant" if speed is None else f"realistic, speed {speed:g}"
        budgets = (
            {"push_wall_s": f"< {BUDGET_SECONDS:.0f}"}
            if speed is None
            else {"push_ratio": f"<= {RATIO_BUDGET}", "http_429": "0"}
        )
        print_result(
            f"Catalog push, {size} listings, {share:.0%} changed, {conditions}",
            results[-1],
            budgets,
        )
    if len(sizes) > 1:
        for label, key in (("detection", "detect_wall_s"), ("detection", "detect_cpu_s"),
                           ("push", "push_wall_s"), ("push", "push_cpu_s")):  # fmt: skip
            print(f"\nScaling ({label}, {'wall' if 'wall' in key else 'engine CPU'} time):")
            for line in growth(sizes, [r[key] for r in results]):
                print("  " + line)
    dump(json_path, {"catalog_push": results})
    return results


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--listings", type=int, default=100_000)
    parser.add_argument("--changed", type=float, default=0.1, help="share of listings changed")
    parser.add_argument("--scaling", action="store_true", help="1k, 10k and 100k listings")
    parser.add_argument("--speed", type=float, default=None, help="realistic conditions "
                        "(published limits, latency, pacing) this many times faster; "
                        "default: instant, limits off")  # fmt: skip
    parser.add_argument("--feed-seconds", type=float, default=None, help="with --speed: "
                        "Walmart's feed processing time at speed 1 (default: the realistic "
                        "profile's)")  # fmt: skip
    parser.add_argument("--json", help="also write the figures to this JSON file")
    args = parser.parse_args(argv)
    if args.feed_seconds is not None and args.speed is None:
        parser.error("--feed-seconds needs --speed (the instant sandbox keeps its 0.5 s)")
    sizes = [1_000, 10_000, 100_000] if args.scaling else [args.listings]
    asyncio.run(run(sizes, args.changed, args.json, args.speed, args.feed_seconds))


if __name__ == "__main__":
    main()
