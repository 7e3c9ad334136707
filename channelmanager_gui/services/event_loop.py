"""The event loop the engine runs on where it owns its loop (headless ``sync``, benchmarks).

uvloop (libuv) when it is installed, asyncio's own loop otherwise (uvloop has no Windows
build). Each outbox action is a handful of HTTP requests whose CPU is mostly event-loop and
socket bookkeeping; uvloop does that part in C. Nothing in the engine depends on which loop
runs it: both implement the same ``asyncio`` API.
"""

from __future__ import annotations

import asyncio
from collections.abc import Coroutine
from typing import Any, TypeVar

T = TypeVar("T")


def new_event_loop() -> asyncio.AbstractEventLoop:
    """A new loop: uvloop's if it can be imported, else ``asyncio.new_event_loop()``."""
    try:
        import uvloop
    except ImportError:
        return asyncio.new_event_loop()
    return uvloop.new_event_loop()


def run(main: Coroutine[Any, Any, T]) -> T:
    """``asyncio.run(main)`` on a loop from :func:`new_event_loop`."""
    with asyncio.Runner(loop_factory=new_event_loop) as runner:
        return runner.run(main)
