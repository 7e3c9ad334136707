"""Listings written straight into a test database, one of each state and as many more as asked.

Rows go in through Core inserts, so 100,000 listings take about a second.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import insert

from channelmanager_gui.models.account import walmart_account_id
from channelmanager_gui.models.db import Database
from channelmanager_gui.models.listing import Listing, ListingState, MatchStatus
from channelmanager_gui.models.store import Store
from tests.models.order_seed import walmart_account_sql

SENT_AT = datetime(2024, 5, 1, 10, 0, tzinfo=UTC)

# (state, match status, extra fields): the facts behind each state.
Kinds = tuple[tuple[ListingState, MatchStatus, dict[str, Any]], ...]
KINDS: Kinds = (
    (ListingState.ACTIVE, MatchStatus.MATCHED, {"published_status": "PUBLISHED"}),
    (ListingState.READY, MatchStatus.MATCHED, {"published_status": "UNPUBLISHED"}),
    (ListingState.PENDING_MATCH, MatchStatus.PENDING, {}),
    (ListingState.UNMATCHED, MatchStatus.NOT_FOUND, {}),
    (
        ListingState.INCOMPLETE,
        MatchStatus.NONE,
        {"gtin14": None, "identifier_problem": "UPC 012345678906 has a wrong check digit"},
    ),
    (ListingState.INELIGIBLE, MatchStatus.MATCHED, {"qty": 0}),
    (ListingState.ENDED, MatchStatus.MATCHED, {"lifecycle_status": "RETIRED"}),
)
# Amazon's own tabs (0010), for the tests that need every state.
ALL_KINDS: Kinds = (
    *KINDS,
    (ListingState.INACTIVE, MatchStatus.MATCHED, {"state_reason": "Out of stock on Amazon"}),
    (ListingState.NEW_THIRD_PARTY, MatchStatus.NONE, {"state_reason": "Listed outside the app"}),
)


def add_store(db: Database, name: str = "Test store") -> int:
    with db.session() as session:
        store = Store(
            name=name,
            commerce_url="https://shop.example.com",
            walmart_url="https://marketplace.walmartapis.com",
            settings={},
        )
        session.add(store)
        session.flush()
        return store.id


def listing_values(
    store_id: int, number: int, kinds: Kinds = KINDS, **overrides: Any
) -> dict[str, Any]:
    """A listing row; ``number`` picks its state from ``kinds`` (round robin) and its SKU."""
    state, match, extra = kinds[number % len(kinds)]
    gtin = f"{number:014d}"
    values: dict[str, Any] = {
        "store_id": store_id,
        "sku": f"SKU-{number:06d}",
        "name": f"Product {number:06d}",
        "price": 10 + number % 90 + 0.99,
        "qty": 5 + number % 50,
        "enabled": True,
        "identifier_kind": "UPC",
        "identifier_value": gtin[2:],
        "gtin14": gtin,
        "match_status": match,
        "marketplace_item_id": f"W{number:08d}" if match == MatchStatus.MATCHED else None,
        "last_price_sent": 10 + number % 90 + 0.99 if match == MatchStatus.MATCHED else None,
        "price_sent_at": SENT_AT if match == MatchStatus.MATCHED else None,
        "last_qty_sent": 5 + number % 50 if match == MatchStatus.MATCHED else None,
        "qty_sent_at": SENT_AT if match == MatchStatus.MATCHED else None,
        "state": state,
        "created_at": SENT_AT - timedelta(days=3),
        "updated_at": SENT_AT,
    }
    values.update(extra)
    values.update(overrides)
    return values


def seed_listings(
    db: Database, store_id: int, count: int, start: int = 0, kinds: Kinds = KINDS
) -> None:
    with db.session() as session:
        account_id = walmart_account_id(session, store_id)
        rows = [
            listing_values(store_id, n, kinds, account_id=account_id)
            for n in range(start, start + count)
        ]
        for chunk in range(0, len(rows), 5000):
            session.execute(insert(Listing), rows[chunk : chunk + 5000])


def add_listing(db: Database, store_id: int, number: int, **overrides: Any) -> int:
    with db.session() as session:
        overrides.setdefault("account_id", walmart_account_id(session, store_id))
        listing = Listing(**listing_values(store_id, number, **overrides))
        session.add(listing)
        session.flush()
        return listing.id


def bulk_listings(db: Database, store_id: int, count: int) -> None:
    """``count`` listings in one INSERT … SELECT (ORM inserts of 100,000 rows take 20 s):
    states cycle through KINDS' states; dates use SQLAlchemy's storage format."""
    states = ", ".join(f"'{state.value}'" for state, _, _ in KINDS)
    sql = f"""
        WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < {count - 1})
        INSERT INTO listings (
            store_id, account_id, sku, name, price, qty, enabled, identifier_kind, identifier_value,
            gtin14, match_status, state, created_at, updated_at)
        SELECT {store_id}, {walmart_account_sql(store_id)}, printf('BULK-%07d', i),
            'Bulk product ' || i, (i % 90) + 10.99, i % 50, 1, 'UPC', printf('%012d', i),
            printf('%014d', i), 'matched',
            json_extract(json_array({states}), '$[' || (i % {len(KINDS)}) || ']'),
            '2024-05-01 10:00:00.000000', '2024-05-01 10:00:00.000000'
        FROM n
    """
    with db.engine.begin() as conn:
        conn.exec_driver_sql(sql)
