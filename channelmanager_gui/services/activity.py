"""The activity log: what happened to each order and listing, with time and outcome."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from channelmanager_gui.models.outbox import Activity


def record(
    session: Session,
    *,
    store_id: int | None,
    subject_type: str,
    subject_id: int | None,
    event: str,
    message: str = "",
    outcome: str = "ok",
) -> Activity:
    """Add one timeline entry in the caller's transaction (so it commits with the change)."""
    entry = Activity(
        store_id=store_id,
        subject_type=subject_type,
        subject_id=subject_id,
        event=event,
        outcome=outcome,
        message=message[:2000],
    )
    session.add(entry)
    return entry


def timeline(session: Session, subject_type: str, subject_id: int) -> list[Activity]:
    """Entries of one subject, oldest first."""
    query = (
        select(Activity)
        .where(Activity.subject_type == subject_type, Activity.subject_id == subject_id)
        .order_by(Activity.id)
    )
    return list(session.scalars(query))
