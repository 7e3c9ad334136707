"""Every list shows and filters by marketplace: Orders, Listings (with Amazon's tabs and their
reasons), Matching, Returns and Activity, each with rows of both marketplaces seeded."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QAbstractItemModel, QLocale, Qt
from pytestqt.qtbot import QtBot

from channelmanager_gui.models.db import Database
from channelmanager_gui.models.listing import Listing
from channelmanager_gui.models.listing_table_queries import MatchGroup
from channelmanager_gui.models.order import Order, Return
from channelmanager_gui.qt_async import OpRunner
from channelmanager_gui.services import activity
from channelmanager_gui.services.changes import ChangeBus
from channelmanager_gui.services.language_prefs import Language
from channelmanager_gui.services.sync_status import SyncStatusBoard
from channelmanager_gui.views import i18n
from channelmanager_gui.views.activity_page import ActivityPage
from channelmanager_gui.views.listings_page import ListingsPage
from channelmanager_gui.views.marketplace_filter import MarketplaceFilter
from channelmanager_gui.views.matching_page import GROUPS, MatchingPage
from channelmanager_gui.views.orders_page import OrdersPage
from channelmanager_gui.views.returns_page import ReturnsPage
from channelmanager_gui.views.style import current
from channelmanager_gui.views.tables import activity as activity_table
from channelmanager_gui.views.tables import listings as listings_table
from channelmanager_gui.views.tables import orders as orders_table
from channelmanager_gui.views.tables.paged import run_inline
from tests.models.listing_seed import ALL_KINDS, seed_listings
from tests.models.marketplace_seed import add_amazon_account, move_to_amazon
from tests.models.order_seed import NOW, add_order, add_store

AMAZON_PO = "111-0000001-0000001"


def _ops() -> OpRunner:
    return OpRunner(lambda exc, label: pytest.fail(f"{label}: {exc!r}"))


@pytest.fixture
def shop(db: Database) -> dict[str, int]:
    """Two orders, 18 listings (9 per marketplace, every state), two returns, and activity
    about one order of each marketplace."""
    store = add_store(db)
    amazon = add_amazon_account(db, store)
    walmart_order = add_order(db, store, "1001")
    amazon_order = add_order(db, store, AMAZON_PO)
    move_to_amazon(db, Order, [amazon_order], amazon)
    seed_listings(db, store, 18, kinds=ALL_KINDS)
    with db.session() as session:
        ids = [row[0] for row in session.query(Listing.id).order_by(Listing.id)]
        walmart_account = session.query(Order.account_id).filter(Order.id == walmart_order).scalar()
        session.add_all([
            Return(store_id=store, account_id=amazon, marketplace="amazon",
                   return_order_id="AMZ-R1", customer_order_id=AMAZON_PO),
            Return(store_id=store, account_id=walmart_account, return_order_id="W-R1",
                   customer_order_id="C1001"),
        ])  # fmt: skip
        for order_id, text in ((walmart_order, "Walmart order in"), (amazon_order, "Amazon in")):
            activity.record(session, store_id=store, subject_type="order", subject_id=order_id,
                            event="order_imported", message=text)  # fmt: skip
    move_to_amazon(db, Listing, ids[9:], amazon)
    return {"store": store, "amazon": amazon}


def column(model: QAbstractItemModel, col: int) -> list[str]:
    return [model.index(r, col).data(Qt.ItemDataRole.DisplayRole) for r in range(model.rowCount())]


def choose(combo: MarketplaceFilter, marketplace: str) -> None:
    combo.setCurrentIndex(combo.findData(marketplace))


def test_marketplace_filter_offers_all_walmart_amazon(qtbot: QtBot) -> None:
    combo = MarketplaceFilter()
    qtbot.addWidget(combo)
    assert [combo.itemText(i) for i in range(combo.count())] == [
        "All marketplaces", "Walmart", "Amazon",
    ]  # fmt: skip
    assert [combo.itemData(i) for i in range(combo.count())] == ["", "walmart", "amazon"]


def test_orders_page_filters_and_names_the_marketplace(
    qtbot: QtBot, db: Database, shop: dict[str, Any]
) -> None:
    page = OrdersPage(db, ChangeBus(), _ops(), runner=run_inline, clock=lambda: NOW)
    qtbot.addWidget(page)
    model = page.model
    assert sorted(column(model, orders_table.COL_MARKETPLACE)) == ["Amazon", "Walmart"]
    choose(page.filters.marketplace, "amazon")
    assert column(model, orders_table.COL_PO) == [AMAZON_PO]
    assert column(model, orders_table.COL_MARKETPLACE) == ["Amazon"]
    assert page.filters.is_narrowed()
    header = page.table.horizontalHeader()
    assert header.visualIndex(orders_table.COL_MARKETPLACE) == 0  # whose order, first
    page.filters.clear()
    assert model.rowCount() == 2


def test_listings_page_shows_amazons_tabs_with_reasons_when_amazon_is_chosen(
    qtbot: QtBot, db: Database, shop: dict[str, Any]
) -> None:
    page = ListingsPage(db, ChangeBus(), _ops(), runner=run_inline, action_runner=run_inline)
    qtbot.addWidget(page)
    assert page.model.rowCount() == 18
    assert "Pending match" in [
        page.tabs.tabText(i).split("  ")[0] for i in range(page.tabs.count())
    ]
    choose(page.marketplace, "amazon")
    titles = [page.tabs.tabText(i).split("  ")[0] for i in range(page.tabs.count())]
    assert titles == ["All", "Active", "Ready to list", "Inactive", "Ineligible", "Incomplete",
                      "Ended", "New third party", "In error"]  # fmt: skip
    assert page.model.rowCount() == 9
    assert set(column(page.model, listings_table.COL_MARKETPLACE)) == {"Amazon"}
    page.show_tab("inactive")
    assert page.tabs.tabText(page.tabs.currentIndex()) == "Inactive  1"
    assert column(page.model, listings_table.COL_PROBLEM) == ["Out of stock on Amazon"]
    page.show_tab("new third party")
    assert column(page.model, listings_table.COL_PROBLEM) == ["Listed outside the app"]
    choose(page.marketplace, "walmart")  # a tab Walmart's set lacks goes back to All
    assert page.current_tab() == "" and page.model.rowCount() == 9
    assert set(column(page.model, listings_table.COL_MARKETPLACE)) == {"Walmart"}


def test_matching_page_filters_by_marketplace(
    qtbot: QtBot, db: Database, shop: dict[str, Any]
) -> None:
    page = MatchingPage(db, ChangeBus(), _ops(), runner=run_inline, action_runner=run_inline)
    qtbot.addWidget(page)
    page.tabs.setCurrentIndex(GROUPS.index(MatchGroup.MATCHED))
    both = page.model.rowCount()
    choose(page.marketplace, "amazon")
    amazon = column(page.model, listings_table.COL_MARKETPLACE)
    choose(page.marketplace, "walmart")
    walmart = column(page.model, listings_table.COL_MARKETPLACE)
    assert amazon and set(amazon) == {"Amazon"} and set(walmart) == {"Walmart"}
    assert len(amazon) + len(walmart) == both


def test_returns_page_filters_and_names_the_marketplace(
    qtbot: QtBot, db: Database, shop: dict[str, Any]
) -> None:
    page = ReturnsPage(db, _ops(), runner=run_inline)
    qtbot.addWidget(page)
    last = page.table.columnCount() - 1
    shown = {page.table.item(r, 0).text(): page.table.item(r, last).text()
             for r in range(page.table.rowCount())}  # fmt: skip
    assert shown == {"AMZ-R1": "Amazon", "W-R1": "Walmart"}
    choose(page.marketplace, "amazon")
    assert [page.table.item(r, 0).text() for r in range(page.table.rowCount())] == ["AMZ-R1"]


def test_activity_log_filters_and_names_the_marketplace(
    qtbot: QtBot, db: Database, shop: dict[str, Any]
) -> None:
    page = ActivityPage(db, SyncStatusBoard(), _ops(), runner=run_inline, clock=lambda: NOW)
    qtbot.addWidget(page)
    choose(page.marketplace, "amazon")
    assert column(page.model, activity_table.COL_MESSAGE) == ["Amazon in"]
    assert column(page.model, activity_table.COL_MARKETPLACE) == ["Amazon"]
    assert column(page.model, activity_table.COL_SUBJECT) == [f"Amazon {AMAZON_PO}"]
    choose(page.marketplace, "walmart")
    assert column(page.model, activity_table.COL_SUBJECT) == ["PO 1001"]


def test_amazons_tabs_take_short_translated_titles_when_narrow(
    qtbot: QtBot, db: Database, shop: dict[str, Any]
) -> None:
    """Amazon's set goes through the same fitting titles as the app's own (issue 20): short
    ones while the full ones do not fit, the full title in the tooltip."""
    page = ListingsPage(db, ChangeBus(), _ops(), runner=run_inline, action_runner=run_inline)
    qtbot.addWidget(page)
    choose(page.marketplace, "amazon")
    page.tabs.setMaximumWidth(560)  # narrower than Amazon's full titles with their counts
    page.show()
    qtbot.waitExposed(page)
    qtbot.waitUntil(page.tab_titles.short)
    third_party = page.tabs.tabs.index("new third party")
    assert page.tabs.tabText(third_party).startswith("Third party  ")
    assert page.tabs.tabToolTip(third_party).startswith("New third party  ")


def test_amazons_tabs_are_translated(qtbot: QtBot, db: Database, shop: dict[str, Any]) -> None:
    installed = i18n.install(Language.KOREAN)
    try:
        page = ListingsPage(db, ChangeBus(), _ops(), runner=run_inline, action_runner=run_inline)
        qtbot.addWidget(page)
        choose(page.marketplace, "amazon")
        titles = [page.tabs.tabText(i).split("  ")[0] for i in range(page.tabs.count())]
        assert titles[0] != "All" and "Inactive" not in titles and "New third party" not in titles
    finally:
        installed.remove()
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))


def test_a_reason_that_is_no_problem_is_not_drawn_red(
    qtbot: QtBot, db: Database, shop: dict[str, Any]
) -> None:
    """Amazon's "Listed outside the app" on a new third-party listing is news, not a problem:
    its note is in the muted tone; "Out of stock on Amazon" (Inactive) stays red."""
    page = ListingsPage(db, ChangeBus(), _ops(), runner=run_inline, action_runner=run_inline)
    qtbot.addWidget(page)
    choose(page.marketplace, "amazon")
    palette = current()

    def tones(tab: str) -> set[str]:
        page.show_tab(tab)
        model = page.model
        return {
            model.index(r, c).data(Qt.ItemDataRole.ForegroundRole).color().name()
            for r in range(model.rowCount())
            for c in (listings_table.COL_STATE, listings_table.COL_PROBLEM)
        }

    assert tones("new third party") == {palette.TEXT_MUTED.lower()}
    assert tones("inactive") == {palette.PROBLEM_TEXT.lower()}
