"""The listings flow: catalog refresh, stock polling, matching, price and stock push (Walmart's
``inventory`` and Amazon's ``amazon_push``, so a Commerce stock change reaches both).

Loop order matters for ``sync --once``: products and stock are read before matching, and
matching before the push, so one pass takes a change in Commerce all the way to Walmart.
"""

from __future__ import annotations

from channelmanager_gui.services.engine.amazon_listings import refresh_amazon_listings
from channelmanager_gui.services.engine.amazon_push import push_amazon
from channelmanager_gui.services.engine.amazon_push_feeds import PUSH_ACTION, AmazonPushHandler
from channelmanager_gui.services.engine.catalog import refresh_catalog
from channelmanager_gui.services.engine.context import EngineEnv, StoreContext
from channelmanager_gui.services.engine.feeds import FEED_ACTION, FeedSubmitHandler
from channelmanager_gui.services.engine.inventory import push_changes, reassert_stock
from channelmanager_gui.services.engine.matching import run_matching
from channelmanager_gui.services.engine.push import (
    INVENTORY_ACTION,
    PRICE_ACTION,
    InventoryUpdate,
    PriceUpdate,
)
from channelmanager_gui.services.engine.scheduler import LoopSpec
from channelmanager_gui.services.engine.stock import poll_stock
from channelmanager_gui.services.outbox import ActionHandler


async def _stock(env: EngineEnv, store: StoreContext) -> dict[str, int]:
    return await poll_stock(env, store)


LOOPS: list[LoopSpec] = [
    # A change found is pushed now.
    LoopSpec("catalog", refresh_catalog, wakes=("inventory", "amazon_push")),
    LoopSpec("stock", _stock, wakes=("inventory", "amazon_push")),
    LoopSpec("matching", run_matching, walmart_only=True),
    LoopSpec("inventory", push_changes, walmart_only=True),
    LoopSpec("full_stock", reassert_stock, walmart_only=True),
    # Amazon accounts (none: nothing to do): listings and tabs, then stock and price.
    LoopSpec("amazon_listings", refresh_amazon_listings, wakes=("amazon_push",)),
    LoopSpec("amazon_push", push_amazon),
]


def handlers(env: EngineEnv) -> dict[str, ActionHandler]:
    return {
        INVENTORY_ACTION: InventoryUpdate(env),
        PRICE_ACTION: PriceUpdate(env),
        FEED_ACTION: FeedSubmitHandler(env),
        PUSH_ACTION: AmazonPushHandler(env),
    }
