"""Recent runs of the sync loops, for the dashboard's sync delay chart (kept about a day)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from channelmanager_gui.models.base import Base, UTCDateTime


class LoopRun(Base):
    """One run of one loop of one store.

    ``delay_ms`` is the sync delay this run stands for: the longest a change made on one side
    could have waited before this loop carried it across — from the start of the loop's last
    successful run before this one (a change made just after that run looked) to the end of
    this one. A failing loop's delay keeps growing until a run succeeds again.
    """

    __tablename__ = "loop_runs"
    __table_args__ = (Index("ix_loop_runs_store_loop_started", "store_id", "loop", "started_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    store_id: Mapped[int] = mapped_column(ForeignKey("stores.id", ondelete="CASCADE"))
    loop: Mapped[str] = mapped_column(String(32))  # the loop's name, e.g. "orders"
    started_at: Mapped[datetime] = mapped_column(UTCDateTime)
    finished_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    duration_ms: Mapped[int]
    delay_ms: Mapped[int]
    ok: Mapped[bool]
