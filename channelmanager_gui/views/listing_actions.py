"""The Listings bulk actions as plain functions over ids, run in a worker thread by the page.

Selections can be huge ("select all" on 100,000 listings), so ids are handled in chunks that
stay under SQLite's bound-parameter limit, and matching is asked per store because the engine
matches one store at a time.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

from sqlalchemy import select

from channelmanager_gui.models.listing import Listing
from channelmanager_gui.services.changes import Change
from channelmanager_gui.services.engine.context import EngineEnv
from channelmanager_gui.services.engine.listing_queries import remove_listings, resend
from channelmanager_gui.services.engine.matching import request_match

CHUNK = 500


@dataclass
class ActionOutcome:
    """What a bulk action did, said to the merchant in one line."""

    done: int = 0
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (sku, reason)

    def text(self, verb: str) -> str:
        plural = "s" if self.done != 1 else ""
        line = f"{self.done} listing{plural} {verb}."
        if self.skipped:
            sku, reason = self.skipped[0]
            more = f" and {len(self.skipped) - 1} more" if len(self.skipped) > 1 else ""
            line += f" {len(self.skipped)} skipped ({sku}: {reason}{more})."
        return line


def match_listings(env: EngineEnv, ids: Sequence[int]) -> ActionOutcome:
    """Send listings for matching on Walmart (incomplete and matched ones are skipped)."""
    outcome = ActionOutcome()
    for store_id, store_ids in _by_store(env, ids).items():
        for chunk in _chunks(store_ids):
            result = request_match(env, store_id, chunk)
            outcome.done += result.queued
            outcome.skipped += result.skipped
    return outcome


def resend_listings(env: EngineEnv, ids: Sequence[int]) -> ActionOutcome:
    """Forget what was sent so the next inventory pass sends price and stock again."""
    done = sum(resend(env.db, chunk) for chunk in _chunks(ids))
    env.changes.publish(Change.LISTINGS, Change.ACTIVITY, Change.OUTBOX)
    return ActionOutcome(done)


def delete_listings(env: EngineEnv, ids: Sequence[int]) -> ActionOutcome:
    """Stop syncing these listings; the Walmart items themselves stay as they are."""
    done = sum(remove_listings(env.db, chunk) for chunk in _chunks(ids))
    env.changes.publish(Change.LISTINGS, Change.OUTBOX)
    return ActionOutcome(done)


def _by_store(env: EngineEnv, ids: Sequence[int]) -> dict[int, list[int]]:
    grouped: dict[int, list[int]] = defaultdict(list)
    with env.db.session() as session:
        for chunk in _chunks(ids):
            query = select(Listing.store_id, Listing.id).where(Listing.id.in_(chunk))
            for store_id, listing_id in session.execute(query):
                grouped[store_id].append(listing_id)
    return grouped


def _chunks(ids: Sequence[int]) -> Iterator[list[int]]:
    for start in range(0, len(ids), CHUNK):
        yield list(ids[start : start + CHUNK])
