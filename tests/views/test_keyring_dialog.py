"""The no-keyring dialog explains the fix and lets the merchant quit or continue."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from channelmanager_gui.views.keyring_dialog import KeyringDialog

MESSAGE = "No keyring is available.\n\nHow to fix it: install gnome-keyring."


def test_dialog_shows_the_fix_and_copies_it(qtbot: QtBot) -> None:
    dialog = KeyringDialog(MESSAGE)
    qtbot.addWidget(dialog)
    dialog.open()
    qtbot.waitExposed(dialog)
    assert dialog.message_label.text() == MESSAGE
    dialog.copy_button.click()
    assert QApplication.clipboard().text() == MESSAGE
    assert dialog.copy_button.text() == "Copied"


def test_continue_accepts_and_quit_rejects(qtbot: QtBot) -> None:
    dialog = KeyringDialog(MESSAGE)
    qtbot.addWidget(dialog)
    dialog.open()
    with qtbot.waitSignal(dialog.accepted):
        dialog.continue_button.click()
    dialog.open()
    with qtbot.waitSignal(dialog.rejected):
        dialog.quit_button.click()
