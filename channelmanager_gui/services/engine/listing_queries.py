"""Qt-free listing queries and bulk actions for the window and the command line.

Counts per state feed the dashboard cards and navigation badges; ``listing_ids`` gives a table
model the ordered ids for a filter (rows load lazily, STYLE.md #5); ``resend``,
``remove_listings`` and ``export_listings`` are the bulk actions of the Listings screen and
``channelmanager-gui listings export``.
"""

from __future__ import annotations

import csv
import json
from datetime import datetime
from typing import Any, TextIO

from sqlalchemy import delete, func, or_, select
from sqlalchemy.orm import Session

from channelmanager_gui.errors import ValidationError
from channelmanager_gui.models.db import Database
from channelmanager_gui.models.listing import Listing, ListingState
from channelmanager_gui.models.outbox import ActionStatus, OutboxAction
from channelmanager_gui.services import activity
from channelmanager_gui.services.outbox import retry_subject

EXPORT_FIELDS = (
    "store_id",
    "sku",
    "name",
    "state",
    "price",
    "qty",
    "enabled",
    "identifier_kind",
    "identifier_value",
    "gtin14",
    "identifier_problem",
    "match_status",
    "walmart_item_id",
    "walmart_wpid",
    "walmart_published_status",
    "walmart_lifecycle_status",
    "last_price_sent",
    "price_sent_at",
    "last_qty_sent",
    "qty_sent_at",
    "sync_error",
)
SORTABLE = (
    "sku",
    "name",
    "state",
    "price",
    "qty",
    "last_qty_sent",
    "last_price_sent",
    "updated_at",
)


def state_counts(session: Session, store_id: int | None = None) -> dict[str, int]:
    """Listings per state (every state present, zeros included) plus ``in_error``."""
    counts = {state.value: 0 for state in ListingState}
    query = select(Listing.state, func.count(Listing.id)).group_by(Listing.state)
    errors = select(func.count(Listing.id)).where(Listing.sync_error.is_not(None))
    if store_id is not None:
        query = query.where(Listing.store_id == store_id)
        errors = errors.where(Listing.store_id == store_id)
    for state, count in session.execute(query):
        counts[state] = int(count)
    counts["in_error"] = int(session.scalar(errors) or 0)
    return counts


def listing_ids(
    session: Session,
    *,
    store_id: int | None = None,
    states: list[str] | None = None,
    text: str | None = None,
    in_error: bool = False,
    sort: str = "sku",
    descending: bool = False,
) -> list[int]:
    """Ids in display order for a filter; ``text`` finds SKU, name, GTIN or Walmart id."""
    if sort not in SORTABLE:
        raise ValidationError("sort", f"must be one of {', '.join(SORTABLE)}")
    query = select(Listing.id)
    if store_id is not None:
        query = query.where(Listing.store_id == store_id)
    if states:
        query = query.where(Listing.state.in_(states))
    if in_error:
        query = query.where(Listing.sync_error.is_not(None))
    if text and text.strip():
        like = f"%{text.strip()}%"
        query = query.where(
            or_(
                Listing.sku.ilike(like),
                Listing.name.ilike(like),
                Listing.gtin14.like(like),
                Listing.walmart_item_id.like(like),
            )
        )
    column = getattr(Listing, sort)
    query = query.order_by(column.desc() if descending else column.asc(), Listing.id)
    return list(session.scalars(query))


def resend(db: Database, listing_ids: list[int]) -> int:
    """ "Resend price and stock": forget what was sent so the next inventory pass sends both
    again, and put failed updates of these listings back in the queue."""
    count = 0
    with db.session() as session:
        for listing in session.scalars(select(Listing).where(Listing.id.in_(listing_ids))):
            listing.last_qty_sent = listing.last_price_sent = None
            listing.qty_queued = listing.price_queued = None
            listing.sync_error = None
            retry_subject(session, "listing", listing.id)
            activity.record(
                session,
                store_id=listing.store_id,
                subject_type="listing",
                subject_id=listing.id,
                event="resend",
                message="Price and stock will be sent again",
                outcome="info",
            )
            count += 1
    return count


def remove_listings(db: Database, listing_ids: list[int]) -> int:
    """Stop syncing these listings (their queued updates are dropped). The Walmart item itself
    stays as it is: retire it in Seller Center, or send 0 stock first, to stop selling."""
    with db.session() as session:
        session.execute(
            delete(OutboxAction).where(
                OutboxAction.subject_type == "listing",
                OutboxAction.subject_id.in_(listing_ids),
                OutboxAction.status.in_([ActionStatus.PENDING, ActionStatus.ERROR]),
            )
        )
        result = session.execute(delete(Listing).where(Listing.id.in_(listing_ids)))
        return int(result.rowcount or 0)  # type: ignore[attr-defined]


def export_listings(db: Database, fmt: str, out: TextIO, store_id: int | None = None) -> int:
    """Write every listing as CSV (header row) or JSON (a list of objects); returns the count."""
    if fmt not in ("csv", "json"):
        raise ValidationError("format", "must be csv or json")
    with db.session() as session:
        query = select(Listing).order_by(Listing.store_id, Listing.sku)
        if store_id is not None:
            query = query.where(Listing.store_id == store_id)
        rows = [_row(listing) for listing in session.scalars(query)]
    if fmt == "json":
        json.dump(rows, out, indent=2)
        out.write("\n")
    else:
        writer = csv.DictWriter(out, fieldnames=EXPORT_FIELDS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    return len(rows)


def _row(listing: Listing) -> dict[str, Any]:
    row = {name: getattr(listing, name) for name in EXPORT_FIELDS}
    return {k: v.isoformat() if isinstance(v, datetime) else v for k, v in row.items()}
