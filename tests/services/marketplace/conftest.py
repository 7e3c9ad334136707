"""The port's adapters against the real Walmart and Amazon sandboxes over loopback HTTP.

The Amazon client runs on the sandbox's clock (``SandboxClock`` of the client's own sandbox
tests): its waits move the sandbox's time, and a test moves it itself through the admin API
to let Amazon "apply" an accepted listing change or finish a feed.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from typing import Any

import httpx
import pytest

from channelmanager_gui.sandbox.amazon import AmazonSandbox
from channelmanager_gui.sandbox.walmart import WalmartSandbox
from channelmanager_gui.services.http import RetryPolicy
from channelmanager_gui.services.marketplace import AccountSpec, Marketplace, open_adapter
from channelmanager_gui.services.marketplace.amazon_adapter import AmazonAdapter
from channelmanager_gui.services.marketplace.walmart_adapter import WalmartAdapter
from tests.services.amazon.against_sandbox.conftest import Admin, SandboxClock

US = "ATVPDKIKX0DER"
RETRY = RetryPolicy(attempts=3, base_delay=0.5, max_delay=2.0)


@pytest.fixture
def amazon_sandbox() -> Iterator[AmazonSandbox]:
    with AmazonSandbox(seed=7, products=60, orders=20) as running:
        yield running


@pytest.fixture
def amazon_admin(amazon_sandbox: AmazonSandbox) -> Iterator[Admin]:
    helper = Admin(amazon_sandbox)
    yield helper
    helper.http.close()


@pytest.fixture
def amazon_clock(amazon_sandbox: AmazonSandbox) -> SandboxClock:
    return SandboxClock(amazon_sandbox)


def amazon_spec(sandbox: AmazonSandbox) -> AccountSpec:
    return AccountSpec(Marketplace.AMAZON, sandbox.url, account_id=2, auth_url=sandbox.lwa_url,
                       seller_id=sandbox.credentials.seller_id, marketplace_ids=(US,))  # fmt: skip


def amazon_secrets(sandbox: AmazonSandbox, **override: str) -> dict[str, str]:
    c = sandbox.credentials
    secrets = {"lwa_client_id": c.client_id, "lwa_client_secret": c.client_secret,
               "lwa_refresh_token": c.refresh_token}  # fmt: skip
    return {**secrets, **override}


@pytest.fixture
async def amazon(
    amazon_sandbox: AmazonSandbox, amazon_clock: SandboxClock
) -> AsyncIterator[AmazonAdapter]:
    port = open_adapter(amazon_spec(amazon_sandbox), amazon_secrets(amazon_sandbox).get,
                        clock=amazon_clock, retry=RETRY)  # fmt: skip
    assert isinstance(port, AmazonAdapter)
    port.poll_interval = 30.0
    yield port
    await port.aclose()


class WalmartAdmin:
    def __init__(self, sandbox: WalmartSandbox) -> None:
        self.sandbox = sandbox
        self.http = httpx.Client(base_url=f"{sandbox.url}/_sandbox", timeout=30)

    def call(self, method: str, path: str, body: Any = None) -> Any:
        answer = self.http.request(method, f"/{path}", json=body)
        assert answer.status_code == 200, answer.text
        return answer.json()

    def skus(self) -> list[str]:
        state = self.sandbox.state
        items = state.items.items
        return state.run(lambda: [s for s, i in items.items() if i.lifecycle == "ACTIVE"])

    def new_order(self, lines: list[tuple[str, int]], intent_to_cancel: bool = False) -> str:
        body = {"lines": [{"sku": s, "qty": q} for s, q in lines],
                "intentToCancel": intent_to_cancel}  # fmt: skip
        return str(self.call("POST", "orders", body)["purchaseOrderIds"][0])


@pytest.fixture
def walmart_sandbox() -> Iterator[WalmartSandbox]:
    with WalmartSandbox(seed=7, products=300, orders=10, rate_limit_scale=0,
                        feed_seconds=0) as running:  # fmt: skip
        yield running


@pytest.fixture
def walmart_admin(walmart_sandbox: WalmartSandbox) -> Iterator[WalmartAdmin]:
    helper = WalmartAdmin(walmart_sandbox)
    yield helper
    helper.http.close()


@pytest.fixture
async def walmart(walmart_sandbox: WalmartSandbox) -> AsyncIterator[WalmartAdapter]:
    secrets = {"walmart_client_id": walmart_sandbox.client_id,
               "walmart_client_secret": walmart_sandbox.client_secret}  # fmt: skip
    spec = AccountSpec(Marketplace.WALMART, walmart_sandbox.url, account_id=1)
    port = open_adapter(spec, secrets.get, spacing={}, retry=RETRY)
    assert isinstance(port, WalmartAdapter)
    yield port
    await port.aclose()
