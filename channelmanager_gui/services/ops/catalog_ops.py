"""Operations that call Commerce: search the catalog, import products as listings.

Each opens the store's API clients, does its work and closes them, on the caller's event
loop: the window's (qasync) through its op runner, which awaits the network without blocking
the window, or the command line's ``asyncio.run``. Reads and writes of the database inside run
in a worker thread, so the window's thread never waits on SQLite either.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncGenerator, AsyncIterator
from contextlib import aclosing, asynccontextmanager
from dataclasses import dataclass
from typing import cast

from sqlalchemy import select

from channelmanager_gui.models.account import WALMART
from channelmanager_gui.models.db import Database
from channelmanager_gui.models.listing import Listing
from channelmanager_gui.models.store import Store
from channelmanager_gui.services.changes import ChangeBus
from channelmanager_gui.services.commerce.models import Product
from channelmanager_gui.services.engine import catalog
from channelmanager_gui.services.engine.catalog import ImportResult
from channelmanager_gui.services.engine.context import EngineEnv, StoreContext, open_store
from channelmanager_gui.services.engine.progress import Progress
from channelmanager_gui.services.secret_sources import SecretSource

SEARCH_LIMIT = 200  # a search shows this many products at most: narrow it down for more


@dataclass(frozen=True)
class ProductSearch:
    """Commerce products found by a search, and which of their SKUs are already listings."""

    products: tuple[Product, ...]
    listed: frozenset[str]


@asynccontextmanager
async def store_clients(
    db: Database, secrets: SecretSource, store_id: int
) -> AsyncIterator[tuple[EngineEnv, StoreContext]]:
    """The store's open API clients for one operation, closed on the way out. The engine's
    environment holds a bus of its own: its announcements are dropped, the operation returns
    what it changed."""
    store = await asyncio.to_thread(_store, db, store_id)
    ctx = open_store(store, secrets)
    try:
        yield EngineEnv(db=db, changes=ChangeBus(), stores={store_id: ctx}), ctx
    finally:
        await ctx.aclose()


async def search_products(
    db: Database, secrets: SecretSource, store_id: int, text: str, limit: int = SEARCH_LIMIT
) -> ProductSearch:
    """Up to ``limit`` products whose name or SKU matches ``text`` (a read: no changes)."""
    found: list[Product] = []
    async with store_clients(db, secrets, store_id) as (_env, ctx):
        # Closed explicitly: a generator left to the garbage collector would close its HTTP
        # pages later, outside this task (and outside the running loop under qasync).
        # An async generator (annotated as an iterator): aclose() is there.
        products = cast(
            AsyncGenerator[Product, None],
            ctx.commerce.iter_products(search=text, page_size=100),
        )
        async with aclosing(products):
            async for product in products:
                found.append(product)
                if len(found) >= limit:
                    break
    listed = await asyncio.to_thread(_listed_skus, db, store_id, [p.sku for p in found])
    return ProductSearch(tuple(found), frozenset(listed))


async def import_products(
    db: Database,
    secrets: SecretSource,
    store_id: int,
    *,
    skus: list[str] | None = None,
    search: str | None = None,
    all: bool = False,
    progress: Progress | None = None,
) -> ImportResult:
    """Create or update listings for the chosen products (see ``catalog.import_products``);
    the result carries its changes."""
    async with store_clients(db, secrets, store_id) as (env, ctx):
        return await catalog.import_products(
            env, ctx, skus=skus, search=search, all=all, progress=progress
        )


def _store(db: Database, store_id: int) -> Store:
    with db.session() as session:
        return session.get_one(Store, store_id)


def _listed_skus(db: Database, store_id: int, skus: list[str]) -> set[str]:
    with db.session() as session:
        query = select(Listing.sku).where(
            Listing.store_id == store_id, Listing.marketplace == WALMART, Listing.sku.in_(skus)
        )
        return set(session.scalars(query))
