"""Loop "stock": the salable quantity of every listed SKU, read from Commerce.

Stock changes do not bump a product's ``updated_at`` (commerce reference §3–§4), so the catalog
refresh cannot see them. Reading the salable quantity costs one request per SKU, so each pass
reads it only where it may have moved (issue 19: an idle day must cost next to nothing):

1. the MSI source items of all listed SKUs (``stock_reads.source_totals``): SKUs whose summed
   source quantity changed, or never read, are due;
2. the orders changed since the last pass (``stock_reads.ordered_skus``): an order placed,
   cancelled, shipped or refunded moves reservations, and so the salable quantity, without
   touching the source items; its SKUs are due unless read since;
3. a small rotating slice of the SKUs read longest ago, so that every one is read again within
   :data:`RECHECK_PERIOD` whatever happens (a threshold changed in the admin, a reservation
   made outside an order).

Before, every pass also re-read 25 SKUs and the 15-minute "full_stock" cycle re-read every
SKU: at 10,000 listings ~670 requests a minute while nothing changed, and a reservation took
up to those 15 minutes to be seen. Shops without MSI (the source-items route answers 404) fall
back to the legacy stock item, read for every SKU.
"""

from __future__ import annotations

import asyncio
import logging
import math
from datetime import UTC, datetime, timedelta

from sqlalchemy import String, select, type_coerce

from channelmanager_gui.errors import ChannelError, RateLimitError, UnavailableError
from channelmanager_gui.models.listing import Listing
from channelmanager_gui.services.changes import Change, Changes
from channelmanager_gui.services.commerce.client import CommerceClient
from channelmanager_gui.services.engine.context import EngineEnv, StoreContext
from channelmanager_gui.services.engine.cursors import load_cursor, save_cursor
from channelmanager_gui.services.engine.stock_reads import ordered_skus, source_totals

CONCURRENCY = 4
RECHECK_PERIOD = timedelta(hours=4)  # every SKU's salable quantity is re-read this often
# An order's SKU is read again unless our last read came this long after the order changed
# (Commerce's clock and ours may differ by this much; the checkout commits after its stamp).
RESERVATION_SKEW = timedelta(seconds=30)
ORDERS_CURSOR = "stock_orders"

log = logging.getLogger(__name__)


# One listing to poll as (id, sku, source_qty, qty, stock_checked_at as stored): a plain tuple
# of scalars, which the garbage collector stops tracking after its first collection. Two
# overlapping passes over 100,000 listings held 200,000 dataclass rows, and every full
# collection (which stops the window thread too) walked them all. A NamedTuple would stay
# tracked, hence the bare tuple. The time stays SQLite's text (``_checked``): turning every
# row's into a datetime was half of reading the rows, every 20 s, and only the few SKUs an
# order named need it.
_Row = tuple[int, str, float | None, int | None, str | None]
_STORED = type_coerce(Listing.stock_checked_at, String)


async def poll_stock(
    env: EngineEnv, store: StoreContext, *, listing_ids: list[int] | None = None
) -> dict[str, int]:
    """Refresh ``Listing.qty`` (salable) where it may have moved; returns counts.

    With ``listing_ids`` (products the catalog refresh just imported), those are all read.
    """
    rows, oldest = _load(env, store, listing_ids)
    if not rows:
        return {"checked": 0, "changed": 0}
    totals = await source_totals(store.commerce, [row[1] for row in rows])
    if listing_ids:
        skus = list(dict.fromkeys(row[1] for row in rows))  # once per SKU, not per account
        read = await _read_salable(store.commerce, skus, totals)
    else:
        read = await _read_moved(env, store, rows, oldest, totals)
    changed = _store(env, rows, totals, read)
    if changed:
        env.changes.publish(Changes.of(Change.LISTINGS))
    return {"checked": len(read), "changed": changed}


async def _read_moved(
    env: EngineEnv,
    store: StoreContext,
    rows: list[_Row],
    oldest: set[int],
    totals: dict[str, float] | None,
) -> dict[str, int]:
    """Salable units of the SKUs whose quantity may have moved, plus the rotating slice; the
    orders cursor moves on only once every SKU its orders named was read."""
    cursor = load_cursor(env.db, store.id, ORDERS_CURSOR)
    try:
        ordered, newest = await ordered_skus(store.commerce, cursor or env.clock())
    except ChannelError as exc:  # the source changes are still worth reading this pass
        log.warning("stock: recent orders unreadable, tried again next pass: %s", exc)
        return await _read_salable(store.commerce, _due_skus(rows, oldest, totals, {}), totals)
    due_skus = _due_skus(rows, oldest, totals, ordered)
    read = await _read_salable(store.commerce, due_skus, totals)
    moved = max(filter(None, (cursor, newest)), default=env.clock())
    if moved != cursor and all(sku in read for sku in due_skus if sku in ordered):
        save_cursor(env.db, store.id, ORDERS_CURSOR, moved)
    return read


def _due_skus(
    rows: list[_Row],
    oldest: set[int],
    totals: dict[str, float] | None,
    ordered: dict[str, datetime],
) -> list[str]:
    """SKUs to read: those that may have moved, then the rotating slice."""
    due = [row[1] for row in rows if _due(row, totals, ordered)]
    due += [sku for id_, sku, *_ in rows if id_ in oldest]
    # A SKU listed on several accounts (Walmart and Amazon) is read once for all its rows.
    return list(dict.fromkeys(due))


def _due(row: _Row, totals: dict[str, float] | None, ordered: dict[str, datetime]) -> bool:
    """Whether a listing's salable quantity may have moved since it was last read."""
    _, sku, source_qty, qty, checked = row
    if qty is None or checked is None or totals is None or source_qty != totals.get(sku, 0.0):
        return True
    order_changed = ordered.get(sku)
    return order_changed is not None and _checked(checked) <= order_changed + RESERVATION_SKEW


def _checked(stored: str) -> datetime:
    """``stock_checked_at`` from SQLite's text (naive UTC, ``models.base.UTCDateTime``)."""
    return datetime.fromisoformat(stored).replace(tzinfo=UTC)


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


def recheck_slice(listings: int, interval: float) -> int:
    """SKUs re-read per pass so that all are re-read within :data:`RECHECK_PERIOD`."""
    passes = max(1.0, RECHECK_PERIOD.total_seconds() / max(interval, 1.0))
    return math.ceil(listings / passes)


def _load(
    env: EngineEnv, store: StoreContext, listing_ids: list[int] | None
) -> tuple[list[_Row], set[int]]:
    """The listings to poll, and the ids of the slice read longest ago."""
    columns = (Listing.id, Listing.sku, Listing.source_qty, Listing.qty, _STORED)
    query = select(*columns).where(
        Listing.store_id == store.id,
        Listing.commerce_product_id.is_not(None),  # not an Amazon listing Commerce lacks
    )
    if listing_ids is not None:
        query = query.where(Listing.id.in_(listing_ids))
    with env.db.session() as session:
        rows: list[_Row] = [tuple(row) for row in session.execute(query)]  # type: ignore[misc]
        if listing_ids is not None:
            return rows, set()
        size = recheck_slice(len(rows), store.settings.intervals.get("stock", 20.0))
        oldest_query = (
            select(Listing.id)
            .where(Listing.store_id == store.id)
            .order_by(Listing.stock_checked_at.is_not(None), Listing.stock_checked_at, Listing.id)
            .limit(size)
        )
        oldest = set(session.scalars(oldest_query))
    return rows, oldest


def _store(
    env: EngineEnv, rows: list[_Row], totals: dict[str, float] | None, read: dict[str, int]
) -> int:
    """Write source totals and salable quantities; returns how many quantities changed."""
    changed = 0
    now = env.clock()
    with env.db.session() as session:
        for id_, sku, *_ in rows:
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
