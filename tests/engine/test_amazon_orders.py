"""Amazon orders end to end over real HTTP (Amazon, Walmart and Commerce sandboxes): a Pending
order is recorded without prices and created in Commerce once Unshipped, through the same
never-twice path as Walmart orders; FBA orders are shown, or recorded as shipped when the
account says so; a buyer's cancel request is flagged; a store with only Amazon works; an
account that cannot be opened is named without stopping the others."""

from __future__ import annotations

from decimal import Decimal

import pytest
from sqlalchemy import select

from channelmanager_gui.models.account import AMAZON, MarketplaceAccount
from channelmanager_gui.models.db import Database
from channelmanager_gui.models.outbox import Activity, OutboxAction
from channelmanager_gui.models.store import Store
from channelmanager_gui.sandbox.amazon import AmazonSandbox
from channelmanager_gui.sandbox.pair import SandboxPair
from channelmanager_gui.services.engine import fulfilment, orders_flow
from channelmanager_gui.services.engine.context import MemorySecrets, StoreNotConnected
from channelmanager_gui.services.marketplace.amazon_adapter import AmazonAdapter
from channelmanager_gui.services.marketplace.amazon_caps import CAPABILITIES as AMAZON_CAPABILITIES
from channelmanager_gui.services.marketplace.walmart_adapter import WalmartAdapter
from channelmanager_gui.services.ops import validation
from channelmanager_gui.services.sync_status import SyncState
from tests.engine.amazon_support import (
    SEARCH_LAG,
    add_amazon_account,
    amazon_admin,
    amazon_sandbox,
    amazon_skus,
    local_order,
    new_amazon_order,
    open_engine,
    secrets_for,
)
from tests.engine.conftest import Admin, orderable_skus
from tests.services.amazon.against_sandbox.conftest import Admin as AmazonAdmin

__all__ = ["amazon_admin", "amazon_sandbox"]  # module fixtures used here

FLOWS = [orders_flow, fulfilment]


def notes(db: Database, order_id: int) -> list[str]:
    with db.session() as session:
        query = select(Activity.message).where(Activity.subject_id == order_id,
                                               Activity.subject_type == "order")  # fmt: skip
        return list(session.scalars(query.order_by(Activity.id)))


def kinds(db: Database, order_id: int) -> list[str]:
    with db.session() as session:
        query = select(OutboxAction.kind).where(OutboxAction.subject_id == order_id)
        return list(session.scalars(query.order_by(OutboxAction.id)))


async def test_a_pending_amazon_order_reaches_commerce_once_unshipped(
    engine_db: Database,
    store_id: int,
    sandbox_pair: SandboxPair,
    amazon_sandbox: AmazonSandbox,
    amazon_admin: AmazonAdmin,
    commerce_admin: Admin,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    account_id = add_amazon_account(engine_db, store_id, amazon_sandbox)
    secrets = secrets_for(sandbox_pair, amazon_sandbox, store_id, account_id)
    sku = amazon_skus(amazon_admin, orderable_skus(sandbox_pair))[0]
    order_id, _ = new_amazon_order(amazon_admin, [(sku, 2)], pending=True)
    amazon_admin.advance(SEARCH_LAG)

    engine = await open_engine(engine_db, secrets, amazon_sandbox, FLOWS, monkeypatch)
    try:
        ctx = engine.env.stores[store_id]
        assert {type(a.adapter) for a in ctx.accounts.values()} == {WalmartAdapter, AmazonAdapter}
        summary = await engine.run_once(drain_timeout=30)
        assert summary.ok, summary
        pending = local_order(engine_db, order_id)
        assert pending is not None and pending.marketplace == AMAZON
        assert pending.account_id == account_id and pending.total == Decimal("0.00")
        assert [ln.unit_price for ln in pending.lines] == [Decimal("0.00")]
        assert kinds(engine_db, pending.id) == []  # nothing for Commerce while Pending
        assert commerce_admin.get(f"/orders?ext_order_id={order_id}")["items"] == []

        amazon_admin.advance(600 + SEARCH_LAG)  # payment authorized: Unshipped, priced
        summary = await engine.run_once(drain_timeout=30)
        assert summary.ok, summary
    finally:
        await engine.aclose()
    order = local_order(engine_db, order_id)
    assert order is not None and order.total > 0 and order.commerce_increment_id
    assert all(ln.unit_price > 0 for ln in order.lines)
    assert kinds(engine_db, order.id) == ["commerce.create_order", "commerce.invoice_order"]
    (made,) = commerce_admin.get(f"/orders?ext_order_id={order_id}")["items"]
    comments = " ".join(c.get("comment") or "" for c in made.get("status_histories") or [])
    assert f"Amazon order {order_id}" in comments and "Walmart" not in comments
    text = " ".join(notes(engine_db, order.id))
    assert f"Imported Amazon order {order_id}" in text
    assert "Walmart order" not in text and "on Walmart" not in text
    assert "offline: Amazon took the payment" in text


async def test_fba_orders_are_shown_or_recorded_as_shipped(
    engine_db: Database,
    store_id: int,
    sandbox_pair: SandboxPair,
    amazon_sandbox: AmazonSandbox,
    amazon_admin: AmazonAdmin,
    commerce_admin: Admin,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    account_id = add_amazon_account(engine_db, store_id, amazon_sandbox)
    secrets = secrets_for(sandbox_pair, amazon_sandbox, store_id, account_id)
    skus = amazon_skus(amazon_admin, orderable_skus(sandbox_pair))
    shown, _ = new_amazon_order(amazon_admin, [(skus[1], 1)], channel="AFN")
    amazon_admin.advance(SEARCH_LAG)
    engine = await open_engine(engine_db, secrets, amazon_sandbox, FLOWS, monkeypatch)
    try:
        assert (await engine.run_once(drain_timeout=30)).ok
    finally:
        await engine.aclose()
    order = local_order(engine_db, shown)
    assert order is not None and order.fulfilled_by == "marketplace"
    assert kinds(engine_db, order.id) == []
    assert any("Fulfilled by Amazon: shown here" in n for n in notes(engine_db, order.id))
    fba = (False, "Amazon fulfils this order itself (FBA).")
    assert validation.can_ship(order) == validation.can_cancel(order) == fba

    with engine_db.session() as session:
        session.get_one(MarketplaceAccount, account_id).settings = {"record_fba_orders": True}
    recorded, _ = new_amazon_order(amazon_admin, [(skus[2], 1)], channel="AFN")
    amazon_admin.advance(SEARCH_LAG)
    engine = await open_engine(engine_db, secrets, amazon_sandbox, FLOWS, monkeypatch)
    try:
        assert (await engine.run_once(drain_timeout=30)).ok
    finally:
        await engine.aclose()
    order = local_order(engine_db, recorded)
    assert order is not None and order.commerce_increment_id
    assert kinds(engine_db, order.id) == [
        "commerce.create_order",
        "commerce.invoice_order",
        "commerce.ship",
    ]
    (shipment,) = order.shipments
    assert shipment.source == "marketplace" and shipment.commerce_shipment_id
    (made,) = commerce_admin.get(f"/orders?ext_order_id={recorded}")["items"]
    assert all(i["qty_shipped"] == i["qty_ordered"] for i in made["items"])


async def test_a_buyer_cancel_request_is_flagged(
    engine_db: Database,
    store_id: int,
    sandbox_pair: SandboxPair,
    amazon_sandbox: AmazonSandbox,
    amazon_admin: AmazonAdmin,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    account_id = add_amazon_account(engine_db, store_id, amazon_sandbox)
    secrets = secrets_for(sandbox_pair, amazon_sandbox, store_id, account_id)
    sku = amazon_skus(amazon_admin, orderable_skus(sandbox_pair))[3]
    order_id, _ = new_amazon_order(amazon_admin, [(sku, 1)])
    amazon_admin.advance(SEARCH_LAG)
    engine = await open_engine(engine_db, secrets, amazon_sandbox, [orders_flow], monkeypatch)
    try:
        assert await engine.scheduler.run_all_once() == []
        amazon_admin.call("POST", f"orders/{order_id}/cancel_request", {"reason": "Too slow"})
        amazon_admin.advance(SEARCH_LAG)
        assert await engine.scheduler.run_all_once() == []
    finally:
        await engine.aclose()
    order = local_order(engine_db, order_id)
    assert order is not None and order.intent_to_cancel
    assert "The buyer asked to cancel this order on Amazon." in notes(engine_db, order.id)


async def test_a_store_with_only_amazon_works_and_a_broken_account_is_named(
    engine_db: Database,
    sandbox_pair: SandboxPair,
    amazon_sandbox: AmazonSandbox,
    amazon_admin: AmazonAdmin,
    commerce_admin: Admin,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    with engine_db.session() as session:
        store = Store(name="Amazon only", commerce_url=sandbox_pair.commerce.url,
                      commerce_store_code="default", settings={})  # fmt: skip
        session.add(store)
        session.flush()
        store_id = store.id
    account_id = add_amazon_account(engine_db, store_id, amazon_sandbox)
    with engine_db.session() as session:  # a second account whose secrets are not saved
        broken = MarketplaceAccount(store_id=store_id, marketplace=AMAZON, name="Amazon CA",
                                    api_url=amazon_sandbox.url, seller_id="X",
                                    marketplace_ids=["A2EUQ1WTGCTBG2"])  # fmt: skip
        session.add(broken)
    secrets = secrets_for(sandbox_pair, amazon_sandbox, store_id, account_id)
    sku = amazon_skus(amazon_admin, orderable_skus(sandbox_pair))[4]
    order_id, _ = new_amazon_order(amazon_admin, [(sku, 1)])
    amazon_admin.advance(SEARCH_LAG)
    engine = await open_engine(engine_db, secrets, amazon_sandbox, FLOWS, monkeypatch)
    try:
        ctx = engine.env.stores[store_id]
        assert list(ctx.accounts) == [account_id] and not ctx.has_walmart
        with pytest.raises(StoreNotConnected):
            _ = ctx.walmart
        assert "returns" not in engine.scheduler.labels  # Walmart-only loop: not for this store
        (status,) = engine.board.errors()
        assert status.name == "Amazon only/Amazon CA" and status.state is SyncState.ERROR
        assert "lwa_client_id" in (status.last_error or "")
        summary = await engine.run_once(drain_timeout=30)
    finally:
        await engine.aclose()
    assert not summary.failed_actions and summary.drained
    assert summary.loop_errors == [status.last_error]  # only the broken account
    order = local_order(engine_db, order_id)
    assert order is not None and order.commerce_increment_id
    assert len(commerce_admin.get(f"/orders?ext_order_id={order_id}")["items"]) == 1


def test_memory_secrets_give_a_walmart_account_the_store_secrets() -> None:
    secrets = MemorySecrets({1: {"walmart_client_id": "id"}}, {2: {"lwa_client_id": "lwa"}})
    walmart = MarketplaceAccount(id=1, store_id=1, marketplace="walmart", name="W", api_url="x")
    amazon = MarketplaceAccount(id=2, store_id=1, marketplace=AMAZON, name="A", api_url="x")
    assert secrets.account_secret(walmart, "walmart_client_id") == "id"
    assert secrets.account_secret(amazon, "lwa_client_id") == "lwa"
    with pytest.raises(Exception, match="lwa_client_secret"):
        secrets.account_secret(amazon, "lwa_client_secret")


async def test_amazon_orders_are_searched_within_amazons_sustained_rate(
    engine_db: Database,
    store_id: int,
    sandbox_pair: SandboxPair,
    amazon_sandbox: AmazonSandbox,
    amazon_admin: AmazonAdmin,
    walmart_admin: Admin,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """searchOrders refills one token per ~179 s (§2.1): passes every 10 s would empty its
    burst in minutes and leave a sale's later pages waiting. Amazon is searched once per
    ``orders_poll_seconds`` while Walmart's orders are read on every pass."""
    account_id = add_amazon_account(engine_db, store_id, amazon_sandbox)
    secrets = secrets_for(sandbox_pair, amazon_sandbox, store_id, account_id)
    engine = await open_engine(engine_db, secrets, amazon_sandbox, [orders_flow], monkeypatch)

    def walmart_reads() -> dict[str, int]:
        return dict(walmart_admin.get("/stats")["requests"])

    def searches() -> int:
        return int(amazon_admin.stats()["requests"].get("searchOrders", 0))

    try:
        await engine.run_once(drain_timeout=30)
        first, walmart_before = searches(), walmart_reads()
        assert first >= 1
        for _ in range(5):  # five passes 10 s apart: Walmart read each time, Amazon not again
            amazon_admin.advance(10)
            await engine.run_once(drain_timeout=30)
        assert searches() == first
        assert walmart_reads() != walmart_before
        amazon_admin.advance(AMAZON_CAPABILITIES.orders_poll_seconds)
        await engine.run_once(drain_timeout=30)
        assert searches() > first
    finally:
        await engine.aclose()
