"""The Returns page's "Refund on Walmart": enabled only for one selected return that can be
refunded (the tooltip says why not), asks first naming the return, and queues the refund
through the engine's service in a worker thread (via the op runner)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
import qasync
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from channelmanager_gui.models.account import walmart_account_id
from channelmanager_gui.models.db import Database, open_database
from channelmanager_gui.models.order import Return
from channelmanager_gui.models.outbox import OutboxAction
from channelmanager_gui.qt_async import OpRunner
from channelmanager_gui.services.changes import Change, ChangeBus
from channelmanager_gui.services.engine.returns_flow import COMMERCE_REFUND, WALMART_REFUND
from channelmanager_gui.views import returns_page
from channelmanager_gui.views.returns_page import SELECT_ONE, ReturnsPage
from tests.models.marketplace_seed import add_amazon_account, move_to_amazon
from tests.models.order_seed import Line, add_order, add_store
from tests.views.test_orders_actions import Recorder, settle


@pytest.fixture
def db() -> Iterator[Database]:
    database = open_database()
    yield database
    database.dispose()


def add_return(db: Database, store_id: int, rma: str, order_id: int | None, **kw: object) -> int:
    with db.session() as session:
        ret = Return(
            store_id=store_id,
            account_id=walmart_account_id(session, store_id),
            return_order_id=rma,
            customer_order_id=f"C-{rma}",
            order_id=order_id,
            refund_amount=19.99,
            lines=[
                {
                    "line_number": 1,
                    "po_line_number": 1,
                    "sku": "A",
                    "qty": 2,
                    "reason": "DAMAGED",
                    "refunded_qty": 0,
                }
            ],
            **kw,
        )
        session.add(ret)
        session.flush()
        return ret.id


@pytest.fixture
def shop(db: Database) -> dict[str, int]:
    store = add_store(db)
    order = add_order(db, store, "PO-1", increment_id="000000042", lines=[Line("A", 2, shipped=2)])
    other = add_order(db, store, "PO-2", lines=[Line("A", 2, shipped=2)])
    return {
        "store": store,
        "order": order,
        "open": add_return(db, store, "R-OPEN", order),
        "refunded": add_return(
            db, store, "R-DONE", other, marketplace_refunded_at=datetime(2024, 5, 1, tzinfo=UTC)
        ),
        "orphan": add_return(db, store, "R-ORPHAN", None),
    }


@pytest.fixture
def published() -> list[frozenset[Change]]:
    return []


@pytest.fixture
def ops() -> OpRunner:
    return OpRunner(Recorder())


@pytest.fixture
def page(
    qtbot: QtBot,
    qasync_loop: qasync.QEventLoop,
    ops: OpRunner,
    db: Database,
    shop: dict[str, int],
    published: list[frozenset[Change]],
) -> ReturnsPage:
    bus = ChangeBus()
    bus.subscribe(published.append)
    widget = ReturnsPage(db, ops, changes=bus)
    qtbot.addWidget(widget)
    settle(qasync_loop, ops)
    return widget


def select_rma(page: ReturnsPage, rma: str) -> None:
    row = next(r for r in range(page.table.rowCount()) if page.table.item(r, 0).text() == rma)
    page.table.selectRow(row)


def queued(db: Database) -> list[tuple[str, int]]:
    with db.session() as session:
        actions = session.scalars(select(OutboxAction).order_by(OutboxAction.id))
        return [(a.kind, a.payload["return_id"]) for a in actions]


def test_button_follows_the_selection(page: ReturnsPage) -> None:
    assert page.table.rowCount() == 3
    assert not page.refund_button.isEnabled() and page.refund_button.toolTip() == SELECT_ONE
    select_rma(page, "R-OPEN")
    assert page.refund_button.isEnabled()
    select_rma(page, "R-DONE")
    assert not page.refund_button.isEnabled()
    assert "already refunded on Walmart" in page.refund_button.toolTip()
    select_rma(page, "R-ORPHAN")
    assert not page.refund_button.isEnabled()
    assert "not in Channel Manager" in page.refund_button.toolTip()


def test_refund_asks_then_queues_walmart_and_commerce(
    qasync_loop: qasync.QEventLoop,
    ops: OpRunner,
    page: ReturnsPage,
    db: Database,
    shop: dict[str, int],
    published: list[frozenset[Change]],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    questions: list[str] = []
    answers = [False, True]

    def ask(_parent: object, title: str, text: str) -> bool:
        assert title == "Refund on Walmart"
        questions.append(text)
        return answers.pop(0)

    monkeypatch.setattr(returns_page, "ask_confirmation", ask)
    notices: list[str] = []
    page.notice.connect(notices.append)
    select_rma(page, "R-OPEN")

    page.refund_button.click()  # the merchant says no
    assert "R-OPEN" in questions[0] and "2 units" in questions[0]
    assert queued(db) == []

    page.refund_button.click()
    settle(qasync_loop, ops)
    ret = shop["open"]
    assert queued(db) == [(WALMART_REFUND, ret), (COMMERCE_REFUND, ret)]
    assert published and Change.RETURNS in published[-1]
    assert notices == ["Refund of Walmart return R-OPEN queued (2 units, order PO-1)."]
    # the page reloaded, kept the selection, and now says why it cannot refund again
    chosen = page.selected()
    assert chosen is not None and chosen.return_order_id == "R-OPEN"
    assert not page.refund_button.isEnabled()
    assert "already queued" in page.refund_button.toolTip()
    assert page.refund_selected() is None and len(queued(db)) == 2


def test_an_amazon_return_is_refunded_on_amazon_and_its_long_ids_show_whole(
    qasync_loop: qasync.QEventLoop,
    ops: OpRunner,
    qtbot: QtBot,
    db: Database,
    shop: dict[str, int],
) -> None:
    """The button and its tooltip name the selected return's marketplace, nothing selected is
    neutral, and Amazon's 19-character ids are not cut ("D0000002RR…" in the demo)."""
    amazon = add_amazon_account(db, shop["store"])
    rma = "D0000002RRB8XQZ4KPLM"
    with db.session() as session:
        ret = session.get_one(Return, shop["open"])
        ret.return_order_id, ret.customer_order_id = rma, "111-4403472-1242648"
    move_to_amazon(db, Return, [shop["open"]], amazon)
    page = ReturnsPage(db, ops)
    qtbot.addWidget(page)
    page.resize(1024, 600)
    page.show()
    settle(qasync_loop, ops)
    assert page.refund_button.text() == "Refund…"
    select_rma(page, rma)
    assert page.refund_button.text() == "Refund on Amazon"
    assert page.refund_button.toolTip() == f"Refund Amazon return {rma} on Amazon now."
    select_rma(page, "R-DONE")
    assert page.refund_button.text() == "Refund on Walmart"
    for column in (0, 1):  # the return and the customer order
        texts = [page.table.item(r, column).text() for r in range(page.table.rowCount())]
        needed = max(page.table.fontMetrics().horizontalAdvance(text) for text in texts)
        assert page.table.columnWidth(column) >= needed
