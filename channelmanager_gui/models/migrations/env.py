"""Alembic environment: uses the connection handed over by ``models.migrate`` when present,
otherwise the database of ``$CHANNELMANAGER_HOME`` (for ``alembic`` on the command line)."""

from __future__ import annotations

from typing import Any, Literal

from alembic import context
from alembic.autogenerate.api import AutogenContext

from channelmanager_gui.models.base import UTCDateTime
from channelmanager_gui.models.schema import metadata


def _render_item(type_: str, obj: Any, autogen_context: AutogenContext) -> str | Literal[False]:
    """Render our UTCDateTime as plain DateTime so migrations never import app code."""
    if type_ == "type" and isinstance(obj, UTCDateTime):
        return "sa.DateTime()"
    return False


def _run(connection: object) -> None:
    context.configure(
        render_item=_render_item,
        connection=connection,  # type: ignore[arg-type]
        target_metadata=metadata,
        render_as_batch=True,  # SQLite cannot ALTER most things; batch mode copies tables
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


connection = context.config.attributes.get("connection")
if connection is not None:
    _run(connection)
else:
    from channelmanager_gui.models.db import make_engine
    from channelmanager_gui.paths import database_path

    with make_engine(database_path()).begin() as conn:
        _run(conn)
