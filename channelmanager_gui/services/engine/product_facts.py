"""A Commerce product's facts copied onto its listing: name, price, status, identifier.

Shared by the import (the merchant picks products) and the catalog refresh loop (by
``updated_at``), so both read identifiers the same way: the store's ``identifier_attributes``
mapping is tried in order, each value validated by its check digit and normalised to GTIN-14
(UX.md "Identifiers"). An invalid or missing identifier makes the listing *incomplete* with the
reason; it is never sent for matching.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from channelmanager_gui import identifier_problems as said
from channelmanager_gui.identifiers import InvalidIdentifier, normalize
from channelmanager_gui.models.listing import Listing
from channelmanager_gui.models.money import to_money
from channelmanager_gui.services.commerce.models import Product

# Parent products carry no stock or price of their own; Walmart sells the simple children.
LISTABLE_TYPES = ("simple", "virtual", "downloadable")


@dataclass(frozen=True)
class IdentifierReading:
    kind: str | None
    value: str | None
    gtin14: str | None
    problem: str | None


def read_identifier(product: Product, attributes: dict[str, str]) -> IdentifierReading:
    """The first valid identifier among the mapped attributes, else the first problem."""
    first_problem: IdentifierReading | None = None
    for code, kind in attributes.items():
        value = (product.attribute(code) or "").strip()
        if not value:
            continue
        try:
            ident = normalize(value, kind)
        except InvalidIdentifier as exc:
            first_problem = first_problem or IdentifierReading(
                kind.upper()[:8],
                value[:32],
                None,
                said.IN_ATTRIBUTE.format(problem=exc.args[0], code=code),
            )
            continue
        return IdentifierReading(ident.kind[:8], value[:32], ident.gtin14, None)
    if first_problem:
        return first_problem
    codes = ", ".join(attributes) or said.NONE_CONFIGURED.format()
    return IdentifierReading(None, None, None, said.NONE_FILLED.format(codes=codes))


def unlistable_reason(product: Product) -> str | None:
    """Why a product cannot become a Walmart listing, or None."""
    if product.type_id and product.type_id not in LISTABLE_TYPES:
        return f"{product.type_id} products are sold on Walmart through their simple products"
    if len(product.sku) > 64:
        return "SKU is longer than 64 characters"
    return None


def apply_product(listing: Listing, product: Product, attributes: dict[str, str]) -> list[str]:
    """Copy the product's facts onto ``listing``; returns what changed, for the timeline."""
    changes: list[str] = []
    name = (product.name or product.sku)[:255]
    if listing.name != name:
        listing.name = name
        changes.append("name")
    # Cents, as the column keeps them: a 4-decimal Commerce price must not look changed on
    # every refresh.
    price = None if product.price is None else to_money(product.price)
    if price is not None and listing.price != price:
        changes.append(f"price {_money(listing.price)} → {_money(price)}")
        listing.price = price
    if listing.enabled != product.enabled:
        listing.enabled = product.enabled
        changes.append("enabled" if product.enabled else "disabled")
    reading = read_identifier(product, attributes)
    if (listing.gtin14, listing.identifier_problem) != (reading.gtin14, reading.problem):
        changes.append(f"identifier {reading.gtin14 or reading.problem}")
    listing.identifier_kind = reading.kind
    listing.identifier_value = reading.value
    listing.gtin14 = reading.gtin14
    listing.identifier_problem = reading.problem[:255] if reading.problem else None
    listing.commerce_product_id = product.id
    listing.weight = product.weight
    if product.updated_at is not None:
        listing.commerce_updated_at = product.updated_at
    listing.refresh_state()
    return changes


def _money(value: Decimal | None) -> str:
    return "—" if value is None else f"{value:.2f}"
