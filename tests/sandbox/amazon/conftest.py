"""Amazon sandbox fixtures: a started sandbox per test module and a raw-httpx client.

Raw httpx on purpose (as for the Walmart sandbox): the project's own Amazon client must not be
able to hide a misunderstanding of the reference that the sandbox shares.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from channelmanager_gui.sandbox.amazon import AmazonSandbox

US = "ATVPDKIKX0DER"


class AmazonClient:
    """LWA token exchange, then SP-API calls with ``x-amz-access-token``."""

    def __init__(self, sandbox: AmazonSandbox) -> None:
        self.sandbox = sandbox
        self.creds = sandbox.credentials
        self.http = httpx.Client(base_url=sandbox.url, timeout=30)
        self.token: str | None = None

    def lwa(self, **overrides: str) -> httpx.Response:
        fields = {
            "grant_type": "refresh_token",
            "refresh_token": self.creds.refresh_token,
            "client_id": self.creds.client_id,
            "client_secret": self.creds.client_secret,
            **overrides,
        }
        return self.http.post("/auth/o2/token", data=fields)

    def refresh(self) -> str:
        answer = self.lwa()
        assert answer.status_code == 200, answer.text
        self.token = answer.json()["access_token"]
        return self.token

    def call(self, method: str, path: str, token: str | None = None, **kw: Any) -> httpx.Response:
        headers = dict(kw.pop("headers", {}))
        headers.setdefault("x-amz-access-token", token or self.token or self.refresh())
        return self.http.request(method, path, headers=headers, **kw)

    def get(self, path: str, **kw: Any) -> httpx.Response:
        return self.call("GET", path, **kw)

    def admin(self, method: str, path: str, body: Any = None) -> Any:
        answer = self.http.request(method, f"/_sandbox/{path}", json=body)
        assert answer.status_code == 200, answer.text
        return answer.json()

    def advance(self, seconds: float) -> None:
        self.admin("POST", "clock", {"advance": seconds})

    def new_order(self, qty: int = 2, **extra: Any) -> dict[str, Any]:
        sku = self.admin("GET", "offers")[0]
        return dict(self.admin("POST", "orders", {"lines": [{"sku": sku, "qty": qty}], **extra}))

    def order(self, order_id: str) -> dict[str, Any]:
        return dict(self.admin("GET", f"orders/{order_id}"))


def error(answer: httpx.Response) -> dict[str, Any]:
    """The single entry of the ``errors[]`` envelope (§1.3)."""
    body = answer.json()
    assert set(body) == {"errors"} and len(body["errors"]) == 1, body
    entry: dict[str, Any] = body["errors"][0]
    assert {"code", "message"} <= set(entry)
    return entry


@pytest.fixture(scope="module")
def sandbox() -> Iterator[AmazonSandbox]:
    with AmazonSandbox(seed=5, products=120, orders=30, rate_limit_scale=0) as running:
        yield running


@pytest.fixture
def amazon(sandbox: AmazonSandbox) -> Iterator[AmazonClient]:
    client = AmazonClient(sandbox)
    yield client
    client.http.close()
