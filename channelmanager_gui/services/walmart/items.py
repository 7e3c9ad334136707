"""Items: the seller's catalog, one item, Walmart catalog search, retire (reference §8).

Item paging is the second cursor style: ``nextCursor=*`` first, then the returned value, until
it comes back empty. The cursor reportedly expires after ~2 min **(?)**, so callers should
consume pages promptly rather than pause mid-iteration.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

from channelmanager_gui.errors import NotFoundError, ValidationError
from channelmanager_gui.services.http import Priority
from channelmanager_gui.services.walmart.catalog_models import CatalogItem, Item, RetireResult
from channelmanager_gui.services.walmart.core import WalmartCore, segment

PRODUCT_ID_TYPES = ("SKU", "GTIN", "UPC", "ISBN", "EAN", "ITEM_ID")
# Items OpenAPI, ``GET /v3/items`` ``limit``: "It cannot be more than 50 entities" (third-party
# notes say 200 or 1000, reference §8 (?); the spec wins).
MAX_ITEMS_PAGE = 50


class ItemsApi(WalmartCore):
    async def iter_items(
        self,
        *,
        lifecycle_status: str | None = None,
        published_status: str | None = None,
        limit: int = MAX_ITEMS_PAGE,
        priority: Priority = Priority.BACKGROUND,
    ) -> AsyncIterator[Item]:
        """All of the seller's items matching the filters, page by page."""
        if not 1 <= limit <= MAX_ITEMS_PAGE:
            raise ValidationError("limit", f"must be between 1 and {MAX_ITEMS_PAGE}")
        filters = {"lifecycleStatus": lifecycle_status, "publishedStatus": published_status}
        cursor, seen = "*", set()
        while True:
            params: dict[str, Any] = {"nextCursor": cursor, "limit": str(limit)}
            params.update({k: v for k, v in filters.items() if v})
            reply = await self._call("GET", "/v3/items", what="the item list",
                                     rate_key="walmart:items", params=params,
                                     priority=priority)  # fmt: skip
            # ``ItemResponse`` is required (items.json, GET /v3/items 200).
            page = reply.required_list("ItemResponse", ("totalItems",))
            for raw in page:
                yield reply.model(Item, raw)
            next_cursor = reply.cursor_at("nextCursor")
            if not page or next_cursor is None:
                return
            cursor = next_cursor
            if cursor in seen:
                raise reply.malformed("nextCursor", "repeats an earlier page")
            seen.add(cursor)

    async def get_item(
        self,
        sku_or_id: str,
        product_id_type: str = "SKU",
        *,
        priority: Priority = Priority.INTERACTIVE,
    ) -> Item:
        """One item; ``NotFoundError`` when Walmart does not have it."""
        if product_id_type not in PRODUCT_ID_TYPES:
            raise ValidationError("product_id_type", f"must be one of {PRODUCT_ID_TYPES}")
        reply = await self._call(
            "GET",
            f"/v3/items/{segment(sku_or_id, 'sku')}",
            what=f"item {sku_or_id}",
            rate_key="walmart:items.get",
            params={"productIdType": product_id_type},
            priority=priority,
        )
        page = reply.required_list("ItemResponse", ("totalItems",))
        if not page:
            raise NotFoundError(f"Walmart has no item {sku_or_id}", status=200,
                                correlation_id=reply.correlation_id)  # fmt: skip
        return reply.model(Item, page[0])

    async def search_catalog(
        self,
        *,
        gtin: str | None = None,
        upc: str | None = None,
        query: str | None = None,
        priority: Priority = Priority.INTERACTIVE,
    ) -> list[CatalogItem]:
        """Walmart catalog candidates (first 20) by exactly one of GTIN-14, UPC-12 or text."""
        given = {k: v for k, v in {"gtin": gtin, "upc": upc, "query": query}.items() if v}
        if len(given) != 1:
            raise ValidationError("query", "search by exactly one of GTIN, UPC or text")
        if gtin is not None and not (gtin.isdigit() and len(gtin) == 14):
            raise ValidationError("gtin", "must be 14 digits (pad shorter GTINs with zeros)")
        if upc is not None and not (upc.isdigit() and len(upc) == 12):
            raise ValidationError("upc", "must be 12 digits")
        reply = await self._call("GET", "/v3/items/walmart/search", what="the catalog search",
                                 rate_key="walmart:items.search", params=given,
                                 priority=priority)  # fmt: skip
        return [reply.model(CatalogItem, raw) for raw in reply.list_at("items")]

    async def retire_item(
        self, sku: str, *, priority: Priority = Priority.INTERACTIVE
    ) -> RetireResult:
        """Retire (delete) an item; Walmart takes up to 48 h. Repeatable: retiring is final."""
        reply = await self._call(
            "DELETE",
            f"/v3/items/{segment(sku, 'sku')}",
            what=f"retirement of {sku}",
            rate_key="walmart:items.retire",
            repeatable=True,
            priority=priority,
        )
        return reply.model(RetireResult, reply.data)
