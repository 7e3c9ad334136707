"""The dashboard's numbers: what needs the merchant now, and two trends worth a glance
(orders per day by status; the sync delay of each loop, from the runs ``services.loop_runs``
records).

Counts reuse the order dashboard's definitions (``order_table_queries.attention_clause``) so a card
and the table it opens always agree. Days are the merchant's local days, from the offset of
the aware ``now`` every function takes. All of it is a handful of indexed aggregate queries,
run in a worker thread by the page.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta

from sqlalchemy import ColumnElement, Integer, case, func, select
from sqlalchemy.orm import Session

from channelmanager_gui.models.db import Database
from channelmanager_gui.models.listing import Listing, ListingState
from channelmanager_gui.models.loop_run import LoopRun
from channelmanager_gui.models.order import Order, OrderStatus
from channelmanager_gui.models.order_table_queries import Attention, attention_clause

CHART_DAYS = 30
DELAY_HOURS = 24
DELAY_BUCKET_MINUTES = 10
# Loops that re-assert everything on a long interval as a safety net; changes travel by the
# others ("stock" and "inventory" carry a stock change), so their interval is no sync delay.
SAFETY_NET_LOOPS = ("full_stock",)


@dataclass(frozen=True)
class DashboardCounts:
    orders_to_acknowledge: int = 0
    orders_to_create: int = 0
    orders_due_today: int = 0
    orders_overdue: int = 0
    orders_in_error: int = 0
    listings_active: int = 0
    listings_unmatched: int = 0
    listings_incomplete: int = 0
    listings_in_error: int = 0


@dataclass(frozen=True)
class LoopDelay:
    """One loop's runs that ended in one time bucket, and the worst delay among them."""

    start: datetime  # the bucket's start, in the time zone of ``now``
    runs: int
    failed: int
    worst_seconds: float


@dataclass(frozen=True)
class Dashboard:
    counts: DashboardCounts
    days: list[date]
    # status -> orders per day, aligned with ``days``
    orders_per_day: dict[str, list[int]] = field(default_factory=dict)
    # loop name -> its delay over the last day, oldest bucket first
    loop_delays: dict[str, list[LoopDelay]] = field(default_factory=dict)
    # both marketplaces' counts when ``counts`` are one marketplace's (the badges count both)
    every_marketplace: DashboardCounts | None = None


def load_dashboard(
    db: Database, now: datetime, store_id: int | None = None, marketplace: str = ""
) -> Dashboard:
    """Everything the page shows, in one read transaction; safe in a worker thread.
    ``marketplace`` ('walmart' | 'amazon') splits the cards and the orders chart; the sync
    delays are the loops', which serve both."""
    with db.session() as session:
        days, per_day = orders_per_day(session, now, store_id, marketplace=marketplace)
        return Dashboard(
            counts=dashboard_counts(session, now, store_id, marketplace),
            days=days,
            orders_per_day=per_day,
            loop_delays=loop_delays(session, now, store_id),
            every_marketplace=dashboard_counts(session, now, store_id) if marketplace else None,
        )


def _counter(
    session: Session, store_id: int | None, marketplace: str = ""
) -> tuple[Callable[[ColumnElement[bool]], int], Callable[[ColumnElement[bool]], int]]:
    """COUNT(*) of orders and of listings matching a condition, in one store or all, on one
    marketplace or both."""

    def orders(condition: ColumnElement[bool]) -> int:
        query = select(func.count(Order.id)).where(condition)
        if store_id is not None:
            query = query.where(Order.store_id == store_id)
        if marketplace:
            query = query.where(Order.marketplace == marketplace)
        return int(session.scalar(query) or 0)

    def listings(condition: ColumnElement[bool]) -> int:
        query = select(func.count(Listing.id)).where(condition)
        if store_id is not None:
            query = query.where(Listing.store_id == store_id)
        if marketplace:
            query = query.where(Listing.marketplace == marketplace)
        return int(session.scalar(query) or 0)

    return orders, listings


def open_errors(session: Session) -> int:
    """Orders and listings in error, all stores: the tray's count, recounted on every burst
    of changes, so only the two counts it shows rather than the dashboard's nine."""
    return sum(open_errors_by_marketplace(session).values())


def open_errors_by_marketplace(session: Session) -> dict[str, int]:
    """The same count per marketplace (only those with errors), so the tray can say which."""
    found: dict[str, int] = {}
    for table, in_error in ((Order, Order.status == OrderStatus.ERROR),
                            (Listing, Listing.sync_error.is_not(None))):  # fmt: skip
        query = select(table.marketplace, func.count()).where(in_error)
        for marketplace, count in session.execute(query.group_by(table.marketplace)):
            found[marketplace] = found.get(marketplace, 0) + int(count)
    return found


def dashboard_counts(
    session: Session, now: datetime, store_id: int | None, marketplace: str = ""
) -> DashboardCounts:
    orders, listings = _counter(session, store_id, marketplace)
    return DashboardCounts(
        orders_to_acknowledge=orders(Order.status == OrderStatus.IMPORTED),
        orders_to_create=orders(Order.status == OrderStatus.ACKNOWLEDGED),
        orders_due_today=orders(attention_clause(Attention.DUE_TODAY, now)),
        orders_overdue=orders(attention_clause(Attention.OVERDUE, now)),
        orders_in_error=orders(Order.status == OrderStatus.ERROR),
        listings_active=listings(Listing.state == ListingState.ACTIVE),
        listings_unmatched=listings(Listing.state == ListingState.UNMATCHED),
        listings_incomplete=listings(Listing.state == ListingState.INCOMPLETE),
        listings_in_error=listings(Listing.sync_error.is_not(None)),
    )


def orders_per_day(
    session: Session,
    now: datetime,
    store_id: int | None,
    days: int = CHART_DAYS,
    *,
    marketplace: str = "",
) -> tuple[list[date], dict[str, list[int]]]:
    """Orders per local day and status over the last ``days`` days (today included), of one
    marketplace or both."""
    today = now.date()
    first = today - timedelta(days=days - 1)
    start = datetime.combine(first, datetime.min.time(), tzinfo=now.tzinfo)
    local_day = func.date(Order.order_date, _offset_modifier(now))
    query = (
        select(local_day, Order.status, func.count(Order.id))
        .where(Order.order_date >= start)
        .group_by(local_day, Order.status)
    )
    if store_id is not None:
        query = query.where(Order.store_id == store_id)
    if marketplace:
        query = query.where(Order.marketplace == marketplace)
    axis = [first + timedelta(days=n) for n in range(days)]
    position = {day.isoformat(): n for n, day in enumerate(axis)}
    series: dict[str, list[int]] = {}
    for day, status, count in session.execute(query):
        if day in position:
            series.setdefault(status, [0] * days)[position[day]] += int(count)
    return axis, series


def loop_delays(
    session: Session,
    now: datetime,
    store_id: int | None,
    hours: int = DELAY_HOURS,
    bucket_minutes: int = DELAY_BUCKET_MINUTES,
) -> dict[str, list[LoopDelay]]:
    """Per loop and per ``bucket_minutes``, the worst sync delay of the loop's runs that
    ended in the last ``hours`` (see ``LoopRun.delay_ms``); several stores count together.
    Safety-net loops are left out: they are not how changes travel."""
    width = bucket_minutes * 60
    bucket = func.cast(func.strftime("%s", LoopRun.finished_at), Integer) // width
    query = (
        select(
            LoopRun.loop,
            bucket,
            func.max(LoopRun.delay_ms),
            func.count(LoopRun.id),
            func.sum(case((LoopRun.ok.is_(False), 1), else_=0)),
        )
        .where(
            LoopRun.finished_at >= now - timedelta(hours=hours),
            LoopRun.finished_at <= now,
            LoopRun.loop.not_in(SAFETY_NET_LOOPS),
        )
        .group_by(LoopRun.loop, bucket)
        .order_by(LoopRun.loop, bucket)
    )
    if store_id is not None:
        query = query.where(LoopRun.store_id == store_id)
    series: dict[str, list[LoopDelay]] = {}
    for loop, number, worst_ms, runs, failed in session.execute(query):
        start = datetime.fromtimestamp(int(number) * width, UTC).astimezone(now.tzinfo)
        point = LoopDelay(start, int(runs), int(failed or 0), float(worst_ms) / 1000.0)
        series.setdefault(loop, []).append(point)
    return series


def _offset_modifier(now: datetime) -> str:
    """SQLite date modifier turning stored UTC into the merchant's local time."""
    offset = now.utcoffset() or timedelta(0)
    return f"{int(offset.total_seconds() // 60):+d} minutes"
