"""The engine's own loop: uvloop when installed, asyncio's loop when not (Windows)."""

from __future__ import annotations

import asyncio
import builtins
import gc
from collections.abc import Iterator
from typing import Any

import pytest

from channelmanager_gui.services import event_loop


@pytest.fixture(autouse=True)
def _unfreeze() -> Iterator[None]:
    """``run`` freezes the heap (as in the headless engine); the test process must not keep
    everything built so far frozen for the tests after this one."""
    yield
    gc.unfreeze()


async def _answer() -> tuple[int, type[asyncio.AbstractEventLoop]]:
    await asyncio.sleep(0)
    return 42, type(asyncio.get_running_loop())


def test_run_returns_the_coroutines_result_on_uvloop_when_installed() -> None:
    uvloop = pytest.importorskip("uvloop")
    result, loop_type = event_loop.run(_answer())
    assert result == 42
    assert issubclass(loop_type, uvloop.Loop)
    assert gc.get_freeze_count() > 0  # the start-up heap is left out of collections


def test_without_uvloop_asyncios_own_loop_runs_it(monkeypatch: pytest.MonkeyPatch) -> None:
    real_import = builtins.__import__

    def no_uvloop(name: str, *args: Any, **kwargs: Any) -> Any:
        if name == "uvloop":
            raise ImportError("no uvloop on this platform")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_uvloop)
    result, loop_type = event_loop.run(_answer())
    assert result == 42
    assert issubclass(loop_type, asyncio.BaseEventLoop)
