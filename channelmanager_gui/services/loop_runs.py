"""Keeps a day of sync loop runs, so the dashboard can plot the sync delay of each loop.

The scheduler calls :func:`record_run` after every run, in the window and in a headless
``channelmanager-gui sync`` alike, so the chart shows whichever process synced. Each row says
how long a change could have waited for that run (``LoopRun.delay_ms``); rows older than
``RETENTION`` are dropped on the way, so the table stays at about a day of runs.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import delete, func, select

from channelmanager_gui.models.db import Database
from channelmanager_gui.models.loop_run import LoopRun

# The chart shows 24 hours; an hour more keeps the run before the window's first one, whose
# start is where the first delay in the window is measured from.
RETENTION = timedelta(hours=25)


def record_run(
    db: Database,
    *,
    store_id: int,
    loop: str,
    started_at: datetime,
    finished_at: datetime,
    ok: bool,
) -> LoopRun:
    """Add one run with its delay and drop runs older than ``RETENTION`` (a few indexed
    statements: cheap enough to run after every loop pass)."""
    with db.session() as session:
        last_ok = session.scalar(
            select(func.max(LoopRun.started_at)).where(
                LoopRun.store_id == store_id, LoopRun.loop == loop, LoopRun.ok.is_(True)
            )
        )
        since = started_at if last_ok is None or last_ok > started_at else last_ok
        run = LoopRun(
            store_id=store_id,
            loop=loop,
            started_at=started_at,
            finished_at=finished_at,
            duration_ms=_ms(finished_at - started_at),
            delay_ms=_ms(finished_at - since),
            ok=ok,
        )
        session.add(run)
        session.execute(delete(LoopRun).where(LoopRun.finished_at < finished_at - RETENTION))
        return run


def _ms(span: timedelta) -> int:
    return max(0, round(span.total_seconds() * 1000))
