"""Ship, Ship several and Cancel offer the carriers and reasons of the order's marketplace:
an Amazon order gets Amazon's carrier codes ("Other" with a name, no link needed) and its
CancelReason codes; a Walmart order keeps Walmart's lists."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QLabel
from pytestqt.qtbot import QtBot

from channelmanager_gui.models.order import Order
from channelmanager_gui.services.marketplace import amazon_caps
from channelmanager_gui.services.ops import validation as v
from channelmanager_gui.views.bulk_ship_dialog import BulkShipDialog
from channelmanager_gui.views.cancel_dialog import CancelDialog
from channelmanager_gui.views.ship_dialog import ShipDialog
from tests.views.test_cancel_dialog import make_order as cancellable
from tests.views.test_ship_dialog import NOW
from tests.views.test_ship_dialog import make_order as shippable

AMAZON_ORDER = "114-3941689-8772232"


def on_amazon(order: Order) -> Order:
    order.marketplace = "amazon"
    order.marketplace_order_id = AMAZON_ORDER
    order.method_code = "Std US D2D Dom"
    return order


def carriers(box: QComboBox) -> list[str]:
    return [box.itemData(i) or box.itemText(i) for i in range(1, box.count())]


def test_ship_dialog_offers_amazons_carriers_for_an_amazon_order(qtbot: QtBot) -> None:
    dialog = ShipDialog(on_amazon(shippable()), clock=lambda: NOW)
    qtbot.addWidget(dialog)
    assert carriers(dialog.carrier) == [code for code, _ in amazon_caps.CARRIERS]
    texts = [label.text() for label in dialog.findChildren(QLabel)]
    assert any(f"Ship Amazon order {AMAZON_ORDER}" in text for text in texts)
    # An unlisted carrier is "Other" with its name; the method is Amazon's free text.
    dialog.carrier.setCurrentIndex(dialog.carrier.findData("Other"))
    assert not dialog.other_carrier.isHidden()
    assert dialog.method.isEditable() and dialog.method.currentText() == "Std US D2D Dom"


def test_ship_dialog_keeps_walmarts_carriers_for_a_walmart_order(qtbot: QtBot) -> None:
    dialog = ShipDialog(shippable(), clock=lambda: NOW)
    qtbot.addWidget(dialog)
    assert carriers(dialog.carrier) == list(v.CARRIER_CHOICES)
    assert "DHL eCommerce" not in carriers(dialog.carrier)  # Amazon's code for it


def test_cancel_dialog_offers_amazons_reasons_and_picks_buyer_canceled(qtbot: QtBot) -> None:
    dialog = CancelDialog(on_amazon(cancellable(intent_to_cancel=True)))
    qtbot.addWidget(dialog)
    codes = [dialog.reason.itemData(i) for i in range(1, dialog.reason.count())]
    assert codes == [code for code, _ in amazon_caps.CAPABILITIES.cancel_reasons]
    assert dialog.reason.currentData() == "BuyerCanceled"  # the answer to a buyer's request
    assert "Amazon cancels whole orders only" in dialog.explanation.text()
    walmart = CancelDialog(cancellable())
    qtbot.addWidget(walmart)
    walmart_codes = {walmart.reason.itemData(i) for i in range(1, walmart.reason.count())}
    assert walmart_codes == set(v.CANCEL_REASON_LABELS)


def test_bulk_ship_rows_offer_each_orders_marketplace_carriers(qtbot: QtBot) -> None:
    amazon, walmart = on_amazon(shippable()), shippable()
    dialog = BulkShipDialog([amazon, walmart], lambda pos: {})
    qtbot.addWidget(dialog)
    rows = {dialog.table.item(r, 0).text(): r for r in range(dialog.table.rowCount())}
    on_amazon_row = carriers(dialog.carrier_box(rows[AMAZON_ORDER]))
    on_walmart_row = carriers(dialog.carrier_box(rows[walmart.marketplace_order_id]))
    assert "DHL eCommerce" in on_amazon_row and "DHL Ecommerce - US" not in on_amazon_row
    assert "DHL Ecommerce - US" in on_walmart_row and "DHL eCommerce" not in on_walmart_row
