"""Thumbnails: the placeholder at once, the product's image once the worker thread has it
(from the Commerce sandbox's media gallery), in a card and in the Listings table."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QTableView
from pytestqt.qtbot import QtBot

from channelmanager_gui.models.db import Database, open_database
from channelmanager_gui.models.listing import ListingState
from channelmanager_gui.sandbox.commerce.server import CommerceSandbox
from channelmanager_gui.services.commerce.client import CommerceClient
from channelmanager_gui.services.product_images import ImageCache, ProductImages, commerce_root
from channelmanager_gui.views.tables.listings import COL_NAME, ROW_IMAGE, ListingsTableModel
from channelmanager_gui.views.tables.paged import run_inline
from channelmanager_gui.views.thumbnails import (
    KEEP_EDGE,
    Thumbnail,
    ThumbnailLoader,
    _small,
    placeholder,
)
from tests.models.listing_seed import add_listing, add_store


@pytest.fixture(scope="module")
def shop() -> Iterator[CommerceSandbox]:
    with CommerceSandbox(products=10) as sandbox:
        yield sandbox


@pytest.fixture
def loader(shop: CommerceSandbox, tmp_path: Path) -> Iterator[ThumbnailLoader]:
    async def commerce_for(_store_id: int) -> tuple[CommerceClient, str]:
        return CommerceClient(shop.url, shop.token), commerce_root(shop.url)

    thumbnails = ThumbnailLoader(ProductImages(ImageCache(tmp_path), commerce_for))
    yield thumbnails
    thumbnails.close()


def _same(first: object, second: object) -> bool:
    return first.toImage() == second.toImage()  # type: ignore[attr-defined]


def test_a_card_shows_the_placeholder_then_the_image(qtbot: QtBot, loader: ThumbnailLoader) -> None:
    image = Thumbnail(72)
    qtbot.addWidget(image)
    image.show_product(loader, 1, "CM-00001")
    assert not image.shows_image() and _same(image.pixmap(), placeholder(72))
    qtbot.waitUntil(image.shows_image, timeout=5000)
    assert not _same(image.pixmap(), placeholder(72))


def test_no_image_keeps_the_placeholder(qtbot: QtBot, loader: ThumbnailLoader) -> None:
    without, no_url = Thumbnail(72), Thumbnail(72)
    without.show_product(loader, 1, "CM-00007")  # the sandbox's products without images
    no_url.show_url(loader, None)  # a Walmart candidate without an image URL
    with qtbot.waitSignal(loader.ready, timeout=5000):
        pass
    assert not without.shows_image() and _same(without.pixmap(), placeholder(72))
    assert _same(no_url.pixmap(), placeholder(72))


def test_listing_rows_get_their_image(qtbot: QtBot, loader: ThumbnailLoader) -> None:
    db: Database = open_database()
    store_id = add_store(db)
    add_listing(db, store_id, 1, sku="CM-00002", state=ListingState.ACTIVE)
    model = ListingsTableModel(db, runner=run_inline)
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    model.set_thumbnails(loader, view)
    model.refresh()
    index = model.index(0, COL_NAME)
    first = model.data(index, Qt.ItemDataRole.DecorationRole)
    assert _same(first, placeholder(ROW_IMAGE))
    with qtbot.waitSignal(model.dataChanged, timeout=5000):
        pass
    assert not _same(model.data(index, Qt.ItemDataRole.DecorationRole), placeholder(ROW_IMAGE))
    db.dispose()


def test_a_large_photo_is_kept_small_in_memory_and_on_disk(qapp: object, tmp_path: Path) -> None:
    photo = QImage(2000, 1500, QImage.Format.Format_RGB32)
    photo.fill(0x336699)
    path = tmp_path / "photo.img"
    assert photo.save(str(path), "JPEG")
    small = _small(path)
    assert (small.width(), small.height()) == (KEEP_EDGE, 96)
    assert QImage(str(path)).width() == KEEP_EDGE  # the cache now holds the thumbnail
