"""Walmart's order actions through the marketplace port (issue 18): ``walmart.acknowledge``,
``walmart.ship`` and ``walmart.cancel`` are the same port handlers as Amazon's, and each talks
to its order's own account adapter, never the store's Walmart client."""

from __future__ import annotations

from types import ModuleType

from sqlalchemy import select

from channelmanager_gui.models.order import OrderStatus
from channelmanager_gui.models.outbox import OutboxAction
from channelmanager_gui.sandbox.pair import SandboxPair
from channelmanager_gui.services import activity, ops
from channelmanager_gui.services.engine import fulfilment, orders_flow
from channelmanager_gui.services.engine.marketplace_actions import (
    MarketplaceCancelHandler,
    MarketplaceShipHandler,
)
from channelmanager_gui.services.engine.ship_handlers import CommerceShipHandler
from channelmanager_gui.services.ops import validation as v
from tests.engine.conftest import Admin, MakeEngine
from tests.engine.fulfilment_support import (
    new_order,
    order,
    skus,
    walmart_line,
    walmart_qty,
)

TRACKING = "1ZPORT0000000001"
# The fulfilment handlers without its loops (the returns loop reads Walmart's client itself).
HANDLERS_ONLY = ModuleType("fulfilment_handlers")
HANDLERS_ONLY.LOOPS = []  # type: ignore[attr-defined]
HANDLERS_ONLY.handlers = fulfilment.handlers  # type: ignore[attr-defined]


async def test_walmart_actions_use_the_orders_account_adapter(
    make_engine: MakeEngine,
    store_id: int,
    sandbox_pair: SandboxPair,
    walmart_admin: Admin,
    commerce_admin: Admin,
) -> None:
    engine = await make_engine([orders_flow, HANDLERS_ONLY])
    db = engine.env.db
    a, b = skus(sandbox_pair, commerce_admin, 2, offset=30)
    store = engine.env.store(store_id)
    legacy, store.walmart_client = store.walmart_client, None  # ctx.walmart now refuses
    try:
        shipped = await new_order(engine, walmart_admin, [(a, 2)])
        cancelled = await new_order(engine, walmart_admin, [(b, 1)])
        request = v.validate_shipment(
            order(db, shipped), carrier="UPS", other_carrier=None, method_code="Standard",
            tracking_number=TRACKING, tracking_url=None, ship_date=None, lines={"1": 2},
        )  # fmt: skip
        ops.ship(db, shipped, request)
        ops.cancel(db, cancelled, "SELLER_CANCEL_OUT_OF_STOCK")
        assert (await engine.run_once()).ok
    finally:
        store.walmart_client = legacy
    with db.session() as session:
        assert not session.scalars(select(OutboxAction).where(OutboxAction.status != "done")).all()
    local = order(db, shipped)
    assert local.acknowledged_at is not None and local.status == OrderStatus.SHIPPED
    assert [ln.marketplace_status for ln in local.lines] == ["Shipped"]  # Walmart's answer
    line = walmart_line(walmart_admin, local.marketplace_order_id, "1")
    assert walmart_qty(line, "Shipped", TRACKING) == 2
    assert line["sellerOrderId"] == local.commerce_increment_id
    with db.session() as session:
        events = [e.message for e in activity.timeline(session, "order", shipped)]
    assert f"Tracking {TRACKING} sent to Walmart" in events
    gone = order(db, cancelled)
    assert gone.status == OrderStatus.CANCELLED and gone.lines[0].marketplace_status == "Cancelled"
    line = walmart_line(walmart_admin, gone.marketplace_order_id, "1")
    assert walmart_qty(line, "Cancelled") == 1


def test_every_marketplace_kind_is_the_same_port_handler_in_its_own_lane() -> None:
    """The kinds stored in users' outboxes keep working, each in its rate bucket's lane."""
    found = fulfilment.handlers(None)  # type: ignore[arg-type]
    lanes = {kind: (type(h), getattr(h, "lane", None)) for kind, h in found.items()}
    assert lanes["walmart.ship"] == (MarketplaceShipHandler, "walmart.shipping")
    assert lanes["amazon.ship"] == (MarketplaceShipHandler, "marketplace.shipping")
    assert lanes["walmart.cancel"] == (MarketplaceCancelHandler, "walmart.cancel")
    assert lanes["amazon.cancel"] == (MarketplaceCancelHandler, "marketplace.cancel")
    assert isinstance(found["commerce.ship"], CommerceShipHandler)
