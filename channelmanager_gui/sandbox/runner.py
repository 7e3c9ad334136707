"""Run an ASGI sandbox app with uvicorn on loopback, in a thread of its own.

A thread (with its own event loop) keeps the sandbox off the UI loop and the client's loop, so a
slow sandbox answer never blocks either. Port 0 picks a free port; the bound URL is known once
``start()`` returns.
"""

from __future__ import annotations

import logging
import socket
import threading
import time
from types import TracebackType
from typing import Any

import uvicorn

log = logging.getLogger(__name__)


class ServerThread:
    """One uvicorn server on 127.0.0.1 in a daemon thread."""

    def __init__(self, app: Any, port: int = 0, host: str = "127.0.0.1") -> None:
        self.app = app
        self.host = host
        # IPPROTO_TCP, not 0: asyncio turns Nagle off (TCP_NODELAY) only on sockets whose proto
        # says TCP, and accepted sockets inherit it. With proto 0 every keep-alive answer waited
        # ~40 ms for the client's delayed ACK (uvicorn writes headers and body separately).
        self._sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP)
        self._sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self._sock.bind((host, port))
        self.port: int = self._sock.getsockname()[1]
        # "auto": httptools' parser and uvloop when installed (project dependencies; uvloop has
        # no Windows build), h11 and asyncio's loop otherwise. They cut the sandbox's CPU per
        # request by about a third, so it keeps up with the engine on the order benchmark.
        config = uvicorn.Config(
            app,
            http="auto",
            loop="auto",
            log_level="warning",
            access_log=False,
            lifespan="off",
            timeout_keep_alive=30,
            backlog=2048,
        )
        self._server = uvicorn.Server(config)
        self._thread = threading.Thread(target=self._run, name=f"sandbox:{self.port}", daemon=True)

    @property
    def url(self) -> str:
        return f"http://{self.host}:{self.port}"

    def _run(self) -> None:
        self._server.run(sockets=[self._sock])

    def start(self, timeout: float = 10.0) -> ServerThread:
        self._thread.start()
        deadline = time.monotonic() + timeout
        while not self._server.started:
            if not self._thread.is_alive() or time.monotonic() > deadline:
                raise RuntimeError(f"sandbox server on port {self.port} did not start")
            time.sleep(0.01)
        log.info("sandbox server listening on %s", self.url)
        return self

    def stop(self, timeout: float = 10.0) -> None:
        self._server.should_exit = True
        if self._thread.is_alive():
            self._thread.join(timeout)
        self._sock.close()

    def __enter__(self) -> ServerThread:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()
