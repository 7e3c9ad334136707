"""The Matching page: tabs per match group with counts, candidates side by side, picking one,
and what incomplete or unmatched listings miss."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from pytestqt.qtbot import QtBot

from channelmanager_gui.models.db import Database, open_database
from channelmanager_gui.models.listing import FeedState, Listing, ListingState, MatchStatus
from channelmanager_gui.models.listing_table_queries import MatchGroup
from channelmanager_gui.qt_async import OpRunner
from channelmanager_gui.services.changes import Change, ChangeBus
from channelmanager_gui.services.engine.feeds import queue_feed
from channelmanager_gui.views.matching_page import MatchingPage
from channelmanager_gui.views.tables.paged import run_inline
from tests.models.listing_seed import add_listing, add_store, seed_listings

CANDIDATES = [
    {"item_id": "111", "title": "Blue mug 12 oz", "brand": "Acme", "price": 9.99},
    {"item_id": "222", "title": "Blue mug 16 oz", "brand": "Acme", "price": 11.49},
    {"item_id": "333", "title": "Mug, blue", "brand": "Generic", "price": None},
]


@pytest.fixture
def db() -> Iterator[Database]:
    database = open_database()
    yield database
    database.dispose()


@pytest.fixture
def choosing(db: Database) -> int:
    store_id = add_store(db)
    seed_listings(db, store_id, 14)  # two of each state
    return add_listing(
        db, store_id, 100, state=ListingState.PENDING_MATCH,
        match_status=MatchStatus.CANDIDATES, match_candidates=CANDIDATES,
    )  # fmt: skip


@pytest.fixture
def page(qtbot: QtBot, db: Database, choosing: int) -> MatchingPage:
    ops = OpRunner(lambda exc, label: pytest.fail(f"{label}: {exc!r}"))
    widget = MatchingPage(db, ChangeBus(), ops, runner=run_inline, action_runner=run_inline)
    qtbot.addWidget(widget)
    widget.resize(1100, 700)
    return widget


def _select(page: MatchingPage, row: int) -> None:
    page.table.selectionModel().setCurrentIndex(
        page.model.index(row, 0),
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
    )


def test_tabs_count_each_group(page: MatchingPage) -> None:
    texts = [page.tabs.tabText(i) for i in range(page.tabs.count())]
    assert texts == [
        "Pick a Walmart item  1",
        "Not sent yet  0",
        "Waiting for Walmart  2",
        "Not found  2",
        "Incomplete  2",
        "Matched  8",  # active, ready, ineligible and ended: two each
    ]
    assert page.model.rowCount() == 1


def test_candidates_side_by_side_and_pick_one(
    qtbot: QtBot, db: Database, page: MatchingPage, choosing: int
) -> None:
    _select(page, 0)
    assert "3 catalog items" in page.panel.message.text()
    assert set(page.panel.pick_buttons) == {"111", "222", "333"}
    with qtbot.waitSignal(page.model.modelReset):
        page.panel.pick_buttons["222"].click()
    with db.session() as session:
        listing = session.get_one(Listing, choosing)
        assert listing.match_status == MatchStatus.PENDING
        assert listing.marketplace_item_id == "222"
    assert "222 chosen" in page.notice.text()
    assert page.model.rowCount() == 0
    page.show_group(MatchGroup.PENDING)
    assert page.model.rowCount() == 3


def test_incomplete_and_not_found_say_what_is_missing(page: MatchingPage) -> None:
    page.show_group(MatchGroup.INCOMPLETE)
    _select(page, 0)
    assert "Missing: UPC 012345678906 has a wrong check digit" in page.panel.message.text()
    assert page.panel.pick_buttons == {}
    page.show_group(MatchGroup.NOT_FOUND)
    _select(page, 0)
    assert "Seller Center" in page.panel.message.text()


def test_match_again_sends_unmatched_listings(db: Database, page: MatchingPage) -> None:
    page.show_group(MatchGroup.NOT_FOUND)
    page.table.selectAll()
    page.match_button.click()
    assert "2 listings sent for matching" in page.notice.text()
    assert page.model.rowCount() == 0
    assert page.tabs.tabText(2) == "Waiting for Walmart  4"


def test_refreshes_on_listing_changes(qtbot: QtBot, db: Database, page: MatchingPage) -> None:
    store_id = add_store(db, "Second")
    add_listing(db, store_id, 200, state=ListingState.PENDING_MATCH,
                match_status=MatchStatus.CANDIDATES, match_candidates=CANDIDATES)  # fmt: skip
    page.show()
    with qtbot.waitSignal(page.counts_changed) as counted:
        page.on_changes(frozenset({Change.LISTINGS}))
    assert counted.args[0][MatchGroup.CHOOSE] == 2


def test_match_follows_the_visible_selection(qtbot: QtBot, page: MatchingPage) -> None:
    """Issue 20 #10: a selection a search hid kept "Match again" enabled."""
    page.show_group(MatchGroup.NOT_FOUND)
    page.table.selectAll()
    assert page.match_button.isEnabled()
    page.search.setText("no listing has this text")
    page.search.returnPressed.emit()
    qtbot.waitUntil(lambda: page.model.rowCount() == 0)
    assert not page.match_button.isEnabled()


def _pick(qtbot: QtBot, page: MatchingPage, item_id: str) -> None:
    _select(page, 0)
    with qtbot.waitSignal(page.model.modelReset):
        page.panel.pick_buttons[item_id].click()
    assert page.model.rowCount() == 0
    assert page.undo_button.isVisible()


def test_undo_a_pick_with_the_button(
    qtbot: QtBot, db: Database, page: MatchingPage, choosing: int
) -> None:
    page.show()
    _pick(qtbot, page, "222")
    with qtbot.waitSignal(page.model.modelReset):
        page.undo_button.click()
    assert page.model.rowCount() == 1  # back among the listings to pick for
    assert page.selected_ids() == [choosing]  # its candidates side by side again
    assert set(page.panel.pick_buttons) == {"111", "222", "333"}
    assert page.panel.pick_buttons["222"].isEnabled()
    assert "Pick of Walmart item 222 undone" in page.notice.text()
    assert not page.undo_button.isVisible()
    with db.session() as session:
        listing = session.get_one(Listing, choosing)
        assert (
            listing.match_status == MatchStatus.CANDIDATES and listing.marketplace_item_id is None
        )


def test_undo_a_pick_with_ctrl_z(qtbot: QtBot, page: MatchingPage) -> None:
    page.show()
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)
    _pick(qtbot, page, "111")
    page.table.setFocus()
    with qtbot.waitSignal(page.model.modelReset):
        qtbot.keyClick(page.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert page.model.rowCount() == 1


def test_undo_after_the_pick_was_sent_says_so(
    qtbot: QtBot, db: Database, page: MatchingPage, choosing: int
) -> None:
    page.show()
    _pick(qtbot, page, "222")
    with db.session() as session:  # the next pass sent it in a setup-by-match feed
        store_id = session.get_one(Listing, choosing).store_id
        feed = queue_feed(session, store_id, "MP_ITEM_MATCH", [{"listing_id": choosing}])
        feed.status, feed.feed_id = FeedState.SUBMITTED, "F-1"
    page.undo_button.click()
    assert "already sent to Walmart" in page.notice.text()
    assert not page.undo_button.isVisible()
    assert page.model.rowCount() == 0
