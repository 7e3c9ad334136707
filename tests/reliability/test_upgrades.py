"""Upgrades: a database made by any earlier schema version (tests/fixtures/db, one per revision,
built by make_fixtures.py) opens in this version migrated to head with every row intact, after
a backup copy of the old file was taken; the ORM then reads the old rows."""

from __future__ import annotations

import shutil
import sqlite3
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from alembic.script import ScriptDirectory
from sqlalchemy import create_engine, select
from sqlalchemy.orm import selectinload

from channelmanager_gui.models import migrate
from channelmanager_gui.models.db import open_database
from channelmanager_gui.models.listing import Listing
from channelmanager_gui.models.order import Order, OrderStatus, Return, Shipment
from channelmanager_gui.models.store import Store
from channelmanager_gui.paths import backup_dir
from channelmanager_gui.services.engine.listing_rules import ListingRules
from channelmanager_gui.services.engine.settings import StoreSettings

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "db"
Rows = dict[str, dict[tuple[Any, ...], dict[str, Any]]]


# 0010's neutral names: (table, column) before -> (table, column) after; stores.walmart_url
# moved to the store's Walmart account (checked by test_0010_...).
RENAMED: dict[tuple[str, str], tuple[str, str]] = {
    ("orders", "purchase_order_id"): ("orders", "marketplace_order_id"),
    ("order_lines", "walmart_status"): ("order_lines", "marketplace_status"),
    ("shipments", "walmart_sent_at"): ("shipments", "marketplace_sent_at"),
    ("returns", "walmart_refunded_at"): ("returns", "marketplace_refunded_at"),
    ("listings", "walmart_item_id"): ("listings", "marketplace_item_id"),
    ("listings", "walmart_wpid"): ("listings", "marketplace_product_id"),
    ("listings", "walmart_published_status"): ("listings", "published_status"),
    ("listings", "walmart_lifecycle_status"): ("listings", "lifecycle_status"),
}
RENAMED_TABLES = {"walmart_feeds": "marketplace_feeds"}
MOVED = {("stores", "walmart_url")}


def revisions() -> list[str]:
    script = ScriptDirectory.from_config(migrate.alembic_config())
    return [rev.revision for rev in reversed(list(script.walk_revisions()))]


def dump(path: Path) -> Rows:
    """Every row of every table, by primary key (rowid when the key is composite)."""
    out: Rows = {}
    with sqlite3.connect(path) as db:
        db.row_factory = sqlite3.Row
        tables = [r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        for table in tables:
            rows = db.execute(f'SELECT rowid AS _rowid, * FROM "{table}"').fetchall()
            out[table] = {(row["_rowid"],): dict(row) for row in rows}
    return out


def version(path: Path) -> str:
    with sqlite3.connect(path) as db:
        return str(db.execute("SELECT version_num FROM alembic_version").fetchone()[0])


def test_there_is_a_fixture_for_every_revision() -> None:
    missing = [r for r in revisions() if not (FIXTURES / f"schema-{r}.sqlite3").exists()]
    assert not missing, f"run: python tests/fixtures/db/make_fixtures.py (missing {missing})"


@pytest.mark.parametrize("fixture", sorted(FIXTURES.glob("schema-*.sqlite3")), ids=lambda p: p.stem)
def test_old_database_migrates_to_head_with_its_data(
    fixture: Path, tmp_path: Path, cm_home: Path
) -> None:
    path = tmp_path / "channelmanager.sqlite3"
    shutil.copyfile(fixture, path)
    old_version, before = version(path), dump(path)
    assert old_version == fixture.stem.removeprefix("schema-")

    db = open_database(path)
    try:
        assert version(path) == migrate.head_revision()
        _rows_kept(before, dump(path))
        _orm_reads_old_rows(db.session, with_orders=old_version != "0001")
    finally:
        db.dispose()
    with sqlite3.connect(path) as raw:
        assert raw.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert raw.execute("PRAGMA foreign_key_check").fetchall() == []
    backups = sorted(backup_dir().glob("*.sqlite3"))
    if old_version == migrate.head_revision():
        assert backups == []
    else:
        (backup,) = backups
        assert version(backup) == old_version and dump(backup) == before


def _rows_kept(before: Rows, after: Rows) -> None:
    """Every old row is still there with every value, under its new table and column name."""
    for table, rows in before.items():
        if table == "alembic_version":
            continue
        new_table = RENAMED_TABLES.get(table, table)
        assert len(after[new_table]) == len(rows), table
        for key, row in rows.items():
            new_row = after[new_table][key]
            kept = {
                k: new_row[RENAMED.get((table, k), (table, k))[1]]
                for k in row
                if (table, k) not in MOVED
            }
            assert kept == {k: v for k, v in row.items() if (table, k) not in MOVED}, (table, key)


def _orm_reads_old_rows(session_factory: Any, *, with_orders: bool) -> None:
    with session_factory() as session:
        stores = {s.name: s for s in session.scalars(select(Store))}
        assert sorted(stores) == ["Acme Outdoors", "Demo store"]
        # the safety buffer of a store saved before listing rules is read as held-back units
        acme = StoreSettings.from_json(stores["Acme Outdoors"].settings)
        assert acme.listing_rules == ListingRules(safety_buffer=2)
        assert acme.intervals["orders"] == 30
        if not with_orders:
            return
        query = select(Order).options(
            selectinload(Order.lines), selectinload(Order.shipments).selectinload(Shipment.lines)
        )
        orders = {o.marketplace_order_id: o for o in session.scalars(query)}
        shipped = orders["1000000000001"]
        assert shipped.status == OrderStatus.SHIPPED and shipped.shipments[0].lines[0].qty == 2
        assert shipped.order_date.tzinfo is not None
        assert orders["1000000000003"].error_step == "commerce.items"
        _amounts_are_exact(session, shipped)


def _amounts_are_exact(session: Any, shipped: Order) -> None:
    """Every amount reads back as the exact Decimal written as a REAL before 0008."""
    line = shipped.lines[0]
    amounts = (shipped.total, line.unit_price, line.line_price, line.tax, line.shipping)
    assert all(type(a) is Decimal for a in amounts)
    assert amounts == (Decimal("278.98"), Decimal("129.99"), Decimal("259.98"),
                       Decimal("19.00"), Decimal("0.00"))  # fmt: skip
    assert session.scalars(select(Return.refund_amount)).one() == Decimal("148.99")
    prices = session.execute(
        select(Listing.price, Listing.last_price_sent)
        .where(Listing.marketplace == "walmart")
        .order_by(Listing.id)
    )
    assert [tuple(p) for p in prices] == [
        (Decimal("129.99"), Decimal("129.99")), (Decimal("19.50"), None), (Decimal("9.00"), None)
    ]  # fmt: skip


def test_0008_rounds_float_noise_and_rebuilds_the_line_charge(tmp_path: Path) -> None:
    """Amounts written as floats (10.00 / 3 as a unit price, 0.1 + 0.2 as a tax) become exact
    cents, and the line's item charge is rebuilt from the unrounded unit price."""
    path = tmp_path / "old.sqlite3"
    shutil.copyfile(FIXTURES / "schema-0006.sqlite3", path)
    with sqlite3.connect(path) as raw:
        raw.execute("UPDATE order_lines SET qty_ordered = 3, unit_price = ?, tax = ? WHERE id = 3",
                    (10.0 / 3, 0.1 + 0.2))  # fmt: skip
        raw.execute("UPDATE orders SET total = ? WHERE id = 3", (10.0 + 0.1 + 0.2,))
    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as conn:
        migrate.upgrade(conn, "0008")
    engine.dispose()
    with sqlite3.connect(path) as raw:
        row = raw.execute(
            "SELECT unit_price, line_price, tax, shipping, shipping_tax FROM order_lines "
            "WHERE id = 3"
        ).fetchone()
        total = raw.execute("SELECT total FROM orders WHERE id = 3").fetchone()[0]
    assert row == (3.33, 10.0, 0.3, 0.0, 0.0) and total == 10.3


def test_0010_gives_every_store_its_walmart_account_and_every_row_its_account(
    tmp_path: Path,
) -> None:
    """Each store's Walmart URL becomes its Walmart account; orders, listings, returns, feeds
    and walmart.* outbox actions name that account and 'walmart'; Commerce actions name none."""
    path = tmp_path / "old.sqlite3"
    shutil.copyfile(FIXTURES / "schema-0009.sqlite3", path)
    with sqlite3.connect(path) as raw:
        urls = dict(raw.execute("SELECT id, walmart_url FROM stores"))
    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as conn:
        migrate.upgrade(conn, "0010")
    engine.dispose()
    with sqlite3.connect(path) as raw:
        accounts = raw.execute(
            "SELECT id, store_id, marketplace, name, api_url, marketplace_ids, enabled "
            "FROM marketplace_accounts ORDER BY store_id"
        ).fetchall()
        assert [(a[1], a[2], a[3], a[4], a[5], a[6]) for a in accounts] == [
            (store_id, "walmart", "Walmart", url, "[]", 1) for store_id, url in sorted(urls.items())
        ]
        walmart = {store_id: account_id for account_id, store_id, *_ in accounts}
        for table in ("orders", "listings", "returns", "marketplace_feeds"):
            rows = raw.execute(f"SELECT store_id, account_id, marketplace FROM {table}").fetchall()
            assert rows and all(r == (r[0], walmart[r[0]], "walmart") for r in rows), table
        outbox = raw.execute("SELECT kind, store_id, account_id FROM outbox ORDER BY id")
        assert [(k, a) for k, _s, a in outbox] == [
            ("walmart.acknowledge", walmart[1]), ("commerce.create_order", None),
            ("walmart.inventory", walmart[1]),
        ]  # fmt: skip
        assert "walmart_url" not in {r[1] for r in raw.execute("PRAGMA table_info(stores)")}
        fulfilled = {r[0] for r in raw.execute("SELECT fulfilled_by FROM orders")}
        assert fulfilled == {"merchant"}


def test_an_amazon_order_and_listing_share_ids_with_walmart_ones_of_the_same_store(
    tmp_path: Path, cm_home: Path
) -> None:
    """Unique keys are per account: the 0010 fixture's Amazon listing has the SKU of a Walmart
    listing of the same store, and the ORM reads both with their account and marketplace."""
    path = tmp_path / "channelmanager.sqlite3"
    shutil.copyfile(FIXTURES / "schema-0010.sqlite3", path)
    db = open_database(path)
    try:
        with db.session() as session:
            tents = session.scalars(select(Listing).where(Listing.sku == "TENT-2P")).all()
            assert sorted((t.marketplace, t.marketplace_item_id) for t in tents) == [
                ("amazon", "B000TENT01"), ("walmart", "WM123456")
            ]  # fmt: skip
            store = session.get(Store, 1)
            assert store is not None and store.walmart_account() is not None
            amazon = next(a for a in store.accounts if a.marketplace == "amazon")
            assert amazon.marketplace_ids == ["ATVPDKIKX0DER"]
            assert (
                amazon.secret_key("lwa_refresh_token") == f"account:{amazon.id}:lwa_refresh_token"
            )
            walmart = store.walmart_account()
            assert walmart is not None
            assert walmart.secret_key("walmart_client_id") == "store:1:walmart_client_id"
            fba = session.scalars(select(Order).where(Order.marketplace == "amazon")).one()
            assert fba.fulfilled_by == "marketplace" and fba.account_id == amazon.id
            assert fba.lines[0].line_number == "12345678901234"
    finally:
        db.dispose()
