"""Fixtures shared by the service tests."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from channelmanager_gui.models.db import Database, open_database


@pytest.fixture
def db() -> Iterator[Database]:
    """A fresh database in the test's CHANNELMANAGER_HOME, disposed after."""
    database = open_database()
    yield database
    database.dispose()
