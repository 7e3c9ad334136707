"""Order throughput: N new Walmart orders imported, acknowledged and created in Commerce.

The engine runs the "orders" loop once, then its outbox worker until every action is done, as
``sync --once`` does. Reported: orders per second (wall), the engine's CPU milliseconds per order
(this process only; the sandboxes run in their own process), and each phase. Budget: at least
200 orders/s. ``--scaling`` runs 1k, 10k and 100k and shows how time grows.

    python -m bench.orders_throughput --orders 10000
    python -m bench.orders_throughput --scaling
"""

from __future__ import annotations

import argparse
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
    sandbox_cpu_seconds,
    sandboxes,
)
from channelmanager_gui.models.order import Order, OrderStatus
from channelmanager_gui.sandbox.seed import demo_catalog
from channelmanager_gui.services import event_loop
from channelmanager_gui.services.engine import orders_flow

BUDGET_PER_SECOND = 200.0
PLENTY = 10_000_000  # units per SKU: N orders never run Commerce out of stock


def prepare_commerce(box: Sandboxes) -> int:
    """Every SKU Walmart may put in an order is enabled and in stock in Commerce."""
    skus = [p.sku for p in demo_catalog(box.seed, box.products) if p.on_walmart]
    for sku in skus:
        box.commerce.call("PUT", f"/products/{sku}", {"qty": PLENTY, "status": 1})
    return len(skus)


async def measure(box: Sandboxes, orders: int, concurrency: int | None = None) -> dict[str, Any]:
    """One run on a fresh database: ``orders`` new Walmart orders all the way to Commerce."""
    box.walmart.call("POST", "/orders", {"count": orders})
    with bench_home():
        db = fresh_database()
        store_id = add_store(db, box)
        options = {"concurrency": concurrency} if concurrency else None
        engine = await open_engine(db, box, store_id, [orders_flow], worker_options=options)
        sandbox_cpu0 = sandbox_cpu_seconds(box.pid)
        try:
            with Stopwatch() as total:
                with Stopwatch() as pull:
                    errors = await engine.scheduler.run_all_once()
                with Stopwatch() as push:
                    drained = await engine.worker.drain(timeout=3600)
        finally:
            await engine.aclose()
        sandbox_cpu = sandbox_cpu_seconds(box.pid) - sandbox_cpu0
        done = _linked(db)
        db.dispose()
    return {
        "orders": orders,
        "linked_in_commerce": done,
        "drained": drained,
        "loop_errors": len(errors),
        "wall_s": total.wall,
        "orders_per_s": orders / total.wall,
        "cpu_s": total.cpu,
        "cpu_ms_per_order": total.cpu * 1000 / orders,
        "import_wall_s": pull.wall,
        "import_cpu_ms_per_order": pull.cpu * 1000 / orders,
        "outbox_wall_s": push.wall,
        "outbox_cpu_ms_per_order": push.cpu * 1000 / orders,
        "sandbox_cpu_ms_per_order": sandbox_cpu * 1000 / orders,
    }


def _linked(db: Any) -> int:
    with db.session() as session:
        query = select(func.count(Order.id)).where(
            Order.commerce_linked.is_(True), Order.status != OrderStatus.ERROR
        )
        return int(session.scalar(query) or 0)


async def run(
    sizes: list[int], products: int, json_path: str | None, concurrency: int | None = None
) -> list[dict[str, Any]]:
    results = []
    for size in sizes:
        # A fresh sandbox per size, so a run never pages through the previous run's orders.
        with sandboxes(products=products) as box:
            prepare_commerce(box)
            results.append(await measure(box, size, concurrency))
        print_result(
            f"Order throughput, {size} orders",
            results[-1],
            {"orders_per_s": f">= {BUDGET_PER_SECOND:.0f}", "linked_in_commerce": str(size)},
        )
    if len(sizes) > 1:
        for what, key in (("wall time", "wall_s"), ("engine CPU time", "cpu_s")):
            print(f"\nScaling ({what}):")
            for line in growth(sizes, [r[key] for r in results]):
                print("  " + line)
    dump(json_path, {"orders_throughput": results})
    return results


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--orders", type=int, default=10_000)
    parser.add_argument("--scaling", action="store_true", help="1k, 10k and 100k orders")
    parser.add_argument("--products", type=int, default=300, help="sandbox catalog size")
    parser.add_argument("--json", help="also write the figures to this JSON file")
    parser.add_argument(
        "--concurrency", type=int, help="outbox actions in flight (default: the app's)"
    )
    args = parser.parse_args(argv)
    sizes = [1_000, 10_000, 100_000] if args.scaling else [args.orders]
    event_loop.run(run(sizes, args.products, args.json, args.concurrency))


if __name__ == "__main__":
    main()
