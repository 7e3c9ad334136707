"""Every Commerce order is invoiced offline once, orders made before that get their invoice on
the first start after the upgrade, and Commerce never writes to the Walmart buyer."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import delete

from channelmanager_gui.models.db import Database
from channelmanager_gui.models.order import Order
from channelmanager_gui.models.store import AppSetting
from channelmanager_gui.sandbox.pair import SandboxPair
from channelmanager_gui.services.engine import order_create
from channelmanager_gui.services.engine.order_invoice import queue_invoice, queue_missing_invoices
from channelmanager_gui.services.engine.settings import DEFAULT_ORDER_EMAIL
from tests.engine.conftest import Admin, MakeEngine
from tests.engine.fulfilment_support import FLOWS, commerce_order, new_order, order, skus
from tests.engine.test_returns import shipped_order
from tests.engine.test_returns_refund import messages


def invoices_of(pair: SandboxPair, entity_id: int | None) -> list[Any]:
    with pair.commerce.state.lock:
        return [d for d in pair.commerce.state.invoices.values() if d.order_id == entity_id]


def forget_the_upgrade_pass(db: Database) -> None:
    """The database as the version before invoicing left it: the one-time pass never ran."""
    with db.session() as session:
        session.execute(delete(AppSetting).where(AppSetting.key == "orders_invoice_backfill"))


async def test_orders_made_before_invoicing_are_invoiced_once_on_upgrade(
    make_engine: MakeEngine,
    sandbox_pair: SandboxPair,
    walmart_admin: Admin,
    commerce_admin: Admin,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    a, b = skus(sandbox_pair, commerce_admin, 2, offset=40)
    with monkeypatch.context() as old_version:  # orders made without their invoice step
        old_version.setattr(order_create, "queue_invoice", lambda *args, **kw: None)
        engine = await make_engine(FLOWS)
        plain = await new_order(engine, walmart_admin, [(a, 2)])
        by_hand = await new_order(engine, walmart_admin, [(b, 1)])
        await engine.aclose()
    plain_entity = order(engine.env.db, plain).commerce_entity_id
    hand_entity = order(engine.env.db, by_hand).commerce_entity_id
    assert invoices_of(sandbox_pair, plain_entity) == []
    commerce_admin.post(f"/orders/{hand_entity}/invoice", {})  # the merchant invoiced one
    forget_the_upgrade_pass(engine.env.db)

    upgraded = await make_engine(FLOWS)
    summary = await upgraded.run_once()

    assert summary.ok, summary
    assert len(invoices_of(sandbox_pair, plain_entity)) == 1
    assert len(invoices_of(sandbox_pair, hand_entity)) == 1  # adopted, not invoiced again
    remote = commerce_order(sandbox_pair, plain_entity or 0)
    assert remote["items"][0]["qty_invoiced"] == 2 and remote["state"] == "processing"
    assert any("Invoiced in Commerce" in m for m in messages(upgraded, plain))
    assert any("already there" in m for m in messages(upgraded, by_hand))
    assert queue_missing_invoices(upgraded.env.db) == 0  # once per database
    forget_the_upgrade_pass(upgraded.env.db)
    assert queue_missing_invoices(upgraded.env.db) == 0  # and never twice for an order


async def test_commerce_mails_the_merchants_address_never_the_walmart_buyer(
    make_engine: MakeEngine,
    sandbox_pair: SandboxPair,
    walmart_admin: Admin,
    commerce_admin: Admin,
) -> None:
    mine = "walmart-orders@shop.example"
    engine = await make_engine(FLOWS, settings={"order_email": mine})
    (a,) = skus(sandbox_pair, commerce_admin, 1, offset=42)
    order_id = await shipped_order(engine, walmart_admin, a, 2, "7720000000000001")

    local = order(engine.env.db, order_id)
    assert local.customer_email.endswith("@relay.walmart.com")  # kept in our database
    remote = commerce_order(sandbox_pair, local.commerce_entity_id or 0)
    assert remote["customer_email"] == remote["billing_address"]["email"] == mine
    assert remote["state"] == "complete"  # invoiced and shipped
    histories = remote["status_histories"]
    assert any(local.customer_email in h["comment"] for h in histories)  # and in a comment
    assert not any(h["is_customer_notified"] for h in histories)
    mails = [m for m in commerce_admin.get("/mails") if m["order_id"] == remote["entity_id"]]
    assert mails == [{"kind": "order", "to": mine, "order_id": remote["entity_id"]}]


async def test_the_default_order_email_reaches_nobody(
    make_engine: MakeEngine,
    sandbox_pair: SandboxPair,
    walmart_admin: Admin,
    commerce_admin: Admin,
) -> None:
    engine = await make_engine(FLOWS)
    (a,) = skus(sandbox_pair, commerce_admin, 1, offset=43)
    order_id = await new_order(engine, walmart_admin, [(a, 1)])
    remote = commerce_order(sandbox_pair, order(engine.env.db, order_id).commerce_entity_id or 0)
    assert remote["customer_email"] == DEFAULT_ORDER_EMAIL
    assert DEFAULT_ORDER_EMAIL.endswith(".invalid")  # RFC 2606: never a real mailbox


async def test_an_order_cancelled_before_its_invoice_step_is_not_an_error(
    make_engine: MakeEngine,
    sandbox_pair: SandboxPair,
    walmart_admin: Admin,
    commerce_admin: Admin,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A cancel (in the app or the admin) can land between the order's creation and its
    invoice step: Commerce then refuses the invoice, and there is nothing to invoice."""
    (sku,) = skus(sandbox_pair, commerce_admin, 1, offset=12)
    queued: list[Any] = []
    with monkeypatch.context() as held:  # the invoice step waits: queued by hand below
        held.setattr(order_create, "queue_invoice", lambda *args, **kw: queued.append(args))
        engine = await make_engine(FLOWS)
        po = await new_order(engine, walmart_admin, [(sku, 1)])
    entity = order(engine.env.db, po).commerce_entity_id
    assert commerce_admin.post(f"/orders/{entity}/cancel")["canceled"] is True
    with engine.env.db.session() as session:
        local = session.get(Order, order(engine.env.db, po).id)
        assert local is not None
        queue_invoice(session, local, look_first=False)  # the first attempt: no look first
    summary = await engine.run_once()

    error = order(engine.env.db, po).error or ""  # held for Walmart's reason (issue 16), fine
    assert "Invoicing" not in error, error
    assert invoices_of(sandbox_pair, entity) == []
    assert any("Not invoiced in Commerce" in m and "canceled" in m for m in messages(engine, po))
    assert not any("invoice" in f for f in summary.failed_actions), summary
    await engine.aclose()
