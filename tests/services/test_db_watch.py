"""DatabaseWatch and the change log: what another process publishes reaches the window once,
with its kinds; other writes (the window's own, the status snapshot) and reads do not."""

from __future__ import annotations

import subprocess
import sys

from channelmanager_gui.models.db import Database, open_database
from channelmanager_gui.models.store import AppSetting
from channelmanager_gui.services import change_log
from channelmanager_gui.services.changes import Change, ChangeBus, Changes
from channelmanager_gui.services.db_watch import DatabaseWatch

# What a command run in another terminal does after its operation: publish in the database.
CLI_PUBLISH = (
    "import sys; from pathlib import Path\n"
    "from channelmanager_gui.models.db import open_database\n"
    "from channelmanager_gui.services import ops\n"
    "db = open_database(Path(sys.argv[1]))\n"
    "ops.publish(db, ops.Changes.of(ops.Change.ORDERS, ops.Change.OUTBOX))\n"
    "db.dispose()\n"
)


def _write(db: Database, key: str, value: object) -> None:
    with db.session() as session:
        session.merge(AppSetting(key=key, value=value))


def _watch(db: Database) -> tuple[DatabaseWatch, list[frozenset[Change]]]:
    bus = ChangeBus()
    seen: list[frozenset[Change]] = []
    bus.subscribe(seen.append)
    return DatabaseWatch(db.path, bus), seen


def test_what_another_process_publishes_arrives_once_with_its_kinds() -> None:
    db = open_database()
    watch, seen = _watch(db)
    try:
        assert watch.poll() is False
        subprocess.run([sys.executable, "-c", CLI_PUBLISH, str(db.path)], check=True)
        assert watch.poll() is True
        assert seen == [frozenset({Change.ORDERS, Change.OUTBOX})]
        assert watch.poll() is False  # one notice per publication
        assert seen == [frozenset({Change.ORDERS, Change.OUTBOX})]
    finally:
        watch.close()
        db.dispose()


def test_writes_that_publish_nothing_and_reads_refresh_nothing() -> None:
    """The window's own writes (its op runner publishes them) and the sync process's status
    snapshot move ``data_version`` but no counter: no second, blind refresh of everything."""
    db = open_database()
    watch, seen = _watch(db)
    try:
        with db.session() as session:
            session.get(AppSetting, "nothing")  # a read changes nothing
        assert watch.poll() is False
        _write(db, "sync_status", {"loops": []})
        assert watch.poll() is False
        change_log.publish(db, Changes())  # nothing changed: nothing written
        assert watch.poll() is False
        assert seen == []
    finally:
        watch.close()
        db.dispose()


def test_several_publications_between_two_polls_are_one_notice() -> None:
    db = open_database()
    watch, seen = _watch(db)
    try:
        change_log.publish(db, Changes.of(Change.LISTINGS))
        change_log.publish(db, Changes.of(Change.LISTINGS, Change.ACTIVITY))
        assert watch.poll() is True
        assert seen == [frozenset({Change.LISTINGS, Change.ACTIVITY})]
    finally:
        watch.close()
        db.dispose()


def test_a_counter_is_an_app_setting_the_orm_still_reads() -> None:
    """The counters live in ``app_settings`` (JSON values): SQLAlchemy reads them back."""
    db = open_database()
    try:
        change_log.publish(db, Changes.of(Change.RETURNS))
        change_log.publish(db, Changes.of(Change.RETURNS))
        with db.session() as session:
            assert session.get_one(AppSetting, "changes.returns").value == 2
    finally:
        db.dispose()
