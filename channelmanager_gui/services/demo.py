"""Demo mode: sandbox servers plus a throwaway database with one store pointing at them.

The demo lives in its own folder (``<data dir>/demo``), made anew at each start: the sandboxes
start from their seed every time, so yesterday's demo orders would no longer exist there. Its
credentials are the sandbox's throwaway values, kept in memory only (no keyring needed).
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

from channelmanager_gui.models.db import Database, open_database
from channelmanager_gui.models.store import Store
from channelmanager_gui.paths import data_dir, private_dir
from channelmanager_gui.sandbox.pair import SandboxPair, start_pair
from channelmanager_gui.services.engine.catalog import import_products
from channelmanager_gui.services.engine.context import MemorySecrets
from channelmanager_gui.services.engine.engine import SyncEngine
from channelmanager_gui.services.engine.matching import request_match

DEMO_STORE = "Demo store"
DEMO_LATE_EVERY = 7  # every 7th streamed order is released late...
DEMO_LATE_HOURS = 6.0  # ...6 hours after its orderDate


@dataclass
class DemoEnvironment:
    pair: SandboxPair
    db: Database
    secrets: MemorySecrets
    store_id: int

    def close(self) -> None:
        """Dispose the database, then stop the servers (after the engine has stopped)."""
        self.db.dispose()
        self.pair.stop()


def demo_dir() -> Path:
    return data_dir() / "demo"


def start_demo(seed: int = 1, order_every: float | None = 30.0) -> DemoEnvironment:
    """Start the sandboxes and a fresh demo database with the demo store."""
    folder = demo_dir()
    shutil.rmtree(folder, ignore_errors=True)
    private_dir(folder)  # buyers of the demo are made up, but the folder is treated alike
    pair = start_pair(seed=seed, order_stream_seconds=order_every, rate_limit_scale=0)
    # A few streamed orders come in the way Walmart releases some after payment and fraud
    # review: already hours old, older than the last import window.
    pair.walmart.state.set_late_release(every=DEMO_LATE_EVERY, hours=DEMO_LATE_HOURS)
    try:
        db = open_database(folder / "channelmanager.sqlite3")
        with db.session() as session:
            store = Store(
                name=DEMO_STORE,
                commerce_url=pair.commerce.url,
                commerce_store_code="default",
                walmart_url=pair.walmart.url,
                settings={},
                is_demo=True,
            )
            session.add(store)
            session.flush()
            store_id = store.id
    except BaseException:
        pair.stop()
        raise
    secrets = MemorySecrets(
        {
            store_id: {
                "commerce_token": pair.commerce.token,
                "walmart_client_id": pair.walmart.client_id,
                "walmart_client_secret": pair.walmart.client_secret,
            }
        }
    )
    return DemoEnvironment(pair=pair, db=db, secrets=secrets, store_id=store_id)


async def bootstrap_demo(engine: SyncEngine, store_id: int) -> str:
    """Give the demo something to show: import the whole demo catalog and send every listing
    with an identifier for matching. Runs once, after the engine has opened the store."""
    store = engine.env.store(store_id)
    result = await import_products(engine.env, store, all=True)
    request_match(engine.env.db, store_id, result.listing_ids)
    engine.env.changes.publish(result.changes)
    engine.scheduler.sync_now("matching")
    return result.summary()
