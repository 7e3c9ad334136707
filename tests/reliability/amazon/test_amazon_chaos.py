"""Amazon under faults and a crash: stock and price pushes (one feed at a time) and a refund,
with 500s, 503s, dropped connections (half after Amazon acted) and malformed answers on every
Amazon call, and the process killed right after it sent a feed. Once the faults stop and the
queue drains: nothing lost (every listing shows what the rules say, or why not in words),
nothing doubled (one refund), nothing hanging (``harness/amazon_state``).
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from datetime import timedelta
from decimal import Decimal
from typing import Any

import pytest
from sqlalchemy import select

from channelmanager_gui.errors import ChannelError
from channelmanager_gui.harness.amazon_state import check_amazon, read_amazon_state
from channelmanager_gui.models.db import Database
from channelmanager_gui.models.order import Return
from channelmanager_gui.sandbox.amazon import AmazonSandbox
from channelmanager_gui.services.amazon import AmazonClient
from channelmanager_gui.services.engine import amazon_returns, fulfilment, listings_flow
from channelmanager_gui.services.engine.amazon_push import push_amazon
from channelmanager_gui.services.engine.amazon_returns import sync_amazon_returns
from channelmanager_gui.services.engine.catalog import refresh_catalog
from channelmanager_gui.services.engine.engine import SyncEngine
from channelmanager_gui.services.engine.stock import poll_stock
from channelmanager_gui.services.ops.return_writes import refund
from tests.engine.amazon.conftest import MakeAmazonEngine, account_id
from tests.engine.amazon.test_push import amazon_ready, listed_skus
from tests.engine.amazon.test_returns import add_amazon_order
from tests.engine.conftest import COMMERCE_PRODUCTS, SEED, Admin
from tests.services.amazon.against_sandbox.conftest import Admin as AmazonAdmin

FAULTS = {"error_rate": 0.08, "unavailable_rate": 0.08, "drop_rate": 0.15,
          "malformed_rate": 0.05, "seed": 18}  # fmt: skip
WANTED = (3, Decimal("6.66"))


class SimulatedCrash(BaseException):
    """Escapes every ``except Exception``, like the process being killed."""


@pytest.fixture
def amazon_sandbox() -> Iterator[AmazonSandbox]:
    with AmazonSandbox(seed=SEED, products=COMMERCE_PRODUCTS, orders=20,
                       rate_limit_scale=0) as running:  # fmt: skip
        yield running


def state_return_id(db: Database, order_id: str) -> int:
    with db.session() as session:
        query = select(Return.id).where(Return.customer_order_id == order_id)
        return int(session.scalars(query).one())


async def rounds(engine: SyncEngine, admin: AmazonAdmin, n: int) -> list[str]:
    """``n`` passes of the Amazon loops and the outbox, Amazon's clock moving between them;
    loop errors are kept as the scheduler keeps them (the loop runs again next pass)."""
    env = engine.env
    store = next(iter(env.stores.values()))
    errors = []
    for _ in range(n):
        for loop in (push_amazon, sync_amazon_returns):
            try:
                await loop(env, store)
            except ChannelError as exc:
                errors.append(str(exc))
        await engine.worker.drain(timeout=3)
        admin.advance(30)
    return errors


async def test_amazon_pushes_and_a_refund_lose_nothing_and_double_nothing(
    make_amazon_engine: MakeAmazonEngine, engine_db: Database, store_id: int,
    commerce_admin: Admin, amazon_admin: AmazonAdmin, amazon_sandbox: AmazonSandbox,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    flows = [listings_flow, amazon_returns, fulfilment]
    skus = listed_skus(8)
    engine = await amazon_ready(make_amazon_engine, amazon_admin, skus, flows)
    env, store = engine.env, engine.env.store(store_id)
    order_id = amazon_sandbox.state.returns[0]["Order ID"]
    add_amazon_order(engine_db, store_id, account_id(engine), order_id)
    await sync_amazon_returns(env, store)
    refund(engine_db, state_return_id(engine_db, order_id))
    for sku in skus:
        commerce_admin.put(f"/products/{sku}", {"qty": WANTED[0], "price": float(WANTED[1])})
    await refresh_catalog(env, store)
    await poll_stock(env, store)

    amazon_admin.faults(**FAULTS)
    original = AmazonClient.submit_feed

    @functools.wraps(original)
    async def killed_after(client: Any, *args: Any, **kwargs: Any) -> str:
        await original(client, *args, **kwargs)
        raise SimulatedCrash("killed right after a feed was sent")

    monkeypatch.setattr(AmazonClient, "submit_feed", killed_after)
    with pytest.raises(SimulatedCrash):
        await rounds(engine, amazon_admin, 5)
    monkeypatch.setattr(AmazonClient, "submit_feed", original)

    restarted = await make_amazon_engine(flows)
    restarted.worker.lease = timedelta(0)
    restarted.worker.max_attempts = 1000
    await rounds(restarted, amazon_admin, 12)
    amazon_admin.faults(error_rate=0, unavailable_rate=0, drop_rate=0, malformed_rate=0)
    await rounds(restarted, amazon_admin, 6)

    state = read_amazon_state(amazon_sandbox.url, [order_id])
    report = check_amazon(engine_db, state, dict.fromkeys(skus, WANTED))
    assert report.ok, report.violations
    assert report.listings == len(skus) and report.refunds == 1
    assert not report.explained, report.explained  # every value reached Amazon in the end
    assert sum(amazon_admin.stats()["faults"].values()) > 0
