"""Add or edit a store: connection, sync rules, identifier attributes, and Test connection.

Save stays disabled with the reason shown beside it until the form can be saved. Secrets are
typed into password fields and go to the keyring; when a store is edited the fields stay empty
("saved in the keyring — type to replace"), so a secret is never shown back.
"""

from __future__ import annotations

import asyncio
from html import escape
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from channelmanager_gui.errors import ChannelError
from channelmanager_gui.models.db import Database
from channelmanager_gui.qt_async import OpRunner
from channelmanager_gui.qt_text import plain_label, verbatim
from channelmanager_gui.services.ops import (
    CANCEL_REASON_LABELS,
    DEFAULT_INTERVALS,
    DEFAULT_ORDER_EMAIL,
    DEFAULT_REASON_CHOICES,
    DEFAULT_SOURCE,
    ConnectionReport,
    CredentialStore,
    StoreSettings,
)
from channelmanager_gui.services.ops import store as store_form
from channelmanager_gui.services.ops.store_writes import SECRET_LABELS, StoreAnswer
from channelmanager_gui.text_marks import N_
from channelmanager_gui.views.i18n import core, ui
from channelmanager_gui.views.identifier_table import IdentifierTable
from channelmanager_gui.views.style import Palette, current
from channelmanager_gui.views.theme import themed

SAVED_PLACEHOLDER = N_("Labels", "Saved in the keyring — type to replace")
INTERVAL_LABELS = {
    "orders": N_("Labels", "New marketplace orders"),  # Walmart's and Amazon's
    "catalog": N_("Labels", "Product changes in Commerce"),
    "stock": N_("Labels", "Stock in Commerce"),
    "inventory": N_("Labels", "Price and stock changes to Walmart"),
    "full_stock": N_("Labels", "Full stock re-check on Walmart"),
    "matching": N_("Labels", "Listings waiting for a match"),
    "shipments": N_("Labels", "Shipments made in Commerce"),
    "returns": N_("Labels", "Walmart returns"),
    "cancellations": N_("Labels", "Orders cancelled in Commerce"),
    "amazon_listings": N_("Labels", "Listings report from Amazon"),
    "amazon_push": N_("Labels", "Price and stock changes to Amazon"),
    "amazon_returns": N_("Labels", "Returns report from Amazon"),
}
# Not offered in the dialog: the returns report shares createReport with the listings report,
# and a shorter interval would spend Amazon's sustained rate (issue 19). Shown in the summary.
FIXED_INTERVALS = frozenset({"amazon_returns"})
HOLD_CANCEL = N_("Labels", "Hold it until I choose Walmart's reason")
MASKED = ("commerce_token", "walmart_client_secret")
TEST_FAILED = N_("Labels", "The connection test failed: correct the details above, or test again.")


def _problem_style(p: Palette) -> str:
    return f"color: {p.PROBLEM_TEXT};"


class StoreDialog(QDialog):
    """``StoreDialog(db, creds, ops, store_id=None)``; use :meth:`ask`."""

    def __init__(
        self,
        db: Database,
        creds: CredentialStore,
        ops: OpRunner,
        store_id: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._db = db
        self._creds = creds
        self._ops = ops
        self.store_id = store_id
        self.test_task: asyncio.Task[Any] | None = None
        self._test_failed = False  # the last test of these very details failed
        # As in the Ship dialog: no reason in red before the merchant typed anything ("Give the
        # store a name." greeted an empty form); Save says it in its tooltip meanwhile.
        self._touched = self._filled = False
        self.setWindowTitle(self.tr("Edit store") if store_id else self.tr("Add a store"))
        self.setMinimumWidth(560)
        self._setup_ui()
        answer = store_form.load_answer(db, store_id) if store_id else StoreAnswer()
        self._base_settings = answer.settings  # options this dialog does not show survive
        self._fill(answer)
        self._on_input_changed()
        self._filled = True  # from here on, a change is the merchant's
        self.name.setFocus()  # typing starts in the first field, not on the tab bar

    @classmethod
    def ask(
        cls,
        parent: QWidget | None,
        db: Database,
        creds: CredentialStore,
        ops: OpRunner,
        store_id: int | None = None,
    ) -> int | None:
        """The saved store's id, or None when the merchant cancelled."""
        dialog = cls(db, creds, ops, store_id, parent)
        return dialog.store_id if dialog.exec() == QDialog.DialogCode.Accepted else None

    # -- building ------------------------------------------------------------------------------

    def _setup_ui(self) -> None:
        layout = QVBoxLayout(self)
        self.tabs = QTabWidget()
        self.tabs.addTab(self._connection_tab(), self.tr("Connection"))
        self.tabs.addTab(self._rules_tab(), self.tr("Sync and rules"))
        self.identifiers = IdentifierTable()
        self.identifiers.changed.connect(self._on_input_changed)
        self.tabs.addTab(self.identifiers, self.tr("Identifiers"))
        layout.addWidget(self.tabs)
        test_row = QHBoxLayout()
        self.test_button = QPushButton(self.tr("Test connection"))
        self.test_button.clicked.connect(self._on_test_button_clicked)
        test_row.addWidget(self.test_button, 0, Qt.AlignmentFlag.AlignTop)
        self.test_result = QLabel()
        self.test_result.setObjectName("testResult")
        self.test_result.setWordWrap(True)
        self.test_result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        test_row.addWidget(self.test_result, 1)
        layout.addLayout(test_row)
        # The reason gets the dialog's full width on its own row: beside the buttons the
        # keyring's fix (several paragraphs) became a tall column that squeezed the fields
        # and was cut mid-sentence (issue 20 #2).
        self.reason = plain_label()  # a validation message quoting what was typed
        self.reason.setObjectName("formReason")
        self.reason.setWordWrap(True)
        themed(self.reason, _problem_style)
        self.reason.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.reason)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.save_button = self.buttons.addButton(
            self.tr("Save store"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.save_button.setDefault(True)
        self.buttons.accepted.connect(self._on_buttons_accepted)
        self.buttons.rejected.connect(self.reject)
        bottom.addWidget(self.buttons)
        layout.addLayout(bottom)

    def _connection_tab(self) -> QWidget:
        tab = QWidget()
        form = QFormLayout(tab)
        self.name = self._line(form, self.tr("Store name"), self.tr("e.g. Main shop"))
        self.commerce_url = self._line(form, self.tr("Commerce URL"), "https://shop.example.com")
        self.store_code = self._line(form, self.tr("Store view code"), "default")
        self.secret_fields: dict[str, QLineEdit] = {}
        self.secret_fields["commerce_token"] = self._line(form, ui(SECRET_LABELS["commerce_token"]))
        self.walmart_url = self._line(form, self.tr("Walmart API URL"), store_form.WALMART_URL)
        for key in ("walmart_client_id", "walmart_client_secret"):
            self.secret_fields[key] = self._line(form, ui(SECRET_LABELS[key]))
        for key, edit in self.secret_fields.items():
            if key in MASKED:  # the Client ID is an identifier, shown like Seller Center does
                edit.setEchoMode(QLineEdit.EchoMode.Password)
        for edit in (
            self.commerce_url,
            self.store_code,
            self.walmart_url,
            *self.secret_fields.values(),
        ):
            edit.textChanged.connect(self._on_connection_changed)
        hint = QLabel(
            self.tr(
                "The access token comes from Commerce Admin > System > Extensions > Integrations; "
                "the Client ID and Secret from Walmart Seller Center > Settings > API Key "
                "Management. Secrets are kept in the system keyring, never in the database."
            )
        )
        hint.setWordWrap(True)
        hint.setObjectName("formHint")
        form.addRow(hint)
        return tab

    def _rules_tab(self) -> QWidget:
        tab = QWidget()
        form = QFormLayout(tab)
        where = QLabel(self.tr("Settings > Listing rules… (held back, threshold, price rules)"))
        where.setObjectName("formHint")
        form.addRow(self.tr("Stock and price sent"), where)
        self.ship_source = self._line(form, self.tr("Ship from source"), DEFAULT_SOURCE)
        self.ship_source.setToolTip(
            self.tr(
                "The Commerce inventory source (Stores > Inventory > Sources) that shipments made "
                "here name, so Commerce takes the stock from where you ship. Single-source shops: "
                "default."
            )
        )
        # Walmart needs a reason Commerce's cancel does not carry: hold, or the merchant's pick.
        self.commerce_cancel = QComboBox()
        self.commerce_cancel.setAccessibleName(self.tr("Order cancelled in Commerce"))
        self.commerce_cancel.addItem(ui(HOLD_CANCEL), None)
        for code, label in CANCEL_REASON_LABELS.items():
            if code in DEFAULT_REASON_CHOICES:
                self.commerce_cancel.addItem(
                    self.tr("Cancel on Walmart as “{label}”").format(
                        label=core("CancelReason", label)
                    ),
                    code,
                )
        form.addRow(self.tr("Order cancelled in Commerce"), self.commerce_cancel)
        self.order_email = self._line(form, self.tr("Commerce order e-mail"), DEFAULT_ORDER_EMAIL)
        self.order_email.setToolTip(
            self.tr(
                "The e-mail of every Commerce order made for a Walmart order. Commerce sends its "
                "order, invoice and shipment e-mails there; Walmart forbids writing to its buyers, "
                "so it is never the buyer's address. Empty: an address that reaches nobody."
            )
        )
        self.intervals: dict[str, QSpinBox] = {}
        for name in (n for n in DEFAULT_INTERVALS if n not in FIXED_INTERVALS):
            spin = QSpinBox()
            spin.setRange(1, 86_400)
            spin.setPrefix(self.tr("every "))
            spin.setSuffix(self.tr(" s"))
            self.intervals[name] = spin
            form.addRow(ui(INTERVAL_LABELS.get(name, name)), spin)
        return tab

    def _line(self, form: QFormLayout, label: str, placeholder: str = "") -> QLineEdit:
        edit = QLineEdit()
        edit.setPlaceholderText(placeholder)
        edit.textChanged.connect(self._on_input_changed)
        form.addRow(label, edit)
        return edit

    def _fill(self, answer: StoreAnswer) -> None:
        self.name.setText(answer.name)
        self.commerce_url.setText(answer.commerce_url)
        self.store_code.setText(answer.store_code)
        self.walmart_url.setText(answer.walmart_url)
        if self.store_id:
            for edit in self.secret_fields.values():
                edit.setPlaceholderText(ui(SAVED_PLACEHOLDER))
        settings = answer.settings
        self.ship_source.setText(settings.ship_source_code)
        self.commerce_cancel.setCurrentIndex(
            max(0, self.commerce_cancel.findData(settings.commerce_cancel_reason))
        )
        if settings.order_email != DEFAULT_ORDER_EMAIL:
            self.order_email.setText(settings.order_email)
        for name, spin in self.intervals.items():
            spin.setValue(int(settings.intervals.get(name, DEFAULT_INTERVALS[name])))
        self.identifiers.set_mapping(settings.identifier_attributes)

    # -- reading -------------------------------------------------------------------------------

    def answer(self) -> StoreAnswer:
        settings = StoreSettings.from_json(self._base_settings.to_json())
        settings.ship_source_code = self.ship_source.text().strip() or DEFAULT_SOURCE
        settings.commerce_cancel_reason = self.commerce_cancel.currentData()
        settings.order_email = self.order_email.text().strip() or DEFAULT_ORDER_EMAIL
        settings.intervals.update({k: float(s.value()) for k, s in self.intervals.items()})
        settings.identifier_attributes = self.identifiers.mapping()
        return StoreAnswer(
            name=self.name.text(),
            commerce_url=self.commerce_url.text(),
            store_code=self.store_code.text(),
            walmart_url=self.walmart_url.text(),
            secrets={key: edit.text() for key, edit in self.secret_fields.items()},
            settings=settings,
        )

    # -- slots ---------------------------------------------------------------------------------

    def _on_input_changed(self, *_: object) -> None:
        self._touched = self._touched or self._filled
        reason = store_form.problem(self.answer(), editing=self.store_id is not None)
        if reason is None and self._test_failed:
            reason = ui(TEST_FAILED)
        text = core("CoreText", reason or "")
        self.reason.setText(text if self._touched or self._test_failed else "")
        self.save_button.setEnabled(reason is None)
        self.save_button.setToolTip(text)

    def _on_connection_changed(self) -> None:
        """A test result is about the details it tested: new details, no stale verdict."""
        self.test_result.clear()
        self.test_result.setToolTip("")
        if self._test_failed:
            self._test_failed = False
            self._on_input_changed()

    def _on_buttons_accepted(self) -> None:
        try:
            self.store_id = store_form.save(self._db, self._creds, self.answer(), self.store_id).id
        except ChannelError as exc:
            self.reason.setText(core("CoreText", exc.message))
            return
        self.accept()

    def _on_test_button_clicked(self) -> None:
        fallback = store_form.saved_secrets(self._creds, self.store_id)
        self.test_button.setEnabled(False)
        self.test_result.setText(self.tr("Testing Commerce and Walmart…"))
        self.test_task = self._ops.run(
            store_form.check_connections(self.answer(), fallback),
            label=self.tr("Test connection"),
            on_success=self._show_reports,
        )
        self.test_task.add_done_callback(lambda _: self.test_button.setEnabled(True))

    def _show_reports(self, reports: tuple[ConnectionReport, ConnectionReport]) -> None:
        lines = []
        for service, report in zip(("Commerce", "Walmart"), reports, strict=True):
            ok, problem = current().GREEN_TEXT, current().PROBLEM_TEXT
            mark, colour = ("✔", ok) if report.ok else ("✖", problem)
            detail = f" {report.detail}" if report.ok and report.detail else ""
            lines.append(
                f"<span style='color:{colour}'>{mark} <b>{service}:</b></span> "
                f"{escape(report.message)}{escape(detail)}"
            )
        self.test_result.setText("<br>".join(lines))
        self._test_failed = not all(report.ok for report in reports)
        self._on_input_changed()
        details = [f"{r.problem or 'ok'}: {r.detail}" for r in reports if r.detail]
        self.test_result.setToolTip(verbatim("\n".join(details)))
