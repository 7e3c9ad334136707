"""Shared fixtures of the engine tests: one sandbox pair per module, engines built over it.

- ``sandbox_pair`` (module scope): both sandboxes on loopback, no seeded orders, no rate limits.
  Tests of one module share it, so each test asserts on the orders/SKUs it made itself.
- ``engine_db`` / ``store_id``: a fresh database (in the test's own CHANNELMANAGER_HOME) with one
  store pointing at the pair.
- ``make_engine(flows, settings=..., worker_options=...)``: an opened :class:`SyncEngine` on that
  store, with fast retries; every engine made is closed at teardown. Call it again for a "fresh
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
from channelmanager_gui.sandbox.pair import SandboxPair, start_pair
from channelmanager_gui.services.engine.context import MemorySecrets
from channelmanager_gui.services.engine.engine import SyncEngine

# Outbox retries in milliseconds instead of seconds, so fault tests drain quickly.
FAST_WORKER = {"base_delay": 0.01, "max_delay": 0.1}

MakeEngine = Callable[..., Awaitable[SyncEngine]]


class Admin:
    """A sandbox's admin API (never faulted, no auth)."""

    def __init__(self, base_url: str) -> None:
        self.base_url = base_url

    def call(self, method: str, path: str, body: Any = None) -> Any:
        response = httpx.request(method, f"{self.base_url}/_sandbox{path}", json=body, timeout=30)
        response.raise_for_status()
        return response.json()

    def get(self, path: str) -> Any:
        return self.call("GET", path)

    def post(self, path: str, body: Any = None) -> Any:
        return self.call("POST", path, body if body is not None else {})

    def put(self, path: str, body: Any) -> Any:
        return self.call("PUT", path, body)

    def faults(self, **switches: float) -> Any:
        return self.put("/faults", switches)


@pytest.fixture(scope="module")
def sandbox_pair() -> Iterator[SandboxPair]:
    pair = start_pair(seed=11, products=120, orders=0, rate_limit_scale=0)
    try:
        yield pair
    finally:
        pair.stop()


@pytest.fixture
def walmart_admin(sandbox_pair: SandboxPair) -> Admin:
    return Admin(sandbox_pair.walmart.url)


@pytest.fixture
def commerce_admin(sandbox_pair: SandboxPair) -> Admin:
    return Admin(sandbox_pair.commerce.url)


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
    engine_db: Database, store_id: int, sandbox_pair: SandboxPair
) -> AsyncIterator[MakeEngine]:
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
