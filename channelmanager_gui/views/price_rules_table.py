"""The price rules of the listing rules editor: a table to add, remove and reorder them.

Rows hold what the merchant typed, as the rules' JSON (``services/ops/listing_rules_ops``
checks it); rules apply by priority, and rows of the same priority from the top, so moving a
row changes the order among equal priorities.
"""

from __future__ import annotations

import re
from typing import Any, TypeVar

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from channelmanager_gui.services.ops.listing_rules_ops import Action, By, Scope

W = TypeVar("W", bound=QWidget)
PRIORITY, NAME, SCOPE, TARGETS, CHANGE, AMOUNT, STOP = range(7)
MAX_PRIORITY = 999


class PriceRulesTable(QWidget):
    """``changed()`` after every edit; ``rules()`` gives the rows as rule JSON, top first."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._setup_ui()

    def _setup_ui(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.table = QTableWidget(0, 7)
        self.table.setObjectName("priceRulesTable")
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Priority"),
                self.tr("Name"),
                self.tr("Applies to"),
                self.tr("SKUs or pattern"),
                self.tr("Change"),
                self.tr("Amount"),
                self.tr("Stop further"),
            ]
        )
        header = self.table.horizontalHeader()
        widths = {PRIORITY: 60, NAME: 140, SCOPE: 130, CHANGE: 180, AMOUNT: 70, STOP: 100}
        for column, width in widths.items():
            header.resizeSection(column, width)
        header.setSectionResizeMode(TARGETS, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.itemChanged.connect(self._on_table_item_changed)
        layout.addWidget(self.table)
        buttons = QHBoxLayout()
        self.add_button = QPushButton(self.tr("Add rule"))
        self.add_button.clicked.connect(self._on_add_button_clicked)
        self.remove_button = QPushButton(self.tr("Remove"))
        self.remove_button.clicked.connect(self._on_remove_button_clicked)
        self.up_button = QPushButton(self.tr("Move up"))
        self.up_button.clicked.connect(lambda: self._move(-1))
        self.down_button = QPushButton(self.tr("Move down"))
        self.down_button.clicked.connect(lambda: self._move(1))
        for button in (self.add_button, self.remove_button, self.up_button, self.down_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout.addLayout(buttons)

    # -- public API ----------------------------------------------------------------------------

    def set_rules(self, rules: list[dict[str, Any]]) -> None:
        self.table.setRowCount(0)
        for rule in rules:
            self._append(rule)
        self.changed.emit()

    def rules(self) -> list[dict[str, Any]]:
        return [self._row(row) for row in range(self.table.rowCount())]

    def selected_row(self) -> int | None:
        rows = {index.row() for index in self.table.selectedIndexes()}
        return min(rows) if rows else None

    # -- rows ----------------------------------------------------------------------------------

    def _append(self, rule: dict[str, Any]) -> None:
        """A row for ``rule``; quiet until complete (a half-built row cannot be read)."""
        blocked = self.table.blockSignals(True)
        try:
            self._fill_row(rule)
        finally:
            self.table.blockSignals(blocked)

    def _fill_row(self, rule: dict[str, Any]) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        priority = QSpinBox()
        priority.setRange(1, MAX_PRIORITY)
        priority.setValue(_int(rule.get("priority"), 1))
        priority.valueChanged.connect(self.changed)
        self.table.setCellWidget(row, PRIORITY, priority)
        self.table.setItem(row, NAME, QTableWidgetItem(str(rule.get("name", ""))))
        scope = self._combo(
            [
                (self.tr("All products"), Scope.ALL.value),
                (self.tr("These SKUs"), Scope.SKUS.value),
                (self.tr("SKUs matching"), Scope.PATTERN.value),
            ],
            rule.get("scope", Scope.ALL.value),
        )
        scope.setToolTip(self.tr("“SKUs matching” takes a pattern: * any characters, ? one."))
        self.table.setCellWidget(row, SCOPE, scope)
        targets = ", ".join(rule.get("skus") or []) or str(rule.get("pattern", ""))
        self.table.setItem(row, TARGETS, QTableWidgetItem(targets))
        change = self._combo(
            [
                (self.tr("Increase by %"), "increase percent"),
                (self.tr("Decrease by %"), "decrease percent"),
                (self.tr("Increase by an amount"), "increase fixed"),
                (self.tr("Decrease by an amount"), "decrease fixed"),
            ],
            f"{rule.get('action', Action.INCREASE.value)} {rule.get('by', By.PERCENT.value)}",
        )
        self.table.setCellWidget(row, CHANGE, change)
        amount = QTableWidgetItem(str(rule.get("amount", "")))
        amount.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.table.setItem(row, AMOUNT, amount)
        stop = QTableWidgetItem(self.tr("Stop"))
        stop.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled)
        checked = rule.get("stop_further") is True
        stop.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        self.table.setItem(row, STOP, stop)

    def _combo(self, choices: list[tuple[str, str]], current: object) -> QComboBox:
        combo = QComboBox()
        for label, value in choices:
            combo.addItem(label, value)
        combo.setCurrentIndex(max(0, combo.findData(current)))
        combo.currentIndexChanged.connect(self.changed)
        return combo

    def _row(self, row: int) -> dict[str, Any]:
        """One row as rule JSON, as typed: the op's check says what is wrong with it."""
        scope = self._widget(row, SCOPE, QComboBox).currentData()
        action, by = self._widget(row, CHANGE, QComboBox).currentData().split()
        targets = self._text(row, TARGETS)
        stop = self.table.item(row, STOP)
        return {
            "name": self._text(row, NAME),
            "priority": self._widget(row, PRIORITY, QSpinBox).value(),
            "scope": scope,
            "skus": [s for s in re.split(r"[,\s]+", targets) if s] if scope == "skus" else [],
            "pattern": targets if scope == "pattern" else "",
            "action": action,
            "by": by,
            "amount": self._text(row, AMOUNT),
            "stop_further": stop is not None and stop.checkState() == Qt.CheckState.Checked,
        }

    def _text(self, row: int, column: int) -> str:
        item = self.table.item(row, column)
        return item.text().strip() if item else ""

    def _widget(self, row: int, column: int, kind: type[W]) -> W:
        widget = self.table.cellWidget(row, column)
        assert isinstance(widget, kind)  # set by _append, one kind per column
        return widget

    def _move(self, step: int) -> None:
        row = self.selected_row()
        if row is None or not 0 <= row + step < self.table.rowCount():
            return
        rules = self.rules()
        rules[row], rules[row + step] = rules[row + step], rules[row]
        self.set_rules(rules)
        self.table.selectRow(row + step)

    # -- slots ---------------------------------------------------------------------------------

    def _on_add_button_clicked(self) -> None:
        number = self.table.rowCount() + 1
        self._append({"name": self.tr("Rule {number}").format(number=number), "amount": "5"})
        self.table.selectRow(number - 1)
        self.changed.emit()

    def _on_remove_button_clicked(self) -> None:
        row = self.selected_row()
        if row is not None:
            self.table.removeRow(row)
            self.changed.emit()

    def _on_table_item_changed(self, _item: QTableWidgetItem) -> None:
        self.changed.emit()


def _int(value: object, default: int) -> int:
    return value if isinstance(value, int) and not isinstance(value, bool) else default
