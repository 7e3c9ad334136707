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
        after = dump(path)
        for table, rows in before.items():
            if table == "alembic_version":
                continue
            assert len(after[table]) == len(rows), table
            for key, row in rows.items():
                kept = {k: after[table][key][k] for k in row}
                assert kept == row, (table, key)
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
        orders = {o.purchase_order_id: o for o in session.scalars(query)}
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
    prices = session.execute(select(Listing.price, Listing.last_price_sent).order_by(Listing.id))
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
