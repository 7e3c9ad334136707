"""The Orders page: bindings, chips and status counts, search, empty states, refresh keeping
the selection, toolbar state, double-click to the detail."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import QApplication, QMenu
from pytestqt.qtbot import QtBot

from channelmanager_gui.models.db import Database, open_database
from channelmanager_gui.models.order_table_queries import Attention
from channelmanager_gui.qt_async import OpRunner
from channelmanager_gui.services.changes import Change, ChangeBus
from channelmanager_gui.views.orders_empty import NO_ORDERS_HINT
from channelmanager_gui.views.orders_page import OrdersPage
from channelmanager_gui.views.tables.orders import (
    COL_COMMERCE,
    COL_CUSTOMER_ORDER,
    COL_PO,
    COL_SHIP_BY,
    COL_STATUS,
)
from channelmanager_gui.views.tables.paged import run_inline
from channelmanager_gui.views.window_state import window_settings
from tests.models.order_seed import NOW, add_order, add_store, bulk_orders, seed_shop


class Recorder:
    def __init__(self) -> None:
        self.seen: list[tuple[BaseException, str]] = []

    def __call__(self, exc: BaseException, context: str) -> None:
        self.seen.append((exc, context))


@pytest.fixture
def db() -> Iterator[Database]:
    database = open_database()
    yield database
    database.dispose()


@pytest.fixture
def shop(db: Database) -> dict[str, int]:
    return seed_shop(db)


def make_page(qtbot: QtBot, db: Database) -> OrdersPage:
    page = OrdersPage(db, ChangeBus(), OpRunner(Recorder()), runner=run_inline, clock=lambda: NOW)
    qtbot.addWidget(page)
    page.resize(1100, 700)
    return page


@pytest.fixture
def page(qtbot: QtBot, db: Database, shop: dict[str, int]) -> OrdersPage:
    page = make_page(qtbot, db)
    page.set_store(shop["store"])
    return page


def listed_pos(page: OrdersPage) -> list[str]:
    model = page.model
    return [model.index(r, COL_PO).data() for r in range(model.rowCount())]


def select(page: OrdersPage, *order_ids: int) -> None:
    selection = page.table.selectionModel()
    selection.clearSelection()
    flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
    for order_id in order_ids:
        row = page.model.row_of(order_id)
        assert row is not None
        selection.select(page.model.index(row, 0), flags)


def test_lists_the_store_newest_first_with_counts(page: OrdersPage) -> None:
    # five orders of yesterday (ties: newest id first), then 4 and 10 days old
    assert listed_pos(page) == ["1007", "1006", "1004", "1002", "1001", "1003", "1005"]
    chips = {kind: chip.text() for kind, chip in page.filters.chips.items()}
    assert chips[None] == "All orders  7"
    assert chips[Attention.ERROR] == "In error  1"
    assert chips[Attention.OVERDUE] == "Overdue  2"
    assert chips[Attention.DUE_TODAY] == "Due today  1"
    assert chips[Attention.CANCEL_REQUESTED] == "Buyer asked to cancel  1"
    statuses = [page.filters.status.itemText(i) for i in range(page.filters.status.count())]
    assert "Created in Commerce (3)" in statuses and statuses[0] == "Any status (7)"


def test_chips_and_status_filter_in_sql(page: OrdersPage) -> None:
    page.filters.set_attention(Attention.OVERDUE)
    assert sorted(listed_pos(page)) == ["1003", "1004"]
    page.filters.set_attention(None)
    status = page.filters.status
    status.setCurrentIndex(status.findData("Shipped"))
    assert listed_pos(page) == ["1005"]


def test_search_is_debounced_then_applied(qtbot: QtBot, page: OrdersPage) -> None:
    page.filters.search.setText("000000006")
    assert len(listed_pos(page)) == 7  # not yet: typing goes on
    qtbot.waitUntil(lambda: listed_pos(page) == ["1006"])


def test_sorting_by_header_click(page: OrdersPage) -> None:
    page.table.sortByColumn(COL_PO, Qt.SortOrder.AscendingOrder)
    assert listed_pos(page) == sorted(listed_pos(page))


def test_empty_states_say_what_to_do_next(qtbot: QtBot, db: Database) -> None:
    page = make_page(qtbot, db)
    page.show()
    assert page.empty.isVisible() and not page.table.isVisible()
    assert page.empty.title.text() == "No orders yet"
    assert page.empty.message.text() == NO_ORDERS_HINT
    page.set_empty_hint("No orders yet — the next sync is in 40 s.")
    assert page.empty.message.text() == "No orders yet — the next sync is in 40 s."
    store = seed_shop(db)["store"]
    page.set_store(store)
    assert page.table.isVisible()
    page.filters.search.setText("no such order")
    page.filters.search.returnPressed.emit()
    assert page.empty.title.text() == "No orders match these filters"
    assert page.empty.show_all_button.isVisible()
    page.empty.show_all_button.click()
    assert page.model.rowCount() == 7 and page.filters.search.text() == ""


def test_refresh_on_order_changes_keeps_selection(
    qtbot: QtBot, db: Database, shop: dict[str, int], page: OrdersPage
) -> None:
    page.show()
    select(page, shop["late"], shop["asked"])
    assert page.selected_ids() == [shop["asked"], shop["late"]]
    add_order(db, shop["store"], "1008", order_date=NOW)  # newest: lands on top
    page.on_changes(frozenset({Change.LISTINGS}))
    assert page.model.rowCount() == 7  # not an order change: nothing happens
    with qtbot.waitSignal(page.counts_changed):
        page.on_changes(frozenset({Change.ORDERS}))
    assert page.model.rowCount() == 8
    assert sorted(page.selected_ids()) == sorted([shop["late"], shop["asked"]])


def test_toolbar_follows_the_selection(page: OrdersPage, shop: dict[str, int]) -> None:
    assert not page.ship_action.isEnabled()
    select(page, shop["due"])
    assert page.ship_action.isEnabled() and page.cancel_action.isEnabled()
    assert not page.retry_action.isEnabled()
    select(page, shop["shipped"])
    ship_button = page.buttons[page.ship_action]
    assert not ship_button.isEnabled()
    assert ship_button.toolTip() == "Everything on this order has been shipped."
    assert page.cancel_action.toolTip() == "Everything on this order has been shipped."
    select(page, shop["new"])
    assert "not in Commerce yet" in page.ship_action.toolTip()
    select(page, shop["error"], shop["due"])
    assert page.retry_action.isEnabled() and not page.ship_action.isEnabled()
    assert page.selection_label.text() == "2 selected"


def test_copy_puts_both_order_numbers_on_the_clipboard(
    page: OrdersPage, shop: dict[str, int]
) -> None:
    select(page, shop["late"])
    page.copy_action.trigger()
    assert QApplication.clipboard().text() == "1003\t000000003\tC1003"


def test_double_click_opens_the_detail_and_back_returns(
    qtbot: QtBot, page: OrdersPage, shop: dict[str, int]
) -> None:
    page.show()
    qtbot.waitExposed(page)
    row = page.model.row_of(shop["late"])
    assert row is not None
    rect = page.table.visualRect(page.model.index(row, COL_PO))
    # a real double-click starts with a press: the view opens only the pressed row
    qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert page.stack.currentWidget() is page.detail
    assert page.detail.order_id() == shop["late"]
    assert "1003" in page.detail.title.text()
    page.detail.back_button.click()
    assert page.stack.currentWidget() is page.list_page


def test_date_presets_filter_by_order_date(page: OrdersPage, shop: dict[str, int]) -> None:
    page.filters.dates.setCurrentIndex(2)  # last 7 days: the 10-day-old order goes
    assert "1005" not in listed_pos(page) and "1003" in listed_pos(page)
    page.filters.dates.setCurrentIndex(5)  # custom range
    page.filters.date_from.setDate(page.filters.date_from.date().addDays(-30))
    assert "1005" in listed_pos(page)
    page.filters.date_to.setDate(page.filters.date_to.date().addDays(-5))
    assert listed_pos(page) == ["1005"]
    date_from, date_to = page.filters.date_range()
    assert date_from is not None and date_to is not None
    assert date_from <= (NOW - timedelta(days=10)).date() <= date_to


def test_refresh_keeps_the_scroll_position(qtbot: QtBot, db: Database) -> None:
    store = add_store(db)
    bulk_orders(db, store, 1000)
    page = make_page(qtbot, db)
    page.set_store(store)
    page.show()
    qtbot.waitExposed(page)
    bar = page.table.verticalScrollBar()
    bar.setValue(bar.maximum() // 2)
    before = bar.value()
    assert before > 0
    add_order(db, store, "999", order_date=NOW - timedelta(days=365))  # lands at the bottom
    with qtbot.waitSignal(page.counts_changed):
        page.on_changes(frozenset({Change.ORDERS}))
    assert page.model.rowCount() == 1001
    assert bar.value() == before


def test_column_widths_and_sort_survive_a_restart(
    qtbot: QtBot, db: Database, shop: dict[str, int], tmp_path: Path
) -> None:
    settings = window_settings(tmp_path / "window.ini")
    first = make_page(qtbot, db)
    first.table.horizontalHeader().resizeSection(COL_PO, 211)
    first.table.sortByColumn(COL_PO, Qt.SortOrder.AscendingOrder)
    first.save_state(settings)
    second = make_page(qtbot, db)
    second.set_store(shop["store"])
    second.restore_state(settings)
    assert second.table.horizontalHeader().sectionSize(COL_PO) == 211
    assert listed_pos(second) == sorted(listed_pos(second))


def test_status_is_in_view_next_to_the_order_numbers_and_can_be_moved_back(
    qtbot: QtBot, db: Database, shop: dict[str, int], tmp_path: Path
) -> None:
    """At the default width the last columns are off screen; the status must not be."""
    page = make_page(qtbot, db)
    page.resize(960, 700)  # the page's width in the window's default size
    page.set_store(shop["store"])
    page.show()
    qtbot.waitExposed(page)
    header = page.table.horizontalHeader()
    assert header.visualIndex(COL_STATUS) == header.visualIndex(COL_COMMERCE) + 1
    for column in (COL_STATUS, COL_SHIP_BY):
        right_edge = header.sectionViewportPosition(column) + header.sectionSize(column)
        assert right_edge <= page.table.viewport().width()
    assert header.visualIndex(COL_CUSTOMER_ORDER) == header.count() - 1
    header.moveSection(header.visualIndex(COL_STATUS), header.count() - 1)  # the merchant's way
    settings = window_settings(tmp_path / "window.ini")
    page.save_state(settings)
    again = make_page(qtbot, db)
    again.restore_state(settings)
    assert again.table.horizontalHeader().visualIndex(COL_STATUS) == header.count() - 1


def test_right_click_selects_the_row_and_offers_the_actions(
    qtbot: QtBot, page: OrdersPage, shop: dict[str, int]
) -> None:
    page.show()
    qtbot.waitExposed(page)
    row = page.model.row_of(shop["due"])
    assert row is not None
    pos = page.table.visualRect(page.model.index(row, COL_PO)).center()
    page.table.customContextMenuRequested.emit(pos)
    menu = page.findChild(QMenu)
    assert menu is not None
    texts = [a.text() for a in menu.actions() if not a.isSeparator()]
    assert texts == [
        "Open", "Ship…", "Cancel order…", "Retry", "Copy order numbers", "Packing slip…",
        "Ship several…",
        "Open in Seller Center", "Open in Commerce admin",
    ]  # fmt: skip
    seller_center = next(a for a in menu.actions() if a.text() == "Open in Seller Center")
    assert "seller.walmart.com" in seller_center.toolTip() and seller_center.isEnabled()
    assert page.slip_action.isEnabled()
    assert page.selected_ids() == [shop["due"]]
    assert page.ship_action.isEnabled() and not page.retry_action.isEnabled()
    menu.close()


def test_keyboard_enter_opens_and_escape_goes_back(
    qtbot: QtBot, page: OrdersPage, shop: dict[str, int]
) -> None:
    page.show()
    qtbot.waitExposed(page)
    select(page, shop["late"])
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    assert page.stack.currentWidget() is page.detail
    assert page.detail.order_id() == shop["late"]
    focused = page.focusWidget()  # no setFocus here: the page put it inside the order
    assert focused is not None
    qtbot.keyClick(focused, Qt.Key.Key_Escape)
    assert page.stack.currentWidget() is page.list_page


def test_new_orders_do_not_move_the_selected_row(qtbot: QtBot, db: Database) -> None:
    """Issue 20 #6: orders arriving on top pushed the selected row down under the pointer."""
    store = add_store(db)
    bulk_orders(db, store, 300)
    page = make_page(qtbot, db)
    page.set_store(store)
    page.show()
    qtbot.waitExposed(page)
    table = page.table
    table.verticalScrollBar().setValue(table.verticalScrollBar().maximum() // 2)
    row = table.rowAt(table.viewport().height() // 2)
    order_id = page.model.id_at(row)
    select(page, order_id)
    page.table.selectionModel().setCurrentIndex(
        page.model.index(row, 0), QItemSelectionModel.SelectionFlag.NoUpdate
    )
    where = table.rowViewportPosition(row)
    for po in ("2001", "2002", "2003"):
        add_order(db, store, po, order_date=NOW)  # newest: land on top, above the selection
    with qtbot.waitSignal(page.counts_changed):
        page.on_changes(frozenset({Change.ORDERS}))
    moved = page.model.row_of(order_id)
    assert moved == row + 3
    assert table.rowViewportPosition(moved) == where
    assert table.rowAt(table.viewport().height() // 2) == moved
