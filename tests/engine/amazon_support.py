"""An Amazon account next to the engine tests' sandbox pair: the Amazon sandbox (module scope,
no rate limits, same seed as the Commerce catalog, so Amazon sells Commerce's SKUs), an account
row on the test store, and engines whose clock is the Amazon sandbox's (its orders and the
"two minutes ago" search bound move on that clock, reference §2.2).
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from types import ModuleType
from typing import Any

import pytest
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from channelmanager_gui.models.account import AMAZON, MarketplaceAccount
from channelmanager_gui.models.db import Database
from channelmanager_gui.models.order import Order
from channelmanager_gui.sandbox.amazon import AmazonSandbox
from channelmanager_gui.sandbox.pair import SandboxPair
from channelmanager_gui.services.engine import engine as engine_module
from channelmanager_gui.services.engine.context import MemorySecrets
from channelmanager_gui.services.engine.engine import SyncEngine
from tests.engine.conftest import COMMERCE_PRODUCTS, FAST_RETRY, FAST_WORKER, SEED, fast_open_store
from tests.services.amazon.against_sandbox.conftest import Admin as AmazonAdmin
from tests.services.amazon.against_sandbox.conftest import SandboxClock

US = "ATVPDKIKX0DER"
# Past Amazon's "at least two minutes old" search bound (§2.2) and the adapter's margin, and
# past the account's spacing between order searches (orders_poll_seconds, 360 s).
SEARCH_LAG = 370.0


@pytest.fixture(scope="module")
def amazon_sandbox() -> Iterator[AmazonSandbox]:
    with AmazonSandbox(seed=SEED, products=COMMERCE_PRODUCTS, orders=0, rate_limit_scale=0,
                       pending_seconds=600, job_seconds=1) as running:  # fmt: skip
        yield running


@pytest.fixture(scope="module")
def amazon_admin(amazon_sandbox: AmazonSandbox) -> Iterator[AmazonAdmin]:
    helper = AmazonAdmin(amazon_sandbox)
    yield helper
    helper.http.close()


def add_amazon_account(
    db: Database, store_id: int, sandbox: AmazonSandbox, settings: dict[str, Any] | None = None
) -> int:
    with db.session() as session:
        account = MarketplaceAccount(
            store_id=store_id, marketplace=AMAZON, name="Amazon US", api_url=sandbox.url,
            auth_url=sandbox.lwa_url, seller_id=sandbox.credentials.seller_id,
            marketplace_ids=[US], settings=settings or {},
        )  # fmt: skip
        session.add(account)
        session.flush()
        return account.id


def secrets_for(
    pair: SandboxPair, sandbox: AmazonSandbox, store_id: int, account_id: int
) -> MemorySecrets:
    c = sandbox.credentials
    store = {"commerce_token": pair.commerce.token, "walmart_client_id": pair.walmart.client_id,
             "walmart_client_secret": pair.walmart.client_secret}  # fmt: skip
    amazon = {"lwa_client_id": c.client_id, "lwa_client_secret": c.client_secret,
              "lwa_refresh_token": c.refresh_token}  # fmt: skip
    return MemorySecrets({store_id: store}, {account_id: amazon})


async def open_engine(
    db: Database,
    secrets: MemorySecrets,
    sandbox: AmazonSandbox,
    flows: list[ModuleType],
    monkeypatch: pytest.MonkeyPatch,
) -> SyncEngine:
    """An opened engine on the Amazon sandbox's clock (the caller closes it)."""
    monkeypatch.setattr(engine_module, "open_store", fast_open_store)
    clock = SandboxClock(sandbox)
    options = {"amazon": {"clock": clock, "retry": FAST_RETRY}}
    engine = SyncEngine(db, secrets, flows=flows, worker_options=FAST_WORKER,
                        client_options=options)  # fmt: skip
    engine.env.clock = lambda: datetime.fromtimestamp(sandbox.state.clock.now(), UTC)
    await engine.open()
    return engine


def amazon_skus(admin: AmazonAdmin, orderable: list[str]) -> list[str]:
    """Merchant-fulfilled Amazon offers that Commerce has in stock."""
    offers = set(admin.call("GET", "offers"))
    return [sku for sku in orderable if sku in offers]


def new_amazon_order(
    admin: AmazonAdmin, lines: list[tuple[str, int]], *, channel: str = "MFN",
    pending: bool = False,
) -> tuple[str, list[str]]:  # fmt: skip
    body = {"lines": [{"sku": s, "qty": q} for s, q in lines], "channel": channel,
            "pending": pending}  # fmt: skip
    made = admin.call("POST", "orders", body)
    return str(made["orderId"]), [str(i) for i in made["orderItemIds"]]


def local_order(db: Database, order_id: str) -> Order | None:
    with db.session() as session:
        query = (select(Order).where(Order.marketplace_order_id == order_id)
                 .options(selectinload(Order.lines), selectinload(Order.shipments)))  # fmt: skip
        return session.scalars(query).one_or_none()


@pytest.fixture
def amazon_secrets(
    engine_db: Database, store_id: int, sandbox_pair: SandboxPair, amazon_sandbox: AmazonSandbox
) -> tuple[int, MemorySecrets]:
    """An Amazon account on the test store (next to its Walmart one) and everyone's secrets."""
    account_id = add_amazon_account(engine_db, store_id, amazon_sandbox)
    return account_id, secrets_for(sandbox_pair, amazon_sandbox, store_id, account_id)
