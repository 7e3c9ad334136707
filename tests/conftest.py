"""Test-wide setup: offscreen Qt, a temporary data dir and an in-memory keyring for every test."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest

from channelmanager_gui.models.db import Database, open_database
from tests.memory_keyring import MemoryKeyring

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture(autouse=True)
def cm_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Each test gets its own CHANNELMANAGER_HOME."""
    home = tmp_path / "cm-home"
    monkeypatch.setenv("CHANNELMANAGER_HOME", str(home))
    # The login item (services/autostart.py) is written under it: never the real ~/.config.
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg-config"))
    return home


@pytest.fixture(autouse=True)
def memory_keyring() -> Iterator[MemoryKeyring]:
    """Each test gets an empty in-memory keyring; the previous backend is restored after."""
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


@pytest.fixture
def db() -> Iterator[Database]:
    """A fresh database in the test's CHANNELMANAGER_HOME, disposed after (a test module may
    define its own)."""
    database = open_database()
    yield database
    database.dispose()
