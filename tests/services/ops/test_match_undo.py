"""Undo a matching pick: back to the candidates, its unsent setup request withdrawn; once the
request is on its way to Walmart, Undo says what it cannot undo and changes nothing."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import select

from channelmanager_gui.models.db import Database, open_database
from channelmanager_gui.models.listing import (
    FeedState,
    Listing,
    ListingState,
    MarketplaceFeed,
    MatchStatus,
)
from channelmanager_gui.models.outbox import ActionStatus, Activity, OutboxAction
from channelmanager_gui.services import ops
from channelmanager_gui.services.changes import Change
from channelmanager_gui.services.engine.feeds import queue_feed
from tests.models.listing_seed import add_listing, add_store

CANDIDATES = [
    {"item_id": "111", "title": "Blue mug 12 oz"},
    {"item_id": "222", "title": "Blue mug 16 oz"},
]


@pytest.fixture
def db() -> Iterator[Database]:
    database = open_database()
    yield database
    database.dispose()


@pytest.fixture
def store_id(db: Database) -> int:
    return add_store(db)


def _choosing(db: Database, store_id: int, number: int = 100) -> int:
    return add_listing(
        db, store_id, number, state=ListingState.PENDING_MATCH,
        match_status=MatchStatus.CANDIDATES, match_candidates=CANDIDATES,
    )  # fmt: skip


def _queue_setup(db: Database, store_id: int, listing_ids: list[int]) -> int:
    """What the next matching pass does with picked listings: one setup-by-match feed."""
    entries = [
        {"listing_id": i, "sku": f"S{i}", "value": "1", "item_id": "222"} for i in listing_ids
    ]
    with db.session() as session:
        return queue_feed(session, store_id, "MP_ITEM_MATCH", entries).id


def _feed_action(db: Database, feed_id: int) -> OutboxAction | None:
    with db.session() as session:
        query = select(OutboxAction).where(
            OutboxAction.subject_type == "feed", OutboxAction.subject_id == feed_id
        )
        return session.scalars(query).first()


def _listing(db: Database, listing_id: int) -> Listing:
    with db.session() as session:
        return session.get_one(Listing, listing_id)


def test_undo_before_the_next_pass_brings_back_the_candidates(db: Database, store_id: int) -> None:
    listing_id = _choosing(db, store_id)
    ops.pick(db, listing_id, "222")
    result = ops.undo_pick(db, listing_id)
    assert result.undone and "222 undone" in result.message
    assert result.changes.kinds == {Change.LISTINGS, Change.ACTIVITY}
    listing = _listing(db, listing_id)
    assert listing.match_status == MatchStatus.CANDIDATES
    assert listing.state == ListingState.PENDING_MATCH
    assert listing.marketplace_item_id is None
    assert not any(c.get("chosen") for c in listing.match_candidates or [])
    with db.session() as session:
        events = session.scalars(select(Activity.event).where(Activity.subject_id == listing_id))
        assert list(events)[-2:] == ["candidate_picked", "candidate_pick_undone"]
    assert ops.pick(db, listing_id, "111")  # picking again works as the first time


def test_undo_withdraws_the_unsent_setup_request(db: Database, store_id: int) -> None:
    alone, shared, other = (_choosing(db, store_id, n) for n in (100, 101, 102))
    for listing_id in (alone, shared, other):
        ops.pick(db, listing_id, "222")
    alone_feed = _queue_setup(db, store_id, [alone])
    shared_feed = _queue_setup(db, store_id, [shared, other])

    result = ops.undo_pick(db, alone)
    assert result.undone and "withdrawn" in result.message
    assert Change.OUTBOX in result.changes.kinds
    with db.session() as session:
        assert session.get(MarketplaceFeed, alone_feed) is None
    assert _feed_action(db, alone_feed) is None

    assert ops.undo_pick(db, shared).undone
    with db.session() as session:
        feed = session.get_one(MarketplaceFeed, shared_feed)
        assert [e["listing_id"] for e in feed.entries] == [other]
    action = _feed_action(db, shared_feed)
    assert action is not None and action.payload["items"] == 1
    assert _listing(db, other).match_status == MatchStatus.PENDING


@pytest.mark.parametrize("sent", ["claimed", "tried before", "submitted"])
def test_a_sent_pick_is_not_undone_and_says_why(db: Database, store_id: int, sent: str) -> None:
    listing_id = _choosing(db, store_id)
    ops.pick(db, listing_id, "222")
    feed_id = _queue_setup(db, store_id, [listing_id])
    with db.session() as session:
        if sent == "claimed":  # the outbox worker is sending it right now
            action = session.scalars(select(OutboxAction)).one()
            action.status = ActionStatus.RUNNING
        elif sent == "tried before":  # a timed-out attempt may have reached Walmart
            action = session.scalars(select(OutboxAction)).one()
            action.attempts = 1
        else:
            feed = session.get_one(MarketplaceFeed, feed_id)
            feed.status, feed.feed_id = FeedState.SUBMITTED, "F-1"

    result = ops.undo_pick(db, listing_id)
    assert not result.undone and not result.changes
    assert "already sent to Walmart" in result.message and "Seller Center" in result.message
    listing = _listing(db, listing_id)
    assert listing.match_status == MatchStatus.PENDING and listing.marketplace_item_id == "222"
    assert _feed_action(db, feed_id) is not None


def test_nothing_to_undo(db: Database, store_id: int) -> None:
    listing_id = _choosing(db, store_id)
    result = ops.undo_pick(db, listing_id)
    assert not result.undone and "no pick to undo" in result.message
