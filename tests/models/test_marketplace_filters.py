"""Every list filters by marketplace in SQL: orders, listings (with Amazon's tabs), returns and
the activity log, each with rows of both marketplaces seeded."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

import pytest

from channelmanager_gui.models import sorted_ids
from channelmanager_gui.models.activity_queries import ActivityFilter, activity_ids
from channelmanager_gui.models.activity_queries import rows_by_ids as activity_rows
from channelmanager_gui.models.db import Database, open_database
from channelmanager_gui.models.listing import Listing, ListingState
from channelmanager_gui.models.listing_table_queries import (
    AMAZON_TABS,
    ListingFilter,
    ListingSort,
    ListingSortColumn,
    listing_counts,
    listing_ids,
)
from channelmanager_gui.models.listing_table_queries import rows_by_ids as listing_rows
from channelmanager_gui.models.order import Order, OrderStatus, Return
from channelmanager_gui.models.order_table_queries import (
    OrderFilter,
    OrderSort,
    SortColumn,
    order_counts,
    order_ids,
)
from channelmanager_gui.models.order_table_queries import rows_by_ids as order_rows
from channelmanager_gui.models.outbox import Activity
from channelmanager_gui.services import ops
from tests.models.listing_seed import ALL_KINDS, seed_listings
from tests.models.marketplace_seed import add_amazon_account, move_to_amazon
from tests.models.order_seed import NOW, add_order, add_store, seed_shop
from tests.models.query_plan import query_plans


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    database = open_database(tmp_path_factory.mktemp("marketplaces") / "m.sqlite3")
    yield database
    database.dispose()


@pytest.fixture(scope="module")
def seeded(db: Database) -> dict[str, int]:
    """The order shop, two orders and the Amazon listings of every tab on an Amazon account."""
    ids = seed_shop(db)
    store = ids["store"]
    amazon = add_amazon_account(db, store)
    ids["amazon"] = amazon
    ids["a1"] = add_order(db, store, "111-0000001-0000001", ship_by=NOW + timedelta(days=1))
    ids["a2"] = add_order(db, store, "111-0000002-0000002", error="Commerce refused it")
    move_to_amazon(db, Order, [ids["a1"], ids["a2"]], amazon)
    listings_store = add_store(db, "Listings store")
    ids["listings_store"] = listings_store
    listings_amazon = add_amazon_account(db, listings_store)
    seed_listings(db, listings_store, 18, kinds=ALL_KINDS)
    with db.session() as session:
        every = [row[0] for row in session.query(Listing.id).order_by(Listing.id)]
        session.add_all([
            Return(store_id=store, account_id=ids["amazon"], marketplace="amazon",
                   return_order_id="AMZ-R1", customer_order_id="111-0000001-0000001"),
            Return(store_id=store, account_id=1, return_order_id="W-R1", customer_order_id="C1"),
            Activity(store_id=store, subject_type="order", subject_id=ids["a1"],
                     event="order.imported", message="Amazon order imported"),
            Activity(store_id=store, subject_type="order", subject_id=ids["new"],
                     event="order.imported", message="Walmart order imported"),
            Activity(store_id=store, subject_type="sync", subject_id=None,
                     event="sync", message="Sync ran"),
        ])  # fmt: skip
    move_to_amazon(db, Listing, every[9:], listings_amazon)  # 9 Walmart, 9 Amazon
    return ids


def _orders(db: Database, flt: OrderFilter) -> list[int]:
    with db.session() as session:
        return list(order_ids(session, flt, OrderSort(SortColumn.PURCHASE_ORDER, False), NOW))


def test_orders_filter_by_marketplace_and_rows_name_it(
    db: Database, seeded: dict[str, int]
) -> None:
    store = seeded["store"]
    both = _orders(db, OrderFilter(store_id=store))
    amazon = _orders(db, OrderFilter(store_id=store, marketplace="amazon"))
    walmart = _orders(db, OrderFilter(store_id=store, marketplace="walmart"))
    assert sorted(amazon) == sorted([seeded["a1"], seeded["a2"]])
    assert sorted(walmart + amazon) == sorted(both) and len(walmart) == 7
    with db.session() as session:
        rows = order_rows(session, both, NOW)
        counts = order_counts(session, OrderFilter(store_id=store, marketplace="amazon"), NOW)
    assert {rows[i].marketplace for i in amazon} == {"amazon"}
    assert {rows[i].marketplace for i in walmart} == {"walmart"}
    assert counts.total == 2 and counts.by_status.get(OrderStatus.ERROR) == 1


@pytest.mark.parametrize("column", list(SortColumn))
def test_a_large_marketplace_choice_keeps_the_sort_order(
    db: Database, seeded: dict[str, int], column: SortColumn, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Picked out of the sort index's order (above SORT_IN_SQL) or sorted by SQLite: the same."""
    for flt in (OrderFilter(marketplace="walmart"),
                OrderFilter(marketplace="amazon", status=OrderStatus.ERROR)):  # fmt: skip
        sort = OrderSort(column, True)
        with db.session() as session:
            by_sql = list(order_ids(session, flt, sort, NOW))
            monkeypatch.setattr(sorted_ids, "SORT_IN_SQL", 0)
            picked = list(order_ids(session, flt, sort, NOW))
            monkeypatch.undo()
        assert picked == by_sql and by_sql, (flt, column)


def test_the_marketplace_choice_reads_its_index(db: Database, seeded: dict[str, int]) -> None:
    """The chosen ids come from ix_orders_marketplace, the order from the sort's own index."""
    monkey = pytest.MonkeyPatch()
    monkey.setattr(sorted_ids, "SORT_IN_SQL", 0)
    try:
        flt, sort = OrderFilter(marketplace="amazon"), OrderSort(SortColumn.TOTAL)
        plans = query_plans(db, lambda s: order_ids(s, flt, sort, NOW))
    finally:
        monkey.undo()
    assert "ix_orders_marketplace" in plans[0], plans
    assert "TEMP B-TREE" not in plans[1] and "ix_orders_total" in plans[1], plans


def test_listings_filter_by_marketplace_with_amazon_tabs_and_reasons(
    db: Database, seeded: dict[str, int]
) -> None:
    store = seeded["listings_store"]
    amazon = ListingFilter(store_id=store, marketplace="amazon")
    sort = ListingSort(ListingSortColumn.SKU)
    with db.session() as session:
        ids = list(listing_ids(session, amazon, sort))
        walmart_ids = list(
            listing_ids(session, ListingFilter(store_id=store, marketplace="walmart"), sort)
        )
        rows = listing_rows(session, ids)
        counts = listing_counts(session, amazon)
        inactive_tab = ListingFilter(store_id=store, tab="inactive", marketplace="amazon")
        inactive = list(listing_ids(session, inactive_tab, sort))
    assert len(ids) == 9 and len(walmart_ids) == 9 and not set(ids) & set(walmart_ids)
    assert {row.marketplace for row in rows.values()} == {"amazon"}
    assert set(counts.by_tab) >= set(AMAZON_TABS) and counts.get("") == 9
    assert counts.get(ListingState.INACTIVE) == counts.get(ListingState.NEW_THIRD_PARTY) == 1
    (one,) = inactive
    assert rows[one].state_reason == "Out of stock on Amazon"


def test_returns_and_activity_filter_by_marketplace(db: Database, seeded: dict[str, int]) -> None:
    amazon = ops.list_returns(db, seeded["store"], marketplace="amazon")
    assert [r.return_order_id for r in amazon] == ["AMZ-R1"]
    assert [r.return_order_id for r in ops.list_returns(db, marketplace="walmart")] == ["W-R1"]
    with db.session() as session:
        on_amazon = activity_ids(session, ActivityFilter(marketplace="amazon"))
        on_walmart = activity_ids(session, ActivityFilter(marketplace="walmart"))
        every = activity_ids(session, ActivityFilter())
        rows = activity_rows(session, every)
    assert [rows[i].message for i in on_amazon] == ["Amazon order imported"]
    assert [rows[i].message for i in on_walmart] == ["Walmart order imported"]
    assert {rows[i].message: rows[i].marketplace for i in every} == {
        "Amazon order imported": "amazon", "Walmart order imported": "walmart", "Sync ran": None,
    }  # fmt: skip
