"""Product images against the Commerce sandbox: the gallery's thumbnail is downloaded once and
read from disk after that; "no image" is remembered; an unknown SKU has none."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from channelmanager_gui.sandbox.commerce.server import CommerceSandbox
from channelmanager_gui.services.commerce.client import CommerceClient
from channelmanager_gui.services.commerce.models import MediaEntry
from channelmanager_gui.services.product_images import (
    ImageCache,
    ProductImages,
    commerce_root,
    pick_entry,
)

MEDIA = "GET /products/{sku}/media"


class CountingTransport(httpx.AsyncBaseTransport):
    """Counts the image downloads (the gallery requests are counted by the sandbox)."""

    def __init__(self) -> None:
        self.inner = httpx.AsyncHTTPTransport()
        self.urls: list[str] = []

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        self.urls.append(str(request.url))
        return await self.inner.handle_async_request(request)


@pytest.fixture(scope="module")
def shop() -> Iterator[CommerceSandbox]:
    with CommerceSandbox(products=20) as sandbox:
        yield sandbox


def _images(shop: CommerceSandbox, folder: Path, transport: CountingTransport) -> ProductImages:
    async def commerce_for(_store_id: int) -> tuple[CommerceClient, str]:
        return CommerceClient(shop.url, shop.token), commerce_root(shop.url)

    return ProductImages(ImageCache(folder), commerce_for, transport=transport)


async def test_second_load_sends_no_request(shop: CommerceSandbox, tmp_path: Path) -> None:
    downloads = CountingTransport()
    images = _images(shop, tmp_path, downloads)
    before = shop.state.requests[MEDIA]
    path = await images.product_image(1, "CM-00001")
    assert path is not None and path.read_bytes().startswith(b"\x89PNG")
    assert shop.state.requests[MEDIA] == before + 1
    assert len(downloads.urls) == 1 and "/pub/media/catalog/product/c/m/" in downloads.urls[0]
    await images.aclose()

    again = _images(shop, tmp_path, downloads)  # a later run: only the disk is left
    assert await again.product_image(1, "CM-00001") == path
    assert shop.state.requests[MEDIA] == before + 1 and len(downloads.urls) == 1
    await again.aclose()


async def test_no_image_is_remembered_and_unknown_skus_have_none(
    shop: CommerceSandbox, tmp_path: Path
) -> None:
    downloads = CountingTransport()
    images = _images(shop, tmp_path, downloads)
    before = shop.state.requests[MEDIA]
    assert await images.product_image(1, "CM-00007") is None  # the sandbox's every seventh
    assert await images.product_image(1, "CM-00007") is None
    assert shop.state.requests[MEDIA] == before + 1
    assert await images.product_image(1, "NO-SUCH-SKU") is None
    assert downloads.urls == []
    await images.aclose()


async def test_a_marketplace_url_is_cached_and_a_missing_one_is_not(
    shop: CommerceSandbox, tmp_path: Path
) -> None:
    downloads = CountingTransport()
    images = _images(shop, tmp_path, downloads)
    url = f"{shop.url}/pub/media/catalog/product/c/m/cm-00002_2.png"
    first = await images.url_image(url)
    assert first is not None and await images.url_image(url) == first
    assert len(downloads.urls) == 1
    missing = f"{shop.url}/pub/media/catalog/product/x/x/none_1.png"
    assert await images.url_image(missing) is None
    assert await images.url_image(missing) is None
    assert len(downloads.urls) == 3  # a failure is tried again later
    assert await images.url_image("file:///etc/passwd") is None
    await images.aclose()


def test_the_thumbnail_role_wins() -> None:
    entries = [
        MediaEntry(file="/a/b/big.jpg", types=["image"], position=1),
        MediaEntry(file="/a/b/off.jpg", types=["thumbnail"], disabled=True),
        MediaEntry(file="/a/b/small.jpg", types=["thumbnail"], position=2),
    ]
    picked = pick_entry(entries)
    assert picked is not None and picked.file == "/a/b/small.jpg"
    assert pick_entry([MediaEntry(file="/v.mp4", media_type="external-video")]) is None
