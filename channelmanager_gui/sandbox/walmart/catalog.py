"""Walmart's side of the demo catalog: the public catalog (for search and setup by match) and the
seller's items.

Both come from ``seed.demo_catalog`` so the Commerce sandbox and this one agree: products with
``walmart_candidates`` 1 or 2 exist in Walmart's catalog (2 means two catalog items share the GTIN),
and products with ``on_walmart`` are already the seller's published items.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from typing import Any

from channelmanager_gui.sandbox.seed import DemoProduct

PRODUCT_TYPES = ("Kitchen & Dining", "Home Decor", "Sports & Outdoors", "Electronics", "Toys")
_WPID_CHARS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"


@dataclass
class CatalogItem:
    """An item of Walmart's public catalog, as ``/v3/items/walmart/search`` shows it."""

    item_id: str
    wpid: str
    gtin: str
    title: str
    brand: str
    price: float
    product_type: str

    def search_json(self) -> dict[str, Any]:
        return {
            "itemId": self.item_id,
            "isMarketPlaceItem": True,
            "images": [{"url": f"https://i5.walmartimages.com/asr/sandbox-{self.item_id}.jpeg"}],
            "customerRating": "4.2",
            "price": {"amount": f"{self.price:.2f}", "currency": "USD"},
            "description": f"<li>{self.title}</li>",
            "title": self.title,
            "brand": self.brand,
            "productType": self.product_type,
            "properties": {"categories": [self.product_type], "num_reviews": "12"},
        }


@dataclass
class SellerItem:
    """One of the seller's items (``/v3/items``), with its price and inventory."""

    sku: str
    wpid: str
    gtin: str
    name: str
    product_type: str
    price: float
    quantity: int
    published: str = "PUBLISHED"
    lifecycle: str = "ACTIVE"
    item_id: str = ""
    reasons: list[str] = field(default_factory=list)

    def item_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "mart": "WALMART_US",
            "sku": self.sku,
            "wpid": self.wpid,
            "gtin": self.gtin,
            "productName": self.name,
            "shelf": f'["Home Page","{self.product_type}"]',
            "productType": self.product_type,
            "price": {"currency": "USD", "amount": self.price},
            "publishedStatus": self.published,
            "lifecycleStatus": self.lifecycle,
        }
        if self.gtin.startswith("00"):
            data["upc"] = self.gtin[2:]
        if self.reasons:
            data["unpublishedReasons"] = {"reason": list(self.reasons)}
        return data


def make_wpid(rng: random.Random) -> str:
    return "".join(rng.choice(_WPID_CHARS) for _ in range(12))


def build_catalog(
    products: list[DemoProduct], rng: random.Random
) -> tuple[dict[str, list[CatalogItem]], list[SellerItem]]:
    """(catalog by GTIN-14, seller items) for the demo products."""
    by_gtin: dict[str, list[CatalogItem]] = {}
    sellers: list[SellerItem] = []
    next_id = 100_000_000 + rng.randrange(1_000_000)
    for i, p in enumerate(products):
        if not p.walmart_gtin:
            continue
        ptype = PRODUCT_TYPES[i % len(PRODUCT_TYPES)]
        entries = []
        for k in range(p.walmart_candidates):
            next_id += 1 + rng.randrange(5000)
            title = f"{p.brand} {p.name}" if k == 0 else f"{p.name} by {p.brand} (2-Pack)"
            price = round(p.price * (1 + rng.uniform(-0.1, 0.15)), 2)
            entries.append(
                CatalogItem(
                    str(next_id), make_wpid(rng), p.walmart_gtin, title, p.brand, price, ptype
                )
            )
        by_gtin[p.walmart_gtin] = entries
        if p.on_walmart:
            first = entries[0]
            item = SellerItem(
                p.sku,
                first.wpid,
                p.walmart_gtin,
                first.title,
                ptype,
                p.price,
                p.qty,
                item_id=first.item_id,
            )
            if i % 17 == 3:
                item.published = "UNPUBLISHED"
                item.reasons = ["You did not assign a tax code to your listing during item setup."]
            sellers.append(item)
    return by_gtin, sellers
