"""The Sync activity page: loop status from the board, pause/resume/sync-now signals, the log."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

import pytest
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from channelmanager_gui.models.activity_queries import ActivityFilter
from channelmanager_gui.models.db import Database, open_database
from channelmanager_gui.qt_async import OpRunner
from channelmanager_gui.services import activity
from channelmanager_gui.services.changes import Change
from channelmanager_gui.services.sync_status import SyncState, SyncStatusBoard
from channelmanager_gui.views.activity_page import ActivityPage, counts_text
from channelmanager_gui.views.tables.activity import (
    COL_MESSAGE,
    COL_OUTCOME,
    COL_SUBJECT,
    OUTCOME_ROLE,
    ActivityTableModel,
)
from channelmanager_gui.views.tables.paged import run_inline
from tests.models.listing_seed import add_listing, add_store
from tests.views.conftest import NOW


@pytest.fixture
def db() -> Iterator[Database]:
    database = open_database()
    yield database
    database.dispose()


@pytest.fixture
def seeded(db: Database) -> int:
    store_id = add_store(db)
    listing_id = add_listing(db, store_id, 1)
    with db.session() as session:
        for n in range(30):
            activity.record(
                session, store_id=store_id, subject_type="sync", subject_id=None,
                event="catalog_import", message=f"Catalog import {n}", outcome="info",
            )  # fmt: skip
        activity.record(
            session, store_id=store_id, subject_type="listing", subject_id=listing_id,
            event="stock_error", message="Stock: Walmart refused quantity -1", outcome="error",
        )  # fmt: skip
    return store_id


@pytest.fixture
def page(qtbot: QtBot, db: Database, board: SyncStatusBoard, seeded: int) -> ActivityPage:
    ops = OpRunner(lambda exc, label: pytest.fail(f"{label}: {exc!r}"))
    widget = ActivityPage(db, board, ops, runner=run_inline, clock=lambda: NOW)
    qtbot.addWidget(widget)
    widget.show()  # a hidden page redraws nothing (tests/views/test_shown_refresh.py)
    return widget


def test_model_passes_qtmodeltester(qtmodeltester: ModelTester, db: Database, seeded: int) -> None:
    model = ActivityTableModel(db, page_size=8)
    model.refresh()
    qtmodeltester.check(model, force_py=True)


def test_log_is_newest_first_and_names_the_subject(page: ActivityPage) -> None:
    model = page.model
    assert model.rowCount() == 31
    assert model.index(0, COL_SUBJECT).data() == "SKU-000001"
    assert model.index(0, COL_OUTCOME).data(OUTCOME_ROLE) == "Error"
    assert "refused" in model.index(0, COL_MESSAGE).data()
    assert model.index(1, COL_SUBJECT).data() == "Sync"


def test_errors_only_and_search_filter_the_log(page: ActivityPage) -> None:
    page.show_errors_only()
    assert page.model.rowCount() == 1
    page.outcome.setCurrentIndex(0)
    page.search.setText("SKU-000001")
    page.search.returnPressed.emit()
    assert page.model.rowCount() == 1
    page.search.setText("Catalog import 2")
    page.search.returnPressed.emit()
    assert page.model.rowCount() == 1 + 10  # 2 and 20…29
    page.search.clear()
    assert page.model.current_filter() == ActivityFilter()


def test_new_entries_appear_after_an_activity_change(
    qtbot: QtBot, db: Database, page: ActivityPage, seeded: int
) -> None:
    with db.session() as session:
        activity.record(session, store_id=seeded, subject_type="sync", subject_id=None,
                        event="resend", message="again", outcome="ok")  # fmt: skip
    with qtbot.waitSignal(page.model.modelReset):
        page.on_changes(frozenset({Change.ACTIVITY}))
    assert page.model.rowCount() == 32


def test_loop_table_follows_the_board(page: ActivityPage, board: SyncStatusBoard) -> None:
    assert "No sync has run yet" in page.loops.item(0, 0).text()
    board.update(
        "orders",
        state=SyncState.IDLE,
        last_run=NOW - timedelta(minutes=2),
        next_run=NOW + timedelta(seconds=40),
        counts={"imported": 3, "errors": 0, "duration_ms": 1200},
    )
    board.update("inventory", state=SyncState.ERROR, last_run=NOW, last_error="Walmart is down")
    cells = [[page.loops.item(r, c).text() for c in range(6)] for r in range(2)]
    assert cells[0] == ["Orders", "Idle", "2 min ago", "in 40 s", "3 imported · 1.2 s", ""]
    assert cells[1][0:2] == ["Inventory", "Sync problem"]
    assert cells[1][5] == "Walmart is down"
    assert page.state_label.text() == "Sync problem"
    board.set_paused(True)
    assert page.pause_button.text() == "Resume syncing"
    assert page.loops.item(0, 3).text() == "paused"


def test_buttons_emit_signals(qtbot: QtBot, page: ActivityPage, board: SyncStatusBoard) -> None:
    with qtbot.waitSignal(page.pause_toggled) as paused:
        page.pause_button.click()
    assert paused.args == [True]
    board.set_paused(True)
    with qtbot.waitSignal(page.pause_toggled) as resumed:
        page.pause_button.click()
    assert resumed.args == [False]
    with qtbot.waitSignal(page.sync_now_requested):
        page.sync_button.click()
    board.update("matching", last_run=NOW)
    with qtbot.waitSignal(page.loop_sync_now_requested) as loop:
        page.loops.cellDoubleClicked.emit(0, 2)
    assert loop.args == ["matching"]


def test_counts_text_leaves_out_zeros() -> None:
    assert counts_text({"changed": 0, "duration_ms": 50}) == "nothing to do · 50 ms"
    assert counts_text({"qty_single": 2}) == "2 qty single"
