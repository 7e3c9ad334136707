"""Returns: marketplace returns and how far each got (mirrored in Commerce, refunded on the
marketplace).

Returns are few compared with orders, so a plain table widget filled from one query is enough.
"Refund on Walmart" (or on Amazon: the selected return's marketplace) is the merchant's
decision to refund a return now instead of waiting for a Commerce credit memo: after a
confirmation naming the return it calls
``ops.refund`` in a worker thread through the op runner. That only writes the database and the
outbox (the sync process's worker sends it); the op runner publishes its changes, on the UI
thread, once committed. The button is enabled by the same check the service applies
(``refund_blocker``, computed with the list), its tooltip saying why not.
"""

from __future__ import annotations

import asyncio
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from channelmanager_gui.models.db import Database
from channelmanager_gui.models.order import Return
from channelmanager_gui.qt_async import OpRunner
from channelmanager_gui.services import ops
from channelmanager_gui.services.changes import Change, ChangeBus
from channelmanager_gui.text_marks import N_
from channelmanager_gui.views.i18n import ui
from channelmanager_gui.views.locale_format import date_time_text, number_text
from channelmanager_gui.views.marketplace_filter import MarketplaceFilter, marketplace_name
from channelmanager_gui.views.page_style import page_style
from channelmanager_gui.views.shown_refresh import ShownRefresh
from channelmanager_gui.views.table_support import ask_confirmation, threaded_runner
from channelmanager_gui.views.tables.paged import Runner
from channelmanager_gui.views.theme import themed

COLUMNS = (
    N_("Labels", "Return"),
    N_("Labels", "Customer order"),
    N_("Labels", "Status"),
    N_("Labels", "Refund"),
    N_("Labels", "In Commerce"),
    N_("Labels", "Refunded on"),
    N_("Labels", "Problem"),
    N_("Labels", "Marketplace"),  # shown first (moved on screen); last here, so the indexes stay
)
EMPTY = N_(
    "Labels",
    "No returns yet. Returns buyers open on the marketplace appear here after the next sync.",
)
REFUND = N_("Labels", "Refund on {marketplace}")  # the selected return's (UX.md)
REFUND_NEUTRAL = N_("Labels", "Refund…")  # nothing selected
SELECT_ONE = N_("Labels", "Select one return to refund it on its marketplace.")


def progress_text(ret: Return) -> str:
    """Where the return stands in Commerce, in a merchant's words."""
    if ret.commerce_creditmemo_id:
        return QCoreApplication.translate("ReturnsPage", "Credit memo #{id}").format(
            id=ret.commerce_creditmemo_id
        )
    if ret.commerce_rma_id:
        return QCoreApplication.translate("ReturnsPage", "RMA #{id}").format(id=ret.commerce_rma_id)
    return QCoreApplication.translate("ReturnsPage", "Awaiting a credit memo")


class ReturnsPage(QWidget):
    """``notice(str)`` confirms a queued refund (for the status bar)."""

    notice = Signal(str)

    def __init__(
        self,
        db: Database,
        ops: OpRunner,
        *,
        changes: ChangeBus | None = None,
        runner: Runner[Any] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._db = db
        self._ops = ops
        self._changes = changes or ChangeBus()
        self._store_id: int | None = None
        self._returns: list[Return] = []
        self._blockers: dict[int, str] = {}
        self._runner = runner or threaded_runner(ops, self.tr("Load returns"))
        self._refresh = ShownRefresh(self, 0, self.refresh)
        self._setup_ui()
        self.refresh()

    def _setup_ui(self) -> None:
        themed(self, page_style)  # the page title and empty state look as on every page
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        title = QLabel(self.tr("Returns"))
        title.setObjectName("pageTitle")
        bar = QHBoxLayout()
        bar.addWidget(title)
        bar.addStretch(1)
        self.marketplace = MarketplaceFilter()
        self.marketplace.currentIndexChanged.connect(self.refresh)
        bar.addWidget(self.marketplace)
        self.refund_button = QPushButton(ui(REFUND_NEUTRAL))
        self.refund_button.setEnabled(False)
        self.refund_button.setToolTip(ui(SELECT_ONE))
        self.refund_button.clicked.connect(self.refund_selected)
        bar.addWidget(self.refund_button)
        layout.addLayout(bar)
        self.empty = QLabel(ui(EMPTY))
        self.empty.setObjectName("emptyMessage")
        self.empty.setWordWrap(True)
        layout.addWidget(self.empty)
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels([ui(title) for title in COLUMNS])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setStretchLastSection(True)
        header = self.table.horizontalHeader()
        header.moveSection(header.visualIndex(len(COLUMNS) - 1), 0)
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.itemSelectionChanged.connect(self._update_button)
        layout.addWidget(self.table, 1)

    def set_store(self, store_id: int | None) -> None:
        self._store_id = store_id
        self.refresh()

    def on_changes(self, changes: frozenset[Change]) -> None:
        if changes & {Change.RETURNS, Change.ORDERS}:
            self._refresh.request()

    def refresh(self) -> None:
        db, store_id, marketplace = self._db, self._store_id, self.marketplace.value()

        def load() -> tuple[list[Return], dict[int, str]]:
            returns = ops.list_returns(db, store_id, marketplace=marketplace or None)
            return returns, ops.refund_blockers(db, returns)

        self._runner(load, self._show)

    def selected(self) -> Return | None:
        rows = {index.row() for index in self.table.selectionModel().selectedRows()}
        return self._returns[rows.pop()] if len(rows) == 1 else None

    def refund_selected(self) -> asyncio.Task[Any] | None:
        """Ask, then queue the refund of the selected return; None when nothing was queued."""
        ret = self.selected()
        if ret is None or self._blockers.get(ret.id, SELECT_ONE):
            return None
        units = sum(int(ln.get("qty") or 0) - int(ln.get("refunded_qty") or 0) for ln in ret.lines)
        name = marketplace_name(ret.marketplace)
        question = self.tr(
            "Refund {marketplace} return {return_id} (customer order {customer_order}, %n "
            "unit(s), {amount}) on {marketplace} now, without waiting for a credit memo in "
            "Commerce?\n\n{marketplace} refunds the buyer; if the order was invoiced in Commerce, "
            "a credit memo is made there too.",
            "",
            units,
        ).format(
            marketplace=name,
            return_id=ret.return_order_id,
            customer_order=ret.customer_order_id,
            amount=number_text(ret.refund_amount, 2),
        )
        if not ask_confirmation(self, ui(REFUND).format(marketplace=name), question):
            return None
        work = asyncio.to_thread(ops.refund, self._db, ret.id)
        label = self.tr("Refund {marketplace} return {return_id}").format(
            marketplace=name, return_id=ret.return_order_id
        )
        return self._ops.run_op(
            work,
            label=label,
            changes=self._changes,
            on_success=lambda queued: self._refund_queued(queued, name),
        )

    def _refund_queued(self, queued: ops.RefundQueued, name: str) -> None:
        self.notice.emit(
            self.tr(
                "Refund of {marketplace} return {return_id} queued (%n unit(s), order {order}).",
                "",
                queued.units,
            ).format(
                marketplace=name,
                return_id=queued.return_order_id,
                order=queued.marketplace_order_id,
            )
        )
        self.refresh()

    def _update_button(self) -> None:
        ret = self.selected()
        why = ui(SELECT_ONE) if ret is None else self._blockers.get(ret.id, ui(SELECT_ONE))
        name = marketplace_name(ret.marketplace) if ret is not None else ""
        self.refund_button.setText(
            ui(REFUND).format(marketplace=name) if name else ui(REFUND_NEUTRAL)
        )
        if ret is not None and not why:
            why = self.tr("Refund {marketplace} return {return_id} on {marketplace} now.").format(
                marketplace=name, return_id=ret.return_order_id
            )
            self.refund_button.setEnabled(True)
        else:
            self.refund_button.setEnabled(False)
        self.refund_button.setToolTip(why)

    def _show(self, loaded: tuple[list[Return], dict[int, str]]) -> None:
        chosen = self.selected()
        returns, self._blockers = loaded
        self._returns = returns
        self.empty.setVisible(not returns)
        self.table.setVisible(bool(returns))
        self.table.setRowCount(len(returns))
        for row, ret in enumerate(returns):
            refunded = ret.marketplace_refunded_at
            values = (
                ret.return_order_id,
                ret.customer_order_id,
                ret.status,
                number_text(ret.refund_amount, 2),
                progress_text(ret),
                date_time_text(refunded.astimezone()) if refunded else "",
                ret.error or "",
                marketplace_name(ret.marketplace),
            )
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                if column == 3:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.table.setItem(row, column, item)
        # Amazon's return and order ids are long: every column shows its whole text, the
        # last (Problem) takes what is left.
        self.table.resizeColumnsToContents()
        keep = next((i for i, r in enumerate(returns) if chosen and r.id == chosen.id), None)
        if keep is None:
            self.table.clearSelection()
        else:
            self.table.selectRow(keep)
        self._update_button()
