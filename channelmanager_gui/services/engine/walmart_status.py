"""Walmart-side status of matched listings: published or not, and retired items (→ ended).

Two cheap reads, part of the matching loop:

- every :data:`RETIRED_EVERY`, the seller's items filtered by ``lifecycleStatus`` RETIRED and
  ARCHIVED (usually few) mark those listings *ended*;
- each pass, a few matched listings not yet published are read one by one, so *ready to list*
  turns *active* once Walmart publishes the item.
"""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from channelmanager_gui.errors import ChannelError, NotFoundError
from channelmanager_gui.models.account import WALMART
from channelmanager_gui.models.listing import Listing, MatchStatus
from channelmanager_gui.services.engine import outcomes
from channelmanager_gui.services.engine.context import EngineEnv, StoreContext
from channelmanager_gui.services.engine.cursors import read_cursor, write_cursor
from channelmanager_gui.services.outbox import RETRYABLE
from channelmanager_gui.services.walmart.catalog_models import Item

RETIRED_EVERY = timedelta(minutes=10)
PUBLISH_CHECKS = 20  # unpublished items read per pass
CURSOR = "walmart.retired_checked_at"
ENDED = ("RETIRED", "ARCHIVED")


async def refresh_statuses(env: EngineEnv, store: StoreContext) -> dict[str, int]:
    counts = {"ended": 0, "published_checked": 0}
    if _due(env, store.id):
        ended = await _ended_items(store)
        if ended is not None:
            counts["ended"] = _mark_ended(env, store.id, ended)
    counts["published_checked"] = await _check_unpublished(env, store)
    return counts


async def _ended_items(store: StoreContext) -> dict[str, Item] | None:
    found: dict[str, Item] = {}
    try:
        for status in ENDED:
            async for item in store.walmart.iter_items(lifecycle_status=status):
                found[item.sku] = item
    except ChannelError:
        return None  # tried again next pass; the cursor is only moved on success
    return found


def _mark_ended(env: EngineEnv, store_id: int, ended: dict[str, Item]) -> int:
    count = 0
    with env.db.session() as session:
        query = select(Listing).where(
            Listing.store_id == store_id,
            Listing.marketplace == WALMART,
            Listing.match_status == MatchStatus.MATCHED,
            Listing.sku.in_(list(ended)),
        )
        for listing in session.scalars(query):
            item = ended[listing.sku]
            if listing.lifecycle_status == item.lifecycle_status:
                continue
            listing.lifecycle_status = item.lifecycle_status
            listing.published_status = item.published_status
            listing.refresh_state()
            outcomes.note(
                session,
                listing,
                "ended",
                f"{(item.lifecycle_status or '').capitalize()} on Walmart: the listing "
                "has ended and is no longer synced",
                "error",
            )
            count += 1
        write_cursor(session, store_id, CURSOR, env.clock())
    return count


async def _check_unpublished(env: EngineEnv, store: StoreContext) -> int:
    with env.db.session() as session:
        query = (
            select(Listing.id, Listing.sku)
            .where(
                Listing.store_id == store.id,
                Listing.marketplace == WALMART,
                Listing.match_status == MatchStatus.MATCHED,
                Listing.published_status.is_distinct_from("PUBLISHED"),
                Listing.lifecycle_status.is_(None) | Listing.lifecycle_status.not_in(ENDED),
            )
            .order_by(Listing.updated_at)
            .limit(PUBLISH_CHECKS)
        )
        rows = list(session.execute(query))
    checked = 0
    for listing_id, sku in rows:
        try:
            item = await store.walmart.get_item(sku)
        except RETRYABLE:
            break
        except NotFoundError:
            continue  # a setup by match Walmart has not finished indexing yet
        except ChannelError:
            continue
        _record_item(env, listing_id, item)
        checked += 1
    return checked


def _record_item(env: EngineEnv, listing_id: int, item: Item) -> None:
    with env.db.session() as session:
        listing = session.get(Listing, listing_id)
        if listing is None:
            return
        before = listing.published_status
        listing.published_status = item.published_status
        listing.lifecycle_status = item.lifecycle_status
        listing.marketplace_product_id = item.wpid or listing.marketplace_product_id
        listing.updated_at = env.clock()  # read again only after the others
        listing.refresh_state()
        if before != item.published_status:
            reasons = "; ".join(item.unpublished_reasons)
            message = f"Walmart status {item.published_status}" + (
                f": {reasons}" if reasons else ""
            )
            outcomes.note(session, listing, "walmart_status", message, "info")


def _due(env: EngineEnv, store_id: int) -> bool:
    with env.db.session() as session:
        checked = read_cursor(session, store_id, CURSOR)
    return checked is None or env.clock() - checked >= RETIRED_EVERY
