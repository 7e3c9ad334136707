"""Fixtures and helpers of the Amazon listings/push/returns engine tests.

The store of ``store_id`` (Commerce + Walmart sandbox pair, seed 11) gets an Amazon account on
its own Amazon sandbox (same seed and catalog: the first ``COMMERCE_PRODUCTS`` demo products;
real HTTP, no rate limits). The account's client runs on the sandbox's clock
(``SandboxClock``): its waits (report and feed polling) move the sandbox's time, and a test
moves it itself to let Amazon apply an accepted change (``listing_seconds``).
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from types import ModuleType
from typing import Any

import pytest
from sqlalchemy import select

from channelmanager_gui.models.account import MarketplaceAccount
from channelmanager_gui.models.db import Database
from channelmanager_gui.models.listing import Listing
from channelmanager_gui.sandbox.amazon import AmazonSandbox
from channelmanager_gui.sandbox.pair import SandboxPair
from channelmanager_gui.services.engine import engine as engine_module
from channelmanager_gui.services.engine.context import MemorySecrets
from channelmanager_gui.services.engine.engine import SyncEngine
from tests.engine.conftest import COMMERCE_PRODUCTS, FAST_WORKER, SEED, fast_open_store
from tests.services.amazon.against_sandbox.conftest import Admin as AmazonAdmin
from tests.services.amazon.against_sandbox.conftest import SandboxClock

US = "ATVPDKIKX0DER"
MakeAmazonEngine = Callable[..., Awaitable[SyncEngine]]


@pytest.fixture
def amazon_sandbox() -> Iterator[AmazonSandbox]:
    with AmazonSandbox(seed=SEED, products=COMMERCE_PRODUCTS, orders=0,
                       rate_limit_scale=0) as running:  # fmt: skip
        yield running


@pytest.fixture
def amazon_admin(amazon_sandbox: AmazonSandbox) -> Iterator[AmazonAdmin]:
    helper = AmazonAdmin(amazon_sandbox)
    yield helper
    helper.http.close()


def add_amazon_account(db: Database, store_id: int, sandbox: AmazonSandbox, **settings: Any) -> int:
    with db.session() as session:
        account = MarketplaceAccount(
            store_id=store_id, marketplace="amazon", name="Amazon US", api_url=sandbox.url,
            auth_url=sandbox.lwa_url, seller_id=sandbox.credentials.seller_id,
            marketplace_ids=[US], settings=settings, enabled=True,
        )  # fmt: skip
        session.add(account)
        session.flush()
        return account.id


@pytest.fixture
async def make_amazon_engine(
    engine_db: Database, store_id: int, sandbox_pair: SandboxPair,
    amazon_sandbox: AmazonSandbox, monkeypatch: pytest.MonkeyPatch,
) -> AsyncIterator[MakeAmazonEngine]:  # fmt: skip
    """``make(flows, account_settings=…)``: an opened engine whose store also has the Amazon
    account (made once; a second call is a "fresh process" on the same database)."""
    monkeypatch.setattr(engine_module, "open_store", fast_open_store)
    engines: list[SyncEngine] = []
    account: list[int] = []

    async def make(flows: list[ModuleType], **account_settings: Any) -> SyncEngine:
        if not account:
            account.append(add_amazon_account(engine_db, store_id, amazon_sandbox,
                                              **account_settings))  # fmt: skip
        c = amazon_sandbox.credentials
        secrets = MemorySecrets(
            {store_id: {"commerce_token": sandbox_pair.commerce.token,
                        "walmart_client_id": sandbox_pair.walmart.client_id,
                        "walmart_client_secret": sandbox_pair.walmart.client_secret}},
            {account[0]: {"lwa_client_id": c.client_id, "lwa_client_secret": c.client_secret,
                          "lwa_refresh_token": c.refresh_token}},
        )  # fmt: skip
        options = {"amazon": {"clock": SandboxClock(amazon_sandbox)}}
        engine = SyncEngine(engine_db, secrets, flows=flows, worker_options=FAST_WORKER,
                            client_options=options)  # fmt: skip
        engines.append(engine)
        await engine.open()
        return engine

    yield make
    for engine in engines:
        await engine.aclose()


def amazon_row(db: Database, sku: str) -> Listing:
    with db.session() as session:
        query = select(Listing).where(Listing.sku == sku, Listing.marketplace == "amazon")
        return session.scalars(query).one()


def walmart_row(db: Database, sku: str) -> Listing:
    with db.session() as session:
        query = select(Listing).where(Listing.sku == sku, Listing.marketplace == "walmart")
        return session.scalars(query).one()


def amazon_rows(db: Database) -> list[Listing]:
    with db.session() as session:
        query = select(Listing).where(Listing.marketplace == "amazon").order_by(Listing.sku)
        return list(session.scalars(query))


def account_id(engine: SyncEngine) -> int:
    store = next(iter(engine.env.stores.values()))
    return next(a.id for a in store.accounts.values() if a.marketplace == "amazon")
