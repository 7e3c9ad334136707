"""Loops "inventory" and "full_stock": push price and stock that differ from what Walmart has.

What Walmart should show follows the account's listing rules (``listing_rules``): quantity =
salable − units held back, 0 at or below the out-of-stock threshold, at most the maximum listed
quantity (a disabled product shows 0); price = the Commerce price through the price rules,
rounded to cents (a result under a cent is not sent).
Only matched listings that are not retired are pushed — including those *ineligible* because
of zero stock, since the zero must reach Walmart.

A few changes go as single updates; many in bulk feeds (``_plan``). Walmart allows about ten
feeds of each type an hour (reference §11) and takes minutes to apply one, so stock goes as
single updates up to a limit, the most urgent first (zeros, then the largest drops), and only
the rest in feeds; prices, whose single updates are scarcer (100 an hour), go all in feeds
when there are many, and as single updates, the most urgent first, once the hour's feeds are
spent.

The slow "full_stock" cycle re-asserts every listing's stock, zeros included, whatever was sent
before: the cure for oversell from a Walmart quantity gone stale. (The stock loop keeps the
salable quantities fresh; see ``stock.py``.)
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Protocol, cast

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from channelmanager_gui.models.account import WALMART
from channelmanager_gui.models.listing import Listing, MatchStatus
from channelmanager_gui.models.outbox import ActionStatus, OutboxAction
from channelmanager_gui.services.changes import Change, Changes
from channelmanager_gui.services.engine import listing_rules_sql as rules_sql
from channelmanager_gui.services.engine.context import EngineEnv, StoreContext
from channelmanager_gui.services.engine.feeds import (
    feed_budget,
    listings_in_open_feeds,
    poll_feeds,
    queue_feed,
)
from channelmanager_gui.services.engine.listing_rules import ListingRules
from channelmanager_gui.services.engine.push import INVENTORY_ACTION, PRICE_ACTION
from channelmanager_gui.services.engine.rules_source import rules_for
from channelmanager_gui.services.engine.stock import poll_stock
from channelmanager_gui.services.outbox import enqueue

ENDED = ("RETIRED", "ARCHIVED")
# Records per feed: Walmart takes 10,000 and recommends at most 1,000 for prices (reference
# §7); the rest of a huge catalog follows in the next feeds.
FEED_MAX = {"inventory": 10_000, "price": 1_000}


# The full-stock pass holds one pushable row and one push per listing (100,000 of each), so
# both are plain tuples of scalars: the garbage collector stops tracking those after their first
# collection, while dataclasses, NamedTuples and SQLAlchemy rows are walked by every full
# collection, which stops the window thread too.
# A listing as (id, sku, enabled, qty, price, last_qty_sent, qty_queued, last_price_sent,
# price_queued).
Facts = tuple[int, str, bool, int | None, Decimal | None, int | None, int | None,
              Decimal | None, Decimal | None]  # fmt: skip
# A value to send as (listing_id, sku, value, urgency): higher urgency goes first when only
# some can be sent.
Push = tuple[int, str, Decimal | int, float]
AGAIN = float("-inf")  # the urgency of a value Walmart was sent already (the full-stock cycle)


class Priced(Protocol):
    """Anything with a SKU and a Commerce price: matching prices a ``Listing`` for its setup
    feed."""

    @property
    def sku(self) -> str: ...

    @property
    def price(self) -> Decimal | None: ...


def desired_price(listing: Priced, rules: ListingRules) -> Decimal | None:
    """The listing's Commerce price as Walmart should show it; None when none can be sent."""
    return rules.price(listing.price, listing.sku)


async def push_changes(env: EngineEnv, store: StoreContext) -> dict[str, int]:
    """Loop "inventory": finish submitted feeds, then queue what changed."""
    counts = await poll_feeds(env, store.id)
    with env.db.session() as session:
        listings = pushable(session, store.id, differing=rules_for(store))
        qty = _qty_changes(session, store, listings, full=False)
        price = _price_changes(session, store, listings)
        counts |= _send(session, store, env, "inventory", qty)
        counts |= _send(session, store, env, "price", price)
    if any(counts.values()):  # an idle pass announces nothing: each notice re-reads the pages
        env.changes.publish(Changes.of(Change.LISTINGS, Change.OUTBOX, Change.ACTIVITY))
    return counts


async def reassert_stock(env: EngineEnv, store: StoreContext) -> dict[str, int]:
    """Loop "full_stock": a stock pass, then every listing's stock sent again (the pass reads
    what may have moved; re-reading every salable quantity here cost an idle shop ~670
    requests a minute at 10,000 listings, issue 19)."""
    counts = await poll_stock(env, store)
    with env.db.session() as session:
        listings = pushable(session, store.id)
        qty = _qty_changes(session, store, listings, full=True)
        counts |= _send(session, store, env, "inventory", qty)
    env.changes.publish(Changes.of(Change.LISTINGS, Change.OUTBOX))
    return counts


def pushable(
    session: Session, store_id: int, *, differing: ListingRules | None = None
) -> list[Facts]:
    """Matched listings not retired, as plain tuples: building 100,000 ORM objects every pass
    took most of the pass. With ``differing``, only those whose stock or price may differ
    from what Walmart has or was queued (a superset; the exact test stays in Python)."""
    facts = (Listing.id, Listing.sku, Listing.enabled, Listing.qty, Listing.price,
             Listing.last_qty_sent, Listing.qty_queued, Listing.last_price_sent,
             Listing.price_queued)  # fmt: skip
    query = select(*facts).where(
        Listing.store_id == store_id,
        Listing.marketplace == WALMART,
        Listing.match_status == MatchStatus.MATCHED,
        Listing.lifecycle_status.is_(None) | Listing.lifecycle_status.not_in(ENDED),
    )
    if differing is not None:
        query = query.where(rules_sql.may_differ(differing))
    return cast(list[Facts], [tuple(row) for row in session.execute(query.order_by(Listing.id))])


def _qty_changes(
    session: Session, store: StoreContext, listings: list[Facts], *, full: bool
) -> list[Push]:
    busy = _in_flight(session, store.id, INVENTORY_ACTION, "inventory" if full else None)
    rules = rules_for(store)
    out: list[Push] = []
    for listing_id, sku, enabled, salable, _, last_sent, queued, _, _ in listings:
        qty = rules.quantity(enabled, salable)
        if qty is None or listing_id in busy:
            continue
        if not full and qty in (last_sent, queued):
            continue
        drop = (last_sent or 0) - qty
        urgency = AGAIN if qty == last_sent else 1e9 if qty == 0 else drop
        out.append((listing_id, sku, qty, urgency))
    return out


def _price_changes(session: Session, store: StoreContext, listings: list[Facts]) -> list[Push]:
    busy = _in_flight(session, store.id, PRICE_ACTION, None)
    rules = rules_for(store)
    out: list[Push] = []
    for listing_id, sku, _, _, commerce_price, _, _, last_sent, queued in listings:
        price = rules.price(commerce_price, sku)
        if price is None or listing_id in busy:
            continue
        if price in (last_sent, queued):
            continue
        out.append((listing_id, sku, price, 0.0))
    return out


def _send(
    session: Session, store: StoreContext, env: EngineEnv, feed_type: str, pushes: list[Push]
) -> dict[str, int]:
    """Queue single updates or feeds (``_plan``); marks each value as queued on its listing."""
    kind = INVENTORY_ACTION if feed_type == "inventory" else PRICE_ACTION
    singles, feeds = _plan(session, store, env, feed_type, pushes)
    for listing_id, sku, value, _ in singles:
        enqueue(
            session,
            store_id=store.id,
            kind=kind,
            subject_type="listing",
            subject_id=listing_id,
            payload={"sku": sku, "value": _json_value(value)},
        )
    for feed in feeds:
        entries = [
            {"listing_id": i, "sku": sku, "value": _json_value(value)} for i, sku, value, _ in feed
        ]
        queue_feed(session, store.id, feed_type, entries)
    fed = [push for feed in feeds for push in feed]
    _mark_queued(session, feed_type, singles + fed, env.clock())
    prefix = "qty" if feed_type == "inventory" else "price"
    return {f"{prefix}_single": len(singles), f"{prefix}_feed": len(fed)}


def _plan(
    session: Session, store: StoreContext, env: EngineEnv, feed_type: str, pushes: list[Push]
) -> tuple[list[Push], list[list[Push]]]:
    """Which changes go as single updates and which in feeds (most urgent first).

    Stock: single updates up to ``stock_single_limit`` waiting at once, the rest in feeds. A
    feed takes minutes to apply (reference §7) and only ten go in an hour, while Walmart takes
    200 single stock updates a minute: a flash sale's few dozen reservations and a merchant's
    own change, all in one pass, used to ride a feed (issue 19: the stock change's p95 went
    from 2.5 to 17 s during a sale, at speed 10). Prices: Walmart takes only 100 single price
    updates an hour, so more than ``single_update_limit`` all go in feeds; once the hour's
    feeds are spent, the most urgent go as single updates and the rest wait for a later pass.
    Many changes go in as many full feeds as the hour's quota allows, all in this pass: one
    feed per pass would take a 5,000-price change five passes (and the pass interval each).
    """
    if not pushes:  # most passes: no query at all
        return [], []
    if feed_type == "inventory":
        singles, rest = _stock_singles(session, store, pushes)
        budget = feed_budget(session, store.id, feed_type, env.clock()) if rest else 0
    elif len(pushes) <= store.settings.single_update_limit:
        singles, rest, budget = pushes, [], 0
    else:
        urgent_first = sorted(pushes, key=lambda p: -p[3])
        budget = feed_budget(session, store.id, feed_type, env.clock())
        singles = [] if budget else urgent_first[: store.settings.single_update_limit]
        rest = urgent_first[len(singles) :]
    size = FEED_MAX[feed_type]
    return singles, [rest[i : i + size] for i in range(0, len(rest), size)][:budget]


def _stock_singles(
    session: Session, store: StoreContext, pushes: list[Push]
) -> tuple[list[Push], list[Push]]:
    """Stock changes as single updates, the most urgent first, up to ``stock_single_limit``
    waiting at once; the rest for feeds when they are many, else for a later pass. The
    full-stock cycle's re-sent values take no single update once there are more than
    ``single_update_limit`` of them: 100 of them every cycle would hold a merchant's change
    behind them in Walmart's pacing for 30 s."""
    waiting = _waiting_singles(session, store.id, INVENTORY_ACTION)
    limit = max(0, store.settings.stock_single_limit - waiting)
    again = [p for p in pushes if p[3] == AGAIN]
    if len(again) <= store.settings.single_update_limit:
        again = []
    changes = [p for p in pushes if p[3] != AGAIN] if again else pushes
    urgent_first = sorted(changes, key=lambda p: -p[3])
    rest = urgent_first[limit:]
    if len(rest) <= store.settings.stock_single_limit:
        # A few more than the waiting singles leave room for: they wait a pass for that room
        # (Walmart takes 200 a minute) rather than ride a feed of minutes. When a feed's
        # corrections (``feed_results``) filled the room, a merchant's next change took one.
        rest = []
    return urgent_first[:limit], rest + again


def _waiting_singles(session: Session, store_id: int, kind: str) -> int:
    """Single updates of this kind queued or being sent (not those stopped on an error)."""
    query = select(func.count(OutboxAction.id)).where(
        OutboxAction.status.in_([ActionStatus.PENDING, ActionStatus.RUNNING]),
        OutboxAction.store_id == store_id,
        OutboxAction.kind == kind,
    )
    return int(session.scalar(query) or 0)


def _mark_queued(session: Session, feed_type: str, pushes: list[Push], now: datetime) -> None:
    """One executemany UPDATE by primary key (the listings are not loaded as objects)."""
    if not pushes:
        return
    if feed_type == "inventory":
        rows = [{"id": i, "qty_queued": int(value), "updated_at": now} for i, _, value, _ in pushes]
    else:
        rows = [{"id": i, "price_queued": value, "updated_at": now}
                for i, _, value, _ in pushes]  # fmt: skip
    session.execute(update(Listing), rows)


def _json_value(value: Decimal | int) -> str | int:
    """A price goes into the outbox payload as text ("12.34"): JSON has no decimal type, and a
    float would bring its binary error back."""
    return str(value) if isinstance(value, Decimal) else value


def _in_flight(session: Session, store_id: int, kind: str, feed_type: str | None) -> set[int]:
    """Listings with an unfinished single update of this kind, and with ``feed_type`` those in
    an open feed of that type.

    Only the full-stock cycle waits for open feeds: it re-sends every value and must not
    queue a second copy of its last feed. A new value for a listing in an open feed goes now:
    Walmart takes minutes to process a feed (reference §7), so waiting for it held every stock
    change made in the five minutes after each full-stock cycle (issue 19). Should the feed
    apply its older value after the new one, recording the feed's outcome sets that older
    value as the one sent (``outcomes.qty_sent``), and the next pass sends the new one again.
    """
    query = select(OutboxAction.subject_id).where(
        OutboxAction.store_id == store_id,
        OutboxAction.kind == kind,
        OutboxAction.status != ActionStatus.DONE,
    )
    busy = set(session.scalars(query))
    return busy | listings_in_open_feeds(session, store_id, feed_type) if feed_type else busy
