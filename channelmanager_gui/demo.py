"""Demo mode: sandbox servers plus a throwaway database with one store pointing at them (its
Walmart account and an Amazon account, both selling the demo catalog).

The demo lives in its own folder (``<data dir>/demo``), made anew at each start: the sandboxes
start from their seed every time, so yesterday's demo orders would no longer exist there. Its
credentials are the sandbox's throwaway values, kept in memory only (no keyring needed).

It composes the sandboxes and the core, so it lives outside both (``sandbox/`` and ``services/``
never import each other); the demo catalog's first import runs in the sync process
(``services/engine/demo_catalog.py``).
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

from channelmanager_gui.models.account import AMAZON, MarketplaceAccount
from channelmanager_gui.models.db import Database, open_database
from channelmanager_gui.models.store import Store
from channelmanager_gui.paths import data_dir, private_dir
from channelmanager_gui.sandbox.pair import SandboxPair, start_pair
from channelmanager_gui.services.secret_sources import MemorySecrets

DEMO_STORE = "Demo store"
DEMO_AMAZON_ACCOUNT = "Amazon US"
US_MARKETPLACE = "ATVPDKIKX0DER"  # Amazon.com
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
    # The Amazon sandbox starts too: the demo store sells the same catalog on Amazon, through
    # its "Amazon US" account, and both sandboxes stream new orders.
    pair = start_pair(
        seed=seed, order_stream_seconds=order_every, rate_limit_scale=0, with_amazon=True
    )
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
            store.accounts.append(_amazon_account(pair))
            session.add(store)
            session.flush()
            store_id = store.id
            amazon_id = store.accounts[-1].id
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
        },
        {amazon_id: _amazon_secrets(pair)},
    )
    return DemoEnvironment(pair=pair, db=db, secrets=secrets, store_id=store_id)


def _amazon_account(pair: SandboxPair) -> MarketplaceAccount:
    """The demo store's Amazon account on the Amazon sandbox (its ``AMAZON_*`` values)."""
    amazon = pair.amazon
    assert amazon is not None
    return MarketplaceAccount(
        marketplace=AMAZON,
        name=DEMO_AMAZON_ACCOUNT,
        api_url=amazon.url,
        auth_url=amazon.lwa_url,
        seller_id=amazon.credentials.seller_id,
        marketplace_ids=[US_MARKETPLACE],
        settings={},
    )


def _amazon_secrets(pair: SandboxPair) -> dict[str, str]:
    assert pair.amazon is not None
    c = pair.amazon.credentials
    return {"lwa_client_id": c.client_id, "lwa_client_secret": c.client_secret,
            "lwa_refresh_token": c.refresh_token}  # fmt: skip
