"""The Cancel dialog: whole order only, a required Walmart reason, a button naming the order."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from channelmanager_gui.models.order import Order, OrderLine, Shipment
from channelmanager_gui.services.ops import validation as v
from channelmanager_gui.views.cancel_dialog import CancelDialog

NOW = datetime(2024, 5, 10, 15, 0, tzinfo=UTC)


def make_order(*, shipped: int = 0, intent_to_cancel: bool = False) -> Order:
    order = Order(
        id=9,
        store_id=1,
        marketplace_order_id="1234567",
        customer_order_id="555",
        order_date=NOW - timedelta(days=1),
        intent_to_cancel=intent_to_cancel,
        commerce_entity_id=42,
        commerce_increment_id="000000042",
        cancel_reason=None,
    )
    order.lines = [
        OrderLine(line_number="1", sku="MUG-RED", product_name="Red mug", qty_ordered=2,
                  qty_shipped=shipped, qty_cancelled=0),
        OrderLine(line_number="2", sku="CAP-BLU", product_name="Blue cap", qty_ordered=1,
                  qty_shipped=0, qty_cancelled=0),
    ]  # fmt: skip
    order.shipments = []
    if shipped:
        order.shipments = [Shipment(carrier="UPS", tracking_number="1Z1", ship_date=NOW)]
    return order


def dialog_for(qtbot: QtBot, order: Order) -> CancelDialog:
    dialog = CancelDialog(order)
    qtbot.addWidget(dialog)
    return dialog


def test_says_whole_order_and_names_the_order_on_the_button(qtbot: QtBot) -> None:
    dialog = dialog_for(qtbot, make_order())
    assert "whole orders only" in dialog.explanation.text()
    assert "2 × MUG-RED" in dialog.explanation.text()
    assert dialog.ok_button.text() == "Cancel order 1234567"
    assert dialog.keep_button.isDefault()


def test_ok_is_blocked_until_a_reason_is_chosen(qtbot: QtBot) -> None:
    dialog = dialog_for(qtbot, make_order())
    assert not dialog.ok_button.isEnabled()
    assert not dialog.reason_reason.isHidden()
    assert dialog.reason_reason.text() == "Choose why the order is cancelled"
    dialog.reason.setCurrentIndex(dialog.reason.findData("SELLER_CANCEL_OUT_OF_STOCK"))
    assert dialog.ok_button.isEnabled()
    assert dialog.reason_reason.isHidden()
    assert dialog.request() == v.CancelRequest(order_id=9, reason="SELLER_CANCEL_OUT_OF_STOCK")


def test_reasons_are_walmarts_five_with_merchant_labels(qtbot: QtBot) -> None:
    dialog = dialog_for(qtbot, make_order())
    labels = [dialog.reason.itemText(i) for i in range(1, dialog.reason.count())]
    assert sorted(labels) == sorted(v.CANCEL_REASON_LABELS.values())
    # "Buyer asked to cancel" only when the buyer did ask: the shared check explains it
    dialog.reason.setCurrentIndex(dialog.reason.findData(v.BUYER_CANCEL))
    assert not dialog.ok_button.isEnabled()
    assert "only allowed when the buyer asked" in dialog.reason_reason.text()


def test_buyer_request_preselects_its_reason(qtbot: QtBot) -> None:
    dialog = dialog_for(qtbot, make_order(intent_to_cancel=True))
    assert dialog.reason.currentData() == v.BUYER_CANCEL
    assert dialog.ok_button.isEnabled()


def test_not_offered_once_anything_shipped(qtbot: QtBot) -> None:
    dialog = dialog_for(qtbot, make_order(shipped=1))
    assert not dialog.ok_button.isEnabled()
    assert not dialog.reason.isEnabled()
    assert "Part of the order has shipped" in dialog.order_reason.text()
    assert not dialog.order_reason.isHidden()


def test_escape_keeps_the_order(qtbot: QtBot) -> None:
    dialog = dialog_for(qtbot, make_order())
    dialog.open()
    qtbot.waitExposed(dialog)
    with qtbot.waitSignal(dialog.rejected):
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)


def test_ask_returns_the_checked_request(qtbot: QtBot) -> None:
    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, CancelDialog)
        dialog.reason.setCurrentIndex(dialog.reason.findData("SELLER_CANCEL_PRICING_ERROR"))
        dialog.ok_button.click()

    QTimer.singleShot(0, answer)
    request = CancelDialog.ask(None, make_order())
    assert request == v.CancelRequest(order_id=9, reason="SELLER_CANCEL_PRICING_ERROR")
