"""The Listings page and model: rows per tab with counts, search, sort, bulk actions, refresh."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Iterator

import pytest
import qasync
from PySide6.QtCore import QItemSelectionModel, QSettings, Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot
from sqlalchemy import select, update

from channelmanager_gui.models.db import Database, open_database
from channelmanager_gui.models.listing import Listing, ListingState, MatchStatus
from channelmanager_gui.models.listing_table_queries import (
    ALL,
    IN_ERROR,
    ListingFilter,
    ListingSortColumn,
)
from channelmanager_gui.models.outbox import Activity
from channelmanager_gui.qt_async import OpRunner
from channelmanager_gui.services.changes import Change, ChangeBus
from channelmanager_gui.views.listings_page import ListingsPage
from channelmanager_gui.views.tables import listings as listings_model
from channelmanager_gui.views.tables.listings import (
    COL_PRICE,
    COL_PROBLEM,
    COL_SKU,
    COL_STATE,
    STATE_ROLE,
    ListingsTableModel,
)
from channelmanager_gui.views.tables.paged import RIGHT, run_inline
from tests.models.listing_seed import add_store, bulk_listings, seed_listings

INLINE = {"runner": run_inline, "action_runner": run_inline}


def _ops() -> OpRunner:
    return OpRunner(lambda exc, label: pytest.fail(f"{label}: {exc!r}"))


@pytest.fixture
def db() -> Iterator[Database]:
    database = open_database()
    yield database
    database.dispose()


@pytest.fixture
def store_id(db: Database) -> int:
    store = add_store(db)
    seed_listings(db, store, 70)  # ten of each state
    return store


@pytest.fixture
def page(qtbot: QtBot, db: Database, store_id: int) -> ListingsPage:
    widget = ListingsPage(db, ChangeBus(), _ops(), **INLINE, confirm=lambda *_: True)
    qtbot.addWidget(widget)
    widget.resize(1200, 600)
    return widget


def _select_rows(page: ListingsPage, rows: list[int]) -> None:
    selection = page.table.selectionModel()
    selection.clearSelection()
    for row in rows:
        selection.select(
            page.model.index(row, 0),
            QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows,
        )


def _listing(db: Database, listing_id: int) -> Listing:
    with db.session() as session:
        return session.get_one(Listing, listing_id)


def test_model_passes_qtmodeltester(
    qtmodeltester: ModelTester, db: Database, store_id: int
) -> None:
    model = ListingsTableModel(db, page_size=16)
    model.refresh()
    qtmodeltester.check(model, force_py=True)
    model.sort(COL_PRICE, Qt.SortOrder.DescendingOrder)
    qtmodeltester.check(model, force_py=True)


def test_model_loads_only_the_pages_it_shows(db: Database, store_id: int) -> None:
    seed_listings(db, store_id, 2000, start=100)
    model = ListingsTableModel(db, page_size=200, max_pages=3)
    model.refresh()
    assert model.rowCount() == 2070
    assert model.loaded_row_count() == 0
    assert model.index(1500, COL_SKU).data()
    assert model.loaded_row_count() == 200
    for row in range(0, 2000, 200):
        model.index(row, 0).data()
    assert model.loaded_row_count() == 600  # bounded cache


def test_cells_are_aligned_monospaced_and_say_the_problem(db: Database, store_id: int) -> None:
    model = ListingsTableModel(db)
    model.set_filter(ListingFilter(store_id, ListingState.INCOMPLETE))
    index = model.index(0, COL_PRICE)
    assert index.data(Qt.ItemDataRole.TextAlignmentRole) == RIGHT
    assert index.data().startswith("$")
    assert model.index(0, COL_SKU).data(Qt.ItemDataRole.FontRole).fixedPitch()
    assert model.index(0, COL_STATE).data(STATE_ROLE) == ListingState.INCOMPLETE
    assert "check digit" in model.index(0, COL_PROBLEM).data()


def test_deleted_row_shows_disabled_instead_of_raising(db: Database, store_id: int) -> None:
    model = ListingsTableModel(db)
    model.refresh()
    first = model.id_at(0)
    with db.session() as session:
        session.delete(session.get_one(Listing, first))
    assert model.index(0, COL_SKU).data() == "This listing could not be loaded"
    assert model.flags(model.index(0, 0)) == Qt.ItemFlag.NoItemFlags
    assert model.flags(model.index(1, 0)) & Qt.ItemFlag.ItemIsSelectable


def test_tabs_show_counts_and_the_rows_of_their_state(page: ListingsPage) -> None:
    assert page.tabs.tabText(0) == "All  70"
    assert page.tabs.tabText(1) == "Active  10"
    page.show_tab(ListingState.UNMATCHED)
    assert page.model.rowCount() == 10
    states = {page.model.index(r, COL_STATE).data(STATE_ROLE) for r in range(10)}
    assert states == {ListingState.UNMATCHED}
    page.show_tab(IN_ERROR)
    assert page.model.rowCount() == 0
    assert "No listings are in error" in page.empty_label.text()


def test_the_page_opens_with_one_query_and_a_tab_change_counts_nothing(
    qtbot: QtBot, db: Database, store_id: int
) -> None:
    """Each id query with its counts reads 100,000 rows on a big shop: one at opening, and
    none of the counting again for another tab (the counts cover every tab)."""
    queries: list[bool] = []

    def runner(work: object, deliver: object) -> None:
        queries.append(True)
        run_inline(work, deliver)  # type: ignore[arg-type]

    page = ListingsPage(db, ChangeBus(), _ops(), runner=runner, action_runner=run_inline)
    qtbot.addWidget(page)
    assert len(queries) == 1 and page.tabs.tabText(0) == "All  70"
    counted: list[object] = []
    page.counts_changed.connect(counted.append)
    page.show_tab(ListingState.ACTIVE)
    page.table.sortByColumn(COL_PRICE, Qt.SortOrder.DescendingOrder)
    assert len(queries) == 3 and counted == []
    page.model.refresh()
    assert len(counted) == 1


def test_search_filters_rows_and_counts(qtbot: QtBot, page: ListingsPage) -> None:
    with qtbot.waitSignal(page.counts_changed):
        page.search.setText("product 00001")
    assert page.model.rowCount() == 10
    assert page.tabs.tabText(0) == "All  10"
    with qtbot.waitSignal(page.counts_changed):
        page.search.setText("nothing like this")
    assert page.model.rowCount() == 0
    assert "No listings match" in page.empty_label.text()


def test_header_click_sorts_in_sql(page: ListingsPage) -> None:
    page.table.sortByColumn(COL_PRICE, Qt.SortOrder.DescendingOrder)
    prices = [float(page.model.index(r, COL_PRICE).data()[1:]) for r in range(70)]
    assert prices == sorted(prices, reverse=True)


def test_match_resend_and_remove_call_the_services(db: Database, page: ListingsPage) -> None:
    page.show_tab(ListingState.UNMATCHED)
    unmatched = page.model.ids()[:3]
    _select_rows(page, [0, 1, 2])
    assert page.selection_label.text() == "3 selected"
    page.match_selected()
    assert {_listing(db, i).match_status for i in unmatched} == {MatchStatus.PENDING}
    assert "3 listings sent for matching" in page.notice.text()

    page.show_tab(ListingState.ACTIVE)
    active = page.model.ids()[:2]
    _select_rows(page, [0, 1])
    page.resend_selected()
    assert all(_listing(db, i).last_qty_sent is None for i in active)
    with db.session() as session:
        events = session.scalars(select(Activity.event).where(Activity.subject_id.in_(active)))
        assert list(events) == ["resend", "resend"]

    _select_rows(page, [0])
    page.remove_selected()
    with db.session() as session:
        assert session.get(Listing, active[0]) is None
    assert page.tabs.tabText(1) == "Active  9"


def test_incomplete_listings_are_skipped_with_the_reason(page: ListingsPage) -> None:
    page.show_tab(ListingState.INCOMPLETE)
    _select_rows(page, [0])
    page.match_selected()
    assert "1 skipped" in page.notice.text()
    assert "incomplete" in page.notice.text()


def test_refresh_on_change_keeps_selection_and_scroll(
    qtbot: QtBot, db: Database, store_id: int, page: ListingsPage
) -> None:
    page.show()
    page.show_tab(ALL)
    _select_rows(page, [40, 41])
    page.table.verticalScrollBar().setValue(20)
    chosen = page.selected_ids()
    with db.session() as session:  # a sync pass changes a listing above the selection
        session.execute(update(Listing).where(Listing.sku == "SKU-000000").values(price=1.0))
    with qtbot.waitSignal(page.model.modelReset):
        page.on_changes(frozenset({Change.LISTINGS}))
    assert page.selected_ids() == chosen
    assert page.table.verticalScrollBar().value() == 20
    with qtbot.assertNotEmitted(page.model.modelReset, wait=600):
        page.on_changes(frozenset({Change.ORDERS}))


def test_by_default_the_id_query_runs_in_a_worker_thread(
    qtbot: QtBot,
    db: Database,
    store_id: int,
    qasync_loop: qasync.QEventLoop,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    threads: list[int] = []
    real = listings_model.load_ids

    def spy(*args: object, **kwargs: object) -> object:
        threads.append(threading.get_ident())
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(listings_model, "load_ids", spy)
    page = ListingsPage(db, ChangeBus(), _ops())
    qtbot.addWidget(page)
    assert page.model.rowCount() == 0  # not answered inline on the UI thread

    async def loaded() -> None:
        while page.model.rowCount() == 0:
            await asyncio.sleep(0.01)

    qasync_loop.run_until_complete(asyncio.wait_for(loaded(), 10))
    assert page.model.rowCount() == 70
    assert threads and threading.get_ident() not in threads


def test_100k_listings_open_with_one_id_query_and_load_only_visible_pages(
    qtbot: QtBot, db: Database, store_id: int
) -> None:
    bulk_listings(db, store_id, 100_000)
    page = ListingsPage(db, ChangeBus(), _ops(), **INLINE)
    qtbot.addWidget(page)
    page.resize(1200, 600)
    page.show()
    assert page.model.rowCount() == 100_070
    assert page.model.loaded_row_count() <= 200  # the first screenful's page only
    page.table.scrollToBottom()
    qtbot.waitUntil(lambda: page.model.loaded_row_count() > 0)
    assert page.model.index(100_069, COL_SKU).data().startswith("SKU-")  # sorted by SKU
    assert page.model.loaded_row_count() <= 400
    page.show_tab(ListingState.ENDED)
    assert page.model.rowCount() == 14_285 + 10  # every seventh bulk row, and ten seeded
    assert page.tabs.tabText(0) == "All  100,070"


def test_column_widths_and_sort_survive_a_restart(
    qtbot: QtBot, db: Database, store_id: int, settings: QSettings
) -> None:
    first = ListingsPage(db, ChangeBus(), _ops(), **INLINE)
    qtbot.addWidget(first)
    first.table.horizontalHeader().resizeSection(COL_SKU, 210)
    first.table.sortByColumn(COL_PRICE, Qt.SortOrder.DescendingOrder)
    first.save_state(settings)
    second = ListingsPage(db, ChangeBus(), _ops(), **INLINE)
    qtbot.addWidget(second)
    second.restore_state(settings)
    assert second.table.horizontalHeader().sectionSize(COL_SKU) == 210
    assert second.model.current_sort().column == ListingSortColumn.PRICE
    assert second.model.current_sort().descending


def test_focus_search_puts_the_cursor_in_the_page_search(qtbot: QtBot, page: ListingsPage) -> None:
    page.show()
    page.search.setText("mug")
    page.focus_search()
    qtbot.waitUntil(page.search.hasFocus)
    assert page.search.selectedText() == "mug"


def test_actions_follow_the_visible_selection(qtbot: QtBot, page: ListingsPage) -> None:
    """Issue 20 #10: a selection the search hid kept Remove enabled, and Remove did nothing."""
    _select_rows(page, [0, 1])
    assert page.remove_action.isEnabled()
    page.search.setText("no listing has this text")
    qtbot.waitUntil(lambda: page.model.rowCount() == 0)
    assert page.selected_ids() == []
    for action in (page.match_action, page.resend_action, page.remove_action):
        assert not action.isEnabled(), action.text()
    assert all(not button.isEnabled() for button in page.action_buttons)
    assert page.selection_label.text() == ""
    page.remove_selected()  # e.g. the Del key reached it anyway: it says why nothing happened
    assert "Select" in page.notice.text()


def test_ineligible_listings_say_why(page: ListingsPage) -> None:
    """Issue 20 #5: an ineligible listing showed no reason (disabled, or out of stock)."""
    page.show_tab(ListingState.INELIGIBLE)
    assert page.model.rowCount() > 0
    problems = {page.model.index(r, COL_PROBLEM).data() for r in range(page.model.rowCount())}
    assert problems and all(text and "in Commerce" in text for text in problems), problems
