"""Global search: exact numbers open one thing, partial text lists candidates, all indexed."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import event

from channelmanager_gui.models.db import Database, open_database
from channelmanager_gui.models.global_search import HitKind, global_search, search
from tests.models.listing_seed import add_listing, seed_listings
from tests.models.order_seed import add_order, add_store, bulk_orders, seed_shop


@pytest.fixture
def db() -> Iterator[Database]:
    database = open_database()
    yield database
    database.dispose()


@pytest.fixture
def shop(db: Database) -> dict[str, int]:
    ids = seed_shop(db)
    seed_listings(db, ids["store"], 30)
    return ids


def kinds_and_ids(db: Database, text: str, **kwargs: object) -> list[tuple[HitKind, int]]:
    return [(hit.kind, hit.id) for hit in global_search(db, text, **kwargs).hits]  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "key", "matched"),
    [
        ("1003", "late", "Walmart purchase order"),
        ("C1002", "due", "customer order"),
        ("000000006", "asked", "Commerce order"),
        ("1Z999AA10123456784", "shipped", "tracking number"),
        ("1z999aa10123456784", "shipped", "tracking number"),  # typed in lower case
        ("  2001 ", "elsewhere", "Walmart purchase order"),  # another store, spaces pasted
    ],
)
def test_an_exact_order_number_is_the_only_hit(
    db: Database, shop: dict[str, int], text: str, key: str, matched: str
) -> None:
    [hit] = global_search(db, text).hits
    assert (hit.kind, hit.id, hit.matched) == (HitKind.ORDER, shop[key], matched)
    assert hit.title.startswith("Order ")


def test_an_order_hit_reads_like_the_order(db: Database, shop: dict[str, int]) -> None:
    [hit] = global_search(db, "1002").hits
    assert hit.title == "Order 1002"
    assert hit.key == "1002"
    assert hit.detail.startswith("Commerce 000000002 · Bob Stone · ")


def test_sku_upc_and_walmart_identifiers_find_the_listing(
    db: Database, shop: dict[str, int]
) -> None:
    [by_sku] = global_search(db, "sku-000007").hits  # SKUs are typed in any case
    assert (by_sku.kind, by_sku.key, by_sku.matched) == (HitKind.LISTING, "SKU-000007", "SKU")
    assert by_sku.title == "SKU SKU-000007"
    assert by_sku.detail.startswith("Product 000007 · ")
    [by_upc] = global_search(db, "000000000008").hits  # the UPC-A of GTIN-14 0…08
    assert (by_upc.key, by_upc.matched) == ("SKU-000008", "identifier")


def test_a_prefix_lists_every_candidate_newest_first(db: Database, shop: dict[str, int]) -> None:
    result = global_search(db, "100")
    assert [hit.key for hit in result.hits] == [
        "1007",
        "1006",
        "1005",
        "1004",
        "1003",
        "1002",
        "1001",
    ]
    assert not result.more


def test_part_of_a_name_or_number_finds_by_substring(db: Database, shop: dict[str, int]) -> None:
    hits = global_search(db, "oduct 00001").hits
    assert {hit.key for hit in hits} == {f"SKU-0000{n}" for n in range(10, 20)}
    assert {hit.matched for hit in hits} == {"SKU, name or identifier"}
    [customer] = global_search(db, "ann lee").hits
    assert customer.id == shop["asked"]


def test_prefix_hits_rank_before_substring_hits(db: Database, shop: dict[str, int]) -> None:
    store = shop["store"]
    inside = add_order(db, store, "77-4455", customer="X")
    starts = add_order(db, store, "4455-1", customer="Y")
    assert kinds_and_ids(db, "4455") == [(HitKind.ORDER, starts), (HitKind.ORDER, inside)]


def test_listings_come_in_sku_order(db: Database, shop: dict[str, int]) -> None:
    keys = [hit.key for hit in global_search(db, "SKU-00001").hits]
    assert keys == [f"SKU-0000{n}" for n in range(10, 20)]


def test_results_stop_at_the_limit_and_say_there_are_more(
    db: Database, shop: dict[str, int]
) -> None:
    result = global_search(db, "SKU-0000", limit=5)
    assert len(result.hits) == 5
    assert result.more


def test_a_store_narrows_the_search(db: Database, shop: dict[str, int]) -> None:
    assert global_search(db, "2001", store_id=shop["store"]).hits == []
    assert len(global_search(db, "2001").hits) == 1


def test_nothing_found_and_empty_text(db: Database, shop: dict[str, int]) -> None:
    assert global_search(db, "no such thing").hits == []
    assert global_search(db, "   ").hits == []
    assert global_search(db, "50%_").hits == []  # LIKE wildcards are taken literally


def plans_of(db: Database, words: str) -> list[str]:
    """SQLite's plan for every lookup the search makes (the substring tier's LIKE scans,
    which are bounded by LIMIT, left out)."""
    statements: list[tuple[str, object]] = []

    def grab(_conn: object, _cursor: object, statement: str, params: object, *_: object) -> None:
        if " LIKE " not in statement and statement.lstrip().startswith("SELECT"):
            statements.append((statement, params))

    event.listen(db.engine, "before_cursor_execute", grab)
    try:
        global_search(db, words)
    finally:
        event.remove(db.engine, "before_cursor_execute", grab)
    with db.engine.connect() as conn:
        return [
            str(row[-1])
            for statement, params in statements
            for row in conn.exec_driver_sql(f"EXPLAIN QUERY PLAN {statement}", params)  # type: ignore[arg-type]
        ]


@pytest.mark.parametrize("words", ["100000012345", "5000000123", "000000123"])
def test_exact_and_prefix_lookups_are_index_searches(db: Database, words: str) -> None:
    """On 20,000 orders every exact and prefix lookup is an index search, never a scan of
    orders or shipments (the substring tier aside)."""
    add_store(db)
    bulk_orders(db, 1, 20_000)
    plans = plans_of(db, words)
    scans = [
        p
        for p in plans
        if p.startswith("SCAN") and p.split()[1] in ("orders", "shipments", "listings")
    ]
    assert plans and not scans, plans


def test_an_isbn10_finds_the_book_stored_as_isbn13(db: Database, shop: dict[str, int]) -> None:
    book = add_listing(db, shop["store"], 500, gtin14="09780306406157", sku="BOOK-1")
    [hit] = global_search(db, "0-306-40615-2").hits
    assert (hit.id, hit.matched) == (book, "identifier")


def test_the_session_function_answers_the_same(db: Database, shop: dict[str, int]) -> None:
    with db.session() as session:
        assert [h.id for h in search(session, "1003").hits] == [shop["late"]]
