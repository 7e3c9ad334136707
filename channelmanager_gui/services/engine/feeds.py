"""Bulk feeds to Walmart: queued with the local change, submitted once, polled to the end.

A feed is a ``MarketplaceFeed`` row (what it carries) plus one outbox action ``walmart.feed`` that
submits it. Walmart allows about 10 inventory or price feeds an hour (reference §11), and every
submission spends that quota, so the handler records the feed id *the moment Walmart answers*,
in its own transaction: a retry finding an id never submits a second feed. (If the answer itself
was lost, the retry submits again; inventory and price feeds carry absolute values and setup by
match is a REPLACE, so that costs quota, never correctness.)

The inventory loop polls submitted feeds; when Walmart has processed one, each item's outcome
lands on its listing through the feed type's :class:`ResultRules` (see ``feed_results.py``).
"""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from channelmanager_gui.errors import ChannelError
from channelmanager_gui.models.account import WALMART, walmart_account_id
from channelmanager_gui.models.listing import FeedState, MarketplaceFeed
from channelmanager_gui.services import activity
from channelmanager_gui.services.engine.context import EngineEnv
from channelmanager_gui.services.engine.feed_results import RULES, apply_results, fail_all
from channelmanager_gui.services.outbox import ActionContext, enqueue
from channelmanager_gui.services.walmart.catalog_models import FeedStatus
from channelmanager_gui.services.walmart.client import WalmartClient
from channelmanager_gui.services.walmart.feeds import MatchItem

FEED_ACTION = "walmart.feed"
# Our share of Walmart's hourly feed quota per type (reference §11: 10/h inventory and price,
# 20/h setup by match), leaving room for a manual upload by the merchant.
FEEDS_PER_HOUR = {"inventory": 8, "price": 8, "MP_ITEM_MATCH": 16}
GIVE_UP_AFTER = timedelta(hours=24)  # a feed still unprocessed by then is reported failed


def queue_feed(
    session: Session, store_id: int, feed_type: str, entries: list[dict[str, Any]]
) -> MarketplaceFeed:
    """Write the feed and its submit action in the caller's transaction."""
    feed = MarketplaceFeed(
        store_id=store_id,
        account_id=walmart_account_id(session, store_id),
        marketplace=WALMART,
        feed_type=feed_type,
        entries=entries,
    )
    session.add(feed)
    session.flush()
    enqueue(
        session,
        store_id=store_id,
        kind=FEED_ACTION,
        subject_type="feed",
        subject_id=feed.id,
        payload={"feed_type": feed_type, "items": len(entries)},
    )
    return feed


def feed_budget(session: Session, store_id: int, feed_type: str, now: Any) -> int:
    """How many more feeds of this type may be submitted in the current hour."""
    used = session.scalar(
        select(func.count(MarketplaceFeed.id)).where(
            MarketplaceFeed.store_id == store_id,
            MarketplaceFeed.feed_type == feed_type,
            MarketplaceFeed.created_at > now - timedelta(hours=1),
        )
    )
    return max(0, FEEDS_PER_HOUR[feed_type] - int(used or 0))


def listings_in_open_feeds(session: Session, store_id: int, feed_type: str) -> set[int]:
    """Listings carried by feeds of this type that Walmart has not finished with."""
    query = select(MarketplaceFeed.entries).where(
        MarketplaceFeed.store_id == store_id,
        MarketplaceFeed.feed_type == feed_type,
        MarketplaceFeed.status.in_([FeedState.QUEUED, FeedState.SUBMITTED]),
    )
    return {int(e["listing_id"]) for entries in session.scalars(query) for e in entries}


class FeedSubmitHandler:
    """Outbox handler of ``walmart.feed``: submit once, remember the id at once."""

    lane = "walmart.feeds"

    def __init__(self, env: EngineEnv) -> None:
        self.env = env

    async def send(self, ctx: ActionContext) -> dict[str, Any] | None:
        with self.env.db.session() as session:
            feed = session.get_one(MarketplaceFeed, ctx.subject_id)
            known, feed_type, entries = feed.feed_id, feed.feed_type, list(feed.entries)
        if known:  # an earlier attempt got the id: never a second submission
            return {"feed_id": known, "resumed": True}
        client = self.env.store(ctx.store_id).walmart
        feed_id = await _submit(client, feed_type, entries)
        with self.env.db.session() as session:
            feed = session.get_one(MarketplaceFeed, ctx.subject_id)
            feed.feed_id = feed_id
            feed.status = FeedState.SUBMITTED
            feed.submitted_at = self.env.clock()
        return {"feed_id": feed_id}

    def apply(self, session: Session, ctx: ActionContext, result: dict[str, Any] | None) -> None:
        feed = session.get_one(MarketplaceFeed, ctx.subject_id)
        what = RULES[feed.feed_type].label
        for entry in feed.entries:
            activity.record(
                session,
                store_id=feed.store_id,
                subject_type="listing",
                subject_id=int(entry["listing_id"]),
                event="feed_submitted",
                message=f"{what} sent in bulk feed {feed.feed_id}",
                outcome="info",
            )

    def failed(self, session: Session, ctx: ActionContext, error: ChannelError) -> None:
        feed = session.get_one(MarketplaceFeed, ctx.subject_id)
        fail_all(session, feed, f"Walmart did not take the feed: {error}", self.env.clock())


async def poll_feeds(env: EngineEnv, store_id: int) -> dict[str, int]:
    """Read the status of every submitted feed; record per-item outcomes of finished ones.

    A feed whose status cannot be read now is tried again next pass (and reported failed only
    after :data:`GIVE_UP_AFTER`), so one odd feed never holds up the others.
    """
    query = (
        select(MarketplaceFeed.id, MarketplaceFeed.feed_id)
        .where(
            MarketplaceFeed.store_id == store_id,
            MarketplaceFeed.marketplace == WALMART,  # Amazon's feeds: amazon_push_feeds
            MarketplaceFeed.status == FeedState.SUBMITTED,
        )
        .order_by(MarketplaceFeed.id)
    )
    with env.db.session() as session:
        open_feeds = [(row_id, str(feed_id)) for row_id, feed_id in session.execute(query)]
    client = env.store(store_id).walmart
    finished = 0
    for row_id, feed_id in open_feeds:
        status, problem = None, None
        try:
            status = await client.get_feed_status(feed_id, include_details=True)
        except ChannelError as exc:
            problem = str(exc)
        finished += _record_poll(env, row_id, status, problem)
    return {"feeds_open": len(open_feeds) - finished, "feeds_done": finished}


def _record_poll(
    env: EngineEnv, row_id: int, status: FeedStatus | None, problem: str | None
) -> int:
    now = env.clock()
    with env.db.session() as session:
        feed = session.get_one(MarketplaceFeed, row_id)
        feed.checked_at = now
        feed.error = problem[:1000] if problem else None
        if status is not None and status.done:
            apply_results(session, feed, status, now)
            return 1
        if feed.submitted_at and now - feed.submitted_at > GIVE_UP_AFTER:
            reason = problem or "Walmart did not process the feed within 24 hours"
            fail_all(session, feed, reason, now)
            return 1
    return 0


async def _submit(client: WalmartClient, feed_type: str, entries: list[dict[str, Any]]) -> str:
    if feed_type == "inventory":
        return await client.submit_inventory_feed([(e["sku"], int(e["value"])) for e in entries])
    if feed_type == "price":
        return await client.submit_price_feed([(e["sku"], _money(e["value"])) for e in entries])
    items = [
        MatchItem(
            sku=e["sku"],
            product_id=e["value"],
            price=_money(e["price"]),
            shipping_weight=_money(e.get("weight") or 1),
        )
        for e in entries
    ]
    return await client.submit_match_feed(items)


def _money(value: Any) -> Decimal:
    return Decimal(str(value))
