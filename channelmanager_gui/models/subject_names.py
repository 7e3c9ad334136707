"""What a merchant calls the subject of an outbox action or activity row.

Our row ids mean nothing outside this database: ``sync status`` said "order #12" where the
merchant knows the order by its Walmart purchase order (issue 20). One query per kind.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from channelmanager_gui.models.listing import Listing
from channelmanager_gui.models.order import Order, Return

Subject = tuple[str, int]  # (subject_type, subject_id)

_KINDS: dict[str, tuple[Any, Any, str]] = {
    "order": (Order, Order.marketplace_order_id, "Walmart PO"),
    "listing": (Listing, Listing.sku, "SKU"),
    "return": (Return, Return.return_order_id, "Walmart return"),
}


def subject_names(session: Session, subjects: Iterable[Subject]) -> dict[Subject, str]:
    """``{("order", 12): "Walmart PO 1234567"}``; a vanished row or another kind keeps its
    row id ("order #12"), so nothing disappears from the list."""
    wanted = set(subjects)
    names = {subject: f"{subject[0]} #{subject[1]}" for subject in wanted}
    for kind, (model, column, title) in _KINDS.items():
        ids = [row_id for subject_type, row_id in wanted if subject_type == kind]
        if ids:
            for row_id, value in session.execute(select(model.id, column).where(model.id.in_(ids))):
                names[(kind, row_id)] = f"{title} {value}"
    return names
