"""Orders Walmart releases hours after their ``orderDate`` are still imported and acknowledged,
over real HTTP against the sandbox pair (which holds an order back, then releases it)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select

from channelmanager_gui.models.db import Database
from channelmanager_gui.models.order import Order, OrderStatus
from channelmanager_gui.models.outbox import SyncCursor
from channelmanager_gui.sandbox.pair import SandboxPair
from channelmanager_gui.services.engine import orders_flow
from channelmanager_gui.services.engine.order_import import (
    RELEASED_CURSOR,
    RELEASED_EVERY,
    WINDOW_CURSOR,
)
from tests.engine.conftest import Admin, MakeEngine, orderable_skus
from tests.engine.test_orders_flow import commerce_orders, line_statuses


def imported(db: Database, po: str) -> Order | None:
    with db.session() as session:
        query = select(Order).where(Order.marketplace_order_id == po)
        return session.scalars(query).one_or_none()


def window_cursor(db: Database, store_id: int) -> datetime:
    with db.session() as session:
        return datetime.fromisoformat(session.get_one(SyncCursor, (store_id, WINDOW_CURSOR)).value)


def five_minutes_later(db: Database, store_id: int) -> None:
    """As if the last read of the released orders was ``RELEASED_EVERY`` ago."""
    with db.session() as session:
        row = session.get(SyncCursor, (store_id, RELEASED_CURSOR))
        if row is not None:
            row.value = (datetime.fromisoformat(row.value) - RELEASED_EVERY).isoformat()


async def test_order_released_hours_after_its_date_is_imported_and_acknowledged(
    make_engine: MakeEngine,
    engine_db: Database,
    store_id: int,
    sandbox_pair: SandboxPair,
    walmart_admin: Admin,
    commerce_admin: Admin,
) -> None:
    engine = await make_engine([orders_flow], settings={"order_lookback_hours": 2})
    assert (await engine.run_once(drain_timeout=60)).ok  # the first window: the last 2 hours
    sku = orderable_skus(sandbox_pair)[0]
    held = {"lines": [{"sku": sku, "qty": 1}], "orderDateHoursAgo": 5, "releaseAfterHours": 48}
    po = str(walmart_admin.post("/orders", held)["purchaseOrderIds"][0])

    assert (await engine.run_once(drain_timeout=60)).ok
    assert imported(engine_db, po) is None  # held back by Walmart: not visible yet
    walmart_admin.post(f"/orders/{po}/release")
    assert (await engine.run_once(drain_timeout=60)).ok
    assert imported(engine_db, po) is None  # /released is read every few minutes, not each pass
    five_minutes_later(engine_db, store_id)
    assert (await engine.run_once(drain_timeout=60)).ok

    order = imported(engine_db, po)
    assert order is not None, "a late-released order must be imported"
    assert order.order_date < window_cursor(engine_db, store_id)  # older than any window
    assert order.status == OrderStatus.CREATED, order.error
    assert order.acknowledged_at is not None
    assert line_statuses(walmart_admin, po) == {"Acknowledged"}
    assert len(commerce_orders(commerce_admin, po)) == 1


async def test_late_release_switch_dates_every_nth_new_order_back(
    walmart_admin: Admin, sandbox_pair: SandboxPair
) -> None:
    """The demo's switch: every 2nd streamed order appears 6 hours after its orderDate."""
    walmart_admin.put("/late_orders", {"every": 2, "hours": 6})
    try:
        made = sandbox_pair.walmart.state.create_orders(2)
    finally:
        walmart_admin.put("/late_orders", {"every": 0})
    dates = [walmart_admin.get(f"/orders/{po}")["orderDate"] for po in made]
    assert 6 * 3_600_000 - 60_000 < dates[0] - dates[1] < 6 * 3_600_000 + 60_000
