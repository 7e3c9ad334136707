"""Small product images for tables and cards, loaded off the window's thread.

``ThumbnailLoader`` answers at once with what it has, the image or a placeholder, and asks for
the rest on a worker thread with its own asyncio loop: the gallery lookup, the download, the
disk and the decoding (``QImage`` may be made outside the GUI thread; ``QPixmap`` may not) all
happen there. When an image arrives, ``ready(key)`` tells the views to draw it again. The
window's thread never waits on the network or the disk for a thumbnail.
"""

from __future__ import annotations

import asyncio
import logging
import threading
import time
from collections.abc import Awaitable, Callable
from pathlib import Path

from PySide6.QtCore import QObject, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QImage, QPainter, QPen, QPixmap
from PySide6.QtWidgets import QLabel, QWidget

from channelmanager_gui.services import ops as core
from channelmanager_gui.views import style

log = logging.getLogger(__name__)

SIZE = 40  # table rows; cards ask for a larger one
KEEP_EDGE = 128  # the largest thumbnail drawn (cards: 56 px, twice that on a HiDPI screen)
RETRY_SECONDS = 60  # a failed image (offline, refused) is asked again after this


def product_key(store_id: int, sku: str) -> str:
    return f"commerce:{store_id}:{sku}"


class ThumbnailLoader(QObject):
    """Thumbnails by key; ``ready(key)`` once a requested image has been loaded."""

    ready = Signal(str)
    _loaded = Signal(str, QImage)  # from the worker thread (a queued connection)
    _failed = Signal(str)

    def __init__(self, images: core.ProductImages, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._images = images
        self._done: dict[str, QImage | None] = {}  # None: it has no image
        self._pixmaps: dict[tuple[str, int], QPixmap] = {}
        self._asked: set[str] = set()
        self._failed_at: dict[str, float] = {}
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._loop.run_forever, name="thumbnails")
        self._thread.daemon = True
        self._thread.start()
        self._loaded.connect(self._on_self_loaded)
        self._failed.connect(self._on_self_failed)

    def product(self, store_id: int, sku: str, size: int = SIZE) -> QPixmap:
        """The Commerce product's thumbnail, or the placeholder while loading or without one."""
        key = product_key(store_id, sku)
        return self._pixmap(key, size, lambda: self._images.product_image(store_id, sku))

    def url(self, url: str | None, size: int = SIZE) -> QPixmap:
        """A marketplace's image by its URL (the placeholder without one)."""
        if not url:
            return placeholder(size)
        return self._pixmap(f"url:{url}", size, lambda: self._images.url_image(url))

    def has_image(self, key: str) -> bool:
        return self._done.get(key) is not None

    def close(self) -> None:
        """Close the HTTP clients and end the worker thread (at the window's shutdown)."""
        if not self._loop.is_running():
            return
        closing = asyncio.run_coroutine_threadsafe(self._images.aclose(), self._loop)
        try:
            closing.result(timeout=5)
        except Exception:
            log.warning("thumbnail clients did not close", exc_info=True)
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(timeout=5)
        if not self._thread.is_alive():
            self._loop.close()

    def _pixmap(self, key: str, size: int, fetch: Callable[[], Awaitable[Path | None]]) -> QPixmap:
        image = self._done.get(key)
        if image is not None:
            if (key, size) not in self._pixmaps:
                self._pixmaps[key, size] = _scaled(image, size)
            return self._pixmaps[key, size]
        if key not in self._done and key not in self._asked and self._may_ask(key):
            self._asked.add(key)
            asyncio.run_coroutine_threadsafe(self._load(key, fetch), self._loop)
        return placeholder(size)

    def _may_ask(self, key: str) -> bool:
        failed = self._failed_at.get(key)
        recent = failed is not None and time.monotonic() - failed < RETRY_SECONDS
        return self._loop.is_running() and not recent

    async def _load(self, key: str, fetch: Callable[[], Awaitable[Path | None]]) -> None:
        """On the worker thread: fetch (or read from disk) and decode."""
        try:
            path = await fetch()
        except Exception as exc:
            log.info("thumbnail %s not loaded: %s", key, exc)
            self._failed.emit(key)
            return
        image = _small(path) if path is not None else QImage()
        self._loaded.emit(key, image)

    def _on_self_loaded(self, key: str, image: QImage) -> None:
        self._asked.discard(key)
        self._done[key] = None if image.isNull() else image
        self.ready.emit(key)

    def _on_self_failed(self, key: str) -> None:
        self._asked.discard(key)
        self._failed_at[key] = time.monotonic()


class Thumbnail(QLabel):
    """A fixed-size picture that shows the placeholder, then the image when it arrives."""

    def __init__(self, size: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("thumbnail")
        self.setFixedSize(size, size)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._size = size
        self._key = ""
        self._loader: ThumbnailLoader | None = None
        self._fetch: Callable[[ThumbnailLoader], QPixmap] | None = None
        self.setPixmap(placeholder(size))
        self.setAccessibleName(self.tr("Product image"))

    def show_product(self, loader: ThumbnailLoader | None, store_id: int, sku: str) -> None:
        size = self._size
        self._show(loader, product_key(store_id, sku), lambda lo: lo.product(store_id, sku, size))

    def show_url(self, loader: ThumbnailLoader | None, url: str | None) -> None:
        self._show(loader, f"url:{url}", lambda lo: lo.url(url, self._size))

    def shows_image(self) -> bool:
        """True once the real image replaced the placeholder (for tests and accessibility)."""
        return self._loader is not None and self._loader.has_image(self._key)

    def _show(
        self, loader: ThumbnailLoader | None, key: str, fetch: Callable[[ThumbnailLoader], QPixmap]
    ) -> None:
        if self._loader is not None:
            self._loader.ready.disconnect(self._on_loader_ready)
        self._loader, self._key, self._fetch = loader, key, fetch
        if loader is None:
            self.setPixmap(placeholder(self._size))
            return
        loader.ready.connect(self._on_loader_ready)
        self.setPixmap(fetch(loader))

    def _on_loader_ready(self, key: str) -> None:
        if key == self._key and self._loader is not None and self._fetch is not None:
            self.setPixmap(self._fetch(self._loader))


def placeholder(size: int) -> QPixmap:
    """A framed square with a sun and a hill: "a picture goes here"."""
    pixmap = QPixmap(size, size)
    pixmap.fill(QColor(style.colour("NEUTRAL_BG")))
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    pen = QPen(QColor(style.colour("TEXT_FAINT")))
    pen.setWidthF(max(1.0, size / 24))
    painter.setPen(pen)
    painter.drawRect(QRectF(0.5, 0.5, size - 1, size - 1))
    third = size / 3
    painter.drawEllipse(QRectF(size - third - 4, 4, third / 2, third / 2))
    hill = [(4, size - 5), (third + 2, size / 2), (2 * third, size - third), (size - 4, size / 2)]
    painter.drawPolyline([QPointF(x, y) for x, y in hill])
    painter.end()
    return pixmap


def _small(path: Path) -> QImage:
    """The image, at most KEEP_EDGE pixels on a side: a shop's product photo may be 2,000
    pixels square (16 MB decoded). The cached file is replaced by the small one the first
    time, so the disk keeps thumbnails too."""
    image = QImage(str(path))
    if image.isNull() or max(image.width(), image.height()) <= KEEP_EDGE:
        return image
    image = image.scaled(
        KEEP_EDGE,
        KEEP_EDGE,
        Qt.AspectRatioMode.KeepAspectRatio,
        Qt.TransformationMode.SmoothTransformation,
    )
    partial = path.with_suffix(".small")
    if image.save(str(partial), "PNG"):
        partial.replace(path)
    return image


def _scaled(image: QImage, size: int) -> QPixmap:
    scaled = image.scaled(
        size,
        size,
        Qt.AspectRatioMode.KeepAspectRatio,
        Qt.TransformationMode.SmoothTransformation,
    )
    return QPixmap.fromImage(scaled)
