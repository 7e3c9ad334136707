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
        self._open = 0
        self._freed: asyncio.Condition | None = None

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
            await self._release(origin, conn)
        return response

    async def aclose(self) -> None:
        for conns in self._idle.values():
            for conn in conns:
                conn.close()
        self._idle.clear()

    # -- the pool -------------------------------------------------------------------------------

    async def _acquire(self, origin: Origin, timeouts: dict[str, float | None]) -> Connection:
        conn = self._take_idle(origin)
        if conn is None and self._open >= self._max_open and not self._close_oldest_idle():
            try:
                async with asyncio.timeout(timeouts.get("pool")):
                    conn = await self._wait_for_room(origin)
            except TimeoutError:
                raise httpx.PoolTimeout("no free connection in time") from None
        if conn is not None:
            return conn
        self._open += 1
        try:
            return await _connect(origin, self.ssl_context, timeouts.get("connect"))
        except BaseException:
            self._open -= 1
            await self._notify()
            raise

    def _take_idle(self, origin: Origin) -> Connection | None:
        conns = self._idle.get(origin)
        stale_before = time.monotonic() - (self._expiry or 0)
        while conns:
            conn = conns.pop()
            if conn.usable and (self._expiry is None or conn.idle_since >= stale_before):
                return conn
            conn.close()
            self._open -= 1
        return None

    async def _wait_for_room(self, origin: Origin) -> Connection | None:
        """An idle connection to ``origin``, or None once there is room to open one."""
        freed = self._condition()
        while True:
            async with freed:
                await freed.wait()
            conn = self._take_idle(origin)
            if conn is not None or self._open < self._max_open or self._close_oldest_idle():
                return conn

    def _close_oldest_idle(self) -> bool:
        """Make room by closing the longest idle connection (to another host); False if none."""
        candidates = [(c.idle_since, key) for key, conns in self._idle.items() for c in conns[:1]]
        if not candidates:
            return False
        _, key = min(candidates)
        self._idle[key].pop(0).close()
        self._open -= 1
        return True

    async def _release(self, origin: Origin, conn: Connection) -> None:
        conns = self._idle.setdefault(origin, [])
        if conn.usable and len(conns) < self._max_idle:
            conns.append(conn)
        else:
            conn.close()
            self._open -= 1
        await self._notify()

    async def _notify(self) -> None:
        """Wake the waiters for a connection (there is a condition only once one waited)."""
        if self._freed is not None:
            async with self._freed:
                self._freed.notify_all()

    def _condition(self) -> asyncio.Condition:
        if self._freed is None:
            self._freed = asyncio.Condition()
        return self._freed


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
