"""The window's product images: a :class:`ProductImages` over the store's Commerce client.

Opening a store's client reads its token (the keyring, or the demo's memory) and its row;
both happen on the caller's loop thread, which for the window is the thumbnails' worker.
"""

from __future__ import annotations

from pathlib import Path

from channelmanager_gui.models.db import Database
from channelmanager_gui.models.store import Store
from channelmanager_gui.services.commerce.client import CommerceClient
from channelmanager_gui.services.product_images import ImageCache, ProductImages, commerce_root
from channelmanager_gui.services.secret_sources import SecretSource


def product_images(db: Database, secrets: SecretSource, folder: Path) -> ProductImages:
    """Images cached in ``folder``, found through each store's own Commerce client."""

    async def commerce_for(store_id: int) -> tuple[CommerceClient, str]:
        with db.session() as session:
            store = session.get_one(Store, store_id)
        client = CommerceClient(
            store.commerce_url,
            secrets.secret(store, "commerce_token"),
            store_code=store.commerce_store_code or None,
        )
        return client, commerce_root(store.commerce_url)

    return ProductImages(ImageCache(folder), commerce_for)
