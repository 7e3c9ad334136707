"""Per-item feed outcomes onto listings: what success and failure mean for each feed type.

Walmart reports each record of a processed feed as ``SUCCESS`` or an error status with its
``ingestionErrors`` (reference §9). A feed that ended in ``ERROR``, or a record Walmart did not
report on, counts as failed for those listings with a reason the merchant can read.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from channelmanager_gui.models.listing import FeedState, Listing, MarketplaceFeed
from channelmanager_gui.models.money import to_money
from channelmanager_gui.services.engine import outcomes
from channelmanager_gui.services.engine.push import INVENTORY_ACTION, PRICE_ACTION
from channelmanager_gui.services.outbox import enqueue
from channelmanager_gui.services.walmart.catalog_models import FeedItemResult, FeedStatus

Entry = dict[str, Any]
_IDS_PER_QUERY = 5_000  # well under SQLite's limit on bound parameters


@dataclass(frozen=True)
class ResultRules:
    label: str
    success: Callable[[Session, Listing, Entry, FeedItemResult | None, datetime, str], None]
    failure: Callable[[Session, Listing, Entry, str], None]


def _qty_ok(
    s: Session, lst: Listing, e: Entry, item: FeedItemResult | None, now: datetime, how: str
) -> None:
    value = int(e["value"])
    newer = lst.last_qty_sent if lst.qty_queued is None else None
    outcomes.qty_sent(s, lst, value, now, how)
    if newer is not None and newer != value:
        _send_again(s, lst, INVENTORY_ACTION, newer)
        lst.qty_queued = newer


def _price_ok(
    s: Session, lst: Listing, e: Entry, item: FeedItemResult | None, now: datetime, how: str
) -> None:
    value = to_money(str(e["value"]))
    newer = lst.last_price_sent if lst.price_queued is None else None
    outcomes.price_sent(s, lst, value, now, how)
    if newer is not None and newer != value:
        _send_again(s, lst, PRICE_ACTION, str(newer))
        lst.price_queued = newer


def _send_again(s: Session, lst: Listing, kind: str, value: int | str) -> None:
    """A newer value went out as a single update while this feed was processed: Walmart
    applied the feed's older one after it (a feed takes minutes, reference §7), so the newer
    one goes again at once, as a single update, instead of waiting for a pass that would find
    many such values and put them in a feed of their own (issue 19: a stock change then took
    two feeds' time)."""
    payload = {"sku": lst.sku, "value": value}
    enqueue(s, store_id=lst.store_id, kind=kind, subject_type="listing", subject_id=lst.id,
            payload=payload)  # fmt: skip


def _match_ok(
    s: Session, lst: Listing, e: Entry, item: FeedItemResult | None, now: datetime, how: str
) -> None:
    # Published status follows within hours; the matching loop reads it from the item.
    outcomes.matched(
        s,
        lst,
        wpid=item.wpid if item else None,
        item_id=e.get("item_id"),
        published="IN_PROGRESS",
        lifecycle="ACTIVE",
        how=how,
    )


RULES: dict[str, ResultRules] = {
    "inventory": ResultRules(
        "Stock", _qty_ok, lambda s, lst, e, why: outcomes.qty_refused(s, lst, int(e["value"]), why)
    ),
    "price": ResultRules(
        "Price",
        _price_ok,
        lambda s, lst, e, why: outcomes.price_refused(s, lst, to_money(str(e["value"])), why),
    ),
    "MP_ITEM_MATCH": ResultRules(
        "Setup by match",
        _match_ok,
        lambda s, lst, e, why: outcomes.match_failed(s, lst, f"Setup by match failed: {why}"),
    ),
}


def apply_results(
    session: Session, feed: MarketplaceFeed, status: FeedStatus, now: datetime
) -> None:
    """Record a finished feed's outcome on each listing it carried."""
    if status.status.upper() == "ERROR":
        reason = "; ".join(status.errors) or "Walmart could not process the feed"
        fail_all(session, feed, reason, now)
        return
    by_sku = {item.sku: item for item in status.items if item.sku}
    rules = RULES[feed.feed_type]
    listings = _listings(session, feed)
    ok = failed = 0
    for entry in feed.entries:
        listing = listings.get(int(entry["listing_id"]))
        item = by_sku.get(entry["sku"])
        if item is None and status.failed == 0 and status.succeeded >= len(feed.entries):
            item_ok, why = True, ""  # counts say all went well, details were left out
        elif item is None:
            item_ok, why = False, "Walmart did not report on this SKU in the feed"
        else:
            item_ok = item.status.upper() == "SUCCESS"
            why = "; ".join(item.errors) or item.status
        ok += item_ok
        failed += not item_ok
        if listing is None:  # removed while the feed was out
            continue
        if item_ok:
            rules.success(session, listing, entry, item, now, f"bulk feed {feed.feed_id}")
        else:
            rules.failure(session, listing, entry, why)
    feed.items_succeeded, feed.items_failed = ok, failed
    feed.status = FeedState.PROCESSED
    feed.done_at = now


def fail_all(session: Session, feed: MarketplaceFeed, reason: str, now: datetime) -> None:
    """The whole feed failed: every listing in it gets the reason."""
    rules = RULES[feed.feed_type]
    listings = _listings(session, feed)
    for entry in feed.entries:
        listing = listings.get(int(entry["listing_id"]))
        if listing is not None:
            rules.failure(session, listing, entry, reason)
    feed.items_failed = len(feed.entries)
    feed.status = FeedState.ERROR
    feed.error = reason[:1000]
    feed.done_at = now


def _listings(session: Session, feed: MarketplaceFeed) -> dict[int, Listing]:
    """The feed's listings in a few queries: one ``session.get`` per entry flushed the
    previous entry's changes each time (10,000 small flushes for a full feed)."""
    ids = sorted({int(e["listing_id"]) for e in feed.entries})
    found: dict[int, Listing] = {}
    for start in range(0, len(ids), _IDS_PER_QUERY):
        query = select(Listing).where(Listing.id.in_(ids[start : start + _IDS_PER_QUERY]))
        found |= {listing.id: listing for listing in session.scalars(query)}
    return found
