"""A merchant's own note on an order ("gift wrap", "called the buyer"): kept only here.

Never sent to Walmart or Commerce. One note per order, edited in place; the global search
finds orders by words in their note (``models/global_search.py``).
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from channelmanager_gui.models.base import Base, UTCDateTime, utcnow

NOTE_MAX = 2000


class OrderNote(Base):
    __tablename__ = "order_notes"

    id: Mapped[int] = mapped_column(primary_key=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id", ondelete="CASCADE"), unique=True)
    text: Mapped[str] = mapped_column(String(NOTE_MAX), default="")
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)
