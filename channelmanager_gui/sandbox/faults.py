"""Fault switches shared by both sandboxes, applied as an ASGI middleware.

Each switch is a probability (0..1) or a latency, settable at start and at run time (the
``/_sandbox/faults`` admin endpoint writes the same object). Admin paths are never faulted, so
tests can always inspect state.

Dropped connections come in two kinds, both real-world: the request never reaches the server,
or the server acts and the answer is lost. The second is what makes idempotent retries matter.
"""

from __future__ import annotations

import asyncio
import json
import logging
import random
import re
import threading
from collections.abc import Callable
from dataclasses import dataclass, field, fields
from typing import Any

from starlette.types import ASGIApp, Message, Receive, Scope, Send

ADMIN_PREFIX = "/_sandbox"

ErrorBody = Callable[[int], tuple[bytes, dict[str, str]]]


@dataclass
class FaultConfig:
    """Fault switches; all off by default (demo mode)."""

    error_rate: float = 0.0  # 500 answers, before the request is acted on
    unavailable_rate: float = 0.0  # 503 answers (overload), before the request is acted on
    throttle_rate: float = 0.0  # chance that a request starts a 429 storm
    storm_seconds: float = 1.0  # how long a 429 storm lasts
    latency_ms: float = 0.0  # added to every answer without a route latency below
    # "METHOD regex" (searched in the path) → ms, instead of ``latency_ms`` for those requests:
    # a real Magento spends far longer placing an order than answering a read (sandbox/profile.py)
    route_latency_ms: dict[str, float] = field(default_factory=dict)
    speed: float = 1.0  # every latency above is divided by it (a benchmark's scale factor)
    drop_rate: float = 0.0  # connection dropped (half before acting, half after)
    malformed_rate: float = 0.0  # body replaced by truncated or invalid JSON
    seed: int | None = None
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False, compare=False)
    _storm_until: float = field(default=0.0, repr=False, compare=False)
    injected: dict[str, int] = field(default_factory=dict, repr=False, compare=False)
    # Requests per User-Agent (admin paths aside), for the stats endpoints: tests check that
    # every client names the app, as a real service's logs would show it.
    _agents: dict[str, int] = field(default_factory=dict, repr=False, compare=False)

    def __post_init__(self) -> None:
        self._rng = random.Random(self.seed)

    def update(self, values: dict[str, Any]) -> None:
        """Set switches by name (unknown names raise KeyError)."""
        names = {f.name for f in fields(self) if not f.name.startswith("_")} - {"injected"}
        with self._lock:
            for key, value in values.items():
                if key not in names:
                    raise KeyError(key)
                setattr(self, key, _typed(getattr(self, key), value))
            if "seed" in values:
                self._rng = random.Random(self.seed)

    def public(self) -> dict[str, Any]:
        """Switch values and counts of injected faults, for the admin API."""
        # Not dataclasses.asdict: it deep-copies the private lock and fails.
        with self._lock:
            names = [f.name for f in fields(self) if not f.name.startswith("_")]
            data = {name: getattr(self, name) for name in names}
            data["injected"] = dict(self.injected)
        return data

    def delay(self, method: str, path: str) -> float:
        """Seconds to hold this request: its route's latency or the global one, over ``speed``."""
        ms = self.latency_ms
        for route, route_ms in self.route_latency_ms.items():
            verb, _, pattern = route.partition(" ")
            if verb == method and re.search(pattern, path):
                ms = route_ms
                break
        return ms / 1000 / self.speed if ms > 0 and self.speed > 0 else 0.0

    def roll(self, rate: float) -> bool:
        if rate <= 0:
            return False
        with self._lock:
            return self._rng.random() < rate

    def count(self, kind: str) -> None:
        with self._lock:
            self.injected[kind] = self.injected.get(kind, 0) + 1

    def saw_agent(self, agent: str) -> None:
        with self._lock:
            self._agents[agent] = self._agents.get(agent, 0) + 1

    def user_agents(self) -> dict[str, int]:
        with self._lock:
            return dict(self._agents)

    def in_storm(self, now: float) -> bool:
        if now < self._storm_until:
            return True
        if self.roll(self.throttle_rate):
            self._storm_until = now + self.storm_seconds
            return True
        return False

    def storm_left(self, now: float) -> float:
        return max(0.0, self._storm_until - now)


def _typed(current: Any, value: Any) -> Any:
    """``value`` as the switch's type (a dict stays a dict of floats; None clears ``seed``)."""
    if value is None:
        return None
    if isinstance(current, dict):
        return {str(key): float(ms) for key, ms in dict(value).items()}
    return type(current or 0.0)(value)


def _is_json(body: bytes) -> bool:
    try:
        json.loads(body)
    except ValueError:
        return False
    return True


def _header(scope: Scope, name: bytes) -> str:
    """A request header's value ("" when absent)."""
    for key, value in scope["headers"]:
        if key == name:
            return str(value.decode("latin-1"))
    return ""


class _Dropped(Exception):
    """Raised inside the server to cut the connection mid-answer."""


class _QuietDrops(logging.Filter):
    """uvicorn logs every exception out of an app with its traceback; a drop the sandbox made
    on purpose is not an error of its own (a chaos run makes thousands). Real ones still log."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not (record.exc_info and isinstance(record.exc_info[1], _Dropped))


logging.getLogger("uvicorn.error").addFilter(_QuietDrops())


class FaultMiddleware:
    """Wraps a sandbox app; ``error_body`` renders each service's own error shape."""

    def __init__(self, app: ASGIApp, faults: FaultConfig, error_body: ErrorBody) -> None:
        self.app = app
        self.faults = faults
        self.error_body = error_body

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["path"].startswith(ADMIN_PREFIX):
            await self.app(scope, receive, send)
            return
        f = self.faults
        f.saw_agent(_header(scope, b"user-agent"))
        delay = f.delay(scope["method"], scope["path"])
        if delay > 0:
            await asyncio.sleep(delay)
        now = asyncio.get_running_loop().time()
        if f.in_storm(now):
            f.count("429")
            await self._send_error(
                send, 429, {"Retry-After": f"{max(1, round(f.storm_left(now)))}"}
            )
            return
        if f.roll(f.error_rate):
            f.count("500")
            await self._send_error(send, 500, {})
            return
        if f.roll(f.unavailable_rate):
            f.count("503")
            await self._send_error(send, 503, {})
            return
        if f.roll(f.drop_rate / 2):
            f.count("drop_before")
            await self._cut(send)
            return
        drop_after = f.roll(f.drop_rate / 2)
        malformed = not drop_after and f.roll(f.malformed_rate)
        if not (drop_after or malformed):
            await self.app(scope, receive, send)
            return
        await self._run_and_spoil(scope, receive, send, drop_after)

    async def _run_and_spoil(self, scope: Scope, receive: Receive, send: Send, drop: bool) -> None:
        start: Message = {}
        body = bytearray()

        async def capture(message: Message) -> None:
            if message["type"] == "http.response.start":
                start.update(message)
            elif message["type"] == "http.response.body":
                body.extend(message.get("body", b""))

        await self.app(scope, receive, capture)
        if drop:
            self.faults.count("drop_after")
            await self._cut(send)
            return
        self.faults.count("malformed")
        spoiled = bytes(body[: max(1, len(body) // 2)]) if body else b"{"
        if _is_json(spoiled):  # half of a bare number ("1234" → "12") is still valid JSON:
            spoiled += b"}"  # a "malformed" answer must never parse as a different value
        headers = [(k, v) for k, v in start.get("headers", []) if k.lower() != b"content-length"]
        headers.append((b"content-length", str(len(spoiled)).encode()))
        await send(
            {"type": "http.response.start", "status": start.get("status", 200), "headers": headers}
        )
        await send({"type": "http.response.body", "body": spoiled})

    async def _send_error(self, send: Send, status: int, extra: dict[str, str]) -> None:
        body, headers = self.error_body(status)
        all_headers = {"content-type": "application/json", **headers, **extra}
        raw = [(k.lower().encode(), v.encode()) for k, v in all_headers.items()]
        raw.append((b"content-length", str(len(body)).encode()))
        await send({"type": "http.response.start", "status": status, "headers": raw})
        await send({"type": "http.response.body", "body": body})

    async def _cut(self, send: Send) -> None:
        """Promise a body, send part of it, then fail: the server closes the connection."""
        await send(
            {
                "type": "http.response.start",
                "status": 200,
                "headers": [(b"content-type", b"application/json"), (b"content-length", b"64")],
            }
        )
        await send({"type": "http.response.body", "body": b'{"', "more_body": True})
        raise _Dropped("sandbox fault: connection dropped")
