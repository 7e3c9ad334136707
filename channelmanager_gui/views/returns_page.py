"""Returns: Walmart returns and how far each got (mirrored in Commerce, refunded on Walmart).

Returns are few compared with orders, so a plain table widget filled from one query is enough.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from channelmanager_gui.models.db import Database
from channelmanager_gui.models.order import Return
from channelmanager_gui.models.qt_paged import Runner
from channelmanager_gui.qt_async import OpRunner
from channelmanager_gui.services.changes import Change
from channelmanager_gui.services.engine.fulfilment_queries import list_returns
from channelmanager_gui.views.table_support import threaded_runner

COLUMNS = (
    "Walmart return",
    "Customer order",
    "Status",
    "Refund",
    "In Commerce",
    "Refunded on",
    "Problem",
)
EMPTY = "No Walmart returns yet. Returns buyers open on Walmart appear here after the next sync."


def progress_text(ret: Return) -> str:
    """Where the return stands in Commerce, in a merchant's words."""
    if ret.commerce_creditmemo_id:
        return f"Credit memo #{ret.commerce_creditmemo_id}"
    if ret.commerce_rma_id:
        return f"RMA #{ret.commerce_rma_id}"
    return "Awaiting a credit memo"


class ReturnsPage(QWidget):
    def __init__(
        self,
        db: Database,
        ops: OpRunner,
        *,
        runner: Runner[Any] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._db = db
        self._store_id: int | None = None
        self._runner = runner or threaded_runner(ops, "Load returns")
        self._setup_ui()
        self.refresh()

    def _setup_ui(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        title = QLabel("Returns")
        title.setObjectName("pageTitle")
        layout.addWidget(title)
        self.empty = QLabel(EMPTY)
        self.empty.setWordWrap(True)
        layout.addWidget(self.empty)
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels(COLUMNS)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().setVisible(False)
        layout.addWidget(self.table, 1)

    def set_store(self, store_id: int | None) -> None:
        self._store_id = store_id
        self.refresh()

    def on_changes(self, changes: frozenset[Change]) -> None:
        if changes & {Change.RETURNS, Change.ORDERS}:
            self.refresh()

    def refresh(self) -> None:
        db, store_id = self._db, self._store_id
        self._runner(lambda: list_returns(db, store_id), self._show)

    def _show(self, returns: list[Return]) -> None:
        self.empty.setVisible(not returns)
        self.table.setVisible(bool(returns))
        self.table.setRowCount(len(returns))
        for row, ret in enumerate(returns):
            refunded = ret.walmart_refunded_at
            values = (
                ret.return_order_id,
                ret.customer_order_id,
                ret.status,
                f"{ret.refund_amount:,.2f}",
                progress_text(ret),
                refunded.astimezone().strftime("%Y-%m-%d %H:%M") if refunded else "",
                ret.error or "",
            )
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                if column == 3:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.table.setItem(row, column, item)
