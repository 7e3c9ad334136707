"""The outbox finishes many orders in one transaction with their rows prefetched: the status
must still count a return added, linked or closed in that same transaction."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from sqlalchemy import event
from sqlalchemy.orm import Session

from channelmanager_gui.models.base import utcnow
from channelmanager_gui.models.db import Database, open_database
from channelmanager_gui.models.order import Order, OrderLine, OrderStatus, Return
from channelmanager_gui.models.store import Store
from channelmanager_gui.services.engine.order_status import prefetch_orders, refresh_order_status


@pytest.fixture
def db() -> Iterator[Database]:
    database = open_database()
    with database.session() as session:
        session.add(Store(id=1, name="S", commerce_url="https://c", walmart_url="https://w"))
        session.flush()
        for n in (1, 2):
            line = OrderLine(line_number="1", sku="A", qty_ordered=1)
            po, customer = f"PO{n}", f"C{n}"
            session.add(Order(id=n, store_id=1, account_id=1, marketplace_order_id=po,
                              customer_order_id=customer, order_date=utcnow(),
                              lines=[line]))  # fmt: skip
    yield database
    database.dispose()


@contextmanager
def selects(session: Session) -> Iterator[list[str]]:
    """The SELECT statements run on the session's connection inside the block."""
    seen: list[str] = []

    def record(_conn: object, _cursor: object, statement: str, *_: object) -> None:
        if statement.lstrip().upper().startswith("SELECT"):
            seen.append(statement)

    engine = session.get_bind()
    event.listen(engine, "before_cursor_execute", record)
    try:
        yield seen
    finally:
        event.remove(engine, "before_cursor_execute", record)


def test_prefetched_orders_need_no_query_per_order(db: Database) -> None:
    with db.session() as session:
        prefetch_orders(session, [1, 2])
        with selects(session) as seen:
            for n in (1, 2):
                order = session.get_one(Order, n)
                order.acknowledged_at = utcnow()
                refresh_order_status(order)
                assert order.status == OrderStatus.ACKNOWLEDGED and len(order.lines) == 1
    assert seen == []


def test_a_return_added_in_the_same_transaction_counts(db: Database) -> None:
    with db.session() as session:
        prefetch_orders(session, [1, 2])
        session.add(
            Return(store_id=1, account_id=1, return_order_id="R1", customer_order_id="C1",
                   order_id=1)
        )  # fmt: skip
        order = session.get_one(Order, 1)
        refresh_order_status(order)
        assert order.status == OrderStatus.RETURN_REQUESTED


def test_a_return_linked_after_a_flush_counts(db: Database) -> None:
    with db.session() as session:
        session.add(Return(store_id=1, account_id=1, return_order_id="R2", customer_order_id="C2"))
    with db.session() as session:
        prefetch_orders(session, [1, 2])
        ret = session.query(Return).one()
        ret.order_id = 2
        session.flush()
        order = session.get_one(Order, 2)
        refresh_order_status(order)
        assert order.status == OrderStatus.RETURN_REQUESTED
