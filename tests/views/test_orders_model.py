"""The orders table model: Qt model contract, bindings, SQL sorting, paging, unloadable rows."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import replace
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTableView
from pytestqt.qtbot import QtBot

from channelmanager_gui.models.db import Database, open_database
from channelmanager_gui.models.order import Order
from channelmanager_gui.models.order_table_queries import (
    Attention,
    Listing,
    OrderCounts,
    OrderFilter,
)
from channelmanager_gui.views.tables.orders import (
    COL_COMMERCE,
    COL_CUSTOMER,
    COL_PO,
    COL_SHIP_BY,
    COL_STATUS,
    COL_TOTAL,
    NOTE_ROLE,
    ORDER_ID_ROLE,
    UNLOADABLE,
    OrdersTableModel,
)
from tests.models.order_seed import NOW, add_store, bulk_orders, seed_shop

DISPLAY = Qt.ItemDataRole.DisplayRole


@pytest.fixture
def db() -> Iterator[Database]:
    database = open_database()
    yield database
    database.dispose()


@pytest.fixture
def shop(db: Database) -> dict[str, int]:
    return seed_shop(db)


def make_model(db: Database, **kw: Any) -> OrdersTableModel:
    return OrdersTableModel(db, clock=lambda: NOW, **kw)


def column(model: OrdersTableModel, col: int, role: int = DISPLAY) -> list[Any]:
    return [model.index(r, col).data(role) for r in range(model.rowCount())]


def test_model_contract(qtmodeltester: Any, db: Database, shop: dict[str, int]) -> None:
    model = make_model(db)
    model.refresh()
    qtmodeltester.check(model)


def test_rows_show_the_seeded_orders_newest_first(db: Database, shop: dict[str, int]) -> None:
    model = make_model(db)
    model.set_filter(OrderFilter(store_id=shop["store"]))
    assert model.rowCount() == 7
    pos = column(model, COL_PO)
    assert pos[-2:] == ["1003", "1005"]  # the oldest orders last (4 and 10 days old)
    row = {model.index(r, 0).data(ORDER_ID_ROLE): r for r in range(model.rowCount())}
    late, error, asked = row[shop["late"]], row[shop["error"]], row[shop["asked"]]
    assert model.index(late, COL_SHIP_BY).data() == "Overdue · 2024-05-10"
    assert model.index(row[shop["due"]], COL_SHIP_BY).data() == "Today 17:00"
    assert model.index(late, COL_COMMERCE).data() == "000000003"
    assert model.index(error, COL_COMMERCE).data() == "—"
    assert model.index(error, COL_STATUS).data() == "Error"
    assert model.index(error, COL_STATUS).data(NOTE_ROLE) == "Commerce: SKU-9 is out of stock"
    assert "out of stock" in model.index(error, COL_PO).data(Qt.ItemDataRole.ToolTipRole)
    assert model.index(asked, COL_STATUS).data(NOTE_ROLE) == "Buyer asked to cancel"
    assert model.index(late, COL_TOTAL).data() == "$10.00"
    right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
    assert model.index(late, COL_TOTAL).data(Qt.ItemDataRole.TextAlignmentRole) == int(right)
    # error, buyer request and lateness tint their rows; an ordinary row has no tint
    tints = {
        r: model.index(r, COL_CUSTOMER).data(Qt.ItemDataRole.BackgroundRole) for r in row.values()
    }
    assert tints[error] is not None and tints[asked] is not None and tints[late] is not None
    assert tints[row[shop["shipped"]]] is None


def test_sorting_runs_in_sql(db: Database, shop: dict[str, int]) -> None:
    model = make_model(db)
    model.set_filter(OrderFilter(store_id=shop["store"]))
    with_counts: list[object] = []
    model.counts_changed.connect(with_counts.append)
    model.sort(COL_CUSTOMER, Qt.SortOrder.AscendingOrder)
    assert column(model, COL_CUSTOMER)[:3] == ["Ann Lee", "Bob Stone", "Jane Doe"]
    model.sort(COL_PO, Qt.SortOrder.DescendingOrder)
    assert column(model, COL_PO) == ["1007", "1006", "1005", "1004", "1003", "1002", "1001"]
    assert model.sort_column() == COL_PO
    assert with_counts == []  # a new sort counts nothing again: the counts cannot change


def test_counts_follow_a_refresh_or_a_new_scope_not_a_new_choice(
    db: Database, shop: dict[str, int]
) -> None:
    """Counting scans the scope (~100 ms at 100,000 orders): done only when it can differ."""
    model = make_model(db)
    scope = OrderFilter(store_id=shop["store"])
    model.set_filter(scope)
    counted: list[OrderCounts] = []
    model.counts_changed.connect(counted.append)
    model.set_filter(replace(scope, attention=Attention.OVERDUE))  # a chip: same counts
    model.set_filter(replace(scope, status="Shipped"))
    assert counted == []
    model.set_filter(replace(scope, status="Shipped", search="1003"))  # a new scope
    assert [c.total for c in counted] == [1]
    with db.session() as session:
        session.delete(session.get_one(Order, shop["late"]))
    model.set_filter(replace(scope, search=""))  # back to the whole store: counted
    model.refresh()  # after a change: counted again
    assert [c.total for c in counted] == [1, 6, 6]


def test_filter_and_counts(db: Database, shop: dict[str, int]) -> None:
    model = make_model(db)
    model.set_filter(OrderFilter(store_id=shop["store"], attention=Attention.OVERDUE))
    assert sorted(column(model, COL_PO)) == ["1003", "1004"]
    assert model.counts.total == 7 and model.counts.attention[Attention.DUE_TODAY] == 1


def test_a_vanished_order_shows_disabled_instead_of_raising(
    db: Database, shop: dict[str, int]
) -> None:
    model = make_model(db)
    model.set_filter(OrderFilter(store_id=shop["store"]))
    with db.session() as session:
        session.delete(session.get_one(Order, shop["late"]))
    row = model.row_of(shop["late"])
    assert row is not None
    assert model.index(row, COL_PO).data() == UNLOADABLE
    assert model.flags(model.index(row, COL_PO)) == Qt.ItemFlag.NoItemFlags
    assert model.index(0, COL_PO).flags() & Qt.ItemFlag.ItemIsEnabled


def test_a_failing_page_load_disables_its_rows(
    db: Database, shop: dict[str, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    model = make_model(db)
    model.set_filter(OrderFilter(store_id=shop["store"]))

    def broken(*_: object) -> dict[int, object]:
        raise RuntimeError("database is locked")

    monkeypatch.setattr("channelmanager_gui.views.tables.orders.rows_by_ids", broken)
    assert model.index(0, COL_PO).data() == UNLOADABLE
    assert model.index(0, COL_STATUS).data() == ""
    monkeypatch.undo()
    model.refresh()  # a refresh forgets the failure and tries again
    assert model.index(0, COL_PO).data() != UNLOADABLE


def test_a_stale_answer_is_dropped(db: Database, shop: dict[str, int]) -> None:
    pending: list[tuple[Callable[[], Listing], Callable[[Listing], None]]] = []
    model = make_model(db, runner=lambda work, deliver: pending.append((work, deliver)))
    model.set_filter(OrderFilter(store_id=shop["store"], search="1003"))
    model.set_filter(OrderFilter(store_id=shop["store"], search="1004"))
    (old_work, old_deliver), (new_work, new_deliver) = pending
    new_deliver(new_work())
    old_deliver(old_work())  # arrives late: ignored
    assert column(model, COL_PO) == ["1004"]


def test_100k_orders_open_with_one_page_loaded(qtbot: QtBot, db: Database) -> None:
    bulk_orders(db, add_store(db), 100_000)
    model = make_model(db)
    view = QTableView()
    qtbot.addWidget(view)
    view.resize(900, 600)
    view.setModel(model)
    model.refresh()
    view.show()
    qtbot.waitExposed(view)
    qtbot.waitUntil(lambda: model.loaded_row_count() > 0)  # the view painted its rows
    assert model.rowCount() == 100_000
    assert model.loaded_row_count() == 200  # only the page on screen was read
    view.scrollToBottom()
    qtbot.waitUntil(lambda: model.loaded_row_count() > 200)
    assert model.loaded_row_count() == 400  # plus the last page, nothing in between
    assert model.index(99_999, COL_PO).data() == "100000000000"  # newest first
