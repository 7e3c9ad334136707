"""DatabaseWatch: writes by another connection or process are noticed, its own reads are not."""

from __future__ import annotations

import subprocess
import sys

from channelmanager_gui.models.db import Database, open_database
from channelmanager_gui.models.store import AppSetting
from channelmanager_gui.services.changes import Change, ChangeBus
from channelmanager_gui.services.db_watch import DatabaseWatch


def _write(db: Database, key: str, value: object) -> None:
    with db.session() as session:
        session.merge(AppSetting(key=key, value=value))


def _watch(db: Database) -> tuple[DatabaseWatch, list[frozenset[Change]]]:
    bus = ChangeBus()
    seen: list[frozenset[Change]] = []
    bus.subscribe(seen.append)
    return DatabaseWatch(db.path, bus), seen


def test_a_write_by_another_process_publishes_every_kind() -> None:
    db = open_database()
    watch, seen = _watch(db)
    try:
        assert watch.poll() is False
        script = (
            "import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); "
            "c.execute(\"INSERT INTO app_settings (key, value) VALUES ('x', '1')\"); c.commit()"
        )
        subprocess.run([sys.executable, "-c", script, str(db.path)], check=True)
        assert watch.poll() is True
        assert seen == [frozenset(Change)]
        assert watch.poll() is False  # one notice per write
    finally:
        watch.close()
        db.dispose()


def test_another_connection_of_this_process_counts_and_reads_do_not() -> None:
    db = open_database()
    watch, seen = _watch(db)
    try:
        with db.session() as session:
            session.get(AppSetting, "nothing")  # a read changes nothing
        assert watch.poll() is False
        _write(db, "a", 1)
        assert watch.poll() is True
        assert len(seen) == 1
    finally:
        watch.close()
        db.dispose()


def test_absorb_takes_own_announced_writes_as_seen() -> None:
    db = open_database()
    calls: list[int] = []
    watch = DatabaseWatch(db.path, on_change=lambda: calls.append(1))
    try:
        _write(db, "a", 1)
        watch.absorb()
        assert watch.poll() is False
        _write(db, "a", 2)
        assert watch.poll() is True
        assert calls == [1]
    finally:
        watch.close()
        db.dispose()


def test_a_failing_callback_does_not_escape() -> None:
    db = open_database()

    def broken() -> None:
        raise RuntimeError("view gone")

    watch = DatabaseWatch(db.path, on_change=broken)
    try:
        _write(db, "a", 1)
        assert watch.poll() is True
    finally:
        watch.close()
        db.dispose()


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def _child_watch(db: Database) -> tuple[DatabaseWatch, list[frozenset[Change]], Clock]:
    bus, clock = ChangeBus(), Clock()
    seen: list[frozenset[Change]] = []
    bus.subscribe(seen.append)
    return DatabaseWatch(db.path, bus, grace=0.5, clock=clock), seen, clock


def test_the_engine_childs_writes_are_explained_by_its_notes_either_side_of_the_poll() -> None:
    """The child's announcement reaches the window a moment after its commit: before or
    after the poll that sees the write, within a poll period, it explains it."""
    db = open_database()
    child = open_database()  # the child's connection (another process in the app)
    watch, seen, clock = _child_watch(db)
    try:
        _write(child, "a", 1)
        watch.note()  # announced before the poll saw it
        clock.now += 0.2
        assert watch.poll() is False
        _write(child, "a", 2)
        clock.now += 1.0
        assert watch.poll() is False  # no note yet: it waits one period for one
        clock.now += 0.1
        watch.note()  # announced after the poll saw it
        clock.now += 0.4
        assert watch.poll() is False
        clock.now += 0.5
        assert watch.poll() is False
        assert seen == []
    finally:
        watch.close()
        child.dispose()
        db.dispose()


def test_with_an_engine_child_a_terminal_commands_write_is_still_announced() -> None:
    """No note from the child explains it within a poll period: another program wrote."""
    db = open_database()
    watch, seen, clock = _child_watch(db)
    try:
        watch.note()  # the child wrote a while ago
        clock.now += 5.0
        script = (
            "import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); "
            "c.execute(\"INSERT INTO app_settings (key, value) VALUES ('x', '1')\"); c.commit()"
        )
        subprocess.run([sys.executable, "-c", script, str(db.path)], check=True)
        assert watch.poll() is False  # one period for the child to claim it
        clock.now += 0.5
        assert watch.poll() is True
        assert seen == [frozenset(Change)]
        clock.now += 0.5
        assert watch.poll() is False  # one notice per write
    finally:
        watch.close()
        db.dispose()
