"""GUI responsiveness and memory with 100,000 orders and 100,000 listings (offscreen).

1. Views: time to open the Orders and Listings pages, sort by each column, filter by each
   status/tab and search — each until the table is painted (budget: under 200 ms each).
2. Stall: the longest gap of a 10 ms heartbeat QTimer while the engine syncs on its own
   thread and event loop (an EngineHost, as in the app) with both pages open and refreshing
   on the change signal (budget: 100 ms).
3. Memory: peak RSS with that data open and the sync run, in this process (data set building
   not counted), and of the app itself when its window is shown (budget: 400 MB).
4. Cold start: a fresh process from launch to the main window shown (budget: under 2 s).

    QT_QPA_PLATFORM=offscreen python -m bench.gui
"""

from __future__ import annotations

import argparse
import asyncio
import os
import time
from collections.abc import Callable
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QWidget
from sqlalchemy import func, select

from bench.common import (
    Sandboxes,
    Stopwatch,
    add_store,
    bench_home,
    dump,
    fresh_database,
    open_engine,
    print_result,
    sandboxes,
)
from bench.dataset import insert_listings, insert_orders, walmart_products
from bench.gui_coldstart import cold_start_ms, peak_rss_mb, reset_peak_rss
from bench.stall_sampler import StallSampler
from channelmanager_gui.models.db import Database
from channelmanager_gui.models.listing import ListingState
from channelmanager_gui.models.listing_queries import IN_ERROR, ListingFilter
from channelmanager_gui.models.order import Order, OrderStatus
from channelmanager_gui.models.order_queries import Attention, OrderFilter
from channelmanager_gui.models.qt_paged import run_inline
from channelmanager_gui.qt_async import OpRunner, create_event_loop
from channelmanager_gui.qt_gc import UiThreadCollector
from channelmanager_gui.services.changes import ChangeBus
from channelmanager_gui.services.engine.engine import SyncEngine
from channelmanager_gui.services.engine_host import EngineHost
from channelmanager_gui.views.change_bridge import ChangeBridge
from channelmanager_gui.views.error_presenter import ErrorPresenter
from channelmanager_gui.views.listings_page import ListingsPage
from channelmanager_gui.views.orders_page import OrdersPage
from channelmanager_gui.views.ship_dialog import local_now

BUDGET_MS = 200.0
HEARTBEAT_MS = 10


def _ops(app: QApplication) -> OpRunner:
    return OpRunner(ErrorPresenter(None, lambda text: print("notice:", text)), parent=app)


def painted_ms(page: QWidget | None, action: Callable[[], Any]) -> float:
    """Wall time of ``action`` until the page (or the widget it returns) is painted anew,
    as the screen would show it: pending events handled, then one synchronous repaint."""
    started = time.perf_counter()
    shown = action()
    QApplication.processEvents()
    (page or shown).repaint()
    return (time.perf_counter() - started) * 1000


def _worst(times: dict[str, float]) -> tuple[float, str]:
    name = max(times, key=lambda k: times[k])
    return times[name], name


def page_timings(
    page: Any, prefix: str, filters: dict[str, Any], searches: dict[str, Any]
) -> dict[str, Any]:
    """Sort by every column both ways, apply each filter and search; the worst of each."""
    model = page.model
    sorts = {
        f"{model.headerData(c, Qt.Orientation.Horizontal)} {d.name}": painted_ms(
            page, lambda c=c, d=d: page.table.sortByColumn(c, d)
        )
        for c in range(model.columnCount())
        for d in (Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder)
    }
    out: dict[str, Any] = {f"{prefix}_rows": model.rowCount()}
    for what, timed in (
        ("sort", sorts),
        (
            "filter",
            {k: painted_ms(page, lambda f=f: model.set_filter(f)) for k, f in filters.items()},
        ),
        (
            "search",
            {k: painted_ms(page, lambda f=f: model.set_filter(f)) for k, f in searches.items()},
        ),
    ):
        out[f"{prefix}_{what}_ms"], out[f"{prefix}_{what}_worst"] = _worst(timed)
    return out


def view_timings(db: Database, app: QApplication) -> dict[str, Any]:
    """Open, sort, filter and search on both pages, queries on the UI thread (worst case)."""
    changes, ops = ChangeBus(), _ops(app)
    pages: dict[str, Any] = {}
    makers = {
        "orders": lambda: OrdersPage(db, changes, ops, runner=run_inline, clock=local_now),
        "listings": lambda: ListingsPage(
            db, changes, ops, runner=run_inline, action_runner=run_inline
        ),
    }
    order_filters = {str(s): OrderFilter(status=s) for s in OrderStatus}
    order_filters |= {str(a): OrderFilter(attention=a) for a in Attention}
    filters = {
        "orders": order_filters,
        "listings": {t or "all": ListingFilter(tab=t) for t in [*ListingState, IN_ERROR]},
    }
    searches = {
        "orders": {s: OrderFilter(search=s) for s in ("buyer4242", "2000000", "Chen", "CM-0012")},
        "listings": {s: ListingFilter(search=s) for s in ("CM-0424", "Mug", "00421", "zzz")},
    }
    out: dict[str, Any] = {}
    for name, make in makers.items():

        def open_page(name: str = name, make: Callable[[], Any] = make) -> QWidget:
            page = make()
            page.resize(1400, 900)
            page.show()
            pages[name] = page
            return page

        out[f"{name}_open_ms"] = painted_ms(None, open_page)
        out |= page_timings(pages[name], name, filters[name], searches[name])
        pages[name].close()
        pages[name].deleteLater()
    return out


class Heartbeat:
    """A QTimer that should fire every 10 ms; the longest gap is the worst UI stall."""

    def __init__(self) -> None:
        self.timer = QTimer()
        self.timer.setInterval(HEARTBEAT_MS)
        self.timer.timeout.connect(self._tick)
        self.last = 0.0
        self.worst = 0.0
        self.ticks = 0

    def start(self) -> None:
        self.last = time.perf_counter()
        self.timer.start()

    def _tick(self) -> None:
        now = time.perf_counter()
        self.worst = max(self.worst, now - self.last)
        self.last = now
        self.ticks += 1


async def _sync_for(engine: SyncEngine, seconds: float) -> None:
    """On the engine's thread: every loop and the outbox worker for ``seconds``."""
    engine.start()
    await asyncio.sleep(seconds)
    await engine.stop()


async def sync_stall(db: Database, box: Sandboxes, store_id: int, seconds: float,
                     app: QApplication) -> dict[str, Any]:  # fmt: skip
    """The engine runs every loop (default intervals and pacing) on its own thread, as in the
    app, with both pages open and refreshing on the change signal."""
    ops = _ops(app)
    host = EngineHost()
    on_host = host.submit(open_engine(db, box, store_id, None, unspaced=False))
    engine = await asyncio.wrap_future(on_host)
    bridge = ChangeBridge(engine.env.changes)
    pages = [OrdersPage(db, engine.env.changes, ops, clock=local_now),
             ListingsPage(db, engine.env.changes, ops)]  # fmt: skip
    for page in pages:
        page.resize(1400, 900)
        page.show()
        bridge.changed.connect(page.on_changes)
    await asyncio.sleep(1.0)  # the pages' first loads
    beat = Heartbeat()
    beat.start()
    sampler = StallSampler(lambda: beat.last)
    sampler.start()
    with Stopwatch() as watch:
        await asyncio.wrap_future(host.submit(_sync_for(engine, seconds)))
    beat.timer.stop()
    sampler.stop()
    print("\nWhere the UI thread stalled (sampled while the heartbeat was late by > 100 ms):")
    for line in sampler.top():
        print("  " + line)
    print("Where the other threads were meanwhile (the engine's, the page queries' workers):")
    for line in sampler.top_others(12):
        print("  " + line)
    await asyncio.wrap_future(host.submit(engine.aclose()))
    host.stop()
    for page in pages:
        page.close()
    return {
        "sync_seconds": watch.wall,
        "sync_engine_cpu_s": watch.cpu,
        "stall_max_ms": beat.worst * 1000,
        "heartbeats": beat.ticks,
    }


def _order_count(db: Database) -> int:
    with db.session() as session:
        return int(session.scalar(select(func.count(Order.id))) or 0)


def measure(listings: int, orders: int, new_orders: int, sync_seconds: float,
            seed: int = 1) -> dict[str, Any]:  # fmt: skip
    app = QApplication.instance() or QApplication([])
    assert isinstance(app, QApplication)
    size, products = walmart_products(seed, listings)
    with sandboxes(products=size, seed=seed) as box, bench_home() as home:
        db = fresh_database()
        store_id = add_store(db, box)
        with Stopwatch() as fill:
            insert_listings(db, store_id, products)
            insert_orders(db, store_id, orders, [p.sku for p in products[:500]], seed)
        box.walmart.call("POST", "/orders", {"count": new_orders})
        out: dict[str, Any] = {"listings": listings, "orders": orders, "fill_s": fill.wall}
        reset_peak_rss()
        out |= view_timings(db, app)
        loop = create_event_loop(app)
        collector = UiThreadCollector()  # as in the app: cyclic garbage on the UI thread only
        with loop:
            out |= loop.run_until_complete(sync_stall(db, box, store_id, sync_seconds, app))
        collector.stop()
        asyncio.set_event_loop(None)
        out["orders_imported_by_sync"] = _order_count(db) - orders
        out["peak_rss_mb"] = peak_rss_mb()
        db.dispose()
        out["cold_start_ms"], out["app_shown_rss_mb"] = cold_start_ms(home)
    return out


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--listings", type=int, default=100_000)
    parser.add_argument("--orders", type=int, default=100_000)
    parser.add_argument("--new-orders", type=int, default=1_000, help="Walmart orders to sync")
    parser.add_argument("--sync-seconds", type=float, default=30.0, help="how long the sync runs")
    parser.add_argument("--json", help="also write the figures to this JSON file")
    args = parser.parse_args(argv)
    result = measure(args.listings, args.orders, args.new_orders, args.sync_seconds)
    budgets = {k: f"< {BUDGET_MS:.0f}" for k in result if k.endswith("_ms") and "open" in k}
    budgets |= {k: f"< {BUDGET_MS:.0f}" for k in result if k.endswith(("sort_ms", "filter_ms",
                                                                         "search_ms"))}  # fmt: skip
    budgets |= {"stall_max_ms": "< 100", "peak_rss_mb": "< 400", "app_shown_rss_mb": "< 400",
                "cold_start_ms": "< 2000"}  # fmt: skip
    print_result(f"GUI, {args.orders} orders and {args.listings} listings", result, budgets)
    dump(args.json, {"gui": result})


if __name__ == "__main__":
    main()
