"""The dashboard counts both marketplaces and can be split by one (cards, orders chart, the
table a card opens); the tray and the new-order notices count both and say which."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import update

from channelmanager_gui.models.dashboard_queries import load_dashboard, open_errors_by_marketplace
from channelmanager_gui.models.db import Database
from channelmanager_gui.models.listing import Listing, ListingState
from channelmanager_gui.models.order import Order, OrderStatus
from channelmanager_gui.models.order_table_queries import OrderFilter
from channelmanager_gui.qt_async import OpRunner
from channelmanager_gui.services.sync_notices import Notice, SyncNotices
from channelmanager_gui.services.sync_status import SyncState, SyncStatusBoard
from channelmanager_gui.views.dashboard_page import DashboardPage
from channelmanager_gui.views.sync_text import tray_tooltip
from channelmanager_gui.views.tables.paged import run_inline
from tests.models.listing_seed import seed_listings
from tests.models.marketplace_seed import add_amazon_account, move_to_amazon
from tests.models.order_seed import NOW, add_order, add_store


@pytest.fixture
def shop(db: Database) -> dict[str, int]:
    """Walmart: one order in error, one new; Amazon: two in error. 14 listings, half each."""
    store = add_store(db)
    amazon = add_amazon_account(db, store)
    add_order(db, store, "1001", error="Commerce refused it")
    add_order(db, store, "1002", acknowledged=False)
    a1 = add_order(db, store, "111-1", error="Commerce refused it")
    a2 = add_order(db, store, "111-2", error="Commerce refused it")
    move_to_amazon(db, Order, [a1, a2], amazon)
    seed_listings(db, store, 14)
    with db.session() as session:
        ids = [row[0] for row in session.query(Listing.id).order_by(Listing.id)]
        session.execute(update(Listing).where(Listing.id == ids[0]).values(sync_error="no"))
    move_to_amazon(db, Listing, ids[7:], amazon)
    return {"store": store}


def test_cards_and_chart_split_by_marketplace(db: Database, shop: dict[str, int]) -> None:
    both = load_dashboard(db, NOW)
    amazon = load_dashboard(db, NOW, marketplace="amazon")
    walmart = load_dashboard(db, NOW, marketplace="walmart")
    assert (both.counts.orders_in_error, amazon.counts.orders_in_error,
            walmart.counts.orders_in_error) == (3, 2, 1)  # fmt: skip
    assert amazon.counts.orders_to_acknowledge == 0 and walmart.counts.orders_to_acknowledge == 1
    assert amazon.counts.listings_in_error == 0 and walmart.counts.listings_in_error == 1
    assert sum(amazon.orders_per_day[OrderStatus.ERROR]) == 2
    assert both.every_marketplace is None and amazon.every_marketplace == both.counts


def test_the_page_splits_and_a_card_opens_that_marketplaces_orders(
    qtbot: QtBot, db: Database, shop: dict[str, int]
) -> None:
    ops = OpRunner(lambda exc, label: pytest.fail(f"{label}: {exc!r}"))
    page = DashboardPage(db, ops, runner=run_inline, clock=lambda: NOW)
    qtbot.addWidget(page)
    badges: list[object] = []
    page.counts_changed.connect(badges.append)
    page.marketplace.setCurrentIndex(page.marketplace.findData("amazon"))
    assert page.cards["orders_in_error"].count_label.text() == "2"
    assert badges[-1].orders_in_error == 3  # type: ignore[attr-defined]  # badges: both
    with qtbot.waitSignal(page.orders_requested) as opened:
        page.cards["orders_in_error"].click()
    assert opened.args == [OrderFilter(status=OrderStatus.ERROR, marketplace="amazon")]
    with qtbot.waitSignal(page.listings_requested) as listings:
        page.cards["listings_active"].click()
    assert listings.args == [ListingState.ACTIVE] and page.marketplace.value() == "amazon"


def test_tray_counts_open_errors_per_marketplace(db: Database, shop: dict[str, int]) -> None:
    with db.session() as session:
        split = open_errors_by_marketplace(session)
    assert split == {"walmart": 2, "amazon": 2}
    board = SyncStatusBoard()
    board.set_open_errors(sum(split.values()), split)
    assert "4 open errors (Amazon 2, Walmart 2)" in tray_tooltip(board, NOW)


def _finish_orders_run(board: SyncStatusBoard, counts: dict[str, int], minute: int) -> None:
    finished = datetime(2024, 5, 10, 15, minute, tzinfo=UTC)
    board.update("orders", state=SyncState.IDLE, last_run=finished, counts=counts)


def test_new_order_notices_say_which_marketplace() -> None:
    seen: list[Notice] = []
    notices = SyncNotices(seen.append)
    board = SyncStatusBoard()
    _finish_orders_run(board, {"new": 3, "new_walmart": 2, "new_amazon": 1}, 1)
    notices.check(board)
    _finish_orders_run(board, {"new": 1, "new_amazon": 1}, 2)
    notices.check(board)
    assert [n.title for n in seen] == ["3 new orders (Walmart 2, Amazon 1)", "1 new Amazon order"]
