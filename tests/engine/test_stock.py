"""The stock loop reads only what may have moved (issue 19: an idle shop costs next to nothing),
against the sandbox pair over real HTTP: unchanged listings are not read again, a reservation
moved by an order is still caught by the next pass, and the whole shop's source items are read
in a few large pages when the listings are most of it.
"""

from __future__ import annotations

from typing import Any

import pytest

from channelmanager_gui.models.db import Database
from channelmanager_gui.services.engine import listings_flow, stock
from channelmanager_gui.services.engine.catalog import import_products
from channelmanager_gui.services.engine.inventory import push_changes, reassert_stock
from channelmanager_gui.services.engine.matching import run_matching
from channelmanager_gui.services.engine.stock import poll_stock, recheck_slice
from tests.engine.conftest import COMMERCE_PRODUCTS, Admin, MakeEngine
from tests.engine.listing_support import listing

SALABLE = "get-product-salable-quantity"
SOURCE_ITEMS = "source-items"


def requests(admin: Admin, route_part: str) -> int:
    """Requests the Commerce sandbox answered so far on routes containing ``route_part``."""
    counts: dict[str, int] = admin.get("/stats")["requests"]
    return sum(n for route, n in counts.items() if route_part in route)


class Reads:
    """Requests per route part since the last ``take``."""

    def __init__(self, admin: Admin) -> None:
        self.admin = admin
        self.seen = {part: requests(admin, part) for part in (SALABLE, SOURCE_ITEMS)}

    def take(self) -> dict[str, int]:
        now = {part: requests(self.admin, part) for part in self.seen}
        out = {part: now[part] - self.seen[part] for part in now}
        self.seen = now
        return out


async def test_an_idle_pass_reads_the_source_items_in_one_page_and_no_salable_quantity(
    make_engine: MakeEngine, commerce_admin: Admin, store_id: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    engine = await make_engine([listings_flow])
    env, store = engine.env, engine.env.store(store_id)
    reads = Reads(commerce_admin)
    await import_products(env, store, all=True)  # reads each new listing's stock at once
    # 120 listed SKUs are 3 batches of 50; the shop's 120 source items are one page of 300
    assert reads.take() == {SALABLE: COMMERCE_PRODUCTS, SOURCE_ITEMS: 1}
    monkeypatch.setattr(stock, "recheck_slice", lambda listings, interval: 2)

    again = await poll_stock(env, store)  # nothing moved: only the rotating slice is read
    assert (again["checked"], reads.take()) == (2, {SALABLE: 2, SOURCE_ITEMS: 1})
    full = await reassert_stock(env, store)  # the slow cycle re-sends, it does not re-read all
    assert (full["checked"], reads.take()) == (2, {SALABLE: 2, SOURCE_ITEMS: 1})

    published: list[object] = []  # and passes with nothing to do announce nothing (each
    env.changes.subscribe(published.append)  # notice makes the window re-read its pages)
    await push_changes(env, store)
    await run_matching(env, store)
    assert published == []


async def test_a_reservation_moved_by_an_order_is_caught_by_the_next_pass(
    make_engine: MakeEngine,
    engine_db: Database,
    commerce_admin: Admin,
    store_id: int,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    commerce_admin.post("/orders/bulk", {"count": 1})  # placed through checkout: it reserves
    order: dict[str, Any] = commerce_admin.get("/orders")["items"][-1]
    skus = sorted({item["sku"] for item in order["items"]})
    engine = await make_engine([listings_flow])
    env, store = engine.env, engine.env.store(store_id)
    await import_products(env, store, all=True)
    monkeypatch.setattr(stock, "recheck_slice", lambda listings, interval: 0)
    await poll_stock(env, store)
    before = {sku: listing(engine_db, sku).qty for sku in skus}
    reads = Reads(commerce_admin)

    # Cancelling releases the reservation: salable quantities rise, source items stay.
    assert commerce_admin.post(f"/orders/{order['entity_id']}/cancel")["canceled"] is True
    counts = await poll_stock(env, store)
    assert reads.take()[SALABLE] == len(skus)  # those SKUs only, not all 120
    assert counts["changed"] == len(skus)
    for item in order["items"]:
        assert listing(engine_db, item["sku"]).qty == before[item["sku"]] + item["qty_ordered"]


def test_the_rotating_slice_rereads_every_listing_within_the_period() -> None:
    period_passes = stock.RECHECK_PERIOD.total_seconds() / 20.0
    assert recheck_slice(10_000, 20.0) * period_passes >= 10_000
    assert recheck_slice(10_000, 20.0) < 25  # what each pass re-read before issue 19's fix
    assert recheck_slice(1, 20.0) == 1 and recheck_slice(0, 20.0) == 0


async def test_a_source_change_is_read_when_the_orders_cannot_be(
    make_engine: MakeEngine, engine_db: Database, commerce_admin: Admin, store_id: int
) -> None:
    engine = await make_engine([listings_flow])
    env, store = engine.env, engine.env.store(store_id)
    await import_products(env, store, search="CM-0004")
    commerce_admin.put("/products/CM-00044", {"qty": 6})
    commerce_admin.put("/config", {"denied_resources": ["Magento_Sales::actions_view"]})
    try:
        counts = await poll_stock(env, store)
    finally:
        commerce_admin.put("/config", {"denied_resources": []})
    assert counts["changed"] == 1 and listing(engine_db, "CM-00044").qty == 6
