"""Loop "stock": the salable quantity of every listed SKU, read from Commerce.

Stock changes do not bump a product's ``updated_at`` (commerce reference §3–§4), so the catalog
refresh cannot see them. Reading the salable quantity costs one request per SKU, so each pass:

1. reads the MSI source items of all listed SKUs in batches (``sku in …``, 50 per request);
2. reads the salable quantity only of SKUs whose summed source quantity changed, that were
   never read, plus the few read longest ago (open orders reserve stock without touching the
   source items, so everything is re-read within a few passes);
3. on the slow "full" cycle, reads every SKU.

Shops without MSI (the source-items route answers 404) fall back to the legacy stock item.
"""

from __future__ import annotations

import asyncio
import math
from collections import defaultdict
from dataclasses import dataclass

from sqlalchemy import select

from channelmanager_gui.errors import ChannelError, NotFoundError, RateLimitError, UnavailableError
from channelmanager_gui.models.listing import Listing
from channelmanager_gui.services.changes import Change
from channelmanager_gui.services.commerce.client import CommerceClient
from channelmanager_gui.services.engine.context import EngineEnv, StoreContext

RECHECK_PER_RUN = 25  # salable re-reads of unchanged SKUs per pass (catches reservations)
CONCURRENCY = 4


@dataclass
class _Row:
    id: int
    sku: str
    source_qty: float | None
    qty: int | None


async def poll_stock(
    env: EngineEnv,
    store: StoreContext,
    *,
    listing_ids: list[int] | None = None,
    full: bool = False,
) -> dict[str, int]:
    """Refresh ``Listing.qty`` (salable) for the store's listings; returns counts."""
    rows, oldest = _load(env, store.id, listing_ids)
    if not rows:
        return {"checked": 0, "changed": 0}
    totals = await source_totals(store.commerce, [r.sku for r in rows])
    due = [
        r
        for r in rows
        if full
        or listing_ids
        or r.qty is None
        or totals is None
        or r.source_qty != totals.get(r.sku, 0.0)
    ]
    due_ids = {r.id for r in due}
    due += [r for r in rows if r.id in oldest and r.id not in due_ids]
    read = await _read_salable(store.commerce, due, totals)
    changed = _store(env, rows, totals, read)
    if changed:
        env.changes.publish(Change.LISTINGS)
    return {"checked": len(read), "changed": changed}


async def source_totals(commerce: CommerceClient, skus: list[str]) -> dict[str, float] | None:
    """In-stock MSI source quantity per SKU (absent SKUs have none); None without MSI."""
    try:
        items = await commerce.get_source_items(skus)
    except NotFoundError:
        return None
    totals: dict[str, float] = defaultdict(float)
    for item in items:
        if item.status == 1:
            totals[item.sku] += item.quantity
        else:
            totals.setdefault(item.sku, 0.0)
    return dict(totals)


def salable_units(value: float) -> int:
    """Whole units Walmart may sell: fractions and negatives (oversold) count as nothing."""
    return max(0, math.floor(value)) if math.isfinite(value) else 0


async def _read_salable(
    commerce: CommerceClient, rows: list[_Row], totals: dict[str, float] | None
) -> dict[str, int]:
    """Salable units per SKU; a SKU the salable API refuses falls back to its source total.

    An outage or throttling stops the pass early: unread SKUs stay due for the next one.
    """
    found: dict[str, int] = {}
    stop = asyncio.Event()
    queue = iter(rows)  # shared by the readers: one task per reader, not one per SKU (100,000
    # tasks at once held the window's event loop for seconds on the full-stock cycle)

    async def reader() -> None:
        for row in queue:
            if stop.is_set():
                return
            try:
                found[row.sku] = salable_units(await _salable(commerce, row.sku, totals))
            except (UnavailableError, RateLimitError):
                stop.set()
            except ChannelError:
                if totals is not None:
                    found[row.sku] = salable_units(totals.get(row.sku, 0.0))

    await asyncio.gather(*(reader() for _ in range(CONCURRENCY)))
    return found


async def _salable(commerce: CommerceClient, sku: str, totals: dict[str, float] | None) -> float:
    if totals is None:  # no MSI: the legacy stock item is the whole truth
        item = await commerce.get_stock_item(sku)
        return item.qty if item.is_in_stock else 0.0
    return await commerce.get_salable_qty(sku)


def _load(
    env: EngineEnv, store_id: int, listing_ids: list[int] | None
) -> tuple[list[_Row], set[int]]:
    """The listings to poll, and the ids of those read longest ago."""
    query = select(Listing.id, Listing.sku, Listing.source_qty, Listing.qty).where(
        Listing.store_id == store_id
    )
    if listing_ids is not None:
        query = query.where(Listing.id.in_(listing_ids))
    oldest_query = (
        select(Listing.id)
        .where(Listing.store_id == store_id)
        .order_by(Listing.stock_checked_at.is_not(None), Listing.stock_checked_at, Listing.id)
        .limit(RECHECK_PER_RUN)
    )
    with env.db.session() as session:
        rows = [_Row(*row) for row in session.execute(query)]
        oldest = set(session.scalars(oldest_query))
    return rows, oldest


def _store(
    env: EngineEnv, rows: list[_Row], totals: dict[str, float] | None, read: dict[str, int]
) -> int:
    """Write source totals and salable quantities; returns how many quantities changed."""
    changed = 0
    now = env.clock()
    with env.db.session() as session:
        for row in rows:
            if row.sku not in read:  # an unread SKU keeps its old total, so it stays due
                continue  # (and is not fetched: 100,000 gets per pass for a few reads)
            listing = session.get(Listing, row.id)
            if listing is None:  # removed meanwhile
                continue
            if totals is not None:
                listing.source_qty = totals.get(row.sku, 0.0)
            listing.stock_checked_at = now
            if listing.qty != read[row.sku]:
                listing.qty = read[row.sku]
                changed += 1
            listing.refresh_state()
    return changed
