"""A thread of its own for the window's store clients, so its event loop never waits for them.

The sync loops run in a child process (``services/engine_process.py``). The window still opens
an engine of its own, loops not started, for interactive work with a store's clients (the Add
products dialog's searches and import). :class:`EngineHost` runs a private asyncio loop on a
daemon thread: that engine is opened and closed there, its HTTP clients belong to that loop,
the child process is started and stopped from there, and the UI thread only hands it work:

* :meth:`EngineHost.submit` runs a coroutine there and returns a ``concurrent.futures.Future``
  (the UI awaits it with ``asyncio.wrap_future``);
* :meth:`EngineHost.call_soon` runs a plain call there.
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
    """The window's own engine on an :class:`EngineHost`: its stores' clients, no loops.

    The sync loops run in a child process (``services/engine_process.py``); the window keeps
    an opened engine only for interactive work that needs a store's clients (the Add products
    dialog): the engine is built and opened on the host's loop (:meth:`open`), so its HTTP
    clients belong to that loop, and such work is :meth:`submit`-ted there. Its loops are
    registered by ``open`` but never started here.
    """

    def __init__(self, host: EngineHost, build: Callable[[], SyncEngine]) -> None:
        self.host = host
        self._build = build
        self.engine: SyncEngine | None = None  # set on the host's thread once built
        self._closed = False

    @property
    def env(self) -> EngineEnv | None:
        """The opened engine's environment (its stores' clients), or None before that."""
        engine = self.engine
        return engine.env if engine is not None else None

    async def open(self) -> SyncEngine | None:
        """On the host's loop: build the engine and connect its stores. None when
        :meth:`aclose` came first or while connecting (a restart, the shutdown)."""
        if self._closed:
            return None
        engine = self.engine = self._build()
        await engine.open()
        if self._closed:  # what opened meanwhile is closed too
            await engine.aclose()
            return None
        return engine

    async def aclose(self) -> None:
        """On the host's loop: close the HTTP clients."""
        self._closed = True
        if self.engine is not None:
            await self.engine.aclose()

    def submit(self, coro: Coroutine[Any, Any, T]) -> concurrent.futures.Future[T]:
        return self.host.submit(coro)
