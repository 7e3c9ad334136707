"""Where the app keeps its data: the platform data dir, or ``$CHANNELMANAGER_HOME``.

Tests and headless runs set CHANNELMANAGER_HOME so nothing touches the merchant's real data.

The folder holds buyers' names, addresses and phone numbers (the database, its backups, the
logs), so on Linux and macOS it is the merchant's own: the folder and its subfolders 0700,
the files 0600, set explicitly whatever the umask, and an existing folder from an earlier
version is tightened at start. On Windows the per-user AppData folder is already private to
the user by its access list, and ``os.chmod`` can only set a read-only flag there: skipped.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

import platformdirs

APP_NAME = "ChannelManager"
HOME_ENV = "CHANNELMANAGER_HOME"
PRIVATE_DIR = 0o700
PRIVATE_FILE = 0o600
# What the app writes in the data folder, tightened at start. Only these: CHANNELMANAGER_HOME
# may name a folder that holds other files, which are not ours to change.
_OWN_FILES = ("channelmanager", "window.ini")
_OWN_FOLDERS = ("logs", "backups", "demo", "cache")
_SQLITE_SIDE_FILES = ("-wal", "-shm", "-journal")
_POSIX = os.name == "posix"
log = logging.getLogger(__name__)
_tightened: set[Path] = set()


def data_dir() -> Path:
    """The data folder, created on first use, private to the merchant's user."""
    override = os.environ.get(HOME_ENV)
    path = Path(override).expanduser() if override else Path(platformdirs.user_data_dir(APP_NAME))
    private_dir(path)
    if path not in _tightened:
        _tighten(path)
        _tightened.add(path)
    return path


def database_path() -> Path:
    return data_dir() / "channelmanager.sqlite3"


def log_path() -> Path:
    return private_dir(data_dir() / "logs") / "channelmanager.log"


def cache_dir() -> Path:
    """Files the app can fetch again (product images): the platform's cache folder, or
    ``cache/`` in ``$CHANNELMANAGER_HOME`` so tests and demos keep theirs apart."""
    override = os.environ.get(HOME_ENV)
    if override:
        return private_dir(data_dir() / "cache")
    return private_dir(Path(platformdirs.user_cache_dir(APP_NAME)))


def backup_dir() -> Path:
    return private_dir(data_dir() / "backups")


def private_dir(path: Path) -> Path:
    """Create ``path`` (and missing parents) if needed; the folder itself is made 0700."""
    path.mkdir(parents=True, exist_ok=True)
    if _POSIX:
        os.chmod(path, PRIVATE_DIR)
    return path


def private_file(path: Path) -> Path:
    """Create ``path`` empty if missing, and make it 0600 before anything is written to it
    (SQLite gives its -wal and -shm files the database file's mode)."""
    if _POSIX:
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT, PRIVATE_FILE))
        os.chmod(path, PRIVATE_FILE)  # os.open's mode passes through the umask
    return path


def private_database(path: Path) -> Path:
    """The SQLite file at ``path`` (created if missing) and its side files 0600: a database
    outside the data folder (``--db``) holds buyers' data too."""
    private_file(path)
    for suffix in _SQLITE_SIDE_FILES:
        side = path.with_name(path.name + suffix)
        if _POSIX and side.is_file():
            os.chmod(side, PRIVATE_FILE)
    return path


def _tighten(folder: Path) -> None:
    """An earlier version created the folder 755 and its files 644: make what is ours private.
    A file that cannot be changed (another owner) is logged and left: the app still runs."""
    if not _POSIX:
        return
    for entry in folder.iterdir():
        if entry.is_symlink():
            continue
        if entry.name in _OWN_FOLDERS and entry.is_dir():
            _tighten_tree(entry)
        elif entry.name.startswith(_OWN_FILES) and entry.is_file():
            _chmod(entry, PRIVATE_FILE)


def _tighten_tree(top: Path) -> None:
    _chmod(top, PRIVATE_DIR)
    for root, dirs, files in os.walk(top):  # does not descend into linked folders
        for name in dirs + files:
            path = Path(root, name)
            if not path.is_symlink():
                _chmod(path, PRIVATE_DIR if name in dirs else PRIVATE_FILE)


def _chmod(path: Path, mode: int) -> None:
    try:
        os.chmod(path, mode)
    except OSError as exc:
        log.warning("could not make %s private to this user: %s", path, exc)
