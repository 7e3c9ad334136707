"""A thread of its own for the sync engine, so the window's event loop never waits for it.

The engine's passes over a large catalog are synchronous SQLite and Python work (a stock poll
of 100,000 listings builds its rows for most of a second); on the window's own event loop each
such pass froze the window. :class:`EngineHost` runs a private asyncio loop on a daemon thread:
the engine is opened, started and closed there, its HTTP clients belong to that loop, and the UI
thread only hands it work:

* :meth:`EngineHost.submit` runs a coroutine there and returns a ``concurrent.futures.Future``
  (the UI awaits it with ``asyncio.wrap_future``);
* :meth:`EngineHost.call_soon` runs a plain call there (``scheduler.sync_now`` and friends, which
  touch asyncio objects of that loop and so must not be called from another thread).

What the engine reports back (status board, change bus) is called on this thread; the UI turns
it into queued Qt signals (``views/board_bridge.py``, ``views/change_bridge.py``).
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import logging
import threading
from collections.abc import Callable, Coroutine
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:  # the engine itself is imported by whoever builds one, not by the host
    from channelmanager_gui.services.engine.context import EngineEnv
    from channelmanager_gui.services.engine.engine import SyncEngine
    from channelmanager_gui.services.engine.scheduler import Scheduler

log = logging.getLogger(__name__)

T = TypeVar("T")


class EngineHost:
    """A daemon thread running one asyncio event loop until :meth:`stop`."""

    def __init__(self, name: str = "sync-engine") -> None:
        self._loop = asyncio.new_event_loop()
        self._loop.set_exception_handler(_log_loop_exception)
        self._thread = threading.Thread(target=self._run, name=name, daemon=True)
        self._thread.start()

    @property
    def loop(self) -> asyncio.AbstractEventLoop:
        return self._loop

    @property
    def running(self) -> bool:
        return self._thread.is_alive()

    def submit(self, coro: Coroutine[Any, Any, T]) -> concurrent.futures.Future[T]:
        """Run ``coro`` on the host's loop; cancelling the future cancels the task there."""
        return asyncio.run_coroutine_threadsafe(coro, self._loop)

    def call_soon(self, fn: Callable[..., Any], *args: Any) -> None:
        """Call ``fn(*args)`` on the host's thread; an exception is logged, never raised here."""
        self._loop.call_soon_threadsafe(fn, *args)

    def stop(self, timeout: float | None = None) -> None:
        """Cancel what still runs there, wait for it to end, close the loop and join the thread.

        Called from another thread (the UI's), after the engine has been closed on this loop.
        """
        if self._thread.is_alive():
            self._loop.call_soon_threadsafe(self._loop.stop)
            self._thread.join(timeout)
        if self._thread.is_alive():
            log.error("the sync engine thread did not stop within %s s", timeout)

    def _run(self) -> None:
        asyncio.set_event_loop(self._loop)
        try:
            self._loop.run_forever()
        finally:
            self._finish()

    def _finish(self) -> None:
        """Tasks left behind get their cancellation, as ``asyncio.run`` would give them."""
        loop = self._loop
        try:
            tasks = asyncio.all_tasks(loop)
            for task in tasks:
                task.cancel()
            if tasks:
                loop.run_until_complete(asyncio.gather(*tasks, return_exceptions=True))
            loop.run_until_complete(loop.shutdown_asyncgens())
            loop.run_until_complete(loop.shutdown_default_executor())
        finally:
            asyncio.set_event_loop(None)
            loop.close()


def _log_loop_exception(_loop: asyncio.AbstractEventLoop, context: dict[str, Any]) -> None:
    """A failed ``call_soon`` or a task nobody awaited: logged, the engine keeps running."""
    exc = context.get("exception")
    if isinstance(exc, BaseException) and not isinstance(exc, asyncio.CancelledError):
        log.error("sync engine thread: %s", context.get("message", ""), exc_info=exc)
    else:
        log.warning("sync engine thread: %s", context.get("message", context))


class HostedEngine:
    """A sync engine living on an :class:`EngineHost`: the one way the UI thread reaches it.

    The engine is built, opened and started on the host's loop (:meth:`start`), so its HTTP
    clients and asyncio objects belong to that loop. The scheduler's switches touch those
    objects, so they are posted there rather than called; work the UI awaits with the engine's
    store clients (an import) is :meth:`submit`-ted there. A switch posted before the engine is
    built does nothing: the loops run right after start anyway, and the caller re-applies the
    pause once started (the board remembers it).
    """

    def __init__(self, host: EngineHost, build: Callable[[], SyncEngine]) -> None:
        self.host = host
        self._build = build
        self.engine: SyncEngine | None = None  # set on the host's thread once built
        self._closed = False

    @property
    def env(self) -> EngineEnv | None:
        """The started engine's environment (its stores' clients), or None before that."""
        engine = self.engine
        return engine.env if engine is not None else None

    async def start(self) -> SyncEngine | None:
        """On the host's loop: build the engine, connect its stores and start its loops.
        None when :meth:`aclose` came first or while connecting (a restart, the shutdown)."""
        if self._closed:
            return None
        engine = self.engine = self._build()
        await engine.open()
        if self._closed:  # what opened meanwhile is closed too
            await engine.aclose()
            return None
        engine.start()
        return engine

    async def aclose(self) -> None:
        """On the host's loop: stop the loops and close the HTTP clients."""
        self._closed = True
        if self.engine is not None:
            await self.engine.aclose()

    def sync_now(self, loop: str | None = None) -> None:
        self.host.call_soon(self._switch, lambda scheduler: scheduler.sync_now(loop))

    def pause(self) -> None:
        self.host.call_soon(self._switch, lambda scheduler: scheduler.pause())

    def resume(self) -> None:
        self.host.call_soon(self._switch, lambda scheduler: scheduler.resume())

    def submit(self, coro: Coroutine[Any, Any, T]) -> concurrent.futures.Future[T]:
        return self.host.submit(coro)

    def _switch(self, flip: Callable[[Scheduler], None]) -> None:
        if self.engine is not None:
            flip(self.engine.scheduler)
