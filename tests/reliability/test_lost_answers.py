"""Answers lost at the worst moment, one at a time and on purpose (the chaos run finds these by
chance): the order still ends with exactly one Commerce order, in the state the merchant chose."""

from __future__ import annotations

import functools
from typing import Any

import pytest
from sqlalchemy import select

from channelmanager_gui.errors import UnavailableError
from channelmanager_gui.models.db import Database
from channelmanager_gui.models.order import Order, OrderStatus
from channelmanager_gui.sandbox.pair import SandboxPair
from channelmanager_gui.services import ops
from channelmanager_gui.services.commerce.client import CommerceClient
from tests.engine.conftest import Admin, MakeEngine
from tests.engine.fulfilment_support import FLOWS, skus


def lose_answers_of(monkeypatch: pytest.MonkeyPatch, name: str) -> None:
    """The call reaches Commerce and acts, then the connection drops before the answer."""
    original = getattr(CommerceClient, name)

    @functools.wraps(original)
    async def lost(self: CommerceClient, *args: Any, **kwargs: Any) -> Any:
        await original(self, *args, **kwargs)
        raise UnavailableError("Commerce could not be reached (the connection dropped)")

    monkeypatch.setattr(CommerceClient, name, lost)


async def test_order_placed_with_lost_answer_then_cancelled_is_cancelled_in_commerce(
    make_engine: MakeEngine, engine_db: Database, sandbox_pair: SandboxPair,
    walmart_admin: Admin, commerce_admin: Admin, monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    """Creation gives up right after the order was placed (its answer lost), the merchant
    cancels the order in Error: the Commerce order made from our cart must be cancelled too,
    not left behind as an active order nobody knows about."""
    (sku,) = skus(sandbox_pair, commerce_admin, 1, offset=3)
    po = walmart_admin.post("/orders", {"lines": [{"sku": sku, "qty": 2}]})["purchaseOrderIds"][0]
    lose_answers_of(monkeypatch, "place_order")  # and the worker gives up after one attempt
    engine = await make_engine(FLOWS, worker_options={"max_attempts": 1})
    await engine.run_once(drain_timeout=30)
    with engine_db.session() as session:
        order = session.scalars(select(Order).where(Order.marketplace_order_id == po)).one()
        assert order.status == OrderStatus.ERROR and order.commerce_entity_id is None
        cart_id, order_id = order.commerce_cart_id, order.id
    (placed,) = commerce_admin.get(f"/orders?quote_id={cart_id}")["items"]
    assert placed["state"] != "canceled"

    monkeypatch.undo()
    ops.cancel(engine_db, order_id, "SELLER_CANCEL_OUT_OF_STOCK")
    summary = await engine.run_once(drain_timeout=30)

    assert summary.ok, summary
    (placed,) = commerce_admin.get(f"/orders?quote_id={cart_id}")["items"]
    assert placed["state"] == "canceled"
    assert placed.get("ext_order_id") == po
    history = [h["comment"] for h in placed["status_histories"]]
    assert sum(f"Walmart order {po} " in c for c in history) == 1
    with engine_db.session() as session:
        order = session.get_one(Order, order_id)
        assert order.status == OrderStatus.CANCELLED
        assert order.commerce_entity_id == placed["entity_id"]
        assert order.commerce_increment_id == placed["increment_id"]
