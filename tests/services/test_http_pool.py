"""The keep-alive pool under the API clients (services/http/pool.py, wire.py), against a raw
TCP server that answers exactly the bytes each test gives it."""

from __future__ import annotations

import asyncio
import contextlib
import socket
import ssl
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager

import httpx
import pytest

from channelmanager_gui.services.http import build_client
from channelmanager_gui.services.http.pool import PooledTransport

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
async def serving(server: RawServer, **client: object) -> AsyncIterator[httpx.AsyncClient]:
    listener = await asyncio.start_server(server.handle, "127.0.0.1", 0)
    port = listener.sockets[0].getsockname()[1]
    http = build_client(f"http://127.0.0.1:{port}", **client)  # type: ignore[arg-type]
    try:
        yield http
    finally:
        await http.aclose()
        listener.close()


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


async def test_head_answer_has_no_body() -> None:
    head = b"HTTP/1.1 200 OK\r\ncontent-length: 50\r\n\r\n"
    async with serving(RawServer(lambda _: head)) as http:
        response = await http.head("/x")
    assert response.status_code == 200 and response.content == b""


@pytest.fixture(scope="module")
def certificate(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, str]:
    """A self-signed certificate for 127.0.0.1 (cert file, key file)."""
    pytest.importorskip("cryptography")  # installed with keyring on Linux; not a test extra
    from datetime import UTC, datetime, timedelta
    from ipaddress import ip_address

    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")])
    now = datetime.now(UTC)
    cert = (
        x509.CertificateBuilder().subject_name(name).issuer_name(name)
        .public_key(key.public_key()).serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(days=1)).not_valid_after(now + timedelta(days=1))
        .add_extension(x509.SubjectAlternativeName([x509.IPAddress(ip_address("127.0.0.1"))]),
                       critical=False)
        .sign(key, hashes.SHA256())
    )  # fmt: skip
    folder = tmp_path_factory.mktemp("tls")
    cert_file, key_file = folder / "cert.pem", folder / "key.pem"
    cert_file.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_file.write_bytes(
        key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                          serialization.NoEncryption())
    )  # fmt: skip
    return str(cert_file), str(key_file)


async def test_tls_is_verified(certificate: tuple[str, str]) -> None:
    cert_file, key_file = certificate
    server_context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    server_context.load_cert_chain(cert_file, key_file)
    server = RawServer(lambda _: OK)
    listener = await asyncio.start_server(server.handle, "127.0.0.1", 0, ssl=server_context)
    url = f"https://127.0.0.1:{listener.sockets[0].getsockname()[1]}/x"
    limits = httpx.Limits(max_connections=2)
    try:
        untrusted = httpx.AsyncClient(
            transport=PooledTransport(ssl_context=ssl.create_default_context(), limits=limits)
        )
        with pytest.raises(httpx.ConnectError) as info:
            await untrusted.get(url)
        assert isinstance(info.value.__cause__, ssl.SSLCertVerificationError)
        await untrusted.aclose()
        trusting = ssl.create_default_context(cafile=cert_file)
        http = httpx.AsyncClient(transport=PooledTransport(ssl_context=trusting, limits=limits))
        assert (await http.get(url)).json() == []
        assert (await http.get(url)).json() == []
        await http.aclose()
    finally:
        listener.close()
    assert server.connections == 1


async def test_a_slot_passes_to_another_host_and_a_cancelled_waiter_leaks_none() -> None:
    a, b = RawServer(lambda _: OK), RawServer(lambda _: OK)
    first = await asyncio.start_server(a.handle, "127.0.0.1", 0)
    second = await asyncio.start_server(b.handle, "127.0.0.1", 0)
    url_a = f"http://127.0.0.1:{first.sockets[0].getsockname()[1]}/x"
    url_b = f"http://127.0.0.1:{second.sockets[0].getsockname()[1]}/x"
    transport = PooledTransport(ssl_context=ssl.create_default_context(),
                                limits=httpx.Limits(max_connections=1))  # fmt: skip
    http = httpx.AsyncClient(transport=transport)
    try:
        answers = await asyncio.gather(http.get(url_a), http.get(url_b), http.get(url_a))
        assert [r.status_code for r in answers] == [200, 200, 200]
        waiting = [asyncio.ensure_future(http.get(url_b)) for _ in range(3)]
        await asyncio.sleep(0)
        waiting[1].cancel()
        await asyncio.gather(*waiting, return_exceptions=True)
        assert (await http.get(url_a)).status_code == 200
        assert transport._open == 1 and not transport._waiters
    finally:
        await http.aclose()
        first.close()
        second.close()


async def test_cookies_from_answers_are_not_kept() -> None:
    with_cookie = (b"HTTP/1.1 200 OK\r\nset-cookie: session=abc; Path=/\r\n"
                   b"content-length: 2\r\n\r\n[]")  # fmt: skip
    server = RawServer(lambda _: with_cookie)
    async with serving(server) as http:
        await http.get("/x")
        await http.get("/y")
        assert not http.cookies
    assert b"cookie" not in server.requests[1].lower()


async def test_an_interim_answer_is_skipped() -> None:
    early = b"HTTP/1.1 103 Early Hints\r\nlink: </a.css>\r\n\r\n" + OK
    async with serving(RawServer(lambda _: early)) as http:
        response = await http.get("/x")
    assert response.status_code == 200 and response.json() == []
    assert "link" not in response.headers
