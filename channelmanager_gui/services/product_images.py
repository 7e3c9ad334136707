"""Product images for thumbnails: found once, downloaded once, kept on disk.

A Commerce product's image is the gallery entry Magento marks ``thumbnail`` (else
``small_image``, else the first enabled image) of ``GET /V1/products/{sku}/media``; its file
lies under the store's media folder, ``{shop}/pub/media/catalog/product{file}`` (Magento's
default ``web/unsecure/base_media_url`` is ``{{unsecure_base_url}}pub/media/``; a shop whose
web root is ``pub/`` serves ``/media/...`` and, with Magento's sample nginx configuration,
``/pub/...`` as well, so ``/media/...`` is only the second try). A marketplace's image is the
URL it gave (``image_url`` of a Walmart catalog candidate).

The cache is a folder of files named by a hash of the key, so a second load of the same image
sends no request. "No image" is remembered too, for a day, so products without images are not
asked about on every scroll; a failed request is not remembered (it is tried again later).
"""

from __future__ import annotations

import hashlib
import logging
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path

import httpx

from channelmanager_gui.errors import NotFoundError
from channelmanager_gui.paths import private_dir
from channelmanager_gui.services.commerce.client import CommerceClient, shop_root
from channelmanager_gui.services.commerce.models import MediaEntry

log = logging.getLogger(__name__)

NO_IMAGE_SECONDS = 24 * 3600  # a product without images is asked about again after a day
MAX_BYTES = 5_000_000  # a thumbnail's source larger than this is not an image we want
MEDIA_FOLDERS = ("/pub/media/catalog/product", "/media/catalog/product")
_ROLES = ("thumbnail", "small_image", "image")


@dataclass(frozen=True)
class Cached:
    """What the cache knows of a key: the image file, or ``path=None`` for "has no image"."""

    path: Path | None


class ImageCache:
    """Image files on disk by key; ``get`` answers None when the key must be fetched."""

    def __init__(self, folder: Path, clock: Callable[[], float] = time.time) -> None:
        self.folder = folder
        self._clock = clock

    def get(self, key: str) -> Cached | None:
        image, none = self._files(key)
        if image.is_file():
            return Cached(image)
        if none.is_file() and self._clock() - none.stat().st_mtime < NO_IMAGE_SECONDS:
            return Cached(None)
        return None

    def put(self, key: str, data: bytes) -> Path:
        image, none = self._files(key)
        private_dir(self.folder)
        partial = image.with_suffix(".part")
        partial.write_bytes(data)
        partial.replace(image)  # never a half-written image for a reader in another thread
        none.unlink(missing_ok=True)
        return image

    def put_none(self, key: str) -> None:
        _, none = self._files(key)
        private_dir(self.folder)
        none.touch()

    def _files(self, key: str) -> tuple[Path, Path]:
        name = hashlib.sha256(key.encode()).hexdigest()[:40]
        return self.folder / f"{name}.img", self.folder / f"{name}.none"


# The store's Commerce client and the shop root its media URLs hang from, opened on demand.
CommerceFor = Callable[[int], Awaitable[tuple[CommerceClient, str]]]


class ProductImages:
    """Finds and caches images; keeps one Commerce client per store until :meth:`aclose`.

    Coroutines run on whatever loop the caller owns (the window runs them on a worker
    thread's loop, so neither the network nor the disk ever holds up the window)."""

    def __init__(
        self,
        cache: ImageCache,
        commerce_for: CommerceFor,
        transport: httpx.AsyncBaseTransport | None = None,
    ) -> None:
        self.cache = cache
        self._commerce_for = commerce_for
        self._clients: dict[int, tuple[CommerceClient, str]] = {}
        self._http = httpx.AsyncClient(transport=transport, timeout=15, follow_redirects=True)

    async def product_image(self, store_id: int, sku: str) -> Path | None:
        """The Commerce product's thumbnail file, or None when it has none (or is unknown)."""
        key = f"commerce:{store_id}:{sku}"
        cached = self.cache.get(key)
        if cached is not None:
            return cached.path
        client, root = await self._client(store_id)
        try:
            entry = pick_entry(await client.product_media(sku))
        except NotFoundError:
            entry = None
        if entry is None:
            self.cache.put_none(key)
            return None
        for folder in MEDIA_FOLDERS:
            data = await self._download(f"{root}{folder}{entry.file}")
            if data is not None:
                return self.cache.put(key, data)
        return None

    async def url_image(self, url: str) -> Path | None:
        """The image at a marketplace's URL (http or https only)."""
        if not url.startswith(("https://", "http://")):
            return None
        key = f"url:{url}"
        cached = self.cache.get(key)
        if cached is not None:
            return cached.path
        data = await self._download(url)
        return None if data is None else self.cache.put(key, data)

    async def aclose(self) -> None:
        await self._http.aclose()
        for client, _ in self._clients.values():
            await client.aclose()
        self._clients.clear()

    async def _client(self, store_id: int) -> tuple[CommerceClient, str]:
        if store_id not in self._clients:
            self._clients[store_id] = await self._commerce_for(store_id)
        return self._clients[store_id]

    async def _download(self, url: str) -> bytes | None:
        """The image's bytes; None (logged) when it is missing, not an image, or too big."""
        try:
            response = await self._http.get(url)
        except httpx.HTTPError as exc:
            log.info("image %s not loaded: %s", url, exc)
            return None
        kind = response.headers.get("content-type", "")
        if response.status_code != 200 or not kind.startswith("image/"):
            log.info("image %s not loaded: HTTP %s, %s", url, response.status_code, kind)
            return None
        if len(response.content) > MAX_BYTES:
            log.info("image %s not loaded: %d bytes", url, len(response.content))
            return None
        return response.content


def pick_entry(entries: list[MediaEntry]) -> MediaEntry | None:
    """The gallery entry to show small: Magento's thumbnail role first, enabled images only."""
    images = [e for e in entries if e.media_type == "image" and e.file and not e.disabled]
    for role in _ROLES:
        for entry in images:
            if role in entry.types:
                return entry
    return min(images, key=lambda e: e.position or 0, default=None)


def commerce_root(commerce_url: str) -> str:
    """The shop root that media URLs hang from, without its trailing slash."""
    return shop_root(commerce_url).rstrip("/")
