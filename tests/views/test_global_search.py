"""The top bar's search: Enter opens one hit, lists several, says when there are none."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Callable, Iterator
from typing import Any

import pytest
import qasync
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QMenu, QWidget
from pytestqt.qtbot import QtBot

from channelmanager_gui.models import global_search as search_module
from channelmanager_gui.models.db import Database, open_database
from channelmanager_gui.models.global_search import SearchResult
from channelmanager_gui.models.listing_table_queries import ALL
from channelmanager_gui.qt_async import OpRunner
from channelmanager_gui.services.changes import ChangeBus
from channelmanager_gui.services.sync_status import SyncStatusBoard
from channelmanager_gui.views import global_search as view_module
from channelmanager_gui.views.change_bridge import ChangeBridge
from channelmanager_gui.views.global_search import GlobalSearch
from channelmanager_gui.views.main_window import MainWindow
from channelmanager_gui.views.navigation import Area
from channelmanager_gui.views.page_wiring import PageDeps, Pages, mount_pages
from channelmanager_gui.views.tables.paged import Runner, run_inline
from channelmanager_gui.views.window_state import window_settings
from tests.models.listing_seed import seed_listings
from tests.models.order_seed import seed_shop


@pytest.fixture
def db() -> Iterator[Database]:
    database = open_database()
    yield database
    database.dispose()


@pytest.fixture
def shop(db: Database) -> dict[str, int]:
    ids = seed_shop(db)
    seed_listings(db, ids["store"], 30)
    return ids


def build(
    qtbot: QtBot, db: Database, runner: Runner[Any] | None = run_inline
) -> tuple[MainWindow, Pages]:
    board = SyncStatusBoard()
    window = MainWindow(board, window_settings())
    qtbot.addWidget(window)
    changes = ChangeBus()
    ops = OpRunner(lambda exc, label: pytest.fail(f"{label}: {exc!r}"), parent=window)
    pages = mount_pages(
        PageDeps(
            window=window,
            db=db,
            changes=changes,
            change_bridge=ChangeBridge(changes, parent=window),
            ops=ops,
            board=board,
            secrets=None,
            sync_now=lambda: None,
            set_paused=lambda paused: None,
            runner=runner,
        )
    )
    window.show()
    return window, pages


def enter(qtbot: QtBot, window: MainWindow, text: str) -> None:
    box = window.top_bar.search
    box.setText(text)
    qtbot.keyClick(box, Qt.Key.Key_Return)


def test_the_search_box_is_enabled_once_mounted(qtbot: QtBot, db: Database) -> None:
    window, _ = build(qtbot, db)
    assert window.top_bar.search.isEnabled()


def test_a_purchase_order_opens_the_order_detail(
    qtbot: QtBot, db: Database, shop: dict[str, int]
) -> None:
    window, pages = build(qtbot, db)
    enter(qtbot, window, "1Z999AA10123456784")  # a tracking number
    assert window.current_area() is Area.ORDERS
    assert pages.orders.stack.currentWidget() is pages.orders.detail
    assert pages.orders.detail.order_id() == shop["shipped"]


def test_a_sku_opens_the_listings_page_filtered_to_it(
    qtbot: QtBot, db: Database, shop: dict[str, int]
) -> None:
    window, pages = build(qtbot, db)
    pages.listings.show_tab("active")
    enter(qtbot, window, "sku-000012")
    listings = pages.listings
    assert window.current_area() is Area.LISTINGS
    assert listings.current_tab() == ALL
    assert listings.search.text() == "SKU-000012"
    assert listings.model.current_filter().search == "SKU-000012"
    [selected] = listings.selected_ids()
    assert listings.model.row_at(listings.model.row_of(selected)).sku == "SKU-000012"  # type: ignore[arg-type,union-attr]


def test_several_hits_drop_a_list_to_pick_from(
    qtbot: QtBot, db: Database, shop: dict[str, int]
) -> None:
    window, pages = build(qtbot, db)
    enter(qtbot, window, "100")
    menu = pages.search.popup
    assert isinstance(menu, QMenu) and menu.isVisible()
    titles = [action.text() for action in menu.actions()]
    assert len(titles) == 7
    assert titles[0].startswith("Order 1007")
    assert menu.actions()[0].toolTip() == "Found by Walmart purchase order"
    chosen = next(a for a in menu.actions() if a.text().startswith("Order 1002"))
    chosen.trigger()
    assert window.current_area() is Area.ORDERS
    assert pages.orders.detail.order_id() == shop["due"]


def lone_box(qtbot: QtBot) -> QLineEdit:
    window = MainWindow(SyncStatusBoard(), window_settings())
    qtbot.addWidget(window)
    window.show()
    return window.top_bar.search


def test_more_hits_than_the_limit_say_so_in_the_list(
    qtbot: QtBot, db: Database, shop: dict[str, int]
) -> None:
    search = GlobalSearch(db, lone_box(qtbot), run_inline, limit=5)
    search.search("SKU-0000")
    menu = search.popup
    assert menu is not None
    assert len([a for a in menu.actions() if a.isEnabled() and not a.isSeparator()]) == 5
    last = menu.actions()[-1]
    assert not last.isEnabled()
    assert last.text() == view_module.MORE.format(limit=5)


def test_nothing_found_is_said_in_the_status_bar(
    qtbot: QtBot, db: Database, shop: dict[str, int]
) -> None:
    window, pages = build(qtbot, db)
    window.show_area(Area.DASHBOARD)
    enter(qtbot, window, "no-such-order")
    assert window.status.currentMessage().startswith("Nothing found for “no-such-order”")
    assert window.current_area() is Area.DASHBOARD
    assert pages.search.popup is None


def test_the_search_follows_the_store_chosen_for_the_pages(
    qtbot: QtBot, db: Database, shop: dict[str, int]
) -> None:
    window, _ = build(qtbot, db)
    window.top_bar.store_changed.emit(shop["store"])
    enter(qtbot, window, "2001")  # an order of the other store
    assert window.status.currentMessage().startswith("Nothing found")
    window.top_bar.store_changed.emit(-1)
    enter(qtbot, window, "2001")
    assert window.current_area() is Area.ORDERS


def test_an_answer_to_an_older_search_is_dropped(
    qtbot: QtBot, db: Database, shop: dict[str, int]
) -> None:
    pending: list[tuple[Callable[[], SearchResult], Callable[[SearchResult], None]]] = []
    search = GlobalSearch(
        db, lone_box(qtbot), lambda work, deliver: pending.append((work, deliver))
    )
    opened: list[int] = []
    search.order_chosen.connect(opened.append)
    search.search("1003")
    search.search("1004")
    for work, deliver in pending:  # the older answer arrives last
        deliver(work())
    assert opened == [shop["error"]]


def test_by_default_the_query_runs_in_a_worker_thread(
    qtbot: QtBot,
    db: Database,
    shop: dict[str, int],
    qasync_loop: qasync.QEventLoop,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    threads: list[int] = []
    real = search_module.search

    def spy(*args: Any, **kwargs: Any) -> SearchResult:
        threads.append(threading.get_ident())
        return real(*args, **kwargs)

    monkeypatch.setattr(search_module, "search", spy)
    window, pages = build(qtbot, db, runner=None)
    enter(qtbot, window, "1003")
    assert pages.orders.detail.order_id() is None  # not answered inline on the UI thread

    async def opened() -> None:
        while pages.orders.detail.order_id() is None:
            await asyncio.sleep(0.01)

    qasync_loop.run_until_complete(asyncio.wait_for(opened(), 10))
    assert pages.orders.detail.order_id() == shop["late"]
    assert threads and threading.get_ident() not in threads


def focus_after_find(qtbot: QtBot, window: MainWindow) -> QWidget | None:
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    return QApplication.focusWidget()


def test_find_goes_to_the_page_search_then_to_the_global_search(qtbot: QtBot, db: Database) -> None:
    window, pages = build(qtbot, db)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.show_area(Area.ORDERS)
    assert focus_after_find(qtbot, window) is pages.orders.filters.search
    assert focus_after_find(qtbot, window) is window.top_bar.search
    assert focus_after_find(qtbot, window) is pages.orders.filters.search
    window.show_area(Area.LISTINGS)
    assert focus_after_find(qtbot, window) is pages.listings.search


def test_find_on_a_page_without_a_search_goes_to_the_global_search(
    qtbot: QtBot, db: Database
) -> None:
    window, _ = build(qtbot, db)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.show_area(Area.DASHBOARD)
    window.top_bar.search.setText("1002")
    assert focus_after_find(qtbot, window) is window.top_bar.search
    assert window.top_bar.search.selectedText() == "1002"
