"""Chaos run: Walmart orders through the engine while both sandboxes fail, then the invariants.

The scenario a merchant lives through on a bad day: a batch of Walmart orders arrives while
both APIs answer 500s, throttle in 429 storms, drop connections (before and after acting), cut
bodies short and lag. The engine imports, acknowledges and creates them in Commerce; the
merchant ships some (a share in two parts) and cancels others through the engine services
(``ops.ship``, ``ops.cancel``, checked by ``services/ops/validation``).
Then the faults stop, the merchant presses Retry on what gave up, the queue drains, and
``harness/invariants.py`` compares the database with both sandboxes.

The CI test runs a small plan (tests/reliability/test_chaos.py); the long run is
``python -m channelmanager_gui.harness.chaos_run --orders 1000`` (docs/reliability.md).
"""

from __future__ import annotations

import logging
import random
import time
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

import httpx
from sqlalchemy import select

from channelmanager_gui.harness import amazon_side
from channelmanager_gui.harness.chaos_merchant import Merchant
from channelmanager_gui.harness.invariants import InvariantReport, check_invariants
from channelmanager_gui.harness.remote_state import commerce_baseline, read_remote_state
from channelmanager_gui.models.account import AMAZON, MarketplaceAccount
from channelmanager_gui.models.db import Database
from channelmanager_gui.models.store import Store
from channelmanager_gui.sandbox.pair import SandboxPair
from channelmanager_gui.services.engine import fulfilment, orders_flow
from channelmanager_gui.services.engine.engine import SyncEngine
from channelmanager_gui.services.http import RetryPolicy
from channelmanager_gui.services.secret_sources import MemorySecrets

log = logging.getLogger(__name__)

CALM = {"error_rate": 0.0, "throttle_rate": 0.0, "drop_rate": 0.0, "malformed_rate": 0.0,
        "latency_ms": 0.0}  # fmt: skip


@dataclass
class ChaosPlan:
    orders: int = 150
    ship_share: float = 0.3  # orders shipped through the engine
    partial_share: float = 0.3  # of those, shipped in two parts
    cancel_share: float = 0.1  # orders cancelled through the engine
    fault_rate: float = 0.2  # each switch: 500s, 429 storms, drops, malformed bodies
    throttle_rate: float | None = None  # 429 storms, when not ``fault_rate``
    storm_seconds: float = 0.2
    latency_ms: float = 2.0
    rounds: int = 4  # engine passes while faults are on
    calm_rounds: int = 6  # passes after, each preceded by the merchant's Retry
    drain_timeout: float = 300.0
    seed: int = 7
    amazon_orders: int = 0  # Amazon orders too, when the pair runs the Amazon sandbox

    def faults(self) -> dict[str, float]:
        rate = self.fault_rate
        throttle = rate if self.throttle_rate is None else self.throttle_rate
        return {"error_rate": rate, "throttle_rate": throttle, "drop_rate": rate,
                "malformed_rate": rate, "latency_ms": self.latency_ms,
                "storm_seconds": self.storm_seconds}  # fmt: skip


@dataclass
class ChaosResult:
    plan: ChaosPlan
    purchase_order_ids: list[str] = field(default_factory=list)
    amazon_order_ids: list[str] = field(default_factory=list)
    actions: Counter[str] = field(default_factory=Counter)  # ships, partial, cancels, retries
    faults: dict[str, dict[str, int]] = field(default_factory=dict)  # sandbox → kind → count
    report: InvariantReport = field(default_factory=InvariantReport)
    seconds: float = 0.0

    @property
    def faults_total(self) -> int:
        return sum(sum(kinds.values()) for kinds in self.faults.values())

    def summary(self) -> str:
        kinds: Counter[str] = Counter()
        for by_kind in self.faults.values():
            kinds.update(by_kind)
        return (
            f"{len(self.purchase_order_ids)} Walmart and {len(self.amazon_order_ids)} Amazon "
            f"orders in {self.seconds:.0f}s; actions "
            f"{dict(self.actions)}; faults {self.faults_total} {dict(kinds)}\n"
            + self.report.summary()
        )


class Admin:
    """One sandbox's ``/_sandbox`` API over a kept-alive connection."""

    def __init__(self, url: str) -> None:
        self.http = httpx.Client(base_url=f"{url}/_sandbox", timeout=60)

    def call(self, method: str, path: str, body: Any = None) -> Any:
        answer = self.http.request(method, path, json=body)
        answer.raise_for_status()
        return answer.json()

    def close(self) -> None:
        self.http.close()


def orderable_skus(pair: SandboxPair, min_qty: int = 1) -> list[str]:
    """SKUs active on Walmart and enabled in Commerce; their Commerce stock is topped up so a
    long run never fails for want of stock (stock-outs are the bad-input tests' business)."""
    walmart, commerce = Admin(pair.walmart.url), Admin(pair.commerce.url)
    skus = []
    try:
        for product in pair.commerce.state.products.values():
            if product.status != 1:
                continue
            item = walmart.http.get(f"/items/{product.sku}")
            if item.status_code == 200 and item.json().get("lifecycleStatus") == "ACTIVE":
                commerce.call("PUT", f"/products/{product.sku}", {"qty": 100_000})
                skus.append(product.sku)
    finally:
        walmart.close()
        commerce.close()
    return skus


QUICK_RETRY = RetryPolicy(attempts=4, base_delay=0.01, max_delay=0.05)
QUICK_WORKER = {"base_delay": 0.01, "max_delay": 0.2, "max_attempts": 8}


def add_sandbox_store(db: Database, pair: SandboxPair, name: str = "Chaos store") -> int:
    """A store row pointing at the pair (secrets stay in memory, see ``open_engine``)."""
    with db.session() as session:
        store = Store(
            name=name,
            commerce_url=pair.commerce.url,
            commerce_store_code="default",
            walmart_url=pair.walmart.url,
            settings={},
        )
        session.add(store)
        session.flush()
        store_id = store.id
    if pair.amazon is not None:
        amazon_side.add_amazon_account(db, store_id, pair.amazon)
    return store_id


def engine_secrets(db: Database, pair: SandboxPair, store_id: int) -> MemorySecrets:
    """The store's and its Amazon account's sandbox secrets (in memory only)."""
    secrets = {"commerce_token": pair.commerce.token, "walmart_client_id": pair.walmart.client_id,
               "walmart_client_secret": pair.walmart.client_secret}  # fmt: skip
    by_account: dict[int, dict[str, str]] = {}
    if pair.amazon is not None:
        with db.session() as session:
            ids = session.scalars(select(MarketplaceAccount.id).where(
                MarketplaceAccount.store_id == store_id, MarketplaceAccount.marketplace == AMAZON
            ))  # fmt: skip
            by_account = dict.fromkeys(ids, amazon_side.amazon_secrets(pair.amazon))
    return MemorySecrets({store_id: secrets}, by_account)


async def open_engine(db: Database, pair: SandboxPair, store_id: int) -> SyncEngine:
    """The orders and fulfilment flows over the pair, with quick retries and no client-side
    request spacing: the sandboxes run without rate limits, and faults are the point here, not
    politeness. With the Amazon sandbox, the engine runs on its clock (``amazon_side``)."""
    options: dict[str, dict[str, Any]] = {
        "walmart": {"retry": QUICK_RETRY, "spacing": {}},
        "commerce": {"retry": QUICK_RETRY},
    }
    time = amazon_side.SandboxTime(pair.amazon) if pair.amazon is not None else None
    if time is not None:
        options["amazon"] = {"retry": QUICK_RETRY, "clock": time}
    engine = SyncEngine(
        db,
        engine_secrets(db, pair, store_id),
        flows=[orders_flow, fulfilment],
        worker_options=QUICK_WORKER,
        client_options=options,
    )
    if time is not None:
        engine.env.clock = time.utcnow
    await engine.open()
    return engine


def _set_faults(pair: SandboxPair, values: dict[str, float]) -> None:
    amazon = [pair.amazon.url] if pair.amazon is not None else []
    for url in (pair.walmart.url, pair.commerce.url, *amazon):
        admin = Admin(url)
        try:
            admin.call("PUT", "/faults", values)
        finally:
            admin.close()


def _injected(pair: SandboxPair) -> dict[str, dict[str, int]]:
    injected = {
        "walmart": dict(pair.walmart.faults.public()["injected"]),
        "commerce": dict(pair.commerce.faults.public()["injected"]),
    }
    if pair.amazon is not None:
        injected["amazon"] = dict(pair.amazon.faults.public()["injected"])
    return injected


def make_orders(pair: SandboxPair, skus: list[str], count: int, rng: random.Random) -> list[str]:
    """``count`` Walmart orders of 1–3 lines of 1–3 units (the buyers' side)."""
    admin = Admin(pair.walmart.url)
    pos = []
    try:
        for _ in range(count):
            picked = rng.sample(skus, rng.randint(1, 3))
            lines = [{"sku": sku, "qty": rng.randint(1, 3)} for sku in picked]
            made = admin.call("POST", "/orders", {"lines": lines})
            pos.append(str(made["purchaseOrderIds"][0]))
    finally:
        admin.close()
    return pos


async def run_chaos(
    pair: SandboxPair, db: Database, engine: SyncEngine, plan: ChaosPlan, skus: list[str]
) -> ChaosResult:
    """The whole scenario on an opened engine; the result holds the figures and the report."""
    started = time.monotonic()
    rng = random.Random(plan.seed)
    result = ChaosResult(plan=plan)
    baseline = commerce_baseline(pair)
    before = _injected(pair)
    result.purchase_order_ids = make_orders(pair, skus, plan.orders, rng)
    if pair.amazon is not None and plan.amazon_orders:
        result.amazon_order_ids = amazon_side.make_amazon_orders(
            pair.amazon, skus, plan.amazon_orders, rng
        )
    merchant = Merchant(db, engine, plan, rng, result.actions)
    _set_faults(pair, {**plan.faults(), "seed": plan.seed})
    try:
        for n in range(plan.rounds):
            t = time.monotonic()
            await engine.run_once(drain_timeout=plan.drain_timeout)
            merchant.act()
            log.info("chaos round %s: %.1fs", n, time.monotonic() - t)
    finally:
        _set_faults(pair, CALM)
    for _ in range(plan.calm_rounds):
        merchant.retry_errors()
        merchant.act()
        t = time.monotonic()
        summary = await engine.run_once(drain_timeout=plan.drain_timeout)
        log.info("calm round: %.1fs %s", time.monotonic() - t, summary)
        if summary.ok and merchant.done():
            break
    result.faults = _minus(_injected(pair), before)
    remote = read_remote_state(pair, result.purchase_order_ids, result.amazon_order_ids)
    expected = [*result.purchase_order_ids, *result.amazon_order_ids]
    result.report = check_invariants(db, remote, expected_pos=expected, baseline_entity_id=baseline)
    result.seconds = time.monotonic() - started
    return result


Injected = dict[str, dict[str, int]]


def _minus(after: Injected, before: Injected) -> Injected:
    return {
        name: {k: v - before.get(name, {}).get(k, 0) for k, v in kinds.items()}
        for name, kinds in after.items()
    }
