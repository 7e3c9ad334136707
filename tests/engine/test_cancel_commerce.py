"""Orders cancelled in the Commerce admin reach Walmart (issue 16), end to end over HTTP.

Every order the app makes is invoiced, so the merchant cancels it with a Credit Memo of the
unshipped items (Cancel is gone): the store's default reason is sent, or the order is held
until the merchant chooses one; a partly shipped order is refused; a memo of some units cancels
only those; a worker killed after Walmart's answer cancels nothing twice; the stock comes back
on Walmart. The admin's Cancel still counts for an order not invoiced yet. A return's memo
(shipped units) and our own in-app cancel's memo are not cancellations."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import select

from channelmanager_gui.models.order import OrderStatus
from channelmanager_gui.models.outbox import OutboxAction
from channelmanager_gui.sandbox.pair import SandboxPair
from channelmanager_gui.services import ops
from channelmanager_gui.services.engine import order_create
from channelmanager_gui.services.engine.cancelling import WALMART_CANCEL
from channelmanager_gui.services.engine.commerce_cancel_decision import Verdict, decide
from channelmanager_gui.services.engine.commerce_cancellations import (
    detect_commerce_cancellations,
)
from channelmanager_gui.services.engine.engine import SyncEngine
from channelmanager_gui.services.ops.validation import COMMERCE_CANCEL_HELD, validate_shipment
from tests.engine.conftest import Admin, MakeEngine
from tests.engine.fulfilment_support import (
    FLOWS,
    CrashAfterSend,
    SimulatedCrash,
    commerce_order,
    credit_unshipped,
    new_order,
    order,
    skus,
    walmart_line,
    walmart_qty,
)

OUT_OF_STOCK = "SELLER_CANCEL_OUT_OF_STOCK"
AUTO = {"commerce_cancel_reason": OUT_OF_STOCK}


def kinds(engine: SyncEngine, order_id: int) -> list[str]:
    with engine.env.db.session() as session:
        query = select(OutboxAction.kind).where(OutboxAction.subject_id == order_id)
        return list(session.scalars(query))


def ship_one(engine: SyncEngine, order_id: int, tracking: str) -> None:
    """Ship one unit of line 1 from the app (to Walmart, then Commerce)."""
    local = order(engine.env.db, order_id)
    request = validate_shipment(local, "UPS", None, None, tracking, None, None, {"1": 1})
    ops.ship(engine.env.db, order_id, request)


def salable(pair: SandboxPair, sku: str) -> float:
    with pair.commerce.state.lock:
        return pair.commerce.state.salable_quantity(sku)


def admin_credit(
    commerce_admin: Admin, engine: SyncEngine, order_id: int, units: dict[str, int] | None = None
) -> dict[str, Any]:
    """The admin's Credit Memo of the order's unshipped units (``units``: SKU → qty)."""
    return credit_unshipped(
        commerce_admin, order(engine.env.db, order_id).marketplace_order_id, units
    )


async def test_credited_in_commerce_is_sent_with_the_store_reason(
    make_engine: MakeEngine,
    sandbox_pair: SandboxPair,
    walmart_admin: Admin,
    commerce_admin: Admin,
) -> None:
    engine = await make_engine(FLOWS, settings=AUTO)
    a, b = skus(sandbox_pair, commerce_admin, 2, offset=30)
    order_id = await new_order(engine, walmart_admin, [(a, 2), (b, 1)])
    assert admin_credit(commerce_admin, engine, order_id)["state"] == "closed"
    assert (await engine.run_once()).ok
    assert await engine.worker.drain(timeout=30)

    local = order(engine.env.db, order_id)
    assert local.status == OrderStatus.CANCELLED and local.cancel_reason == OUT_OF_STOCK
    for number, qty in (("1", 2), ("2", 1)):
        line = walmart_line(walmart_admin, local.marketplace_order_id, number)
        assert walmart_qty(line, "Cancelled") == qty
        statuses = line["orderLineStatuses"]["orderLineStatus"]
        assert {s.get("cancellationReason") for s in statuses} == {OUT_OF_STOCK}
    assert kinds(engine, order_id).count(WALMART_CANCEL) == 1
    assert "commerce.cancel" not in kinds(engine, order_id)  # Commerce did it already
    assert (await engine.run_once()).ok  # seen again: nothing queued twice
    assert kinds(engine, order_id).count(WALMART_CANCEL) == 1


async def test_held_until_the_merchant_chooses_a_reason(
    make_engine: MakeEngine,
    sandbox_pair: SandboxPair,
    walmart_admin: Admin,
    commerce_admin: Admin,
) -> None:
    engine = await make_engine(FLOWS)
    (a,) = skus(sandbox_pair, commerce_admin, 1, offset=32)
    order_id = await new_order(engine, walmart_admin, [(a, 2)])
    admin_credit(commerce_admin, engine, order_id)
    summary = await engine.run_once()
    assert await engine.worker.drain(timeout=30)

    held = order(engine.env.db, order_id)
    assert held.error_step == COMMERCE_CANCEL_HELD and held.status == OrderStatus.ERROR
    assert held.error and held.error.startswith("Cancelled in Commerce — choose the reason")
    assert WALMART_CANCEL not in kinds(engine, order_id)  # never sent without a reason
    line = walmart_line(walmart_admin, held.marketplace_order_id, "1")
    assert walmart_qty(line, "Cancelled") == 0
    assert summary.orders_in_error >= 1  # the command line says an order needs the merchant

    ops.cancel(engine.env.db, order_id, "Pricing error")
    assert await engine.worker.drain(timeout=30)
    done = order(engine.env.db, order_id)
    assert done.error is None and done.status == OrderStatus.CANCELLED
    assert done.cancel_reason == "SELLER_CANCEL_PRICING_ERROR"
    line = walmart_line(walmart_admin, done.marketplace_order_id, "1")
    assert walmart_qty(line, "Cancelled") == 2
    assert kinds(engine, order_id).count("commerce.cancel") == 0


async def test_partly_shipped_order_is_not_cancelled_on_walmart(
    make_engine: MakeEngine,
    sandbox_pair: SandboxPair,
    walmart_admin: Admin,
    commerce_admin: Admin,
) -> None:
    engine = await make_engine(FLOWS, settings=AUTO)
    (a,) = skus(sandbox_pair, commerce_admin, 1, offset=33)
    order_id = await new_order(engine, walmart_admin, [(a, 2)])
    ship_one(engine, order_id, "1Z999AA10000016001")
    assert await engine.worker.drain(timeout=30)
    remote = admin_credit(commerce_admin, engine, order_id)  # credits the unshipped unit
    assert remote["state"] == "complete" and remote["items"][0]["qty_refunded"] == 1
    assert (await engine.run_once()).ok is False  # the order is in Error now
    assert await engine.worker.drain(timeout=30)

    local = order(engine.env.db, order_id)
    assert local.status == OrderStatus.ERROR and "part of this order has shipped" in (
        local.error or ""
    )
    assert WALMART_CANCEL not in kinds(engine, order_id)
    line = walmart_line(walmart_admin, local.marketplace_order_id, "1")
    assert walmart_qty(line, "Shipped") == 1 and walmart_qty(line, "Cancelled") == 0


async def partial_credit(
    engine: SyncEngine, commerce_admin: Admin, order_id: int, sku: str
) -> None:
    """Credit 1 of 2 unshipped units: the order stays open ("processing": one still to ship)."""
    assert admin_credit(commerce_admin, engine, order_id, {sku: 1})["state"] == "processing"


async def test_partial_credit_in_commerce_cancels_those_units(
    make_engine: MakeEngine,
    sandbox_pair: SandboxPair,
    walmart_admin: Admin,
    commerce_admin: Admin,
) -> None:
    engine = await make_engine(FLOWS, settings=AUTO)
    (a,) = skus(sandbox_pair, commerce_admin, 1, offset=34)
    order_id = await new_order(engine, walmart_admin, [(a, 2)])
    await partial_credit(engine, commerce_admin, order_id, a)
    assert (await engine.run_once()).ok
    assert await engine.worker.drain(timeout=30)
    assert (await engine.run_once()).ok
    assert await engine.worker.drain(timeout=30)

    local = order(engine.env.db, order_id)
    assert local.lines[0].qty_cancelled == 1 and local.lines[0].qty_open == 1
    assert local.status == OrderStatus.CREATED and local.cancel_reason is None
    line = walmart_line(walmart_admin, local.marketplace_order_id, "1")
    assert walmart_qty(line, "Cancelled") == 1


async def test_killed_after_walmart_answered_cancels_nothing_twice(
    make_engine: MakeEngine,
    sandbox_pair: SandboxPair,
    walmart_admin: Admin,
    commerce_admin: Admin,
) -> None:
    engine = await make_engine(FLOWS, settings=AUTO)
    (a,) = skus(sandbox_pair, commerce_admin, 1, offset=35)
    order_id = await new_order(engine, walmart_admin, [(a, 2)])
    await partial_credit(engine, commerce_admin, order_id, a)
    engine.worker.handlers = {
        **engine.worker.handlers,
        WALMART_CANCEL: CrashAfterSend(engine.worker.handlers[WALMART_CANCEL]),
    }
    with pytest.raises(SimulatedCrash):
        await engine.run_once()
        await engine.worker.drain(timeout=30)
    await engine.aclose()

    restarted = await make_engine(FLOWS, worker_options={"lease_seconds": 0})
    assert await restarted.worker.drain(timeout=30)
    local = order(restarted.env.db, order_id)
    assert local.error is None
    line = walmart_line(walmart_admin, local.marketplace_order_id, "1")
    assert walmart_qty(line, "Cancelled") == 1  # one unit, not two: the retry looked first
    assert walmart_qty(line, "Acknowledged") + walmart_qty(line, "Created") == 1


async def test_stock_returned_by_commerce_reaches_walmart(
    make_engine: MakeEngine,
    sandbox_pair: SandboxPair,
    walmart_admin: Admin,
    commerce_admin: Admin,
) -> None:
    from channelmanager_gui.services.engine import listings_flow
    from channelmanager_gui.services.engine.catalog import import_products
    from channelmanager_gui.services.engine.matching import request_match, run_matching
    from tests.engine.listing_support import ids, send_and_finish_feeds

    engine = await make_engine([*FLOWS, listings_flow], settings=AUTO)
    env = engine.env
    store_id = next(iter(env.stores))
    (a,) = skus(sandbox_pair, commerce_admin, 1, offset=36)
    await import_products(env, env.store(store_id), skus=[a])
    request_match(env.db, store_id, ids(env.db, [a]))
    await run_matching(env, env.store(store_id))
    order_id = await new_order(engine, walmart_admin, [(a, 3)])
    assert (await engine.run_once()).ok
    await send_and_finish_feeds(engine, store_id)
    assert walmart_admin.get(f"/inventory/{a}")["quantity"] == 97

    entity = order(env.db, order_id).commerce_entity_id or 0
    assert salable(sandbox_pair, a) == 97
    admin_credit(commerce_admin, engine, order_id)  # MSI compensates the reservation
    assert commerce_order(sandbox_pair, entity)["state"] == "closed"
    assert salable(sandbox_pair, a) == 100
    assert (await engine.run_once()).ok  # the cancellation is seen and sent
    assert (await engine.run_once()).ok  # the stock loop sees 100 and pushes it
    await send_and_finish_feeds(engine, store_id)
    assert walmart_admin.get(f"/inventory/{a}")["quantity"] == 100
    assert order(env.db, order_id).status == OrderStatus.CANCELLED


async def test_retry_leaves_a_held_order_held(
    make_engine: MakeEngine,
    sandbox_pair: SandboxPair,
    walmart_admin: Admin,
    commerce_admin: Admin,
) -> None:
    engine = await make_engine(FLOWS)
    (a,) = skus(sandbox_pair, commerce_admin, 1, offset=37)
    order_id = await new_order(engine, walmart_admin, [(a, 1)])
    admin_credit(commerce_admin, engine, order_id)
    await engine.run_once()
    assert ops.retry(engine.env.db, order_id).count == 0
    assert order(engine.env.db, order_id).error_step == COMMERCE_CANCEL_HELD


async def test_cancel_in_the_admin_of_an_order_not_invoiced_yet_is_sent(
    make_engine: MakeEngine,
    sandbox_pair: SandboxPair,
    walmart_admin: Admin,
    commerce_admin: Admin,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """An order made before invoicing (or whose invoice failed) still has the admin's Cancel."""
    engine = await make_engine(FLOWS, settings=AUTO)
    (a,) = skus(sandbox_pair, commerce_admin, 1, offset=38)
    with monkeypatch.context() as old_version:
        old_version.setattr(order_create, "queue_invoice", lambda *args, **kw: None)
        order_id = await new_order(engine, walmart_admin, [(a, 2)])
    entity = order(engine.env.db, order_id).commerce_entity_id or 0
    assert commerce_admin.post(f"/orders/{entity}/cancel")["canceled"] is True
    assert commerce_order(sandbox_pair, entity)["state"] == "canceled"
    assert (await engine.run_once()).ok
    assert await engine.worker.drain(timeout=30)

    local = order(engine.env.db, order_id)
    assert local.status == OrderStatus.CANCELLED and local.cancel_reason == OUT_OF_STOCK
    line = walmart_line(walmart_admin, local.marketplace_order_id, "1")
    assert walmart_qty(line, "Cancelled") == 2
    assert kinds(engine, order_id).count(WALMART_CANCEL) == 1


async def test_a_returns_credit_memo_is_not_a_cancellation(
    make_engine: MakeEngine,
    sandbox_pair: SandboxPair,
    walmart_admin: Admin,
    commerce_admin: Admin,
) -> None:
    """1 of 2 units shipped and returned; the merchant credits the returned unit. Commerce
    counts it as ``qty_refunded`` like a credited unshipped unit: the return tells them apart
    once its memo is linked (the loops run on their own timers: a refusal read before is
    withdrawn)."""
    engine = await make_engine(FLOWS, settings=AUTO)
    (a,) = skus(sandbox_pair, commerce_admin, 1, offset=39)
    order_id = await new_order(engine, walmart_admin, [(a, 2)])
    ship_one(engine, order_id, "1Z999AA10000016002")
    assert (await engine.run_once()).ok
    po = order(engine.env.db, order_id).marketplace_order_id
    walmart_admin.post("/returns", {"purchaseOrderId": po, "lineNumber": 1, "quantity": 1})
    assert (await engine.run_once()).ok  # the return is imported
    entity = order(engine.env.db, order_id).commerce_entity_id
    returned = {"items": [{"sku": a, "qty": 1}], "return_to_stock": True}
    commerce_admin.post(f"/orders/{entity}/refund", returned)
    store = engine.env.store(order(engine.env.db, order_id).store_id)
    await detect_commerce_cancellations(engine.env, store)  # before the returns loop links it
    assert order(engine.env.db, order_id).error_step == "commerce_cancel"  # looks cancelled
    assert (await engine.run_once()).ok  # linked: the memo refunds the return on Walmart
    assert await engine.worker.drain(timeout=30)
    assert (await engine.run_once()).ok

    local = order(engine.env.db, order_id)
    assert local.error is None and local.cancel_reason is None
    assert local.lines[0].qty_cancelled == 0 and local.lines[0].qty_refunded == 1
    assert WALMART_CANCEL not in kinds(engine, order_id)
    line = walmart_line(walmart_admin, po, "1")
    assert walmart_qty(line, "Cancelled") == 0


async def test_our_own_cancels_credit_memo_is_not_sent_twice(
    make_engine: MakeEngine,
    sandbox_pair: SandboxPair,
    walmart_admin: Admin,
    commerce_admin: Admin,
) -> None:
    """Cancelled in the app: the handler credits the invoiced order (closed in Commerce);
    read back, that memo is our own cancel, already counted on the lines."""
    engine = await make_engine(FLOWS, settings=AUTO)
    (a,) = skus(sandbox_pair, commerce_admin, 1, offset=41)
    order_id = await new_order(engine, walmart_admin, [(a, 2)])
    ops.cancel(engine.env.db, order_id, "Pricing error")
    assert await engine.worker.drain(timeout=30)
    entity = order(engine.env.db, order_id).commerce_entity_id or 0
    remote = commerce_order(sandbox_pair, entity)
    assert remote["state"] == "closed" and remote["items"][0]["qty_refunded"] == 2

    assert (await engine.run_once()).ok
    assert await engine.worker.drain(timeout=30)
    local = order(engine.env.db, order_id)
    assert local.error is None and local.lines[0].qty_cancelled == 2
    assert kinds(engine, order_id).count(WALMART_CANCEL) == 1
    read = await engine.env.store(local.store_id).commerce.get_order(entity)
    assert decide(local, read, OUT_OF_STOCK).verdict is Verdict.NOTHING
    line = walmart_line(walmart_admin, local.marketplace_order_id, "1")
    assert walmart_qty(line, "Cancelled") == 2
