"""Listing ids per tab, search and sort; counts per tab; rows by ids — against real SQLite."""

from __future__ import annotations

from collections.abc import Iterator
from itertools import pairwise

import pytest
from sqlalchemy import update

from channelmanager_gui.models import sorted_ids
from channelmanager_gui.models.db import Database, open_database
from channelmanager_gui.models.listing import Listing, ListingState
from channelmanager_gui.models.listing_table_queries import (
    ALL,
    IN_ERROR,
    PAGE_LIMIT,
    ListingFilter,
    ListingSort,
    ListingSortColumn,
    listing_counts,
    listing_ids,
    load_ids,
    rows_by_ids,
)
from tests.models.listing_seed import ALL_KINDS, add_listing, add_store, seed_listings
from tests.models.query_plan import query_plans


@pytest.fixture
def db() -> Iterator[Database]:
    database = open_database()
    yield database
    database.dispose()


@pytest.fixture
def store_id(db: Database) -> int:
    store = add_store(db)
    seed_listings(db, store, 10 * len(ALL_KINDS), kinds=ALL_KINDS)  # ten of each state
    return store


def _skus(db: Database, ids: list[int]) -> list[str]:
    with db.session() as session:
        rows = rows_by_ids(session, ids[:PAGE_LIMIT])
    return [rows[i].sku for i in ids[:PAGE_LIMIT]]


def test_each_tab_lists_its_state(db: Database, store_id: int) -> None:
    with db.session() as session:
        for state, _, _ in ALL_KINDS:
            ids = listing_ids(session, ListingFilter(store_id, state), ListingSort())
            rows = rows_by_ids(session, ids)
            assert len(ids) == 10
            assert {row.state for row in rows.values()} == {state}
        everything = listing_ids(session, ListingFilter(store_id, ALL), ListingSort())
        assert len(everything) == 10 * len(ALL_KINDS)


def test_counts_per_tab_ignore_the_tab_but_follow_the_search(db: Database, store_id: int) -> None:
    with db.session() as session:
        session.execute(
            update(Listing).where(Listing.sku == "SKU-000000").values(sync_error="Stock: refused")
        )
    with db.session() as session:
        counts = listing_counts(session, ListingFilter(store_id, ListingState.ACTIVE))
        assert counts.get(ALL) == 10 * len(ALL_KINDS)
        assert counts.get(IN_ERROR) == 1
        assert all(counts.get(state) == 10 for state, _, _ in ALL_KINDS)
        searched = listing_counts(session, ListingFilter(store_id, ALL, "SKU-00000"))
    assert searched.get(ALL) == 10  # SKU-000000 … SKU-000009
    assert searched.get(IN_ERROR) == 1


def test_in_error_tab_lists_failed_listings_whatever_their_state(
    db: Database, store_id: int
) -> None:
    failing = add_listing(db, store_id, 500, sync_error="Price: Walmart refused price 0.50")
    answer = load_ids(db, ListingFilter(store_id, IN_ERROR), ListingSort())
    assert list(answer.ids) == [failing]
    assert answer.counts is not None and answer.counts.get(IN_ERROR) == 1


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("sku-000012", ["SKU-000012"]),  # SKU, any case
        ("Product 000013", ["SKU-000013"]),  # name
        ("000000000014", ["SKU-000014"]),  # UPC inside the GTIN-14
        ("W00000015", ["SKU-000015"]),  # Walmart item id
        ("100%", []),  # LIKE wildcards are taken literally
    ],
)
def test_search_finds_sku_name_and_identifiers(
    db: Database, store_id: int, text: str, expected: list[str]
) -> None:
    with db.session() as session:
        ids = listing_ids(session, ListingFilter(store_id, ALL, text), ListingSort())
    assert _skus(db, ids) == expected


def test_sorts_by_each_column_with_ties_broken_by_id(db: Database, store_id: int) -> None:
    with db.session() as session:
        for column in ListingSortColumn:
            up = listing_ids(session, ListingFilter(store_id), ListingSort(column))
            down = listing_ids(session, ListingFilter(store_id), ListingSort(column, True))
            assert list(up) == list(reversed(down)), column
            assert sorted(up) == sorted(set(up))
        by_price = listing_ids(
            session, ListingFilter(store_id), ListingSort(ListingSortColumn.PRICE)
        )
        rows = rows_by_ids(session, by_price[:PAGE_LIMIT])
    prices = [rows[i].price for i in by_price]
    assert prices == sorted(prices)


def test_store_filter_keeps_stores_apart(db: Database, store_id: int) -> None:
    other = add_store(db, "Other store")
    seed_listings(db, other, 3, start=1000, kinds=ALL_KINDS)
    with db.session() as session:
        assert len(listing_ids(session, ListingFilter(other), ListingSort())) == 3
        assert listing_counts(session, ListingFilter(None)).get(ALL) == 10 * len(ALL_KINDS) + 3


def test_rows_by_ids_skips_missing_and_refuses_too_many(db: Database, store_id: int) -> None:
    with db.session() as session:
        ids = listing_ids(session, ListingFilter(store_id), ListingSort())
        rows = rows_by_ids(session, [ids[0], 999_999])
        assert list(rows) == [ids[0]]
        assert rows[ids[0]].sent_at is not None
        with pytest.raises(ValueError):
            rows_by_ids(session, list(range(PAGE_LIMIT + 1)))


@pytest.mark.parametrize("column", list(ListingSortColumn))
def test_each_sort_walks_an_index_instead_of_sorting(
    db: Database, store_id: int, column: ListingSortColumn
) -> None:
    """100,000 listings sorted by SQLite take 100-500 ms per refresh; read from an index, ~30.
    The name and "last sent" keys are expressions: only an identical one uses its index."""
    for descending in (False, True):
        sort = ListingSort(column, descending)
        (plan,) = query_plans(db, lambda s, o=sort: listing_ids(s, ListingFilter(), o))
        assert "USING" in plan and "INDEX" in plan and "TEMP B-TREE" not in plan, plan
    (plan,) = query_plans(
        db, lambda s: listing_ids(s, ListingFilter(tab=ListingState.ACTIVE), ListingSort())
    )
    assert "COVERING INDEX ix_listings_state_sku" in plan and "TEMP B-TREE" not in plan, plan


def test_state_sort_follows_the_tabs_order(db: Database, store_id: int) -> None:
    """Not alphabetical: active first, ended last, as the tabs read; ties by id."""
    with db.session() as session:
        ids = listing_ids(session, ListingFilter(store_id), ListingSort(ListingSortColumn.STATE))
        rows = rows_by_ids(session, ids[:PAGE_LIMIT])
    states = [rows[i].state for i in ids]
    expected = [s for s in ListingState for _ in range(10)]
    assert states == expected
    assert all(a < b for a, b in pairwise(ids) if rows[a].state == rows[b].state)


@pytest.mark.parametrize("column", list(ListingSortColumn))
def test_a_large_tab_is_picked_out_of_the_sort_order_with_the_same_result(
    db: Database, store_id: int, column: ListingSortColumn, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Above SORT_IN_SQL matches the tab's ids are kept in the order of every row: the same
    list, in the same order, as SQLite sorting the tab itself."""
    add_listing(db, store_id, 500, sync_error="Price: refused")
    flts = [ListingFilter(store_id, ListingState.ACTIVE), ListingFilter(store_id, IN_ERROR),
            ListingFilter(store_id, match="matched")]  # fmt: skip
    for flt in flts:
        for sort in (ListingSort(column), ListingSort(column, True)):
            with db.session() as session:
                by_sql = list(listing_ids(session, flt, sort))
                monkeypatch.setattr(sorted_ids, "SORT_IN_SQL", 0)
                picked = list(listing_ids(session, flt, sort))
                monkeypatch.undo()
            assert picked == by_sql and by_sql, (flt, sort)
