"""The Cancel dialog: the whole order, one of Walmart's five reasons, a button naming the order.

Walmart cancels whole unshipped orders from here, so the dialog says so and lists what will be
cancelled. The reason is required and checked by the shared ``validation.validate_cancel``
(the same words as ``channelmanager-gui orders cancel``); the OK button stays disabled with the
reason shown next to the field until it passes. Once anything has shipped, ``can_cancel``
refuses and the dialog only explains why (the pages do not offer it then).

An order cancelled in the Commerce admin and held for its Walmart reason opens the same dialog:
it then lists what Commerce cancelled, sends only the Walmart cancellation, and starts with no
reason chosen (the merchant's pick, never a guess).
"""

from __future__ import annotations

from html import escape

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from channelmanager_gui.errors import ValidationError
from channelmanager_gui.models.order import Order
from channelmanager_gui.services import ops
from channelmanager_gui.services.ops import validation as v
from channelmanager_gui.views.i18n import core
from channelmanager_gui.views.ship_dialog import reason_label, reason_text
from channelmanager_gui.views.style import Palette
from channelmanager_gui.views.theme import themed

# Amazon's CancelReason codes for the two reasons the dialog picks itself (§3.3).
AMAZON_BUYER, AMAZON_NO_STOCK = "BuyerCanceled", "NoInventory"


def danger_style(p: Palette) -> str:
    """The red OK button's stylesheet in palette ``p``."""
    return (
        f"QPushButton#dangerButton {{ background: {p.DANGER}; color: {p.ON_ACCENT}; border: none;"
        " border-radius: 6px; padding: 6px 16px; font-weight: 600; }"
        f"QPushButton#dangerButton:disabled {{ background: {p.DANGER_DISABLED}; }}"
    )


class CancelDialog(QDialog):
    """See the module docstring. Widgets are attributes so tests can drive them."""

    def __init__(
        self, order: Order, parent: QWidget | None = None, suggested: str | None = None
    ) -> None:
        super().__init__(parent)
        self._order = order
        self._suggested = suggested
        self._request: v.CancelRequest | None = None
        self.problem: ValidationError | None = None
        self._held = v.is_held(order)
        self.setWindowTitle(
            self.tr("Cancel order {order}").format(order=order.marketplace_order_id)
        )
        self.setModal(True)
        self._setup_ui()
        self._validate()

    @classmethod
    def ask(
        cls, parent: QWidget | None, order: Order, suggested: str | None = None
    ) -> v.CancelRequest | None:
        """The checked cancellation, or None when the merchant keeps the order.

        Call it from a plain slot, not from inside a coroutine (``exec`` nests an event loop).
        """
        dialog = cls(order, parent, suggested)
        try:
            accepted = dialog.exec() == QDialog.DialogCode.Accepted
            return dialog.request() if accepted else None
        finally:
            dialog.deleteLater()

    def request(self) -> v.CancelRequest | None:
        return self._request

    # -- building ------------------------------------------------------------------------------

    def _setup_ui(self) -> None:
        order = self._order
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 14)
        layout.setSpacing(10)
        name = ops.marketplace_name(order.marketplace)
        if self._held:
            title = self.tr("<b>Send the cancellation of {marketplace} order {po}</b>")
        else:
            title = self.tr("<b>Cancel the whole {marketplace} order {po}</b>")
        heading = QLabel(title.format(marketplace=name, po=escape(order.marketplace_order_id)))
        layout.addWidget(heading)
        self.explanation = QLabel(self._explanation())
        self.explanation.setWordWrap(True)
        layout.addWidget(self.explanation)
        self.order_reason = reason_label()
        layout.addWidget(self.order_reason)
        layout.addWidget(QLabel(self.tr("Reason")))
        self.reason = QComboBox()
        self.reason.addItem(self.tr("Choose why the order is cancelled…"), "")
        for code, label in ops.cancel_reason_choices(order.marketplace):  # its marketplace's
            self.reason.addItem(core("CancelReason", label), code)
        amazon = order.marketplace == "amazon"
        if order.intent_to_cancel and not self._held:  # what the buyer asked for
            # Amazon: a buyer's request is answered with BuyerCanceled (amazon-sp-api.md §3.3).
            buyer = AMAZON_BUYER if amazon else v.BUYER_CANCEL
            self.reason.setCurrentIndex(self.reason.findData(buyer))
        elif self._suggested:  # e.g. "Out of stock" from an order blocked in Commerce
            suggested = self._suggested
            if amazon and suggested == v.OUT_OF_STOCK:
                suggested = AMAZON_NO_STOCK
            self.reason.setCurrentIndex(max(0, self.reason.findData(suggested)))
        self.reason.currentIndexChanged.connect(self._on_reason_currentIndexChanged)
        layout.addWidget(self.reason)
        self.reason_reason = reason_label()
        layout.addWidget(self.reason_reason)
        layout.addWidget(self._buttons())
        self.setMinimumWidth(480)

    def _explanation(self) -> str:
        if self._held:
            return self._held_explanation()
        open_lines = [line for line in self._order.lines if line.qty_open > 0]
        items = "".join(
            f"<li>{line.qty_open} × {escape(line.sku)} {escape(line.product_name)}</li>"
            for line in open_lines
        )
        commerce = self._order.commerce_increment_id
        name = ops.marketplace_name(self._order.marketplace)
        if commerce:
            text = self.tr(
                "{marketplace} cancels whole orders only: every unshipped item below is "
                "cancelled on {marketplace} and Commerce order {order}. This cannot be undone."
            ).format(marketplace=name, order=escape(commerce))
        else:
            text = self.tr(
                "{marketplace} cancels whole orders only: every unshipped item below is "
                "cancelled on {marketplace}. This cannot be undone."
            ).format(marketplace=name)
        return f"{text}<ul>{items}</ul>"

    def _held_explanation(self) -> str:
        waiting = [
            line
            for line in self._order.lines
            if line.qty_cancelled > 0 and line.marketplace_status != "Cancelled"
        ]
        items = "".join(
            f"<li>{line.qty_cancelled} × {escape(line.sku)} {escape(line.product_name)}</li>"
            for line in waiting
        )
        text = self.tr(
            "These items were cancelled in Commerce. {marketplace} needs a reason Commerce does "
            "not record; choose it and the cancellation is sent to {marketplace}."
        ).format(marketplace=ops.marketplace_name(self._order.marketplace))
        return f"{text}<ul>{items}</ul>"

    def _buttons(self) -> QDialogButtonBox:
        buttons = QDialogButtonBox()
        if self._held:
            action = self.tr("Send cancellation of order {po}")
        else:
            action = self.tr("Cancel order {po}")
        self.ok_button = QPushButton(action.format(po=self._order.marketplace_order_id))
        self.ok_button.setObjectName("dangerButton")
        themed(self.ok_button, danger_style)
        buttons.addButton(self.ok_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.keep_button = buttons.addButton(
            self.tr("Keep the order"), QDialogButtonBox.ButtonRole.RejectRole
        )
        self.keep_button.setDefault(True)  # Enter must not cancel an order by accident
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        return buttons

    # -- behaviour -----------------------------------------------------------------------------

    def accept(self) -> None:
        self._validate()
        if self._request is not None:
            super().accept()

    def _on_reason_currentIndexChanged(self) -> None:
        self._validate()

    def _validate(self) -> None:
        try:
            self._request = v.validate_cancel(self._order, self.reason.currentData())
            self.problem = None
        except ValidationError as exc:
            self._request, self.problem = None, exc
        problem = self.problem
        on_order = problem is not None and problem.field == v.FIELD_ORDER
        self.order_reason.setVisible(on_order)
        self.reason_reason.setVisible(problem is not None and not on_order)
        if problem is not None:
            (self.order_reason if on_order else self.reason_reason).setText(reason_text(problem))
        self.reason.setEnabled(not on_order)
        self.ok_button.setEnabled(problem is None)
        self.ok_button.setToolTip(reason_text(problem) if problem else "")
