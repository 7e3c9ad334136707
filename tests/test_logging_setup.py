"""The log file holds one line per HTTP request, and only problems at the default level
(issue 20: every request was logged twice, httpx's line and ours, and the engine log filled
its rotation in two hours of quiet polling)."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from channelmanager_gui.errors import ChannelError
from channelmanager_gui.logging_setup import setup_logging
from tests.services.test_http_session import make_session


@pytest.fixture
def restore_logging() -> Iterator[None]:
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    yield
    for handler in root.handlers:
        if handler not in handlers:
            root.removeHandler(handler)
            handler.close()
    root.setLevel(level)


def _answer(request: httpx.Request) -> httpx.Response:
    return httpx.Response(500 if request.url.path == "/broken" else 200, json={"ok": True})


async def _two_requests() -> None:
    async with make_session(_answer, attempts=1) as session:
        await session.request("GET", "/fine")
        with pytest.raises(ChannelError):
            await session.request("POST", "/broken")


def _lines(path: Path, needle: str) -> list[str]:
    return [line for line in path.read_text().splitlines() if needle in line]


async def test_default_level_logs_the_failure_once_and_not_the_quiet_call(
    tmp_path: Path, restore_logging: None
) -> None:
    log_file = setup_logging(path=tmp_path / "engine.log", stderr=False)
    await _two_requests()
    assert _lines(log_file, "/fine") == []
    broken = _lines(log_file, "/broken")
    assert len(broken) == 1 and "WARNING channelmanager_gui.http" in broken[0]


async def test_debug_level_logs_each_request_once(tmp_path: Path, restore_logging: None) -> None:
    log_file = setup_logging(logging.DEBUG, tmp_path / "engine.log", stderr=False)
    await _two_requests()
    assert len(_lines(log_file, "/fine")) == 1
    assert len(_lines(log_file, "/broken")) == 1
