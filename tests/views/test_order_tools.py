"""Links out (Listings menu, the order detail's More menu) and the note on an order."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QInputDialog, QMenu
from pytestqt.qtbot import QtBot

from channelmanager_gui.models.db import Database, open_database
from channelmanager_gui.models.listing import Listing
from channelmanager_gui.services.changes import ChangeBus
from channelmanager_gui.services.ops.links import Link
from channelmanager_gui.services.ops.order_notes import read_note
from channelmanager_gui.views.links_menu import add_links
from channelmanager_gui.views.listings_page import ListingsPage
from channelmanager_gui.views.order_detail import OrderDetailView
from channelmanager_gui.views.order_note_line import NO_NOTE
from tests.models.listing_seed import add_store, seed_listings
from tests.models.order_seed import seed_shop
from tests.views.test_listings_page import INLINE, _ops, _select_rows


@pytest.fixture
def db() -> Iterator[Database]:
    database = open_database()
    yield database
    database.dispose()


@pytest.fixture
def page(qtbot: QtBot, db: Database) -> ListingsPage:
    seed_listings(db, add_store(db), 7)
    widget = ListingsPage(db, ChangeBus(), _ops(), **INLINE, confirm=lambda *_: True)
    qtbot.addWidget(widget)
    widget.resize(1200, 600)
    return widget


def test_a_link_opens_in_the_browser_and_a_missing_one_says_why(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[str] = []
    monkeypatch.setattr(
        QDesktopServices, "openUrl", staticmethod(lambda url: opened.append(url.toString()) or True)
    )
    menu = QMenu()
    links = [
        Link("Open on Walmart.com", "https://www.walmart.com/ip/1"),
        Link("Admin", None, "No product."),
    ]
    walmart, admin = add_links(menu, links)
    walmart.trigger()
    assert opened == [QUrl("https://www.walmart.com/ip/1").toString()]
    assert not admin.isEnabled() and admin.toolTip() == "No product."


def test_listing_menu_offers_the_product_in_commerce_and_on_walmart(
    qtbot: QtBot,
    page: ListingsPage,
    db: Database,
) -> None:
    page.show()
    qtbot.waitExposed(page)
    listing_id = page.model.id_at(0)
    with db.session() as session:
        listing = session.get_one(Listing, listing_id)
        listing.commerce_product_id, listing.marketplace_item_id = 321, "5550001"
    _select_rows(page, [0])
    page.table.customContextMenuRequested.emit(
        page.table.visualRect(page.model.index(0, 0)).center()
    )
    menu = page.findChild(QMenu)
    assert menu is not None
    tips = {a.text(): a.toolTip() for a in menu.actions() if not a.isSeparator()}
    assert tips["Open product in Commerce admin"] == (
        "https://shop.example.com/admin/catalog/product/edit/id/321/"
    )
    assert tips["Open on Walmart.com"] == "https://www.walmart.com/ip/5550001"
    menu.close()


def test_order_detail_more_menu_has_the_slip_and_the_links(qtbot: QtBot, db: Database) -> None:
    shop = seed_shop(db)
    detail = OrderDetailView(db)
    qtbot.addWidget(detail)
    detail.show_order(shop["due"])
    menu = detail.more_button.menu()
    menu.aboutToShow.emit()
    entries = {a.text(): a for a in menu.actions() if not a.isSeparator()}
    assert list(entries) == ["Packing slip…", "Open in Seller Center", "Open in Commerce admin"]
    assert entries["Open in Seller Center"].toolTip().endswith("poNumber=1002")
    assert entries["Open in Commerce admin"].toolTip() == (
        "http://commerce.invalid/admin/sales/order/view/order_id/2/"
    )
    detail.show_order(shop["new"])  # not in Commerce yet: the entry says why
    menu.aboutToShow.emit()
    admin = next(a for a in menu.actions() if a.text() == "Open in Commerce admin")
    assert not admin.isEnabled() and admin.toolTip() == "The order is not in Commerce yet."


def test_order_detail_shows_and_edits_the_note(
    qtbot: QtBot, db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    shop = seed_shop(db)
    detail = OrderDetailView(db)
    qtbot.addWidget(detail)
    detail.show_order(shop["due"])
    assert detail.note.text.text() == NO_NOTE
    monkeypatch.setattr(
        QInputDialog, "getMultiLineText", staticmethod(lambda *args: ("<b>Gift</b> wrap", True))
    )
    detail.note.edit_button.click()
    assert detail.note.text.text() == "<b>Gift</b> wrap"
    assert detail.note.text.textFormat() == Qt.TextFormat.PlainText
    assert read_note(db, shop["due"]) == "<b>Gift</b> wrap"
    detail.show_order(shop["late"])
    assert detail.note.text.text() == NO_NOTE
