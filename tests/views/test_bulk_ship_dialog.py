"""Ship several orders: rows checked as typed or loaded from CSV, a summary, OK names the count."""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from channelmanager_gui.models.db import Database, open_database
from channelmanager_gui.services.ops.bulk_ship import load_orders as load_by_po
from channelmanager_gui.services.ops.packing_slip import load_orders
from channelmanager_gui.views.bulk_ship_dialog import COL_RESULT, READY, BulkShipDialog
from tests.models.order_seed import seed_shop


@pytest.fixture
def db() -> Iterator[Database]:
    database = open_database()
    yield database
    database.dispose()


@pytest.fixture
def shop(db: Database) -> dict[str, int]:
    return seed_shop(db)


def make_dialog(qtbot: QtBot, db: Database, ids: list[int]) -> BulkShipDialog:
    dialog = BulkShipDialog(load_orders(db, ids), partial(load_by_po, db))
    qtbot.addWidget(dialog)
    return dialog


def result(dialog: BulkShipDialog, po: str) -> str:
    row = dialog.row_of(po)
    assert row is not None
    return dialog.table.item(row, COL_RESULT).text()


def test_typed_rows_are_checked_and_ok_counts_the_ready_ones(
    qtbot: QtBot, db: Database, shop: dict[str, int]
) -> None:
    dialog = make_dialog(qtbot, db, [shop["due"], shop["late"]])
    assert not dialog.ok_button.isEnabled()
    assert result(dialog, "1002") == "Not shipped now"
    dialog.set_row(0, "UPS", "1Z999AA10123456784")
    assert result(dialog, "1002") == READY
    dialog.set_row(1, "UPS", "x")
    assert "tracking number" in result(dialog, "1003").lower()
    assert dialog.ok_button.text() == "Ship 1 order" and dialog.ok_button.isEnabled()
    assert dialog.summary.text() == "1 order ready to ship, 1 refused."
    dialog.set_row(1, "Acme Post", "9400111", "https://acme.example/t/9400111")
    assert dialog.ok_button.text() == "Ship 2 orders"
    dialog.accept()
    assert [row.po for row, _ in dialog.check.accepted] == ["1002", "1003"]


def test_csv_fills_the_table_adds_orders_and_reports_bad_lines(
    qtbot: QtBot, db: Database, shop: dict[str, int], tmp_path: Path
) -> None:
    dialog = make_dialog(qtbot, db, [shop["due"]])
    path = tmp_path / "tracking.csv"
    path.write_text(
        "\ufeffpo;carrier;tracking number\n"
        "1002;UPS;1Z999AA10123456784\n"
        "1003;FedEx;123456789012\n"
        "9999;UPS;1Z999AA10123456785\n"
        "1001\n",
        encoding="utf-8",
    )
    dialog.load_csv(path)
    assert dialog.table.rowCount() == 3
    assert result(dialog, "1002") == READY and result(dialog, "1003") == READY
    assert result(dialog, "9999") == "No order has this number"
    assert "Line 5" in dialog.parse_problems.text() and dialog.parse_problems.isVisibleTo(dialog)
    assert dialog.ok_button.text() == "Ship 2 orders"
