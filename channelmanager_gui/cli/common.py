"""What the subcommands share: the database, which store a command is about, open API clients.

``--store NAME`` picks the store; with exactly one store it may be left out, with several it
must be given (a usage error, exit 2, otherwise: guessing the store of a bulk action is not
something a script should rely on). Commands that talk to Walmart or Commerce call an
operation that opens the store's clients from the keyring (``services/ops``), as the window's.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from channelmanager_gui.errors import StorageError, ValidationError
from channelmanager_gui.models.account import AMAZON, WALMART
from channelmanager_gui.models.db import Database, open_database
from channelmanager_gui.models.store import Store
from channelmanager_gui.paths import data_dir, database_path
from channelmanager_gui.services import ops

MARKETPLACES = (WALMART, AMAZON)


class UsageError(Exception):
    """The command line itself is incomplete or contradictory: exit 2, like argparse."""


def options(*, json_output: bool = True, store: bool = True) -> argparse.ArgumentParser:
    """A parent parser with the flags most subcommands take (``--json``, ``--store``)."""
    parent = argparse.ArgumentParser(add_help=False)
    if json_output:
        parent.add_argument("--json", action="store_true", help="JSON output for scripts")
    if store:
        parent.add_argument(
            "--store", metavar="NAME", help="the store to work on (needed when there are several)"
        )
    return parent


def add_marketplace_option(parser: argparse.ArgumentParser) -> None:
    """``--marketplace walmart|amazon`` for the list commands (both when left out)."""
    parser.add_argument(
        "--marketplace",
        choices=MARKETPLACES,
        type=str.casefold,
        default=None,
        help="only this marketplace's rows (default: both)",
    )


def read_secret(env: str, name: str) -> str:
    """A secret from the environment variable ``env``, or typed at a prompt (never argv: a
    process list and the shell history would show it)."""
    value = os.environ.get(env, "")
    if not value and sys.stdin.isatty():
        value = getpass.getpass(f"{name.replace('_', ' ')}: ")
    return value.strip()


# The database every command reads: the merchant's, or with ``--demo`` the one the demo window
# keeps in its own folder. Without saying so, ``orders list`` printed [] while the demo window
# showed dozens of orders (issue 20 #1).
_demo = False


def use_demo(demo: bool) -> None:
    """Chosen once by ``main`` from the global ``--demo`` flag."""
    global _demo
    _demo = demo


def demo_database_path() -> Path:
    """Where the demo window keeps its database (``demo.start_demo``); not created here."""
    return data_dir() / "demo" / "channelmanager.sqlite3"


def database_file() -> Path:
    return demo_database_path() if _demo else database_path()


def database_note() -> str:
    """One line naming the database a command reads, and the other one."""
    if _demo:
        return f"Database: {demo_database_path()} (the demo window's)"
    return f"Database: {database_path()} (the demo window's is read with --demo)"


def open_cli_database() -> Database:
    """The chosen database. The demo's is only read, never made: it exists while (and after)
    the demo window ran."""
    path = database_file()
    if _demo and not path.exists():
        raise StorageError(
            f"no demo database at {path}: start the demo once with: channelmanager-gui --demo"
        )
    if sys.stderr.isatty():  # people see which data they read; scripts' stderr stays clean
        print(database_note(), file=sys.stderr)
    return open_database(path)


@contextmanager
def database() -> Iterator[Database]:
    db = open_cli_database()
    try:
        yield db
    finally:
        db.dispose()


def pick_store(db: Database, name: str | None) -> Store:
    """The store named ``name``, or the only store when no name is given."""
    if name:
        return ops.get_store(db, name)
    every = ops.list_stores(db)
    if not every:
        raise ValidationError(
            "store", "no store yet; add one with: channelmanager-gui store add --help"
        )
    if len(every) > 1:
        names = ", ".join(repr(s.name) for s in every)
        raise UsageError(f"several stores ({names}): choose one with --store NAME")
    return every[0]


def store_id_or_none(db: Database, name: str | None) -> int | None:
    """For read-only listings: a named store, or every store when none is named."""
    return ops.get_store(db, name).id if name else None
