"""What each bulk feed type does to the sandbox, record by record (reference §6–§9).

Each processor returns one result per record, in feed order, so the feed status can report
``itemIngestionStatus`` with the record's ``index``. Failures are per item ``DATA_ERROR``s, as
Walmart reports them; the feed itself still ends PROCESSED.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from .itemstore import ItemStore
from .orderflow import as_list, dig


@dataclass
class ItemResult:
    sku: str | None
    wpid: str | None = None
    errors: list[tuple[str, str]] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors


def records(doc: Any, *names: str) -> list[Any] | None:
    """The record list of a feed document, whatever the case of its key (Inventory/inventory)."""
    if not isinstance(doc, dict):
        return None
    wanted = {n.lower() for n in names}
    for key, value in doc.items():
        if key.lower() in wanted:
            return as_list(value)
    return None


def _known(store: ItemStore, sku: Any) -> ItemResult | None:
    """A failed result for a missing or unknown SKU, None when the SKU is the seller's."""
    if not isinstance(sku, str) or not sku:
        return ItemResult(None, errors=[("ERR_EXT_DATA_0100", "sku is required")])
    if sku not in store.items:
        return ItemResult(
            sku, errors=[("ERR_EXT_DATA_0101", f"SKU {sku} is not set up on Walmart")]
        )
    return None


def _number(value: Any) -> float | None:
    return float(value) if isinstance(value, int | float) and not isinstance(value, bool) else None


def inventory(store: ItemStore, recs: list[Any]) -> list[ItemResult]:
    out = []
    for rec in recs:
        sku = dig(rec, "sku")
        nodes = as_list(dig(rec, "shipNodes"))
        quantities = [dig(n, "quantity") for n in nodes] if nodes else [dig(rec, "quantity")]
        amounts = [_number(dig(q, "amount")) for q in quantities]
        bad = _known(store, sku)
        if bad is None and (any(a is None or a < 0 or a != int(a) for a in amounts)):
            bad = ItemResult(
                sku,
                errors=[
                    ("ERR_EXT_DATA_0201", "quantity.amount must be a whole number of 0 or more")
                ],
            )
        if bad is None and any(dig(q, "unit") not in (None, "EACH") for q in quantities):
            bad = ItemResult(sku, errors=[("ERR_EXT_DATA_0202", "quantity.unit must be EACH")])
        if bad:
            out.append(bad)
            continue
        item = store.items[sku]
        item.quantity = int(sum(a for a in amounts if a is not None))
        out.append(ItemResult(sku, item.wpid))
    return out


def price(store: ItemStore, recs: list[Any]) -> list[ItemResult]:
    out = []
    for rec in recs:
        sku = dig(rec, "sku")
        pricing = as_list(dig(rec, "pricing"))
        base = _number(dig(pricing[0], "currentPrice", "amount")) if pricing else None
        bad = _known(store, sku)
        if bad is None and (base is None or base <= 0):
            bad = ItemResult(
                sku,
                errors=[
                    ("ERR_EXT_DATA_0301", "pricing.currentPrice.amount must be a positive number")
                ],
            )
        if bad:
            out.append(bad)
            continue
        store.items[sku].price = round(base or 0, 2)
        out.append(ItemResult(sku, store.items[sku].wpid))
    return out


def item_match(store: ItemStore, recs: list[Any]) -> list[ItemResult]:
    out = []
    for rec in recs:
        item = dig(rec, "Item") or rec
        sku = dig(item, "sku")
        ids = dig(item, "productIdentifiers")
        ids = as_list(ids)[0] if ids else {}
        if not isinstance(sku, str) or not sku:
            out.append(ItemResult(None, errors=[("ERR_EXT_DATA_0100", "sku is required")]))
            continue
        made, reason = store.match(
            sku,
            str(dig(ids, "productIdType") or "GTIN"),
            str(dig(ids, "productId") or ""),
            dig(item, "price"),
        )
        if made is None:
            out.append(ItemResult(sku, errors=[("ERR_EXT_DATA_0801", reason)]))
        else:
            out.append(ItemResult(sku, made.wpid))
    return out


def retire(store: ItemStore, recs: list[Any]) -> list[ItemResult]:
    out = []
    for rec in recs:
        sku = dig(rec, "sku")
        bad = _known(store, sku)
        if bad:
            out.append(bad)
            continue
        out.append(ItemResult(sku, store.retire(sku).wpid))
    return out


Processor = Callable[[ItemStore, list[Any]], list[ItemResult]]
# feedType → (record list names, processor). Other feed types are refused with 400.
FEED_TYPES: dict[str, tuple[tuple[str, ...], Processor]] = {
    "inventory": (("Inventory",), inventory),
    "MP_INVENTORY": (("inventory", "Inventory"), inventory),
    "price": (("Price",), price),
    "MP_ITEM_MATCH": (("MPItem",), item_match),
    "RETIRE_ITEM": (("RetireItem",), retire),
}
