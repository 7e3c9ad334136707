"""Pages nobody sees run no queries on the sync's change notices (issue 19, an idle day: at
10,000 listings the hidden pages' refreshes were most of the window's idle CPU); a page made
stale while hidden refreshes once when it shows, and the badge pages keep counting while
their window shows."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import event

from channelmanager_gui.models.db import Database, open_database
from channelmanager_gui.qt_async import OpRunner
from channelmanager_gui.services.changes import Change, ChangeBus
from channelmanager_gui.views.listings_page import ListingsPage
from channelmanager_gui.views.matching_page import MatchingPage
from channelmanager_gui.views.tables.paged import run_inline
from tests.models.listing_seed import add_store, seed_listings

INLINE = {"runner": run_inline, "action_runner": run_inline}
LISTINGS = frozenset({Change.LISTINGS})


@pytest.fixture
def db() -> Iterator[Database]:
    database = open_database()
    seed_listings(database, add_store(database), 20)
    yield database
    database.dispose()


def _ops() -> OpRunner:
    return OpRunner(lambda exc, label: pytest.fail(f"{label}: {exc!r}"))


class Statements:
    """Counts the SQL statements run on ``db`` (SQLAlchemy's ``before_cursor_execute``)."""

    def __init__(self, db: Database) -> None:
        self.count = 0
        event.listen(db.engine, "before_cursor_execute", self._on_execute)

    def _on_execute(self, *_: object) -> None:
        self.count += 1


def test_a_hidden_page_runs_no_query_on_change_notices_and_refreshes_when_shown(
    qtbot: QtBot, db: Database
) -> None:
    page = ListingsPage(db, ChangeBus(), _ops(), **INLINE)
    qtbot.addWidget(page)
    statements = Statements(db)
    for _ in range(5):
        page.on_changes(LISTINGS)
    qtbot.wait(600)  # longer than the refresh delay
    assert statements.count == 0
    with qtbot.waitSignal(page.model.modelReset):
        page.show()  # stale: one refresh
    assert statements.count > 0
    with qtbot.assertNotEmitted(page.model.modelReset, wait=600):
        page.hide()
        page.show()  # nothing changed meanwhile: no refresh


def test_a_visible_page_still_refreshes_once_per_burst(qtbot: QtBot, db: Database) -> None:
    page = ListingsPage(db, ChangeBus(), _ops(), **INLINE)
    qtbot.addWidget(page)
    page.show()
    resets: list[object] = []
    page.model.modelReset.connect(lambda: resets.append(1))
    for _ in range(5):
        page.on_changes(LISTINGS)
    qtbot.waitUntil(lambda: len(resets) == 1)
    qtbot.wait(400)
    assert len(resets) == 1


def test_a_badge_page_counts_while_its_window_shows_not_while_hidden_to_the_tray(
    qtbot: QtBot, db: Database
) -> None:
    """The matching page's counts are the navigation's badge: it refreshes while its window
    shows even when another page is on top, and not while the window is hidden."""
    from PySide6.QtWidgets import QStackedWidget, QWidget

    window = QStackedWidget()
    qtbot.addWidget(window)
    other = QWidget()
    window.addWidget(other)
    page = MatchingPage(db, ChangeBus(), _ops(), **INLINE)
    window.addWidget(page)
    window.setCurrentWidget(other)
    window.show()
    assert not page.isVisible()
    with qtbot.waitSignal(page.counts_changed):
        page.on_changes(LISTINGS)
    window.hide()
    statements = Statements(db)
    page.on_changes(LISTINGS)
    qtbot.wait(600)
    assert statements.count == 0
    with qtbot.waitSignal(page.counts_changed):
        window.show()
