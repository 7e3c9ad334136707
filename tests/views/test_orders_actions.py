"""Ship, Cancel and Retry from the Orders page: the dialogs' answers go through the engine's
services (in a worker thread via the op runner) and land in the database and the outbox."""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Iterator

import pytest
import qasync
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from channelmanager_gui.errors import ValidationError
from channelmanager_gui.models.db import Database, open_database
from channelmanager_gui.models.order import Order, OrderStatus
from channelmanager_gui.models.order_table_queries import Attention
from channelmanager_gui.models.outbox import ActionStatus, OutboxAction
from channelmanager_gui.qt_async import OpRunner
from channelmanager_gui.services import ops as core
from channelmanager_gui.services import outbox
from channelmanager_gui.services.changes import Change, ChangeBus
from channelmanager_gui.services.engine.commerce_cancellations import held_message
from channelmanager_gui.services.ops.validation import COMMERCE_CANCEL_HELD
from channelmanager_gui.views.bulk_ship_dialog import BulkShipDialog
from channelmanager_gui.views.cancel_dialog import CancelDialog
from channelmanager_gui.views.orders_page import OrdersPage
from channelmanager_gui.views.ship_dialog import ShipDialog
from channelmanager_gui.views.tables.orders import COL_PO, COL_STATUS, NOTE_ROLE
from tests.models.marketplace_seed import add_amazon_account, move_to_amazon
from tests.models.order_seed import NOW, Line, add_order, seed_shop
from tests.views.test_orders_page import select as select_orders


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


@pytest.fixture
def presenter() -> Recorder:
    return Recorder()


@pytest.fixture
def published() -> list[frozenset[Change]]:
    return []


@pytest.fixture
def ops(presenter: Recorder) -> OpRunner:
    return OpRunner(presenter)


@pytest.fixture
def page(
    qtbot: QtBot,
    qasync_loop: qasync.QEventLoop,
    db: Database,
    shop: dict[str, int],
    ops: OpRunner,
    published: list[frozenset[Change]],
) -> OrdersPage:
    """The page as the window builds it: default (threaded) runner, a real op runner."""
    bus = ChangeBus()
    bus.subscribe(published.append)
    page = OrdersPage(db, bus, ops, clock=lambda: NOW)
    qtbot.addWidget(page)
    page.show()  # on screen, as in the window: a page out of sight defers its refreshes
    page.set_store(shop["store"])
    settle(qasync_loop, ops)
    return page


def settle(loop: qasync.QEventLoop, ops: OpRunner) -> None:
    """Run the loop until every op (the id query in its thread, an action) has ended."""

    async def idle() -> None:
        if not ops.running():
            return
        done: asyncio.Future[None] = asyncio.get_running_loop().create_future()

        def on_finished(*_: object) -> None:
            if not ops.running() and not done.done():
                done.set_result(None)

        ops.finished.connect(on_finished)
        try:
            await asyncio.wait_for(done, timeout=30)
        finally:
            ops.finished.disconnect(on_finished)

    loop.run_until_complete(idle())


def next_refresh(loop: qasync.QEventLoop, page: OrdersPage) -> None:
    """Run the loop until the page's next (debounced, threaded) refresh has been applied."""

    async def wait() -> None:
        done: asyncio.Future[None] = asyncio.get_running_loop().create_future()

        def on_counts(_counts: object) -> None:
            if not done.done():
                done.set_result(None)

        page.model.counts_changed.connect(on_counts)
        try:
            await asyncio.wait_for(done, timeout=30)
        finally:
            page.model.counts_changed.disconnect(on_counts)

    loop.run_until_complete(wait())


def answer_dialog(kind: type, fill: Callable[[object], None]) -> None:
    """Answer the next modal dialog of ``kind`` as the merchant would."""

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, kind)
        fill(dialog)

    QTimer.singleShot(0, answer)


def actions_of(db: Database, order_id: int) -> list[tuple[str, str]]:
    with db.session() as session:
        query = select(OutboxAction).where(OutboxAction.subject_id == order_id)
        return [(a.kind, a.status) for a in session.scalars(query.order_by(OutboxAction.id))]


def test_the_threaded_runner_lists_orders(page: OrdersPage) -> None:
    assert page.model.rowCount() == 7
    assert page.model.index(0, COL_PO).data() == "1007"


def test_ship_from_the_detail_writes_shipment_and_queues_it(
    qtbot: QtBot,
    qasync_loop: qasync.QEventLoop,
    ops: OpRunner,
    db: Database,
    page: OrdersPage,
    shop: dict[str, int],
    published: list[frozenset[Change]],
) -> None:
    order_id = add_order(
        db, shop["store"], "1010", increment_id="000000010", lines=[Line("A", 3), Line("B", 1)]
    )
    page.refresh()
    settle(qasync_loop, ops)
    page.show_order(order_id)
    notices: list[str] = []
    page.notice.connect(notices.append)

    def ship_two(dialog: object) -> None:
        assert isinstance(dialog, ShipDialog)
        dialog.carrier.setCurrentIndex(dialog.carrier.findData("USPS"))
        dialog.tracking_number.setText(" 9400 1000 0000 0000 0000 00 ")
        dialog.quantities["1"].setValue(2)
        dialog.quantities["2"].setValue(0)
        assert dialog.ok_button.text() == "Ship 2 items"
        dialog.ok_button.click()

    answer_dialog(ShipDialog, ship_two)
    page.detail.ship_button.click()
    settle(qasync_loop, ops)
    order = core.order_for_action(db, order_id)
    assert [ln.qty_shipped for ln in order.lines] == [2, 0]
    assert order.status == OrderStatus.PARTIALLY_SHIPPED
    [shipment] = order.shipments
    assert (shipment.carrier, shipment.tracking_number) == ("USPS", "9400100000000000000000")
    assert actions_of(db, order_id) == [
        ("commerce.ship", ActionStatus.PENDING),
        ("walmart.ship", ActionStatus.PENDING),
    ]
    # published once, by the op runner: what the operation returned
    assert published == [frozenset({Change.ORDERS, Change.ACTIVITY, Change.OUTBOX})]
    assert notices == ["Shipment of 2 items of order 1010 queued for Walmart and Commerce."]
    # the detail and the list follow (one debounced refresh)
    next_refresh(qasync_loop, page)
    assert page.detail.pill.text() == "Partially shipped"
    assert page.detail.shipments.rowCount() == 1


def test_cancel_from_the_list_queues_walmart_then_commerce(
    qtbot: QtBot, qasync_loop: qasync.QEventLoop, ops: OpRunner, db: Database, page: OrdersPage,
    shop: dict[str, int],
) -> None:  # fmt: skip
    row = page.model.row_of(shop["due"])
    assert row is not None
    page.table.selectRow(row)

    def out_of_stock(dialog: object) -> None:
        assert isinstance(dialog, CancelDialog)
        dialog.reason.setCurrentIndex(dialog.reason.findData("SELLER_CANCEL_OUT_OF_STOCK"))
        dialog.ok_button.click()

    answer_dialog(CancelDialog, out_of_stock)
    page.cancel_action.trigger()
    settle(qasync_loop, ops)
    with db.session() as session:
        order = session.get_one(Order, shop["due"])
        assert (order.cancel_reason, order.status) == (
            "SELLER_CANCEL_OUT_OF_STOCK",
            OrderStatus.CANCELLED,
        )
    assert [kind for kind, _ in actions_of(db, shop["due"])] == [
        "walmart.cancel",
        "commerce.cancel",
    ]
    next_refresh(qasync_loop, page)
    assert not page.cancel_action.isEnabled()
    assert page.cancel_action.toolTip() == "The order is cancelled."


def test_closing_a_dialog_changes_nothing(
    qasync_loop: qasync.QEventLoop,
    ops: OpRunner,
    db: Database,
    page: OrdersPage,
    shop: dict[str, int],
) -> None:
    answer_dialog(CancelDialog, lambda dialog: dialog.reject())  # type: ignore[attr-defined]
    page.cancel(shop["due"])
    assert page.last_task is None
    assert actions_of(db, shop["due"]) == []


def test_retry_requeues_failed_steps_and_clears_the_error(
    qtbot: QtBot, qasync_loop: qasync.QEventLoop, ops: OpRunner, db: Database, page: OrdersPage,
    shop: dict[str, int],
) -> None:  # fmt: skip
    with db.session() as session:
        action = outbox.enqueue(
            session, store_id=shop["store"], kind="commerce.create_order",
            subject_type="order", subject_id=shop["error"],
        )  # fmt: skip
        action.status = ActionStatus.ERROR
    row = page.model.row_of(shop["error"])
    assert row is not None
    page.table.selectRow(row)
    assert page.retry_action.isEnabled()
    page.retry_action.trigger()
    settle(qasync_loop, ops)
    assert actions_of(db, shop["error"]) == [("commerce.create_order", ActionStatus.PENDING)]
    with db.session() as session:
        assert session.get_one(Order, shop["error"]).error is None
    next_refresh(qasync_loop, page)
    assert page.model.counts.attention[Attention.ERROR] == 0


def test_a_refused_write_reaches_the_error_presenter(
    qasync_loop: qasync.QEventLoop, ops: OpRunner, page: OrdersPage, shop: dict[str, int],
    presenter: Recorder, monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    def refuse(*_: object, **__: object) -> None:
        raise ValidationError("order", "Everything on this order has been shipped.")

    monkeypatch.setattr("channelmanager_gui.services.ops.ship", refuse)

    def ship_all(dialog: object) -> None:
        assert isinstance(dialog, ShipDialog)
        dialog.carrier.setCurrentIndex(dialog.carrier.findData("UPS"))
        dialog.tracking_number.setText("1Z999AA10123456784")
        dialog.ok_button.click()

    answer_dialog(ShipDialog, ship_all)
    page.ship(shop["due"])
    settle(qasync_loop, ops)
    [(exc, context)] = presenter.seen
    assert isinstance(exc, ValidationError) and context == "Ship order 1002"


def test_order_cancelled_in_commerce_gets_its_reason_from_the_detail(
    qtbot: QtBot, qasync_loop: qasync.QEventLoop, ops: OpRunner, db: Database, page: OrdersPage,
    shop: dict[str, int],
) -> None:  # fmt: skip
    """Held for Walmart's reason: the detail says so and offers one action; the dialog starts
    with no reason chosen; the choice queues only the Walmart cancellation."""
    order_id = add_order(
        db, shop["store"], "1020", increment_id="000000020", lines=[Line("A", 2, cancelled=2)]
    )
    with db.session() as session:
        order = session.get_one(Order, order_id)
        order.error, order.error_step = held_message(2), COMMERCE_CANCEL_HELD
        order.status = OrderStatus.ERROR
    page.refresh()
    settle(qasync_loop, ops)
    page.filters.chips[Attention.ERROR].click()  # "In error": what needs the merchant
    settle(qasync_loop, ops)
    row = page.model.row_of(order_id)
    assert row is not None
    note = page.model.index(row, COL_STATUS).data(NOTE_ROLE)
    assert note.startswith("Cancelled in Commerce — choose the reason for Walmart (2 unit(s))")
    page.table.selectRow(row)
    assert page.cancel_action.isEnabled()  # the list offers the same action
    page.show_order(order_id)
    detail = page.detail
    assert detail.cancel_button.isEnabled()
    assert detail.cancel_button.text() == "Choose reason for Walmart…"
    assert detail.retry_button.isHidden() and not detail.ship_button.isEnabled()
    assert "Cancelled in Commerce — choose the reason for Walmart" in detail.error_banner.text()
    notices: list[str] = []
    page.notice.connect(notices.append)

    def pricing_error(dialog: object) -> None:
        assert isinstance(dialog, CancelDialog)
        assert dialog.reason.currentData() == "" and not dialog.ok_button.isEnabled()
        assert "2 × A" in dialog.explanation.text()
        dialog.reason.setCurrentIndex(dialog.reason.findData("SELLER_CANCEL_PRICING_ERROR"))
        assert dialog.ok_button.text() == "Send cancellation of order 1020"
        dialog.ok_button.click()

    answer_dialog(CancelDialog, pricing_error)
    detail.cancel_button.click()
    settle(qasync_loop, ops)
    after = core.order_for_action(db, order_id)
    assert after.error is None and after.status == OrderStatus.CANCELLED
    assert after.cancel_reason == "SELLER_CANCEL_PRICING_ERROR"
    assert actions_of(db, order_id) == [("walmart.cancel", ActionStatus.PENDING)]
    assert notices == ["Order 1020 cancelled (Pricing error); Walmart is being told."]
    next_refresh(qasync_loop, page)  # the detail follows (and no refresh is left pending)
    assert page.detail.pill.text() == "Cancelled"
    assert page.detail.cancel_button.text() == "Cancel order…"
    assert not page.detail.cancel_button.isEnabled()


def test_ship_several_from_the_list_queues_each_accepted_order(
    qasync_loop: qasync.QEventLoop,
    ops: OpRunner,
    db: Database,
    page: OrdersPage,
    shop: dict[str, int],
    published: list[frozenset[Change]],
) -> None:
    notices: list[str] = []
    page.notice.connect(notices.append)

    def fill(dialog: object) -> None:
        assert isinstance(dialog, BulkShipDialog)
        dialog.set_row(dialog.row_of("1002") or 0, "UPS", "1Z999AA10123456784")
        dialog.set_row(dialog.row_of("1003") or 0, "FedEx", "123456789012")
        dialog.ok_button.click()

    select_orders(page, shop["due"], shop["late"])
    answer_dialog(BulkShipDialog, fill)
    page.ship_many_action.trigger()
    settle(qasync_loop, ops)
    for key in ("due", "late"):
        assert [kind for kind, _ in actions_of(db, shop[key])] == ["commerce.ship", "walmart.ship"]
    assert published and Change.ORDERS in published[-1]
    assert notices == ["2 orders shipped; queued for Walmart and Commerce."]
    next_refresh(qasync_loop, page)  # the list follows (and no refresh is left pending)


def test_an_amazon_orders_notices_name_amazon_and_the_reasons_words(
    qtbot: QtBot, qasync_loop: qasync.QEventLoop, ops: OpRunner, db: Database, page: OrdersPage,
    shop: dict[str, int],
) -> None:  # fmt: skip
    """Shipping and cancelling an Amazon order say "Amazon" (not "Walmart") and the reason in
    words ("Shipping address undeliverable", not Amazon's code)."""
    amazon = add_amazon_account(db, shop["store"])
    move_to_amazon(db, Order, [shop["due"], shop["late"]], amazon)
    notices: list[str] = []
    page.notice.connect(notices.append)

    def ship_one(dialog: object) -> None:
        assert isinstance(dialog, ShipDialog)
        dialog.carrier.setCurrentIndex(dialog.carrier.findData("UPS"))
        dialog.tracking_number.setText("1Z999AA10123456784")
        dialog.ok_button.click()

    answer_dialog(ShipDialog, ship_one)
    page.ship(shop["late"])
    settle(qasync_loop, ops)

    def undeliverable(dialog: object) -> None:
        assert isinstance(dialog, CancelDialog)
        dialog.reason.setCurrentIndex(dialog.reason.findData("ShippingAddressUndeliverable"))
        dialog.ok_button.click()

    answer_dialog(CancelDialog, undeliverable)
    page.cancel(shop["due"])
    settle(qasync_loop, ops)
    next_refresh(qasync_loop, page)  # the refresh the actions asked for, before teardown
    assert action_notices(notices) == [
        "Shipment of 1 item of order 1003 queued for Amazon and Commerce.",
        "Order 1002 cancelled (Shipping address undeliverable); Amazon and Commerce are being "
        "told.",
    ]


def action_notices(notices: list[str]) -> list[str]:
    """The action notices (not the page's other passing words)."""
    return [text for text in notices if text.startswith(("Shipment", "Order"))]
