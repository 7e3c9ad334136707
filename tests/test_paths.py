"""The data folder is the merchant's own (paths.py): buyers' names, addresses and phone numbers
in the database, its backups and the logs are readable by the merchant's user only, whatever
the umask, and a folder an earlier version made readable by all is tightened at start."""

from __future__ import annotations

import logging
import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import text

from channelmanager_gui.logging_setup import setup_logging
from channelmanager_gui.models.db import backup, open_database
from channelmanager_gui.paths import cache_dir, data_dir, log_path

pytestmark = pytest.mark.skipif(os.name != "posix", reason="Windows: AppData's access list")


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def open_umask() -> Iterator[None]:
    """The common default umask: without explicit modes, folders 755 and files 644."""
    previous = os.umask(0o022)
    yield
    os.umask(previous)


@pytest.fixture
def file_logging() -> Iterator[None]:
    yield
    for handler in list(logging.getLogger().handlers):
        if getattr(handler, "_channelmanager", False):
            logging.getLogger().removeHandler(handler)
            handler.close()


@pytest.mark.usefixtures("open_umask", "file_logging")
def test_a_new_folder_its_database_logs_and_backups_are_private(cm_home: Path) -> None:
    db = open_database()
    with db.engine.begin() as conn:  # a write: SQLite creates the -wal and -shm files
        conn.execute(text("CREATE TABLE buyers (name TEXT)"))
        conn.execute(text("INSERT INTO buyers VALUES ('Ada Lovelace, 12 Main St')"))
    copy = backup(db.path)
    engine_log = setup_logging(path=log_path().with_name("engine.log"), stderr=False)
    logging.getLogger("test").warning("order for Ada Lovelace")
    handler = next(h for h in logging.getLogger().handlers if getattr(h, "_channelmanager", 0))
    assert isinstance(handler, logging.handlers.RotatingFileHandler)
    handler.doRollover()  # the file opened after a rollover is private too
    logging.getLogger("test").warning("another line")
    db.dispose()

    assert data_dir() == cm_home
    folders = [cm_home, cm_home / "logs", cm_home / "backups"]
    files = [db.path, cm_home / "channelmanager.sqlite3-wal", copy, engine_log]
    files += [engine_log.with_name("engine.log.1")]
    assert [oct(mode(p)) for p in folders] == [oct(0o700)] * 3
    assert [oct(mode(p)) for p in files] == [oct(0o600)] * 5


@pytest.mark.usefixtures("open_umask")
def test_a_folder_made_readable_by_all_is_tightened_at_start(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    home = tmp_path / "home"
    own = ["channelmanager.sqlite3", "channelmanager.sqlite3-wal", "window.ini",
           "logs/channelmanager.log", "logs/engine.log.3", "backups/channelmanager-1.sqlite3",
           "demo/channelmanager.sqlite3"]  # fmt: skip
    others = ["notes.txt", "photos/cat.jpg"]  # CHANNELMANAGER_HOME may hold other files
    for name in own + others:
        (home / name).parent.mkdir(parents=True, exist_ok=True, mode=0o755)
        (home / name).write_text("x")
        (home / name).chmod(0o644)
    home.chmod(0o755)
    monkeypatch.setenv("CHANNELMANAGER_HOME", str(home))

    assert data_dir() == home
    assert mode(home) == 0o700
    assert {name: oct(mode(home / name)) for name in own} == {n: oct(0o600) for n in own}
    assert [mode(home / d) for d in ("logs", "backups", "demo")] == [0o700] * 3
    assert [mode(home / name) for name in others] == [0o644] * 2
    assert mode(home / "photos") == 0o755


def test_the_image_cache_is_private_and_in_the_home_folder_when_one_is_set(
    cm_home: Path, open_umask: None
) -> None:
    folder = cache_dir()
    assert folder == cm_home / "cache"
    assert mode(folder) == 0o700
