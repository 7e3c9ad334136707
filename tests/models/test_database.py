"""The database is created, migrated and configured as the app expects."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect

from channelmanager_gui.errors import StorageError
from channelmanager_gui.models import migrate
from channelmanager_gui.models.db import open_database
from channelmanager_gui.models.schema import metadata
from channelmanager_gui.models.store import Store
from channelmanager_gui.paths import database_path


def test_open_database_creates_file_in_channelmanager_home(cm_home: Path) -> None:
    db = open_database()
    try:
        assert db.path == cm_home / "channelmanager.sqlite3"
        assert db.path.exists()
        assert set(inspect(db.engine).get_table_names()) >= {"stores", "app_settings"}
    finally:
        db.dispose()


def test_sqlite_runs_in_wal_mode_with_foreign_keys() -> None:
    db = open_database()
    try:
        with db.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    finally:
        db.dispose()


def test_empty_database_upgrades_to_head_and_orm_matches_migrations() -> None:
    db = open_database()
    try:
        with db.engine.connect() as conn:
            assert migrate.current_revision(conn) == migrate.head_revision()
            diff = compare_metadata(MigrationContext.configure(conn), metadata)
        assert diff == [], f"models and migrations differ: {diff}"
    finally:
        db.dispose()


def test_reopening_a_migrated_database_keeps_data_and_takes_no_backup(cm_home: Path) -> None:
    db = open_database()
    with db.session() as session:
        session.add(Store(name="Shop", commerce_url="https://c", walmart_url="https://w"))
    db.dispose()
    db = open_database()
    try:
        with db.session() as session:
            assert session.query(Store).one().name == "Shop"
    finally:
        db.dispose()
    backups = cm_home / "backups"
    assert not backups.exists() or not list(backups.iterdir())


def test_database_behind_head_is_backed_up_before_migrating(cm_home: Path) -> None:
    path = database_path()
    with sqlite3.connect(path) as conn:  # a database stamped with an older revision
        conn.execute("CREATE TABLE alembic_version (version_num VARCHAR(32) PRIMARY KEY)")
        conn.execute("INSERT INTO alembic_version VALUES ('0000')")
        conn.execute("CREATE TABLE keepme (x INTEGER)")
        conn.execute("INSERT INTO keepme VALUES (42)")
    with pytest.raises(StorageError, match="newer version"):
        open_database()  # revision 0000 is unknown: refused, but only after the backup
    backups = list((cm_home / "backups").glob("*.sqlite3"))
    assert len(backups) == 1
    with sqlite3.connect(backups[0]) as conn:
        assert conn.execute("SELECT x FROM keepme").fetchone() == (42,)


def test_the_cheap_head_is_alembics_head() -> None:
    """The start-up check reads the head from the migration files without Alembic."""
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(migrate.alembic_config())
    assert [migrate.head_revision()] == script.get_heads()


def test_a_new_database_has_no_revision() -> None:
    db = open_database()
    try:
        with db.engine.connect() as conn:
            conn.exec_driver_sql("DROP TABLE alembic_version")
            assert migrate.current_revision(conn) is None
    finally:
        db.dispose()


def test_a_database_at_head_opens_without_importing_alembic(cm_home: Path) -> None:
    open_database().dispose()
    script = (
        "import sys\n"
        "from channelmanager_gui.models.db import open_database\n"
        "open_database().dispose()\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'alembic'))\n"
    )
    env = {**os.environ, "CHANNELMANAGER_HOME": str(cm_home)}
    out = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, env=env, check=True
    )
    assert out.stdout.strip() == "[]"
