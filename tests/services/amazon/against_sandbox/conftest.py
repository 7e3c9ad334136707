"""The project's Amazon client against the real Amazon sandbox over loopback HTTP.

The two were written apart from the same reference; these tests are where they meet. The
client's clock *is* the sandbox's clock (``SandboxClock``): when the client sleeps — pacing
before a rate limit, backing off, polling a feed — the sandbox's time moves by the same amount,
so realistic rate limits and multi-minute waits run in milliseconds and deterministically.
Tests that need time to pass on their own move it through the admin API (``/_sandbox/clock``).
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Iterator
from typing import Any

import httpx
import pytest

from channelmanager_gui.sandbox.amazon import AmazonSandbox
from channelmanager_gui.services.amazon import AmazonClient, LwaCredentials
from channelmanager_gui.services.http import RetryPolicy

US = "ATVPDKIKX0DER"


class SandboxClock:
    """The ``services.http`` Clock protocol over the sandbox's clock; sleeping advances it."""

    def __init__(self, sandbox: AmazonSandbox) -> None:
        self._clock = sandbox.state.clock
        self.slept: list[float] = []

    def now(self) -> float:
        return self._clock.now()

    def wall(self) -> float:
        return self._clock.now()

    async def sleep(self, seconds: float) -> None:
        if seconds > 0:
            self.slept.append(seconds)
            self._clock.advance(seconds)
        await asyncio.sleep(0)


class Admin:
    """The sandbox's ``/_sandbox/`` API, as a test drives the buyer's side and the switches."""

    def __init__(self, sandbox: AmazonSandbox) -> None:
        self.sandbox = sandbox
        self.http = httpx.Client(base_url=f"{sandbox.url}/_sandbox", timeout=30)

    def call(self, method: str, path: str, body: Any = None) -> Any:
        answer = self.http.request(method, f"/{path}", json=body)
        assert answer.status_code == 200, answer.text
        return answer.json()

    def advance(self, seconds: float) -> None:
        self.call("POST", "clock", {"advance": seconds})

    def switches(self, **values: Any) -> None:
        self.call("PUT", "switches", values)

    def faults(self, **values: Any) -> None:
        self.call("PUT", "faults", values)

    def stats(self) -> dict[str, Any]:
        return dict(self.call("GET", "stats"))

    def new_order(self, qty: int = 2, lines: int = 1, **extra: Any) -> dict[str, Any]:
        skus = self.call("GET", "offers")[:lines]
        body = {"lines": [{"sku": sku, "qty": qty} for sku in skus], **extra}
        return dict(self.call("POST", "orders", body))

    def order(self, order_id: str) -> dict[str, Any]:
        return dict(self.call("GET", f"orders/{order_id}"))


@pytest.fixture
def sandbox() -> Iterator[AmazonSandbox]:
    with AmazonSandbox(seed=7, products=60, orders=20) as running:  # real rate limits
        yield running


@pytest.fixture
def admin(sandbox: AmazonSandbox) -> Iterator[Admin]:
    helper = Admin(sandbox)
    yield helper
    helper.http.close()


@pytest.fixture
def clock(sandbox: AmazonSandbox) -> SandboxClock:
    return SandboxClock(sandbox)


def make_client(
    sandbox: AmazonSandbox, clock: SandboxClock, marketplaces: tuple[str, ...] = (US,)
) -> AmazonClient:
    c = sandbox.credentials
    return AmazonClient(
        LwaCredentials(c.client_id, c.client_secret, c.refresh_token),
        seller_id=c.seller_id,
        marketplaces=list(marketplaces),
        base_url=sandbox.url,
        lwa_url=sandbox.lwa_url,
        clock=clock,
        retry=RetryPolicy(attempts=3, base_delay=0.5, max_delay=2.0),
    )


@pytest.fixture
async def client(sandbox: AmazonSandbox, clock: SandboxClock) -> AsyncIterator[AmazonClient]:
    async with make_client(sandbox, clock) as running:
        yield running
