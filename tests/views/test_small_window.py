"""Every page works at 1024 × 700 (issue 20 #8): what the merchant needs is in view and
not cut off. Offscreen, with the seeded shop, through the real window and its pages."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QLabel, QWidget
from pytestqt.qtbot import QtBot

from channelmanager_gui.models.db import Database, open_database
from channelmanager_gui.views.main_window import MainWindow
from channelmanager_gui.views.navigation import Area
from channelmanager_gui.views.page_wiring import Pages
from channelmanager_gui.views.tables.orders import COL_SHIP_BY
from tests.models.order_seed import seed_shop
from tests.views.test_page_wiring import build

WIDTH, HEIGHT = 1024, 700


@pytest.fixture
def db() -> Iterator[Database]:
    database = open_database()
    yield database
    database.dispose()


@pytest.fixture
def small(qtbot: QtBot, db: Database) -> tuple[MainWindow, Pages]:
    seed_shop(db)
    window, pages, _ = build(qtbot, db)
    window.resize(WIDTH, HEIGHT)
    window.show()
    qtbot.waitExposed(window)
    assert window.width() <= WIDTH and window.height() <= HEIGHT
    return window, pages


def _in_view(widget: QWidget) -> bool:
    return widget.isVisible() and not widget.visibleRegion().isEmpty()


def _text_fits(label: QLabel) -> bool:
    """The whole text is shown: on one line, or wrapped with room for every line."""
    width = label.contentsRect().width()
    metrics = label.fontMetrics()
    if not label.wordWrap():
        return metrics.horizontalAdvance(label.text()) <= width
    words_fit = all(metrics.horizontalAdvance(word) <= width for word in label.text().split())
    return words_fit and label.height() >= label.heightForWidth(label.width())


def test_dashboard_cards_show_their_whole_title(
    qtbot: QtBot, small: tuple[MainWindow, Pages]
) -> None:
    window, pages = small
    window.show_area(Area.DASHBOARD)
    qtbot.wait(50)
    for key, card in pages.dashboard.cards.items():
        assert _in_view(card), key
        assert _text_fits(card.title_label), card.title_label.text()


def test_listings_search_and_every_tab_in_view(
    qtbot: QtBot, small: tuple[MainWindow, Pages]
) -> None:
    window, pages = small
    window.show_area(Area.LISTINGS)
    qtbot.wait(50)
    listings = pages.listings
    assert _in_view(listings.search)
    assert listings.search.width() >= 200
    bar = listings.tabs
    for index in range(bar.count()):
        rect = bar.tabRect(index)
        assert bar.rect().contains(rect), bar.tabText(index)
        text = bar.tabText(index)
        assert rect.width() >= bar.fontMetrics().horizontalAdvance(text), text


def test_orders_ship_by_column_in_view(qtbot: QtBot, small: tuple[MainWindow, Pages]) -> None:
    window, pages = small
    window.show_area(Area.ORDERS)
    qtbot.wait(50)
    table = pages.orders.table
    header = table.horizontalHeader()
    left = header.sectionViewportPosition(COL_SHIP_BY)
    width = header.sectionSize(COL_SHIP_BY)
    assert left >= 0 and left + width <= table.viewport().width()
    title = pages.orders.model.headerData(COL_SHIP_BY, header.orientation())
    assert width >= header.fontMetrics().horizontalAdvance(str(title)) + 16
    for name in ("search", "status", "dates"):
        assert _in_view(getattr(pages.orders.filters, name)), name
