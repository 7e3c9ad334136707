"""The first-run wizard, shown when no store exists: connect a store, or try the demo.

Two choices, one purpose each. "Connect my store" continues into the store dialog (with Test
connection); "Try the demo" only emits ``demo_requested`` — the composition root restarts
on the sandboxes, since the demo lives in its own throwaway database.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from channelmanager_gui.models.db import Database
from channelmanager_gui.qt_async import OpRunner
from channelmanager_gui.services.ops import CredentialStore
from channelmanager_gui.views.settings_page import AskStore
from channelmanager_gui.views.store_dialog import StoreDialog


class FirstRunWizard(QDialog):
    """Signals: ``store_added(int)`` after a store was saved, ``demo_requested()``."""

    store_added = Signal(int)
    demo_requested = Signal()

    def __init__(
        self,
        db: Database,
        creds: CredentialStore,
        ops: OpRunner,
        *,
        ask_store: AskStore | None = None,
        keyring_missing: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        """``keyring_missing``: no safe place for the tokens on this computer, so "Connect my
        store" could only end at its Save; the demo keeps its secrets in memory and still
        works."""
        super().__init__(parent)
        self._keyring_missing = keyring_missing
        self._db = db
        self._creds = creds
        self._ops = ops
        # Looked up when used, not bound here, so StoreDialog.ask stays the one seam.
        self._ask_store = ask_store or (lambda *args: StoreDialog.ask(*args))
        self.setWindowTitle(self.tr("Welcome to Channel Manager"))
        self.setMinimumWidth(620)
        self._setup_ui()

    def _setup_ui(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 24, 28, 20)
        layout.setSpacing(12)
        title = QLabel(self.tr("Welcome to Channel Manager"))
        title.setObjectName("emptyTitle")
        layout.addWidget(title)
        intro = QLabel(
            self.tr(
                "Channel Manager sells your Adobe Commerce catalog on Walmart Marketplace: it "
                "keeps prices and stock in step, brings Walmart orders into Commerce, and sends "
                "your shipments back. How would you like to start?"
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        choices = QHBoxLayout()
        connect_text = (
            self.tr(
                "Needs a safe place for your access token and Walmart secret (a system "
                "keyring), and this computer has none yet: install and unlock one, then start "
                "Channel Manager again. The demo works meanwhile."
            )
            if self._keyring_missing
            else self.tr(
                "Your Commerce URL and access token, and your Walmart Client ID and Secret. "
                "You can test the connection before saving."
            )
        )
        self.connect_button = self._choice(choices, self.tr("Connect my store"), connect_text)
        self.connect_button.setObjectName("primaryButton")
        self.connect_button.clicked.connect(self._on_connect_button_clicked)
        self.connect_button.setEnabled(not self._keyring_missing)
        self.demo_button = self._choice(
            choices,
            self.tr("Try the demo"),
            self.tr(
                "Explore with a demo shop and a simulated Walmart account on this computer. "
                "Nothing is sent anywhere."
            ),
        )
        self.demo_button.clicked.connect(self._on_demo_button_clicked)
        layout.addLayout(choices)
        reopen = QLabel(self.tr("Later, Help › Get started… brings you back here."))
        reopen.setObjectName("emptyHint")
        layout.addWidget(reopen)
        later = QPushButton(self.tr("Later"))
        later.clicked.connect(self.reject)
        layout.addWidget(later, 0, Qt.AlignmentFlag.AlignRight)

    def _choice(self, row: QHBoxLayout, title: str, text: str) -> QPushButton:
        column = QVBoxLayout()
        button = QPushButton(title)
        button.setMinimumHeight(40)
        column.addWidget(button)
        label = QLabel(text)
        label.setWordWrap(True)
        label.setAlignment(Qt.AlignmentFlag.AlignTop)
        column.addWidget(label, 1)
        row.addLayout(column, 1)
        return button

    def _on_connect_button_clicked(self) -> None:
        saved = self._ask_store(self, self._db, self._creds, self._ops, None)
        if saved is not None:
            self.store_added.emit(saved)
            self.accept()

    def _on_demo_button_clicked(self) -> None:
        self.demo_requested.emit()
        self.accept()
