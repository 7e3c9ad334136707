"""What the retry layer and the sync engine rely on from the API clients' connections (httpx's
own transport, as ``build_client`` sets it up), against a raw TCP server that answers exactly
the bytes each test gives it: keep-alive, drops and garbage as "maybe sent", refusals as
"never sent", timeouts, at most 10 requests per host at once, cancelled waiters, 1xx, HEAD."""

from __future__ import annotations

import asyncio
import contextlib
import socket
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager

import httpx
import pytest

from channelmanager_gui.errors import UnavailableError
from channelmanager_gui.services.http import HttpSession, RetryPolicy, build_client

OK = b"HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: 2\r\n\r\n[]"
Answer = Callable[[bytes], bytes | None]  # request bytes -> answer (None: close silently)


class RawServer:
    """Answers each request on a connection with ``answer(request)``; counts connections."""

    def __init__(self, answer: Answer, close_after: bool = False) -> None:
        self.answer = answer
        self.close_after = close_after
        self.connections = 0
        self.requests: list[bytes] = []

    async def handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self.connections += 1
        with contextlib.suppress(asyncio.CancelledError), contextlib.closing(writer):
            await self.serve(reader, writer)

    async def serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        while True:
            request = await _read_request(reader)
            if request is None:
                return
            self.requests.append(request)
            out = self.answer(request)
            if out is None:
                return
            writer.write(out)
            await writer.drain()
            if self.close_after:
                return


async def _read_request(reader: asyncio.StreamReader) -> bytes | None:
    try:
        head = await reader.readuntil(b"\r\n\r\n")
    except (asyncio.IncompleteReadError, ConnectionError):
        return None
    length = 0
    for line in head.split(b"\r\n"):
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            length = int(value)
    return head + (await reader.readexactly(length) if length else b"")


@asynccontextmanager
async def listening(server: RawServer) -> AsyncIterator[str]:
    """The server on a loopback port; its URL."""
    listener = await asyncio.start_server(server.handle, "127.0.0.1", 0)
    async with listener:
        yield f"http://127.0.0.1:{listener.sockets[0].getsockname()[1]}"


@asynccontextmanager
async def serving(server: RawServer, **client: object) -> AsyncIterator[httpx.AsyncClient]:
    """The server, and an API client (``build_client``) for it."""
    async with listening(server) as url:
        http = build_client(url, **client)  # type: ignore[arg-type]
        try:
            yield http
        finally:
            await http.aclose()


def _session(url: str) -> HttpSession:
    """A session for ``url`` that sends each request once (no retry budget)."""
    return HttpSession(url, service="Test", retry=RetryPolicy(attempts=1))


async def test_keep_alive_reuses_one_connection_and_sends_the_body() -> None:
    server = RawServer(lambda _: OK)
    async with serving(server) as http:
        for _ in range(3):
            response = await http.post("/carts", json={"a": 1})
            assert response.status_code == 200 and response.json() == []
    assert server.connections == 1
    assert server.requests[0].endswith(b'{"a":1}')
    assert b"host: 127.0.0.1" in server.requests[0].lower()


async def test_a_connection_the_server_closed_is_not_reused() -> None:
    server = RawServer(lambda _: OK, close_after=True)
    async with serving(server) as http:
        for _ in range(2):
            assert (await http.get("/x")).status_code == 200
            await asyncio.sleep(0.05)  # the close reaches the client
    assert server.connections == 2


async def test_chunked_and_until_close_bodies_are_read_whole() -> None:
    chunked = (b"HTTP/1.1 200 OK\r\ntransfer-encoding: chunked\r\n\r\n"
               b"3\r\n[1,\r\n2\r\n2]\r\n0\r\n\r\n")  # fmt: skip
    async with serving(RawServer(lambda _: chunked)) as http:
        assert (await http.get("/x")).json() == [1, 2]
    until_close = b"HTTP/1.1 200 OK\r\nconnection: close\r\n\r\n[3]"
    async with serving(RawServer(lambda _: until_close, close_after=True)) as http:
        assert (await http.get("/x")).json() == [3]


async def test_a_drop_in_the_middle_of_the_answer_may_have_been_sent() -> None:
    cut = b'HTTP/1.1 200 OK\r\ncontent-length: 64\r\n\r\n{"'
    async with serving(RawServer(lambda _: cut, close_after=True)) as http:
        with pytest.raises(httpx.RemoteProtocolError):
            await http.post("/carts/1/order", json={})
    async with serving(RawServer(lambda _: None)) as http:
        with pytest.raises(httpx.RemoteProtocolError):
            await http.get("/x")


async def test_a_post_dropped_on_a_reused_connection_is_sent_once_as_maybe_sent() -> None:
    """The server reads the POST on a kept-alive connection and hangs up: httpcore does not
    send it again (it retries only a connection it has written nothing to), and the session
    reports it as maybe sent, so the outbox checks the remote state before any resend."""
    server = RawServer(lambda request: None if request.startswith(b"POST") else OK)
    async with listening(server) as url, _session(url) as session:
        assert (await session.request("GET", "/orders")).status_code == 200
        with pytest.raises(UnavailableError) as info:
            await session.request("POST", "/orders/1/shipping", json={"line": 1})
    assert info.value.maybe_sent
    assert [r.split(b" ", 1)[0] for r in server.requests] == [b"GET", b"POST"]
    assert server.connections == 1


async def test_a_post_to_a_refused_port_was_never_sent() -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))  # bound, never listening: refused
        async with _session(f"http://127.0.0.1:{sock.getsockname()[1]}") as session:
            with pytest.raises(UnavailableError) as info:
                await session.request("POST", "/orders/1/shipping", json={"line": 1})
    assert not info.value.maybe_sent


async def test_garbage_is_a_protocol_error() -> None:
    async with serving(RawServer(lambda _: b"NOT HTTP AT ALL\r\n\r\n")) as http:
        with pytest.raises(httpx.RemoteProtocolError):
            await http.get("/x")


async def test_refused_connection_is_a_connect_error() -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]  # bound, never listening: refused
        http = build_client(f"http://127.0.0.1:{port}")
        with pytest.raises(httpx.ConnectError):
            await http.get("/x")
        await http.aclose()


async def test_read_timeout_and_pool_timeout() -> None:
    never = asyncio.Event()

    class Silent(RawServer):
        async def serve(self, reader: asyncio.StreamReader, w: asyncio.StreamWriter) -> None:
            await _read_request(reader)
            await never.wait()

    timeout = httpx.Timeout(connect=1.0, read=0.1, write=1.0, pool=0.1)
    async with serving(Silent(lambda _: OK), timeout=timeout) as http:
        with pytest.raises(httpx.ReadTimeout):
            await http.get("/x")
    limits = httpx.Limits(max_connections=1, max_keepalive_connections=1)
    timeout = httpx.Timeout(connect=1.0, read=0.5, write=1.0, pool=0.05)
    async with serving(Silent(lambda _: OK), timeout=timeout, limits=limits) as http:
        first = asyncio.ensure_future(http.get("/x"))
        await asyncio.sleep(0.02)
        with pytest.raises(httpx.PoolTimeout):
            await http.get("/y")
        with pytest.raises(httpx.ReadTimeout):
            await first


async def test_requests_beyond_the_limit_wait_for_a_free_connection() -> None:
    server = RawServer(lambda _: OK)
    limits = httpx.Limits(max_connections=2, max_keepalive_connections=2)
    async with serving(server, limits=limits) as http:
        answers = await asyncio.gather(*(http.get(f"/{i}") for i in range(10)))
    assert [a.status_code for a in answers] == [200] * 10
    assert server.connections == 2


class Slow(RawServer):
    """Answers each request after ``delay`` s; records the most requests in hand at once."""

    def __init__(self, delay: float) -> None:
        super().__init__(lambda _: OK)
        self.delay, self.busy, self.most_busy = delay, 0, 0

    async def serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        while (request := await _read_request(reader)) is not None:
            self.requests.append(request)
            self.busy += 1
            self.most_busy = max(self.most_busy, self.busy)
            await asyncio.sleep(self.delay)
            self.busy -= 1
            writer.write(OK)
            await writer.drain()


async def test_at_most_ten_requests_reach_a_host_at_once() -> None:
    """The outbox keeps 32 actions in flight; the host sees at most 10 requests at a time."""
    server = Slow(0.05)
    async with serving(server) as http:
        answers = await asyncio.gather(*(http.get(f"/{i}") for i in range(32)))
    assert [a.status_code for a in answers] == [200] * 32
    assert server.most_busy == 10 and server.connections == 10


async def test_a_cancelled_waiter_leaves_the_connection_to_the_others() -> None:
    server = Slow(0.02)
    limits = httpx.Limits(max_connections=1, max_keepalive_connections=1)
    timeout = httpx.Timeout(connect=1.0, read=1.0, write=1.0, pool=1.0)
    async with serving(server, limits=limits, timeout=timeout) as http:
        waiting = [asyncio.ensure_future(http.get(f"/{i}")) for i in range(3)]
        await asyncio.sleep(0)
        waiting[1].cancel()
        outcomes = await asyncio.gather(*waiting, return_exceptions=True)
        assert isinstance(outcomes[1], asyncio.CancelledError)
        assert (await http.get("/after")).status_code == 200
    assert server.connections == 1 and len(server.requests) == 3


async def test_head_answer_has_no_body() -> None:
    head = b"HTTP/1.1 200 OK\r\ncontent-length: 50\r\n\r\n"
    async with serving(RawServer(lambda _: head)) as http:
        response = await http.head("/x")
    assert response.status_code == 200 and response.content == b""


async def test_an_interim_answer_is_skipped() -> None:
    early = b"HTTP/1.1 103 Early Hints\r\nlink: </a.css>\r\n\r\n" + OK
    async with serving(RawServer(lambda _: early)) as http:
        response = await http.get("/x")
    assert response.status_code == 200 and response.json() == []
    assert "link" not in response.headers
