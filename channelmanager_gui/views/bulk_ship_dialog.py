"""The Ship several orders dialog: a carrier and tracking number per order, typed or loaded
from a CSV file, each row checked as it changes by the Ship dialog's rules.

The checks are ``services/bulk_ship.check_rows`` (which calls ``validation.validate_shipment``);
each row's outcome is shown in its Result column, refused rows with the reason, and a summary
line counts both. Rows left without carrier and tracking are simply not shipped now. The OK
button names how many orders will ship and is disabled while none would. ``ask`` returns the
checked rows (``BulkCheck``); nothing is written here.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from channelmanager_gui.models.order import Order
from channelmanager_gui.qt_text import plain_label
from channelmanager_gui.services import ops
from channelmanager_gui.services.ops.bulk_ship import (
    BulkCheck,
    ShipRow,
    check_rows,
    parse_csv,
)
from channelmanager_gui.text_marks import N_
from channelmanager_gui.views.i18n import core, ui
from channelmanager_gui.views.style import PROBLEM_TEXT

Loader = Callable[[Iterable[str]], Mapping[str, Order]]
COL_PO, COL_CARRIER, COL_TRACKING, COL_URL, COL_RESULT = range(5)
_HEADERS = (
    N_("Labels", "Purchase order"),
    N_("Labels", "Carrier"),
    N_("Labels", "Tracking number"),
    N_("Labels", "Tracking link"),
    N_("Labels", "Result"),
)
READY = N_("Labels", "Ready to ship")
_PO_ROLE_TEXT = N_("Labels", "Marketplace order number (or Commerce order number)")


class BulkShipDialog(QDialog):
    """See the module docstring. Widgets are attributes so tests can drive them."""

    def __init__(
        self, orders: Iterable[Order], loader: Loader, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._loader = loader
        self._orders: dict[str, Order] = {o.marketplace_order_id: o for o in orders}
        self.check = BulkCheck()
        self.setWindowTitle(self.tr("Ship several orders"))
        self.setModal(True)
        self._setup_ui()
        for po in self._orders:
            self._add_row(po)
        self._on_input_changed()

    @classmethod
    def ask(
        cls, parent: QWidget | None, orders: Iterable[Order], loader: Loader
    ) -> BulkCheck | None:
        """The rows that will ship (and those refused), or None when the merchant closed it."""
        dialog = cls(orders, loader, parent)
        try:
            accepted = dialog.exec() == QDialog.DialogCode.Accepted
            return dialog.check if accepted else None
        finally:
            dialog.deleteLater()

    # -- building ------------------------------------------------------------------------------

    def _setup_ui(self) -> None:
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(
                self.tr(
                    "Enter the carrier and tracking number of each order, or load a CSV file of "
                    "purchase order, carrier, tracking number (and tracking link). Everything "
                    "still open on an order ships, dated now."
                )
            )
        )
        layout.itemAt(0).widget().setWordWrap(True)
        self.table = QTableWidget(0, len(_HEADERS))
        self.table.setHorizontalHeaderLabels([ui(title) for title in _HEADERS])
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(COL_RESULT, QHeaderView.ResizeMode.Stretch)
        for col, width in ((COL_PO, 130), (COL_CARRIER, 150), (COL_TRACKING, 190)):
            self.table.setColumnWidth(col, width)
        self.table.itemChanged.connect(self._on_input_changed)
        layout.addWidget(self.table, 1)
        self.parse_problems = plain_label()  # quotes the file's lines
        self.parse_problems.setStyleSheet(f"color: {PROBLEM_TEXT};")
        self.parse_problems.setWordWrap(True)
        self.parse_problems.hide()
        layout.addWidget(self.parse_problems)
        self.summary = QLabel()
        layout.addWidget(self.summary)
        buttons = QDialogButtonBox()
        self.load_button = QPushButton(self.tr("Load CSV…"))
        self.load_button.clicked.connect(self._on_load_button_clicked)
        buttons.addButton(self.load_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.ok_button = QPushButton(self.tr("Ship"))
        self.ok_button.setObjectName("primaryButton")
        buttons.addButton(self.ok_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.tr("Don't ship"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(820, 420)

    def _add_row(self, po: str) -> int:
        row = self.table.rowCount()
        self.table.blockSignals(True)
        self.table.insertRow(row)
        po_item = QTableWidgetItem(po)  # plain text: items never render markup
        po_item.setToolTip(ui(_PO_ROLE_TEXT))
        po_item.setFlags(po_item.flags() & ~Qt.ItemFlag.ItemIsEditable)
        self.table.setItem(row, COL_PO, po_item)
        for col in (COL_TRACKING, COL_URL):
            self.table.setItem(row, col, QTableWidgetItem(""))
        result = QTableWidgetItem("")
        result.setFlags(result.flags() & ~Qt.ItemFlag.ItemIsEditable)
        self.table.setItem(row, COL_RESULT, result)
        carrier = QComboBox()
        carrier.setEditable(True)  # an unlisted carrier is typed, then needs a tracking link
        carrier.addItem("")
        order = self._orders.get(po)
        marketplace = order.marketplace if order is not None else "walmart"
        carrier.addItems([value for value, _label in ops.carrier_choices(marketplace)])
        carrier.currentTextChanged.connect(self._on_input_changed)
        self.table.setCellWidget(row, COL_CARRIER, carrier)
        self.table.blockSignals(False)
        return row

    # -- reading and checking ------------------------------------------------------------------

    def carrier_box(self, row: int) -> QComboBox:
        box = self.table.cellWidget(row, COL_CARRIER)
        assert isinstance(box, QComboBox)
        return box

    def set_row(self, row: int, carrier: str, tracking: str, url: str = "") -> None:
        self.carrier_box(row).setCurrentText(carrier)
        self.table.item(row, COL_TRACKING).setText(tracking)
        self.table.item(row, COL_URL).setText(url)

    def row_of(self, po: str) -> int | None:
        for row in range(self.table.rowCount()):
            if self.table.item(row, COL_PO).text() == po:
                return row
        return None

    def load_csv(self, path: Path) -> None:
        """Fill the table from a CSV file; orders not in the table yet get a row."""
        rows, problems = parse_csv(path.read_text(encoding="utf-8-sig", errors="replace"))
        missing = [r.po for r in rows if r.po and r.po not in self._orders]
        self._orders.update(self._loader(missing))
        for item in rows:
            row = self.row_of(item.po)
            if row is None:
                row = self._add_row(item.po)
            self.set_row(row, item.carrier, item.tracking, item.tracking_url)
        lines = [
            self.tr("Line {line}: {reason}").format(line=p.line, reason=core("CoreText", p.reason))
            for p in problems
        ]
        self.parse_problems.setText(self.tr("Not read from the file — ") + "; ".join(lines))
        self.parse_problems.setVisible(bool(lines))
        self._on_input_changed()

    def _rows(self) -> list[ShipRow]:
        rows = []
        for row in range(self.table.rowCount()):
            carrier = self.carrier_box(row).currentText().strip()
            tracking = self.table.item(row, COL_TRACKING).text().strip()
            url = self.table.item(row, COL_URL).text().strip()
            if carrier or tracking or url:  # an untouched row is not shipped now
                po = self.table.item(row, COL_PO).text()
                rows.append(ShipRow(row + 1, po, carrier, tracking, url))
        return rows

    def _on_input_changed(self, *_: object) -> None:
        rows = self._rows()
        self.check = check_rows(rows, self._orders)
        results = {row.line: ui(READY) for row, _ in self.check.accepted}
        results |= {
            refusal.line: core("CoreText", refusal.reason) for refusal in self.check.refused
        }
        self.table.blockSignals(True)
        for row in range(self.table.rowCount()):
            text = results.get(row + 1, self.tr("Not shipped now"))
            item = self.table.item(row, COL_RESULT)
            item.setText(text[:1].upper() + text[1:])
            item.setToolTip(item.text())
        self.table.blockSignals(False)
        self.table.resizeRowsToContents()  # a refusal's whole reason, wrapped
        count = len(self.check.accepted)
        refused = len(self.check.refused)
        self.summary.setText(
            self.tr("%n order(s) ready to ship", "", count) + self.tr(", %n refused.", "", refused)
        )
        self.ok_button.setText(self.tr("Ship %n order(s)", "", count) if count else self.tr("Ship"))
        self.ok_button.setEnabled(count > 0)

    def _on_load_button_clicked(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Load shipments"),
            str(Path.home()),
            self.tr("CSV (*.csv *.txt);;All files (*)"),
        )
        if name:
            self.load_csv(Path(name))
