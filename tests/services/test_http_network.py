"""The network as merchants have it (services/http/network.py): the system's trust store, the
system's proxy and the app's User-Agent, over real HTTPS on loopback."""

from __future__ import annotations

import asyncio
import contextlib
import ssl
import urllib.request
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import httpx
import pytest

from channelmanager_gui import __version__
from channelmanager_gui.errors import UnavailableError
from channelmanager_gui.sandbox.commerce import CommerceSandbox
from channelmanager_gui.sandbox.walmart import WalmartSandbox
from channelmanager_gui.services.commerce import CommerceClient
from channelmanager_gui.services.http import HttpSession, RetryPolicy, build_client, report_for
from channelmanager_gui.services.http.network import proxy_for, tls_context, user_agent
from channelmanager_gui.services.walmart import WalmartClient

pytest.importorskip("cryptography")  # installed with keyring on Linux; not a test extra
from tests.services.tls_certs import CompanyCA, make_ca

API_HOST = "api.company.test"  # reached only through the test proxy, which maps it to loopback
OK = b"HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: 2\r\n\r\n[]"


@pytest.fixture(scope="module")
def ca(tmp_path_factory: pytest.TempPathFactory) -> CompanyCA:
    return make_ca(tmp_path_factory.mktemp("ca"), "127.0.0.1", API_HOST)


@asynccontextmanager
async def https_server(ca: CompanyCA, heads: list[bytes]) -> AsyncIterator[int]:
    """An HTTPS server with the CA's certificate, answering ``[]``; its port. Each request's
    head is appended to ``heads``."""
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(ca.cert_file, ca.key_file)

    async def serve(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        with contextlib.suppress(OSError, asyncio.IncompleteReadError), contextlib.closing(writer):
            while True:
                heads.append(await reader.readuntil(b"\r\n\r\n"))
                writer.write(OK)
                await writer.drain()

    listener = await asyncio.start_server(serve, "127.0.0.1", 0, ssl=context)
    async with listener:
        yield listener.sockets[0].getsockname()[1]


@asynccontextmanager
async def connect_proxy(connects: list[bytes]) -> AsyncIterator[str]:
    """A forward proxy that tunnels ``CONNECT host:port`` to 127.0.0.1:port (as a company's
    proxy would reach the API); its URL. Each CONNECT line is appended to ``connects``."""

    async def tunnel(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        head = await reader.readuntil(b"\r\n\r\n")
        connects.append(head.split(b"\r\n")[0])
        port = int(head.split()[1].rsplit(b":", 1)[1])
        try:
            up_reader, up_writer = await asyncio.open_connection("127.0.0.1", port)
        except OSError:
            writer.close()  # nothing listens there: the client sees the tunnel fail
            return
        writer.write(b"HTTP/1.1 200 Connection established\r\n\r\n")
        await asyncio.gather(_pipe(reader, up_writer), _pipe(up_reader, writer))

    listener = await asyncio.start_server(tunnel, "127.0.0.1", 0)
    async with listener:
        yield f"http://127.0.0.1:{listener.sockets[0].getsockname()[1]}"


async def _pipe(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
    with contextlib.suppress(OSError), contextlib.closing(writer):
        while data := await reader.read(65536):
            writer.write(data)
            await writer.drain()


def _no_proxy(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("HTTPS_PROXY", "HTTP_PROXY", "ALL_PROXY", "NO_PROXY"):
        monkeypatch.delenv(name, raising=False)
        monkeypatch.delenv(name.lower(), raising=False)


async def test_a_company_ca_in_the_trust_store_is_trusted(
    ca: CompanyCA, monkeypatch: pytest.MonkeyPatch
) -> None:
    """On Linux truststore reads OpenSSL's default paths, which ``SSL_CERT_FILE`` names: the
    CA trusted there is trusted by the app; without it, the same server is refused."""
    _no_proxy(monkeypatch)
    heads: list[bytes] = []
    async with https_server(ca, heads) as port:
        monkeypatch.setenv("SSL_CERT_FILE", ca.ca_file)
        client = build_client(f"https://127.0.0.1:{port}")
        try:
            assert (await client.get("/v3/orders")).json() == []
        finally:
            await client.aclose()
        assert f"user-agent: {user_agent()}\r\n".lower().encode() in heads[0].lower()

        monkeypatch.delenv("SSL_CERT_FILE")
        session = HttpSession(
            f"https://127.0.0.1:{port}", service="Walmart", retry=RetryPolicy(attempts=1)
        )
        async with session:
            with pytest.raises(UnavailableError) as info:
                await session.request("GET", "/v3/orders")
    cause = info.value.__cause__
    assert isinstance(cause, httpx.ConnectError) and not info.value.maybe_sent
    assert report_for(info.value, "Walmart").problem == "tls"  # found down the chain
    assert len(heads) == 1


def test_the_tls_context_is_the_trust_stores_and_verifies() -> None:
    context = tls_context()
    assert type(context).__module__.startswith("truststore")
    assert (context.verify_mode, context.check_hostname) == (ssl.CERT_REQUIRED, True)
    assert context.minimum_version == ssl.TLSVersion.TLSv1_2


async def test_through_the_environments_proxy_tls_is_checked_with_the_trust_store(
    ca: CompanyCA, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Behind ``HTTPS_PROXY`` the request tunnels through the proxy, verified against the same
    trust store; ``NO_PROXY`` exempts the hosts it names."""
    _no_proxy(monkeypatch)
    monkeypatch.setenv("SSL_CERT_FILE", ca.ca_file)
    connects: list[bytes] = []
    heads: list[bytes] = []
    async with https_server(ca, heads) as port, connect_proxy(connects) as proxy:
        monkeypatch.setenv("HTTPS_PROXY", proxy)
        monkeypatch.setenv("NO_PROXY", "exempt.example.com")
        client = build_client(f"https://{API_HOST}:{port}")
        try:
            assert (await client.get("/v3/orders")).json() == []
        finally:
            await client.aclose()
    assert connects == [f"CONNECT {API_HOST}:{port} HTTP/1.1".encode()]
    assert heads[0].startswith(b"GET /v3/orders HTTP/1.1\r\n")
    assert proxy_for(httpx.URL("https://exempt.example.com")) is None


async def test_the_systems_proxy_settings_are_used(monkeypatch: pytest.MonkeyPatch) -> None:
    """No proxy in the environment: the OS settings (macOS System Configuration, the Windows
    registry), as ``urllib.request.getproxies`` reads them there, with their bypass list;
    loopback (the sandbox) never goes through a proxy."""
    _no_proxy(monkeypatch)
    connects: list[bytes] = []
    async with connect_proxy(connects) as proxy:
        monkeypatch.setattr(urllib.request, "getproxies", lambda: {"https": proxy})
        monkeypatch.setattr(urllib.request, "proxy_bypass", lambda host: host == "intra.example")
        assert proxy_for(httpx.URL("https://intra.example")) is None
        client = build_client("https://marketplace.walmartapis.com")
        try:
            with pytest.raises(httpx.TransportError):  # the tunnel leads to nothing listening
                await client.get("/v3/orders")
        finally:
            await client.aclose()
        async with plain_server() as port:
            local = build_client(f"http://127.0.0.1:{port}")
            try:
                assert (await local.get("/v3/orders")).json() == []  # straight to loopback
            finally:
                await local.aclose()
    assert connects == [b"CONNECT marketplace.walmartapis.com:443 HTTP/1.1"]


async def test_a_proxy_that_refuses_the_tunnel_sent_nothing(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A proxy answering the CONNECT with an error never passed the request on: a POST is
    sent again within the retry budget, and reported as never sent."""
    _no_proxy(monkeypatch)
    connects: list[bytes] = []

    async def refuse(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        connects.append((await reader.readuntil(b"\r\n\r\n")).split(b"\r\n")[0])
        writer.write(b"HTTP/1.1 403 Forbidden\r\ncontent-length: 0\r\n\r\n")
        await writer.drain()
        writer.close()

    async with await asyncio.start_server(refuse, "127.0.0.1", 0) as listener:
        monkeypatch.setenv(
            "HTTPS_PROXY", f"http://127.0.0.1:{listener.sockets[0].getsockname()[1]}"
        )
        retry = RetryPolicy(attempts=2, base_delay=0.001, max_delay=0.001)
        async with HttpSession(f"https://{API_HOST}", service="Walmart", retry=retry) as session:
            with pytest.raises(UnavailableError) as info:
                await session.request("POST", "/v3/orders/1/shipping", json={})
    assert isinstance(info.value.__cause__, httpx.ProxyError) and not info.value.maybe_sent
    assert connects == [f"CONNECT {API_HOST}:443 HTTP/1.1".encode()] * 2


@asynccontextmanager
async def plain_server() -> AsyncIterator[int]:
    """A plain-HTTP server on loopback answering ``[]``; its port."""

    async def serve(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        with contextlib.suppress(OSError, asyncio.IncompleteReadError), contextlib.closing(writer):
            while await reader.readuntil(b"\r\n\r\n"):
                writer.write(OK)
                await writer.drain()

    listener = await asyncio.start_server(serve, "127.0.0.1", 0)
    async with listener:
        yield listener.sockets[0].getsockname()[1]


async def test_every_client_names_the_app_on_every_request(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Walmart (its token call included) and Commerce, over real HTTP: each sandbox records
    the User-Agent of every request it served."""
    _no_proxy(monkeypatch)
    walmart_box = WalmartSandbox(seed=5, products=5, orders=2, rate_limit_scale=0)
    with walmart_box, CommerceSandbox(seed=5, products=5) as commerce_box:
        walmart = WalmartClient(
            walmart_box.url, walmart_box.client_id, walmart_box.client_secret, spacing={}
        )
        async with walmart, CommerceClient(commerce_box.url, commerce_box.token) as commerce:
            assert (await walmart.test_connection()).ok
            assert (await commerce.test_connection()).ok
        seen = [
            httpx.get(f"{walmart_box.url}/_sandbox/stats").json()["user_agents"],
            httpx.get(f"{commerce_box.url}/_sandbox/stats").json()["user_agents"],
        ]
    assert [list(agents) for agents in seen] == [[user_agent()], [user_agent()]]
    assert seen[0][user_agent()] >= 2  # the token call and at least one API call


def test_the_user_agent_names_the_app_and_its_version() -> None:
    agent = user_agent()
    assert agent.startswith(f"ChannelManagerDesktop/{__version__} ")
    assert __version__ != "0+unknown"  # the test runs an installed package
    assert f"python-httpx/{httpx.__version__}" in agent


def test_version_comes_from_the_installed_distribution() -> None:
    from importlib import metadata

    assert __version__ == metadata.version("channelmanager-gui")
