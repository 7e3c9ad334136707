"""The Amazon side of a chaos or crash run: an Amazon account on the run's store, the Amazon
sandbox's clock for its client and the engine, and the buyers' Amazon orders.

Amazon's order search must end at least two minutes ago (reference §2.2), so an order is seen
two minutes after it is made: the run's Amazon client and the engine read the Amazon
sandbox's clock (``SandboxTime``), whose waits move that clock, and the buyers' orders are made
that much "earlier" by moving the clock on once they exist. Feeds finish at once
(``feedSeconds`` 0): a cancellation's outcome is read on the next look.
"""

from __future__ import annotations

import asyncio
import random
from datetime import UTC, datetime
from typing import Any

import httpx

from channelmanager_gui.models.account import AMAZON, MarketplaceAccount
from channelmanager_gui.models.db import Database
from channelmanager_gui.sandbox.amazon import AmazonSandbox

US = "ATVPDKIKX0DER"
# Past the two minutes (§2.2) and the adapter's margin, and the account's spacing between
# order searches (Capabilities.orders_poll_seconds: 360 s).
SEARCH_LAG = 250.0


class SandboxTime:
    """The ``services.http`` Clock over the Amazon sandbox's clock; waiting moves it on."""

    def __init__(self, sandbox: AmazonSandbox) -> None:
        self._clock = sandbox.state.clock

    def now(self) -> float:
        return self._clock.now()

    def wall(self) -> float:
        return self._clock.now()

    async def sleep(self, seconds: float) -> None:
        if seconds > 0:
            self._clock.advance(seconds)
        await asyncio.sleep(0)

    def utcnow(self) -> datetime:
        return datetime.fromtimestamp(self._clock.now(), UTC)


def add_amazon_account(db: Database, store_id: int, sandbox: AmazonSandbox) -> int:
    with db.session() as session:
        account = MarketplaceAccount(
            store_id=store_id, marketplace=AMAZON, name="Amazon US", api_url=sandbox.url,
            auth_url=sandbox.lwa_url, seller_id=sandbox.credentials.seller_id,
            marketplace_ids=[US], settings={},
        )  # fmt: skip
        session.add(account)
        session.flush()
        return account.id


def amazon_secrets(sandbox: AmazonSandbox) -> dict[str, str]:
    c = sandbox.credentials
    return {"lwa_client_id": c.client_id, "lwa_client_secret": c.client_secret,
            "lwa_refresh_token": c.refresh_token}  # fmt: skip


def admin(sandbox: AmazonSandbox, method: str, path: str, body: Any = None) -> Any:
    with httpx.Client(base_url=f"{sandbox.url}/_sandbox", timeout=60) as client:
        answer = client.request(method, path, json=body)
        answer.raise_for_status()
        return answer.json()


def make_amazon_orders(
    sandbox: AmazonSandbox, skus: list[str], count: int, rng: random.Random
) -> list[str]:
    """``count`` Unshipped merchant-fulfilled orders of 1–2 lines of 1–3 units, of SKUs that
    Amazon sells and Commerce has; then the clock moves past the search lag."""
    offers = set(admin(sandbox, "GET", "/offers"))
    sellable = [sku for sku in skus if sku in offers]
    admin(sandbox, "PUT", "/switches", {"feedSeconds": 0})
    ids = []
    for _ in range(count if sellable else 0):
        picked = rng.sample(sellable, min(len(sellable), rng.randint(1, 2)))
        lines = [{"sku": sku, "qty": rng.randint(1, 3)} for sku in picked]
        ids.append(str(admin(sandbox, "POST", "/orders", {"lines": lines})["orderId"]))
    admin(sandbox, "POST", "/clock", {"advance": SEARCH_LAG})
    return ids


def amazon_orders(sandbox: AmazonSandbox, order_ids: list[str]) -> dict[str, Any]:
    """The sandbox's view of each order (admin API: items' shipped/canceled, packages)."""
    with httpx.Client(base_url=f"{sandbox.url}/_sandbox", timeout=60) as client:
        out = {}
        for order_id in order_ids:
            answer = client.get(f"/orders/{order_id}")
            answer.raise_for_status()
            out[order_id] = answer.json()
        return out
