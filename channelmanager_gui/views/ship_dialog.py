"""The Ship dialog: carrier, method, tracking, ship date and how many of each line ship now.

Every keystroke runs the shared ``validation.validate_shipment`` (the same checks as
``channelmanager-gui orders ship``); its first problem is shown next to the field it names and
keeps the OK button disabled, so nothing is queued until the input is valid. The OK button
says what will happen ("Ship 3 items"). Partial shipments are simply smaller quantities.
``ShipDialog.ask`` returns the checked :class:`ShipRequest` (for ``ops.ship``) or
None when the merchant closes the dialog.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from html import escape

from PySide6.QtCore import QCoreApplication, QDate, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from channelmanager_gui.errors import ValidationError
from channelmanager_gui.models.order import Order
from channelmanager_gui.qt_text import plain_label
from channelmanager_gui.services import ops
from channelmanager_gui.services.ops import validation as v
from channelmanager_gui.text_marks import N_
from channelmanager_gui.views.i18n import core, ui
from channelmanager_gui.views.locale_format import date_text, date_time_text, time_text
from channelmanager_gui.views.style import Palette
from channelmanager_gui.views.theme import themed

Clock = Callable[[], datetime]
_LINE_HEADERS = (
    N_("Labels", "SKU"),
    N_("Labels", "Product"),
    N_("Labels", "Ordered"),
    N_("Labels", "Shipped"),
    N_("Labels", "Cancelled"),
    N_("Labels", "Ship now"),
)


def local_now() -> datetime:
    return datetime.now().astimezone()


def reason_text(exc: ValidationError) -> str:
    """The message without its ``"field: "`` prefix, as a sentence."""
    text = core("CoreText", exc.reason)
    return text[:1].upper() + text[1:]


def _reason_style(p: Palette) -> str:
    return f"color: {p.PROBLEM_TEXT}; font-size: 12px;"


def _override_style(p: Palette) -> str:
    return f"color: {p.PURPLE_TEXT}; font-weight: 600;"


def reason_label() -> QLabel:
    label = plain_label()  # validation messages quote what was typed
    label.setObjectName("fieldReason")
    themed(label, _reason_style)
    label.setWordWrap(True)
    label.hide()
    return label


class ShipDialog(QDialog):
    """See the module docstring. Widgets are attributes so tests can drive them."""

    def __init__(
        self, order: Order, *, clock: Clock = local_now, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._order = order
        self._clock = clock
        self._request: v.ShipRequest | None = None
        self.problem: ValidationError | None = None
        self.quantities: dict[str, QSpinBox] = {}
        self.reasons: dict[str, QLabel] = {}
        # Reasons appear once the merchant has touched something: "Choose the carrier" in red
        # before a single click read as a scolding (issue 20); OK says it in its tooltip.
        self._touched = False
        self.setWindowTitle(self.tr("Ship order {order}").format(order=order.marketplace_order_id))
        self.setModal(True)
        self._setup_ui()
        self._validate()

    @classmethod
    def ask(
        cls, parent: QWidget | None, order: Order, *, clock: Clock = local_now
    ) -> v.ShipRequest | None:
        """The checked shipment, or None when the merchant closed the dialog.

        Call it from a plain slot, not from inside a coroutine: ``exec`` runs a nested event
        loop, which qasync tolerates only outside a running task.
        """
        dialog = cls(order, clock=clock, parent=parent)
        try:
            accepted = dialog.exec() == QDialog.DialogCode.Accepted
            return dialog.request() if accepted else None
        finally:
            dialog.deleteLater()

    def request(self) -> v.ShipRequest | None:
        """The shipment as entered, when it is valid."""
        return self._request

    # -- building ------------------------------------------------------------------------------

    def _setup_ui(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 14)
        layout.setSpacing(10)
        layout.addWidget(self._heading())
        self.order_reason = reason_label()
        layout.addWidget(self.order_reason)
        self.reasons[v.FIELD_ORDER] = self.order_reason
        self.override: QCheckBox | None = None
        if self._order.intent_to_cancel:
            self.override = QCheckBox(
                self.tr("Ship anyway — the buyer asked {marketplace} to cancel this order").format(
                    marketplace=ops.marketplace_name(self._order.marketplace)
                )
            )
            themed(self.override, _override_style)
            self.override.toggled.connect(self._on_input_changed)
            layout.addWidget(self.override)
        layout.addLayout(self._form())
        layout.addWidget(self._lines_box())
        layout.addWidget(self._buttons())
        # The first field of the form, in the order the merchant fills it (carrier, method,
        # tracking number); the dialog would otherwise hand focus to its default button.
        self.carrier.setFocus()
        self.setMinimumWidth(560)

    def _heading(self) -> QLabel:
        order = self._order
        left = sum(max(line.qty_open, 0) for line in order.lines)
        ship_by = ship_by_text(order, self._clock())
        title = self.tr("<b>Ship {marketplace} order {po}</b>").format(
            marketplace=ops.marketplace_name(order.marketplace),
            po=escape(order.marketplace_order_id),
        )
        if order.commerce_increment_id:
            title += self.tr(" · Commerce order {order}").format(
                order=escape(order.commerce_increment_id)
            )
        customer = escape(order.customer_name or self.tr("Customer"))
        facts = self.tr("{customer} · %n item(s) left to ship", "", left).format(customer=customer)
        if ship_by:
            facts += self.tr(" · ship by {date}").format(date=ship_by)
        text = f"{title}<br>{facts}.<br>" + self.tr(
            "Ship part of it now and the rest later if you need to."
        )
        heading = QLabel(text)
        heading.setWordWrap(True)
        return heading

    def _form(self) -> QFormLayout:
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.carrier = QComboBox()
        self.carrier.addItem(self.tr("Choose a carrier…"), "")
        for name, label in ops.carrier_choices(self._order.marketplace):  # its marketplace's
            if name == v.OTHER_CARRIER:  # carriers' names stay as they are
                label = QCoreApplication.translate("ShipDialog", label)
            self.carrier.addItem(label, name)
        self.carrier.currentIndexChanged.connect(self._on_carrier_changed)
        self.other_carrier = QLineEdit()
        self.other_carrier.setPlaceholderText(self.tr("Carrier name as on the label"))
        self.method = QComboBox()
        for code in v.METHOD_CODES:
            self.method.addItem(code, code)
        if self._order.marketplace == "amazon":  # free text there (§3.2): the order's own
            self.method.setEditable(True)
            self.method.setEditText(self._order.method_code or "Standard")
        else:
            self.method.setCurrentIndex(max(0, self.method.findData(self._order.method_code)))
        self.tracking_number = QLineEdit()
        self.tracking_number.setPlaceholderText(self.tr("As printed on the label"))
        self.tracking_url = QLineEdit()
        self.tracking_url.setPlaceholderText(
            self.tr("https://… (optional)")  # Amazon names an unlisted carrier, no link (§3.2)
            if self._order.marketplace == "amazon"
            else self.tr("https://… (optional; needed for an unlisted carrier)")
        )
        self.ship_date = QDateEdit()
        self.ship_date.setCalendarPopup(True)
        self.ship_date.setDisplayFormat("yyyy-MM-dd")
        today = self._clock().date()
        self.ship_date.setDate(QDate(today.year, today.month, today.day))
        self.ship_date.setMaximumDate(QDate(today.year, today.month, today.day).addDays(1))
        rows = (
            (self.tr("Carrier"), self.carrier, v.FIELD_CARRIER),
            (self.tr("Carrier name"), self.other_carrier, v.FIELD_OTHER_CARRIER),
            (self.tr("Shipping method"), self.method, v.FIELD_METHOD),
            (self.tr("Tracking number"), self.tracking_number, v.FIELD_TRACKING_NUMBER),
            (self.tr("Tracking link"), self.tracking_url, v.FIELD_TRACKING_URL),
            (self.tr("Ship date"), self.ship_date, v.FIELD_SHIP_DATE),
        )
        self._other_row: list[QWidget] = []
        for title, widget, field_name in rows:
            label = QLabel(title)
            label.setBuddy(widget)
            field_box = self._with_reason(widget, field_name)
            form.addRow(label, field_box)
            if widget is self.other_carrier:
                self._other_row = [label, field_box]
        for widget in (self.other_carrier, self.tracking_number, self.tracking_url):
            widget.textChanged.connect(self._on_input_changed)
        self.method.currentIndexChanged.connect(self._on_input_changed)
        self.method.editTextChanged.connect(self._on_input_changed)
        self.ship_date.dateChanged.connect(self._on_input_changed)
        self._show_other(False)
        return form

    def _with_reason(self, widget: QWidget, field_name: str) -> QWidget:
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(widget)
        reason = reason_label()
        # Its line is kept while hidden, so the form does not jump as reasons come and go.
        policy = reason.sizePolicy()
        policy.setRetainSizeWhenHidden(True)
        reason.setSizePolicy(policy)
        reason.setText(" ")
        self.reasons[field_name] = reason
        column.addWidget(reason)
        return box

    def _lines_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Items in this shipment"))
        grid = QGridLayout(box)
        for col, title in enumerate(_LINE_HEADERS):
            header = QLabel(f"<b>{ui(title)}</b>")
            grid.addWidget(header, 0, col, alignment=_align(col))
        for row, line in enumerate(self._order.lines, start=1):
            values = (line.sku, line.product_name, line.qty_ordered, line.qty_shipped)
            for col, value in enumerate((*values, line.qty_cancelled)):
                grid.addWidget(plain_label(str(value)), row, col, alignment=_align(col))
            spin = QSpinBox()
            spin.setRange(0, max(line.qty_open, line.qty_ordered))
            spin.setValue(max(line.qty_open, 0))
            spin.setEnabled(line.qty_open > 0)
            spin.setAlignment(Qt.AlignmentFlag.AlignRight)
            spin.setAccessibleName(self.tr("Quantity of {sku} to ship now").format(sku=line.sku))
            spin.valueChanged.connect(self._on_input_changed)
            grid.addWidget(spin, row, len(_LINE_HEADERS) - 1)
            self.quantities[line.line_number] = spin
        self.lines_reason = reason_label()
        self.reasons[v.FIELD_LINES] = self.lines_reason
        grid.addWidget(self.lines_reason, len(self._order.lines) + 1, 0, 1, len(_LINE_HEADERS))
        grid.setColumnStretch(1, 1)
        return box

    def _buttons(self) -> QDialogButtonBox:
        buttons = QDialogButtonBox()
        self.ok_button = QPushButton(self.tr("Ship"))
        self.ok_button.setObjectName("primaryButton")
        self.ok_button.setDefault(True)
        buttons.addButton(self.ok_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.close_button = buttons.addButton(
            self.tr("Don't ship"), QDialogButtonBox.ButtonRole.RejectRole
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        return buttons

    # -- behaviour -----------------------------------------------------------------------------

    def accept(self) -> None:
        self._touched = True  # Enter on an untouched form: say what is missing
        self._validate()
        if self._request is not None:
            super().accept()

    def _on_carrier_changed(self) -> None:
        self._show_other(self.carrier.currentData() == v.OTHER_CARRIER)
        self._on_input_changed()

    def _on_input_changed(self) -> None:
        self._touched = True
        self._validate()

    def _show_other(self, shown: bool) -> None:
        for widget in self._other_row:
            widget.setVisible(shown)

    def _validate(self) -> None:
        try:
            self._request = v.validate_shipment(
                self._order,
                self.carrier.currentData(),
                self.other_carrier.text(),
                self.method.currentText(),  # a code's text is the code itself
                self.tracking_number.text(),
                self.tracking_url.text(),
                self.ship_date.date().toPython(),
                {number: spin.value() for number, spin in self.quantities.items()},
                override_cancel_request=bool(self.override and self.override.isChecked()),
                now=self._clock(),
            )
            self.problem = None
        except ValidationError as exc:
            self._request, self.problem = None, exc
        self._show_problem()

    def _show_problem(self) -> None:
        problem = self.problem
        target = None
        if problem is not None and self._touched:
            target = self.reasons.get(problem.field, self.lines_reason)
        for label in self.reasons.values():
            label.setVisible(label is target)
        if problem is not None and target is not None:
            target.setText(reason_text(problem))
        units = sum(spin.value() for spin in self.quantities.values())
        self.ok_button.setText(self.tr("Ship %n item(s)", "", units) if units else self.tr("Ship"))
        self.ok_button.setEnabled(problem is None)
        self.ok_button.setToolTip(reason_text(problem) if problem else "")


def _align(column: int) -> Qt.AlignmentFlag:
    if column >= 2:
        return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
    return Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter


def ship_by_text(order: Order, now: datetime) -> str:
    """“today 17:00”, a date, or that the date has passed (Walmart cancels late orders)."""
    if order.estimated_ship_date is None:
        return ""
    moment = order.estimated_ship_date.astimezone(now.tzinfo)
    if moment < now:
        return QCoreApplication.translate("ShipDialog", "{date} — passed").format(
            date=date_time_text(moment)
        )
    if moment.date() == now.date():
        return QCoreApplication.translate("ShipDialog", "today {time}").format(
            time=time_text(moment)
        )
    return date_text(moment)
