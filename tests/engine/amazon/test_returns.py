"""Amazon returns against the sandboxes over HTTP (reference §3.4, §3.5): listed from the
returns report into the account's returns, linked to their order, and refunded through the
adjustment feed exactly once even when the process is killed right after sending it.

The sandbox seeds returns for its first three shipped merchant-fulfilled orders (orders=20).
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from datetime import timedelta
from typing import Any

import pytest
from sqlalchemy import select

from channelmanager_gui.models.account import AMAZON
from channelmanager_gui.models.base import utcnow
from channelmanager_gui.models.db import Database
from channelmanager_gui.models.order import Order, Return
from channelmanager_gui.sandbox.amazon import AmazonSandbox
from channelmanager_gui.services.amazon import AmazonClient
from channelmanager_gui.services.engine import amazon_returns, fulfilment
from channelmanager_gui.services.engine.amazon_returns import sync_amazon_returns
from channelmanager_gui.services.ops.return_writes import refund
from tests.engine.amazon.conftest import MakeAmazonEngine, account_id
from tests.engine.conftest import COMMERCE_PRODUCTS, SEED
from tests.services.amazon.against_sandbox.conftest import Admin as AmazonAdmin


class SimulatedCrash(BaseException):
    """Escapes every ``except Exception``, like the process being killed."""


@pytest.fixture
def amazon_sandbox() -> Iterator[AmazonSandbox]:
    with AmazonSandbox(seed=SEED, products=COMMERCE_PRODUCTS, orders=20,
                       rate_limit_scale=0) as running:  # fmt: skip
        yield running


def add_amazon_order(db: Database, store_id: int, account: int, order_id: str) -> int:
    """The Amazon order as the orders flow records it (its import is another module's test)."""
    with db.session() as session:
        order = Order(store_id=store_id, account_id=account, marketplace=AMAZON,
                      marketplace_order_id=order_id, customer_order_id=order_id,
                      order_date=utcnow(), customer_name="J. Doe")  # fmt: skip
        session.add(order)
        session.flush()
        return order.id


def returns(db: Database) -> list[Return]:
    with db.session() as session:
        return list(session.scalars(select(Return).order_by(Return.id)))


async def test_returns_report_lists_amazon_returns_on_the_account(
    make_amazon_engine: MakeAmazonEngine, engine_db: Database, store_id: int,
    amazon_sandbox: AmazonSandbox,
) -> None:  # fmt: skip
    engine = await make_amazon_engine([amazon_returns, fulfilment])
    env, store = engine.env, engine.env.store(store_id)
    account = account_id(engine)
    first = amazon_sandbox.state.returns[0]
    add_amazon_order(engine_db, store_id, account, first["Order ID"])

    counts = await sync_amazon_returns(env, store)
    again = await sync_amazon_returns(env, store)

    assert counts["returns_new"] == 3 and again.get("returns_new", 0) == 0  # once each
    rows = returns(engine_db)
    assert {(r.marketplace, r.account_id) for r in rows} == {(AMAZON, account)}
    assert rows[0].return_order_id == first["Amazon RMA ID"]
    assert rows[0].order_id is not None and rows[1].order_id is None
    assert rows[0].lines[0]["sku"] == first["Merchant SKU"] and rows[0].lines[0]["qty"] == 1
    # A return that came before its order is linked once the order is here.
    add_amazon_order(engine_db, store_id, account, rows[1].customer_order_id)
    assert (await sync_amazon_returns(env, store))["linked"] == 1
    assert returns(engine_db)[1].order_id is not None


async def test_an_amazon_return_is_refunded_once_with_a_crash_in_between(
    make_amazon_engine: MakeAmazonEngine, engine_db: Database, store_id: int,
    amazon_sandbox: AmazonSandbox, amazon_admin: AmazonAdmin, monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    engine = await make_amazon_engine([amazon_returns, fulfilment])
    env, store = engine.env, engine.env.store(store_id)
    first = amazon_sandbox.state.returns[0]
    order_id = first["Order ID"]
    add_amazon_order(engine_db, store_id, account_id(engine), order_id)
    await sync_amazon_returns(env, store)
    ret = returns(engine_db)[0]
    queued = refund(engine_db, ret.id)
    assert queued.lines == [[1, 1]] and not queued.commerce_creditmemo

    original = AmazonClient.submit_feed

    @functools.wraps(original)
    async def killed_after(client: Any, *args: Any, **kwargs: Any) -> str:
        await original(client, *args, **kwargs)  # Amazon has the refund feed …
        raise SimulatedCrash("killed before the feed id was written down")  # … we do not

    monkeypatch.setattr(AmazonClient, "submit_feed", killed_after)
    with pytest.raises(SimulatedCrash):
        await engine.worker.drain(timeout=30)
    monkeypatch.setattr(AmazonClient, "submit_feed", original)
    assert amazon_admin.stats()["requests"]["createFeed"] == 1

    restarted = await make_amazon_engine([amazon_returns, fulfilment])
    restarted.worker.lease = timedelta(0)  # the killed worker's claim is stale at once
    restarted.worker.max_attempts = 1000  # it retries while Amazon processes the feed
    # The feed is still processing: the retry sees no refund posted yet and waits for it.
    assert not await restarted.worker.drain(timeout=0.5)
    assert amazon_admin.stats()["requests"]["createFeed"] == 1
    amazon_admin.advance(60)  # Amazon processes the feed and posts the refund
    assert await restarted.worker.drain(timeout=30)

    assert amazon_admin.stats()["requests"]["createFeed"] == 1  # never sent twice
    assert len(amazon_sandbox.state.orders.get(order_id).refunds) == 1
    ret = returns(engine_db)[0]
    assert ret.marketplace_refunded_at is not None and ret.status == "COMPLETED"
    assert ret.lines[0]["refunded_qty"] == 1
    with pytest.raises(Exception, match="already refunded"):
        refund(engine_db, ret.id)
