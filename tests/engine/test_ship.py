"""Shipping end to end against the sandbox pair: partial then the rest, bad input, shipments
made in the Commerce admin, and a worker killed between the Commerce and Walmart calls."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime
from typing import Any

import pytest

from channelmanager_gui.errors import ValidationError
from channelmanager_gui.models.order import OrderStatus
from channelmanager_gui.sandbox.commerce.records import SourceItem
from channelmanager_gui.sandbox.pair import SandboxPair
from channelmanager_gui.services import activity, ops
from channelmanager_gui.services.engine.engine import SyncEngine
from channelmanager_gui.services.engine.shipping import COMMERCE_SHIP, WALMART_SHIP
from channelmanager_gui.services.marketplace.port import ShipmentRequest
from channelmanager_gui.services.marketplace.walmart_adapter import seller_order_id
from channelmanager_gui.services.ops import validation as v
from tests.engine.conftest import Admin, MakeEngine
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


def request(engine: SyncEngine, order_id: int, **kw: Any) -> v.ShipRequest:
    args: dict[str, Any] = {
        "carrier": "UPS",
        "other_carrier": None,
        "method_code": "Standard",
        "tracking_number": "1Z999AA10000000001",
        "tracking_url": None,
        "ship_date": None,
        "lines": {"1": 1},
    }
    args.update(kw)
    return v.validate_shipment(order(engine.env.db, order_id), **args)


async def commerce_shipments(engine: SyncEngine, store_id: int, entity_id: int) -> list[Any]:
    return await engine.env.store(store_id).commerce.list_shipments(order_id=entity_id)


async def test_shipment_names_the_stores_ship_from_source(
    make_engine: MakeEngine,
    store_id: int,
    sandbox_pair: SandboxPair,
    walmart_admin: Admin,
    commerce_admin: Admin,
) -> None:
    """Multi-source: the store ships from "east", so Commerce deducts the stock there."""
    engine = await make_engine(FLOWS, settings={"ship_source_code": "east"})
    (a,) = skus(sandbox_pair, commerce_admin, 1, offset=40)
    state = sandbox_pair.commerce.state
    with state.lock:
        state.put_source_item(SourceItem(a, "east", 10.0, 1))
        default_before = state.sources[a.casefold()]["default"].quantity
    order_id = await new_order(engine, walmart_admin, [(a, 2)])
    ops.ship(engine.env.db, order_id, request(engine, order_id, lines={"1": 2}))
    assert (await engine.run_once()).ok

    local = order(engine.env.db, order_id)
    assert local.commerce_entity_id is not None
    (doc,) = await commerce_shipments(engine, store_id, local.commerce_entity_id)
    with state.lock:
        assert state.shipments[doc.entity_id].source_code == "east"
        assert state.sources[a.casefold()]["east"].quantity == 8.0
        assert state.sources[a.casefold()]["default"].quantity == default_before


async def test_partial_ship_then_the_rest(
    make_engine: MakeEngine,
    store_id: int,
    sandbox_pair: SandboxPair,
    walmart_admin: Admin,
    commerce_admin: Admin,
) -> None:
    engine = await make_engine(FLOWS)
    a, b = skus(sandbox_pair, commerce_admin, 2)
    order_id = await new_order(engine, walmart_admin, [(a, 3), (b, 1)])
    first = request(
        engine, order_id, lines={"1": 2, "2": 0}, tracking_number="1Z 999 AA1 0000 0001"
    )
    ops.ship(engine.env.db, order_id, first)
    assert order(engine.env.db, order_id).status == OrderStatus.PARTIALLY_SHIPPED
    assert (await engine.run_once()).ok

    local = order(engine.env.db, order_id)
    po, entity = local.marketplace_order_id, local.commerce_entity_id
    assert entity is not None
    assert local.status == OrderStatus.PARTIALLY_SHIPPED
    (shipment,) = local.shipments
    assert shipment.commerce_shipment_id is not None and shipment.marketplace_sent_at is not None
    line1 = walmart_line(walmart_admin, po, "1")
    assert walmart_qty(line1, "Shipped", "1Z999AA100000001") == 2
    assert local.commerce_increment_id  # the Commerce order number goes on the return label
    assert line1["sellerOrderId"] == local.commerce_increment_id
    (doc,) = await commerce_shipments(engine, store_id, entity)
    assert [(t.track_number, t.carrier_code) for t in doc.tracks] == [("1Z999AA100000001", "ups")]
    assert sum(i.qty for i in doc.items) == 2

    rest = request(
        engine,
        order_id,
        carrier="Other",
        other_carrier="Acme Couriers",
        tracking_url="https://acme.example/track/AC12345",
        tracking_number="AC12345",
        lines={"1": 1, "2": 1},
    )
    ops.ship(engine.env.db, order_id, rest)
    assert (await engine.run_once()).ok

    local = order(engine.env.db, order_id)
    assert local.status == OrderStatus.SHIPPED
    assert [ln.qty_shipped for ln in local.lines] == [3, 1]
    assert len(local.shipments) == 2  # the shipments loop did not take ours for admin ones
    assert walmart_qty(walmart_line(walmart_admin, po, "1"), "Shipped") == 3
    line2 = walmart_line(walmart_admin, po, "2")
    assert walmart_qty(line2, "Shipped", "AC12345") == 1
    tracking = line2["orderLineStatuses"]["orderLineStatus"][0]["trackingInfo"]
    assert tracking["carrierName"]["otherCarrier"] == "Acme Couriers"
    assert tracking["trackingURL"] == "https://acme.example/track/AC12345"
    docs = await commerce_shipments(engine, store_id, entity)
    assert len(docs) == 2
    items = commerce_order(sandbox_pair, entity)["items"]
    assert [i["qty_shipped"] for i in items] == [3, 1]
    with engine.env.db.session() as session:
        events = [e.event for e in activity.timeline(session, "order", order_id)]
    assert events.count(COMMERCE_SHIP) == 2 and events.count(WALMART_SHIP) == 2


async def test_bad_input_raises_and_queues_nothing(
    make_engine: MakeEngine,
    sandbox_pair: SandboxPair,
    walmart_admin: Admin,
    commerce_admin: Admin,
) -> None:
    engine = await make_engine(FLOWS)
    (a,) = skus(sandbox_pair, commerce_admin, 1, offset=2)
    order_id = await new_order(engine, walmart_admin, [(a, 2)])
    before = action_count(engine.env.db)
    bad: list[tuple[dict[str, Any], str]] = [
        ({"tracking_number": ""}, v.FIELD_TRACKING_NUMBER),
        ({"tracking_number": "  \t "}, v.FIELD_TRACKING_NUMBER),
        ({"lines": {"1": 0}}, v.FIELD_LINES),
        ({"lines": {"1": 3}}, v.line_field("1")),
        ({"carrier": "Carrier Pigeon"}, v.FIELD_CARRIER),
        ({"carrier": "Other", "other_carrier": "Acme"}, v.FIELD_TRACKING_URL),
    ]
    for kw, field in bad:
        with pytest.raises(ValidationError) as err:
            request(engine, order_id, **kw)
        assert err.value.field == field, kw
    ops.ship(engine.env.db, order_id, request(engine, order_id, tracking_number="TRK0001"))
    queued = action_count(engine.env.db)
    assert queued == before + 2
    with pytest.raises(ValidationError) as err:
        request(engine, order_id, tracking_number="trk0001")
    assert err.value.field == v.FIELD_TRACKING_NUMBER
    # A request checked earlier is checked again when written: only 1 unit is left now.
    stale = request(engine, order_id, tracking_number="TRK0002", lines={"1": 1})
    ops.ship(engine.env.db, order_id, stale)
    late = v.ShipRequest(**{**stale.__dict__, "tracking_number": "TRK0003"})
    with pytest.raises(ValidationError) as err:
        ops.ship(engine.env.db, order_id, late)
    assert err.value.field in (v.FIELD_ORDER, v.line_field("1"))
    assert action_count(engine.env.db) == queued + 2
    assert (await engine.run_once()).ok


async def test_shipment_made_in_commerce_admin_reaches_walmart(
    make_engine: MakeEngine,
    sandbox_pair: SandboxPair,
    walmart_admin: Admin,
    commerce_admin: Admin,
) -> None:
    engine = await make_engine(FLOWS)
    a, b = skus(sandbox_pair, commerce_admin, 2, offset=3)
    order_id = await new_order(engine, walmart_admin, [(a, 2), (b, 1)])
    local = order(engine.env.db, order_id)
    commerce_admin.post(
        f"/orders/{local.commerce_entity_id}/ship",
        {
            "items": [{"sku": a, "qty": 1}],
            "tracks": [{"track_number": "9400111", "title": "OnTrac", "carrier_code": "custom"}],
        },
    )
    commerce_admin.post(
        f"/orders/{local.commerce_entity_id}/ship",
        {
            "items": [{"sku": a, "qty": 1}, {"sku": b, "qty": 1}],
            "tracks": [{"track_number": "7712345", "title": "Federal", "carrier_code": "fedex"}],
        },
    )
    assert (await engine.run_once()).ok
    assert (await engine.run_once()).ok  # a second pass records nothing twice

    local = order(engine.env.db, order_id)
    assert local.status == OrderStatus.SHIPPED
    assert [(s.source, s.carrier, s.tracking_number) for s in local.shipments] == [
        ("commerce", "OnTrac", "9400111"),
        ("commerce", "FedEx", "7712345"),
    ]
    line1 = walmart_line(walmart_admin, local.marketplace_order_id, "1")
    assert walmart_qty(line1, "Shipped", "9400111") == 1
    assert walmart_qty(line1, "Shipped", "7712345") == 1
    carriers = {
        s["trackingInfo"]["carrierName"]["carrier"]
        for s in line1["orderLineStatuses"]["orderLineStatus"]
    }
    assert carriers == {"OnTrac", "FedEx"}
    line2 = walmart_line(walmart_admin, local.marketplace_order_id, "2")
    assert walmart_qty(line2, "Shipped", "7712345") == 1


@pytest.mark.parametrize("crash_in", [COMMERCE_SHIP, WALMART_SHIP])
async def test_killed_after_a_remote_call_ships_nothing_twice(
    crash_in: str,
    make_engine: MakeEngine,
    store_id: int,
    sandbox_pair: SandboxPair,
    walmart_admin: Admin,
    commerce_admin: Admin,
) -> None:
    engine = await make_engine(FLOWS)
    offset = 5 if crash_in == COMMERCE_SHIP else 6
    (a,) = skus(sandbox_pair, commerce_admin, 1, offset=offset)
    order_id = await new_order(engine, walmart_admin, [(a, 3)])
    number = f"CRASH{offset}X1"
    ops.ship(engine.env.db, order_id, request(engine, order_id, tracking_number=number))
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
    assert local.error is None and local.status == OrderStatus.PARTIALLY_SHIPPED
    line = walmart_line(walmart_admin, local.marketplace_order_id, "1")
    assert walmart_qty(line, "Shipped") == 1
    docs = await commerce_shipments(restarted, store_id, local.commerce_entity_id or 0)
    assert len(docs) == 1 and local.shipments[0].commerce_shipment_id == docs[0].entity_id
    assert (
        commerce_order(sandbox_pair, local.commerce_entity_id or 0)["items"][0]["qty_shipped"] == 1
    )


async def test_unlisted_commerce_carrier_waits_for_a_tracking_link(
    make_engine: MakeEngine,
    sandbox_pair: SandboxPair,
    walmart_admin: Admin,
    commerce_admin: Admin,
) -> None:
    engine = await make_engine(FLOWS)
    (a,) = skus(sandbox_pair, commerce_admin, 1, offset=8)
    order_id = await new_order(engine, walmart_admin, [(a, 1)])
    local = order(engine.env.db, order_id)
    commerce_admin.post(
        f"/orders/{local.commerce_entity_id}/ship",
        {
            "tracks": [
                {"track_number": "SL-4711", "title": "Speedy Local", "carrier_code": "custom"}
            ]
        },
    )
    summary = await engine.run_once()
    assert summary.failed_actions  # Walmart needs a link for an unlisted carrier
    local = order(engine.env.db, order_id)
    assert local.status == OrderStatus.ERROR and "tracking link" in (local.error or "")
    assert walmart_qty(walmart_line(walmart_admin, local.marketplace_order_id, "1"), "Shipped") == 0

    with pytest.raises(ValidationError):
        ops.set_tracking_url(engine.env.db, local.shipments[0].id, "not a link")
    ops.set_tracking_url(engine.env.db, local.shipments[0].id, "https://speedy.example/t/SL-4711")
    assert (await engine.run_once()).ok
    local = order(engine.env.db, order_id)
    assert local.status == OrderStatus.SHIPPED and local.error is None
    line = walmart_line(walmart_admin, local.marketplace_order_id, "1")
    tracking = line["orderLineStatuses"]["orderLineStatus"][0]["trackingInfo"]
    assert tracking["carrierName"]["otherCarrier"] == "Speedy Local"
    assert tracking["trackingURL"] == "https://speedy.example/t/SL-4711"


def test_seller_order_id_is_commerce_number_else_purchase_order() -> None:
    """The spec's 30-character ``sellerOrderId``: Commerce's number when known and short enough
    (the ship handler passes the order's ``commerce_increment_id``, "" when there is none)."""
    made = ShipmentRequest("1796277083022", "", "UPS", "1Z", datetime.now(UTC), (("1", 1),),
                           seller_order_id="000000042")  # fmt: skip
    assert seller_order_id(made) == "000000042"
    made = replace(made, seller_order_id="")
    assert seller_order_id(made) == "1796277083022"
    made = replace(made, seller_order_id="X" * 31)
    assert seller_order_id(made) == "1796277083022"
