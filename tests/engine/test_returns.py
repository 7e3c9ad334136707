"""Returns end to end: a Walmart return mirrored into Commerce (RMA on Adobe Commerce, a note
for an offline credit memo on Open Source), refunded on Walmart once Commerce shows the credit
memo, and a worker killed right after the Walmart refund call."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
from sqlalchemy import select

from channelmanager_gui.models.db import Database
from channelmanager_gui.models.order import OrderStatus, Return
from channelmanager_gui.models.store import Store
from channelmanager_gui.sandbox.commerce import CommerceSandbox
from channelmanager_gui.sandbox.pair import SandboxPair
from channelmanager_gui.services import activity, ops
from channelmanager_gui.services.engine import fulfilment
from channelmanager_gui.services.engine.engine import SyncEngine
from channelmanager_gui.services.engine.returns_flow import COMMERCE_RETURN, WALMART_REFUND
from channelmanager_gui.services.ops import validation as v
from channelmanager_gui.services.ops.return_writes import refund_blocker
from channelmanager_gui.services.walmart.order_requests import ShipLine
from tests.engine.conftest import COMMERCE_PRODUCTS, SEED, Admin, MakeEngine, orderable_skus
from tests.engine.fulfilment_support import (
    FLOWS,
    CrashAfterSend,
    SimulatedCrash,
    new_order,
    order,
    skus,
)


async def shipped_order(
    engine: SyncEngine, walmart_admin: Admin, sku: str, qty: int, tracking: str
) -> int:
    order_id = await new_order(engine, walmart_admin, [(sku, qty)])
    request = v.validate_shipment(
        order(engine.env.db, order_id), "FedEx", None, None, tracking, None, None, {"1": qty}
    )
    ops.ship(engine.env.db, order_id, request)
    assert (await engine.run_once()).ok
    return order_id


def the_return(db: Database, order_id: int) -> Return:
    with db.session() as session:
        found = session.scalar(select(Return).where(Return.order_id == order_id))
        assert found is not None
        return found


async def walmart_refunded(engine: SyncEngine, return_order_id: str) -> int:
    client = next(iter(engine.env.stores.values())).walmart
    async for remote in client.iter_returns(return_order_id=return_order_id):
        return sum(line.refunded_quantity or 0 for line in remote.lines)
    raise AssertionError("return not found on Walmart")


async def returned_on_walmart(
    engine: SyncEngine, walmart_admin: Admin, sku: str, tracking: str
) -> tuple[str, str]:
    """An order made, shipped and returned on Walmart alone (the engine has not seen it):
    its purchase order id and the return's id."""
    po = walmart_admin.post("/orders", {"lines": [{"sku": sku, "qty": 1}]})["purchaseOrderIds"][0]
    walmart = next(iter(engine.env.stores.values())).walmart
    line = ShipLine("1", 1, tracking, datetime.now(UTC), carrier="UPS", seller_order_id=po)
    await walmart.ship_lines(po, [line])
    made = walmart_admin.post("/returns", {"purchaseOrderId": po, "lineNumber": 1, "quantity": 1})
    return po, made["returnOrderId"]


async def test_return_refunded_end_to_end(
    make_engine: MakeEngine,
    sandbox_pair: SandboxPair,
    walmart_admin: Admin,
    commerce_admin: Admin,
) -> None:
    engine = await make_engine(FLOWS)
    (a,) = skus(sandbox_pair, commerce_admin, 1, offset=20)
    order_id = await shipped_order(engine, walmart_admin, a, 2, "7700000000000001")
    local = order(engine.env.db, order_id)
    made = walmart_admin.post(
        "/returns", {"purchaseOrderId": local.marketplace_order_id, "lineNumber": 1, "quantity": 1}
    )
    assert (await engine.run_once()).ok

    ret = the_return(engine.env.db, order_id)
    assert ret.return_order_id == made["returnOrderId"] and ret.commerce_rma_id is not None
    assert order(engine.env.db, order_id).status == OrderStatus.RETURN_REQUESTED
    assert ret.id in {r.id for r in ops.list_returns(engine.env.db, open_only=True)}
    with sandbox_pair.commerce.state.lock:
        rma = sandbox_pair.commerce.state.rmas[ret.commerce_rma_id]
        assert rma.order_id == local.commerce_entity_id
        placed = sandbox_pair.commerce.state.orders[rma.order_id]
        assert (rma.store_id, rma.order_increment_id) == (placed.store_id, placed.increment_id)
        # option ids read from /V1/returnsAttributeMetadata: "Unopened", "Refund"
        assert (rma.items[0]["condition"], rma.items[0]["resolution"]) == ("7", "5")

    assert (await engine.run_once()).ok  # nothing new: no second RMA, no refund yet
    assert await walmart_refunded(engine, ret.return_order_id) == 0
    commerce_admin.post(
        f"/orders/{local.commerce_entity_id}/refund",
        {"items": [{"sku": a, "qty": 1}], "return_to_stock": True},
    )
    assert (await engine.run_once()).ok

    assert await walmart_refunded(engine, ret.return_order_id) == 1
    ret = the_return(engine.env.db, order_id)
    assert ret.marketplace_refunded_at is not None and ret.commerce_creditmemo_id is not None
    local = order(engine.env.db, order_id)
    assert local.status == OrderStatus.REFUNDED and local.lines[0].qty_refunded == 1
    assert ret.id not in {r.id for r in ops.list_returns(engine.env.db, open_only=True)}
    with engine.env.db.session() as session:
        events = [e.event for e in activity.timeline(session, "order", order_id)]
    assert {"return_imported", COMMERCE_RETURN, "creditmemo_seen", WALMART_REFUND} <= set(events)
    assert (await engine.run_once()).ok
    with sandbox_pair.commerce.state.lock:
        rmas = sandbox_pair.commerce.state.rmas.values()
        assert sum(r.order_id == local.commerce_entity_id for r in rmas) == 1


async def test_killed_after_walmart_refund_refunds_once(
    make_engine: MakeEngine,
    sandbox_pair: SandboxPair,
    walmart_admin: Admin,
    commerce_admin: Admin,
) -> None:
    engine = await make_engine(FLOWS)
    (a,) = skus(sandbox_pair, commerce_admin, 1, offset=21)
    order_id = await shipped_order(engine, walmart_admin, a, 1, "7700000000000002")
    local = order(engine.env.db, order_id)
    walmart_admin.post(
        "/returns", {"purchaseOrderId": local.marketplace_order_id, "lineNumber": 1, "quantity": 1}
    )
    assert (await engine.run_once()).ok
    commerce_admin.post(
        f"/orders/{local.commerce_entity_id}/refund", {"items": [{"sku": a, "qty": 1}]}
    )
    engine.worker.handlers = {
        **engine.worker.handlers,
        WALMART_REFUND: CrashAfterSend(engine.worker.handlers[WALMART_REFUND]),
    }
    await engine.scheduler.run_all_once()
    with pytest.raises(SimulatedCrash):
        await engine.worker.drain(timeout=30)
    await engine.aclose()

    restarted = await make_engine(FLOWS, worker_options={"lease_seconds": 0})
    assert await restarted.worker.drain(timeout=30)
    ret = the_return(restarted.env.db, order_id)
    assert ret.marketplace_refunded_at is not None and ret.error is None
    assert await walmart_refunded(restarted, ret.return_order_id) == 1
    assert order(restarted.env.db, order_id).status == OrderStatus.REFUNDED


@pytest.fixture
def open_source(sandbox_pair: SandboxPair) -> Iterator[CommerceSandbox]:
    """A Magento Open Source store (no returns module) with the same catalog and token."""
    sandbox = CommerceSandbox(seed=SEED, products=COMMERCE_PRODUCTS, flavour="opensource").start()
    yield sandbox
    sandbox.stop()


async def test_open_source_store_waits_for_an_offline_credit_memo(
    make_engine: MakeEngine,
    engine_db: Database,
    store_id: int,
    sandbox_pair: SandboxPair,
    open_source: CommerceSandbox,
    walmart_admin: Admin,
) -> None:
    with engine_db.session() as session:
        session.get_one(Store, store_id).commerce_url = open_source.url
    engine = await make_engine(FLOWS)
    sku = orderable_skus(sandbox_pair)[22]
    Admin(open_source.url).put(f"/products/{sku}", {"qty": 50})
    order_id = await shipped_order(engine, walmart_admin, sku, 1, "7700000000000003")
    local = order(engine_db, order_id)
    walmart_admin.post(
        "/returns", {"purchaseOrderId": local.marketplace_order_id, "lineNumber": 1, "quantity": 1}
    )
    assert (await engine.run_once()).ok
    ret = the_return(engine_db, order_id)
    assert ret.commerce_rma_id is None
    assert order(engine_db, order_id).status == OrderStatus.RETURN_REQUESTED
    with engine_db.session() as session:
        messages = [e.message for e in activity.timeline(session, "order", order_id)]
    assert any("offline credit memo" in m for m in messages)

    Admin(open_source.url).post(f"/orders/{local.commerce_entity_id}/refund", {})
    assert (await engine.run_once()).ok
    assert order(engine_db, order_id).status == OrderStatus.REFUNDED
    assert await walmart_refunded(engine, ret.return_order_id) == 1


async def test_return_for_an_unknown_order_is_recorded_with_a_reason(
    make_engine: MakeEngine,
    sandbox_pair: SandboxPair,
    walmart_admin: Admin,
) -> None:
    """A return of an order this app never imported (e.g. sold before it was installed)."""
    engine = await make_engine([fulfilment])
    (sku,) = orderable_skus(sandbox_pair)[23:24]
    _po, return_order_id = await returned_on_walmart(engine, walmart_admin, sku, "7700000000000004")
    assert (await engine.run_once()).ok
    assert (await engine.run_once()).ok  # imported once, not twice
    with engine.env.db.session() as session:
        query = select(Return).where(Return.return_order_id == return_order_id)
        (ret,) = session.scalars(query).all()
        assert ret.order_id is None
        (entry,) = activity.timeline(session, "return", ret.id)
        assert entry.outcome == "error" and "not in Channel Manager" in entry.message


async def test_a_return_imported_before_its_order_is_linked_once_the_order_arrives(
    make_engine: MakeEngine,
    sandbox_pair: SandboxPair,
    walmart_admin: Admin,
) -> None:
    """The return's own overlap window is long past when its order shows up, so the link
    cannot wait for Walmart to list the return again."""
    returns_only = await make_engine([fulfilment])
    (sku,) = orderable_skus(sandbox_pair)[24:25]
    po, return_order_id = await returned_on_walmart(
        returns_only, walmart_admin, sku, "7700000000000005"
    )
    assert (await returns_only.run_once()).ok
    query = select(Return).where(Return.return_order_id == return_order_id)
    with returns_only.env.db.session() as session:
        assert session.scalars(query).one().order_id is None

    everything = await make_engine(FLOWS)
    assert (await everything.run_once()).ok
    with everything.env.db.session() as session:
        ret = session.scalars(query).one()
        assert ret.order_id is not None
        linked = ret.order_id
    local = order(everything.env.db, linked)
    assert local.marketplace_order_id == po and local.status == OrderStatus.RETURN_REQUESTED
    with everything.env.db.session() as session:
        events = [e.event for e in activity.timeline(session, "order", linked)]
    assert events.count("return_imported") == 1 and COMMERCE_RETURN in events
    # Shipped on Walmart before the app saw it, the order was never made in Commerce: the
    # merchant is told to refund from the app, which can (no Seller Center detour).
    assert local.commerce_entity_id is None
    with everything.env.db.session() as session:
        mirrored = [e for e in activity.timeline(session, "order", linked)
                    if e.event == COMMERCE_RETURN]  # fmt: skip
        assert "Refund on Walmart" in mirrored[-1].message
        assert refund_blocker(session.scalars(query).one()) == ""
    assert (await everything.run_once()).ok  # linked once, not again
    with everything.env.db.session() as session:
        events = [e.event for e in activity.timeline(session, "order", linked)]
    assert events.count("return_imported") == 1
