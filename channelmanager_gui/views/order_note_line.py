"""The order detail's note line: the merchant's own note on the order, and "Edit note…".

The note is read and saved through ``services/order_notes.py`` (local only, never sent to a
marketplace) and shown as plain text, as typed. Editing uses Qt's multi-line input dialog.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QInputDialog, QLabel, QPushButton, QWidget

from channelmanager_gui.errors import ValidationError
from channelmanager_gui.models.db import Database
from channelmanager_gui.qt_text import plain_label
from channelmanager_gui.services.ops.order_notes import read_note, save_note
from channelmanager_gui.text_marks import N_
from channelmanager_gui.views.i18n import core, ui
from channelmanager_gui.views.style import TEXT_FAINT

NO_NOTE = N_("Labels", "No note. Notes stay on this computer and the search finds them.")


class NoteLine(QWidget):
    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._order_id: int | None = None
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        title = QLabel(self.tr("Note:"))
        title.setStyleSheet("font-weight: 600;")
        self.text = plain_label()  # what the merchant typed, as typed
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.edit_button = QPushButton(self.tr("Edit note…"))
        self.edit_button.clicked.connect(self._on_edit_button_clicked)
        row.addWidget(title, 0, Qt.AlignmentFlag.AlignTop)
        row.addWidget(self.text, 1)
        row.addWidget(self.edit_button, 0, Qt.AlignmentFlag.AlignTop)

    def show_for(self, order_id: int) -> None:
        self._order_id = order_id
        self._show(read_note(self._db, order_id))

    def _show(self, note: str) -> None:
        self.text.setText(note or ui(NO_NOTE))
        self.text.setStyleSheet("" if note else f"color: {TEXT_FAINT};")

    def _on_edit_button_clicked(self) -> None:
        if self._order_id is None:
            return
        current = read_note(self._db, self._order_id)
        text, ok = QInputDialog.getMultiLineText(
            self, self.tr("Note on this order"), self.tr("Note:"), current
        )
        if not ok:
            return
        try:
            self._show(save_note(self._db, self._order_id, text))
        except ValidationError as exc:
            self.text.setText(core("CoreText", exc.message))
