"""A scripted stand-in for Amazon SP-API, LWA and S3 over ``httpx.MockTransport``.

Answers are shaped like the reference's examples (copied into ``fixtures/``): every SP-API
answer carries ``x-amzn-RequestId``; a missing, expired or unknown token gets the 403
``Unauthorized`` body with the matching ``details`` (reference §1.3).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs

import httpx

from channelmanager_gui.services.amazon import AmazonClient, LwaCredentials
from channelmanager_gui.services.http import ManualClock, RetryPolicy

Route = Callable[[httpx.Request], httpx.Response]
FIXTURES = Path(__file__).parent / "fixtures"
SELLER = "A3FHEXAMPLEYWS"
US = "ATVPDKIKX0DER"
S3 = "https://tortuga-prod-na.s3-external-1.amazonaws.com"
CLIENT_SECRET = "amzn1.oa2-cs.v1.secret-value-0123456789"
REFRESH_TOKEN = "Atzr|IwEBIRefreshTokenExample0123456789"


def fixture(name: str) -> Any:
    path = FIXTURES / name
    return json.loads(path.read_text()) if name.endswith(".json") else path.read_bytes()


def errors(code: str, message: str, details: str = "") -> dict[str, Any]:
    return {"errors": [{"code": code, "message": message, "details": details}]}


class FakeAmazon:
    def __init__(self, expires_in: int = 3600) -> None:
        self.routes: dict[tuple[str, str], Route] = {}
        self.requests: list[httpx.Request] = []
        self.valid_tokens: set[str] = set()
        self.expired_tokens: set[str] = set()
        self.tokens_issued = 0
        self.expires_in = expires_in
        self.lwa_refusal: tuple[int, dict[str, Any]] | None = None
        self.request_ids = 0

    def route(self, method: str, path: str, handler: Route | Any, status: int = 200) -> None:
        if callable(handler):
            self.routes[(method, path)] = handler
        else:
            body = handler
            self.routes[(method, path)] = lambda _r: httpx.Response(status, json=body)

    def expire_tokens(self) -> None:
        self.expired_tokens |= self.valid_tokens
        self.valid_tokens.clear()

    def sent(self, method: str, path_prefix: str) -> list[httpx.Request]:
        return [r for r in self.requests
                if r.method == method and r.url.path.startswith(path_prefix)]  # fmt: skip

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        if request.url.host == "api.amazon.com":
            return self._token(request)
        raw_path = request.url.raw_path.split(b"?")[0].decode()
        if request.url.host.endswith(("amazonaws.com", "cloudfront.net")):  # document URLs
            return self._dispatch(request, raw_path)
        token = request.headers.get("x-amz-access-token")
        if not token:
            return self._denied("Access token is missing in the request header.")
        if token in self.expired_tokens:
            return self._denied("The access token you provided has expired.")
        if token not in self.valid_tokens and not token.startswith("Atz.sprdt|"):
            return self._denied("The access token you provided is revoked, malformed or invalid.")
        response = self._dispatch(request, raw_path)
        self.request_ids += 1
        response.headers["x-amzn-RequestId"] = f"req-{self.request_ids}"
        return response

    def _dispatch(self, request: httpx.Request, raw_path: str) -> httpx.Response:
        handler = self.routes.get((request.method, raw_path))
        if handler is None:
            return httpx.Response(404, json=errors("NOT_FOUND", f"no route {raw_path}"))
        return handler(request)

    def _token(self, request: httpx.Request) -> httpx.Response:
        if self.lwa_refusal is not None:
            status, body = self.lwa_refusal
            return httpx.Response(status, json=body)
        form = parse_qs(request.content.decode())
        assert form["grant_type"] == ["refresh_token"]
        assert form["refresh_token"] == [REFRESH_TOKEN]
        self.tokens_issued += 1
        token = f"Atza|access-{self.tokens_issued}"
        self.valid_tokens.add(token)
        return httpx.Response(
            200,
            json={
                "access_token": token,
                "refresh_token": REFRESH_TOKEN,
                "token_type": "bearer",
                "expires_in": self.expires_in,
            },
        )

    def _denied(self, details: str) -> httpx.Response:
        self.request_ids += 1
        body = errors("Unauthorized", "Access to requested resource is denied.", details)
        return httpx.Response(
            403, json=body, headers={"x-amzn-RequestId": f"req-{self.request_ids}"}
        )


def make_client(fake: FakeAmazon, clock: ManualClock | None = None, **kw: Any) -> AmazonClient:
    credentials = LwaCredentials("amzn1.application-oa2-client.abc", CLIENT_SECRET, REFRESH_TOKEN)
    kw.setdefault("retry", RetryPolicy(attempts=3, base_delay=0.01, max_delay=0.02))
    return AmazonClient(
        credentials,
        seller_id=SELLER,
        marketplaces=kw.pop("marketplaces", [US]),
        transport=httpx.MockTransport(fake),
        clock=clock or ManualClock(),
        **kw,
    )
