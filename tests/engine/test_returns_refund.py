"""Refund a Walmart return now (the merchant's decision, no Commerce credit memo awaited), and a
credit memo made in Commerce before its Walmart return was imported: end to end against the
sandbox pair, with a worker killed right after the Commerce credit memo call."""

from __future__ import annotations

import asyncio
from datetime import timedelta
from typing import Any

import pytest
from sqlalchemy import select

from channelmanager_gui.errors import UnavailableError, ValidationError
from channelmanager_gui.models.order import OrderStatus
from channelmanager_gui.models.outbox import OutboxAction
from channelmanager_gui.sandbox.pair import SandboxPair
from channelmanager_gui.services import activity, ops
from channelmanager_gui.services.engine import order_create
from channelmanager_gui.services.engine.cursors import read_cursor, write_cursor
from channelmanager_gui.services.engine.engine import SyncEngine
from channelmanager_gui.services.engine.returns_flow import (
    COMMERCE_REFUND,
    MEMOS_CURSOR,
    WALMART_REFUND,
)
from channelmanager_gui.services.outbox import ActionContext, ActionHandler
from tests.engine.conftest import Admin, MakeEngine
from tests.engine.fulfilment_support import (
    FLOWS,
    CrashAfterSend,
    SimulatedCrash,
    action_count,
    order,
    skus,
)
from tests.engine.test_returns import shipped_order, the_return, walmart_refunded


async def returned_order(
    engine: SyncEngine,
    walmart_admin: Admin,
    sku: str,
    tracking: str,
    *,
    qty: int = 2,
    returned: int = 1,
) -> tuple[int, str]:
    """An order shipped, with a Walmart return of ``returned`` units imported; (id, RMA)."""
    order_id = await shipped_order(engine, walmart_admin, sku, qty, tracking)
    po = order(engine.env.db, order_id).marketplace_order_id
    made = walmart_admin.post(
        "/returns", {"purchaseOrderId": po, "lineNumber": 1, "quantity": returned}
    )
    assert (await engine.run_once()).ok
    return order_id, str(made["returnOrderId"])


def memos_of(pair: SandboxPair, entity_id: int | None) -> list[Any]:
    with pair.commerce.state.lock:
        return [m for m in pair.commerce.state.creditmemos.values() if m.order_id == entity_id]


def actions(engine: SyncEngine, kind: str) -> list[OutboxAction]:
    with engine.env.db.session() as session:
        return list(session.scalars(select(OutboxAction).where(OutboxAction.kind == kind)))


def messages(engine: SyncEngine, order_id: int) -> list[str]:
    with engine.env.db.session() as session:
        return [e.message for e in activity.timeline(session, "order", order_id)]


async def test_refund_now_of_an_uninvoiced_order(
    make_engine: MakeEngine,
    sandbox_pair: SandboxPair,
    walmart_admin: Admin,
    commerce_admin: Admin,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # an order left uninvoiced (its invoice step never queued: the merchant cancelled the
    # invoice in Commerce, or it predates invoicing and the upgrade pass already ran)
    monkeypatch.setattr(order_create, "queue_invoice", lambda *a, **k: None)
    engine = await make_engine(FLOWS)
    (a,) = skus(sandbox_pair, commerce_admin, 1, offset=30)
    order_id, rma = await returned_order(engine, walmart_admin, a, "7710000000000001")
    local = order(engine.env.db, order_id)
    assert local.status == OrderStatus.RETURN_REQUESTED

    queued = ops.refund(engine.env.db, rma)
    assert (queued.return_order_id, queued.units, queued.lines) == (rma, 1, [[1, 1]])
    assert queued.marketplace_order_id == local.marketplace_order_id and queued.commerce_creditmemo
    with pytest.raises(ValidationError) as err:  # twice before the worker ran: refused
        ops.refund(engine.env.db, rma)
    assert err.value.field == "return" and "already queued" in err.value.message
    assert (await engine.run_once()).ok

    assert await walmart_refunded(engine, rma) == 1
    ret = the_return(engine.env.db, order_id)
    assert ret.marketplace_refunded_at is not None and ret.commerce_creditmemo_id is None
    local = order(engine.env.db, order_id)
    assert local.status == OrderStatus.REFUNDED and local.lines[0].qty_refunded == 1
    assert memos_of(sandbox_pair, local.commerce_entity_id) == []
    assert any("nothing invoiced left to refund" in m for m in messages(engine, order_id))

    before = action_count(engine.env.db)
    with pytest.raises(ValidationError) as err:
        ops.refund(engine.env.db, ret.id)
    assert "already refunded on Walmart" in err.value.message
    assert action_count(engine.env.db) == before
    assert (await engine.run_once()).ok
    assert await walmart_refunded(engine, rma) == 1


async def test_refund_now_of_an_invoiced_order_makes_one_credit_memo(
    make_engine: MakeEngine,
    sandbox_pair: SandboxPair,
    walmart_admin: Admin,
    commerce_admin: Admin,
) -> None:
    engine = await make_engine(FLOWS)
    (a,) = skus(sandbox_pair, commerce_admin, 1, offset=31)
    order_id, rma = await returned_order(engine, walmart_admin, a, "7710000000000002", qty=3)
    entity = order(engine.env.db, order_id).commerce_entity_id  # invoiced by the app itself
    refunds_before = len(actions(engine, WALMART_REFUND))

    ops.refund(engine.env.db, rma)
    assert (await engine.run_once()).ok
    assert (await engine.run_once()).ok  # the returns loop now sees our memo: nothing more

    (memo,) = memos_of(sandbox_pair, entity)
    assert [(line["sku"], line["qty"]) for line in memo.items] == [(a, 1)]
    ret = the_return(engine.env.db, order_id)
    assert ret.commerce_creditmemo_id == memo.entity_id and ret.marketplace_refunded_at is not None
    assert len(actions(engine, WALMART_REFUND)) == refunds_before + 1
    assert await walmart_refunded(engine, rma) == 1
    assert order(engine.env.db, order_id).status == OrderStatus.REFUNDED
    assert any(f"Credit memo #{memo.entity_id} made" in m for m in messages(engine, order_id))


async def test_refusals_name_the_field_and_queue_nothing(
    make_engine: MakeEngine,
    sandbox_pair: SandboxPair,
    walmart_admin: Admin,
    commerce_admin: Admin,
) -> None:
    engine = await make_engine(FLOWS)
    (a,) = skus(sandbox_pair, commerce_admin, 1, offset=32)
    order_id, rma = await returned_order(engine, walmart_admin, a, "7710000000000003")
    before = action_count(engine.env.db)
    for ref, words in (
        ("999999999999999999", "no Walmart return"),
        ("", "no Walmart return"),
        (987654, "does not exist"),
    ):
        with pytest.raises(ValidationError) as err:
            ops.refund(engine.env.db, ref)
        assert err.value.field == "return" and words in err.value.message
    with pytest.raises(ValidationError):
        ops.refund(engine.env.db, rma, store_id=10_000)
    assert action_count(engine.env.db) == before
    assert order(engine.env.db, order_id).status == OrderStatus.RETURN_REQUESTED


async def test_killed_after_the_credit_memo_call_makes_one_memo(
    make_engine: MakeEngine,
    sandbox_pair: SandboxPair,
    walmart_admin: Admin,
    commerce_admin: Admin,
) -> None:
    engine = await make_engine(FLOWS)
    (a,) = skus(sandbox_pair, commerce_admin, 1, offset=33)
    order_id, rma = await returned_order(engine, walmart_admin, a, "7710000000000004")
    entity = order(engine.env.db, order_id).commerce_entity_id  # invoiced by the app itself
    ops.refund(engine.env.db, rma)
    engine.worker.handlers = {
        **engine.worker.handlers,
        COMMERCE_REFUND: CrashAfterSend(engine.worker.handlers[COMMERCE_REFUND]),
    }
    with pytest.raises(SimulatedCrash):
        await engine.worker.drain(timeout=30)
    await engine.aclose()
    assert len(memos_of(sandbox_pair, entity)) == 1

    restarted = await make_engine(FLOWS, worker_options={"lease_seconds": 0})
    assert await restarted.worker.drain(timeout=30)
    (memo,) = memos_of(sandbox_pair, entity)
    ret = the_return(restarted.env.db, order_id)
    assert ret.commerce_creditmemo_id == memo.entity_id and ret.error is None
    assert await walmart_refunded(restarted, rma) == 1
    assert order(restarted.env.db, order_id).status == OrderStatus.REFUNDED


async def test_credit_memo_made_before_the_return_was_imported(
    make_engine: MakeEngine,
    store_id: int,
    sandbox_pair: SandboxPair,
    walmart_admin: Admin,
    commerce_admin: Admin,
) -> None:
    """The merchant refunded in Commerce first; the memo watermark has passed it by the time
    the Walmart return is imported, yet the refund still reaches Walmart."""
    engine = await make_engine(FLOWS)
    (a,) = skus(sandbox_pair, commerce_admin, 1, offset=34)
    order_id = await shipped_order(engine, walmart_admin, a, 2, "7710000000000005")
    local = order(engine.env.db, order_id)
    commerce_admin.post(
        f"/orders/{local.commerce_entity_id}/refund", {"items": [{"sku": a, "qty": 1}]}
    )
    assert (await engine.run_once()).ok  # the memo is seen: no return yet, nothing to match
    with engine.env.db.session() as session:  # later memos moved the watermark well past it
        later = read_cursor(session, store_id, MEMOS_CURSOR)
        assert later is not None
        write_cursor(session, store_id, MEMOS_CURSOR, later + timedelta(hours=1))
    made = walmart_admin.post(
        "/returns", {"purchaseOrderId": local.marketplace_order_id, "lineNumber": 1, "quantity": 1}
    )
    assert (await engine.run_once()).ok

    (memo,) = memos_of(sandbox_pair, local.commerce_entity_id)
    ret = the_return(engine.env.db, order_id)
    assert ret.commerce_creditmemo_id == memo.entity_id and ret.marketplace_refunded_at is not None
    assert await walmart_refunded(engine, made["returnOrderId"]) == 1
    assert order(engine.env.db, order_id).status == OrderStatus.REFUNDED
    refunds = len(actions(engine, WALMART_REFUND))
    assert (await engine.run_once()).ok  # looked up once: nothing queued twice
    assert len(actions(engine, WALMART_REFUND)) == refunds


class AnswerNeverComes:
    """Wraps a handler: the first ``send`` reaches the remote system, then hangs (its answer
    never arrives) until the worker is stopped."""

    def __init__(self, inner: ActionHandler) -> None:
        self.inner = inner
        self.in_flight = asyncio.Event()

    async def send(self, ctx: ActionContext) -> dict[str, Any] | None:
        result = await self.inner.send(ctx)
        if not self.in_flight.is_set():
            self.in_flight.set()
            await asyncio.Event().wait()
        return result

    def apply(self, *args: Any) -> None:
        self.inner.apply(*args)

    def failed(self, *args: Any) -> None:
        self.inner.failed(*args)


async def test_stopping_mid_refund_is_prompt_and_refunds_once(
    make_engine: MakeEngine,
    sandbox_pair: SandboxPair,
    walmart_admin: Admin,
    commerce_admin: Admin,
) -> None:
    """Quitting while the Walmart refund waits for its answer: the engine stops without
    waiting for it, and the next start refunds nothing twice."""
    engine = await make_engine(FLOWS, worker_options={"stop_grace": 0})
    (a,) = skus(sandbox_pair, commerce_admin, 1, offset=35)
    order_id, rma = await returned_order(engine, walmart_admin, a, "7710000000000006")
    ops.refund(engine.env.db, rma)
    hung = AnswerNeverComes(engine.worker.handlers[WALMART_REFUND])
    engine.worker.handlers = {**engine.worker.handlers, WALMART_REFUND: hung}
    engine.start()
    await hung.in_flight.wait()
    await asyncio.wait_for(engine.aclose(), timeout=30)

    restarted = await make_engine(FLOWS, worker_options={"lease_seconds": 0})
    assert await walmart_refunded(restarted, rma) == 1  # the first send did reach Walmart
    assert await restarted.worker.drain(timeout=30)
    assert await walmart_refunded(restarted, rma) == 1
    ret = the_return(restarted.env.db, order_id)
    assert ret.marketplace_refunded_at is not None and ret.error is None
    assert order(restarted.env.db, order_id).status == OrderStatus.REFUNDED


async def test_earlier_memo_lookup_that_fails_is_tried_again(
    make_engine: MakeEngine,
    store_id: int,
    sandbox_pair: SandboxPair,
    walmart_admin: Admin,
    commerce_admin: Admin,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    engine = await make_engine(FLOWS)
    (a,) = skus(sandbox_pair, commerce_admin, 1, offset=36)
    order_id = await shipped_order(engine, walmart_admin, a, 1, "7710000000000007")
    local = order(engine.env.db, order_id)
    commerce_admin.post(f"/orders/{local.commerce_entity_id}/refund", {})
    assert (await engine.run_once()).ok
    with engine.env.db.session() as session:
        later = read_cursor(session, store_id, MEMOS_CURSOR)
        assert later is not None
        write_cursor(session, store_id, MEMOS_CURSOR, later + timedelta(hours=1))
    commerce = engine.env.store(store_id).commerce
    real = commerce.list_creditmemos

    async def down_for_one_order(order_id: int | None = None, **kw: Any) -> Any:
        if order_id is not None:
            raise UnavailableError("Commerce is down")
        return await real(order_id, **kw)

    monkeypatch.setattr(commerce, "list_creditmemos", down_for_one_order)
    made = walmart_admin.post(
        "/returns", {"purchaseOrderId": local.marketplace_order_id, "lineNumber": 1, "quantity": 1}
    )
    await engine.run_once()
    assert the_return(engine.env.db, order_id).commerce_creditmemo_id is None
    monkeypatch.setattr(commerce, "list_creditmemos", real)
    assert (await engine.run_once()).ok
    assert the_return(engine.env.db, order_id).commerce_creditmemo_id is not None
    assert await walmart_refunded(engine, made["returnOrderId"]) == 1
