"""Bulk feeds: inventory, price and setup-by-match, and their status (reference §6–§9).

Feeds are uploaded as the spec says: ``multipart/form-data`` with the JSON document in a part
named ``file`` (the inventory, price and items OpenAPI files, ``POST /v3/feeds``); maintained
clients post a bare JSON body instead, which Walmart also takes (§9). Submissions are NOT
repeatable: each POST
creates a new feed and spends the hourly feed quota, so a lost answer surfaces as
``UnavailableError(maybe_sent=True)`` for the caller to check ``GET /v3/feeds`` first.
Feed ids contain ``@``, sent as ``%40``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from channelmanager_gui.errors import ValidationError
from channelmanager_gui.services.http import Priority
from channelmanager_gui.services.walmart.catalog_models import FeedItemResult, FeedStatus
from channelmanager_gui.services.walmart.core import Upload, WalmartCore, segment
from channelmanager_gui.services.walmart.listings import check_price, check_quantity

MAX_FEED_ITEMS = 10_000
MAX_FEED_PAGE = 50  # feeds OpenAPI, ``limit``: "It cannot be more than 50 entities"
_MAX_DETAIL_PAGES = 1000


@dataclass(frozen=True)
class MatchItem:
    """One SKU to set up by matching an existing Walmart catalog item (MP_ITEM_MATCH 4.1)."""

    sku: str
    product_id: str
    price: Decimal
    shipping_weight: Decimal = Decimal("1")
    product_id_type: str = "GTIN"

    def to_wire(self) -> dict[str, Any]:
        segment(self.sku, "sku")
        if self.product_id_type not in ("GTIN", "UPC", "ISBN", "EAN"):
            raise ValidationError("product_id_type", "must be GTIN, UPC, ISBN or EAN")
        item = {
            "sku": self.sku,
            "productIdentifiers": {"productIdType": self.product_id_type,
                                   "productId": self.product_id},
            "ShippingWeight": float(self.shipping_weight),
            "price": float(check_price(self.price)),
        }  # fmt: skip
        return {"Item": item}


class FeedsApi(WalmartCore):
    async def submit_inventory_feed(self, items: list[tuple[str, int]]) -> str:
        """Set quantities of many SKUs (feed spec 1.4); returns the feed id."""
        rows = [{"sku": _sku(sku), "quantity": {"unit": "EACH", "amount": check_quantity(qty)}}
                for sku, qty in _some(items)]  # fmt: skip
        body = {"InventoryHeader": {"version": "1.4"}, "Inventory": rows}
        return await self._submit("inventory", body)

    async def submit_price_feed(
        self, items: list[tuple[str, Decimal | float | str]], currency: str = "USD"
    ) -> str:
        """Set BASE prices of many SKUs (feed spec 1.7); returns the feed id."""
        rows = [
            {"sku": _sku(sku), "pricing": [{"currentPriceType": "BASE", "currentPrice": {
                "currency": currency, "amount": float(check_price(amount))}}]}
            for sku, amount in _some(items)
        ]  # fmt: skip
        return await self._submit("price", {"PriceHeader": {"version": "1.7"}, "Price": rows})

    async def submit_match_feed(self, items: list[MatchItem]) -> str:
        """Offer SKUs against existing catalog items (MP_ITEM_MATCH); returns the feed id."""
        header = {"processMode": "REPLACE", "subset": "EXTERNAL", "locale": "en",
                  "sellingChannel": "mpsetupbymatch", "version": "4.1"}  # fmt: skip
        body = {"MPItemFeedHeader": header, "MPItem": [i.to_wire() for i in _some(items)]}
        return await self._submit("MP_ITEM_MATCH", body)

    async def get_feed_status(
        self,
        feed_id: str,
        include_details: bool = True,
        *,
        page_size: int = 50,
        priority: Priority = Priority.BACKGROUND,
    ) -> FeedStatus:
        """Counts and (with details) every item's outcome, paging ``itemDetails`` by offset."""
        if not 1 <= page_size <= MAX_FEED_PAGE:
            raise ValidationError("page_size", f"must be between 1 and {MAX_FEED_PAGE}")
        path = f"/v3/feeds/{segment(feed_id, 'feed_id')}"
        items: list[FeedItemResult] = []
        first: FeedStatus | None = None
        for page in range(_MAX_DETAIL_PAGES):
            params = {"includeDetails": str(include_details).lower(),
                      "offset": str(page * page_size), "limit": str(page_size)}  # fmt: skip
            reply = await self._call("GET", path, what=f"feed {feed_id}", params=params,
                                     rate_key="walmart:feeds.get", priority=priority)  # fmt: skip
            status = reply.model(FeedStatus, reply.data)
            if first is not None and status.items and status.items == items[-len(status.items) :]:
                raise reply.malformed("itemDetails", "repeats the previous page (offset ignored)")
            first = first or status
            items.extend(status.items)
            if not include_details or len(status.items) < page_size:
                break
            if len(items) >= status.received:
                break
        assert first is not None  # the loop runs at least once
        return first.model_copy(update={"items": items})

    async def _submit(self, feed_type: str, body: dict[str, Any]) -> str:
        reply = await self._call(
            "POST",
            "/v3/feeds",
            what=f"the {feed_type} feed",
            params={"feedType": feed_type},
            upload=Upload.file("file", f"{feed_type}.json", _json_bytes(body), "application/json"),
            repeatable=False,
            rate_key=f"walmart:feeds.submit.{feed_type}",
            priority=Priority.BACKGROUND,
        )
        feed_id = reply.dig("feedId")
        if not isinstance(feed_id, str) or not feed_id:
            raise reply.malformed("feedId", "is not a feed id")
        return feed_id


def _json_bytes(body: dict[str, Any]) -> bytes:
    """The feed file: UTF-8 JSON, non-ASCII SKUs and names kept as they are."""
    return json.dumps(body, ensure_ascii=False, separators=(",", ":")).encode()


def _sku(sku: str) -> str:
    segment(sku, "sku")
    return sku


def _some(items: list[Any]) -> list[Any]:
    if not items:
        raise ValidationError("items", "a feed needs at least one item")
    if len(items) > MAX_FEED_ITEMS:
        raise ValidationError("items", f"at most {MAX_FEED_ITEMS} items per feed")
    return items
