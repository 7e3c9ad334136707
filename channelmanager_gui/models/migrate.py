"""Alembic, driven from code: the migrations ship inside the package and run at start.

Importing Alembic (with its script directory, which imports every migration module) costs a
few hundred milliseconds of start-up, and nearly every start finds the database already at the
newest revision. So the check reads the two revision ids cheaply: the database's from its
``alembic_version`` table, the head from the migration files' ``revision`` / ``down_revision``
lines (a test keeps this equal to Alembic's own answer). Alembic is imported only to upgrade.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import text
from sqlalchemy.engine import Connection
from sqlalchemy.exc import OperationalError

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS = Path(__file__).parent / "migrations"
_REVISION = re.compile(r"""^(down_revision|revision)\s*(?::[^=]*)?=\s*['"]?([\w-]+|None)""", re.M)


def alembic_config(connection: Connection | None = None) -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


@cache
def head_revision() -> str:
    """The newest revision: the one no migration file names as its ``down_revision``."""
    revisions: set[str] = set()
    parents: set[str] = set()
    for path in (MIGRATIONS / "versions").glob("*.py"):
        source = path.read_text("utf-8")
        found = {match[1]: match[2] for match in _REVISION.finditer(source)}
        revisions.add(found["revision"])
        parents.add(found.get("down_revision", "None"))
    heads = revisions - parents
    assert len(heads) == 1, f"migrations must form one chain, heads: {sorted(heads)}"
    return heads.pop()


def current_revision(connection: Connection) -> str | None:
    """The database's revision; None for a new database (no ``alembic_version`` table)."""
    try:
        rows = connection.execute(text("SELECT version_num FROM alembic_version")).scalars()
        versions = sorted(rows)
    except OperationalError:  # no such table: never migrated
        connection.rollback()
        return None
    return ",".join(versions) or None


def upgrade(connection: Connection, revision: str = "head") -> None:
    from alembic import command

    command.upgrade(alembic_config(connection), revision)
