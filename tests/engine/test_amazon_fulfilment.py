"""Shipping and cancelling Amazon orders through the port, over real HTTP: partial then full
shipment with tracking (one package each, its reference fixed when the row is written, even
across a crash), a shipment made in the Commerce admin, a cancellation with one of Amazon's
reasons through the acknowledgement feed (polled until processed), refusals."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable, Coroutine
from datetime import timedelta
from typing import Any

import pytest
from sqlalchemy import select

from channelmanager_gui.errors import ValidationError
from channelmanager_gui.models.db import Database
from channelmanager_gui.models.order import OrderStatus
from channelmanager_gui.models.outbox import OutboxAction
from channelmanager_gui.sandbox.amazon import AmazonSandbox
from channelmanager_gui.sandbox.pair import SandboxPair
from channelmanager_gui.services import ops
from channelmanager_gui.services.engine import marketplace_actions
from channelmanager_gui.services.engine.context import MemorySecrets
from channelmanager_gui.services.engine.engine import SyncEngine
from channelmanager_gui.services.engine.fulfilment_common import load_order
from channelmanager_gui.services.engine.marketplace_actions import AMAZON_CANCEL, AMAZON_SHIP
from channelmanager_gui.services.ops import validation as v
from tests.engine.amazon_support import (
    SEARCH_LAG,
    amazon_admin,
    amazon_sandbox,
    amazon_secrets,
    amazon_skus,
    local_order,
    new_amazon_order,
    open_engine,
)
from tests.engine.conftest import Admin, set_store_settings
from tests.engine.fulfilment_support import (
    FLOWS,
    CrashAfterSend,
    SimulatedCrash,
    credit_unshipped,
    skus,
)
from tests.services.amazon.against_sandbox.conftest import Admin as AmazonAdmin

OUT_OF_STOCK = "SELLER_CANCEL_OUT_OF_STOCK"
__all__ = ["amazon_admin", "amazon_sandbox", "amazon_secrets"]  # fixtures used here

Opener = Callable[..., Coroutine[Any, Any, SyncEngine]]


@pytest.fixture
async def opener(
    engine_db: Database,
    amazon_sandbox: AmazonSandbox,
    amazon_secrets: tuple[int, MemorySecrets],
    amazon_admin: AmazonAdmin,
    monkeypatch: pytest.MonkeyPatch,
) -> AsyncIterator[Opener]:
    """Engines on the store with its Amazon account; feeds finish at once, and a feed being
    processed is looked at again after 10 ms instead of 30 s."""
    monkeypatch.setattr(marketplace_actions, "CHECK_EVERY", 0.01)
    amazon_admin.switches(feedSeconds=0)
    engines: list[SyncEngine] = []

    async def make(**worker: Any) -> SyncEngine:
        engine = await open_engine(engine_db, amazon_secrets[1], amazon_sandbox, FLOWS,
                                   monkeypatch)  # fmt: skip
        engine.worker.__dict__.update(worker)
        engines.append(engine)
        return engine

    yield make
    for engine in engines:
        await engine.aclose()


async def imported_order(
    engine: SyncEngine, pair: SandboxPair, commerce_admin: Admin, amazon_admin: AmazonAdmin,
    lines: list[tuple[int, int]],
) -> tuple[int, str, list[str]]:  # fmt: skip
    """An Unshipped Amazon order of ``(sku index, qty)`` lines, imported and in Commerce."""
    known = amazon_skus(amazon_admin, skus(pair, commerce_admin, 60))
    order_id, items = new_amazon_order(amazon_admin, [(known[n], q) for n, q in lines])
    amazon_admin.advance(SEARCH_LAG)
    summary = await engine.run_once(drain_timeout=30)
    assert summary.ok, summary
    local = local_order(engine.env.db, order_id)
    assert local is not None and local.commerce_entity_id
    return local.id, order_id, items


def ship_request(db: Database, order_id: int, **kw: Any) -> v.ShipRequest:
    local = local_order_by_id(db, order_id)
    args: dict[str, Any] = {"carrier": "UPS", "other_carrier": None, "method_code": None,
                            "tracking_number": "1Z999AA10000000001", "tracking_url": None,
                            "ship_date": None, "lines": {}}  # fmt: skip
    args.update(kw)
    return v.validate_shipment(local, **args)


def local_order_by_id(db: Database, order_id: int) -> Any:
    with db.session() as session:
        return load_order(session, order_id)


async def test_partial_then_full_shipment_reaches_amazon_with_tracking(
    opener: Opener, sandbox_pair: SandboxPair, commerce_admin: Admin, amazon_admin: AmazonAdmin
) -> None:
    engine = await opener()
    local_id, amazon_id, items = await imported_order(
        engine, sandbox_pair, commerce_admin, amazon_admin, [(0, 2), (1, 1)]
    )
    first = ship_request(engine.env.db, local_id, lines={items[0]: 1})
    ops.ship(engine.env.db, local_id, first)
    assert (await engine.run_once(drain_timeout=30)).ok
    remote = amazon_admin.order(amazon_id)
    assert remote["status"] == "PartiallyShipped"
    assert remote["packages"]["1"]["tracking"] == "1Z999AA10000000001"
    assert remote["packages"]["1"]["lines"] == {items[0]: 1}

    # the pass that sent package 1 read the order before; this one reads it PARTIALLY_SHIPPED
    amazon_admin.advance(SEARCH_LAG)
    assert (await engine.run_once(drain_timeout=30)).ok
    partial = local_order_by_id(engine.env.db, local_id)
    assert {ln.marketplace_status for ln in partial.lines} == {"PartiallyShipped"}
    rest = ship_request(engine.env.db, local_id, carrier="Other", other_carrier="Speedy Post",
                        tracking_number="SP-0002", lines={items[0]: 1, items[1]: 1})  # fmt: skip
    ops.ship(engine.env.db, local_id, rest)
    assert (await engine.run_once(drain_timeout=30)).ok
    remote = amazon_admin.order(amazon_id)
    assert remote["status"] == "Shipped" and set(remote["packages"]) == {"1", "2"}
    assert remote["packages"]["2"]["carrier_code"] == "Other"
    assert remote["packages"]["2"]["carrier_name"] == "Speedy Post"
    local = local_order_by_id(engine.env.db, local_id)
    assert local.status == OrderStatus.SHIPPED
    assert [s.package_reference for s in local.shipments] == ["1", "2"]
    assert all(s.marketplace_sent_at for s in local.shipments)


async def test_a_crash_after_confirming_sends_the_package_once(
    opener: Opener, sandbox_pair: SandboxPair, commerce_admin: Admin, amazon_admin: AmazonAdmin
) -> None:
    engine = await opener()
    local_id, amazon_id, items = await imported_order(
        engine, sandbox_pair, commerce_admin, amazon_admin, [(2, 1)]
    )
    ops.ship(engine.env.db, local_id, ship_request(engine.env.db, local_id, lines={items[0]: 1}))
    handlers = engine.worker.handlers
    engine.worker.handlers = {**handlers, AMAZON_SHIP: CrashAfterSend(handlers[AMAZON_SHIP])}
    with pytest.raises(SimulatedCrash):
        await engine.worker.drain(timeout=30)
    await engine.aclose()
    before = amazon_admin.stats()["requests"]

    restarted = await opener(lease=timedelta(0))
    assert await restarted.worker.drain(timeout=30)
    remote = amazon_admin.order(amazon_id)
    assert list(remote["packages"]) == ["1"] and remote["status"] == "Shipped"
    after = amazon_admin.stats()["requests"]
    assert after["confirmShipment"] == before["confirmShipment"] >= 1  # read, not resent
    local = local_order_by_id(restarted.env.db, local_id)
    assert local.error is None and local.shipments[0].marketplace_sent_at


async def test_cancel_with_an_amazon_reason_and_refusals(
    opener: Opener, sandbox_pair: SandboxPair, commerce_admin: Admin, amazon_admin: AmazonAdmin
) -> None:
    engine = await opener()
    local_id, amazon_id, _ = await imported_order(
        engine, sandbox_pair, commerce_admin, amazon_admin, [(3, 2)]
    )
    with pytest.raises(ValidationError, match="not one of Amazon's reasons"):
        ops.cancel(engine.env.db, local_id, "SELLER_CANCEL_OUT_OF_STOCK")
    ops.cancel(engine.env.db, local_id, "No inventory")  # the label works as the code
    summary = await engine.run_once(drain_timeout=30)
    assert summary.ok, summary
    assert amazon_admin.order(amazon_id)["status"] == "Canceled"
    local = local_order_by_id(engine.env.db, local_id)
    assert local.status == OrderStatus.CANCELLED and local.cancel_reason == "NoInventory"
    remote = commerce_admin.get(f"/orders?ext_order_id={amazon_id}")["items"][0]
    assert remote["state"] in ("canceled", "closed")

    shipped_id, _, shipped_items = await imported_order(
        engine, sandbox_pair, commerce_admin, amazon_admin, [(4, 2)]
    )
    ops.ship(engine.env.db, shipped_id,
             ship_request(engine.env.db, shipped_id, lines={shipped_items[0]: 1}))  # fmt: skip
    with pytest.raises(ValidationError, match="Part of the order has shipped; Amazon"):
        ops.cancel(engine.env.db, shipped_id, "NoInventory")


async def test_an_amazon_cancel_waits_for_the_feed_without_failing(
    opener: Opener, sandbox_pair: SandboxPair, commerce_admin: Admin, amazon_admin: AmazonAdmin
) -> None:
    engine = await opener()
    local_id, amazon_id, _ = await imported_order(
        engine, sandbox_pair, commerce_admin, amazon_admin, [(5, 1)]
    )
    amazon_admin.switches(feedSeconds=60)
    feeds_before = amazon_admin.stats()["requests"].get("createFeed", 0)
    ops.cancel(engine.env.db, local_id, "GeneralAdjustment")
    assert not await engine.worker.drain(timeout=1)  # the feed is processing: it waits
    with engine.env.db.session() as session:
        action = session.scalars(
            select(OutboxAction).where(
                OutboxAction.kind == AMAZON_CANCEL, OutboxAction.subject_id == local_id
            )
        ).one()
        assert action.status == "pending" and action.attempts == 0
        assert action.payload["submission_id"]
    amazon_admin.advance(61)
    amazon_admin.switches(feedSeconds=0)
    assert await engine.worker.drain(timeout=30)
    assert amazon_admin.order(amazon_id)["status"] == "Canceled"
    assert amazon_admin.stats()["requests"]["createFeed"] == feeds_before + 1  # submitted once


async def test_a_cancellation_made_in_commerce_reaches_amazon(
    opener: Opener, engine_db: Database, store_id: int, sandbox_pair: SandboxPair,
    commerce_admin: Admin, amazon_admin: AmazonAdmin,
) -> None:  # fmt: skip
    set_store_settings(engine_db, store_id, {"commerce_cancel_reason": OUT_OF_STOCK})
    engine = await opener()
    local_id, amazon_id, _ = await imported_order(
        engine, sandbox_pair, commerce_admin, amazon_admin, [(6, 2)]
    )
    credit_unshipped(commerce_admin, amazon_id)  # the merchant cancels in the Commerce admin
    summary = await engine.run_once(drain_timeout=30)
    assert summary.ok, summary
    assert amazon_admin.order(amazon_id)["status"] == "Canceled"
    local = local_order_by_id(engine.env.db, local_id)
    assert local.cancel_reason == "NoInventory"  # the store's Walmart reason, in Amazon's words
    with engine.env.db.session() as session:
        kinds = list(session.scalars(select(OutboxAction.kind).where(
            OutboxAction.subject_id == local_id).order_by(OutboxAction.id)))  # fmt: skip
    assert kinds.count(AMAZON_CANCEL) == 1 and "walmart.cancel" not in kinds
