"""Imported orders are saved a batch per transaction; one bad order never stops the others."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy import func, select

from channelmanager_gui.models.base import utcnow
from channelmanager_gui.models.db import Database, open_database
from channelmanager_gui.models.order import Order
from channelmanager_gui.models.outbox import OutboxAction
from channelmanager_gui.models.store import Store
from channelmanager_gui.services.changes import ChangeBus
from channelmanager_gui.services.engine import order_saving
from channelmanager_gui.services.engine.context import EngineEnv
from channelmanager_gui.services.engine.order_import import ImportCounts, save_orders
from channelmanager_gui.services.engine.order_saving import Target
from channelmanager_gui.services.marketplace.walmart_mapping import incoming_order
from tests.engine.test_orders_records import created_order, parse


@pytest.fixture
def env() -> Iterator[EngineEnv]:
    db: Database = open_database()
    with db.session() as session:
        session.add(Store(name="S", commerce_url="http://127.0.0.1:1",
                          walmart_url="http://127.0.0.1:2", settings={}))  # fmt: skip
    yield EngineEnv(db=db, changes=ChangeBus())
    db.dispose()


STORE = Target(store_id=1, account_id=1)  # the store's Walmart account, made with it


def _orders(count: int) -> list[Any]:
    out = []
    for n in range(count):
        data = created_order([("SKU-1", 1)])
        data["purchaseOrderId"] = f"18000000{n:05d}"
        out.append(incoming_order(parse(data)))
    return out


def _count(db: Database, what: Any) -> int:
    with db.session() as session:
        return int(session.scalar(select(func.count()).select_from(what)) or 0)


def test_a_batch_saves_each_order_once_even_when_seen_twice(env: EngineEnv) -> None:
    orders = _orders(5)
    counts = ImportCounts()
    save_orders(env, STORE, [*orders, orders[0]], counts, utcnow())
    assert counts.as_dict() == {"seen": 6, "new": 5, "updated": 0, "failed": 0}
    assert _count(env.db, Order) == 5
    assert _count(env.db, OutboxAction) == 10  # acknowledge and create, per order
    again = ImportCounts()
    save_orders(env, STORE, orders, again, utcnow())
    assert again.as_dict() == {"seen": 5, "new": 0, "updated": 0, "failed": 0}


def test_one_bad_order_is_counted_and_the_others_are_saved(
    env: EngineEnv, monkeypatch: pytest.MonkeyPatch
) -> None:
    orders = _orders(4)
    bad = orders[2].marketplace_order_id
    real = order_saving.new_order

    def new_order(store_id: int, account_id: int, wo: Any, now: Any) -> Order:
        if wo.marketplace_order_id == bad:
            raise ValueError("unreadable line")
        return real(store_id, account_id, wo, now)

    monkeypatch.setattr(order_saving, "new_order", new_order)
    counts = ImportCounts()
    save_orders(env, STORE, orders, counts, utcnow())
    assert (counts.new, counts.failed) == (3, 1)
    assert bad in counts.reasons[0]
    with env.db.session() as session:
        saved = set(session.scalars(select(Order.marketplace_order_id)))
    assert saved == {wo.marketplace_order_id for wo in orders} - {bad}
