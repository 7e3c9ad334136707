"""Product images: ``GET /V1/products/{sku}/media`` and the files under ``pub/media``.

Magento's ``ProductAttributeMediaGalleryManagementInterface::getList`` (route ``GET
/V1/products/:sku/media``, ACL ``Magento_Catalog::catalog``) answers the product's
``media_gallery_entries``: ``{id, media_type, label, position, disabled, types, file}``, where
``file`` is the path under ``catalog/product`` of the store's media URL, dispersed by the file
name's first two letters (``/m/b/mb01-blue-0.jpg``); an unknown SKU is the product's 404. The
files themselves are public, served by the web server from ``pub/media/catalog/product/...``
(``/media/...`` too when the document root is ``pub``), no token.

Every seventh product has no image, so the app's "no image" placeholder has something to show.
The images are small PNGs drawn here: a colour of the SKU's own with a lighter band.
"""

from __future__ import annotations

import hashlib
import re
import struct
import zlib
from typing import Any

from starlette.requests import Request
from starlette.responses import Response

from channelmanager_gui.sandbox.commerce.records import Product
from channelmanager_gui.sandbox.commerce.routing import Call, Route
from channelmanager_gui.sandbox.commerce.state import CommerceState

ACL = "Magento_Catalog::catalog"
MEDIA_PREFIXES = ("/pub/media/catalog/product/", "/media/catalog/product/")
SIZE = 96
_FILE = re.compile(r"^[a-z0-9]/[a-z0-9]/(?P<slug>[a-z0-9-]+)_(?P<id>\d+)\.png$")


def has_image(product: Product) -> bool:
    return product.id % 7 != 0


def gallery(product: Product) -> list[dict[str, Any]]:
    """The product's ``media_gallery_entries`` (empty for a product without images)."""
    if not has_image(product):
        return []
    return [
        {
            "id": product.id,
            "media_type": "image",
            "label": product.name,
            "position": 1,
            "disabled": False,
            "types": ["image", "small_image", "thumbnail", "swatch_image"],
            "file": file_path(product),
        }
    ]


def file_path(product: Product) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", product.sku.casefold()).strip("-") or "image"
    letters = (slug + "xx")[:2].replace("-", "x")
    return f"/{letters[0]}/{letters[1]}/{slug}_{product.id}.png"


def list_media(call: Call) -> Any:
    return gallery(call.state.product(call.params["sku"]))


ROUTES = [Route("GET", "/products/{sku}/media", list_media, ACL)]


def media_endpoint(state: CommerceState) -> Any:
    """The web server's static files: ``pub/media/catalog/product/<file>`` as PNG, else 404."""

    async def endpoint(request: Request) -> Response:
        path = request.url.path
        relative = next((path[len(p) :] for p in MEDIA_PREFIXES if path.startswith(p)), "")
        found = _FILE.match(relative)
        with state.lock:
            product = state.products_by_id.get(int(found["id"])) if found else None
            known = (
                product is not None
                and has_image(product)
                and file_path(product) == ("/" + relative)
            )
            sku = product.sku if product is not None else ""
        if not known:
            return Response(b"404 Not Found", 404, media_type="text/plain")
        return Response(_png(sku), 200, media_type="image/png")

    return endpoint


def _png(sku: str) -> bytes:
    """A SIZE × SIZE PNG in a colour of the SKU's own, with a lighter band across it."""
    red, green, blue = hashlib.sha256(sku.encode()).digest()[:3]
    base = bytes((64 + red // 2, 64 + green // 2, 64 + blue // 2))
    light = bytes(min(255, c + 70) for c in base)
    rows = b"".join(
        b"\x00" + (light if SIZE // 3 <= y < SIZE // 2 else base) * SIZE for y in range(SIZE)
    )
    header = struct.pack(">IIBBBBB", SIZE, SIZE, 8, 2, 0, 0, 0)
    chunks = _chunk(b"IHDR", header) + _chunk(b"IDAT", zlib.compress(rows)) + _chunk(b"IEND", b"")
    return b"\x89PNG\r\n\x1a\n" + chunks


def _chunk(kind: bytes, data: bytes) -> bytes:
    crc = zlib.crc32(kind + data) & 0xFFFFFFFF
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", crc)
