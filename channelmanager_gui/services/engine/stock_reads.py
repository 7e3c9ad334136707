"""What the stock loop reads from Commerce, and how cheaply: source totals and reservation moves.

An idle shop must cost next to nothing (issue 19: a tray app running all day; budget 2 % of a
core at 10,000 listings). Every request costs the engine ~3 ms of CPU, so these readers choose
the fewest requests that still see every change:

- source totals: asked by SKU (50 per request) or, when the listed SKUs are most of the shop,
  the whole shop's source items in pages of 300 (reference §10), whichever takes fewer;
- reservations: Commerce moves them only with an order (placed, cancelled, shipped, refunded;
  reference §4), so the orders updated since a cursor name the SKUs whose salable quantity may
  have moved, instead of re-reading every SKU's salable quantity on a timer.
"""

from __future__ import annotations

import asyncio
import math
from collections import defaultdict
from collections.abc import AsyncIterator
from datetime import datetime, timedelta

from channelmanager_gui.errors import NotFoundError
from channelmanager_gui.services.commerce.catalog import SKU_BATCH, SourceQty
from channelmanager_gui.services.commerce.client import CommerceClient
from channelmanager_gui.services.commerce.search import MAX_PAGE_SIZE

CONCURRENCY = 4
# A shop-wide read is worth it only past a few batches; below, it would cost a request more.
SCAN_FROM_BATCHES = 3
# Orders are read again from this long before the newest change seen: an order whose checkout
# committed a moment after a later one (Commerce stamps ``updated_at`` in whole seconds, before
# its transaction ends) is not skipped. Also the clock skew tolerated between Commerce and us.
ORDER_OVERLAP = timedelta(minutes=2)


async def source_totals(commerce: CommerceClient, skus: list[str]) -> dict[str, float] | None:
    """In-stock MSI source quantity per SKU (absent SKUs have none); None without MSI."""
    wanted = set(skus)
    totals: dict[str, float] = defaultdict(float)
    try:
        async for sku, quantity, status in _source_items(commerce, skus, wanted):
            if sku not in wanted:
                continue
            if status == 1:
                totals[sku] += quantity
            else:
                totals.setdefault(sku, 0.0)
    except NotFoundError:
        return None
    return dict(totals)


async def _source_items(
    commerce: CommerceClient, skus: list[str], wanted: set[str]
) -> AsyncIterator[SourceQty]:
    """The source items of ``skus``, and with the whole-shop read others too (the caller
    filters). Pages move if the shop changes between two of them, so an item may be missed
    once: its SKU then reads as changed and its salable quantity is read, which is right."""
    batches = math.ceil(len(wanted) / SKU_BATCH)
    if batches >= SCAN_FROM_BATCHES:
        first, total = await commerce.source_quantity_page(1)
        pages = math.ceil(total / MAX_PAGE_SIZE)
        if pages <= batches:
            for item in first:
                yield item
            for start in range(2, pages + 1, CONCURRENCY):
                chunk = range(start, min(pages, start + CONCURRENCY - 1) + 1)
                for items, _ in await asyncio.gather(
                    *(commerce.source_quantity_page(page) for page in chunk)
                ):
                    for item in items:
                        yield item
            return
        # a big catalog with few listings: asking by SKU takes fewer requests
    async for item in commerce.iter_source_quantities(skus):
        yield item


async def ordered_skus(
    commerce: CommerceClient, cursor: datetime
) -> tuple[dict[str, datetime], datetime | None]:
    """SKUs of the orders changed since ``cursor`` minus :data:`ORDER_OVERLAP`, each with its
    latest order change (Commerce's clock), and the newest change seen (None: no order)."""
    changed: dict[str, datetime] = {}
    newest: datetime | None = None
    async for order in commerce.iter_ordered_skus(cursor - ORDER_OVERLAP):
        when = order.updated_at
        if when is None:  # Commerce always stamps an order; without one, count it as new
            when = cursor
        newest = when if newest is None else max(newest, when)
        for item in order.items:
            if item.sku:
                changed[item.sku] = max(when, changed.get(item.sku, when))
    return changed, newest
