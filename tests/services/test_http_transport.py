"""URL checks, client construction, redaction helpers and connection-test verdicts."""

from __future__ import annotations

import asyncio
import logging
import socket
import ssl

import httpx
import pytest

from channelmanager_gui.errors import (
    AuthError,
    MalformedResponseError,
    NotFoundError,
    UnavailableError,
    ValidationError,
)
from channelmanager_gui.services.http import (
    HttpSession,
    RedactingFilter,
    RetryPolicy,
    build_client,
    check_base_url,
    redact,
    redact_headers,
    register_secret,
    report_for,
)
from channelmanager_gui.services.http.network import proxy_for


@pytest.mark.parametrize(
    "url",
    [
        "https://marketplace.walmartapis.com",
        "https://shop.example.com/rest/",
        "http://127.0.0.1:8080",
        "http://127.5.6.7",
        "http://[::1]:9000",
        "http://localhost:5000/",
    ],
)
def test_accepted_urls(url: str) -> None:
    assert check_base_url(url) == url.rstrip("/")


@pytest.mark.parametrize(
    "url",
    [
        "http://marketplace.walmartapis.com",
        "http://10.0.0.5",
        "http://localhost.evil.com",
        "ftp://127.0.0.1",
        "marketplace.walmartapis.com",
        "",
        "https://user:pw@example.com",
        "https://example.com/?a=1",
    ],
)
def test_rejected_urls(url: str) -> None:
    with pytest.raises(ValidationError) as info:
        check_base_url(url)
    assert info.value.field == "base_url"


async def test_client_does_not_follow_redirects() -> None:
    client = build_client("https://example.com")
    try:
        assert client.follow_redirects is False
    finally:
        await client.aclose()


async def test_a_proxy_named_by_the_environment_is_used(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A merchant behind HTTPS_PROXY: the request goes to the proxy (a CONNECT to the API's
    host), not straight out; NO_PROXY still exempts the hosts it names."""
    seen: list[bytes] = []

    async def proxy(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        seen.append(await reader.readline())
        writer.close()  # refuse: the test only needs to know the request came here

    server = await asyncio.start_server(proxy, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    monkeypatch.setenv("HTTPS_PROXY", f"http://127.0.0.1:{port}")
    monkeypatch.setenv("NO_PROXY", "exempt.example.com")
    async with server:
        client = build_client("https://marketplace.walmartapis.com")
        try:
            with pytest.raises(httpx.TransportError):
                await client.get("/v3/orders")
        finally:
            await client.aclose()
    assert seen == [b"CONNECT marketplace.walmartapis.com:443 HTTP/1.1\r\n"]
    assert proxy_for(httpx.URL("https://marketplace.walmartapis.com")) == f"http://127.0.0.1:{port}"
    assert proxy_for(httpx.URL("https://exempt.example.com")) is None
    monkeypatch.delenv("HTTPS_PROXY")
    assert proxy_for(httpx.URL("https://marketplace.walmartapis.com")) is None


def test_redaction_of_headers_bodies_and_registered_secrets() -> None:
    register_secret("merchant-typed-secret-123")
    text = (
        'Authorization: Basic Y2xpZW50OnNlY3JldA== {"access_token":"abc.def.ghi",'
        '"token_type":"Bearer"} WM_SEC.ACCESS_TOKEN=zzzzzzzz '
        "client_secret=merchant-typed-secret-123"
        " x-current-token-count: 5"
    )
    out = redact(text)
    for secret in ("Y2xpZW50OnNlY3JldA==", "abc.def.ghi", "zzzzzzzz", "merchant-typed-secret-123"):
        assert secret not in out
    assert '"token_type":"Bearer"' in out and "x-current-token-count: 5" in out
    headers = redact_headers({"WM_SEC.ACCESS_TOKEN": "t0ken", "Accept": "application/json"})
    assert headers == {"WM_SEC.ACCESS_TOKEN": "***", "Accept": "application/json"}


def test_redacting_filter_masks_args_and_tracebacks(caplog: pytest.LogCaptureFixture) -> None:
    caplog.handler.addFilter(RedactingFilter())
    logger = logging.getLogger("test.redact")
    logger.warning("header %s", "Bearer abcdefghijklmnop")
    try:
        raise RuntimeError("password=hunter2hunter2")
    except RuntimeError:
        logger.exception("failed")
    assert "abcdefghijklmnop" not in caplog.text
    assert "hunter2hunter2" not in caplog.text


def _failing_session(error: Exception) -> HttpSession:
    def handler(request: httpx.Request) -> httpx.Response:
        raise error

    return HttpSession(
        "https://api.example.com",
        service="Example",
        transport=httpx.MockTransport(handler),
        retry=RetryPolicy(attempts=1),
    )


def _chained(outer: Exception, cause: BaseException) -> Exception:
    outer.__cause__ = cause
    return outer


@pytest.mark.parametrize(
    "error, problem",
    [
        (_chained(httpx.ConnectError("x"), ssl.SSLCertVerificationError("bad cert")), "tls"),
        (_chained(httpx.ConnectError("x"), socket.gaierror(-2, "Name unknown")), "wrong_url"),
        (httpx.ConnectError("refused"), "unreachable"),
        (httpx.ReadTimeout("slow"), "unreachable"),
    ],
)
async def test_transport_failures_become_reports(error: Exception, problem: str) -> None:
    async with _failing_session(error) as session:
        with pytest.raises(UnavailableError) as info:
            await session.request("GET", "/x")
    report = report_for(info.value, "Example")
    assert (report.ok, report.problem) == (False, problem)
    assert report.message and report.detail


@pytest.mark.parametrize(
    "error, problem",
    [
        (AuthError("no", status=401), "bad_credentials"),
        (AuthError("no", status=403), "no_permission"),
        (NotFoundError("no", status=404), "wrong_url"),
        (MalformedResponseError("html", status=200), "wrong_url"),
        (ValidationError("base_url", "bad"), "wrong_url"),
        (ZeroDivisionError(), "unexpected"),
    ],
)
def test_api_errors_become_reports(error: Exception, problem: str) -> None:
    assert report_for(error, "Example").problem == problem
