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
            per_marketplace = dict(
                session.execute(
                    select(Listing.marketplace, func.count()).group_by(Listing.marketplace)
                ).all()
            )
        # The whole demo catalog, sold on both marketplaces (the demo store's two accounts).
        assert per_marketplace == {"walmart": 300, "amazon": 300}, summary
        assert states[ListingState.PENDING_MATCH] > 200
        assert states[ListingState.INCOMPLETE] > 0  # missing or wrong-check-digit identifiers
    finally:
        await engine.aclose()
        demo.close()


async def test_demo_orders_arrive_on_both_marketplaces() -> None:
    """The demo store's Amazon account opens next to Walmart; one orders pass imports the
    sandboxes' orders of both marketplaces."""
    from sqlalchemy import func, select

    from channelmanager_gui.models.order import Order
    from channelmanager_gui.services.engine import orders_flow
    from channelmanager_gui.services.engine.engine import SyncEngine

    demo = start_demo(order_every=None)
    engine = SyncEngine(demo.db, demo.secrets, flows=[orders_flow])
    try:
        await engine.open()
        assert {a.marketplace for a in engine.env.stores[demo.store_id].accounts.values()} == {
            "walmart",
            "amazon",
        }
        assert await engine.scheduler.run_all_once() == []
        with demo.db.session() as session:
            counts = dict(
                session.execute(
                    select(Order.marketplace, func.count()).group_by(Order.marketplace)
                ).all()
            )
        assert counts.get("walmart", 0) > 0 and counts.get("amazon", 0) > 0, counts
    finally:
        await engine.aclose()
        demo.close()


def test_the_amazon_sandbox_streams_orders() -> None:
    import time

    from channelmanager_gui.sandbox.amazon import AmazonSandbox

    with AmazonSandbox(seed=3, products=40, orders=0, order_stream_seconds=0.05) as sandbox:
        deadline = time.monotonic() + 5
        while not sandbox.state.orders.all() and time.monotonic() < deadline:
            time.sleep(0.05)
        assert sandbox.state.orders.all()
