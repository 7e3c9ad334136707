"""Add or edit a store's Amazon seller account, and test it: one purpose, one dialog.

Opened from Settings ("Amazon account…") rather than as a fourth tab of the store dialog: the
store dialog already fills a 1024 × 700 window. Save stays disabled with the reason beside it
until the form can be saved (``ops.accounts.problem``). Secrets (LWA client id, client secret,
refresh token) are typed into password fields and go to the keyring; on an edit the fields stay
empty ("saved in the keyring — type to replace"). "Test connection" asks the account's adapter
and names each failure in words: the token exchange, then each marketplace's participation.
"""

from __future__ import annotations

import asyncio
from html import escape
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from channelmanager_gui.errors import ChannelError, CredentialsError
from channelmanager_gui.models.db import Database
from channelmanager_gui.qt_async import OpRunner
from channelmanager_gui.services import ops
from channelmanager_gui.services.ops import CredentialStore
from channelmanager_gui.services.ops.account_ops import SECRET_LABELS, AccountAnswer
from channelmanager_gui.text_marks import N_
from channelmanager_gui.views.i18n import core
from channelmanager_gui.views.style import current

# The North America marketplaces the product sells in (amazon-sp-api.md §1.4, §8.1).
MARKETPLACES = (
    ("ATVPDKIKX0DER", N_("AmazonAccountDialog", "Amazon.com (US)")),
    ("A2EUQ1WTGCTBG2", N_("AmazonAccountDialog", "Amazon.ca (Canada)")),
    ("A1AM78C64UM0Y8", N_("AmazonAccountDialog", "Amazon.com.mx (Mexico)")),
)
# The secrets' form labels (``SECRET_LABELS`` words them for the command line).
SECRET_TITLES = {
    "lwa_client_id": N_("AmazonAccountDialog", "LWA client ID"),
    "lwa_client_secret": N_("AmazonAccountDialog", "LWA client secret"),
    "lwa_refresh_token": N_("AmazonAccountDialog", "Refresh token"),
}
MASKED = ("lwa_client_secret", "lwa_refresh_token")


class AmazonAccountDialog(QDialog):
    """``AmazonAccountDialog(db, creds, ops, store_id, account_id=None)``; use :meth:`ask`."""

    def __init__(
        self,
        db: Database,
        creds: CredentialStore,
        runner: OpRunner,
        store_id: int,
        account_id: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._db, self._creds, self._runner = db, creds, runner
        self.store_id, self.account_id = store_id, account_id
        self.test_task: asyncio.Task[Any] | None = None
        self._test_failed = False
        self.setWindowTitle(
            self.tr("Edit Amazon account") if account_id else self.tr("Add an Amazon account")
        )
        self.setMinimumWidth(520)
        self._setup_ui()
        self._fill(ops.accounts.load_answer(db, account_id) if account_id else AccountAnswer())
        self._on_input_changed()

    @classmethod
    def ask(
        cls,
        parent: QWidget | None,
        db: Database,
        creds: CredentialStore,
        runner: OpRunner,
        store_id: int,
    ) -> int | None:
        """Edit the store's Amazon account (add one when it has none); the saved account's
        id, or None when the merchant cancelled."""
        existing = [
            a.id for a in ops.accounts.list_accounts(db, store_id) if a.marketplace == "amazon"
        ]
        dialog = cls(db, creds, runner, store_id, existing[0] if existing else None, parent)
        return dialog.account_id if dialog.exec() == QDialog.DialogCode.Accepted else None

    # -- building ------------------------------------------------------------------------------

    def _setup_ui(self) -> None:
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.name = self._line(form, self.tr("Account name"), "Amazon")
        self.seller_id = self._line(form, self.tr("Seller ID"), "A3FHEXAMPLEYWS")
        self.seller_id.setToolTip(
            self.tr("Seller Central: Settings › Account Info › Merchant Token")
        )
        self.marketplace_boxes: dict[str, QCheckBox] = {}
        row = QHBoxLayout()
        for marketplace_id, title in MARKETPLACES:
            box = QCheckBox(self.tr(title))
            box.toggled.connect(self._on_connection_changed)
            self.marketplace_boxes[marketplace_id] = box
            row.addWidget(box)
        form.addRow(self.tr("Sells on"), row)
        self.secret_fields: dict[str, QLineEdit] = {}
        for key in SECRET_LABELS:
            edit = self._line(form, self.tr(SECRET_TITLES[key]))
            if key in MASKED:
                edit.setEchoMode(QLineEdit.EchoMode.Password)
            self.secret_fields[key] = edit
        self.api_url = self._line(form, self.tr("SP-API URL"))
        self.auth_url = self._line(form, self.tr("LWA token URL"))
        layout.addLayout(form)
        test_row = QHBoxLayout()
        self.test_button = QPushButton(self.tr("Test connection"))
        self.test_button.clicked.connect(self._on_test_button_clicked)
        test_row.addWidget(self.test_button)
        test_row.addStretch(1)
        layout.addLayout(test_row)
        self.test_result = QLabel()
        self.test_result.setWordWrap(True)
        self.test_result.setTextFormat(Qt.TextFormat.RichText)  # our markup, the text escaped
        layout.addWidget(self.test_result)
        self.reason = QLabel()
        self.reason.setWordWrap(True)
        self.reason.setStyleSheet(f"color: {current().PROBLEM_TEXT};")
        layout.addWidget(self.reason)
        buttons = QDialogButtonBox()
        self.save_button = buttons.addButton(
            self.tr("Save account"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._on_buttons_accepted)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _line(self, form: QFormLayout, label: str, placeholder: str = "") -> QLineEdit:
        edit = QLineEdit()
        edit.setPlaceholderText(placeholder)
        edit.textChanged.connect(self._on_connection_changed)
        form.addRow(label, edit)
        return edit

    def _fill(self, answer: AccountAnswer) -> None:
        self.name.setText(answer.name)
        self.seller_id.setText(answer.seller_id)
        for marketplace_id, box in self.marketplace_boxes.items():
            box.setChecked(marketplace_id in answer.marketplace_ids)
        self.api_url.setText(answer.api_url)
        self.auth_url.setText(answer.auth_url)
        if self.account_id:
            for edit in self.secret_fields.values():
                edit.setPlaceholderText(self.tr("Saved in the keyring — type to replace"))

    # -- reading -------------------------------------------------------------------------------

    def answer(self) -> AccountAnswer:
        return AccountAnswer(
            name=self.name.text(),
            seller_id=self.seller_id.text(),
            marketplace_ids=[m for m, box in self.marketplace_boxes.items() if box.isChecked()],
            api_url=self.api_url.text(),
            auth_url=self.auth_url.text(),
            secrets={key: edit.text() for key, edit in self.secret_fields.items()},
        )

    # -- slots ---------------------------------------------------------------------------------

    def _on_input_changed(self) -> None:
        reason = ops.accounts.problem(self.answer(), editing=self.account_id is not None)
        if reason is None and self._test_failed:
            reason = self.tr(
                "The connection test failed: correct the details above, or test again."
            )
        self.reason.setText(core("CoreText", reason) if reason else "")
        self.save_button.setEnabled(reason is None)

    def _on_connection_changed(self, *_: object) -> None:
        """A test result is about the details it tested: new details, no stale verdict."""
        self.test_result.clear()
        self._test_failed = False
        self._on_input_changed()

    def _on_buttons_accepted(self) -> None:
        try:
            saved = ops.accounts.save(
                self._db,
                self._creds,
                self.answer(),
                store_id=self.store_id,
                account_id=self.account_id,
            )
        except ChannelError as exc:
            self.reason.setText(core("CoreText", exc.message))
            return
        self.account_id = saved.id
        self.accept()

    def _on_test_button_clicked(self) -> None:
        try:
            fallback = ops.accounts.saved_secrets(self._creds, self.account_id)
        except CredentialsError as exc:  # no keyring here (the demo's secrets are in memory)
            if not all(self.answer().secrets.get(key) for key in SECRET_LABELS):
                why = exc.message.split("\n")[0]
                unread = self.tr("The saved secrets cannot be read: {why} Type them above to test.")
                self.show_problems([unread.format(why=why)])
                return
            fallback = {}  # every secret typed: nothing to read
        self.test_button.setEnabled(False)
        self.test_result.setText(self.tr("Testing the token exchange and the marketplaces…"))
        self.test_task = self._runner.run(
            ops.accounts.test(self.answer(), fallback),
            label=self.tr("Test Amazon connection"),
            on_success=self.show_problems,
        )
        self.test_task.add_done_callback(lambda _: self.test_button.setEnabled(True))

    def show_problems(self, problems: list[str]) -> None:
        """✔ when the account works, else each problem on its own line, in words."""
        good, bad = current().GREEN_TEXT, current().PROBLEM_TEXT
        connected = self.tr(
            "Connected: the token exchange works and the account sells on every chosen marketplace."
        )
        lines = [f"<span style='color:{bad}'>✖</span> {escape(p)}" for p in problems] or [
            f"<span style='color:{good}'>✔</span> {escape(connected)}"
        ]
        self.test_result.setText("<br>".join(lines))
        self._test_failed = bool(problems)
        self._on_input_changed()
