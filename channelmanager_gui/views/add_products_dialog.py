"""Add products: search the Commerce catalog and import the chosen products as listings.

The search and the import are operations (``ops.search_products``, ``ops.import_products``)
that open the store's clients, call Commerce and close them. They run on an event loop of
their own in a worker thread (the import writes every page to SQLite as it goes), awaited
through the op runner, so the window never waits on the network or the database; the op
runner publishes the import's changes. An import of a whole search (or the whole catalog) is a
long job: it reports through a small progress object that this dialog turns into a progress
bar with counts, and Cancel (or closing the window) stops it between pages, keeping what was
imported."""

from __future__ import annotations

import asyncio
from collections.abc import Coroutine
from dataclasses import dataclass
from typing import Any, TypeVar

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from channelmanager_gui.models.db import Database
from channelmanager_gui.qt_async import OpRunner
from channelmanager_gui.qt_text import plain_label
from channelmanager_gui.services import ops as core
from channelmanager_gui.services.changes import ChangeBus
from channelmanager_gui.text_marks import N_
from channelmanager_gui.views.i18n import ui
from channelmanager_gui.views.locale_format import money_text, number_text

T = TypeVar("T")
SEARCH_LIMIT = core.SEARCH_LIMIT  # rows shown; "Import all matching": every match
COLUMNS = (
    "",
    N_("Labels", "SKU"),
    N_("Labels", "Name"),
    N_("Labels", "Price"),
    N_("Labels", "Type"),
    N_("Labels", "Status"),
)


def import_summary(result: core.ImportResult) -> str:
    """What an import did, in the language shown (``ImportResult.summary`` is the CLI's)."""

    def part(text: str, count: int) -> str:
        return text.format(count=number_text(count))

    parts = [
        part(QCoreApplication.translate("ImportSummary", "{count} imported"), result.created),
        part(QCoreApplication.translate("ImportSummary", "{count} updated"), result.updated),
    ]
    if result.incomplete:
        text = QCoreApplication.translate(
            "ImportSummary", "{count} incomplete (no valid identifier)"
        )
        parts.append(part(text, result.incomplete))
    if result.skipped:
        text = QCoreApplication.translate("ImportSummary", "{count} skipped")
        parts.append(part(text, len(result.skipped)))
    if result.not_found:
        text = QCoreApplication.translate("ImportSummary", "{count} not found in Commerce")
        parts.append(part(text, len(result.not_found)))
    summary = QCoreApplication.translate("ImportSummary", ", ").join(parts)
    if result.cancelled:
        summary += QCoreApplication.translate("ImportSummary", " — cancelled")
    return summary


@dataclass(frozen=True)
class StoreChoice:
    """The store whose catalog the dialog shows, and what opening its clients needs."""

    db: Database
    secrets: core.SecretSource
    id: int
    name: str


async def in_worker_loop(work: Coroutine[Any, Any, T], progress: ProgressBridge | None = None) -> T:
    """Run an operation on an event loop of its own in a worker thread: its SQLite writes then
    never run on the window's thread. Cancelled (the window closes), an import stops after
    the current page."""
    running = asyncio.ensure_future(asyncio.to_thread(asyncio.run, work))
    try:
        return await asyncio.shield(running)
    except asyncio.CancelledError:
        if progress is not None:
            progress.cancelled = True
        raise


class ProgressBridge(QObject):
    """The engine's Progress protocol, as Qt signals the dialog's widgets listen to.

    Called on the import's thread; this object lives on the UI thread, so its signals are
    queued to the widgets. ``cancelled`` is a plain flag the import reads between pages.
    """

    status = Signal(str)
    progress = Signal(int, int)  # done, total (0 when unknown)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.cancelled = False

    def set_status(self, text: str) -> None:
        self.status.emit(text)

    def set_progress(self, done: int, total: int | None) -> None:
        self.progress.emit(done, total or 0)


class AddProductsDialog(QDialog):
    """``AddProductsDialog(store, ops, changes)``; :meth:`ask` returns the last ImportResult
    or None. ``store`` says which store's catalog, and where its secrets come from."""

    def __init__(
        self,
        store: StoreChoice,
        ops: OpRunner,
        changes: ChangeBus,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._store = store
        self._ops = ops
        self._changes = changes
        self.task: asyncio.Task[Any] | None = None
        self.result_value: core.ImportResult | None = None
        self._progress: ProgressBridge | None = None
        self._searched = ""
        self.setWindowTitle(self.tr("Add products from {name}").format(name=store.name))
        self.resize(860, 600)
        self._setup_ui()
        self._update_buttons()

    @classmethod
    def ask(
        cls,
        parent: QWidget | None,
        store: StoreChoice,
        ops: OpRunner,
        changes: ChangeBus,
    ) -> core.ImportResult | None:
        dialog = cls(store, ops, changes, parent)
        dialog.exec()
        return dialog.result_value

    # -- building ------------------------------------------------------------------------------

    def _setup_ui(self) -> None:
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search the Commerce catalog by name or SKU"))
        self.search.setClearButtonEnabled(True)
        self.search.returnPressed.connect(self.start_search)
        bar.addWidget(self.search, 1)
        self.search_button = QPushButton(self.tr("Search"))
        self.search_button.clicked.connect(self.start_search)
        bar.addWidget(self.search_button)
        layout.addLayout(bar)
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels([ui(title) if title else "" for title in COLUMNS])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setStretchLastSection(True)
        for column, width in enumerate((28, 130, 330, 90, 90)):
            self.table.horizontalHeader().resizeSection(column, width)
        self.table.itemChanged.connect(lambda _item: self._update_buttons())
        layout.addWidget(self.table, 1)
        self.info = plain_label(
            self.tr("Search for products, tick the ones to sell on Walmart, then import.")
        )  # quotes the search typed and the import's outcome
        self.info.setWordWrap(True)
        layout.addWidget(self.info)
        progress_row = QHBoxLayout()
        self.progress_bar = QProgressBar()
        self.progress_bar.setVisible(False)
        progress_row.addWidget(self.progress_bar, 1)
        self.cancel_button = QPushButton(self.tr("Cancel import"))
        self.cancel_button.setVisible(False)
        self.cancel_button.clicked.connect(self.cancel_import)
        progress_row.addWidget(self.cancel_button)
        layout.addLayout(progress_row)
        buttons = QHBoxLayout()
        self.all_button = QPushButton(self.tr("Import all matching"))
        self.all_button.setToolTip(
            self.tr("Every product the search finds, also beyond the rows shown")
        )
        self.all_button.clicked.connect(self._on_all_button_clicked)
        self.catalog_button = QPushButton(self.tr("Import whole catalog"))
        self.catalog_button.clicked.connect(self._on_catalog_button_clicked)
        buttons.addWidget(self.all_button)
        buttons.addWidget(self.catalog_button)
        buttons.addStretch(1)
        self.close_button = QPushButton(self.tr("Close"))
        self.close_button.clicked.connect(self.reject)
        buttons.addWidget(self.close_button)
        self.import_button = QPushButton(self.tr("Import"))
        self.import_button.setObjectName("primaryButton")
        self.import_button.setDefault(False)
        self.import_button.clicked.connect(self._on_import_button_clicked)
        buttons.addWidget(self.import_button)
        layout.addLayout(buttons)

    # -- search --------------------------------------------------------------------------------

    def start_search(self) -> None:
        text = self.search.text().strip()
        if not text or self._busy():
            return
        self._searched = text
        self.info.setText(self.tr("Searching Commerce for “{text}”…").format(text=text))
        store = self._store
        search = core.search_products(store.db, store.secrets, store.id, text)
        task = self._ops.run(
            in_worker_loop(search),
            label=self.tr("Search the Commerce catalog"),
            on_success=self._show_results,
        )
        self._follow(task)

    def _show_results(self, answer: core.ProductSearch) -> None:
        products, listed = answer.products, answer.listed
        self.table.blockSignals(True)
        self.table.setRowCount(len(products))
        for row, product in enumerate(products):
            self._show_product(row, product, product.sku in listed)
        self.table.blockSignals(False)
        count = len(products)
        if not products:
            text = self.tr("Nothing in the Commerce catalog matches “{search}”.").format(
                search=self._searched
            )
        elif count >= SEARCH_LIMIT:
            text = self.tr("%n product(s) found (first {limit} shown).", "", count).format(
                limit=SEARCH_LIMIT
            )
        else:
            text = self.tr("%n product(s) found.", "", count)
        self.info.setText(text)
        self._update_buttons()

    def _show_product(self, row: int, product: core.Product, listed: bool) -> None:
        check = QTableWidgetItem()
        check.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled)
        check.setCheckState(Qt.CheckState.Unchecked)
        check.setData(Qt.ItemDataRole.UserRole, product.sku)
        self.table.setItem(row, 0, check)
        price = "—" if product.price is None else money_text(product.price)
        if listed:
            status = self.tr("Already listed")
        else:
            status = self.tr("Enabled") if product.enabled else self.tr("Disabled")
        for column, text in enumerate((product.sku, product.name, price, product.type_id, status)):
            item = QTableWidgetItem(text)
            if column == 3:
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.table.setItem(row, column + 1, item)

    def checked_skus(self) -> list[str]:
        skus = []
        for row in range(self.table.rowCount()):
            item = self.table.item(row, 0)
            if item is not None and item.checkState() == Qt.CheckState.Checked:
                skus.append(str(item.data(Qt.ItemDataRole.UserRole)))
        return skus

    # -- import --------------------------------------------------------------------------------

    def start_import(self, **choice: Any) -> None:
        """``skus=[...]``, ``search="..."`` or ``all=True``, as ``import_products`` takes."""
        if self._busy():
            return
        progress = ProgressBridge(self)
        progress.status.connect(self.info.setText)
        progress.progress.connect(self._on_progress)
        self._progress = progress
        self.progress_bar.setRange(0, 0)
        self.progress_bar.setVisible(True)
        self.cancel_button.setVisible(True)
        store = self._store
        work = core.import_products(store.db, store.secrets, store.id, progress=progress, **choice)
        task = self._ops.run_op(
            in_worker_loop(work, progress),
            label=self.tr("Import products"),
            changes=self._changes,
            on_success=self._on_imported,
        )
        self._follow(task)

    def cancel_import(self) -> None:
        if self._progress is not None:
            self._progress.cancelled = True
            self.info.setText(self.tr("Stopping after the current page…"))

    def reject(self) -> None:
        """Escape or Close during an import cancels the import first."""
        if self._busy() and self._progress is not None:
            self.cancel_import()
            return
        super().reject()

    def _on_progress(self, done: int, total: int) -> None:
        self.progress_bar.setRange(0, total)
        self.progress_bar.setValue(done)
        self.progress_bar.setFormat(
            self.tr("{done} of {total}").format(done=number_text(done), total=number_text(total))
            if total
            else self.tr("{done} read").format(done=number_text(done))
        )

    def _on_imported(self, result: core.ImportResult) -> None:
        self.result_value = result
        self._progress = None
        self.progress_bar.setVisible(False)
        self.cancel_button.setVisible(False)
        self.info.setText(
            self.tr("Import finished: {summary}.").format(summary=import_summary(result))
        )
        if self._searched:
            self.start_search()

    def _on_import_button_clicked(self) -> None:
        skus = self.checked_skus()
        if skus:
            self.start_import(skus=skus)

    def _on_all_button_clicked(self) -> None:
        if self._searched:
            self.start_import(search=self._searched)

    def _on_catalog_button_clicked(self) -> None:
        self.start_import(all=True)

    # -- helpers -------------------------------------------------------------------------------

    def _follow(self, task: asyncio.Task[Any]) -> None:
        self.task = task
        task.add_done_callback(lambda _task: self._on_task_done())
        self._update_buttons()

    def _on_task_done(self) -> None:
        if self._progress is not None:  # failed or cancelled: the op runner said why
            self._progress = None
            self.progress_bar.setVisible(False)
            self.cancel_button.setVisible(False)
        self._update_buttons()

    def _busy(self) -> bool:
        return self.task is not None and not self.task.done()

    def _update_buttons(self) -> None:
        busy = self._busy()
        count = len(self.checked_skus())
        self.import_button.setText(self.tr("Import %n product(s)", "", count))
        self.import_button.setEnabled(count > 0 and not busy)
        self.all_button.setEnabled(bool(self._searched) and not busy)
        self.catalog_button.setEnabled(not busy)
        self.search_button.setEnabled(not busy)
