"""Told at start-up when no safe keyring is available: what is wrong and how to fix it.

The app never falls back to storing secrets in plain text, so without a keyring it can show
local data but cannot connect a store. The merchant chooses to quit (and fix it) or continue.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from channelmanager_gui.qt_text import plain_label
from channelmanager_gui.text_marks import N_
from channelmanager_gui.views.i18n import ui

TITLE = N_("Labels", "Passwords cannot be stored safely")
CONSEQUENCE = N_(
    "Labels",
    "Channel Manager never falls back to saving secrets in a plain file. If you continue, "
    "you can look at data already synced, but no store can connect until a keyring is "
    "available. The demo works without one (Help › Get started…).",
)


class KeyringDialog(QDialog):
    """Explains the keyring problem; accepted means "continue without connecting"."""

    def __init__(self, message: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(ui(TITLE))
        self.setModal(True)
        self._message = message
        self._setup_ui()

    def _setup_ui(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 16)
        layout.setSpacing(12)
        heading = QLabel(f"<b>{ui(TITLE)}</b>")
        layout.addWidget(heading)
        self.message_label = plain_label(self._message)
        self.message_label.setWordWrap(True)
        self.message_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.message_label)
        consequence = QLabel(ui(CONSEQUENCE))
        consequence.setWordWrap(True)
        layout.addWidget(consequence)
        buttons = QDialogButtonBox()
        self.copy_button = QPushButton(self.tr("Copy instructions"))
        self.copy_button.clicked.connect(self._on_copy_button_clicked)
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.quit_button = buttons.addButton(
            self.tr("Quit"), QDialogButtonBox.ButtonRole.RejectRole
        )
        self.continue_button = buttons.addButton(
            self.tr("Continue without connecting"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.continue_button.setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.setMinimumWidth(520)

    @classmethod
    def ask(cls, parent: QWidget | None, message: str) -> bool:
        """Show the problem; True when the merchant continues, False when they quit.

        Called before the event loop runs, so the modal ``exec`` nests no asyncio work.
        """
        dialog = cls(message, parent)
        return dialog.exec() == QDialog.DialogCode.Accepted

    def _on_copy_button_clicked(self) -> None:
        QGuiApplication.clipboard().setText(self._message)
        self.copy_button.setText(self.tr("Copied"))
