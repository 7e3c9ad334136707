"""A scripted Commerce stand-in for ``httpx.MockTransport``: answers by method and path, and
records every request so tests can check what was sent and how often."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any
from urllib.parse import unquote

import httpx

from channelmanager_gui.services.commerce import CommerceClient
from channelmanager_gui.services.http import ManualClock, RetryPolicy

Answer = httpx.Response | Callable[[httpx.Request], httpx.Response]
BASE = "https://shop.example.com"


def reply(body: Any, status: int = 200, **headers: str) -> httpx.Response:
    """A JSON answer; ``bytes`` are sent as they are (malformed bodies)."""
    raw = body if isinstance(body, bytes) else json.dumps(body).encode()
    return httpx.Response(status, content=raw, headers={"content-type": "application/json"})


class FakeCommerce:
    """Routes ``(METHOD, decoded path)`` to a fixed answer, a list of answers (one per call,
    the last repeats) or a function of the request."""

    def __init__(self) -> None:
        self.routes: dict[tuple[str, str], list[Answer]] = {}
        self.requests: list[httpx.Request] = []

    def on(self, method: str, path: str, *answers: Answer) -> None:
        self.routes[(method, path)] = list(answers)

    def handler(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        key = (request.method, unquote(request.url.path))
        answers = self.routes.get(key)
        if not answers:
            return reply({"message": "Request does not match any route."}, 404)
        answer = answers.pop(0) if len(answers) > 1 else answers[0]
        return answer(request) if callable(answer) else answer

    def calls(self, method: str, path: str) -> list[httpx.Request]:
        return [r for r in self.requests if (r.method, unquote(r.url.path)) == (method, path)]

    def client(self, store_code: str | None = None, token: str = "tok-123456") -> CommerceClient:
        return CommerceClient(
            BASE,
            token,
            store_code=store_code,
            transport=httpx.MockTransport(self.handler),
            retry=RetryPolicy(attempts=3, base_delay=0.01),
            clock=ManualClock(),
        )


def params(request: httpx.Request) -> dict[str, str]:
    return dict(request.url.params.multi_items())


def body(request: httpx.Request) -> Any:
    return json.loads(request.content)
