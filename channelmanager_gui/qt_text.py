"""What buyers and marketplaces typed, shown exactly as typed: plain text, never rich text.

Qt renders a QLabel's or QMessageBox's text, and every tooltip, as HTML when
``Qt.mightBeRichText`` says it looks like HTML (a tag near the start): a buyer named
``<img src=x>`` would show a broken image and ``<b>Bob</b>`` a bold "Bob". Labels and message
boxes that show such text are set to ``PlainText``; tooltips have no such switch, so text that
Qt would take for HTML is escaped into HTML that shows it verbatim. Text of our own markup
(a bold "Error:" in a banner) escapes what it embeds with ``html.escape`` instead.
"""

from __future__ import annotations

import html

from PySide6.QtGui import Qt  # QtGui's Qt: QtCore's plus mightBeRichText
from PySide6.QtWidgets import QLabel, QMessageBox, QWidget


def plain_label(text: str = "", parent: QWidget | None = None) -> QLabel:
    """A label that shows ``text`` (now and whatever it is set to later) as typed."""
    label = QLabel(text, parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


def plain_box(parent: QWidget | None = None) -> QMessageBox:
    """A message box whose text shows as typed (its detailed text always does)."""
    box = QMessageBox(parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    return box


def verbatim(text: str) -> str:
    """``text`` for a place that guesses its format (a tooltip, a static ``QMessageBox``
    call): unchanged when Qt would show it as plain text anyway, else as escaped HTML that
    shows it as typed, keeping its spaces and line breaks (and still wrapping)."""
    if not Qt.mightBeRichText(text):
        return text
    return f"<p style='white-space:pre-wrap'>{html.escape(text, quote=False)}</p>"
