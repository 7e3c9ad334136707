"""Add products: search the Commerce sandbox in the background, import the chosen products,
import a whole search with progress, and cancel a long import. The operations open the
store's clients themselves and run off the window's thread; the import's changes are
published once, by the op runner."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Iterator
from typing import Any

import pytest
import qasync
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from channelmanager_gui.models.db import Database, open_database
from channelmanager_gui.models.listing import Listing
from channelmanager_gui.models.store import Store
from channelmanager_gui.qt_async import OpRunner
from channelmanager_gui.sandbox.pair import SandboxPair, start_pair
from channelmanager_gui.services.changes import Change, ChangeBus
from channelmanager_gui.services.commerce.client import CommerceClient
from channelmanager_gui.services.engine.context import MemorySecrets
from channelmanager_gui.views.add_products_dialog import AddProductsDialog, StoreChoice


@pytest.fixture(scope="module")
def pair() -> Iterator[SandboxPair]:
    with start_pair(products=120, orders=0, rate_limit_scale=0) as running:
        yield running


@pytest.fixture
def db() -> Iterator[Database]:
    database = open_database()
    yield database
    database.dispose()


@pytest.fixture
def store(db: Database, pair: SandboxPair) -> StoreChoice:
    with db.session() as session:
        row = Store(name="Sandbox", commerce_url=pair.commerce.url, walmart_url=pair.walmart.url,
                    settings={})  # fmt: skip
        session.add(row)
        session.flush()
    secrets = MemorySecrets({row.id: {
        "commerce_token": pair.commerce.token,
        "walmart_client_id": pair.walmart.client_id,
        "walmart_client_secret": pair.walmart.client_secret,
    }})  # fmt: skip
    return StoreChoice(db, secrets, row.id, row.name)


@pytest.fixture
def bus() -> ChangeBus:
    return ChangeBus()


@pytest.fixture
def dialog(
    qtbot: QtBot, store: StoreChoice, bus: ChangeBus, qasync_loop: qasync.QEventLoop
) -> AddProductsDialog:
    ops = OpRunner(lambda exc, label: pytest.fail(f"{label}: {exc!r}"))
    widget = AddProductsDialog(store, ops, bus)
    qtbot.addWidget(widget)
    return widget


def _wait(dialog: AddProductsDialog, loop: qasync.QEventLoop) -> None:
    """Until the dialog's background work (and any follow-up it starts) has finished, all in
    one run of the loop: qasync may step a task between runs, where no loop is running."""

    async def settle() -> None:
        while dialog.task is not None and not dialog.task.done():
            await asyncio.wait([dialog.task])
            await asyncio.sleep(0)  # done-callbacks may start a follow-up search

    loop.run_until_complete(settle())


def _listings(db: Database) -> int:
    with db.session() as session:
        return int(session.scalar(select(func.count(Listing.id))) or 0)


def test_search_then_import_the_chosen_products(
    dialog: AddProductsDialog,
    db: Database,
    bus: ChangeBus,
    qasync_loop: qasync.QEventLoop,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    threads: list[threading.Thread] = []
    iter_products = CommerceClient.iter_products

    def recording(self: CommerceClient, *args: Any, **kwargs: Any) -> Any:
        threads.append(threading.current_thread())
        return iter_products(self, *args, **kwargs)

    monkeypatch.setattr(CommerceClient, "iter_products", recording)
    published: list[frozenset[Change]] = []
    bus.subscribe(published.append)
    dialog.search.setText("Coffee Mug")
    dialog.search_button.click()
    assert not dialog.search_button.isEnabled()  # the search runs in the background
    _wait(dialog, qasync_loop)
    assert len(threads) == 1 and threads[0] is not threading.main_thread()  # off the window's
    assert published == []  # a search changes nothing
    rows = dialog.table.rowCount()
    assert rows > 1
    assert all("Coffee Mug" in dialog.table.item(r, 2).text() for r in range(rows))
    assert not dialog.import_button.isEnabled()
    for row in (0, 1):
        dialog.table.item(row, 0).setCheckState(Qt.CheckState.Checked)
    assert dialog.import_button.text() == "Import 2 products"
    chosen = dialog.checked_skus()
    dialog.import_button.click()
    _wait(dialog, qasync_loop)
    assert dialog.result_value is not None
    assert dialog.result_value.created + len(dialog.result_value.skipped) == 2
    assert published == [frozenset({Change.LISTINGS, Change.ACTIVITY})]  # once, by the runner
    with db.session() as session:
        skus = set(session.scalars(select(Listing.sku)))
    assert skus <= set(chosen) and skus
    statuses = {dialog.table.item(r, 5).text() for r in range(dialog.table.rowCount())}
    assert "Already listed" in statuses


def test_import_all_matching_reports_progress_with_counts(
    qtbot: QtBot, dialog: AddProductsDialog, db: Database, qasync_loop: qasync.QEventLoop
) -> None:
    dialog.search.setText("Mini")
    dialog.start_search()
    _wait(dialog, qasync_loop)
    found = dialog.table.rowCount()
    seen: list[tuple[int, int]] = []
    dialog.progress_bar.valueChanged.connect(
        lambda v: seen.append((v, dialog.progress_bar.maximum()))
    )
    dialog.all_button.click()
    assert not dialog.cancel_button.isHidden()  # Cancel is offered while importing
    _wait(dialog, qasync_loop)
    result = dialog.result_value
    assert result is not None and not result.cancelled
    assert result.created + len(result.skipped) == found
    assert _listings(db) == result.created
    assert seen and seen[-1][0] == found


def test_cancel_stops_a_long_import_keeping_what_was_imported(
    dialog: AddProductsDialog, db: Database, qasync_loop: qasync.QEventLoop
) -> None:
    dialog.catalog_button.click()
    dialog.cancel_button.click()
    assert "Stopping" in dialog.info.text()
    _wait(dialog, qasync_loop)
    result = dialog.result_value
    assert result is not None and result.cancelled
    assert "cancelled" in dialog.info.text()
    assert _listings(db) == result.created < 120
