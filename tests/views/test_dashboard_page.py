"""The dashboard: card counts match the seeded shop, cards open filtered tables, charts fill."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import update

from channelmanager_gui.models.dashboard_queries import load_dashboard
from channelmanager_gui.models.db import Database, open_database
from channelmanager_gui.models.listing import Listing, ListingState
from channelmanager_gui.models.listing_queries import IN_ERROR
from channelmanager_gui.models.order import Order, OrderStatus
from channelmanager_gui.models.order_queries import Attention, OrderFilter
from channelmanager_gui.models.qt_paged import run_inline
from channelmanager_gui.qt_async import OpRunner
from channelmanager_gui.services.changes import Change
from channelmanager_gui.views.dashboard_page import DashboardPage
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
        # Imported 12 and 3 minutes after the order was placed, within the last day.
        for order_id, delay in ((ids["due"], 12), (ids["new"], 3)):
            session.execute(
                update(Order).where(Order.id == order_id).values(
                    order_date=NOW - timedelta(hours=2, minutes=delay),
                    created_at=NOW - timedelta(hours=2),
                )
            )  # fmt: skip
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


def test_charts_data_orders_per_day_and_delay(db: Database, shop: dict[str, int]) -> None:
    dashboard = load_dashboard(db, NOW)
    assert len(dashboard.days) == 30
    assert dashboard.days[-1] == NOW.date()
    total = sum(sum(series) for series in dashboard.orders_per_day.values())
    assert total == 8  # every seeded order is within 30 days
    assert dashboard.orders_per_day[OrderStatus.SHIPPED][-11] == 1  # ten days ago
    [point] = dashboard.import_delay
    assert point.orders == 2
    assert point.average_minutes == pytest.approx(7.5, abs=0.01)
    assert point.max_minutes == pytest.approx(12, abs=0.01)


def test_page_draws_both_charts_and_refreshes_on_changes(
    qtbot: QtBot, db: Database, page: DashboardPage
) -> None:
    assert page.orders_chart.chart().series()[0].count() >= 3  # one bar set per status
    assert len(page.delay_chart.chart().series()) == 2
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
