"""One listing's lookup on Walmart: the seller's item by SKU, then the catalog by GTIN.

Returns what was found as a plain value; the matching loop records it. Walmart refusing a
lookup (a 400 for this identifier, say) is that listing's error; an outage or throttling returns
None so the loop stops and the listing stays pending.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from channelmanager_gui.errors import ChannelError, NotFoundError
from channelmanager_gui.identifiers import InvalidIdentifier, normalize
from channelmanager_gui.services.outbox import RETRYABLE
from channelmanager_gui.services.walmart.catalog_models import CatalogItem, Item
from channelmanager_gui.services.walmart.client import WalmartClient


@dataclass(frozen=True)
class Found:
    kind: str  # matched | setup | candidates | not_found | error
    item: Item | None = None
    candidates: list[dict[str, Any]] = field(default_factory=list)
    message: str = ""


async def look_up(client: WalmartClient, sku: str, gtin14: str, chosen: str | None) -> Found | None:
    try:
        return await _look_up(client, sku, gtin14, chosen)
    except RETRYABLE:
        return None
    except ChannelError as exc:
        return Found("error", message=f"Walmart refused the lookup: {exc}")


async def _look_up(client: WalmartClient, sku: str, gtin14: str, chosen: str | None) -> Found:
    try:
        item: Item | None = await client.get_item(sku)
    except NotFoundError:
        item = None
    if item is not None:
        theirs = _gtin(item.gtin or item.upc)
        if theirs and theirs != gtin14:
            return Found(
                "error",
                message=(
                    f"SKU {sku} is already on Walmart with GTIN {theirs}, but Commerce has "
                    f"{gtin14}: correct the identifier in Commerce or on Walmart"
                ),
            )
        return Found("matched", item=item)
    if chosen:
        return Found("setup", candidates=[{"item_id": chosen, "chosen": True}])
    results = await client.search_catalog(gtin=gtin14)
    candidates = [candidate_json(c) for c in results if _same(c, gtin14)]
    if not candidates:
        return Found(
            "not_found",
            message=(
                f"No Walmart catalog item has GTIN {gtin14}: the item needs a full setup on "
                "Walmart (Seller Center) before it can be listed"
            ),
        )
    if len(candidates) > 1:
        return Found("candidates", candidates=candidates)
    return Found("setup", candidates=candidates)


def candidate_json(item: CatalogItem) -> dict[str, Any]:
    """What the merchant needs to pick among candidates (stored in ``match_candidates``)."""
    return {
        "item_id": item.item_id,
        "title": item.title,
        "brand": item.brand,
        "price": float(item.price.amount) if item.price is not None else None,
        "product_type": item.product_type,
        "image_url": item.image_urls[0] if item.image_urls else None,
    }


def _same(item: CatalogItem, gtin14: str) -> bool:
    """A search hit that names another GTIN is not a match; one naming none is trusted."""
    theirs = _gtin(item.gtin or item.upc)
    return theirs is None or theirs == gtin14


def _gtin(value: str | None) -> str | None:
    if not value:
        return None
    try:
        return normalize(value, "GTIN").gtin14
    except InvalidIdentifier:
        return None
