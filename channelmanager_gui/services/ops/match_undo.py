"""Undo a matching pick: the listing goes back to its candidates, as before the pick.

A pick (``ops.pick``) marks the listing *pending* with the chosen candidate; the next matching
pass puts it in a setup-by-match feed (``MP_ITEM_MATCH``) with its outbox action. Until that
action is claimed by the outbox worker nothing has left the computer, so Undo also takes the
listing out of the feed (and withdraws the feed's action when the listing was its only item).
Once the feed is on its way or sent, Walmart sets the item up whatever we do here: Undo says so
and changes nothing.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from channelmanager_gui.errors import ValidationError
from channelmanager_gui.models.db import Database
from channelmanager_gui.models.listing import FeedState, Listing, MarketplaceFeed, MatchStatus
from channelmanager_gui.models.outbox import ActionStatus, OutboxAction
from channelmanager_gui.services.changes import NONE, Change, Changes
from channelmanager_gui.services.engine import outcomes
from channelmanager_gui.services.engine.feeds import FEED_ACTION

MATCH_FEED = "MP_ITEM_MATCH"


@dataclass(frozen=True)
class PickUndo:
    """What Undo did: ``undone`` and its ``changes``, or the reason it could not (``message``
    says either in the merchant's words, in English; the window says it in the language shown
    from ``sku``, ``item_id`` (None: there was no pick) and ``withdrawn``)."""

    listing_id: int
    undone: bool
    message: str
    changes: Changes = NONE
    sku: str = ""
    item_id: str | None = None
    withdrawn: bool = False  # the unsent setup request was taken back too


def undo_pick(db: Database, listing_id: int) -> PickUndo:
    """Put the listing back among its candidates, withdrawing its unsent setup-by-match request."""
    with db.session() as session:
        listing = session.get(Listing, listing_id)
        if listing is None:
            raise ValidationError("listing", f"listing {listing_id} no longer exists")
        chosen = _chosen(listing)
        if chosen is None:
            return PickUndo(
                listing_id, False, f"{listing.sku} has no pick to undo.", sku=listing.sku
            )
        blocker = _sent_reason(session, listing, chosen)
        if blocker:
            return PickUndo(listing_id, False, blocker, sku=listing.sku, item_id=chosen)
        withdrawn = _withdraw(session, listing)
        listing.match_candidates = [{**c, "chosen": False} for c in listing.match_candidates or []]
        listing.marketplace_item_id = None
        listing.match_status = MatchStatus.CANDIDATES
        listing.refresh_state()
        extra = " and its setup request, not sent yet, was withdrawn" if withdrawn else ""
        message = f"Pick of Walmart item {chosen} undone{extra}: pick again among the candidates"
        outcomes.note(session, listing, "candidate_pick_undone", message, "info")
        kinds = [Change.LISTINGS, Change.ACTIVITY] + ([Change.OUTBOX] if withdrawn else [])
        changes = Changes.of(*kinds, count=1)
        return PickUndo(
            listing_id, True, f"{listing.sku}: {message}.", changes, listing.sku, chosen, withdrawn
        )


def _chosen(listing: Listing) -> str | None:
    """The picked candidate's item id, while the listing still waits on that pick."""
    if listing.match_status != MatchStatus.PENDING:
        return None
    for candidate in listing.match_candidates or []:
        if candidate.get("chosen"):
            return str(candidate.get("item_id"))
    return None


def _feeds_with(session: Session, listing: Listing) -> list[MarketplaceFeed]:
    query = select(MarketplaceFeed).where(
        MarketplaceFeed.store_id == listing.store_id,
        MarketplaceFeed.feed_type == MATCH_FEED,
        MarketplaceFeed.status.in_([FeedState.QUEUED, FeedState.SUBMITTED]),
    )
    return [
        feed
        for feed in session.scalars(query)
        if any(int(e["listing_id"]) == listing.id for e in feed.entries)
    ]


def _action(session: Session, feed: MarketplaceFeed) -> OutboxAction | None:
    return session.scalars(
        select(OutboxAction).where(
            OutboxAction.kind == FEED_ACTION,
            OutboxAction.subject_type == "feed",
            OutboxAction.subject_id == feed.id,
        )
    ).first()


def _sent_reason(session: Session, listing: Listing, chosen: str) -> str | None:
    """Why the pick can no longer be undone here, or None while nothing has been sent."""
    for feed in _feeds_with(session, listing):
        action = _action(session, feed)
        # Only an action never tried is surely unsent: a failed or timed-out attempt (ERROR,
        # or PENDING again with attempts) may have reached Walmart before its answer was lost.
        untried = action is None or (action.status == ActionStatus.PENDING and not action.attempts)
        if feed.status == FeedState.QUEUED and not feed.feed_id and untried:
            continue
        return (
            f"Walmart item {chosen} was already sent to Walmart for {listing.sku} (or its "
            "sending has begun), so the pick cannot be undone here. Walmart sets the item up "
            "by match; if it is the wrong item, retire it in Seller Center, then match the "
            "listing again."
        )
    return None


def _withdraw(session: Session, listing: Listing) -> bool:
    """Take the listing out of its unsent feeds; a feed left empty goes with its action."""
    withdrawn = False
    for feed in _feeds_with(session, listing):
        action = _action(session, feed)
        entries = [e for e in feed.entries if int(e["listing_id"]) != listing.id]
        withdrawn = True
        if entries:
            feed.entries = entries
            if action is not None:
                action.payload = {**action.payload, "items": len(entries)}
            continue
        if action is not None:
            session.delete(action)
        session.delete(feed)
    return withdrawn
