"""Loop "amazon_push": stock and price of each Amazon account, pushed and then confirmed.

Per account, each pass (after matching products waiting for their ASIN):

1. polls its open ``JSON_LISTINGS_FEED`` (``amazon_push_feeds``);
2. confirms what Amazon accepted: accepted is not applied (reference §4.2, §6.9), so a listing
   counts as in step only once ``read_back`` (``getListingsItem``) shows the value. Until then
   the value stays queued and the listing's reason says it is on its way; one still not shown
   after the account's ``apply_timeout_minutes`` (default 120: Adobe reports quantity updates
   taking up to about two hours, §7) becomes a sync error in words;
3. queues what differs from what Amazon has, by the account's listing rules (``rules_for``):
   one SKU as one ``patchListingsItem``, several as one feed (one action each, ``amazon.push``).
   Amazon runs one listings feed at a time per account (§8.6): while one is open (queued in the
   outbox or processing at Amazon) the changes that would need another *wait* — nothing is
   queued, and the next pass after it finished queues them.

Only rows tied to a Commerce product, matched, listed on Amazon and merchant-fulfilled are
pushed (an FBA listing's quantity is Amazon's own, §4.1).
"""

from __future__ import annotations

from collections import Counter
from datetime import datetime, timedelta
from decimal import Decimal
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from channelmanager_gui.errors import RateLimitError, UnavailableError
from channelmanager_gui.models.account import AMAZON
from channelmanager_gui.models.listing import Listing, MatchStatus
from channelmanager_gui.services.changes import Change, Changes
from channelmanager_gui.services.engine import listing_rules_sql as rules_sql
from channelmanager_gui.services.engine import outcomes
from channelmanager_gui.services.engine.amazon_listings import amazon_accounts, match_listings
from channelmanager_gui.services.engine.amazon_push_feeds import (
    PUSH_ACTION,
    busy_listings,
    feed_open,
    poll_amazon_feeds,
)
from channelmanager_gui.services.engine.amazon_tabs import ENDED, FBA, apply_tab
from channelmanager_gui.services.engine.context import EngineEnv, StoreContext
from channelmanager_gui.services.engine.listing_rules import ListingRules
from channelmanager_gui.services.engine.rules_source import rules_for
from channelmanager_gui.services.marketplace.port import MarketplacePort
from channelmanager_gui.services.outbox import enqueue

CONFIRM_BATCH = 20  # read-backs per pass: getListingsItem allows 5/s, burst 10 (§4.1)
APPLY_TIMEOUT_MINUTES = 120.0
STOCK, PRICE = "stock", "price"


async def push_amazon(env: EngineEnv, store: StoreContext) -> dict[str, int]:
    """The loop: every Amazon account of the store."""
    counts: Counter[str] = Counter()
    for account in amazon_accounts(store):
        adapter = account.adapter
        # Products waiting for a catalog match (new, or a candidate just picked) are matched
        # here too: the listings report runs only every half hour.
        counts.update(await match_listings(env, store, account.id, adapter))
        counts.update(await poll_amazon_feeds(env, store, account.id, adapter))
        counts.update(await confirm_applied(env, store, account.id, adapter))
        counts.update(queue_changes(env, store, account.id))
    if any(counts.values()):  # a pass with nothing to do counts zeros: the window re-read
        # its pages at every one of them (every 30 s, bench.idle --app)
        env.changes.publish(Changes.of(Change.LISTINGS, Change.OUTBOX, Change.ACTIVITY))
    return dict(counts)


def queue_changes(env: EngineEnv, store: StoreContext, account_id: int) -> dict[str, int]:
    """Queue the stock, then the price changes of the account (one feed at most per pass)."""
    rules = rules_for(store, account_id)
    counts: Counter[str] = Counter()
    with env.db.session() as session:
        rows = _pushable(session, account_id, rules)
        busy = busy_listings(session, account_id)
        feed_busy = feed_open(session, account_id)
        for kind in (STOCK, PRICE):
            entries = [e for e in _changes(rows, rules, kind) if e["listing_id"] not in busy]
            if not entries:
                continue
            if len(entries) > 1 and feed_busy:
                counts[f"{kind}_waiting"] += len(entries)  # one feed at a time (§8.6)
                continue
            feed_busy = feed_busy or len(entries) > 1
            enqueue(session, store_id=store.id, kind=PUSH_ACTION, subject_type="account",
                    subject_id=account_id, account_id=account_id,
                    payload={"account_id": account_id, "kind": kind,
                             "entries": entries})  # fmt: skip
            _mark_queued(session, kind, entries, env.clock())
            counts[f"{kind}_{'feed' if len(entries) > 1 else 'single'}"] += len(entries)
    return dict(counts)


async def confirm_applied(
    env: EngineEnv, store: StoreContext, account_id: int, adapter: MarketplacePort
) -> dict[str, int]:
    """Read back what Amazon accepted; in step once it shows, an error after the timeout."""
    with env.db.session() as session:
        waiting = _awaiting(session, account_id)
    if not waiting:
        return {}
    try:
        shown = await adapter.read_back([sku for _, sku in waiting])
    except (UnavailableError, RateLimitError):
        return {"confirm_later": len(waiting)}
    rules = rules_for(store, account_id)
    limit = timedelta(minutes=_timeout(store, account_id))
    now = env.clock()
    counts: Counter[str] = Counter()
    with env.db.session() as session:
        for listing_id, sku in waiting:
            listing = session.get(Listing, listing_id)
            if listing is None or sku not in shown:
                continue
            counts.update(_confirm(session, listing, shown[sku].quantity, shown[sku].price,
                                   now, limit))  # fmt: skip
            apply_tab(listing, rules)
    return dict(counts)


def _confirm(
    session: Session, listing: Listing, qty: int | None, price: Decimal | None,
    now: datetime, limit: timedelta,
) -> Counter[str]:  # fmt: skip
    counts: Counter[str] = Counter()
    if listing.qty_queued is not None and not _refused(listing, outcomes.STOCK):
        if qty == listing.qty_queued:
            outcomes.qty_sent(session, listing, qty, now, "applied on Amazon")
            counts["confirmed"] += 1
        elif _late(listing.qty_sent_at, now, limit):
            why = _never(f"quantity {listing.qty_queued}", listing.qty_sent_at, qty, limit)
            outcomes.problem(session, listing, outcomes.STOCK, why, "stock_error")
            counts["never_applied"] += 1
    if listing.price_queued is not None and not _refused(listing, outcomes.PRICE):
        if price == listing.price_queued:
            outcomes.price_sent(session, listing, price, now, "applied on Amazon")
            counts["confirmed"] += 1
        elif _late(listing.price_sent_at, now, limit):
            why = _never(f"price {listing.price_queued:.2f}", listing.price_sent_at, price, limit)
            outcomes.problem(session, listing, outcomes.PRICE, why, "price_error")
            counts["never_applied"] += 1
    return counts


def _late(accepted_at: datetime | None, now: datetime, limit: timedelta) -> bool:
    return accepted_at is not None and now - accepted_at > limit


def _never(what: str, accepted_at: datetime | None, shown: object, limit: timedelta) -> str:
    """The value stays queued (not resent every pass); a new value sends again."""
    minutes = int(limit.total_seconds() // 60)
    at = f" at {accepted_at:%H:%M} UTC" if accepted_at else ""
    now_shows = "nothing" if shown is None else str(shown)
    return (f"Amazon accepted {what}{at} but still shows {now_shows} after {minutes} minutes: "
            "it was never applied; the next change sends it again")  # fmt: skip


def _timeout(store: StoreContext, account_id: int) -> float:
    account = store.accounts.get(account_id)
    settings = (account.account.settings if account is not None else None) or {}
    try:
        return float(settings.get("apply_timeout_minutes", APPLY_TIMEOUT_MINUTES))
    except (TypeError, ValueError):
        return APPLY_TIMEOUT_MINUTES


# A listing to push as (id, sku, enabled, salable, price, last qty, qty queued, last price,
# price queued).
_Row = tuple[int, str, bool, int | None, Decimal | None, int | None, int | None,
             Decimal | None, Decimal | None]  # fmt: skip


def _pushable(session: Session, account_id: int, rules: ListingRules) -> list[_Row]:
    """Only rows whose value may differ (SQL, ``listing_rules_sql``): reading and testing all
    10,000 of an account every 30 s was most of the loop's CPU on an idle day (bench.idle)."""
    query = select(
        Listing.id, Listing.sku, Listing.enabled, Listing.qty, Listing.price,
        Listing.last_qty_sent, Listing.qty_queued, Listing.last_price_sent, Listing.price_queued,
    ).where(
        Listing.account_id == account_id,
        Listing.marketplace == AMAZON,
        Listing.commerce_product_id.is_not(None),
        Listing.match_status == MatchStatus.MATCHED,
        Listing.published_status.is_not(None),
        Listing.lifecycle_status.is_(None) | Listing.lifecycle_status.not_in((ENDED, FBA)),
        rules_sql.may_differ(rules),
    )  # fmt: skip
    return [tuple(row) for row in session.execute(query.order_by(Listing.id))]  # type: ignore[misc]


def _changes(rows: list[_Row], rules: ListingRules, kind: str) -> list[dict[str, Any]]:
    """What differs from what Amazon has (or was queued), zeros first."""
    out: list[dict[str, Any]] = []
    for listing_id, sku, enabled, salable, price, last_qty, qty_q, last_price, price_q in rows:
        if kind == STOCK:
            qty = rules.quantity(enabled, salable)
            if qty is not None and qty not in (last_qty, qty_q):
                out.append({"listing_id": listing_id, "sku": sku, "value": qty})
        else:
            wanted = rules.price(price, sku)
            if wanted is not None and wanted not in (last_price, price_q):
                out.append({"listing_id": listing_id, "sku": sku, "value": str(wanted)})
    return sorted(out, key=lambda e: e["value"] != 0) if kind == STOCK else out


def _mark_queued(session: Session, kind: str, entries: list[dict[str, Any]], now: datetime) -> None:
    if kind == STOCK:
        rows = [{"id": e["listing_id"], "qty_queued": e["value"], "updated_at": now}
                for e in entries]  # fmt: skip
    else:
        rows = [{"id": e["listing_id"], "price_queued": Decimal(e["value"]), "updated_at": now}
                for e in entries]  # fmt: skip
    session.execute(update(Listing), rows)
    # A new value supersedes one Amazon refused or never applied: its error goes with it.
    prefix = outcomes.STOCK if kind == STOCK else outcomes.PRICE
    ids = [e["listing_id"] for e in entries]
    session.execute(
        update(Listing)
        .where(Listing.id.in_(ids), Listing.sync_error.startswith(f"{prefix}:"))
        .values(sync_error=None)
    )


def _awaiting(session: Session, account_id: int) -> list[tuple[int, str]]:
    """(id, sku) of listings with a value Amazon accepted and does not show yet: queued, not
    in an open action or feed, not refused."""
    busy = busy_listings(session, account_id)
    query = (
        select(Listing.id, Listing.sku, Listing.sync_error)
        .where(
            Listing.account_id == account_id,
            Listing.qty_queued.is_not(None) | Listing.price_queued.is_not(None),
        )
        .order_by(Listing.updated_at, Listing.id)
    )
    out = []
    for listing_id, sku, error in session.execute(query):
        refused = bool(error) and str(error).startswith((f"{outcomes.STOCK}:",
                                                         f"{outcomes.PRICE}:"))  # fmt: skip
        if listing_id not in busy and not refused:
            out.append((listing_id, sku))
        if len(out) >= CONFIRM_BATCH:
            break
    return out


def _refused(listing: Listing, kind: str) -> bool:
    return bool(listing.sync_error and listing.sync_error.startswith(f"{kind}:"))
