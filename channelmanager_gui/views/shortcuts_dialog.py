"""Help → Keyboard shortcuts: every shortcut of the window, read from its actions when opened.

The list is collected from the ``QAction``s that exist at that moment (menus, pages, tables),
so it cannot drift from the keys that really work. Each row says where the key works: the
menu holding the action, else the page it belongs to.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QMainWindow,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

_ACCELERATOR = re.compile(r"\(&\w\)|&")


def collect_shortcuts(
    window: QMainWindow, pages: Mapping[str, QWidget]
) -> list[tuple[str, str, str]]:
    """(keys, what it does, where) for every action of ``window`` with a shortcut, sorted by
    where then keys; an action listed twice (a menu and a button) appears once. ``pages``
    names each page by its title, for actions that live on a page."""
    seen: set[tuple[str, str]] = set()
    rows = []
    for action in window.findChildren(QAction):
        keys = [k.toString(QKeySequence.SequenceFormat.NativeText) for k in action.shortcuts()]
        keys = [k for k in keys if k]
        what = without_accelerator(action.text()).rstrip("…").strip()
        if not keys or not what or (what, keys[0]) in seen:
            continue
        seen.add((what, keys[0]))
        where = (
            menu_title(action, window)
            or page_title(action, pages)
            or QCoreApplication.translate("ShortcutsDialog", "Everywhere")
        )
        rows.append((", ".join(keys), what, where))
    return sorted(rows, key=lambda row: (row[2], row[0]))


def without_accelerator(text: str) -> str:
    """ "&File" → "File"; "文件(&F)" → "文件" (the accelerator as translations write it)."""
    return _ACCELERATOR.sub("", text)


def menu_title(action: QAction, window: QMainWindow) -> str:
    """The menu bar's menu holding ``action``, or ""."""
    for menu_action in window.menuBar().actions():
        menu = menu_action.menu()
        if menu is not None and action in menu.actions():
            title = without_accelerator(menu_action.text())
            return QCoreApplication.translate("ShortcutsDialog", "{menu} menu").format(menu=title)
    return ""


def page_title(action: QAction, pages: Mapping[str, QWidget]) -> str:
    """The title of the page ``action`` belongs to (its parent or an ancestor), or ""."""
    owner = action.parent()
    while owner is not None:
        for title, page in pages.items():
            if owner is page:
                return QCoreApplication.translate("ShortcutsDialog", "{page} page").format(
                    page=title
                )
        owner = owner.parent()
    return ""


class ShortcutsDialog(QDialog):
    def __init__(self, rows: list[tuple[str, str, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        layout = QVBoxLayout(self)
        self.table = QTableWidget(len(rows), 3)
        self.table.setHorizontalHeaderLabels((self.tr("Keys"), self.tr("Action"), self.tr("Where")))
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        for row, cells in enumerate(rows):
            for col, text in enumerate(cells):
                self.table.setItem(row, col, QTableWidgetItem(text))
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.resizeColumnToContents(0)
        layout.addWidget(self.table)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(560, 460)

    @classmethod
    def ask(cls, parent: QWidget | None, rows: list[tuple[str, str, str]]) -> None:
        dialog = cls(rows, parent)
        try:
            dialog.exec()
        finally:
            dialog.deleteLater()
