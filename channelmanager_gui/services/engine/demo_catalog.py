"""The demo store's first fill, run by the sync process once it has opened the demo store.

Apart from the demo's start-up (``channelmanager_gui/demo.py``, which starts the sandboxes and
so lives outside ``services/``): this part only uses the engine, and runs in the engine's
process (``services/engine_child.py``), whose clients the import needs.
"""

from __future__ import annotations

from channelmanager_gui.services.engine.catalog import import_products
from channelmanager_gui.services.engine.engine import SyncEngine
from channelmanager_gui.services.engine.matching import request_match


async def bootstrap_demo(engine: SyncEngine, store_id: int) -> str:
    """Give the demo something to show: import the whole demo catalog and send every listing
    with an identifier for matching. Runs once, after the engine has opened the store."""
    store = engine.env.store(store_id)
    result = await import_products(engine.env, store, all=True)
    request_match(engine.env.db, store_id, result.listing_ids)
    engine.env.changes.publish(result.changes)
    engine.scheduler.sync_now("matching")
    return result.summary()
