"""Shipments made in the Commerce admin around a poll: Commerce stamps ``created_at`` to the
second, so one made in the same second as the last poll must still be found (``gteq`` and an
overlap on the watermark), and none recorded twice (de-duplicated by Commerce shipment id)."""

from __future__ import annotations

from datetime import UTC, datetime

from channelmanager_gui.models.order import OrderStatus
from channelmanager_gui.sandbox.pair import SandboxPair
from channelmanager_gui.services.engine.admin_shipments import CURSOR, detect_admin_shipments
from channelmanager_gui.services.engine.cursors import read_cursor
from channelmanager_gui.services.engine.engine import SyncEngine
from tests.engine.conftest import Admin, MakeEngine
from tests.engine.fulfilment_support import (
    FLOWS,
    action_count,
    new_order,
    order,
    skus,
    walmart_line,
    walmart_qty,
)


def admin_ship(commerce_admin: Admin, entity_id: int | None, sku: str, tracking: str) -> int:
    body = {
        "items": [{"sku": sku, "qty": 1}],
        "tracks": [{"track_number": tracking, "title": "UPS", "carrier_code": "ups"}],
    }
    shipment_id: int = commerce_admin.post(f"/orders/{entity_id}/ship", body)["shipment_id"]
    return shipment_id


async def poll(engine: SyncEngine) -> dict[str, int]:
    store = next(iter(engine.env.stores.values()))
    return await detect_admin_shipments(engine.env, store)


async def test_admin_shipments_in_the_same_second_as_a_poll(
    make_engine: MakeEngine,
    store_id: int,
    sandbox_pair: SandboxPair,
    walmart_admin: Admin,
    commerce_admin: Admin,
) -> None:
    engine = await make_engine(FLOWS)
    (a,) = skus(sandbox_pair, commerce_admin, 1, offset=40)
    order_id = await new_order(engine, walmart_admin, [(a, 3)])
    entity = order(engine.env.db, order_id).commerce_entity_id
    state = sandbox_pair.commerce.state
    moment = datetime.now(UTC)
    state.clock = lambda: moment  # every document below gets the same created_at second
    try:
        first = admin_ship(commerce_admin, entity, a, "1Z999AA10000000401")
        assert (await poll(engine))["recorded"] == 1
        with engine.env.db.session() as session:
            watermark = read_cursor(session, store_id, CURSOR)
        second = admin_ship(commerce_admin, entity, a, "1Z999AA10000000402")
        third = admin_ship(commerce_admin, entity, a, "1Z999AA10000000403")
    finally:
        state.clock = lambda: datetime.now(UTC)
    with state.lock:
        stamps = {state.shipments[i].created_at for i in (first, second, third)}
    assert len(stamps) == 1 and watermark is not None  # all made in the poll's second
    assert watermark.strftime("%Y-%m-%d %H:%M:%S") == stamps.pop()

    counts = await poll(engine)
    assert counts["recorded"] == 2 and counts["known"] == 1
    queued = action_count(engine.env.db)
    assert (await poll(engine)).get("recorded", 0) == 0  # again: nothing twice
    assert action_count(engine.env.db) == queued
    assert await engine.worker.drain(timeout=30)

    local = order(engine.env.db, order_id)
    assert sorted(s.commerce_shipment_id or 0 for s in local.shipments) == [first, second, third]
    assert local.status == OrderStatus.SHIPPED
    line = walmart_line(walmart_admin, local.marketplace_order_id, "1")
    assert walmart_qty(line, "Shipped") == 3


async def test_two_admin_shipments_with_one_tracking_number(
    make_engine: MakeEngine,
    sandbox_pair: SandboxPair,
    walmart_admin: Admin,
    commerce_admin: Admin,
) -> None:
    """Two parcels of one order under one tracking number (one box, two shipments in the
    admin): the second is another Commerce shipment, not ours seen again."""
    engine = await make_engine(FLOWS)
    a, b = skus(sandbox_pair, commerce_admin, 2, offset=41)
    order_id = await new_order(engine, walmart_admin, [(a, 1), (b, 1)])
    entity = order(engine.env.db, order_id).commerce_entity_id
    admin_ship(commerce_admin, entity, a, "1Z999AA10000000501")
    assert (await engine.run_once()).ok
    admin_ship(commerce_admin, entity, b, "1Z999AA10000000501")
    assert (await engine.run_once()).ok

    local = order(engine.env.db, order_id)
    assert len(local.shipments) == 2 and local.status == OrderStatus.SHIPPED
    for number in ("1", "2"):
        line = walmart_line(walmart_admin, local.marketplace_order_id, number)
        assert walmart_qty(line, "Shipped", "1Z999AA10000000501") == 1
