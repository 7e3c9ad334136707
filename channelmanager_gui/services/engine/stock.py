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

from sqlalchemy import select

from channelmanager_gui.errors import ChannelError, NotFoundError, RateLimitError, UnavailableError
from channelmanager_gui.models.listing import Listing
from channelmanager_gui.services.changes import Change, Changes
from channelmanager_gui.services.commerce.client import CommerceClient
from channelmanager_gui.services.engine.context import EngineEnv, StoreContext

RECHECK_PER_RUN = 25  # salable re-reads of unchanged SKUs per pass (catches reservations)
CONCURRENCY = 4


# One listing to poll as (id, sku, source_qty, qty): a plain tuple of scalars, which the garbage
# collector stops tracking after its first collection. Two overlapping passes over 100,000
# listings held 200,000 dataclass rows, and every full collection (which stops the window thread
# too) walked them all. A NamedTuple would stay tracked, hence the bare tuple.
_Row = tuple[int, str, float | None, int | None]


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
    totals = await source_totals(store.commerce, [sku for _, sku, _, _ in rows])
    due = [
        sku
        for _, sku, source_qty, qty in rows
        if full
        or listing_ids
        or qty is None
        or totals is None
        or source_qty != totals.get(sku, 0.0)
    ]
    due_skus = set(due)
    due += [sku for id_, sku, _, _ in rows if id_ in oldest and sku not in due_skus]
    # A SKU listed on several accounts (Walmart and Amazon) is read once for all its rows.
    read = await _read_salable(store.commerce, list(dict.fromkeys(due)), totals)
    changed = _store(env, rows, totals, read)
    if changed:
        env.changes.publish(Changes.of(Change.LISTINGS))
    return {"checked": len(read), "changed": changed}


async def source_totals(commerce: CommerceClient, skus: list[str]) -> dict[str, float] | None:
    """In-stock MSI source quantity per SKU (absent SKUs have none); None without MSI."""
    totals: dict[str, float] = defaultdict(float)
    try:
        async for sku, quantity, status in commerce.iter_source_quantities(skus):
            if status == 1:
                totals[sku] += quantity
            else:
                totals.setdefault(sku, 0.0)
    except NotFoundError:
        return None
    return dict(totals)


def salable_units(value: float) -> int:
    """Whole units Walmart may sell: fractions and negatives (oversold) count as nothing."""
    return max(0, math.floor(value)) if math.isfinite(value) else 0


async def _read_salable(
    commerce: CommerceClient, skus: list[str], totals: dict[str, float] | None
) -> dict[str, int]:
    """Salable units per SKU; a SKU the salable API refuses falls back to its source total.

    An outage or throttling stops the pass early: unread SKUs stay due for the next one.
    """
    found: dict[str, int] = {}
    stop = asyncio.Event()
    queue = iter(skus)  # shared by the readers: one task per reader, not one per SKU (100,000
    # tasks at once held the window's event loop for seconds on the full-stock cycle)

    async def reader() -> None:
        for sku in queue:
            if stop.is_set():
                return
            try:
                found[sku] = salable_units(await _salable(commerce, sku, totals))
            except (UnavailableError, RateLimitError):
                stop.set()
            except ChannelError:
                if totals is not None:
                    found[sku] = salable_units(totals.get(sku, 0.0))

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
        Listing.store_id == store_id,
        Listing.commerce_product_id.is_not(None),  # not an Amazon listing Commerce lacks
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
        rows: list[_Row] = [(i, sku, src, qty) for i, sku, src, qty in session.execute(query)]
        oldest = set(session.scalars(oldest_query))
    return rows, oldest


def _store(
    env: EngineEnv, rows: list[_Row], totals: dict[str, float] | None, read: dict[str, int]
) -> int:
    """Write source totals and salable quantities; returns how many quantities changed."""
    changed = 0
    now = env.clock()
    with env.db.session() as session:
        for id_, sku, _, _ in rows:
            if sku not in read:  # an unread SKU keeps its old total, so it stays due
                continue  # (and is not fetched: 100,000 gets per pass for a few reads)
            listing = session.get(Listing, id_)
            if listing is None:  # removed meanwhile
                continue
            if totals is not None:
                listing.source_qty = totals.get(sku, 0.0)
            listing.stock_checked_at = now
            if listing.qty != read[sku]:
                listing.qty = read[sku]
                changed += 1
            listing.refresh_state()
    return changed
