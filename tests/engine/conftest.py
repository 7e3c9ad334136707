"""Shared fixtures of the engine tests: one sandbox pair per module, engines built over it.

- ``sandbox_pair`` (module scope): both sandboxes on loopback, no seeded orders, no rate limits.
  Tests of one module share it, so each test asserts on the orders/SKUs it made itself. Walmart
  knows ``WALMART_PRODUCTS`` demo products, Commerce only the first ``COMMERCE_PRODUCTS``: the
  rest are SKUs "not in Commerce" (``POST /_sandbox/products/bulk`` adds them later).
- ``orderable_skus(pair)``: SKUs sold on Walmart and in stock, enabled, in Commerce.
- ``engine_db`` / ``store_id``: a fresh database (in the test's own CHANNELMANAGER_HOME) with one
  store pointing at the pair.
- ``make_engine(flows, settings=..., worker_options=...)``: an opened :class:`SyncEngine` on that
  store, with fast retries (HTTP and outbox) and no client-side request spacing; every engine
  made is closed at teardown. Call it again for a "fresh
  process" on the same database (e.g. after a simulated crash).
- ``walmart_admin`` / ``commerce_admin``: the sandboxes' ``/_sandbox/`` admin APIs.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from types import ModuleType
from typing import Any

import httpx
import pytest

from channelmanager_gui.models.db import Database, open_database
from channelmanager_gui.models.store import Store
from channelmanager_gui.sandbox.commerce import CommerceSandbox
from channelmanager_gui.sandbox.pair import SandboxPair
from channelmanager_gui.sandbox.seed import demo_catalog
from channelmanager_gui.sandbox.walmart import WalmartSandbox
from channelmanager_gui.services.engine import engine as engine_module
from channelmanager_gui.services.engine.context import (
    ClientOptions,
    MemorySecrets,
    SecretSource,
    StoreContext,
    open_store,
)
from channelmanager_gui.services.engine.engine import SyncEngine
from channelmanager_gui.services.http import RetryPolicy

SEED = 11
COMMERCE_PRODUCTS = 120
WALMART_PRODUCTS = 140
FAST_RETRY = RetryPolicy(attempts=4, base_delay=0.01, max_delay=0.05)

# Outbox retries in milliseconds instead of seconds, so fault tests drain quickly.
FAST_WORKER = {"base_delay": 0.01, "max_delay": 0.1}

# Client options of the engine tests: fast retries, no client-side spacing of Walmart calls.
FAST_OPTIONS = {
    "walmart": {"retry": FAST_RETRY, "spacing": {}},
    "commerce": {"retry": FAST_RETRY},
    "amazon": {"retry": FAST_RETRY},
}

MakeEngine = Callable[..., Awaitable[SyncEngine]]


class Admin:
    """A sandbox's admin API (never faulted, no auth), over one kept-alive connection: a new
    ``httpx`` client per call would build a TLS context each time (~0.1 s of CPU)."""

    def __init__(self, base_url: str) -> None:
        self.base_url = base_url
        self.http = httpx.Client(base_url=f"{base_url}/_sandbox", timeout=30)

    def call(self, method: str, path: str, body: Any = None) -> Any:
        response = self.http.request(method, path, json=body)
        response.raise_for_status()
        return response.json()

    def close(self) -> None:
        self.http.close()

    def get(self, path: str) -> Any:
        return self.call("GET", path)

    def post(self, path: str, body: Any = None) -> Any:
        return self.call("POST", path, body if body is not None else {})

    def put(self, path: str, body: Any) -> Any:
        return self.call("PUT", path, body)

    def faults(self, **switches: float) -> Any:
        return self.put("/faults", switches)


def start_test_pair() -> SandboxPair:
    """Both sandboxes, Walmart knowing more products than Commerce (see module docstring)."""
    commerce = CommerceSandbox(seed=SEED, products=COMMERCE_PRODUCTS).start()
    try:
        walmart = WalmartSandbox(
            seed=SEED, products=WALMART_PRODUCTS, orders=0, rate_limit_scale=0
        ).start()
    except BaseException:
        commerce.stop()
        raise
    return SandboxPair(walmart=walmart, commerce=commerce)


@pytest.fixture(scope="module")
def sandbox_pair() -> Iterator[SandboxPair]:
    pair = start_test_pair()
    try:
        yield pair
    finally:
        pair.stop()


def walmart_skus(pair: SandboxPair) -> set[str]:
    """SKUs Walmart can put in an order (the seller's active items)."""
    return {p.sku for p in pair.walmart.state._factory.products}


def orderable_skus(pair: SandboxPair, min_qty: int = 40) -> list[str]:
    """Sold on Walmart, enabled in Commerce with at least ``min_qty`` in stock."""
    on_walmart = walmart_skus(pair)
    return [
        p.sku
        for p in demo_catalog(SEED, COMMERCE_PRODUCTS)
        if p.enabled and p.qty >= min_qty and p.sku in on_walmart
    ]


def skus_not_in_commerce(pair: SandboxPair) -> list[str]:
    """Sold on Walmart, unknown to Commerce until ``/_sandbox/products/bulk`` adds them."""
    on_walmart = walmart_skus(pair)
    extra = demo_catalog(SEED, WALMART_PRODUCTS)[COMMERCE_PRODUCTS:]
    return [p.sku for p in extra if p.sku in on_walmart and p.enabled and p.qty >= 5]


def fast_open_store(
    store: Store, secrets: SecretSource, options: ClientOptions | None = None
) -> StoreContext:
    """``open_store`` with test retry delays and no client-side spacing between calls
    (``options`` of the engine, e.g. an Amazon sandbox's clock, on top)."""
    extra = options or {}
    merged = {k: {**FAST_OPTIONS.get(k, {}), **extra.get(k, {})} for k in {*FAST_OPTIONS, *extra}}
    return open_store(store, secrets, merged)


@pytest.fixture(scope="module")
def walmart_admin(sandbox_pair: SandboxPair) -> Iterator[Admin]:
    admin = Admin(sandbox_pair.walmart.url)
    yield admin
    admin.close()


@pytest.fixture(scope="module")
def commerce_admin(sandbox_pair: SandboxPair) -> Iterator[Admin]:
    admin = Admin(sandbox_pair.commerce.url)
    yield admin
    admin.close()


@pytest.fixture
def engine_db() -> Iterator[Database]:
    db = open_database()
    yield db
    db.dispose()


def pair_secrets(pair: SandboxPair, store_id: int) -> MemorySecrets:
    return MemorySecrets(
        {
            store_id: {
                "commerce_token": pair.commerce.token,
                "walmart_client_id": pair.walmart.client_id,
                "walmart_client_secret": pair.walmart.client_secret,
            }
        }
    )


@pytest.fixture
def store_id(engine_db: Database, sandbox_pair: SandboxPair) -> int:
    with engine_db.session() as session:
        store = Store(
            name="Sandbox store",
            commerce_url=sandbox_pair.commerce.url,
            commerce_store_code="default",
            walmart_url=sandbox_pair.walmart.url,
            settings={},
        )
        session.add(store)
        session.flush()
        return store.id


def set_store_settings(db: Database, store_id: int, settings: dict[str, Any]) -> None:
    with db.session() as session:
        store = session.get_one(Store, store_id)
        store.settings = {**(store.settings or {}), **settings}


@pytest.fixture
async def make_engine(
    engine_db: Database, store_id: int, sandbox_pair: SandboxPair, monkeypatch: pytest.MonkeyPatch
) -> AsyncIterator[MakeEngine]:
    monkeypatch.setattr(engine_module, "open_store", fast_open_store)
    engines: list[SyncEngine] = []

    async def make(
        flows: list[ModuleType],
        *,
        settings: dict[str, Any] | None = None,
        worker_options: dict[str, Any] | None = None,
    ) -> SyncEngine:
        if settings:
            set_store_settings(engine_db, store_id, settings)
        engine = SyncEngine(
            engine_db,
            pair_secrets(sandbox_pair, store_id),
            flows=flows,
            worker_options={**FAST_WORKER, **(worker_options or {})},
        )
        engines.append(engine)
        await engine.open()
        return engine

    yield make
    for engine in engines:
        await engine.aclose()
