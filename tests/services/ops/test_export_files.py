"""File → Export: the command line's CSV, written to the chosen file in one piece."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from channelmanager_gui.errors import ValidationError
from channelmanager_gui.models.db import Database, open_database
from channelmanager_gui.services.ops.export_files import default_name, export_csv
from tests.models.listing_seed import add_store, seed_listings
from tests.models.order_seed import seed_shop


@pytest.fixture
def db() -> Iterator[Database]:
    database = open_database()
    yield database
    database.dispose()


def test_orders_of_one_store_as_csv(db: Database, tmp_path: Path) -> None:
    shop = seed_shop(db)
    folder = tmp_path / "exports"
    folder.mkdir()
    path = folder / default_name("orders", date(2024, 5, 10))
    assert path.name == "channelmanager-orders-2024-05-10.csv"
    assert export_csv(db, "orders", path, shop["store"]) == 7
    rows = list(csv.DictReader(path.open(encoding="utf-8", newline="")))
    assert sorted(r["purchase_order_id"] for r in rows) == [f"100{n}" for n in range(1, 8)]
    assert path.read_bytes().count(b"\r\n") == 8  # header and rows, CRLF
    assert [p.name for p in folder.iterdir()] == [path.name]  # no temporary file left


def test_listings_as_csv_and_an_unknown_kind_is_refused(db: Database, tmp_path: Path) -> None:
    seed_listings(db, add_store(db), 7)
    assert export_csv(db, "listings", tmp_path / "l.csv") == 7
    with pytest.raises(ValidationError):
        export_csv(db, "returns", tmp_path / "r.csv")  # type: ignore[arg-type]
    assert not (tmp_path / "r.csv").exists()
