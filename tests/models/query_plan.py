"""What SQLite plans for the queries a function runs (EXPLAIN QUERY PLAN), for tests that
guard the indexes the big tables rely on."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sqlalchemy import event
from sqlalchemy.orm import Session

from channelmanager_gui.models.db import Database


def query_plans(db: Database, call: Callable[[Session], object]) -> list[str]:
    """One line per statement ``call`` ran: its plan steps joined with " | "."""
    seen: list[tuple[str, Any]] = []

    def record(_conn: Any, _cursor: Any, statement: str, parameters: Any, *_: Any) -> None:
        seen.append((statement, parameters))

    event.listen(db.engine, "before_cursor_execute", record)
    try:
        with db.session() as session:
            call(session)
    finally:
        event.remove(db.engine, "before_cursor_execute", record)
    with db.engine.connect() as conn:
        raw = conn.connection.driver_connection
        return [
            " | ".join(step[3] for step in raw.execute(f"EXPLAIN QUERY PLAN {sql}", params))
            for sql, params in seen
        ]
