"""The order dashboard's SQL: filters, search, sorting, counts and attention predicates."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import date, timedelta

import pytest

from channelmanager_gui.models import sorted_ids
from channelmanager_gui.models.db import Database, open_database
from channelmanager_gui.models.order import OrderStatus
from channelmanager_gui.models.order_table_queries import (
    Attention,
    OrderFilter,
    OrderSort,
    SortColumn,
    order_counts,
    order_ids,
    rows_by_ids,
)
from tests.models.order_seed import NOW, seed_shop
from tests.models.query_plan import query_plans


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    """One database for the module (migrating takes a while); the tests only read it."""
    database = open_database(tmp_path_factory.mktemp("orders") / "orders.sqlite3")
    yield database
    database.dispose()


@pytest.fixture(scope="module")
def seeded(db: Database) -> dict[str, int]:
    return seed_shop(db)


def ids_for(db: Database, flt: OrderFilter, sort: OrderSort | None = None) -> list[int]:
    with db.session() as session:
        sort = sort or OrderSort(SortColumn.PURCHASE_ORDER, False)
        return list(order_ids(session, flt, sort, NOW))


def test_statuses_are_derived_from_the_seeded_facts(db: Database, seeded: dict[str, int]) -> None:
    with db.session() as session:
        rows = rows_by_ids(session, [seeded[k] for k in ("new", "due", "error", "shipped")], NOW)
    assert [rows[seeded[k]].status for k in ("new", "due", "error", "shipped")] == [
        OrderStatus.IMPORTED,
        OrderStatus.CREATED,
        OrderStatus.ERROR,
        OrderStatus.SHIPPED,
    ]


def test_store_status_and_attention_filters(db: Database, seeded: dict[str, int]) -> None:
    store = seeded["store"]
    assert len(ids_for(db, OrderFilter())) == 8
    assert len(ids_for(db, OrderFilter(store_id=store))) == 7
    created = OrderFilter(store_id=store, status=OrderStatus.CREATED)
    assert ids_for(db, created) == [seeded["due"], seeded["late"], seeded["asked"]]
    expected = {
        Attention.ERROR: [seeded["error"]],
        # the error order is late too; shipped and cancelled orders are never late
        Attention.OVERDUE: [seeded["late"], seeded["error"]],
        Attention.DUE_TODAY: [seeded["due"]],
        Attention.CANCEL_REQUESTED: [seeded["asked"]],
    }
    for kind, wanted in expected.items():
        assert ids_for(db, OrderFilter(store_id=store, attention=kind)) == sorted(wanted)


def test_date_range_uses_local_days_inclusive(db: Database, seeded: dict[str, int]) -> None:
    yesterday = (NOW - timedelta(days=1)).date()
    only_yesterday = OrderFilter(store_id=seeded["store"], date_from=yesterday, date_to=yesterday)
    found = set(ids_for(db, only_yesterday))
    assert seeded["late"] not in found and seeded["shipped"] not in found
    assert seeded["new"] in found
    since = OrderFilter(date_from=date(2024, 5, 6))
    assert seeded["late"] in ids_for(db, since) and seeded["shipped"] not in ids_for(db, since)


@pytest.mark.parametrize(
    ("text", "keys"),
    [
        ("1003", ["late"]),  # Walmart purchase order
        ("C1004", ["error"]),  # customer order number
        ("000000005", ["shipped"]),  # Commerce order number
        ("00000000", ["due", "late", "shipped", "asked"]),  # part of a number
        ("ann lee", ["asked"]),  # customer, any case
        ("1Z999AA10123456784", ["shipped"]),  # exact tracking number
        ("100%", []),  # LIKE wildcards are taken literally
        ("  ", None),  # blank: no search
    ],
)
def test_search(db: Database, seeded: dict[str, int], text: str, keys: list[str] | None) -> None:
    found = ids_for(db, OrderFilter(store_id=seeded["store"], search=text))
    if keys is None:
        assert len(found) == 7
    else:
        assert sorted(found) == sorted(seeded[k] for k in keys)


def test_sorting_in_sql(db: Database, seeded: dict[str, int]) -> None:
    store = OrderFilter(store_id=seeded["store"])
    by_po = ids_for(db, store, OrderSort(SortColumn.PURCHASE_ORDER, descending=True))
    assert by_po[0] == seeded["cancelled"] and by_po[-1] == seeded["new"]
    by_customer = ids_for(db, store, OrderSort(SortColumn.CUSTOMER, descending=False))
    assert by_customer[:2] == [seeded["asked"], seeded["due"]]  # Ann, Bob, then the Janes
    by_date = ids_for(db, store, OrderSort(SortColumn.ORDER_DATE, descending=False))
    assert by_date[:2] == [seeded["shipped"], seeded["late"]]
    by_status = ids_for(db, store, OrderSort(SortColumn.STATUS, descending=False))
    assert by_status[0] == seeded["error"] and by_status[-1] == seeded["cancelled"]
    by_ship_by = ids_for(db, store, OrderSort(SortColumn.SHIP_BY, descending=True))
    assert by_ship_by[0] == seeded["new"]


def test_counts_per_status_and_attention(db: Database, seeded: dict[str, int]) -> None:
    with db.session() as session:
        counts = order_counts(session, OrderFilter(store_id=seeded["store"]), NOW)
    assert counts.total == 7
    assert counts.by_status == {
        OrderStatus.IMPORTED: 1,
        OrderStatus.CREATED: 3,
        OrderStatus.ERROR: 1,
        OrderStatus.SHIPPED: 1,
        OrderStatus.CANCELLED: 1,
    }
    assert counts.attention == {
        Attention.ERROR: 1,
        Attention.OVERDUE: 2,
        Attention.DUE_TODAY: 1,
        Attention.CANCEL_REQUESTED: 1,
    }


def test_counts_ignore_the_status_choice_but_follow_the_search(
    db: Database, seeded: dict[str, int]
) -> None:
    flt = OrderFilter(store_id=seeded["store"], status=OrderStatus.SHIPPED, search="Jane")
    with db.session() as session:
        counts = order_counts(session, flt, NOW)
    assert counts.total == 5  # Jane Doe's orders: new, late, error, shipped, cancelled
    assert OrderStatus.SHIPPED in counts.by_status and OrderStatus.IMPORTED in counts.by_status


def test_a_search_counts_in_one_scan_what_the_index_counts_without_one(
    db: Database, seeded: dict[str, int]
) -> None:
    """Every order of the store has "10" in its number: the same counts either way."""
    scope = OrderFilter(store_id=seeded["store"])
    with db.session() as session:
        plain = order_counts(session, scope, NOW)
        searched = order_counts(session, replace(scope, search="10"), NOW)
    assert ids_for(db, replace(scope, search="10")) == ids_for(db, scope)
    assert searched == plain and plain.total == 7


def test_rows_carry_flags_and_skip_missing_ids(db: Database, seeded: dict[str, int]) -> None:
    with db.session() as session:
        rows = rows_by_ids(session, [seeded["late"], seeded["asked"], seeded["error"], 99999], NOW)
    assert set(rows) == {seeded["late"], seeded["asked"], seeded["error"]}
    assert rows[seeded["late"]].flags == {Attention.OVERDUE}
    assert rows[seeded["asked"]].flags == {Attention.CANCEL_REQUESTED}
    assert rows[seeded["error"]].flags == {Attention.ERROR, Attention.OVERDUE}
    assert rows[seeded["error"]].error == "Commerce: SKU-9 is out of stock"


def test_rows_by_ids_refuses_more_than_a_page(db: Database) -> None:
    with db.session() as session, pytest.raises(ValueError):
        rows_by_ids(session, list(range(501)), NOW)


@pytest.mark.parametrize("column", list(SortColumn))
@pytest.mark.parametrize("descending", [False, True])
def test_each_sort_walks_an_index_instead_of_sorting(
    db: Database, seeded: dict[str, int], column: SortColumn, descending: bool
) -> None:
    """100,000 orders sorted by SQLite take 100-500 ms per refresh; read from an index, ~30."""
    sort = OrderSort(column, descending)
    for flt in (OrderFilter(), OrderFilter(status=OrderStatus.SHIPPED)):
        if flt.status and column is not SortColumn.ORDER_DATE:
            continue  # the status filter has its index for the default sort only
        (plan,) = query_plans(db, lambda s, f=flt: order_ids(s, f, sort, NOW))
        assert "USING" in plan and "INDEX" in plan and "TEMP B-TREE" not in plan, plan


def test_counts_read_the_status_index_alone(db: Database, seeded: dict[str, int]) -> None:
    plans = query_plans(db, lambda s: order_counts(s, OrderFilter(), NOW))
    assert len(plans) == 2
    assert all("COVERING INDEX ix_orders_status_dates" in plan for plan in plans), plans


@pytest.mark.parametrize("column", list(SortColumn))
def test_a_large_choice_is_picked_out_of_the_sort_order_with_the_same_result(
    db: Database, seeded: dict[str, int], column: SortColumn, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Above SORT_IN_SQL matches the chosen status's ids are kept in the order of every
    row: the same list, in the same order, as SQLite sorting the choice itself."""
    flts = [OrderFilter(status=OrderStatus.CREATED), OrderFilter(attention=Attention.OVERDUE),
            OrderFilter(status=OrderStatus.SHIPPED, attention=Attention.ERROR)]  # fmt: skip
    for flt in flts:
        for sort in (OrderSort(column), OrderSort(column, True)):
            by_sql = ids_for(db, flt, sort)
            monkeypatch.setattr(sorted_ids, "SORT_IN_SQL", 0)
            picked = ids_for(db, flt, sort)
            monkeypatch.undo()
            assert picked == by_sql, (flt, sort)
    assert ids_for(db, OrderFilter(status=OrderStatus.CREATED))  # not vacuous
