"""Matching: find each chosen listing's item on Walmart by its GTIN (loop "matching").

For every listing the merchant sent for matching (``request_match``) the loop asks, in order:

1. Is the SKU already one of the seller's items (``GET /v3/items/{sku}``)? Then it is matched.
2. Otherwise, which Walmart catalog items carry the GTIN (catalog search)? None: *not found*
   (the item needs a full setup, outside this app). One: set up by match. Several: the merchant
   picks one (``pick_candidate``), then it is set up by match.

Setup by match is one ``MP_ITEM_MATCH`` feed for all listings found in a pass, sent through the
outbox; its per-item results mark the listings matched or in error (feed_results.py). A listing
never fails the pass: lookups that Walmart refuses become that listing's error, and an outage
leaves the rest pending for the next pass.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from channelmanager_gui.errors import ValidationError
from channelmanager_gui.models.account import WALMART
from channelmanager_gui.models.db import Database
from channelmanager_gui.models.listing import Listing, MatchStatus
from channelmanager_gui.services.changes import Change, Changes
from channelmanager_gui.services.engine import outcomes
from channelmanager_gui.services.engine.context import EngineEnv, StoreContext
from channelmanager_gui.services.engine.feeds import feed_budget, listings_in_open_feeds, queue_feed
from channelmanager_gui.services.engine.inventory import desired_price
from channelmanager_gui.services.engine.match_lookup import Found, look_up
from channelmanager_gui.services.engine.rules_source import rules_for
from channelmanager_gui.services.engine.walmart_status import refresh_statuses

MATCH_BATCH = 50  # listings looked up per pass (two Walmart calls each at most)


@dataclass
class MatchRequest:
    queued: int = 0
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (sku, reason)

    @property
    def changes(self) -> Changes:
        return Changes.of(Change.LISTINGS, Change.ACTIVITY, count=self.queued)


def request_match(db: Database, store_id: int, listing_ids: list[int]) -> MatchRequest:
    """Mark listings *pending match*; incomplete and already matched ones are skipped."""
    result = MatchRequest()
    with db.session() as session:
        query = select(Listing).where(Listing.store_id == store_id, Listing.id.in_(listing_ids))
        for listing in session.scalars(query):
            reason = _cannot_match(listing)
            if reason:
                result.skipped.append((listing.sku, reason))
                continue
            listing.match_status = MatchStatus.PENDING
            listing.match_candidates = None
            if listing.sync_error and listing.sync_error.startswith(f"{outcomes.MATCH}:"):
                listing.sync_error = None
            listing.refresh_state()
            outcomes.note(session, listing, "match_requested", "Sent for matching", "info")
            result.queued += 1
    return result


def pick_candidate(db: Database, listing_id: int, marketplace_item_id: str) -> Changes:
    """The merchant chose one of several Walmart items; it is set up by match next pass."""
    with db.session() as session:
        listing = session.get(Listing, listing_id)
        if listing is None:
            raise ValidationError("listing", f"listing {listing_id} no longer exists")
        candidates = listing.match_candidates or []
        if listing.match_status != MatchStatus.CANDIDATES or not any(
            c.get("item_id") == marketplace_item_id for c in candidates
        ):
            raise ValidationError(
                "Walmart item",
                f"{marketplace_item_id} is not one of the candidates of {listing.sku}",
            )
        listing.match_candidates = [
            {**c, "chosen": c.get("item_id") == marketplace_item_id} for c in candidates
        ]
        listing.marketplace_item_id = marketplace_item_id
        listing.match_status = MatchStatus.PENDING
        listing.refresh_state()
        outcomes.note(
            session,
            listing,
            "candidate_picked",
            f"{outcomes.market(listing)} item {marketplace_item_id} chosen"
            + (" for setup by match" if listing.marketplace == WALMART else "; matched next pass"),
            "info",
        )
    return Changes.of(Change.LISTINGS, Change.ACTIVITY)


async def run_matching(env: EngineEnv, store: StoreContext) -> dict[str, int]:
    """Loop "matching": look up pending listings, queue setup by match, refresh statuses."""
    pending = _pending(env, store.id)
    found: list[tuple[int, Found]] = []
    for listing_id, sku, gtin14, chosen in pending:
        outcome = await look_up(store.walmart, sku, gtin14, chosen)
        if outcome is None:  # Walmart is down or throttling: the rest waits for next pass
            break
        found.append((listing_id, outcome))
    counts = _record(env, store, found)
    counts |= await refresh_statuses(env, store)
    if any(counts.values()):  # an idle pass announces nothing: each notice re-reads the pages
        env.changes.publish(Changes.of(Change.LISTINGS, Change.ACTIVITY, Change.OUTBOX))
    return counts


def _cannot_match(listing: Listing) -> str | None:
    if listing.identifier_problem or not listing.gtin14:
        return f"incomplete: {listing.identifier_problem or 'no identifier'}"
    if listing.match_status == MatchStatus.MATCHED:
        return "already matched"
    return None


def _pending(env: EngineEnv, store_id: int) -> list[tuple[int, str, str, str | None]]:
    """(id, sku, gtin14, chosen item id) of pending listings not already in a match feed."""
    with env.db.session() as session:
        busy = listings_in_open_feeds(session, store_id, "MP_ITEM_MATCH")
        query = (
            select(Listing)
            .where(
                Listing.store_id == store_id,
                Listing.marketplace == WALMART,
                Listing.match_status == MatchStatus.PENDING,
            )
            .order_by(Listing.updated_at, Listing.id)
            .limit(MATCH_BATCH + len(busy))
        )
        rows = [row for row in session.scalars(query) if row.id not in busy and row.gtin14]
        return [(r.id, r.sku, str(r.gtin14), _chosen(r)) for r in rows[:MATCH_BATCH]]


def _chosen(listing: Listing) -> str | None:
    for candidate in listing.match_candidates or []:
        if candidate.get("chosen"):
            return str(candidate.get("item_id"))
    return None


def _record(env: EngineEnv, store: StoreContext, found: list[tuple[int, Found]]) -> dict[str, int]:
    counts = {"matched": 0, "not_found": 0, "candidates": 0, "errors": 0, "setup": 0}
    entries: list[dict[str, Any]] = []
    with env.db.session() as session:
        for listing_id, outcome in found:
            listing = session.get(Listing, listing_id)
            if listing is None or listing.match_status != MatchStatus.PENDING:
                continue  # removed or changed by the merchant meanwhile
            key = _apply(session, store, listing, outcome, entries)
            counts[key] += 1
        # Without feed quota left this hour the listings simply stay pending for a later pass.
        if entries and feed_budget(session, store.id, "MP_ITEM_MATCH", env.clock()) > 0:
            queue_feed(session, store.id, "MP_ITEM_MATCH", entries)
    return counts


def _apply(
    session: Session,
    store: StoreContext,
    listing: Listing,
    outcome: Found,
    entries: list[dict[str, Any]],
) -> str:
    if outcome.kind == "matched" and outcome.item is not None:
        item = outcome.item
        outcomes.matched(
            session,
            listing,
            wpid=item.wpid,
            item_id=None,
            published=item.published_status,
            lifecycle=item.lifecycle_status,
            how="the SKU is already a Walmart item",
        )
        return "matched"
    if outcome.kind == "candidates":
        listing.match_status = MatchStatus.CANDIDATES
        listing.match_candidates = outcome.candidates
        listing.refresh_state()
        outcomes.note(
            session,
            listing,
            "match_candidates",
            f"{len(outcome.candidates)} Walmart items carry GTIN {listing.gtin14}: pick one",
            "info",
        )
        return "candidates"
    if outcome.kind == "not_found":
        listing.match_status = MatchStatus.NOT_FOUND
        listing.refresh_state()
        outcomes.note(session, listing, "match_not_found", outcome.message, "error")
        return "not_found"
    if outcome.kind == "setup":
        return _setup(session, store, listing, outcome, entries)
    outcomes.match_failed(session, listing, outcome.message)
    return "errors"


def _setup(
    session: Session,
    store: StoreContext,
    listing: Listing,
    outcome: Found,
    entries: list[dict[str, Any]],
) -> str:
    """Add the listing to this pass's setup-by-match feed (it stays pending until processed)."""
    price = desired_price(listing, rules_for(store))
    if price is None:
        reason = "Setup by match needs a price in Commerce (at least a cent after price rules)"
        outcomes.match_failed(session, listing, reason)
        return "errors"
    candidate = outcome.candidates[0] if outcome.candidates else {}
    listing.match_candidates = outcome.candidates
    entries.append(
        {
            "listing_id": listing.id,
            "sku": listing.sku,
            "value": listing.gtin14,
            "price": price,
            "weight": listing.weight or 1,
            "item_id": candidate.get("item_id"),
        }
    )
    return "setup"
