"""The Listings bulk actions over ids: match, resend, remove.

Selections can be huge ("select all" on 100,000 listings), so ids are handled in chunks that
stay under SQLite's bound-parameter limit, and matching is asked per store because the engine
matches one store at a time. Each returns an :class:`ActionOutcome` carrying its changes.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

from sqlalchemy import select

from channelmanager_gui.models.db import Database
from channelmanager_gui.models.listing import Listing
from channelmanager_gui.services.changes import NONE, Changes, union
from channelmanager_gui.services.engine.matching import request_match
from channelmanager_gui.services.ops.listing_writes import remove_listings, resend

CHUNK = 500


@dataclass(frozen=True)
class ActionOutcome:
    """What a bulk action did, said to the merchant in one line."""

    changes: Changes = NONE
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (sku, reason)

    @property
    def done(self) -> int:
        return self.changes.count

    def text(self, verb: str) -> str:
        plural = "s" if self.done != 1 else ""
        line = f"{self.done} listing{plural} {verb}."
        if self.skipped:
            sku, reason = self.skipped[0]
            more = f" and {len(self.skipped) - 1} more" if len(self.skipped) > 1 else ""
            line += f" {len(self.skipped)} skipped ({sku}: {reason}{more})."
        return line


def match_listings(db: Database, ids: Sequence[int]) -> ActionOutcome:
    """Send listings for matching on Walmart (incomplete and matched ones are skipped)."""
    changes, skipped = NONE, []
    for store_id, store_ids in _by_store(db, ids).items():
        for chunk in _chunks(store_ids):
            result = request_match(db, store_id, chunk)
            changes = changes | result.changes
            skipped += result.skipped
    return ActionOutcome(changes, skipped)


def resend_listings(db: Database, ids: Sequence[int]) -> ActionOutcome:
    """Forget what was sent so the next inventory pass sends price and stock again."""
    return ActionOutcome(union(resend(db, chunk) for chunk in _chunks(ids)))


def delete_listings(db: Database, ids: Sequence[int]) -> ActionOutcome:
    """Stop syncing these listings; the Walmart items themselves stay as they are."""
    return ActionOutcome(union(remove_listings(db, chunk) for chunk in _chunks(ids)))


def _by_store(db: Database, ids: Sequence[int]) -> dict[int, list[int]]:
    grouped: dict[int, list[int]] = defaultdict(list)
    with db.session() as session:
        for chunk in _chunks(ids):
            query = select(Listing.store_id, Listing.id).where(Listing.id.in_(chunk))
            for store_id, listing_id in session.execute(query):
                grouped[store_id].append(listing_id)
    return grouped


def _chunks(ids: Sequence[int]) -> Iterator[list[int]]:
    for start in range(0, len(ids), CHUNK):
        yield list(ids[start : start + CHUNK])
