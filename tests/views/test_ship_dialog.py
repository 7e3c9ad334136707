"""The Ship dialog: the shared validation blocks OK, with the reason next to the field."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from channelmanager_gui.models.order import Order, OrderLine
from channelmanager_gui.services.ops import validation as v
from channelmanager_gui.views.ship_dialog import ShipDialog

NOW = datetime(2024, 5, 10, 15, 0, tzinfo=UTC)


def make_order(**kw: Any) -> Order:
    order = Order(
        id=7,
        store_id=1,
        marketplace_order_id="1234567890",
        customer_order_id="555",
        customer_name="Jane Doe",
        order_date=NOW - timedelta(days=1),
        estimated_ship_date=NOW + timedelta(hours=2),
        method_code="Standard",
        intent_to_cancel=kw.pop("intent_to_cancel", False),
        commerce_entity_id=42,
        commerce_increment_id="000000042",
        cancel_reason=None,
    )
    order.lines = [
        OrderLine(line_number="1", sku="MUG-RED", product_name="Red mug", qty_ordered=3,
                  qty_shipped=1, qty_cancelled=0),
        OrderLine(line_number="2", sku="CAP-BLU", product_name="Blue cap", qty_ordered=1,
                  qty_shipped=0, qty_cancelled=0),
    ]  # fmt: skip
    order.shipments = []
    return order


def dialog_for(qtbot: QtBot, order: Order | None = None) -> ShipDialog:
    dialog = ShipDialog(order or make_order(), clock=lambda: NOW)
    qtbot.addWidget(dialog)
    return dialog


def fill(dialog: ShipDialog, carrier: str = "UPS", tracking: str = "1Z999AA10123456784") -> None:
    dialog.carrier.setCurrentIndex(dialog.carrier.findData(carrier))
    dialog.tracking_number.setText(tracking)


NONE = ("", "")


def shown_reason(dialog: ShipDialog) -> tuple[str, str]:
    """The one field whose reason is visible and the reason, or ``NONE``."""
    shown = [(f, label.text()) for f, label in dialog.reasons.items() if not label.isHidden()]
    assert len(shown) <= 1
    return shown[0] if shown else NONE


def valid_request(dialog: ShipDialog) -> v.ShipRequest:
    request = dialog.request()
    assert request is not None
    return request


def test_quantities_default_to_what_remains_and_ok_names_the_action(qtbot: QtBot) -> None:
    dialog = dialog_for(qtbot)
    assert {n: s.value() for n, s in dialog.quantities.items()} == {"1": 2, "2": 1}
    assert shown_reason(dialog) == NONE  # nothing touched yet: no reproach in red
    assert not dialog.ok_button.isEnabled()
    assert dialog.ok_button.toolTip() == "Choose the carrier"
    fill(dialog)
    assert shown_reason(dialog) == NONE
    assert dialog.ok_button.isEnabled()
    assert dialog.ok_button.text() == "Ship 3 items"
    dialog.quantities["1"].setValue(0)
    assert dialog.ok_button.text() == "Ship 1 item"  # a partial shipment is fine


def test_empty_tracking_number_blocks_ok(qtbot: QtBot) -> None:
    dialog = dialog_for(qtbot)
    fill(dialog, tracking="   ")
    assert shown_reason(dialog) == (v.FIELD_TRACKING_NUMBER, "Enter the carrier's tracking number")
    assert not dialog.ok_button.isEnabled()
    assert "tracking number" in dialog.ok_button.toolTip()


def test_tracking_number_is_trimmed_and_checked(qtbot: QtBot) -> None:
    dialog = dialog_for(qtbot)
    fill(dialog, tracking="1Z 999/AA1")
    assert shown_reason(dialog)[0] == v.FIELD_TRACKING_NUMBER
    dialog.tracking_number.setText("  1Z 999 AA1 0123 ")
    assert valid_request(dialog).tracking_number == "1Z999AA10123"


def test_zero_quantities_block_ok(qtbot: QtBot) -> None:
    dialog = dialog_for(qtbot)
    fill(dialog)
    for spin in dialog.quantities.values():
        spin.setValue(0)
    field, reason = shown_reason(dialog)
    assert field == v.FIELD_LINES and "at least one item" in reason
    assert not dialog.ok_button.isEnabled()


def test_quantity_above_what_remains_blocks_ok(qtbot: QtBot) -> None:
    dialog = dialog_for(qtbot)
    fill(dialog)
    dialog.quantities["1"].setValue(3)  # 3 ordered, 1 already shipped
    field, reason = shown_reason(dialog)
    assert field == v.FIELD_LINES
    assert reason == "3 is more than the 2 left to ship (MUG-RED: 3 ordered, 1 shipped)"
    assert not dialog.ok_button.isEnabled()


def test_other_carrier_needs_a_name_and_a_tracking_link(qtbot: QtBot) -> None:
    dialog = dialog_for(qtbot)
    assert not dialog.other_carrier.isVisibleTo(dialog)
    fill(dialog, carrier=v.OTHER_CARRIER)
    assert dialog.other_carrier.isVisibleTo(dialog)
    assert shown_reason(dialog) == (v.FIELD_OTHER_CARRIER, "Type the carrier's name")
    dialog.other_carrier.setText("Speedy Parcels")
    field, _ = shown_reason(dialog)
    assert field == v.FIELD_TRACKING_URL and not dialog.ok_button.isEnabled()
    dialog.tracking_url.setText("ftp://x")
    assert shown_reason(dialog)[0] == v.FIELD_TRACKING_URL
    dialog.tracking_url.setText("https://speedy.example/t/1Z999AA10123456784")
    assert dialog.ok_button.isEnabled()
    request = valid_request(dialog)
    assert (request.carrier, request.other_carrier) == (None, "Speedy Parcels")


def test_buyer_cancel_request_needs_an_explicit_override(qtbot: QtBot) -> None:
    dialog = dialog_for(qtbot, make_order(intent_to_cancel=True))
    fill(dialog)
    assert shown_reason(dialog)[0] == v.FIELD_ORDER
    assert not dialog.ok_button.isEnabled()
    assert dialog.override is not None
    dialog.override.setChecked(True)
    assert dialog.ok_button.isEnabled()
    assert valid_request(dialog).override_cancel_request


def test_escape_closes_without_shipping(qtbot: QtBot) -> None:
    dialog = dialog_for(qtbot)
    fill(dialog)
    dialog.open()
    qtbot.waitExposed(dialog)
    with qtbot.waitSignal(dialog.rejected):
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)


def test_ask_returns_the_checked_request(qtbot: QtBot) -> None:
    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, ShipDialog)
        fill(dialog, carrier="FedEx")
        dialog.quantities["2"].setValue(0)
        dialog.ok_button.click()

    QTimer.singleShot(0, answer)
    request = ShipDialog.ask(None, make_order(), clock=lambda: NOW)
    assert request is not None
    assert (request.carrier, request.lines, request.method_code) == ("FedEx", {"1": 2}, "Standard")
    assert request.ship_date == NOW  # today means "now"


def test_ask_returns_none_when_closed(qtbot: QtBot) -> None:
    def close() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, ShipDialog)
        dialog.close_button.click()

    QTimer.singleShot(0, close)
    assert ShipDialog.ask(None, make_order(), clock=lambda: NOW) is None


def test_opens_calm_on_the_carrier_and_does_not_jump(qtbot: QtBot) -> None:
    """Issue 20: "Choose the carrier" before anything was touched, focus in the wrong field,
    and the form jumping as messages came and went."""
    dialog = dialog_for(qtbot)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.focusWidget() is dialog.carrier
    tracking_top = dialog.tracking_number.mapTo(dialog, dialog.tracking_number.rect().topLeft())
    height = dialog.sizeHint().height()
    dialog.carrier.setCurrentIndex(dialog.carrier.findData("UPS"))  # now: the tracking number
    assert shown_reason(dialog)[0] == v.FIELD_TRACKING_NUMBER
    QApplication.processEvents()
    assert dialog.sizeHint().height() == height
    assert dialog.tracking_number.mapTo(dialog, dialog.tracking_number.rect().topLeft()) == (
        tracking_top
    )
