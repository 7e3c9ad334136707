"""The dashboard: card counts match the seeded shop, cards open filtered tables, charts fill."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import update

from channelmanager_gui.models.dashboard_queries import load_dashboard, open_errors
from channelmanager_gui.models.db import Database, open_database
from channelmanager_gui.models.listing import Listing, ListingState
from channelmanager_gui.models.listing_table_queries import IN_ERROR
from channelmanager_gui.models.order import Order, OrderStatus
from channelmanager_gui.models.order_table_queries import Attention, OrderFilter
from channelmanager_gui.qt_async import OpRunner
from channelmanager_gui.services.changes import Change
from channelmanager_gui.services.loop_runs import record_run
from channelmanager_gui.views.dashboard_page import DashboardPage
from channelmanager_gui.views.tables.paged import run_inline
from tests.models.listing_seed import seed_listings
from tests.models.order_seed import NOW, seed_shop


@pytest.fixture
def db() -> Iterator[Database]:
    database = open_database()
    yield database
    database.dispose()


@pytest.fixture
def shop(db: Database) -> dict[str, int]:
    ids = seed_shop(db)
    seed_listings(db, ids["store"], 21)  # three of each state
    with db.session() as session:
        session.execute(
            update(Listing).where(Listing.sku == "SKU-000000").values(sync_error="Stock: no")
        )
    # Two loops ran in the last hour: orders every 15 s, inventory once, and failing.
    for start in (0, 15, 30):
        at = NOW - timedelta(hours=1) + timedelta(seconds=start)
        record_run(db, store_id=ids["store"], loop="orders", started_at=at,
                   finished_at=at + timedelta(seconds=2), ok=True)  # fmt: skip
    at = NOW - timedelta(minutes=5)
    record_run(db, store_id=ids["store"], loop="inventory", started_at=at,
               finished_at=at + timedelta(seconds=4), ok=False)  # fmt: skip
    return ids


@pytest.fixture
def page(qtbot: QtBot, db: Database, shop: dict[str, int]) -> DashboardPage:
    ops = OpRunner(lambda exc, label: pytest.fail(f"{label}: {exc!r}"))
    widget = DashboardPage(db, ops, runner=run_inline, clock=lambda: NOW)
    qtbot.addWidget(widget)
    return widget


def _count(page: DashboardPage, key: str) -> str:
    return page.cards[key].count_label.text()


def test_cards_count_the_seeded_shop(page: DashboardPage) -> None:
    assert _count(page, "orders_to_acknowledge") == "1"  # 1001
    assert _count(page, "orders_to_create") == "1"  # 2001, acknowledged, not in Commerce
    assert _count(page, "orders_due_today") == "1"
    assert _count(page, "orders_overdue") == "2"  # 1003, and 1004 in error with lines to ship
    assert _count(page, "orders_in_error") == "1"
    assert _count(page, "listings_active") == "3"
    assert _count(page, "listings_unmatched") == "3"
    assert _count(page, "listings_incomplete") == "3"
    assert _count(page, "listings_in_error") == "1"
    assert "2 overdue" in page.cards["orders_overdue"].toolTip()


def test_store_filter_narrows_the_counts(page: DashboardPage, shop: dict[str, int]) -> None:
    page.set_store(shop["store"])
    assert _count(page, "orders_to_create") == "0"


def test_cards_open_the_filtered_tables(qtbot: QtBot, page: DashboardPage) -> None:
    with qtbot.waitSignal(page.orders_requested) as overdue:
        page.cards["orders_overdue"].click()
    assert overdue.args == [OrderFilter(attention=Attention.OVERDUE)]
    with qtbot.waitSignal(page.orders_requested) as new:
        page.cards["orders_to_acknowledge"].click()
    assert new.args == [OrderFilter(status=OrderStatus.IMPORTED)]
    with qtbot.waitSignal(page.listings_requested) as unmatched:
        page.cards["listings_unmatched"].click()
    assert unmatched.args == [ListingState.UNMATCHED]
    with qtbot.waitSignal(page.listings_requested) as failing:
        page.cards["listings_in_error"].click()
    assert failing.args == [IN_ERROR]


def test_charts_data_orders_per_day_and_loop_delay(db: Database, shop: dict[str, int]) -> None:
    dashboard = load_dashboard(db, NOW)
    assert len(dashboard.days) == 30
    assert dashboard.days[-1] == NOW.date()
    total = sum(sum(series) for series in dashboard.orders_per_day.values())
    assert total == 8  # every seeded order is within 30 days
    assert dashboard.orders_per_day[OrderStatus.SHIPPED][-11] == 1  # ten days ago
    assert sorted(dashboard.loop_delays) == ["inventory", "orders"]
    [orders] = dashboard.loop_delays["orders"]
    assert (orders.runs, orders.failed, orders.worst_seconds) == (3, 0, 17.0)
    [inventory] = dashboard.loop_delays["inventory"]
    assert (inventory.runs, inventory.failed, inventory.worst_seconds) == (1, 1, 4.0)


def test_page_draws_both_charts_and_refreshes_on_changes(
    qtbot: QtBot, db: Database, page: DashboardPage
) -> None:
    page.show()
    assert page.orders_chart.chart().series()[0].count() >= 3  # one bar set per status
    lines = page.delay_chart.chart().series()
    assert [line.name() for line in lines] == ["inventory", "orders"]  # one line per loop
    assert [point.y() for point in lines[1].points()] == [17.0]  # seconds, below 3 minutes
    with db.session() as session:
        session.execute(update(Listing).values(sync_error="Price: refused"))
    page.on_changes(frozenset({Change.LISTINGS}))
    qtbot.waitUntil(lambda: _count(page, "listings_in_error") == "21")


def test_orders_chart_title_recovers_once_orders_arrive(qtbot: QtBot) -> None:
    from datetime import date

    from channelmanager_gui.views.dashboard_charts import ORDERS_TITLE, OrdersChart

    chart = OrdersChart()
    qtbot.addWidget(chart)
    days = [date(2026, 11, 22), date(2026, 11, 23)]
    chart.show_days(days, {})
    assert chart.chart().title().endswith("no orders yet")
    chart.show_days(days, {"Shipped": [1, 2]})
    assert chart.chart().title() == ORDERS_TITLE


def test_delay_chart_counts_minutes_for_long_delays_and_says_when_nothing_ran(
    qtbot: QtBot,
) -> None:
    from channelmanager_gui.models.dashboard_queries import LoopDelay
    from channelmanager_gui.views.dashboard_charts import (
        DELAY_TITLE,
        EMPTY_DELAY_TITLE,
        DelayChart,
    )

    chart = DelayChart()
    qtbot.addWidget(chart)
    chart.show_loops({}, NOW)
    assert chart.chart().title() == EMPTY_DELAY_TITLE
    slow = LoopDelay(NOW - timedelta(hours=3), runs=1, failed=1, worst_seconds=1800.0)
    chart.show_loops({"returns": [slow]}, NOW)
    assert chart.chart().title() == DELAY_TITLE
    [line] = chart.chart().series()
    assert [point.y() for point in line.points()] == [30.0]
    [_hours, amount] = chart.chart().axes()
    assert amount.titleText() == "minutes"


def test_coming_back_to_the_dashboard_refreshes_it(
    qtbot: QtBot, db: Database, page: DashboardPage, shop: dict[str, int]
) -> None:
    page.show()
    at = NOW - timedelta(minutes=2)
    record_run(db, store_id=shop["store"], loop="returns", started_at=at,
               finished_at=at + timedelta(seconds=1), ok=True)  # fmt: skip
    page.hide()
    page.show()
    names = [line.name() for line in page.delay_chart.chart().series()]
    assert names == ["inventory", "orders", "returns"]


def test_the_trays_open_errors_are_the_two_error_cards(db: Database, page: DashboardPage) -> None:
    with db.session() as session:
        total = open_errors(session)
    assert total == int(_count(page, "orders_in_error")) + int(_count(page, "listings_in_error"))
    assert total == 2


def test_a_refresh_with_the_same_orders_keeps_the_orders_chart(
    qtbot: QtBot, db: Database, shop: dict[str, int], page: DashboardPage
) -> None:
    """Rebuilding it took QtCharts' whole layout, most of a refresh's CPU, at every sync
    notice while the window showed (bench.idle --app)."""
    chart = page.orders_chart.chart()
    page.refresh()
    assert page.orders_chart.chart() is chart
    with db.session() as session:
        session.execute(update(Order).values(status=OrderStatus.SHIPPED))
    page.refresh()
    assert page.orders_chart.chart() is not chart
