"""Cancelling end to end against the sandbox pair: reason on both sides, bad input, buyer
cancel requests, and a worker killed between the Walmart and Commerce calls."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import select

from channelmanager_gui.errors import ValidationError
from channelmanager_gui.models.order import Order, OrderStatus
from channelmanager_gui.sandbox.pair import SandboxPair
from channelmanager_gui.services import ops
from channelmanager_gui.services.engine.cancel_handlers import cancel_comment
from channelmanager_gui.services.engine.cancelling import (
    COMMERCE_CANCEL,
    WALMART_CANCEL,
    orders_with_cancel_requests,
)
from channelmanager_gui.services.ops import validation as v
from tests.engine.conftest import Admin, MakeEngine, skus_not_in_commerce
from tests.engine.fulfilment_support import (
    FLOWS,
    CrashAfterSend,
    SimulatedCrash,
    action_count,
    commerce_order,
    new_order,
    order,
    skus,
    walmart_line,
    walmart_qty,
)

OUT_OF_STOCK = "SELLER_CANCEL_OUT_OF_STOCK"


def comments(sandbox_pair: SandboxPair, entity_id: int) -> list[str]:
    return [h["comment"] for h in commerce_order(sandbox_pair, entity_id)["status_histories"]]


def salable(pair: SandboxPair, sku: str) -> float:
    with pair.commerce.state.lock:
        return float(pair.commerce.state.salable_quantity(sku))


async def test_cancel_with_reason_reaches_both(
    make_engine: MakeEngine,
    sandbox_pair: SandboxPair,
    walmart_admin: Admin,
    commerce_admin: Admin,
) -> None:
    engine = await make_engine(FLOWS)
    a, b = skus(sandbox_pair, commerce_admin, 2, offset=10)
    order_id = await new_order(engine, walmart_admin, [(a, 2), (b, 1)])
    assert salable(sandbox_pair, a) == 98  # the Commerce order reserves its units
    ops.cancel(engine.env.db, order_id, OUT_OF_STOCK)
    local = order(engine.env.db, order_id)
    assert local.status == OrderStatus.CANCELLED and [ln.qty_cancelled for ln in local.lines] == [
        2,
        1,
    ]
    assert (await engine.run_once()).ok

    local = order(engine.env.db, order_id)
    assert local.status == OrderStatus.CANCELLED and local.error is None
    for number, qty in (("1", 2), ("2", 1)):
        line = walmart_line(walmart_admin, local.marketplace_order_id, number)
        assert walmart_qty(line, "Cancelled") == qty
        reasons = {
            s.get("cancellationReason") for s in line["orderLineStatuses"]["orderLineStatus"]
        }
        assert reasons == {OUT_OF_STOCK}
    remote = commerce_order(sandbox_pair, local.commerce_entity_id or 0)
    # invoiced when created, so it cannot be cancelled: one offline credit memo takes it all back
    assert remote["state"] == "closed" and remote["total_refunded"] == remote["grand_total"]
    assert [i["qty_refunded"] for i in remote["items"]] == [2, 1]
    assert (
        comments(sandbox_pair, local.commerce_entity_id or 0).count(
            cancel_comment(local.marketplace_order_id, OUT_OF_STOCK)
        )
        == 1
    )
    assert salable(sandbox_pair, a) == 100  # cancelling released the reservation


async def test_bad_cancel_raises_and_queues_nothing(
    make_engine: MakeEngine,
    sandbox_pair: SandboxPair,
    walmart_admin: Admin,
    commerce_admin: Admin,
) -> None:
    engine = await make_engine(FLOWS)
    (a,) = skus(sandbox_pair, commerce_admin, 1, offset=12)
    order_id = await new_order(engine, walmart_admin, [(a, 2)])
    before = action_count(engine.env.db)
    for reason in ("", "  ", "CANCEL_BY_SELLER", v.BUYER_CANCEL):
        with pytest.raises(ValidationError) as err:
            ops.cancel(engine.env.db, order_id, reason)
        assert err.value.field == v.FIELD_REASON
    shipped = v.validate_shipment(
        order(engine.env.db, order_id), "USPS", None, None, "9400100000000000000001", None,
        None, {"1": 1},
    )  # fmt: skip
    ops.ship(engine.env.db, order_id, shipped)
    with pytest.raises(ValidationError) as err:
        ops.cancel(engine.env.db, order_id, OUT_OF_STOCK)
    assert err.value.field == v.FIELD_ORDER and "shipped" in err.value.message
    assert action_count(engine.env.db) == before + 2  # only the shipment's two actions
    assert order(engine.env.db, order_id).cancel_reason is None
    assert (await engine.run_once()).ok


async def test_buyer_cancel_request_is_visible_and_honoured(
    make_engine: MakeEngine,
    sandbox_pair: SandboxPair,
    walmart_admin: Admin,
    commerce_admin: Admin,
) -> None:
    engine = await make_engine(FLOWS)
    a, b = skus(sandbox_pair, commerce_admin, 2, offset=13)
    asked = await new_order(engine, walmart_admin, [(a, 1)], intent_to_cancel=True)
    shipped_anyway = await new_order(engine, walmart_admin, [(b, 1)], intent_to_cancel=True)
    listed = {o.id for o in orders_with_cancel_requests(engine.env.db)}
    assert {asked, shipped_anyway} <= listed

    ops.cancel(engine.env.db, asked, "Buyer asked to cancel")
    args: dict[str, Any] = {"carrier": "UPS", "other_carrier": None, "method_code": None,
                            "tracking_number": "1ZBUYER0001", "tracking_url": None,
                            "ship_date": None, "lines": {"1": 1}}  # fmt: skip
    with pytest.raises(ValidationError):
        v.validate_shipment(order(engine.env.db, shipped_anyway), **args)
    request = v.validate_shipment(
        order(engine.env.db, shipped_anyway), **args, override_cancel_request=True
    )
    ops.ship(engine.env.db, shipped_anyway, request)
    assert (await engine.run_once()).ok

    assert not {asked, shipped_anyway} & {o.id for o in orders_with_cancel_requests(engine.env.db)}
    first = order(engine.env.db, asked)
    line = walmart_line(walmart_admin, first.marketplace_order_id, "1")
    assert walmart_qty(line, "Cancelled") == 1
    second = order(engine.env.db, shipped_anyway)
    assert second.status == OrderStatus.SHIPPED
    assert (
        walmart_qty(walmart_line(walmart_admin, second.marketplace_order_id, "1"), "Shipped") == 1
    )


@pytest.mark.parametrize("crash_in", [WALMART_CANCEL, COMMERCE_CANCEL])
async def test_killed_after_a_remote_call_cancels_nothing_twice(
    crash_in: str,
    make_engine: MakeEngine,
    sandbox_pair: SandboxPair,
    walmart_admin: Admin,
    commerce_admin: Admin,
) -> None:
    engine = await make_engine(FLOWS)
    offset = 15 if crash_in == WALMART_CANCEL else 16
    (a,) = skus(sandbox_pair, commerce_admin, 1, offset=offset)
    order_id = await new_order(engine, walmart_admin, [(a, 2)])
    ops.cancel(engine.env.db, order_id, OUT_OF_STOCK)
    engine.worker.handlers = {
        **engine.worker.handlers,
        crash_in: CrashAfterSend(engine.worker.handlers[crash_in]),
    }
    with pytest.raises(SimulatedCrash):
        await engine.worker.drain(timeout=30)
    await engine.aclose()

    restarted = await make_engine(FLOWS, worker_options={"lease_seconds": 0})
    assert await restarted.worker.drain(timeout=30)
    local = order(restarted.env.db, order_id)
    assert local.error is None and local.status == OrderStatus.CANCELLED
    line = walmart_line(walmart_admin, local.marketplace_order_id, "1")
    assert walmart_qty(line, "Cancelled") == 2
    entity = local.commerce_entity_id or 0
    remote = commerce_order(sandbox_pair, entity)
    assert remote["state"] == "closed" and remote["items"][0]["qty_refunded"] == 2  # one memo
    expected = cancel_comment(local.marketplace_order_id, OUT_OF_STOCK)
    assert comments(sandbox_pair, entity).count(expected) == 1


async def test_killed_between_commerce_cancel_and_comment(
    make_engine: MakeEngine,
    sandbox_pair: SandboxPair,
    walmart_admin: Admin,
    commerce_admin: Admin,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    engine = await make_engine(FLOWS)
    (a,) = skus(sandbox_pair, commerce_admin, 1, offset=17)
    order_id = await new_order(engine, walmart_admin, [(a, 1)])
    ops.cancel(engine.env.db, order_id, "SELLER_CANCEL_PRICING_ERROR")
    client = engine.env.stores[next(iter(engine.env.stores))].commerce

    async def die(*args: Any, **kw: Any) -> bool:
        raise SimulatedCrash

    monkeypatch.setattr(client, "add_comment", die)
    with pytest.raises(SimulatedCrash):
        await engine.worker.drain(timeout=30)
    await engine.aclose()

    restarted = await make_engine(FLOWS, worker_options={"lease_seconds": 0})
    assert await restarted.worker.drain(timeout=30)
    local = order(restarted.env.db, order_id)
    entity = local.commerce_entity_id or 0
    remote = commerce_order(sandbox_pair, entity)
    assert remote["state"] == "closed" and remote["items"][0]["qty_refunded"] == 1  # one memo
    expected = cancel_comment(local.marketplace_order_id, "SELLER_CANCEL_PRICING_ERROR")
    assert comments(sandbox_pair, entity).count(expected) == 1


async def test_cancelled_stock_is_pushed_back_to_walmart(
    make_engine: MakeEngine,
    sandbox_pair: SandboxPair,
    walmart_admin: Admin,
    commerce_admin: Admin,
) -> None:
    """Cancelling releases the Commerce reservation; the listings engine's stock poll and push
    then bring Walmart's quantity back up (no special path: the ordinary inventory loop)."""
    from channelmanager_gui.services.engine import listings_flow
    from channelmanager_gui.services.engine.catalog import import_products
    from channelmanager_gui.services.engine.matching import request_match, run_matching
    from tests.engine.listing_support import ids, send_and_finish_feeds

    engine = await make_engine([*FLOWS, listings_flow])
    env = engine.env
    store_id = next(iter(env.stores))
    (a,) = skus(sandbox_pair, commerce_admin, 1, offset=18)
    await import_products(env, env.store(store_id), skus=[a])
    request_match(env.db, store_id, ids(env.db, [a]))
    await run_matching(env, env.store(store_id))
    order_id = await new_order(engine, walmart_admin, [(a, 3)])
    assert (await engine.run_once()).ok
    await send_and_finish_feeds(engine, store_id)
    assert walmart_admin.get(f"/inventory/{a}")["quantity"] == 97

    ops.cancel(engine.env.db, order_id, OUT_OF_STOCK)
    assert (await engine.run_once()).ok  # the cancel is sent (and the reservation released)
    assert (await engine.run_once()).ok  # the stock loop sees 100 and pushes it
    await send_and_finish_feeds(engine, store_id)
    assert walmart_admin.get(f"/inventory/{a}")["quantity"] == 100


async def test_order_commerce_refused_can_still_be_cancelled(
    make_engine: MakeEngine,
    sandbox_pair: SandboxPair,
    walmart_admin: Admin,
) -> None:
    """The usual case: Commerce refused the order (SKU missing or out of stock), the merchant
    cancels it on Walmart; the failed creation no longer blocks the cancel."""
    engine = await make_engine(FLOWS)
    unknown = skus_not_in_commerce(sandbox_pair)[1]
    po = walmart_admin.post("/orders", {"lines": [{"sku": unknown, "qty": 2}]})
    po = po["purchaseOrderIds"][0]
    assert not (await engine.run_once()).ok
    with engine.env.db.session() as session:
        order_id = session.scalars(select(Order.id).where(Order.marketplace_order_id == po)).one()
    assert order(engine.env.db, order_id).status == OrderStatus.ERROR

    ops.cancel(engine.env.db, order_id, OUT_OF_STOCK)
    assert (await engine.run_once()).ok
    local = order(engine.env.db, order_id)
    assert local.status == OrderStatus.CANCELLED and local.error is None
    assert local.commerce_entity_id is None
    assert walmart_qty(walmart_line(walmart_admin, po, "1"), "Cancelled") == 2
