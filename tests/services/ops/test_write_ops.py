"""Every write operation returns what it changed, and publishes nothing itself: its caller
publishes, once (CONTRIBUTING.md, "How changes reach the window")."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
from sqlalchemy import func, select

from channelmanager_gui.models.account import walmart_account_id
from channelmanager_gui.models.db import Database, open_database
from channelmanager_gui.models.order import Order, Return
from channelmanager_gui.models.outbox import ActionStatus, OutboxAction
from channelmanager_gui.models.store import AppSetting
from channelmanager_gui.services import change_log, ops
from channelmanager_gui.services.changes import Change, Changes
from channelmanager_gui.services.engine.cancelling import WALMART_CANCEL
from channelmanager_gui.services.engine.commerce_cancellations import held_message
from tests.models.listing_seed import add_listing
from tests.models.order_seed import Line, add_order, add_store

ORDER_WRITE = frozenset({Change.ORDERS, Change.ACTIVITY, Change.OUTBOX})


@pytest.fixture
def db() -> Iterator[Database]:
    database = open_database()
    yield database
    database.dispose()


@pytest.fixture
def store_id(db: Database) -> int:
    return add_store(db)


def _published(db: Database) -> int:
    """How many change-log rows exist: an operation must not write any (its caller does)."""
    with db.session() as session:
        query = select(func.count()).where(AppSetting.key.like(change_log.PREFIX + "%"))
        return int(session.scalar(query) or 0)


def _ship_request(db: Database, order_id: int) -> ops.validation.ShipRequest:
    order = ops.order_for_action(db, order_id)
    return ops.validation.validate_shipment(
        order, "UPS", None, "Standard", "1Z999AA10123456784", None,
        datetime.now(UTC), {"1": 1},
    )  # fmt: skip


def test_ship_returns_the_order_changes_with_the_new_shipment(db: Database, store_id: int) -> None:
    order_id = add_order(db, store_id, "1001", increment_id="000000001", lines=[Line("A", 2)])
    changes = ops.ship(db, order_id, _ship_request(db, order_id))
    assert changes.kinds == ORDER_WRITE and changes.queued
    shipped = ops.order_for_action(db, order_id)
    assert [s.id for s in shipped.shipments] == [changes.id]
    assert _published(db) == 0


def test_set_tracking_url_counts_the_retried_steps(db: Database, store_id: int) -> None:
    order_id = add_order(db, store_id, "1002", increment_id="000000002", lines=[Line("A", 1)])
    shipment_id = ops.ship(db, order_id, _ship_request(db, order_id)).id
    assert shipment_id is not None
    changes = ops.set_tracking_url(db, shipment_id, "https://track.example/1")
    assert changes.kinds == ORDER_WRITE and changes.count == 0


def test_cancel_and_the_held_cancel_return_the_order_changes(db: Database, store_id: int) -> None:
    open_id = add_order(db, store_id, "1003", increment_id="000000003")
    assert ops.cancel(db, open_id, "SELLER_CANCEL_OUT_OF_STOCK").kinds == ORDER_WRITE
    held_id = add_order(
        db, store_id, "1004", increment_id="000000004", lines=[Line("A", 2, cancelled=2)]
    )
    with db.session() as session:
        held = session.get_one(Order, held_id)
        held.error, held.error_step = held_message(2), ops.validation.COMMERCE_CANCEL_HELD
    changes = ops.cancel(db, held_id, "SELLER_CANCEL_PRICING_ERROR")
    assert changes.kinds == ORDER_WRITE
    with db.session() as session:
        kinds = session.scalars(
            select(OutboxAction.kind).where(OutboxAction.subject_id == held_id)
        ).all()
    assert kinds == [WALMART_CANCEL]  # cancelled in Commerce already: Walmart only
    assert _published(db) == 0


def test_retry_counts_the_steps_queued_again_and_a_held_order_changes_nothing(
    db: Database, store_id: int
) -> None:
    failed_id = add_order(db, store_id, "1005", error="Commerce: out of stock")
    with db.session() as session:
        session.add(OutboxAction(
            store_id=store_id, kind="commerce.create_order", subject_type="order",
            subject_id=failed_id, payload={}, status=ActionStatus.ERROR,
        ))  # fmt: skip
    changes = ops.retry(db, failed_id)
    assert changes.kinds == ORDER_WRITE and changes.count == 1
    held_id = add_order(db, store_id, "1006", lines=[Line("A", 1, cancelled=1)])
    with db.session() as session:
        held = session.get_one(Order, held_id)
        held.error, held.error_step = held_message(1), ops.validation.COMMERCE_CANCEL_HELD
    assert ops.retry(db, held_id) == ops.NONE


def test_refund_carries_its_changes(db: Database, store_id: int) -> None:
    order_id = add_order(db, store_id, "1007", lines=[Line("A", 1, shipped=1)])
    with db.session() as session:
        session.add(Return(
            store_id=store_id, account_id=walmart_account_id(session, store_id),
            order_id=order_id, return_order_id="RMA-1",
            customer_order_id="C1007", status="INITIATED", refund_amount=10,
            lines=[{"line_number": 1, "qty": 1, "refunded_qty": 0}],
        ))  # fmt: skip
    queued = ops.refund(db, "RMA-1")
    assert queued.changes.kinds == {Change.ORDERS, Change.RETURNS, Change.ACTIVITY, Change.OUTBOX}
    assert queued.units == 1 and _published(db) == 0


def test_listing_operations_count_what_they_did(db: Database, store_id: int) -> None:
    ids = [add_listing(db, store_id, n) for n in (1, 2, 3)]
    resent = ops.resend_listings(db, ids[:2])
    assert resent.changes == Changes.of(Change.LISTINGS, Change.ACTIVITY, Change.OUTBOX, count=2)
    removed = ops.delete_listings(db, ids[2:])
    assert removed.changes == Changes.of(Change.LISTINGS, Change.OUTBOX, count=1)
    matched = ops.match_listings(db, ids[:2])
    assert matched.changes.kinds <= {Change.LISTINGS, Change.ACTIVITY}
    assert matched.done + len(matched.skipped) == 2
    assert _published(db) == 0


def test_store_save_and_remove_say_what_changed(db: Database) -> None:
    creds = ops.CredentialStore()
    answer = ops.store.StoreAnswer(
        name="Shop", commerce_url="https://shop.example", secrets={
            "commerce_token": "t", "walmart_client_id": "i", "walmart_client_secret": "s",
        },
    )  # fmt: skip
    answer.settings.identifier_attributes = {"upc": "UPC"}
    saved = ops.store.save(db, creds, answer, None)
    assert saved.kinds == {Change.STORES} and saved.id is not None
    assert [s.id for s in ops.list_stores(db)] == [saved.id]
    assert ops.store.remove(db, creds, saved.id) == Changes.of(*Change)
    assert ops.list_stores(db) == []
