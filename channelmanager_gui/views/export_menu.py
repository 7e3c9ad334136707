"""File → Export: orders or listings of the store shown, as CSV, to a file the merchant picks.

The writing is ``services/export_files.export_csv`` (the command line's export), run in a
worker thread through the op runner so a large catalog never freezes the window; a failure
reaches the one error presenter and success is a status-bar notice naming the file.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMenu

from channelmanager_gui.models.db import Database
from channelmanager_gui.qt_async import OpRunner
from channelmanager_gui.services.ops.export_files import KINDS, Kind, default_name, export_csv
from channelmanager_gui.text_marks import N_
from channelmanager_gui.views.i18n import ui
from channelmanager_gui.views.locale_format import number_text

# The kinds as the menu says them ("Export orders as CSV…").
KIND_WORDS: dict[str, str] = {
    "orders": N_("Labels", "orders"),
    "listings": N_("Labels", "listings"),
}


class ExportMenu:
    """The File menu's Export entries; ``choose_path`` is the seam tests replace."""

    def __init__(
        self,
        window: QMainWindow,
        file_menu: QMenu,
        db: Database,
        ops: OpRunner,
        current_store: Callable[[], int | None],
    ) -> None:
        self._window = window
        self._current_store = current_store
        self._db = db
        self._ops = ops
        self.actions: dict[Kind, QAction] = {}
        before = file_menu.actions()[0] if file_menu.actions() else None
        for kind in KINDS:
            action = QAction(
                QCoreApplication.translate("ExportMenu", "Export {kind} as CSV…").format(
                    kind=ui(KIND_WORDS[kind])
                ),
                window,
            )
            action.setToolTip(
                QCoreApplication.translate(
                    "ExportMenu", "Write the {kind} of the store shown to a CSV file."
                ).format(kind=ui(KIND_WORDS[kind]))
            )
            action.triggered.connect(lambda _=False, k=kind: self.export(k))
            file_menu.insertAction(before, action)
            self.actions[kind] = action
        file_menu.insertSeparator(before)

    def choose_path(self, kind: Kind) -> Path | None:
        suggested = str(Path.home() / default_name(kind, date.today()))
        name, _ = QFileDialog.getSaveFileName(
            self._window,
            QCoreApplication.translate("ExportMenu", "Export {kind}").format(
                kind=ui(KIND_WORDS[kind])
            ),
            suggested,
            QCoreApplication.translate("ExportMenu", "CSV (*.csv)"),
        )
        if not name:
            return None
        return Path(name if name.lower().endswith(".csv") else f"{name}.csv")

    def export(self, kind: Kind) -> asyncio.Task[int] | None:
        path = self.choose_path(kind)
        if path is None:
            return None
        store_id = self._current_store()  # -1 or None: all stores
        store = store_id if store_id is not None and store_id >= 0 else None

        def on_success(count: int) -> None:
            done = QCoreApplication.translate("ExportMenu", "{count} {kind} exported to {path}")
            text = done.format(count=number_text(count), kind=ui(KIND_WORDS[kind]), path=path)
            self._window.statusBar().showMessage(text, 8000)

        work = asyncio.to_thread(export_csv, self._db, kind, path, store)
        return self._ops.run(
            work,
            label=QCoreApplication.translate("ExportMenu", "Export {kind}").format(
                kind=ui(KIND_WORDS[kind])
            ),
            on_success=on_success,
        )
