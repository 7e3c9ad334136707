"""Loops "inventory" and "full_stock": push price and stock that differ from what Walmart has.

What Walmart should show is derived per store: quantity = salable − safety buffer (never below
0; a disabled product shows 0), price = Commerce price × (1 + adjustment %), rounded to cents.
Only matched listings that are not retired are pushed — including those *ineligible* because
of zero stock, since the zero must reach Walmart.

A few changes go as single updates; many as one bulk feed. Walmart allows about ten inventory
feeds an hour (reference §11), so when the hour's feeds are spent, the most urgent changes
(zeros first, then the largest drops) go as single updates and the rest wait for the next pass.

The slow "full_stock" cycle re-reads every salable quantity and re-asserts every listing's
stock, zeros included, whatever was sent before: the cure for oversell from stale stock.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import ROUND_HALF_UP, Decimal
from typing import Any, Protocol

from sqlalchemy import ColumnElement, case, func, select, update
from sqlalchemy.orm import Session

from channelmanager_gui.models.listing import Listing, MatchStatus
from channelmanager_gui.models.outbox import ActionStatus, OutboxAction
from channelmanager_gui.services.changes import Change
from channelmanager_gui.services.engine.context import EngineEnv, StoreContext
from channelmanager_gui.services.engine.feeds import (
    feed_budget,
    listings_in_open_feeds,
    poll_feeds,
    queue_feed,
)
from channelmanager_gui.services.engine.push import INVENTORY_ACTION, PRICE_ACTION
from channelmanager_gui.services.engine.settings import StoreSettings
from channelmanager_gui.services.engine.stock import poll_stock
from channelmanager_gui.services.outbox import enqueue

ENDED = ("RETIRED", "ARCHIVED")
# Records per feed: Walmart takes 10,000 and recommends at most 1,000 for prices (reference
# §7); the rest of a huge catalog follows in the next feeds.
FEED_MAX = {"inventory": 10_000, "price": 1_000}


@dataclass(frozen=True)
class Push:
    listing_id: int
    sku: str
    value: float | int
    urgency: float  # higher goes first when only some can be sent


class PushFacts(Protocol):
    """What deciding a push reads: a ``Listing``, or the lighter row ``pushable`` returns."""

    @property
    def id(self) -> int: ...
    @property
    def sku(self) -> str: ...
    @property
    def enabled(self) -> bool: ...
    @property
    def qty(self) -> int | None: ...
    @property
    def price(self) -> float | None: ...
    @property
    def last_qty_sent(self) -> int | None: ...
    @property
    def qty_queued(self) -> int | None: ...
    @property
    def last_price_sent(self) -> float | None: ...
    @property
    def price_queued(self) -> float | None: ...


def desired_qty(listing: PushFacts, settings: StoreSettings) -> int | None:
    """What Walmart should offer; None while the salable quantity is unknown."""
    if not listing.enabled:
        return 0
    if listing.qty is None:
        return None
    return max(0, listing.qty - settings.safety_buffer)


def desired_price(listing: PushFacts, settings: StoreSettings) -> float | None:
    """Commerce price with the store's adjustment, in cents; None without a usable price."""
    if listing.price is None or listing.price <= 0:
        return None
    factor = 1 + Decimal(str(settings.price_adjustment_pct)) / 100
    price = (Decimal(str(listing.price)) * factor).quantize(Decimal("0.01"), ROUND_HALF_UP)
    return float(price) if price > 0 else None


async def push_changes(env: EngineEnv, store: StoreContext) -> dict[str, int]:
    """Loop "inventory": finish submitted feeds, then queue what changed."""
    counts = await poll_feeds(env, store.id)
    with env.db.session() as session:
        listings = pushable(session, store.id, differing=store.settings)
        qty = _qty_changes(session, store, listings, full=False)
        price = _price_changes(session, store, listings)
        counts |= _send(session, store, env, "inventory", qty)
        counts |= _send(session, store, env, "price", price)
    env.changes.publish(Change.LISTINGS, Change.OUTBOX, Change.ACTIVITY)
    return counts


async def reassert_stock(env: EngineEnv, store: StoreContext) -> dict[str, int]:
    """Loop "full_stock": fresh salable quantities, then every listing's stock sent again."""
    counts = await poll_stock(env, store, full=True)
    with env.db.session() as session:
        listings = pushable(session, store.id)
        qty = _qty_changes(session, store, listings, full=True)
        counts |= _send(session, store, env, "inventory", qty)
    env.changes.publish(Change.LISTINGS, Change.OUTBOX)
    return counts


def pushable(
    session: Session, store_id: int, *, differing: StoreSettings | None = None
) -> list[PushFacts]:
    """Matched listings not retired, as plain rows: building 100,000 ORM objects every pass
    took most of the pass. With ``differing``, only those whose stock or price may differ
    from what Walmart has or was queued (a superset; the exact test stays in Python)."""
    facts = (Listing.id, Listing.sku, Listing.enabled, Listing.qty, Listing.price,
             Listing.last_qty_sent, Listing.qty_queued, Listing.last_price_sent,
             Listing.price_queued)  # fmt: skip
    query = select(*facts).where(
        Listing.store_id == store_id,
        Listing.match_status == MatchStatus.MATCHED,
        Listing.walmart_lifecycle_status.is_(None) | Listing.walmart_lifecycle_status.not_in(ENDED),
    )
    if differing is not None:
        query = query.where(_may_differ(differing))
    return list(session.execute(query.order_by(Listing.id)))


def _may_differ(settings: StoreSettings) -> ColumnElement[bool]:
    """SQL twin of the tests in ``_qty_changes``/``_price_changes``, so a pass reads only the
    few changed listings. Stock: the same integer rule. Price: a value within 0.0049 of the
    price sent (or queued) rounds to it, so only rows farther away can need a push."""
    qty = case(
        (Listing.enabled.is_(False), 0), else_=func.max(0, Listing.qty - settings.safety_buffer)
    )
    qty_differs = qty.is_not(None) & qty.is_distinct_from(Listing.last_qty_sent)
    qty_differs &= qty.is_distinct_from(Listing.qty_queued)
    price = Listing.price * (1 + settings.price_adjustment_pct / 100)

    def near(sent: Any) -> ColumnElement[bool]:
        return sent.is_not(None) & (func.abs(price - sent) <= 0.0049)

    price_differs = (Listing.price > 0) & ~near(Listing.last_price_sent)
    price_differs &= ~near(Listing.price_queued)
    return qty_differs | price_differs


def _qty_changes(
    session: Session, store: StoreContext, listings: list[PushFacts], *, full: bool
) -> list[Push]:
    busy = _in_flight(session, store.id, INVENTORY_ACTION, "inventory")
    out = []
    for listing in listings:
        qty = desired_qty(listing, store.settings)
        if qty is None or listing.id in busy:
            continue
        if not full and qty in (listing.last_qty_sent, listing.qty_queued):
            continue
        drop = (listing.last_qty_sent or 0) - qty
        out.append(Push(listing.id, listing.sku, qty, 1e9 if qty == 0 else drop))
    return out


def _price_changes(session: Session, store: StoreContext, listings: list[PushFacts]) -> list[Push]:
    busy = _in_flight(session, store.id, PRICE_ACTION, "price")
    out = []
    for listing in listings:
        price = desired_price(listing, store.settings)
        if price is None or listing.id in busy:
            continue
        if price in (listing.last_price_sent, listing.price_queued):
            continue
        out.append(Push(listing.id, listing.sku, price, 0.0))
    return out


def _send(
    session: Session, store: StoreContext, env: EngineEnv, feed_type: str, pushes: list[Push]
) -> dict[str, int]:
    """Queue single updates or feeds; marks each value as queued on its listing.

    Many changes go in as many full feeds as the hour's quota allows, all in this pass: one
    feed per pass would take a 5,000-price change five passes (and the pass interval each).
    """
    limit = store.settings.single_update_limit
    feeds: list[list[Push]] = []
    singles = pushes
    if len(pushes) > limit:
        urgent_first = sorted(pushes, key=lambda p: -p.urgency)
        budget = feed_budget(session, store.id, feed_type, env.clock())
        size = FEED_MAX[feed_type]
        feeds = [urgent_first[i : i + size] for i in range(0, len(urgent_first), size)][:budget]
        singles = [] if feeds else urgent_first[:limit]
    kind = INVENTORY_ACTION if feed_type == "inventory" else PRICE_ACTION
    for push in singles:
        enqueue(
            session,
            store_id=store.id,
            kind=kind,
            subject_type="listing",
            subject_id=push.listing_id,
            payload={"sku": push.sku, "value": push.value},
        )
    for feed in feeds:
        entries = [{"listing_id": p.listing_id, "sku": p.sku, "value": p.value} for p in feed]
        queue_feed(session, store.id, feed_type, entries)
    fed = [push for feed in feeds for push in feed]
    _mark_queued(session, feed_type, singles + fed, env.clock())
    prefix = "qty" if feed_type == "inventory" else "price"
    return {f"{prefix}_single": len(singles), f"{prefix}_feed": len(fed)}


def _mark_queued(session: Session, feed_type: str, pushes: list[Push], now: datetime) -> None:
    """One executemany UPDATE by primary key (the listings are not loaded as objects)."""
    if not pushes:
        return
    if feed_type == "inventory":
        rows = [{"id": p.listing_id, "qty_queued": int(p.value), "updated_at": now} for p in pushes]
    else:
        rows = [{"id": p.listing_id, "price_queued": float(p.value), "updated_at": now}
                for p in pushes]  # fmt: skip
    session.execute(update(Listing), rows)


def _in_flight(session: Session, store_id: int, kind: str, feed_type: str) -> set[int]:
    """Listings with an unfinished single update of this kind or in an open feed."""
    query = select(OutboxAction.subject_id).where(
        OutboxAction.store_id == store_id,
        OutboxAction.kind == kind,
        OutboxAction.status != ActionStatus.DONE,
    )
    return set(session.scalars(query)) | listings_in_open_feeds(session, store_id, feed_type)
