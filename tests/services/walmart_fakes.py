"""A scripted stand-in for Walmart over httpx.MockTransport (edge cases the sandbox can't make)."""

from __future__ import annotations

import json
from collections.abc import Callable
from email.parser import BytesParser
from email.policy import HTTP
from typing import Any

import httpx

from channelmanager_gui.services.http import ManualClock, RateControl, RetryPolicy
from channelmanager_gui.services.walmart import WalmartClient

Route = Callable[[httpx.Request], httpx.Response]
BASE = "https://marketplace.walmartapis.com"


def error_body(code: str, description: str, shape: int = 2, field: str = "data") -> dict[str, Any]:
    entry = {"code": code, "field": field, "description": description, "severity": "ERROR"}
    if shape == 1:
        return {"error": [entry]}
    if shape == 2:
        return {"errors": {"error": entry}}
    return {"errors": [{**{k: v for k, v in entry.items() if k != "description"},
                        "message": description}]}  # fmt: skip


class FakeWalmart:
    """Routes by (method, path); issues tokens ``tok1``, ``tok2``..; records every request."""

    def __init__(self, expires_in: int = 900) -> None:
        self.routes: dict[tuple[str, str], Route] = {}
        self.requests: list[httpx.Request] = []
        self.tokens_issued = 0
        self.valid_tokens: set[str] = set()
        self.expires_in = expires_in

    def route(self, method: str, path: str, handler: Route | dict[str, Any]) -> None:
        if isinstance(handler, dict):
            body = handler
            self.routes[(method, path)] = lambda _r: httpx.Response(200, json=body)
        else:
            self.routes[(method, path)] = handler

    def revoke(self) -> None:
        self.valid_tokens.clear()

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        if request.url.path == "/v3/token":
            return self._token(request)
        if request.headers.get("WM_SEC.ACCESS_TOKEN") not in self.valid_tokens:
            body = error_body("UNAUTHORIZED.GMP_GATEWAY_API", "Unauthorized", 1, "UNAUTHORIZED")
            return httpx.Response(401, json=body)
        raw_path = request.url.raw_path.split(b"?")[0].decode()  # still percent-encoded
        handler = self.routes.get((request.method, raw_path))
        if handler is None:
            return httpx.Response(404, json=error_body("URI_NOT_FOUND", "no route", 3))
        return handler(request)

    def business_requests(self) -> list[httpx.Request]:
        return [r for r in self.requests if r.url.path != "/v3/token"]

    def _token(self, request: httpx.Request) -> httpx.Response:
        assert request.headers["Authorization"].startswith("Basic ")
        assert request.content == b"grant_type=client_credentials"
        self.tokens_issued += 1
        token = f"tok{self.tokens_issued}-{'q' * 24}"
        self.valid_tokens.add(token)
        body = {"access_token": token, "token_type": "Bearer", "expires_in": self.expires_in}
        return httpx.Response(200, json=body)


def make_client(fake: Route, clock: ManualClock | None = None, attempts: int = 3) -> WalmartClient:
    clock = clock or ManualClock()
    return WalmartClient(
        BASE,
        "client-id",
        "client-secret-value",
        transport=httpx.MockTransport(fake),
        clock=clock,
        rate=RateControl(clock, first_backoff=0.01),
        retry=RetryPolicy(attempts=attempts, base_delay=0.01, max_delay=0.05),
    )


def body_of(request: httpx.Request) -> Any:
    return json.loads(request.content)


def uploaded_files(request: httpx.Request) -> dict[str, tuple[str | None, str, Any]]:
    """A ``multipart/form-data`` request's parts: name → (file name, media type, JSON)."""
    head = b"Content-Type: " + request.headers["Content-Type"].encode() + b"\r\n\r\n"
    message = BytesParser(policy=HTTP).parsebytes(head + request.content)
    assert message.is_multipart(), request.headers["Content-Type"]
    parts = {}
    for part in message.iter_parts():
        name = part.get_param("name", header="content-disposition")
        payload = part.get_payload(decode=True)
        assert isinstance(name, str) and isinstance(payload, bytes)
        parts[name] = (part.get_filename(), part.get_content_type(), json.loads(payload))
    return parts
