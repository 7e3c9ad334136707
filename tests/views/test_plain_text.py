"""What buyers and marketplaces typed shows exactly as typed (channelmanager_gui/qt_text.py):
a buyer named ``<img src=x>`` is not an image, ``<b>`` is not bold. Each check reads what Qt
would show: a text Qt takes for rich text (its format, or ``Qt.mightBeRichText`` for AutoText
and tooltips) is rendered as HTML, else shown as it is."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import Qt as QtGui
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QLabel, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from channelmanager_gui.errors import ApiError
from channelmanager_gui.models.db import Database, open_database
from channelmanager_gui.models.order import Order, OrderLine
from channelmanager_gui.views.cancel_dialog import CancelDialog
from channelmanager_gui.views.error_presenter import ErrorPresenter
from channelmanager_gui.views.order_detail import OrderDetailView
from channelmanager_gui.views.ship_dialog import ShipDialog
from channelmanager_gui.views.tables.orders import COL_PO, OrdersTableModel
from tests.models.order_seed import NOW, Line, add_order, add_store

BUYER = "<img src=x> <b>Bob</b> & Co"
PRODUCT = "<i>Mug</i> <script>alert(1)</script>"
ADDRESS = "<u>1 Main St</u>"
ERROR = "Commerce refused SKU <b>MUG</b>: <img src=x> is not salable"


def shown(text: str, fmt: Qt.TextFormat = Qt.TextFormat.AutoText) -> str:
    """The characters Qt draws for ``text`` in a label of format ``fmt`` (or a tooltip)."""
    rich = fmt == Qt.TextFormat.RichText or (
        fmt == Qt.TextFormat.AutoText and QtGui.mightBeRichText(text)
    )
    if not rich:
        return text
    document = QTextDocument()
    document.setHtml(text)
    return document.toPlainText().replace("\u2029", "\n").replace("\xa0", " ")


def label_texts(widget: QWidget) -> list[str]:
    return [shown(label.text(), label.textFormat()) for label in widget.findChildren(QLabel)]


@pytest.fixture
def db() -> Iterator[Database]:
    database = open_database()
    yield database
    database.dispose()


@pytest.fixture
def order_id(db: Database) -> int:
    store = add_store(db)
    order_id = add_order(
        db, store, "1001", customer=BUYER, error=ERROR, lines=[Line("MUG", 2, name=PRODUCT)]
    )
    with db.session() as session:
        session.get_one(Order, order_id).shipping_address = {"name": BUYER, "address1": ADDRESS}
    return order_id


def test_order_detail_shows_the_buyer_and_the_error_as_typed(
    qtbot: QtBot, db: Database, order_id: int
) -> None:
    view = OrderDetailView(db, clock=lambda: NOW)
    qtbot.addWidget(view)
    view.show_order(order_id)
    texts = label_texts(view)
    assert BUYER in texts
    assert f"{BUYER}, {ADDRESS}" in texts
    assert any(ERROR in text for text in texts)  # the error banner: our markup, its text escaped
    assert view.lines.item(0, 1).text() == PRODUCT


def test_orders_table_tooltip_shows_the_error_as_typed(db: Database, order_id: int) -> None:
    model = OrdersTableModel(db, clock=lambda: NOW)
    model.refresh()
    tooltip = model.index(0, COL_PO).data(Qt.ItemDataRole.ToolTipRole)
    assert shown(tooltip) == f"Error: {ERROR} — open the order to retry."


def test_error_message_box_shows_the_api_text_as_typed(qtbot: QtBot) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    presenter = ErrorPresenter(parent, lambda _: None)
    presenter(ApiError(ERROR, status=400), "Ship order")
    box = presenter.dialog
    assert isinstance(box, QMessageBox)
    assert shown(box.text(), box.textFormat()) == ERROR
    box.close()


def test_ship_and_cancel_dialogs_show_buyer_and_product_as_typed(qtbot: QtBot) -> None:
    order = Order(
        id=7, store_id=1, marketplace_order_id="<b>1234</b>", customer_order_id="5",
        customer_name=BUYER, order_date=NOW - timedelta(days=1), method_code="Standard",
        intent_to_cancel=False, commerce_entity_id=42, commerce_increment_id="000000042",
        cancel_reason=None,
    )  # fmt: skip
    order.lines = [OrderLine(line_number="1", sku="MUG", product_name=PRODUCT, qty_ordered=2,
                             qty_shipped=0, qty_cancelled=0)]  # fmt: skip
    order.shipments = []
    ship = ShipDialog(order, clock=lambda: NOW)
    cancel = CancelDialog(order)
    for dialog in (ship, cancel):
        qtbot.addWidget(dialog)
    ship_texts, cancel_texts = label_texts(ship), label_texts(cancel)
    assert any("Ship Walmart order <b>1234</b>" in t and BUYER in t for t in ship_texts)
    assert PRODUCT in ship_texts
    assert "Cancel the whole Walmart order <b>1234</b>" in cancel_texts
    assert any(f"2 × MUG {PRODUCT}" in text for text in cancel_texts)
