"""The outbox: every change that must reach a remote system, written before it is sent.

An action is written in the same transaction as the local change that causes it. The worker
(services/outbox.py) sends actions of one subject strictly in order, so "ship in Commerce" never
overtakes "create in Commerce" for the same order.
"""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import JSON, ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from channelmanager_gui.models.base import Base, UTCDateTime, utcnow


class ActionStatus(StrEnum):
    PENDING = "pending"
    RUNNING = "running"  # claimed; if the process dies here, the next attempt checks remote first
    DONE = "done"
    ERROR = "error"  # needs the merchant (Retry) or a fix; blocks later actions of the subject


class OutboxAction(Base):
    __tablename__ = "outbox"
    __table_args__ = (
        Index("ix_outbox_status_not_before", "status", "not_before"),
        Index("ix_outbox_subject", "subject_type", "subject_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    store_id: Mapped[int] = mapped_column(ForeignKey("stores.id", ondelete="CASCADE"))
    # The marketplace account the action talks to; NULL for Commerce-only actions.
    account_id: Mapped[int | None] = mapped_column(
        ForeignKey("marketplace_accounts.id", ondelete="CASCADE")
    )
    kind: Mapped[str] = mapped_column(String(48))  # e.g. walmart.acknowledge, commerce.ship
    subject_type: Mapped[str] = mapped_column(String(16))  # order | listing | return
    subject_id: Mapped[int]
    payload: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    status: Mapped[str] = mapped_column(String(8), default=ActionStatus.PENDING)
    attempts: Mapped[int] = mapped_column(default=0)
    not_before: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    last_error: Mapped[str | None] = mapped_column(String(2000))
    result: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)
    done_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class Activity(Base):
    """One line of the timeline the UI shows for an order, a listing, or the sync itself."""

    __tablename__ = "activity"
    __table_args__ = (Index("ix_activity_subject", "subject_type", "subject_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    store_id: Mapped[int | None] = mapped_column(ForeignKey("stores.id", ondelete="CASCADE"))
    subject_type: Mapped[str] = mapped_column(String(16))  # order | listing | return | sync
    subject_id: Mapped[int | None]
    event: Mapped[str] = mapped_column(String(48))
    outcome: Mapped[str] = mapped_column(String(8), default="ok")  # ok | error | info
    message: Mapped[str] = mapped_column(String(2000), default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)


class SyncCursor(Base):
    """Watermarks of the sync loops (last order window, last product updated_at, ...)."""

    __tablename__ = "sync_cursors"

    store_id: Mapped[int] = mapped_column(
        ForeignKey("stores.id", ondelete="CASCADE"), primary_key=True
    )
    name: Mapped[str] = mapped_column(String(48), primary_key=True)
    value: Mapped[str] = mapped_column(String(255))
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)
