"""Deterministic demo data shared by both sandboxes.

The Commerce catalog and the Walmart catalog are drawn from one list so that most products match
on Walmart by their identifier, some do not, a few match several Walmart items, and a few have no
identifier or a wrong check digit (they show as *incomplete*). Same seed, same data.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from channelmanager_gui.identifiers import gtin_check_digit

ADJECTIVES = (
    "Classic",
    "Deluxe",
    "Compact",
    "Rugged",
    "Organic",
    "Wireless",
    "Vintage",
    "Smart",
    "Eco",
    "Pro",
    "Mini",
    "Ultra",
    "Soft",
    "Heavy-Duty",
    "Portable",
    "Premium",
)
NOUNS = (
    "Coffee Mug",
    "Desk Lamp",
    "Water Bottle",
    "Backpack",
    "Phone Case",
    "Yoga Mat",
    "Cutting Board",
    "Throw Pillow",
    "Garden Hose",
    "Notebook",
    "Headphones",
    "Tea Kettle",
    "Picture Frame",
    "Dog Leash",
    "Candle",
    "Wall Clock",
    "Cookbook",
    "Puzzle",
    "Blanket",
    "Sunglasses",
)
BRANDS = ("Acme", "Northwind", "Lumen", "Bramble & Co", "Keystone", "Harbor", "Pinecrest")


@dataclass(frozen=True)
class DemoProduct:
    """One product of the demo catalog and how it appears on Walmart."""

    sku: str
    name: str
    brand: str
    price: float
    qty: int
    enabled: bool
    weight: float
    id_attribute: str | None  # Commerce attribute code holding the identifier: upc, ean, isbn, gtin
    id_value: str | None
    walmart_gtin: str | None  # GTIN-14 as Walmart knows it, None when Walmart has no such item
    walmart_candidates: int  # how many Walmart catalog items share this identifier (0, 1 or 2)
    on_walmart: bool  # already set up as a seller item on Walmart (published)


def _gtin(rng: random.Random, length: int, prefix: str = "") -> str:
    body = prefix + "".join(str(rng.randrange(10)) for _ in range(length - 1 - len(prefix)))
    return body + gtin_check_digit(body)


def _identifier(rng: random.Random, i: int) -> tuple[str | None, str | None, str | None]:
    """(attribute, value as the merchant stored it, GTIN-14) for product ``i``."""
    roll = i % 20
    if roll == 0:
        return None, None, None  # no identifier: incomplete
    if roll == 1:
        upc = _gtin(rng, 12, "0")
        bad = upc[:-1] + str((int(upc[-1]) + 1) % 10)
        return "upc", bad, None  # wrong check digit: incomplete
    if roll in (2, 3):
        ean = _gtin(rng, 13, "40")
        return "ean", ean, ean.zfill(14)
    if roll == 4:
        isbn = _gtin(rng, 13, "978")
        return "isbn", isbn, isbn.zfill(14)
    upc = _gtin(rng, 12, "0")
    return "upc", upc, upc.zfill(14)


def demo_catalog(seed: int = 1, count: int = 300) -> list[DemoProduct]:
    """The demo catalog: ``count`` products, identical for identical arguments."""
    rng = random.Random(seed)
    products = []
    for i in range(count):
        attr, value, gtin = _identifier(rng, i)
        roll = rng.random()
        candidates = 0 if gtin is None or roll < 0.08 else (2 if roll < 0.12 else 1)
        products.append(
            DemoProduct(
                sku=f"CM-{i + 1:05d}",
                name=f"{rng.choice(ADJECTIVES)} {rng.choice(NOUNS)}",
                brand=rng.choice(BRANDS),
                price=round(rng.uniform(4, 120), 2),
                qty=0 if i % 37 == 5 else rng.randrange(0, 250),
                enabled=i % 53 != 7,
                weight=round(rng.uniform(0.1, 8.0), 2),
                id_attribute=attr,
                id_value=value,
                walmart_gtin=gtin if candidates else None,
                walmart_candidates=candidates,
                on_walmart=candidates == 1 and roll > 0.5,
            )
        )
    return products
