"""HttpSession over httpx.MockTransport: retries, idempotency, malformed bodies, logging."""

from __future__ import annotations

import json
import logging
from collections.abc import Callable

import httpx
import pytest

from channelmanager_gui.errors import (
    ApiError,
    AuthError,
    MalformedResponseError,
    NotFoundError,
    RateLimitError,
    UnavailableError,
    ValidationError,
)
from channelmanager_gui.services.http import (
    HttpSession,
    ManualClock,
    RateControl,
    RedactingFilter,
    RetryPolicy,
)

Handler = Callable[[httpx.Request], httpx.Response]


def make_session(handler: Handler, attempts: int = 3, **kw: object) -> HttpSession:
    clock = ManualClock()
    return HttpSession(
        "https://api.example.com",
        service="Example",
        transport=httpx.MockTransport(handler),
        clock=clock,
        rate=RateControl(clock, first_backoff=0.01),
        retry=RetryPolicy(attempts=attempts, base_delay=0.01, max_delay=0.1, max_wait=60),
        **kw,  # type: ignore[arg-type]
    )


def scripted(*answers: httpx.Response | Exception) -> tuple[Handler, list[httpx.Request]]:
    """A handler that plays ``answers`` in order and records the requests it saw."""
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        answer = answers[min(len(seen), len(answers)) - 1]
        if isinstance(answer, Exception):
            raise answer
        return answer

    return handler, seen


async def test_get_retries_5xx_and_dropped_connection_then_succeeds() -> None:
    handler, seen = scripted(
        httpx.Response(503),
        httpx.RemoteProtocolError("Server disconnected without sending a response."),
        httpx.Response(200, json={"ok": True}),
    )
    async with make_session(handler) as session:
        assert await session.request_json("GET", "/things", what="things") == {"ok": True}
    ids = [r.headers["X-Request-ID"] for r in seen]
    assert len(seen) == 3 and len(set(ids)) == 3  # a fresh correlation id per attempt


async def test_get_gives_up_with_unavailable_after_budget() -> None:
    handler, seen = scripted(httpx.Response(500, json={"message": "boom"}))
    async with make_session(handler) as session:
        with pytest.raises(UnavailableError) as info:
            await session.request("GET", "/things")
    assert len(seen) == 3
    assert info.value.status == 500 and info.value.maybe_sent
    assert info.value.correlation_id == seen[-1].headers["X-Request-ID"]
    assert "boom" in info.value.detail


async def test_post_not_repeatable_is_sent_once_on_dropped_answer() -> None:
    handler, seen = scripted(httpx.ReadError("connection reset"))
    async with make_session(handler) as session:
        with pytest.raises(UnavailableError) as info:
            await session.request("POST", "/ship", json={"x": 1})
    assert len(seen) == 1
    assert info.value.maybe_sent is True


async def test_post_not_repeatable_is_retried_when_never_connected() -> None:
    handler, seen = scripted(httpx.ConnectError("refused"), httpx.Response(200, json={}))
    async with make_session(handler) as session:
        response = await session.request("POST", "/ship", json={"x": 1})
    assert response.status_code == 200 and len(seen) == 2


async def test_post_declared_repeatable_is_retried() -> None:
    handler, seen = scripted(httpx.ReadTimeout("slow"), httpx.Response(200, json={}))
    async with make_session(handler) as session:
        await session.request("POST", "/ack", repeatable=True)
    assert len(seen) == 2


async def test_post_429_not_retried_and_carries_retry_after() -> None:
    handler, seen = scripted(httpx.Response(429, headers={"Retry-After": "30"}))
    async with make_session(handler) as session:
        with pytest.raises(RateLimitError) as info:
            await session.request("POST", "/ship")
    assert len(seen) == 1 and info.value.retry_after == pytest.approx(30)


async def test_get_429_honours_hint_then_succeeds() -> None:
    handler, seen = scripted(
        httpx.Response(429, headers={"Retry-After": "7"}), httpx.Response(200, json=[])
    )
    session = make_session(handler)
    async with session:
        await session.request("GET", "/things", rate_key="things")
    assert len(seen) == 2
    assert session.clock.now() >= 1007.0  # waited for the hint before resending


async def test_hint_longer_than_max_wait_fails_fast() -> None:
    handler, seen = scripted(httpx.Response(429, headers={"Retry-After": "3600"}))
    async with make_session(handler) as session:
        with pytest.raises(RateLimitError) as info:
            await session.request("GET", "/things")
    assert len(seen) == 1 and info.value.retry_after == pytest.approx(3600)


@pytest.mark.parametrize(
    "status, kind",
    [(400, ApiError), (401, AuthError), (403, AuthError), (404, NotFoundError), (302, ApiError)],
)
async def test_status_maps_to_typed_error(status: int, kind: type[ApiError]) -> None:
    handler, seen = scripted(httpx.Response(status, json={"message": "nope", "code": "X1"}))
    async with make_session(handler) as session:
        with pytest.raises(kind) as info:
            await session.request("GET", "/things")
    assert len(seen) == 1 and info.value.status == status
    if status != 302:
        assert info.value.code == "X1" and "nope" in info.value.message


@pytest.mark.parametrize(
    "body, reason",
    [
        (b"", "empty"),
        (b'{"items": [1, 2', "cut short"),
        (b"<html>hello</html>", "not valid JSON"),
        (b"\xff\xfe\xfa", "not"),
    ],
)
async def test_malformed_body_names_the_flaw(body: bytes, reason: str) -> None:
    handler, seen = scripted(httpx.Response(200, content=body))
    async with make_session(handler) as session:
        with pytest.raises(MalformedResponseError) as info:
            await session.request_json("GET", "/things", what="thing list")
    assert reason in info.value.message and "thing list" in info.value.message
    assert info.value.field == "thing list"
    assert len(seen) == 3  # a GET with a spoiled body is fetched again


async def test_malformed_post_answer_is_not_resent() -> None:
    handler, seen = scripted(httpx.Response(200, content=b'{"order":'))
    async with make_session(handler) as session:
        with pytest.raises(MalformedResponseError):
            await session.request_json("POST", "/ship", what="shipment")
    assert len(seen) == 1


async def test_malformed_then_good_get_recovers() -> None:
    handler, _ = scripted(httpx.Response(200, content=b"{"), httpx.Response(200, json={"a": 1}))
    async with make_session(handler) as session:
        assert await session.request_json("GET", "/x", what="x") == {"a": 1}


def test_plain_http_refused_for_remote_hosts() -> None:
    with pytest.raises(ValidationError) as info:
        HttpSession("http://api.example.com", service="Example")
    assert info.value.field == "base_url" and "https" in info.value.message


async def test_one_log_line_per_request_without_secrets(caplog: pytest.LogCaptureFixture) -> None:
    secret_token = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJzZWxsZXIifQ.c2lnbmF0dXJlLXZhbHVl"

    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(401, json={"access_token": secret_token, "echo": secret_token})

    caplog.handler.addFilter(RedactingFilter(["client-secret-value"]))
    caplog.set_level(logging.DEBUG)
    async with make_session(handler) as session:
        with pytest.raises(AuthError) as info:
            await session.request(
                "GET",
                f"/x?token={secret_token}",
                headers={"Authorization": f"Bearer {secret_token}"},
            )
    logging.getLogger("test").error("client secret is client-secret-value")
    lines = [r for r in caplog.records if r.name == "channelmanager_gui.http"]
    assert len(lines) == 1
    message = lines[0].getMessage()
    assert "GET" in message and "401" in message and "ms" in message
    assert info.value.correlation_id in message
    assert secret_token not in caplog.text and "client-secret-value" not in caplog.text
    assert secret_token not in info.value.detail
    assert json.dumps(secret_token) not in str(info.value)
