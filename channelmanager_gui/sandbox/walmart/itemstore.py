"""The seller's items and Walmart's catalog, with the indexes item lookups and searches need.

Not thread-safe by itself: WalmartState holds the lock around every call.
"""

from __future__ import annotations

import base64
from collections import Counter
from typing import Any

from channelmanager_gui.identifiers import InvalidIdentifier, normalize

from .catalog import CatalogItem, SellerItem
from .errors import bad_param, not_found

SERVICE = "GMP_ITEM_QUERY_API"
ID_TYPES = ("SKU", "GTIN", "UPC", "ISBN", "EAN", "ITEM_ID")
# The items OpenAPI (GET /v3/items, ``limit``): "It cannot be more than 50 entities". Third-party
# notes say 200/1000 (reference §8 (?)); the spec wins. Whether Walmart refuses a larger ask or
# caps it is not documented (?): refused here, so a client asking for more is caught.
MAX_ITEMS_LIMIT = 50


class ItemStore:
    def __init__(self, catalog: dict[str, list[CatalogItem]], sellers: list[SellerItem]) -> None:
        self.catalog = catalog
        self.items: dict[str, SellerItem] = {}
        self._by_gtin: dict[str, str] = {}
        self._by_item_id: dict[str, str] = {}
        self._skus: list[str] = []
        self._filtered: dict[tuple[object, ...], list[str]] = {}
        self.version = 0
        for item in sellers:
            self.put(item)

    def put(self, item: SellerItem) -> None:
        if item.sku not in self.items:
            self._skus.append(item.sku)
        self.items[item.sku] = item
        self._by_gtin[item.gtin] = item.sku
        if item.item_id:
            self._by_item_id[item.item_id] = item.sku
        self.version += 1

    def get(self, sku: str) -> SellerItem:
        item = self.items.get(sku)
        if item is None:
            raise not_found(SERVICE, f"Item not found for SKU {sku}")
        return item

    def lookup(self, ident: str, id_type: str) -> SellerItem:
        """GET /v3/items/{id}: by SKU (the default clients use) or by product id."""
        id_type = (id_type or "SKU").upper()
        if id_type not in ID_TYPES:
            raise bad_param(SERVICE, "productIdType", f"productIdType must be one of {ID_TYPES}")
        if id_type == "SKU":
            return self.get(ident)
        if id_type == "ITEM_ID":
            sku = self._by_item_id.get(ident)
        else:
            try:
                sku = self._by_gtin.get(
                    normalize(ident, "GTIN" if id_type == "EAN" else id_type).gtin14
                )
            except InvalidIdentifier:
                sku = None
        if sku is None:
            raise not_found(SERVICE, f"Item not found for {id_type} {ident}")
        return self.items[sku]

    def page(self, params: dict[str, str]) -> dict[str, Any]:
        """GET /v3/items: ``nextCursor`` paging (opaque cursor) or ``offset``/``limit``."""
        limit = _int(params.get("limit", "20"), "limit")
        if not 1 <= limit <= MAX_ITEMS_LIMIT:
            raise bad_param(SERVICE, "limit", f"limit must be between 1 and {MAX_ITEMS_LIMIT}")
        skus = self._select(params)
        cursor = params.get("nextCursor")
        if cursor and cursor != "*":
            offset = _decode_cursor(cursor)
        else:
            offset = _int(params.get("offset", "0"), "offset")
        chunk = skus[offset : offset + limit]
        data: dict[str, Any] = {
            "ItemResponse": [self.items[s].item_json() for s in chunk],
            "totalItems": len(skus),
        }
        if "offset" not in params and offset + limit < len(skus):
            data["nextCursor"] = _encode_cursor(offset + limit)
        return data

    def _select(self, params: dict[str, str]) -> list[str]:
        if params.get("sku"):
            return [params["sku"]] if params["sku"] in self.items else []
        filters = tuple(
            (k, params[k])
            for k in ("lifecycleStatus", "publishedStatus", "variantGroupId")
            if params.get(k)
        )
        if not filters:
            return self._skus
        key = (self.version, filters)
        if key not in self._filtered:
            want = dict(filters)
            self._filtered = {key: [s for s in self._skus if _matches(self.items[s], want)]}
        return self._filtered[key]

    def count(self, status: str | None) -> dict[str, int]:
        """GET /v3/items/count; the spec example spells the ALL key ``All``."""
        status = (status or "ALL").upper()
        if status == "ALL":
            return {"All": len(self.items)}
        counts = Counter(i.published for i in self.items.values())
        return {status: counts.get(status, 0)}

    def search(self, params: dict[str, str]) -> list[dict[str, Any]]:
        """GET /v3/items/walmart/search: the catalog items for a UPC/GTIN, or a title search."""
        for name in ("gtin", "upc"):
            if params.get(name):
                try:
                    gtin = normalize(params[name], name.upper()).gtin14
                except InvalidIdentifier as exc:
                    raise bad_param(SERVICE, name, str(exc)) from None
                return [c.search_json() for c in self.catalog.get(gtin, [])]
        query = params.get("query", "").strip().lower()
        if not query:
            raise bad_param(SERVICE, "query", "One of query, upc or gtin is required", missing=True)
        hits = [c for group in self.catalog.values() for c in group if query in c.title.lower()]
        return [c.search_json() for c in hits[:20]]

    def retire(self, sku: str) -> SellerItem:
        item = self.get(sku)
        item.lifecycle = "RETIRED"
        item.published = "UNPUBLISHED"
        item.reasons = ["Item is retired."]
        self.version += 1
        return item

    def match(
        self, sku: str, id_type: str, product_id: str, price: Any
    ) -> tuple[SellerItem | None, str]:
        """Setup by match: (item, "") when the identifier is in the catalog, else (None, reason)."""
        try:
            gtin = normalize(
                str(product_id), "GTIN" if id_type.upper() == "EAN" else id_type
            ).gtin14
        except InvalidIdentifier as exc:
            return None, str(exc)
        # Two catalog items may share a GTIN; matching takes the first, as Walmart's primary (?).
        candidates = self.catalog.get(gtin)
        if not candidates:
            return None, f"No item in the Walmart catalog has {id_type} {product_id}"
        if not isinstance(price, int | float) or price <= 0:
            return None, "price must be a positive number"
        first = candidates[0]
        old = self.items.get(sku)
        item = SellerItem(
            sku,
            first.wpid if old is None else old.wpid,
            gtin,
            first.title,
            first.product_type,
            float(price),
            old.quantity if old else 0,
            item_id=first.item_id,
        )
        self.put(item)
        return item, ""


def _matches(item: SellerItem, want: dict[str, str]) -> bool:
    return (
        want.get("lifecycleStatus", item.lifecycle) == item.lifecycle
        and want.get("publishedStatus", item.published) == item.published
        and "variantGroupId" not in want
    )


def _encode_cursor(offset: int) -> str:
    return base64.urlsafe_b64encode(f"sandbox-items:{offset}".encode()).decode()


def _decode_cursor(cursor: str) -> int:
    try:
        prefix, offset = base64.urlsafe_b64decode(cursor.encode()).decode().split(":")
        if prefix == "sandbox-items":
            return int(offset)
    except ValueError:
        pass
    raise bad_param(SERVICE, "nextCursor", "nextCursor is invalid or expired")


def _int(value: str, name: str) -> int:
    try:
        return int(value)
    except ValueError:
        raise bad_param(SERVICE, name, f"{name} must be an integer") from None
