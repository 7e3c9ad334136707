"""The transport under every API client's ``httpx.AsyncClient``: a small keep-alive pool of
:class:`~channelmanager_gui.services.http.wire.Connection` (HTTP/1.1, TLS verified).

httpx stays the client (requests, headers, timeouts, answers, proxies from the environment);
this replaces only httpcore's pool and connections, whose per-request CPU was most of the
engine's HTTP cost. Idle connections are reused newest first; one the server closed is known
closed already (no poll). ``limits`` and ``timeout`` mean what they mean to httpx: at most
``max_connections`` open, ``max_keepalive_connections`` kept idle for ``keepalive_expiry`` s;
the ``pool`` timeout bounds the wait for a free connection, ``connect`` the connection and
TLS handshake, ``read`` the wait for the whole answer.
"""

from __future__ import annotations

import asyncio
import ssl
import time
from collections import deque

import httpx

from channelmanager_gui.services.http.wire import Connection

Origin = tuple[str, str, int]
_PORTS = {"http": 80, "https": 443}


class PooledTransport(httpx.AsyncBaseTransport):
    """HTTP/1.1 keep-alive pool; one request per connection at a time."""

    def __init__(self, *, ssl_context: ssl.SSLContext, limits: httpx.Limits) -> None:
        self.ssl_context = ssl_context
        self._max_open = limits.max_connections or 100  # httpx's None: no limit
        self._max_idle = min(self._max_open, limits.max_keepalive_connections or self._max_open)
        self._expiry = limits.keepalive_expiry
        self._idle: dict[Origin, list[Connection]] = {}
        self._open = 0  # connections open or being opened
        self._waiters: deque[tuple[Origin, asyncio.Future[Connection | None]]] = deque()

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        timeouts = request.extensions.get("timeout", {})
        url = request.url
        origin = (url.scheme, url.host, url.port or _PORTS.get(url.scheme, 80))
        head, body = await _serialize(request)
        conn = await self._acquire(origin, timeouts)
        try:
            response = await conn.exchange(
                head, body, timeouts.get("read"), head_only=request.method == "HEAD"
            )
        finally:
            self._release(origin, conn)
        return response

    async def aclose(self) -> None:
        for conns in self._idle.values():
            for conn in conns:
                conn.close()
        self._idle.clear()

    # -- the pool -------------------------------------------------------------------------------

    async def _acquire(self, origin: Origin, timeouts: dict[str, float | None]) -> Connection:
        conn = self._take_idle(origin)
        if conn is not None:
            return conn
        if self._open < self._max_open:
            self._open += 1  # a slot of our own: open a connection in it
        elif not self._close_oldest_idle():
            conn = await self._wait(origin, timeouts.get("pool"))
            if conn is not None:
                return conn
        try:
            return await _connect(origin, self.ssl_context, timeouts.get("connect"))
        except BaseException:
            self._free_slot()
            raise

    def _take_idle(self, origin: Origin) -> Connection | None:
        conns = self._idle.get(origin)
        stale_before = time.monotonic() - (self._expiry or 0)
        while conns:
            conn = conns.pop()
            if conn.usable and (self._expiry is None or conn.idle_since >= stale_before):
                return conn
            conn.close()
            self._free_slot()
        return None

    async def _wait(self, origin: Origin, timeout: float | None) -> Connection | None:
        """Queue for a connection to ``origin`` handed over by :meth:`_pass_on`, or for a slot
        (None) to open one in: one waiter served per freed connection, first come first served
        (waking every waiter on every release would cost more as more wait)."""
        handed: asyncio.Future[Connection | None] = asyncio.get_running_loop().create_future()
        waiter = (origin, handed)
        self._waiters.append(waiter)
        try:
            async with asyncio.timeout(timeout):
                return await handed
        except BaseException as exc:
            if waiter in self._waiters:
                self._waiters.remove(waiter)
            elif handed.done() and not handed.cancelled():  # served as it gave up: pass it on
                served = handed.result()
                if served is None:
                    self._free_slot()
                else:
                    self._pass_on(origin, served)
            if isinstance(exc, TimeoutError):
                raise httpx.PoolTimeout("no free connection in time") from None
            raise

    def _close_oldest_idle(self) -> bool:
        """Make room by closing the longest idle connection (to another host); its slot is
        the caller's. False if none is idle."""
        candidates = [(c.idle_since, key) for key, conns in self._idle.items() for c in conns[:1]]
        if not candidates:
            return False
        _, key = min(candidates)
        self._idle[key].pop(0).close()
        return True

    def _release(self, origin: Origin, conn: Connection) -> None:
        if conn.usable:
            self._pass_on(origin, conn)
        else:
            conn.close()
            self._free_slot()

    def _pass_on(self, origin: Origin, conn: Connection) -> None:
        """A usable connection to the first waiter for its origin, else kept idle; closed
        (its slot freed) when only other hosts wait or the idle list is full."""
        for waiter in self._waiters:
            if waiter[0] == origin:
                self._waiters.remove(waiter)
                waiter[1].set_result(conn)
                return
        idle = self._idle.setdefault(origin, [])
        if not self._waiters and len(idle) < self._max_idle:
            idle.append(conn)
            return
        conn.close()
        self._free_slot()

    def _free_slot(self) -> None:
        """A connection's slot is free: the first waiter opens one in it, or it is gone."""
        if self._waiters:
            self._waiters.popleft()[1].set_result(None)
        else:
            self._open -= 1


async def _connect(origin: Origin, context: ssl.SSLContext, timeout: float | None) -> Connection:
    scheme, host, port = origin
    tls = context if scheme == "https" else None
    opening = asyncio.get_running_loop().create_connection(
        Connection, host, port, ssl=tls, server_hostname=host if tls else None
    )
    try:
        _, conn = await asyncio.wait_for(opening, timeout)
    except TimeoutError:
        raise httpx.ConnectTimeout(f"connecting to {host}:{port} timed out") from None
    except OSError as exc:  # refused, unreachable, unknown host, TLS (ssl.SSLError)
        raise httpx.ConnectError(f"could not connect to {host}:{port}: {exc}") from exc
    return conn


async def _serialize(request: httpx.Request) -> tuple[bytes, bytes]:
    """The request line and headers, and the body (chunked when httpx announced it so)."""
    body = await request.aread()
    lines = [b"%s %s HTTP/1.1" % (request.method.encode(), request.url.raw_path)]
    lines += [b"%s: %s" % (name, value) for name, value in request.headers.raw]
    chunked = request.headers.get("transfer-encoding", "").lower() == "chunked"
    if chunked:
        body = (b"%x\r\n%s\r\n" % (len(body), body) if body else b"") + b"0\r\n\r\n"
    return b"\r\n".join(lines) + b"\r\n\r\n", body
