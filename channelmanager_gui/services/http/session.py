"""One polite HTTP session per remote API: pacing, retries, logging and typed errors.

Service clients (Walmart, Commerce) own a ``HttpSession`` and call ``request``/``request_json``
with the path, their auth headers, whether the call is safe to repeat (see ``retry``), its
priority and a rate key naming the endpoint's rate limit. Every attempt gets a fresh correlation
id, is logged in one line (method, path, status, duration, correlation id; secrets redacted), and
the final failure is raised as a ``ChannelError`` subclass carrying that correlation id.
"""

from __future__ import annotations

import logging
import random
import uuid
from collections.abc import Callable, Mapping
from types import TracebackType
from typing import Any

import httpx

from channelmanager_gui.errors import MalformedResponseError, UnavailableError
from channelmanager_gui.services.http.clock import Clock, SystemClock
from channelmanager_gui.services.http.ratecontrol import Priority, RateControl
from channelmanager_gui.services.http.redact import redact
from channelmanager_gui.services.http.responses import (
    ErrorParser,
    decode_json,
    default_error_parser,
    error_for_response,
)
from channelmanager_gui.services.http.retry import RetryPolicy, is_repeatable, maybe_sent
from channelmanager_gui.services.http.transport import DEFAULT_TIMEOUT, build_client

log = logging.getLogger("channelmanager_gui.http")


class HttpSession:
    """An ``httpx.AsyncClient`` plus rate control, retries and error mapping.

    ``correlation_header`` names the header that carries each attempt's id (e.g. Walmart's
    ``WM_QOS.CORRELATION_ID``; Commerce uses ``X-Request-ID``). ``error_parser`` reads the
    service's error bodies. ``rate`` may be shared by sessions that talk to the same account.
    ``request_id_header`` names a response header carrying the server's own id for the request
    (Amazon's ``x-amzn-RequestId``): when the answer has it, it is the correlation id logged and
    put on errors, since it is what the service's support can look up.
    """

    def __init__(
        self,
        base_url: str,
        *,
        service: str,
        correlation_header: str = "X-Request-ID",
        error_parser: ErrorParser = default_error_parser,
        transport: httpx.AsyncBaseTransport | None = None,
        clock: Clock | None = None,
        rate: RateControl | None = None,
        retry: RetryPolicy | None = None,
        timeout: httpx.Timeout = DEFAULT_TIMEOUT,
        headers: dict[str, str] | None = None,
        rng: random.Random | None = None,
        parse_float: Callable[[str], Any] | None = None,
        request_id_header: str | None = None,
    ) -> None:
        self.client = build_client(base_url, transport=transport, timeout=timeout, headers=headers)
        self.service = service
        self.correlation_header = correlation_header
        self.error_parser = error_parser
        self.clock: Clock = clock or (rate.clock if rate else SystemClock())
        self.rate = rate or RateControl(self.clock)
        self.retry = retry or RetryPolicy()
        self._rng = rng or random.Random()
        self._parse_float = parse_float
        self._request_id_header = request_id_header
        self._host_key = self.client.base_url.host

    async def __aenter__(self) -> HttpSession:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.aclose()

    async def aclose(self) -> None:
        await self.client.aclose()

    async def request(
        self,
        method: str,
        path: str,
        *,
        params: Mapping[str, Any] | None = None,
        json: Any = None,
        data: Mapping[str, Any] | None = None,
        content: bytes | None = None,
        headers: Mapping[str, str] | None = None,
        auth: httpx.Auth | tuple[str, str] | None = None,
        repeatable: bool | None = None,
        priority: Priority = Priority.BACKGROUND,
        rate_key: str | None = None,
    ) -> httpx.Response:
        """Send until a 2xx answer (returned) or a typed error (raised); see ``retry``."""
        method = method.upper()
        kwargs: dict[str, Any] = {"params": params, "json": json, "data": data, "content": content}
        if auth is not None:
            kwargs["auth"] = auth
        safe = is_repeatable(method, repeatable)
        key = rate_key or self._host_key
        retry_number = 0
        while True:
            correlation_id = str(uuid.uuid4())
            await self.rate.acquire(key, priority)
            sent_headers = {**(headers or {}), self.correlation_header: correlation_id}
            try:
                response = await self._send(method, path, correlation_id, sent_headers, kwargs)
            except httpx.TransportError as exc:
                may_have_sent = maybe_sent(exc)
                if (safe or not may_have_sent) and retry_number + 1 < self.retry.attempts:
                    await self.clock.sleep(self.retry.delay(retry_number, self._rng))
                    retry_number += 1
                    continue
                raise self._unreachable(exc, method, path, correlation_id, may_have_sent) from exc
            pause = self.rate.observe(key, response.status_code, response.headers)
            if response.status_code < 300:
                return response
            if self._retry_status(response.status_code, safe, retry_number, pause):
                await self.clock.sleep(self.retry.delay(retry_number, self._rng))
                retry_number += 1
                continue
            info = self.error_parser(response)
            raise error_for_response(
                response,
                info,
                service=self.service,
                correlation_id=self.correlation_id(response),
                retry_after=pause if response.status_code == 429 else None,
            )

    async def request_json(self, method: str, path: str, *, what: str, **kw: Any) -> Any:
        """``request`` and decode the JSON answer; a repeatable call whose answer arrives
        malformed (truncated, not JSON) is sent again within the same retry budget."""
        data, _ = await self.request_decoded(method, path, what=what, **kw)
        return data

    async def request_decoded(
        self, method: str, path: str, *, what: str, **kw: Any
    ) -> tuple[Any, httpx.Response]:
        """Like ``request_json`` but also returns the response (for its correlation id)."""
        safe = is_repeatable(method, kw.get("repeatable"))
        for retry_number in range(self.retry.attempts):
            response = await self.request(method, path, **kw)
            try:
                return decode_json(
                    response,
                    what,
                    correlation_id=self.correlation_id(response),
                    parse_float=self._parse_float,
                ), response
            except MalformedResponseError:
                if not safe or retry_number + 1 >= self.retry.attempts:
                    raise
                await self.clock.sleep(self.retry.delay(retry_number, self._rng))
        raise AssertionError("unreachable: the loop returns or raises")  # pragma: no cover

    def correlation_id(self, response: httpx.Response) -> str:
        """The server's request id when configured and present, else the one this session sent
        with ``response``'s request."""
        if self._request_id_header:
            server_id = response.headers.get(self._request_id_header, "")
            if server_id:
                return server_id
        return response.request.headers.get(self.correlation_header, "")

    def _retry_status(self, status: int, safe: bool, retry_number: int, pause: float) -> bool:
        """Retry a 429/5xx only when safe, within budget, and not told to wait too long."""
        retryable = status == 429 or status >= 500
        in_budget = retry_number + 1 < self.retry.attempts
        return retryable and safe and in_budget and pause <= self.retry.max_wait

    async def _send(
        self,
        method: str,
        path: str,
        correlation_id: str,
        headers: dict[str, str],
        kwargs: dict[str, Any],
    ) -> httpx.Response:
        started = self.clock.now()
        shown = redact(path)
        try:
            response = await self.client.request(method, path, headers=headers, **kwargs)
        except httpx.TransportError as exc:
            elapsed = (self.clock.now() - started) * 1000
            log.warning(
                "%s %s failed: %s after %.0f ms correlation=%s",
                method, shown, type(exc).__name__, elapsed, correlation_id,
            )  # fmt: skip
            raise
        elapsed = (self.clock.now() - started) * 1000
        # A GET answered 404 is how Walmart says "no orders match" on every quiet poll; the
        # caller decides whether it is a problem (and logs that), so it is not a warning here.
        # Answered calls are DEBUG: at INFO, a dozen loops polling filled the engine log's
        # 5 × 2 MB rotation in about two hours and pushed out the errors (issue 20).
        quiet = response.status_code < 400 or (method == "GET" and response.status_code == 404)
        level = logging.DEBUG if quiet else logging.WARNING
        log.log(
            level, "%s %s -> %d in %.0f ms correlation=%s",
            method, shown, response.status_code, elapsed, self.correlation_id(response),
        )  # fmt: skip
        return response

    def _unreachable(
        self, exc: httpx.TransportError, method: str, path: str, cid: str, sent: bool
    ) -> UnavailableError:
        what = "the connection dropped" if sent else "could not connect"
        if isinstance(exc, httpx.TimeoutException):
            what = "timed out"
        return UnavailableError(
            f"{self.service} could not be reached ({what}); try again later",
            maybe_sent=sent,
            correlation_id=cid,
            detail=redact(f"{type(exc).__name__}: {exc}\n{method} {path}\ncorrelation id: {cid}"),
        )
