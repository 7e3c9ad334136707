"""Catalog and stock reads: products, MSI source items, salable quantity, legacy stock items.

All of these are GETs and therefore retried. Product change detection filters
``updated_at gt <last sync>`` sorted ascending (reference §3); stock changes most likely leave
``updated_at`` alone (?), so the sync polls stock separately by SKU batches.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterable
from datetime import datetime

from channelmanager_gui.errors import MalformedResponseError
from channelmanager_gui.services.commerce.base import CommerceBase, as_number, list_envelope
from channelmanager_gui.services.commerce.models import (
    MediaEntry,
    Product,
    SourceItem,
    StockItem,
    parse,
)
from channelmanager_gui.services.commerce.sales_models import OrderSkus
from channelmanager_gui.services.commerce.search import MAX_PAGE_SIZE, Filter, SearchCriteria

# SKUs per `in` filter: keeps URLs well under common 8 KB limits.
SKU_BATCH = 50

# One source item as (sku, quantity, status): a plain tuple of scalars, which the garbage
# collector stops tracking after its first collection. A pass over 100,000 SKUs read ~114,000
# items; as parsed models (each with a set) they made every full collection, which stops the
# window thread too, hundreds of milliseconds longer. (A NamedTuple stays tracked.)
SourceQty = tuple[str, float, int]


def source_qty(raw: object) -> SourceQty:
    """One source item of a list answer as a :data:`SourceQty`. A well-formed item skips the
    model: the stock loop reads every source item of the shop each pass (24,000 at 10,000
    listings, issue 19's idle day), and validating each was a fifth of its CPU. Anything
    else goes through the model, for its message."""
    if isinstance(raw, dict):
        sku, quantity, status = raw.get("sku"), raw.get("quantity"), raw.get("status")
        if (
            isinstance(sku, str)
            and isinstance(quantity, int | float)
            and not isinstance(quantity, bool)
            and type(status) is int
            and isinstance(raw.get("source_code"), str)
        ):
            return (sku, float(quantity), status)
    item = parse(SourceItem, raw, "source item")
    return (item.sku, item.quantity, item.status)


def sku_batches(skus: Iterable[str], size: int = SKU_BATCH) -> list[list[str]]:
    """Distinct SKUs in order, cut into batches for ``SearchCriteria.where_in``."""
    unique = list(dict.fromkeys(skus))
    return [unique[i : i + size] for i in range(0, len(unique), size)]


def product_criteria(
    updated_since: datetime | None,
    skus: list[str] | None,
    search: str | None,
    page_size: int,
) -> SearchCriteria:
    """The product search; ``search`` matches name OR sku (one OR group, reference §2)."""
    criteria = SearchCriteria(page_size=page_size).sort_by("updated_at", "ASC")
    if updated_since is not None:
        criteria = criteria.where("updated_at", updated_since, "gt")
    if skus:
        criteria = criteria.where_in("sku", skus)
    if search:
        pattern = f"%{search}%"
        criteria = criteria.any_of(Filter("name", pattern, "like"), Filter("sku", pattern, "like"))
    return criteria


class CatalogMixin(CommerceBase):
    """Product and stock reads."""

    async def iter_products(
        self,
        updated_since: datetime | None = None,
        skus: list[str] | None = None,
        search: str | None = None,
        page_size: int = 100,
    ) -> AsyncIterator[Product]:
        """Products matching all given conditions, oldest change first.

        ``updated_since`` must be timezone-aware (Commerce compares in UTC). A ``skus`` list is
        queried in batches of :data:`SKU_BATCH` (sorted within each batch); an empty list
        matches nothing.
        """
        if skus is not None and not skus:
            return
        batches: list[list[str] | None] = list(sku_batches(skus)) if skus else [None]
        for batch in batches:
            criteria = product_criteria(updated_since, batch, search, page_size)
            async for product in self.iter_models(
                Product, self.path("products"), criteria, "product"
            ):
                yield product

    async def get_product(self, sku: str) -> Product:
        """One product by SKU; ``NotFoundError`` when it does not exist."""
        return await self.get_model(Product, self.path("products", sku), "product")

    async def product_media(self, sku: str) -> list[MediaEntry]:
        """The product's media gallery (``GET /V1/products/{sku}/media``, Magento's
        ``ProductAttributeMediaGalleryManagementInterface::getList``): a bare JSON list;
        ``NotFoundError`` for an unknown SKU."""
        body = await self.get(self.path("products", sku, "media"), "product media")
        if not isinstance(body, list):
            raise MalformedResponseError(
                "Commerce sent no list of product media.", field="product media", detail=repr(body)
            )
        return [parse(MediaEntry, entry, "product media") for entry in body]

    async def iter_source_quantities(self, skus: Iterable[str]) -> AsyncIterator[SourceQty]:
        """MSI quantity per (SKU, source) for these SKUs, one :data:`SourceQty` each; SKUs
        without any are absent. Each model is reduced as soon as it is parsed, so a pass over
        the whole catalog never holds more than one page of them."""
        path = self.path("inventory", "source-items")
        for batch in sku_batches(skus):
            criteria = SearchCriteria(page_size=100).where_in("sku", batch)
            async for items in self.iter_pages(path, criteria, "source item"):
                for raw in items:
                    yield source_qty(raw)

    async def source_quantity_page(self, page: int) -> tuple[list[SourceQty], int]:
        """Page ``page`` (1-based) of every MSI source item in the shop, in pages of the largest
        size Commerce takes (reference §10), and how many items there are in all.

        When the listed SKUs are most of the catalog, reading it all takes a sixth of the
        requests of asking by SKU (:data:`SKU_BATCH` a request). Commerce answers a page past
        the last with the last page again (reference §2), so callers stop by the total.
        """
        criteria = SearchCriteria(page_size=MAX_PAGE_SIZE).page(page)
        path = self.path("inventory", "source-items")
        body = await self.get(path, "source item", criteria.to_params())
        items, total = list_envelope(body, "source item")
        return [source_qty(raw) for raw in items], total

    async def iter_ordered_skus(self, updated_since: datetime) -> AsyncIterator[OrderSkus]:
        """Orders updated since a moment (``gteq``, oldest change first), read only for their
        SKUs and change time. Placing, cancelling, shipping or refunding an order moves its
        MSI reservations, and so the salable quantity, without touching the source items
        (reference §4), so this is how the stock loop learns which SKUs to read again."""
        criteria = (
            SearchCriteria(page_size=100)
            .sort_by("updated_at", "ASC")
            .where("updated_at", updated_since, "gteq")
        )
        fields = "items[updated_at,items[sku]],total_count"
        async for items in self.iter_pages(self.path("orders"), criteria, "order", fields):
            for raw in items:
                yield parse(OrderSkus, raw, "order")

    async def get_salable_qty(self, sku: str, stock_id: int = 1) -> float:
        """Sources minus open-order reservations minus threshold; a bare number (§4)."""
        path = self.path("inventory", "get-product-salable-quantity", sku, stock_id)
        return as_number(await self.get(path, "salable quantity"), "salable quantity")

    async def get_stock_item(self, sku: str) -> StockItem:
        """Legacy CatalogInventory stock item (single-source shops without MSI)."""
        return await self.get_model(StockItem, self.path("stockItems", sku), "stock item")
