"""The one place failures reach the merchant, by tier (STYLE.md #7).

* a cancel shows nothing;
* passing trouble (the remote is unreachable or throttling; the sync retries by itself) goes to
  the status bar;
* any other ``ChannelError`` shows its merchant message in a dialog, detail one click away;
* anything unexpected shows one dialog with the traceback to copy into a support request.

Errors that concern one order or listing are shown inline by that page and never get here.
"""

from __future__ import annotations

import asyncio
import traceback
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from channelmanager_gui.errors import ApiError, ChannelError, RateLimitError, UnavailableError
from channelmanager_gui.qt_text import plain_box

PASSING = (UnavailableError, RateLimitError)


class ErrorPresenter:
    """Callable as ``presenter(exc, context)``; ``context`` names what was being done."""

    def __init__(self, parent: QWidget | None, notice: Callable[[str], None]) -> None:
        self._parent = parent
        self._notice = notice
        self.dialog: QMessageBox | None = None

    def __call__(self, exc: BaseException, context: str) -> None:
        if isinstance(exc, asyncio.CancelledError):
            return
        prefix = f"{context}: " if context else ""
        if isinstance(exc, PASSING):
            self._notice(f"{prefix}{exc.message} Channel Manager will try again.")
        elif isinstance(exc, ChannelError):
            self._show(exc.message, context, _channel_detail(exc))
        else:
            during = f" while “{context}”" if context else ""
            message = f"Something unexpected went wrong{during}."
            self._show(message, context, "".join(traceback.format_exception(exc)))

    def _show(self, message: str, context: str, detail: str) -> None:
        """One dialog at a time: later errors are added to the open dialog's details."""
        if self.dialog is not None and self.dialog.isVisible():
            previous = self.dialog.detailedText()
            self.dialog.setDetailedText(f"{previous}\n\n---\n{message}\n{detail}".strip())
            self.dialog.setInformativeText(
                QCoreApplication.translate(
                    "ErrorPresenter", "More problems happened; see the details."
                )
            )
            return
        box = plain_box(self._parent)  # API error texts quote what buyers and marketplaces typed
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(context or "Channel Manager")
        box.setText(message)
        box.setDetailedText(detail)
        box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        box.destroyed.connect(self._on_dialog_destroyed)
        self.dialog = box
        # open(), not exec(): a nested event loop inside qasync's loop is best avoided.
        box.open()

    def _on_dialog_destroyed(self) -> None:
        self.dialog = None


def _channel_detail(exc: ChannelError) -> str:
    """The technical part to paste into a support request."""
    lines = [f"{type(exc).__name__}: {exc.message}"]
    if isinstance(exc, ApiError):
        fields = {
            "HTTP status": exc.status,
            "code": exc.code,
            "field": exc.field,
            "correlation id": exc.correlation_id,
        }
        lines += [f"{name}: {value}" for name, value in fields.items() if value]
    if exc.detail:
        lines.append(exc.detail)
    return "\n".join(lines)
