"""Catalog push: N matched listings, a share of them changed in Commerce, pushed to Walmart.

The database holds N listings in step with Walmart; then ``--changed`` of them change in the
Commerce sandbox, half the price and half the stock. Timed:

- detection: the "catalog" (price, by ``updated_at``) and "stock" (salable quantities) loops;
- push (the budget, under 10 s): from detection to every change accepted by the Walmart
  sandbox — the "inventory" loop queues bulk feeds, the outbox worker submits them, and the
  loop runs again (back to back, not on its 15 s interval) until Walmart processed them all.

    python -m bench.catalog_push --listings 100000 --changed 0.1
    python -m bench.catalog_push --scaling
"""

from __future__ import annotations

import argparse
import asyncio
from typing import Any

from sqlalchemy import func, select

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
from channelmanager_gui.models.db import Database
from channelmanager_gui.models.listing import FeedState, Listing, MarketplaceFeed
from channelmanager_gui.sandbox.seed import DemoProduct
from channelmanager_gui.services.engine import listings_flow
from channelmanager_gui.services.engine.catalog import refresh_catalog
from channelmanager_gui.services.engine.engine import SyncEngine
from channelmanager_gui.services.engine.inventory import push_changes
from channelmanager_gui.services.engine.stock import poll_stock

BUDGET_SECONDS = 10.0
MAX_PASSES = 200


def change_commerce(box: Sandboxes, products: list[DemoProduct], share: float) -> dict[str, int]:
    """Every 1/share-th product changes: even ones their price, odd ones their stock."""
    step = max(1, round(1 / share))
    chosen = products[::step]
    for n, p in enumerate(chosen):
        body = {"price": round(p.price + 1.5, 2)} if n % 2 == 0 else {"qty": p.qty + 7}
        box.commerce.call("PUT", f"/products/{p.sku}", body)
    return {"price_changes": (len(chosen) + 1) // 2, "stock_changes": len(chosen) // 2}


async def push_until_accepted(engine: SyncEngine, store_id: int) -> int:
    """Inventory passes back to back until no listing differs from what Walmart has."""
    ctx = engine.env.store(store_id)
    for passes in range(1, MAX_PASSES + 1):
        await push_changes(engine.env, ctx)
        await engine.worker.drain(timeout=600)
        if not _open_feeds(engine.env.db) and not _out_of_step(engine.env.db):
            return passes
        await asyncio.sleep(0.05)
    raise RuntimeError(f"changes still not accepted after {MAX_PASSES} inventory passes")


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


async def measure(listings: int, share: float, seed: int = 1) -> dict[str, Any]:
    size, products = walmart_products(seed, listings)
    with sandboxes(products=size, seed=seed) as box, bench_home():
        db = fresh_database()
        store_id = add_store(db, box)
        insert_listings(db, store_id, products)
        changes = change_commerce(box, products, share)
        engine = await open_engine(db, box, store_id, [listings_flow])
        ctx = engine.env.store(store_id)
        try:
            with Stopwatch() as detect:
                price = await refresh_catalog(engine.env, ctx)
                stock = await poll_stock(engine.env, ctx)
            with Stopwatch() as push:
                passes = await push_until_accepted(engine, store_id)
            feeds = _feed_count(db)
        finally:
            await engine.aclose()
            db.dispose()
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
    }


def _feed_count(db: Database) -> int:
    with db.session() as session:
        return int(session.scalar(select(func.count(MarketplaceFeed.id))) or 0)


async def run(sizes: list[int], share: float, json_path: str | None) -> list[dict[str, Any]]:
    results = []
    for size in sizes:
        results.append(await measure(size, share))
        print_result(
            f"Catalog push, {size} listings, {share:.0%} changed",
            results[-1],
            {"push_wall_s": f"< {BUDGET_SECONDS:.0f}"},
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
    parser.add_argument("--json", help="also write the figures to this JSON file")
    args = parser.parse_args(argv)
    sizes = [1_000, 10_000, 100_000] if args.scaling else [args.listings]
    asyncio.run(run(sizes, args.changed, args.json))


if __name__ == "__main__":
    main()
