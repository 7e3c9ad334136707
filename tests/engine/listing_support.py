"""Helpers shared by the listings engine tests (catalog, matching, inventory)."""

from __future__ import annotations

import asyncio
from collections.abc import Callable

from sqlalchemy import select

from channelmanager_gui.models.db import Database
from channelmanager_gui.models.listing import FeedState, Listing, MarketplaceFeed
from channelmanager_gui.models.outbox import Activity
from channelmanager_gui.services.engine.engine import SyncEngine
from channelmanager_gui.services.engine.feeds import poll_feeds


def listing(db: Database, sku: str) -> Listing:
    with db.session() as session:
        return session.scalars(select(Listing).where(Listing.sku == sku)).one()


def ids(db: Database, skus: list[str]) -> list[int]:
    with db.session() as session:
        return list(session.scalars(select(Listing.id).where(Listing.sku.in_(skus))))


def events(db: Database, listing_id: int) -> list[tuple[str, str]]:
    with db.session() as session:
        query = select(Activity.event, Activity.outcome).where(
            Activity.subject_type == "listing", Activity.subject_id == listing_id
        )
        return [(e, o) for e, o in session.execute(query.order_by(Activity.id))]


def update(db: Database, sku: str, change: Callable[[Listing], None]) -> None:
    with db.session() as session:
        change(session.scalars(select(Listing).where(Listing.sku == sku)).one())


def open_feeds(db: Database) -> int:
    with db.session() as session:
        query = select(MarketplaceFeed.id).where(
            MarketplaceFeed.status.in_([FeedState.QUEUED, FeedState.SUBMITTED])
        )
        return len(list(session.scalars(query)))


async def send_and_finish_feeds(engine: SyncEngine, store_id: int, timeout: float = 15) -> None:
    """Drain the outbox, then poll Walmart until every submitted feed is processed.

    The Walmart sandbox processes a feed about half a second after it arrives, as Walmart does
    minutes later; polling the status is how the engine itself learns the outcome.
    """
    assert await engine.worker.drain(timeout=timeout)
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while open_feeds(engine.env.db):
        assert loop.time() < deadline, "feeds were not processed in time"
        await poll_feeds(engine.env, store_id)
        await asyncio.sleep(0.05)
