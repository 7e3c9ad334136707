"""Which Commerce attributes hold a product's identifier, tried in order, and of what kind.

Shops keep UPCs and EANs under attribute codes of their own choosing ("upc", "barcode",
"ean_code"…); matching on Walmart needs one, so the merchant maps them here.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

KINDS = ("UPC", "EAN", "ISBN", "GTIN")


class IdentifierTable(QWidget):
    """``changed()`` after every edit; ``mapping()`` gives {attribute code: kind} in order."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._setup_ui()

    def _setup_ui(self) -> None:
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Commerce attributes that may hold a product's identifier, tried from the top. "
                "Identifiers are checked (check digit) and turned into a GTIN-14 before matching."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.table = QTableWidget(0, 2)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Commerce attribute code"), self.tr("Identifier kind")]
        )
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().resizeSection(0, 240)
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.itemChanged.connect(self._on_table_item_changed)
        layout.addWidget(self.table)
        buttons = QHBoxLayout()
        self.add_button = QPushButton(self.tr("Add attribute"))
        self.add_button.clicked.connect(self._on_add_button_clicked)
        self.remove_button = QPushButton(self.tr("Remove"))
        self.remove_button.clicked.connect(self._on_remove_button_clicked)
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)

    def set_mapping(self, mapping: dict[str, str]) -> None:
        self.table.blockSignals(True)
        self.table.setRowCount(0)
        for code, kind in mapping.items():
            self._append(code, kind)
        self.table.blockSignals(False)
        self.changed.emit()

    def mapping(self) -> dict[str, str]:
        result: dict[str, str] = {}
        for row in range(self.table.rowCount()):
            item = self.table.item(row, 0)
            combo = self.table.cellWidget(row, 1)
            code = item.text().strip() if item else ""
            if code and isinstance(combo, QComboBox):
                result.setdefault(code, combo.currentText())
        return result

    def _append(self, code: str, kind: str) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        self.table.setItem(row, 0, QTableWidgetItem(code))
        combo = QComboBox()
        combo.addItems(KINDS)
        combo.setCurrentText(kind if kind in KINDS else "GTIN")
        combo.currentIndexChanged.connect(self.changed)
        self.table.setCellWidget(row, 1, combo)

    def _on_add_button_clicked(self) -> None:
        self._append("", "UPC")
        self.table.editItem(self.table.item(self.table.rowCount() - 1, 0))

    def _on_remove_button_clicked(self) -> None:
        rows = sorted({index.row() for index in self.table.selectedIndexes()}, reverse=True)
        for row in rows:
            self.table.removeRow(row)
        self.changed.emit()

    def _on_table_item_changed(self, _item: QTableWidgetItem) -> None:
        self.changed.emit()
