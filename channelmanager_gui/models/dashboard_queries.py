"""The dashboard's numbers: what needs the merchant now, and two trends worth a glance.

Counts reuse the order dashboard's definitions (``order_queries.attention_clause``) so a card
and the table it opens always agree. Days are the merchant's local days, from the offset of
the aware ``now`` every function takes. All of it is a handful of indexed aggregate queries,
run in a worker thread by the page.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.orm import Session

from channelmanager_gui.models.db import Database
from channelmanager_gui.models.listing import Listing, ListingState
from channelmanager_gui.models.order import Order, OrderStatus
from channelmanager_gui.models.order_queries import Attention, attention_clause

CHART_DAYS = 30
DELAY_HOURS = 24


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
class DelayPoint:
    """Orders imported in one hour: average and worst minutes from order to import."""

    hour: datetime
    orders: int
    average_minutes: float
    max_minutes: float


@dataclass(frozen=True)
class Dashboard:
    counts: DashboardCounts
    days: list[date]
    # status -> orders per day, aligned with ``days``
    orders_per_day: dict[str, list[int]] = field(default_factory=dict)
    import_delay: list[DelayPoint] = field(default_factory=list)


def load_dashboard(db: Database, now: datetime, store_id: int | None = None) -> Dashboard:
    """Everything the page shows, in one read transaction; safe in a worker thread."""
    with db.session() as session:
        days, per_day = orders_per_day(session, now, store_id)
        return Dashboard(
            counts=dashboard_counts(session, now, store_id),
            days=days,
            orders_per_day=per_day,
            import_delay=import_delay(session, now, store_id),
        )


def dashboard_counts(session: Session, now: datetime, store_id: int | None) -> DashboardCounts:
    def orders(condition: ColumnElement[bool]) -> int:
        query = select(func.count(Order.id)).where(condition)
        if store_id is not None:
            query = query.where(Order.store_id == store_id)
        return int(session.scalar(query) or 0)

    def listings(condition: ColumnElement[bool]) -> int:
        query = select(func.count(Listing.id)).where(condition)
        if store_id is not None:
            query = query.where(Listing.store_id == store_id)
        return int(session.scalar(query) or 0)

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
    session: Session, now: datetime, store_id: int | None, days: int = CHART_DAYS
) -> tuple[list[date], dict[str, list[int]]]:
    """Orders per local day and status over the last ``days`` days (today included)."""
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
    axis = [first + timedelta(days=n) for n in range(days)]
    position = {day.isoformat(): n for n, day in enumerate(axis)}
    series: dict[str, list[int]] = {}
    for day, status, count in session.execute(query):
        if day in position:
            series.setdefault(status, [0] * days)[position[day]] += int(count)
    return axis, series


def import_delay(
    session: Session, now: datetime, store_id: int | None, hours: int = DELAY_HOURS
) -> list[DelayPoint]:
    """Per hour of import, for orders placed in the last ``hours``: minutes from the Walmart
    order to our import — the sync delay a merchant feels. Older orders are left out, so the
    backlog of a first import does not read as a slow sync.
    """
    since = now - timedelta(hours=hours)
    minutes = (func.julianday(Order.created_at) - func.julianday(Order.order_date)) * 1440.0
    hour = func.strftime("%Y-%m-%d %H:00:00", Order.created_at)
    query = (
        select(hour, func.count(Order.id), func.avg(minutes), func.max(minutes))
        .where(Order.order_date >= since, Order.created_at <= now)
        .group_by(hour)
        .order_by(hour)
    )
    if store_id is not None:
        query = query.where(Order.store_id == store_id)
    points = []
    for stamp, count, average, worst in session.execute(query):
        moment = datetime.fromisoformat(stamp).replace(tzinfo=UTC).astimezone(now.tzinfo)
        points.append(
            DelayPoint(moment, int(count), max(0.0, float(average)), max(0.0, float(worst)))
        )
    return points


def _offset_modifier(now: datetime) -> str:
    """SQLite date modifier turning stored UTC into the merchant's local time."""
    offset = now.utcoffset() or timedelta(0)
    return f"{int(offset.total_seconds() // 60):+d} minutes"
