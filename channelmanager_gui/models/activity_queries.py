"""The activity log's questions, answered in SQL: which entry ids, and which rows to show.

The log grows with every sync step, so the Qt model keeps ids only (newest first, on the
primary key, so the id query is an index walk) and loads rows a page at a time. Each row names
its subject the way the merchant knows it: the Walmart purchase order or the SKU.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import ColumnElement, func, or_, select
from sqlalchemy.orm import Session

from channelmanager_gui.models.db import Database
from channelmanager_gui.models.listing import Listing
from channelmanager_gui.models.order import Order, Return
from channelmanager_gui.models.outbox import Activity

PAGE_LIMIT = 500


@dataclass(frozen=True)
class ActivityFilter:
    """Empty fields do not filter; ``outcome`` is ok, error or info."""

    store_id: int | None = None
    outcome: str = ""
    subject_type: str = ""
    search: str = ""
    marketplace: str = ""  # 'walmart' | 'amazon': entries about its orders, listings, returns


@dataclass(frozen=True)
class ActivityRow:
    id: int
    created_at: datetime
    subject_type: str
    subject_id: int | None
    subject: str  # "PO 1234567", "SKU-1", "Sync"
    event: str
    outcome: str
    message: str
    marketplace: str | None = None  # of the order, listing or return; None for the sync


def load_ids(db: Database, flt: ActivityFilter) -> list[int]:
    """Safe to call from a worker thread."""
    with db.session() as session:
        return activity_ids(session, flt)


def activity_ids(session: Session, flt: ActivityFilter) -> list[int]:
    """Entry ids matching ``flt``, newest first."""
    query = select(Activity.id)
    if flt.store_id is not None:
        query = query.where(Activity.store_id == flt.store_id)
    if flt.outcome:
        query = query.where(Activity.outcome == flt.outcome)
    if flt.subject_type:
        query = query.where(Activity.subject_type == flt.subject_type)
    if flt.search.strip():
        query = query.where(_search(flt.search))
    if flt.marketplace:
        query = query.where(_on_marketplace(flt.marketplace))
    query = query.order_by(Activity.id.desc())
    return [row[0] for row in session.connection().execute(query)]


def rows_by_ids(session: Session, ids: Sequence[int]) -> dict[int, ActivityRow]:
    """Rows for ``ids`` (at most ``PAGE_LIMIT``), with their subject named; missing are absent."""
    if len(ids) > PAGE_LIMIT:
        raise ValueError(f"rows_by_ids takes at most {PAGE_LIMIT} ids, got {len(ids)}")
    if not ids:
        return {}
    query = (
        select(
            Activity,
            Listing.sku,
            Order.marketplace_order_id,
            func.coalesce(Order.marketplace, Listing.marketplace, Return.marketplace),
        )
        .outerjoin(
            Listing, (Activity.subject_type == "listing") & (Listing.id == Activity.subject_id)
        )
        .outerjoin(Order, (Activity.subject_type == "order") & (Order.id == Activity.subject_id))
        .outerjoin(Return, (Activity.subject_type == "return") & (Return.id == Activity.subject_id))
        .where(Activity.id.in_(list(ids)))
    )
    rows = {}
    for entry, sku, purchase_order, marketplace in session.execute(query):
        rows[entry.id] = ActivityRow(
            id=entry.id,
            created_at=entry.created_at,
            subject_type=entry.subject_type,
            subject_id=entry.subject_id,
            subject=subject_name(
                entry.subject_type, entry.subject_id, sku, purchase_order, marketplace
            ),
            event=entry.event,
            outcome=entry.outcome,
            message=entry.message,
            marketplace=marketplace,
        )
    return rows


def subject_name(
    kind: str,
    subject_id: int | None,
    sku: str | None,
    po: str | None,
    marketplace: str | None = None,
) -> str:
    if kind == "listing":
        return sku or f"Listing #{subject_id} (removed)"
    if kind == "order":
        if not po:
            return f"Order #{subject_id}"
        return f"Amazon {po}" if marketplace == "amazon" else f"PO {po}"  # Walmart's PO
    if kind == "return":
        return f"Return #{subject_id}"
    return "Sync"


def _search(text: str) -> ColumnElement[bool]:
    words = text.strip()
    pattern = "%" + words.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
    skus = select(Listing.id).where(Listing.sku.like(pattern, escape="\\"))
    orders = select(Order.id).where(Order.marketplace_order_id.like(pattern, escape="\\"))
    return or_(
        Activity.message.like(pattern, escape="\\"),
        Activity.event.like(pattern, escape="\\"),
        (Activity.subject_type == "listing") & Activity.subject_id.in_(skus),
        (Activity.subject_type == "order") & Activity.subject_id.in_(orders),
    )


def _on_marketplace(marketplace: str) -> ColumnElement[bool]:
    """Entries about an order, listing or return of ``marketplace`` (each subquery reads the
    table's marketplace index); sync entries concern every marketplace and are left out."""
    subjects = (("order", Order), ("listing", Listing), ("return", Return))
    return or_(
        *(
            (Activity.subject_type == kind)
            & Activity.subject_id.in_(select(table.id).where(table.marketplace == marketplace))
            for kind, table in subjects
        )
    )
