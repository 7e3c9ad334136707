"""Listing rules of a store: the stock and price its marketplaces are sent (Amazon Sales
Channel's out-of-stock threshold, maximum listed quantity and standard price rules, applied on
Walmart and Amazon alike).

Rules are per marketplace account (Adobe's listing rules are per Amazon account): a store
with several accounts picks the account first; each account's rules load and save on their own.

A live example shows what a product's price becomes. Save stays disabled with the reason shown
until the rules can be saved; they are saved through ``services/ops/listing_rules_ops`` and
:meth:`ListingRulesDialog.ask` hands the caller the changes to publish.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from channelmanager_gui.errors import ChannelError
from channelmanager_gui.models.db import Database
from channelmanager_gui.qt_text import plain_label
from channelmanager_gui.services.ops import Changes, accounts
from channelmanager_gui.services.ops import listing_rules as rules_ops
from channelmanager_gui.views.i18n import core
from channelmanager_gui.views.price_rules_table import PriceRulesTable
from channelmanager_gui.views.style import Palette
from channelmanager_gui.views.theme import themed

MAX_UNITS = 1_000_000
EXAMPLE_PRICE = "19.99"


def _problem_style(p: Palette) -> str:
    return f"color: {p.PROBLEM_TEXT};"


class ListingRulesDialog(QDialog):
    """``ListingRulesDialog(db, store_id)``; use :meth:`ask`."""

    def __init__(self, db: Database, store_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self.store_id = store_id
        self.changes: Changes | None = None
        self.setWindowTitle(self.tr("Listing rules"))
        self.setMinimumWidth(860)
        self._setup_ui()
        self._fill(rules_ops.load_rules(db, store_id, self.account_id()))

    @classmethod
    def ask(cls, parent: QWidget | None, db: Database, store_id: int) -> Changes | None:
        """The saved rules' changes (for the caller to publish), or None when cancelled."""
        dialog = cls(db, store_id, parent)
        return dialog.changes if dialog.exec() == QDialog.DialogCode.Accepted else None

    # -- building ------------------------------------------------------------------------------

    def _setup_ui(self) -> None:
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "What this store's marketplaces are sent for its products, on Walmart and "
                "Amazon alike. Stock and prices are read from Commerce and changed by these "
                "rules before each push."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        layout.addLayout(self._account_row())
        layout.addWidget(self._stock_box())
        layout.addWidget(self._price_box(), 1)
        layout.addLayout(self._example_row())
        self.reason = plain_label()  # quotes what was typed
        self.reason.setObjectName("formReason")
        self.reason.setWordWrap(True)
        themed(self.reason, _problem_style)
        layout.addWidget(self.reason)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.save_button = self.buttons.addButton(
            self.tr("Save listing rules"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.save_button.setDefault(True)
        self.buttons.accepted.connect(self._on_buttons_accepted)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

    def _account_row(self) -> QHBoxLayout:
        """The account whose rules are shown (hidden when the store has only one)."""
        row = QHBoxLayout()
        label = QLabel(self.tr("Rules of the account:"))
        self.account = QComboBox()
        for info in accounts.list_accounts(self._db, self.store_id):
            self.account.addItem(info.name, info.id)
        self.account.currentIndexChanged.connect(self._on_account_changed)
        row.addWidget(label)
        row.addWidget(self.account)
        row.addStretch(1)
        label.setVisible(self.account.count() > 1)
        self.account.setVisible(self.account.count() > 1)
        return row

    def account_id(self) -> int | None:
        """The chosen account's id (None: the store's Walmart account, as before accounts)."""
        value = self.account.currentData()
        return int(value) if value is not None else None

    def _stock_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Stock"))
        form = QFormLayout(box)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        self.held_back = self._units(form, self.tr("Units held back"))
        self.held_back.setToolTip(self.tr("Subtracted from the Commerce salable quantity."))
        self.threshold = self._units(form, self.tr("Out-of-stock threshold"))
        self.threshold.setToolTip(self.tr("At or below this quantity, 0 is listed."))
        self.maximum = self._units(form, self.tr("Maximum listed quantity"))
        self.maximum.setSpecialValueText(self.tr("No maximum"))
        self.maximum.setToolTip(self.tr("Never more than this is listed, e.g. 1 for scarcity."))
        return box

    def _units(self, form: QFormLayout, label: str) -> QSpinBox:
        spin = QSpinBox()
        spin.setRange(0, MAX_UNITS)
        spin.setMinimumWidth(140)
        spin.valueChanged.connect(self._on_input_changed)
        form.addRow(label, spin)
        return spin

    def _price_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Price rules"))
        layout = QVBoxLayout(box)
        explain = QLabel(
            self.tr(
                "Applied to the Commerce price from priority 1 down (equal priorities from the "
                "top), each to the result of the one before, until a rule marked “Stop”; "
                "rounded to cents at the end. A result under $0.01 is not sent: the "
                "marketplace keeps the last price."
            )
        )
        explain.setWordWrap(True)
        layout.addWidget(explain)
        self.price_rules = PriceRulesTable()
        self.price_rules.changed.connect(self._on_input_changed)
        layout.addWidget(self.price_rules, 1)
        return box

    def _example_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Example: a $")))
        self.example_price = QLineEdit(EXAMPLE_PRICE)
        self.example_price.setAccessibleName(self.tr("Example price"))
        self.example_price.setMaximumWidth(90)
        self.example_price.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.example_price.textChanged.connect(self._on_input_changed)
        row.addWidget(self.example_price)
        row.addWidget(QLabel(self.tr("product with SKU")))
        self.example_sku = QLineEdit()
        self.example_sku.setAccessibleName(self.tr("Example SKU"))
        self.example_sku.setPlaceholderText(self.tr("any"))
        self.example_sku.setMaximumWidth(140)
        self.example_sku.textChanged.connect(self._on_input_changed)
        row.addWidget(self.example_sku)
        self.example = plain_label()  # quotes rule names as typed
        self.example.setObjectName("listingExample")
        self.example.setWordWrap(True)
        row.addWidget(self.example, 1)
        return row

    def _fill(self, data: dict[str, Any]) -> None:
        self.held_back.setValue(int(data.get("safety_buffer") or 0))
        self.threshold.setValue(int(data.get("out_of_stock_threshold") or 0))
        self.maximum.setValue(int(data.get("max_quantity") or 0))
        self.price_rules.set_rules(list(data.get("price_rules") or []))
        self._on_input_changed()

    # -- reading -------------------------------------------------------------------------------

    def data(self) -> dict[str, Any]:
        """The rules as typed, as their JSON."""
        return {
            "safety_buffer": self.held_back.value(),
            "out_of_stock_threshold": self.threshold.value(),
            "max_quantity": self.maximum.value() or None,
            "price_rules": self.price_rules.rules(),
        }

    def _example_text(self, data: dict[str, Any]) -> str:
        try:
            price = Decimal(self.example_price.text().strip())
        except InvalidOperation:
            price = Decimal(0)
        if not price.is_finite() or price <= 0:
            return self.tr("product: type a price to see what is listed.")
        example = rules_ops.example(data, price, self.example_sku.text().strip() or None)
        if example.price is None:
            return self.tr("is not sent a price: the rules bring it under $0.01.")
        text = self.tr("is listed at ${price}").format(price=f"{example.price:.2f}")
        if example.rules:
            text += self.tr(" (after {rules})").format(rules=", ".join(example.rules))
        return text + "."

    # -- slots ---------------------------------------------------------------------------------

    def _on_input_changed(self, *_: object) -> None:
        data = self.data()
        problem = rules_ops.check(data)[1]
        self.example.setText(self._example_text(data))
        self.reason.setText(problem or "")
        self.save_button.setEnabled(problem is None)

    def _on_account_changed(self, *_: object) -> None:
        self._fill(rules_ops.load_rules(self._db, self.store_id, self.account_id()))

    def _on_buttons_accepted(self) -> None:
        try:
            self.changes = rules_ops.save_rules(
                self._db, self.store_id, self.data(), self.account_id()
            )
        except ChannelError as exc:
            self.reason.setText(core("CoreText", exc.message))
            return
        self.accept()
