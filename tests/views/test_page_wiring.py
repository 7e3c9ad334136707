"""The window's pages are mounted, narrow to the chosen store, and open each other."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from pytestqt.qtbot import QtBot

from channelmanager_gui.models.account import walmart_account_id
from channelmanager_gui.models.db import Database, open_database
from channelmanager_gui.models.order import Order, OrderStatus, Return
from channelmanager_gui.models.order_table_queries import Attention, OrderFilter
from channelmanager_gui.qt_async import OpRunner
from channelmanager_gui.services.changes import Change, ChangeBus
from channelmanager_gui.services.sync_status import SyncStatusBoard
from channelmanager_gui.views.change_bridge import ChangeBridge
from channelmanager_gui.views.dashboard_page import ORDER_CARDS
from channelmanager_gui.views.empty_state import EmptyStatePage
from channelmanager_gui.views.main_window import MainWindow
from channelmanager_gui.views.navigation import Area
from channelmanager_gui.views.page_wiring import PageDeps, Pages, mount_pages
from channelmanager_gui.views.returns_page import ReturnsPage, progress_text
from channelmanager_gui.views.tables.paged import run_inline
from channelmanager_gui.views.window_state import window_settings
from tests.models.order_seed import seed_shop


@pytest.fixture
def db() -> Iterator[Database]:
    database = open_database()
    yield database
    database.dispose()


def build(qtbot: QtBot, db: Database) -> tuple[MainWindow, Pages, list[str]]:
    board = SyncStatusBoard()
    window = MainWindow(board, window_settings())
    qtbot.addWidget(window)
    changes = ChangeBus()
    calls: list[str] = []
    ops = OpRunner(lambda exc, ctx: calls.append(f"error {exc}"), parent=window)
    pages = mount_pages(
        PageDeps(
            window=window,
            db=db,
            changes=changes,
            change_bridge=ChangeBridge(changes, parent=window),
            ops=ops,
            board=board,
            secrets=None,
            sync_now=lambda loop: calls.append(f"sync now {loop}"),
            set_paused=lambda paused: calls.append(f"paused {paused}"),
            runner=run_inline,
        )
    )
    return window, pages, calls


def test_every_area_has_its_real_page(qtbot: QtBot, db: Database) -> None:
    window, _, _ = build(qtbot, db)
    for area in Area:
        assert not isinstance(window.page(area), EmptyStatePage), area


def test_dashboard_card_opens_orders_filtered(qtbot: QtBot, db: Database) -> None:
    seed_shop(db)
    window, pages, _ = build(qtbot, db)
    with db.session() as session:
        in_error = session.query(Order).filter(Order.status == OrderStatus.ERROR).count()
    assert in_error
    pages.dashboard.orders_requested.emit(OrderFilter(attention=Attention.ERROR))
    assert window.current_area() is Area.ORDERS
    qtbot.waitUntil(lambda: pages.orders.model.rowCount() == in_error)


def test_activity_buttons_reach_the_shell_and_add_products_needs_a_store(
    qtbot: QtBot, db: Database
) -> None:
    window, pages, calls = build(qtbot, db)
    pages.activity.sync_now_requested.emit()
    pages.activity.pause_toggled.emit(True)
    pages.activity.loop_sync_now_requested.emit("orders")  # the shell says why it cannot
    assert calls == ["sync now None", "paused True", "sync now orders"]
    pages.listings.add_products_requested.emit()
    assert "Connect a store" in window.status.currentMessage()


def test_returns_page_lists_returns_of_the_chosen_store(qtbot: QtBot, db: Database) -> None:
    shop = seed_shop(db)
    with db.session() as session:
        session.add(
            Return(
                store_id=shop["store"],
                account_id=walmart_account_id(session, shop["store"]),
                return_order_id="R-1",
                customer_order_id="C1",
                refund_amount=12.5,
                commerce_rma_id=7,
            )
        )
    _, pages, _ = build(qtbot, db)
    returns: ReturnsPage = pages.returns
    qtbot.waitUntil(lambda: returns.table.rowCount() == 1)
    assert returns.table.item(0, 0).text() == "R-1"
    assert returns.table.item(0, 4).text() == "RMA #7"
    returns.set_store(shop["store"] + 1)
    qtbot.waitUntil(lambda: returns.table.rowCount() == 0)
    assert not returns.empty.isHidden()


def test_progress_text_in_merchant_words() -> None:
    assert progress_text(Return(commerce_creditmemo_id=3)) == "Credit memo #3"
    assert progress_text(Return()) == "Awaiting a credit memo"


def test_change_signal_reaches_pages(qtbot: QtBot, db: Database) -> None:
    shop = seed_shop(db)
    window, pages, _ = build(qtbot, db)
    window.show()
    window.show_area(Area.RETURNS)  # a page out of sight refreshes only once it shows
    qtbot.waitUntil(lambda: pages.returns.table.rowCount() == 0)
    with db.session() as session:
        account_id = walmart_account_id(session, shop["store"])
        session.add(Return(store_id=shop["store"], account_id=account_id, return_order_id="R-9",
                           customer_order_id="C9"))  # fmt: skip
    pages.returns.on_changes(frozenset({Change.RETURNS}))
    qtbot.waitUntil(lambda: pages.returns.table.rowCount() == 1)


def test_every_order_card_opens_the_list_its_number_counts(qtbot: QtBot, db: Database) -> None:
    """Issue 20 #3: "Orders in error" opened the unfiltered list (the card's status was
    dropped); each card must open exactly the orders it counts."""
    seed_shop(db)
    window, pages, _ = build(qtbot, db)
    pages.orders.filters.search.setText("something typed earlier")
    for card in ORDER_CARDS:
        button = pages.dashboard.cards[card.key]
        qtbot.waitUntil(lambda b=button: b.count_label.text() != "–")
        count = int(button.count_label.text().replace(",", ""))
        window.show_area(Area.DASHBOARD)
        button.click()
        assert window.current_area() is Area.ORDERS
        qtbot.waitUntil(lambda n=count: pages.orders.model.rowCount() == n, timeout=3000)


def test_sidebar_badges_say_what_they_count_and_survive_a_search(
    qtbot: QtBot, db: Database
) -> None:
    """Issue 20 #7: bare numbers, and gone as soon as the merchant searched the Orders list."""
    seed_shop(db)
    window, pages, _ = build(qtbot, db)
    button = window.navigation.button(Area.ORDERS)
    qtbot.waitUntil(lambda: bool(button.badge_texts()))
    before = button.badge_texts()
    counts = pages.dashboard.dashboard.counts if pages.dashboard.dashboard else None
    assert counts is not None
    assert before[0] == f"{counts.orders_in_error} in error"
    assert all(text.split(" ", 1)[1] for text in before)  # every number has its words
    assert f"{counts.orders_in_error} orders in error" in button.toolTip()
    window.show_area(Area.ORDERS)
    pages.orders.filters.search.setText("no order matches this")
    pages.orders.filters.search.returnPressed.emit()
    qtbot.waitUntil(lambda: pages.orders.model.rowCount() == 0)
    pages.dashboard.refresh()
    assert button.badge_texts() == before


def test_back_from_an_order_with_escape_or_alt_left(qtbot: QtBot, db: Database) -> None:
    """Issue 20: no way back from an order by keyboard where the focus really is."""
    seed_shop(db)
    window, pages, _ = build(qtbot, db)
    window.show()
    qtbot.waitExposed(window)
    window.show_area(Area.ORDERS)
    orders = pages.orders
    orders.table.setFocus()
    for key, modifier in (
        (Qt.Key.Key_Escape, Qt.KeyboardModifier.NoModifier),
        (Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier),
    ):
        orders.show_order(orders.model.id_at(0))
        assert orders.stack.currentWidget() is orders.detail
        focused = window.focusWidget()  # where keys go (the offscreen window is not active)
        assert focused is not None and orders.detail.isAncestorOf(focused)
        qtbot.keyClick(focused, key, modifier)
        assert orders.stack.currentWidget() is orders.list_page, key


def test_f5_is_in_the_view_menu_and_reloads_the_page_shown(qtbot: QtBot, db: Database) -> None:
    """Issue 20: F5 worked on two pages and was in no menu."""
    window, pages, _ = build(qtbot, db)
    assert window.refresh_action.shortcut().matches(QKeySequence("F5")) == (
        QKeySequence.SequenceMatch.ExactMatch
    )
    assert window.refresh_action in window.menuBar().actions()[1].menu().actions()
    window.show_area(Area.ORDERS)
    seed_shop(db)  # arrives without a change signal: only a reload shows it
    assert pages.orders.model.rowCount() == 0
    window.refresh_action.trigger()
    qtbot.waitUntil(lambda: pages.orders.model.rowCount() > 0)
