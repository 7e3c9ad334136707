"""The measured window process of ``bench.gui`` (started by it; not run by hand).

``bench.gui`` builds the 100k data set in its own process, then starts this one on that data
dir, so the data set's building is not counted in the window's memory. Here, as in the app:

1. Views: open the Orders and Listings pages, sort by each column, filter by each status/tab,
   search — each until the table is painted (queries on the UI thread: the worst case).
2. Stall: the longest gap of a 10 ms heartbeat QTimer while the sync engine runs in its child
   process (``services/engine_process.py``, as the app runs it), with both pages open and
   refreshing on the change signal, and the database watch polling as in the app.
3. Memory: this process's peak RSS and the engine child's, each its own.

With a ``speed`` (realistic conditions, ``bench.gui --speed``), the engine child starts first
and the views are timed while it syncs, then the stall is measured as the sync goes on.

Reads ``{"store_id", "secrets", "sync_seconds", "speed"}`` on stdin (``speed``: the engine
child paces Walmart calls that many times faster, ``bench/engine_child_scaled.py``; null: as
the app); prints ``RESULT {json}``.
"""

from __future__ import annotations

import asyncio
import json
import os
import sys
import time
from collections.abc import Callable
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from bench import engine_child_scaled
from bench.common import sandbox_cpu_seconds
from bench.gui_coldstart import peak_rss_mb
from bench.stall_sampler import StallSampler
from channelmanager_gui.app import WATCH_MS
from channelmanager_gui.models.db import Database, open_database
from channelmanager_gui.models.listing import ListingState
from channelmanager_gui.models.listing_table_queries import IN_ERROR, ListingFilter
from channelmanager_gui.models.order import OrderStatus
from channelmanager_gui.models.order_table_queries import Attention, OrderFilter
from channelmanager_gui.qt_async import OpRunner, create_event_loop
from channelmanager_gui.qt_gc import UiThreadCollector
from channelmanager_gui.services import stores
from channelmanager_gui.services.changes import ChangeBus
from channelmanager_gui.services.db_watch import DatabaseWatch
from channelmanager_gui.services.engine.context import MemorySecrets
from channelmanager_gui.services.engine_process import EngineProcess
from channelmanager_gui.services.engine_protocol import Message, collect_secrets
from channelmanager_gui.services.sync_status import SyncStatusBoard
from channelmanager_gui.views.change_bridge import ChangeBridge
from channelmanager_gui.views.error_presenter import ErrorPresenter
from channelmanager_gui.views.listings_page import ListingsPage
from channelmanager_gui.views.orders_page import OrdersPage
from channelmanager_gui.views.ship_dialog import local_now
from channelmanager_gui.views.tables.paged import run_inline

RESULT = "RESULT "
HEARTBEAT_MS = 10
STOP_TIMEOUT_S = 30.0
SAMPLED_LATE_S = 0.05  # half the stall budget: what is left to find is below 100 ms


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


class WatchedBus:
    """The app's change plumbing: a bus, its Qt bridge, and the database watch polling."""

    def __init__(self, db: Database) -> None:
        self.changes = ChangeBus()
        self.bridge = ChangeBridge(self.changes)
        self.watch = DatabaseWatch(db.path, self.changes)  # the change log, as the app reads it
        self.timer = QTimer()
        self.timer.setInterval(WATCH_MS)
        self.timer.timeout.connect(self.watch.poll)
        self.timer.start()

    def close(self) -> None:
        self.timer.stop()
        self.watch.close()


def engine_secrets(db: Database, spec: dict[str, Any]) -> Message:
    store_id = int(spec["store_id"])
    return collect_secrets(db, MemorySecrets({store_id: spec["secrets"]}))


def launch_engine(db: Database, spec: dict[str, Any], secrets: Message) -> EngineProcess:
    """The engine child, started as the app starts it (with ``speed``: its Walmart pacing that
    many times faster, ``bench/engine_child_scaled.py``)."""
    speed = spec.get("speed")
    command = engine_child_scaled.command(float(speed), str(db.path)) if speed else None
    child = EngineProcess(db.path, SyncStatusBoard(), command=command)
    child.start(secrets, paused=False)
    return child


async def sync_stall(
    db: Database, spec: dict[str, Any], app: QApplication, running: EngineProcess | None = None
) -> dict[str, Any]:
    """The engine child runs every loop (default intervals and pacing) for ``sync_seconds``
    once it is ready, as in the app, with both pages open and refreshing on the changes; the
    heartbeat runs from before its launch (the app launches it with the window shown), or,
    given a ``running`` child, from now."""
    ops, plumbing = _ops(app), WatchedBus(db)
    secrets = engine_secrets(db, spec) if running is None else {}
    pages = [OrdersPage(db, plumbing.changes, ops, clock=local_now),
             ListingsPage(db, plumbing.changes, ops)]  # fmt: skip
    for page in pages:
        page.resize(1400, 900)
        page.show()
        plumbing.bridge.changed.connect(page.on_changes)
    await asyncio.sleep(1.0)  # the pages' first loads
    beat = Heartbeat()
    beat.start()
    sampler = StallSampler(lambda: beat.last, threshold=SAMPLED_LATE_S)
    sampler.start()
    window_cpu = time.process_time()
    child = running or launch_engine(db, spec, secrets)
    ready = await asyncio.to_thread(child.ready.wait, STOP_TIMEOUT_S)
    assert ready and child.pid is not None, child.failure
    started = time.perf_counter()
    await asyncio.sleep(float(spec["sync_seconds"]))
    figures = {
        "sync_seconds": time.perf_counter() - started,
        "sync_engine_cpu_s": sandbox_cpu_seconds(child.pid),  # any process's CPU
        "sync_window_cpu_s": time.process_time() - window_cpu,
        "engine_peak_rss_mb": peak_rss_mb(child.pid),
    }
    beat.timer.stop()
    sampler.stop()
    await asyncio.to_thread(child.stop, STOP_TIMEOUT_S)
    plumbing.close()
    for page in pages:
        page.close()
    _report(sampler)
    return {**figures, "stall_max_ms": beat.worst * 1000, "heartbeats": beat.ticks}


def _report(sampler: StallSampler) -> None:
    late = f"{SAMPLED_LATE_S * 1000:.0f} ms"
    print(f"\nWhere the UI thread stalled (sampled while the heartbeat was late by > {late}):")
    for line in sampler.top():
        print("  " + line)
    print("Where the window's other threads were meanwhile (page queries, the pipe's reader):")
    for line in sampler.top_others(12):
        print("  " + line)


def main() -> int:
    spec = json.loads(sys.stdin.readline())
    app = QApplication.instance() or QApplication([])
    assert isinstance(app, QApplication)
    db = open_database()
    # The app reads its stores before it builds the pages (app.py), which configures the ORM's
    # mappers once (~0.1 s): done here too, so the first page opened is not charged for it.
    stores.list_stores(db)
    running = None
    if spec.get("speed"):  # realistic conditions: the tables are timed while the engine syncs
        running = launch_engine(db, spec, engine_secrets(db, spec))
        assert running.ready.wait(STOP_TIMEOUT_S), running.failure
    out = view_timings(db, app)
    loop = create_event_loop(app)
    collector = UiThreadCollector()  # as in the app: cyclic garbage on the UI thread only
    with loop:
        out |= loop.run_until_complete(sync_stall(db, spec, app, running))
    collector.stop()
    asyncio.set_event_loop(None)
    out["peak_rss_mb"] = peak_rss_mb()
    db.dispose()
    print(RESULT + json.dumps(out), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
