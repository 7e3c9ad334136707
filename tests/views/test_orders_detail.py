"""The order detail: facts, lines, shipments with tracking links, timeline, and buttons that
are enabled only when the action is possible (the reason as tooltip)."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from channelmanager_gui.models.account import walmart_account_id
from channelmanager_gui.models.db import Database, open_database
from channelmanager_gui.models.listing import Listing
from channelmanager_gui.models.order import Order
from channelmanager_gui.services import activity
from channelmanager_gui.services.engine.fulfilment_common import load_order
from channelmanager_gui.services.ops.validation import OUT_OF_STOCK
from channelmanager_gui.views.cancel_dialog import CancelDialog
from channelmanager_gui.views.order_detail import OrderDetailView
from channelmanager_gui.views.order_detail_parts import error_step_text
from tests.models.marketplace_seed import add_amazon_account, move_to_amazon
from tests.models.order_seed import NOW, Line, add_order, seed_shop


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    """One seeded database for the module: these tests only read it."""
    database = open_database(tmp_path_factory.mktemp("detail") / "orders.sqlite3")
    yield database
    database.dispose()


@pytest.fixture(scope="module")
def shop(db: Database) -> dict[str, int]:
    ids = seed_shop(db)
    with db.session() as session:
        order = session.get_one(Order, ids["error"])
        for event, outcome, message in (
            ("imported", "ok", "Imported from Walmart"),
            ("commerce.create_order", "error", "Commerce: SKU-9 is out of stock"),
        ):
            activity.record(
                session, store_id=order.store_id, subject_type="order", subject_id=order.id,
                event=event, outcome=outcome, message=message,
            )  # fmt: skip
    return ids


def detail_of(qtbot: QtBot, db: Database, order_id: int) -> OrderDetailView:
    view = OrderDetailView(db, clock=lambda: NOW)
    qtbot.addWidget(view)
    view.show_order(order_id)
    return view


def test_open_order_in_commerce_can_ship_and_cancel(
    qtbot: QtBot, db: Database, shop: dict[str, int]
) -> None:
    view = detail_of(qtbot, db, shop["due"])
    assert view.title.text() == "Walmart PO 1002  ·  Commerce order 000000002"
    assert view.pill.text() == "Created in Commerce"
    assert view.ship_button.isEnabled() and view.cancel_button.isEnabled()
    assert view.retry_button.isHidden()
    assert view.action_reason.isHidden()
    assert view.lines.rowCount() == 1
    cells = [view.lines.item(0, c).text() for c in range(view.lines.columnCount())]
    assert cells == ["SKU-1", "Product SKU-1", "1", "0", "0", "0", "$10.00", "$0.00", "$0.80"]
    assert view.shipments.isHidden() and not view.no_shipments.isHidden()


def test_shipped_order_offers_neither_ship_nor_cancel(
    qtbot: QtBot, db: Database, shop: dict[str, int]
) -> None:
    view = detail_of(qtbot, db, shop["shipped"])
    assert not view.ship_button.isEnabled()
    assert view.ship_button.toolTip() == "Everything on this order has been shipped."
    assert not view.cancel_button.isEnabled()
    assert view.cancel_button.toolTip() == "Everything on this order has been shipped."
    assert not view.action_reason.isHidden()
    assert view.shipments.rowCount() == 1
    assert view.shipments.item(0, 1).text() == "UPS"
    assert view.shipments.item(0, 4).text() == "2 × A"
    link = view.shipments.cellWidget(0, 3)
    assert isinstance(link, QLabel)
    assert "https://www.ups.com/track?tracknum=1Z999AA10123456784" in link.text()


def test_order_not_in_commerce_cannot_ship_yet(
    qtbot: QtBot, db: Database, shop: dict[str, int]
) -> None:
    view = detail_of(qtbot, db, shop["new"])
    assert not view.ship_button.isEnabled()
    assert "not in Commerce yet" in view.ship_button.toolTip()
    assert view.cancel_button.isEnabled()  # cancelling before creation is fine


def test_error_order_shows_why_and_offers_retry(
    qtbot: QtBot, db: Database, shop: dict[str, int]
) -> None:
    view = detail_of(qtbot, db, shop["error"])
    assert not view.retry_button.isHidden()
    assert not view.error_banner.isHidden()
    assert "Commerce: SKU-9 is out of stock" in view.error_banner.text()
    assert "Error creating the order in Commerce:" in view.error_banner.text()
    assert "then click Retry" in view.error_banner.text()
    with qtbot.waitSignal(view.retry_requested) as signal:
        view.retry_button.click()
    assert signal.args == [shop["error"]]
    # the timeline, newest first, with the failed step
    assert view.events.rowCount() == 2
    assert view.events.item(0, 2).text() == "Error"  # the Activity log's word for the outcome
    assert view.events.item(0, 3).text() == "Commerce: SKU-9 is out of stock"
    assert view.events.item(1, 3).text() == "Imported from Walmart"


def test_buyer_request_and_cancelled_order(
    qtbot: QtBot, db: Database, shop: dict[str, int]
) -> None:
    asked = detail_of(qtbot, db, shop["asked"])
    assert not asked.cancel_banner.isHidden()
    assert asked.cancel_button.isEnabled() and asked.ship_button.isEnabled()
    cancelled = detail_of(qtbot, db, shop["cancelled"])
    assert not cancelled.ship_button.isEnabled() and not cancelled.cancel_button.isEnabled()
    assert cancelled.cancel_button.toolTip() == "The order is cancelled."
    assert cancelled.cancel_banner.isHidden()


def test_buttons_emit_the_order_id(qtbot: QtBot, db: Database, shop: dict[str, int]) -> None:
    view = detail_of(qtbot, db, shop["due"])
    with qtbot.waitSignal(view.ship_requested) as ship:
        view.ship_button.click()
    with qtbot.waitSignal(view.cancel_requested) as cancel:
        view.cancel_button.click()
    assert ship.args == cancel.args == [shop["due"]]


def test_a_vanished_order_says_so(qtbot: QtBot, db: Database) -> None:
    view = detail_of(qtbot, db, 999_999)
    assert "does not exist" in view.title.text()
    assert not view.ship_button.isEnabled() and not view.cancel_button.isEnabled()


def test_error_banner_names_the_step_and_says_retry_once(
    qtbot: QtBot, db: Database, shop: dict[str, int]
) -> None:
    with db.session() as session, session.begin():
        order = session.get_one(Order, shop["error"])
        order.error_step = "commerce.items"
        order.error = "Commerce refused 2 × SKU-9: out of stock (fix it, then press Retry)."
    view = detail_of(qtbot, db, shop["error"])
    text = view.error_banner.text()
    assert text.startswith("<b>Error adding the items to the Commerce cart:</b>")
    assert text.count("Retry") == 1
    assert error_step_text("commerce.someday") == "at the someday (Commerce) step"


def _form(view: OrderDetailView) -> dict[str, str]:
    form = view.facts
    out = {}
    for row in range(form.rowCount()):
        label = form.itemAt(row, form.ItemRole.LabelRole).widget()
        field = form.itemAt(row, form.ItemRole.FieldRole).widget()
        assert isinstance(label, QLabel) and isinstance(field, QLabel)
        out[label.text()] = field.text()
    return out


def test_totals_show_walmart_commerce_and_the_difference(
    qtbot: QtBot, db: Database, shop: dict[str, int]
) -> None:
    """What the buyer paid on Walmart, what Commerce charged, and the gap between them."""
    with db.session() as session:
        order = session.get_one(Order, shop["due"])
        walmart, order.commerce_total = order.total, order.total + Decimal("5.00")
    try:
        facts = _form(detail_of(qtbot, db, shop["due"]))
        assert facts["Walmart total:"] == f"${walmart:,.2f}"
        assert facts["Commerce total:"] == f"${walmart + 5:,.2f}"
        assert facts["Difference:"] == "+$5.00 in Commerce"
        with db.session() as session:
            session.get_one(Order, shop["due"]).commerce_total = walmart
        facts = _form(detail_of(qtbot, db, shop["due"]))
        assert "Difference:" not in facts and facts["Commerce total:"] == f"${walmart:,.2f}"
    finally:
        with db.session() as session:
            session.get_one(Order, shop["due"]).commerce_total = None


@pytest.mark.parametrize(
    ("key", "sentence"),
    [
        ("shipped", "Everything on this order has been shipped."),
        ("cancelled", "The order is cancelled."),
    ],
)
def test_one_sentence_per_state_beside_the_buttons(
    qtbot: QtBot, db: Database, shop: dict[str, int], key: str, sentence: str
) -> None:
    """Issue 20 #9: "Everything … has been shipped. Part of the order has shipped…" and
    "The order is cancelled. The order is already cancelled." side by side."""
    view = detail_of(qtbot, db, shop[key])
    assert view.action_reason.text() == sentence
    assert view.ship_button.toolTip() == view.cancel_button.toolTip() == sentence


def test_an_order_blocked_in_commerce_says_what_to_fix_and_offers_the_way_out(
    qtbot: QtBot, db: Database, shop: dict[str, int]
) -> None:
    """Issue 20 #5: Retry alone could only fail again on a disabled product."""
    with db.session() as session:
        session.add(
            Listing(
                store_id=shop["store"], account_id=walmart_account_id(session, shop["store"]),
                sku="SKU-OFF", name="Blue <mug>", enabled=False,
                commerce_product_id=42, qty=5,
            )
        )  # fmt: skip
    order_id = add_order(
        db, shop["store"], "1099", lines=[Line("SKU-OFF", 1)],
        error="Walmart: refused (correlation id abc-123)",
    )  # fmt: skip
    view = detail_of(qtbot, db, order_id)
    text = view.error_banner.text()
    assert "SKU-OFF (Blue &lt;mug&gt;) is disabled in Commerce" in text
    assert 'href="http://commerce.invalid/admin/catalog/product/edit/id/42/"' in text
    assert "“Out of stock”" in text
    assert "reference to quote to Walmart support: abc-123" in text
    assert "correlation id" not in text
    assert view.error_banner.openExternalLinks()
    assert not view.out_of_stock_button.isHidden()
    assert "fails again" in view.retry_button.toolTip()
    with qtbot.waitSignal(view.cancel_with_reason_requested) as signal:
        view.out_of_stock_button.click()
    assert signal.args == [order_id, OUT_OF_STOCK]
    plain = detail_of(qtbot, db, shop["error"])  # nothing known against it: Retry is the way
    assert plain.out_of_stock_button.isHidden()


def test_the_cancel_dialog_opens_on_the_suggested_reason(
    qtbot: QtBot, db: Database, shop: dict[str, int]
) -> None:
    with db.session() as session:
        order = load_order(session, shop["due"])
    dialog = CancelDialog(order, None, OUT_OF_STOCK)
    qtbot.addWidget(dialog)
    assert dialog.reason.currentData() == OUT_OF_STOCK
    assert dialog.ok_button.isEnabled()


def test_an_amazon_order_names_amazon_on_its_shipments_buttons_and_banner(
    qtbot: QtBot, tmp_path: Path
) -> None:
    """The shipments' "Sent to" column, the cancel tooltip and the error's fix name the
    order's own marketplace (UX.md); no "Walmart" anywhere on an Amazon order's page."""
    database = open_database(tmp_path / "amazon.sqlite3")
    ids = seed_shop(database)
    amazon = add_amazon_account(database, ids["store"])
    move_to_amazon(database, Order, [ids["shipped"], ids["due"], ids["error"]], amazon)
    shipped = detail_of(qtbot, database, ids["shipped"])
    assert shipped.shipments.horizontalHeaderItem(5).text() == "Sent to Amazon"
    due = detail_of(qtbot, database, ids["due"])
    assert due.cancel_button.toolTip() == "Cancel the whole order on Amazon."
    assert due.out_of_stock_button.toolTip() == (
        "Cancel the whole order on Amazon with the reason “Out of stock”."
    )
    error = detail_of(qtbot, database, ids["error"])
    assert "(in Commerce or on Amazon), then click Retry" in error.error_banner.text()
    for view in (shipped, due, error):
        assert "Walmart" not in " ".join(
            [view.error_banner.text(), view.cancel_button.toolTip()]
            + [view.shipments.horizontalHeaderItem(c).text() for c in range(6)]
        )
    database.dispose()
