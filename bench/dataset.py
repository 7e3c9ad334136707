"""Big local data sets for the benchmarks, written with plain SQL inserts.

Importing 100,000 listings or orders through the engine would take the benchmark's own time;
these rows look like what the engine writes (matched, pushed listings; imported orders in every
status) and take seconds. Listings mirror the sandbox's demo catalog, so the engine reading
Commerce finds the same SKUs, prices and stock.
"""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from typing import Any

from channelmanager_gui.models.account import AMAZON, walmart_account_id
from channelmanager_gui.models.db import Database
from channelmanager_gui.models.listing import Listing, ListingState, MatchStatus
from channelmanager_gui.models.order import Order, OrderLine, OrderStatus
from channelmanager_gui.sandbox.amazon.catalog import asin_for
from channelmanager_gui.sandbox.amazon.orderstore import CENT
from channelmanager_gui.sandbox.commerce.catalog import SEED_EPOCH
from channelmanager_gui.sandbox.seed import DemoProduct, demo_catalog

CHUNK = 5_000


def walmart_products(
    seed: int, wanted: int, *, on_amazon: bool = False
) -> tuple[int, list[DemoProduct]]:
    """(catalog size, the first ``wanted`` products set up on Walmart) for a sandbox seed;
    ``on_amazon``: listed on the Amazon sandbox too (its seeding: one Walmart candidate).

    About 45% of the demo catalog are seller items on Walmart; the catalog is grown until
    there are enough, so every listing can be pushed and accepted.
    """
    size = max(300, int(wanted * 2.4))
    while True:
        on_walmart = [p for p in demo_catalog(seed, size)
                      if p.on_walmart and (p.walmart_candidates == 1 or not on_amazon)]  # fmt: skip
        if len(on_walmart) >= wanted:
            return size, on_walmart[:wanted]
        size = int(size * 1.2)


def _listing_row(
    store_id: int, account_id: int, index: int, p: DemoProduct, now: datetime
) -> dict[str, Any]:
    qty = p.qty if p.enabled else 0
    state = ListingState.ACTIVE if p.enabled and qty > 0 else ListingState.INELIGIBLE
    return {
        "store_id": store_id,
        "account_id": account_id,
        "sku": p.sku,
        "name": p.name,
        "commerce_product_id": index + 1,
        "price": p.price,
        "qty": p.qty,
        "enabled": p.enabled,
        "weight": p.weight,
        "source_qty": float(p.qty),
        "stock_checked_at": now,
        "commerce_updated_at": (SEED_EPOCH + timedelta(minutes=index)).replace(tzinfo=UTC),
        "identifier_kind": (p.id_attribute or "upc").upper(),
        "identifier_value": p.id_value,
        "gtin14": p.walmart_gtin,
        "match_status": MatchStatus.MATCHED,
        "marketplace_item_id": str(100_000_000 + index),
        "marketplace_product_id": f"WP{index:010d}",
        "published_status": "PUBLISHED",
        "lifecycle_status": "ACTIVE",
        "last_price_sent": p.price,
        "price_sent_at": now,
        "last_qty_sent": qty,
        "qty_sent_at": now,
        "state": state,
        "created_at": now,
        "updated_at": now,
    }


def catalog_index(p: DemoProduct) -> int:
    """Where a product sits in the demo catalog (CM-00001 is the first)."""
    return int(p.sku.removeprefix("CM-")) - 1


def insert_listings(db: Database, store_id: int, products: list[DemoProduct]) -> int:
    """Matched listings already in step with Walmart, one per product."""
    now = datetime.now(UTC)
    account_id = _walmart_account(db, store_id)
    rows = [_listing_row(store_id, account_id, catalog_index(p), p, now) for p in products]
    _insert(db, Listing.__table__, rows)
    return len(rows)


def insert_amazon_listings(
    db: Database, store_id: int, account_id: int, products: list[DemoProduct]
) -> int:
    """The same products matched on the Amazon account, with what the Amazon sandbox shows
    (its seeding: the product's quantity and price) as last sent: the engine's first listings
    report and push (the bench's warm-up) then find nothing to change but disabled products."""
    now = datetime.now(UTC)
    rows = []
    for p in products:
        row = _listing_row(store_id, account_id, catalog_index(p), p, now)
        row |= {"marketplace": AMAZON, "marketplace_item_id": asin_for(p.sku),
                "marketplace_product_id": None, "published_status": "BUYABLE",
                "lifecycle_status": None, "last_qty_sent": p.qty,
                "last_price_sent": Decimal(str(p.price)).quantize(CENT)}  # fmt: skip
        rows.append(row)
    _insert(db, Listing.__table__, rows)
    return len(rows)


_STATUSES = [
    (OrderStatus.SHIPPED, 70),
    (OrderStatus.CREATED, 8),
    (OrderStatus.ACKNOWLEDGED, 6),
    (OrderStatus.IMPORTED, 4),
    (OrderStatus.PARTIALLY_SHIPPED, 3),
    (OrderStatus.CANCELLED, 4),
    (OrderStatus.ERROR, 2),
    (OrderStatus.REFUNDED, 3),
]


def insert_orders(db: Database, store_id: int, count: int, skus: list[str], seed: int = 1) -> int:
    """``count`` orders over the last year with one to three lines, mostly shipped."""
    rng = random.Random(seed)
    now = datetime.now(UTC)
    statuses = [s for s, weight in _STATUSES for _ in range(weight)]
    account_id = _walmart_account(db, store_id)
    for start in range(0, count, CHUNK):
        orders, lines = [], []
        for n in range(start, min(count, start + CHUNK)):
            order_id = n + 1
            status = rng.choice(statuses)
            date = now - timedelta(minutes=rng.randrange(0, 365 * 24 * 60))
            orders.append(_order_row(store_id, order_id, n, status, date, rng))
            orders[-1]["account_id"] = account_id
            for k in range(rng.choice((1, 1, 1, 2, 3))):
                lines.append(_line_row(order_id, k, rng.choice(skus), status, rng))
        _insert(db, Order.__table__, orders)
        _insert(db, OrderLine.__table__, lines)
    return count


def _order_row(
    store_id: int, order_id: int, n: int, status: str, date: datetime, rng: random.Random
) -> dict[str, Any]:
    linked = status not in (OrderStatus.IMPORTED, OrderStatus.ACKNOWLEDGED, OrderStatus.ERROR)
    return {
        "id": order_id,
        "store_id": store_id,
        "marketplace_order_id": str(2_000_000_000_000 + n * 7919),
        "customer_order_id": str(5_000_000_000_000 + n * 104_729),
        "order_date": date,
        "estimated_ship_date": date + timedelta(days=2),
        "customer_name": rng.choice(("Kathryn Cole", "Marcus Hill", "Priya Natarajan", "Wei Chen")),
        "customer_email": f"buyer{n}@relay.walmart.com",
        "total": round(rng.uniform(5, 400), 2),
        "currency": "USD",
        "shipping_address": {"name": "Bench Buyer", "city": "Austin", "state": "TX"},
        "method_code": "Standard",
        "intent_to_cancel": False,
        "acknowledged_at": date if status != OrderStatus.IMPORTED else None,
        "commerce_entity_id": order_id if linked else None,
        "commerce_increment_id": f"{100_000_000 + order_id}" if linked else None,
        "commerce_linked": linked,
        "status": status,
        "error": "Commerce refused the order: product is out of stock"
        if status == OrderStatus.ERROR
        else None,
        "error_step": "commerce.place" if status == OrderStatus.ERROR else None,
        "created_at": date,
        "updated_at": date,
    }


def _line_row(order_id: int, k: int, sku: str, status: str, rng: random.Random) -> dict[str, Any]:
    qty = rng.choice((1, 1, 1, 2, 3))
    shipped = qty if status in (OrderStatus.SHIPPED, OrderStatus.REFUNDED) else 0
    return {
        "order_id": order_id,
        "line_number": str(k + 1),
        "sku": sku,
        "product_name": "Bench product",
        "qty_ordered": qty,
        "qty_shipped": shipped,
        "qty_cancelled": qty if status == OrderStatus.CANCELLED else 0,
        "qty_refunded": qty if status == OrderStatus.REFUNDED else 0,
        "unit_price": round(rng.uniform(4, 120), 2),
        "tax": 0.0,
        "marketplace_status": "Shipped" if shipped else "Acknowledged",
    }


def _walmart_account(db: Database, store_id: int) -> int:
    with db.session() as session:
        return walmart_account_id(session, store_id)


def _insert(db: Database, table: Any, rows: list[dict[str, Any]]) -> None:
    with db.engine.begin() as conn:
        for start in range(0, len(rows), CHUNK):
            conn.execute(table.insert(), rows[start : start + CHUNK])
