"""Listing operations for the Listings screen and the command line: "resend price and stock",
remove (each returns its :class:`Changes`, ``count`` listings), and ``listings export``.

(Ids, counts per state and rows for the table live in ``models/listing_table_queries.py``.)
"""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any, TextIO

from sqlalchemy import delete, select

from channelmanager_gui.errors import ValidationError
from channelmanager_gui.models.db import Database
from channelmanager_gui.models.listing import Listing
from channelmanager_gui.models.money import json_number
from channelmanager_gui.models.outbox import ActionStatus, OutboxAction
from channelmanager_gui.models.public_keys import pick
from channelmanager_gui.services import activity
from channelmanager_gui.services.changes import Change, Changes
from channelmanager_gui.services.csv_export import write_csv
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


def resend(db: Database, listing_ids: list[int]) -> Changes:
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
    return Changes.of(Change.LISTINGS, Change.ACTIVITY, Change.OUTBOX, count=count)


def remove_listings(db: Database, listing_ids: list[int]) -> Changes:
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
        count = int(result.rowcount or 0)  # type: ignore[attr-defined]
    return Changes.of(Change.LISTINGS, Change.OUTBOX, count=count)


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
        json.dump(rows, out, indent=2, default=json_number)
        out.write("\n")
    else:
        write_csv(out, EXPORT_FIELDS, rows)
    return len(rows)


def _row(listing: Listing) -> dict[str, Any]:
    row = pick(listing, EXPORT_FIELDS)
    return {k: v.isoformat() if isinstance(v, datetime) else v for k, v in row.items()}
