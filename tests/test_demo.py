"""Demo mode: a fresh demo database pointing at running sandboxes, secrets in memory only."""

from __future__ import annotations

import httpx

from channelmanager_gui.demo import DEMO_STORE, demo_dir, start_demo
from channelmanager_gui.models.store import Store
from tests.memory_keyring import MemoryKeyring


def test_demo_starts_sandboxes_and_a_fresh_store(memory_keyring: MemoryKeyring) -> None:
    stale = demo_dir()
    stale.mkdir(parents=True)
    (stale / "leftover.txt").write_text("yesterday")
    demo = start_demo(order_every=None)
    try:
        assert not (demo_dir() / "leftover.txt").exists()
        with demo.db.session() as session:
            store = session.query(Store).one()
        assert store.name == DEMO_STORE and store.is_demo
        assert store.walmart_url == demo.pair.walmart.url
        answer = httpx.get(
            f"{store.commerce_url}/rest/V1/products/CM-00003",
            headers={"Authorization": f"Bearer {demo.secrets.secret(store, 'commerce_token')}"},
        )
        assert answer.status_code == 200 and answer.json()["sku"] == "CM-00003"
        assert memory_keyring.secrets == {}  # demo credentials never reach the keyring
    finally:
        demo.close()


async def test_bootstrap_imports_the_catalog_and_queues_matching() -> None:
    from sqlalchemy import func, select

    from channelmanager_gui.models.listing import Listing, ListingState
    from channelmanager_gui.services.engine.demo_catalog import bootstrap_demo
    from channelmanager_gui.services.engine.engine import SyncEngine

    demo = start_demo(order_every=None)
    engine = SyncEngine(demo.db, demo.secrets)
    try:
        await engine.open()
        summary = await bootstrap_demo(engine, demo.store_id)
        with demo.db.session() as session:
            states = dict(
                session.execute(select(Listing.state, func.count()).group_by(Listing.state)).all()
            )
        assert sum(states.values()) == 300, summary  # the whole demo catalog
        assert states[ListingState.PENDING_MATCH] > 200
        assert states[ListingState.INCOMPLETE] > 0  # missing or wrong-check-digit identifiers
    finally:
        await engine.aclose()
        demo.close()
