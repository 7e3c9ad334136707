"""Loop runs: the scheduler records each run with the sync delay it stands for; the dashboard
plots them per loop."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select

from channelmanager_gui.errors import ChannelError
from channelmanager_gui.models.dashboard_queries import loop_delays
from channelmanager_gui.models.db import Database, open_database
from channelmanager_gui.models.loop_run import LoopRun
from channelmanager_gui.models.store import Store
from channelmanager_gui.services.changes import ChangeBus
from channelmanager_gui.services.engine.context import EngineEnv, StoreContext
from channelmanager_gui.services.engine.scheduler import LoopSpec, Scheduler
from channelmanager_gui.services.engine.settings import StoreSettings
from channelmanager_gui.services.loop_runs import RETENTION, record_run
from channelmanager_gui.services.sync_status import SyncState, SyncStatusBoard
from tests.models.order_seed import add_store

T0 = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)


@pytest.fixture
def db() -> Iterator[Database]:
    database = open_database()
    yield database
    database.dispose()


@pytest.fixture
def store(db: Database) -> int:
    return add_store(db)


def run(
    db: Database, store: int, loop: str, start_s: float, end_s: float, ok: bool = True
) -> LoopRun:
    return record_run(
        db,
        store_id=store,
        loop=loop,
        started_at=T0 + timedelta(seconds=start_s),
        finished_at=T0 + timedelta(seconds=end_s),
        ok=ok,
    )


def test_the_first_run_waits_only_its_own_duration(db: Database, store: int) -> None:
    first = run(db, store, "orders", 0, 2)
    assert (first.duration_ms, first.delay_ms, first.ok) == (2000, 2000, True)


def test_a_run_covers_changes_made_since_the_last_successful_run_started(
    db: Database, store: int
) -> None:
    run(db, store, "orders", 0, 2)
    assert run(db, store, "orders", 17, 18.5).delay_ms == 18_500
    assert run(db, store, "inventory", 20, 21).delay_ms == 1000  # loops are apart


def test_a_failing_loop_keeps_growing_its_delay(db: Database, store: int) -> None:
    run(db, store, "orders", 0, 1)
    assert run(db, store, "orders", 15, 16, ok=False).delay_ms == 16_000
    assert run(db, store, "orders", 30, 31, ok=False).delay_ms == 31_000
    assert run(db, store, "orders", 45, 46).delay_ms == 46_000
    assert run(db, store, "orders", 60, 61).delay_ms == 16_000  # back to normal


def test_runs_older_than_the_retention_are_dropped(db: Database, store: int) -> None:
    run(db, store, "orders", 0, 1)
    late = RETENTION.total_seconds() + 10
    run(db, store, "orders", late, late + 1)
    with db.session() as session:
        ends = session.scalars(select(LoopRun.finished_at)).all()
    assert ends == [T0 + timedelta(seconds=late + 1)]


def test_loop_delays_take_the_worst_run_of_each_slot_per_loop(db: Database, store: int) -> None:
    other = add_store(db, "Other store")
    run(db, store, "orders", 0, 2)  # 09:00 slot: delays 2 s and 16 s
    run(db, store, "orders", 15, 16)
    run(db, other, "orders", 30, 45)  # another store, same loop: counted with it
    run(db, store, "orders", 600, 601, ok=False)  # 09:10 slot, failed: 586 s since 15 s
    run(db, store, "full_stock", 0, 30)  # a safety net: left out
    now = T0 + timedelta(minutes=30)
    with db.session() as session:
        series = loop_delays(session, now, None)
        narrowed = loop_delays(session, now, store)
    assert list(series) == ["orders"]
    first, second = series["orders"]
    assert (first.start, first.runs, first.failed, first.worst_seconds) == (T0, 3, 0, 16.0)
    assert (second.start, second.runs, second.failed) == (T0 + timedelta(minutes=10), 1, 1)
    assert second.worst_seconds == pytest.approx(586.0)
    assert narrowed["orders"][0].runs == 2


def test_loop_delays_cover_the_last_day_in_the_local_time_zone(db: Database, store: int) -> None:
    run(db, store, "orders", -25 * 3600, -25 * 3600 + 1)  # kept a while, but out of the chart
    run(db, store, "orders", 0, 1)
    local = T0.astimezone(ZoneInfo("America/Chicago"))
    with db.session() as session:
        [point] = loop_delays(session, local + timedelta(hours=1), None)["orders"]
    assert point.start == T0 and point.start.utcoffset() == timedelta(hours=-6)


async def test_the_scheduler_records_every_run_ok_or_failed(db: Database, store: int) -> None:
    with db.session() as session:
        row = session.get(Store, store)
        assert row is not None
        session.expunge(row)
    ticks = iter(T0 + timedelta(seconds=n) for n in range(100))
    env = EngineEnv(db=db, changes=ChangeBus(), clock=lambda: next(ticks))
    scheduler = Scheduler(env, SyncStatusBoard())
    context = StoreContext(store=row, settings=StoreSettings(), commerce=None)  # type: ignore[arg-type]

    async def fine(_env: EngineEnv, _ctx: StoreContext) -> dict[str, int]:
        return {"new": 1}

    async def refused(_env: EngineEnv, _ctx: StoreContext) -> dict[str, int]:
        raise ChannelError("Walmart is unavailable")

    scheduler.add(LoopSpec("orders", fine), context, "orders")
    scheduler.add(LoopSpec("returns", refused), context, "returns")
    assert await scheduler.run_all_once() == ["returns: Walmart is unavailable"]
    with db.session() as session:
        runs = [(r.loop, r.ok, r.finished_at) for r in session.scalars(select(LoopRun))]
    assert runs == [("orders", True, T0), ("returns", False, T0 + timedelta(seconds=1))]


async def test_a_run_that_cannot_be_recorded_still_reports(db: Database, store: int) -> None:
    with db.session() as session:
        row = session.get(Store, store)
        assert row is not None
        session.expunge(row)
    row.id = 999  # no such store: the row cannot be written (foreign key)
    env = EngineEnv(db=db, changes=ChangeBus(), clock=lambda: T0)
    board = SyncStatusBoard()
    scheduler = Scheduler(env, board)
    context = StoreContext(store=row, settings=StoreSettings(), commerce=None)  # type: ignore[arg-type]

    async def fine(_env: EngineEnv, _ctx: StoreContext) -> dict[str, int]:
        return {}

    scheduler.add(LoopSpec("orders", fine), context, "orders")
    assert await scheduler.run_all_once() == []
    [status] = board.loops()
    assert status.last_run == T0 and status.last_error is None


async def test_a_scheduled_run_changes_the_board_twice(db: Database, store: int) -> None:
    """Running, then done with its next run: each board change is a status line to the
    window and a snapshot write, many a minute on an idle day (``bench.idle --app``); the
    next run came as a third change of its own."""
    with db.session() as session:
        row = session.get(Store, store)
        assert row is not None
        session.expunge(row)
    env = EngineEnv(db=db, changes=ChangeBus(), clock=lambda: T0)
    board = SyncStatusBoard()
    seen: list[tuple[object, ...]] = []
    board.subscribe(lambda b: seen.extend((s.state, s.last_run, s.next_run) for s in b.loops()))
    scheduler = Scheduler(env, board)
    context = StoreContext(store=row, settings=StoreSettings(), commerce=None)  # type: ignore[arg-type]
    ran = asyncio.Event()

    async def fine(_env: EngineEnv, _ctx: StoreContext) -> dict[str, int]:
        ran.set()
        return {}

    scheduler.add(LoopSpec("orders", fine), context, "orders")
    scheduler.start()
    await asyncio.wait_for(ran.wait(), 5)
    await asyncio.sleep(0.05)
    await scheduler.stop()
    interval = timedelta(seconds=StoreSettings().intervals["orders"])
    assert seen == [(SyncState.SYNCING, None, None), (SyncState.IDLE, T0, T0 + interval)]
