"""Translation helpers for the view tests: a pseudo-translation built from the sources, and
every text a window shows (widgets, tooltips, menus, headers, tabs, combo items).

The pseudo-translation is collected from the current sources at test time (``lupdate`` into a
temporary catalog), so a text added without a mark shows unmarked even before anyone updated
the repo's ``.ts`` files.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, QTranslator
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QDialogButtonBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QTabBar,
    QWidget,
)

from channelmanager_gui.views.i18n import compile_catalog
from channelmanager_gui.views.i18n_catalog import update

OPEN, CLOSE = "⟦", "⟧"


def pseudo_translator(folder: Path) -> QTranslator:
    """A translator that turns every marked text into ⟦text⟧ (placeholders kept)."""
    catalog = folder / "pseudo.ts"
    update(catalog, "en_US")  # every text (the "en" catalog would hold plural forms only)
    tree = ET.parse(catalog)
    for message in tree.iter("message"):
        pseudo = f"{OPEN}{message.findtext('source') or ''}{CLOSE}"
        translation = message.find("translation")
        assert translation is not None
        translation.attrib.pop("type", None)
        if message.get("numerus") == "yes":
            for form in list(translation):
                translation.remove(form)
            for _ in range(2):  # English: one, other
                ET.SubElement(translation, "numerusform").text = pseudo
        else:
            translation.text = pseudo
    tree.write(catalog, encoding="utf-8", xml_declaration=True)
    compiled = folder / "pseudo.qm"
    assert compile_catalog(catalog, compiled)
    translator = QTranslator()
    assert translator.load(str(compiled))
    return translator


def shown_texts(top: QWidget) -> Iterator[tuple[str, str]]:
    """(where, text) for every non-empty text a merchant can see in ``top`` and its menus."""
    for widget in [top, *top.findChildren(QWidget)]:
        if not widget.isVisibleTo(top) and widget is not top and not isinstance(widget, QMenu):
            continue
        if _standard_button(widget):
            continue  # OK, Cancel, Close: Qt's own catalog (qtbase_*.qm) translates them
        where = f"{type(widget).__name__}#{widget.objectName()}"
        yield from _widget_texts(widget, where)


def _widget_texts(widget: QWidget, where: str) -> Iterator[tuple[str, str]]:
    yield f"{where} tooltip", widget.toolTip()
    if widget.isWindow():
        yield f"{where} title", widget.windowTitle()
    if isinstance(widget, QLabel | QAbstractButton):
        yield where, widget.text()
    if isinstance(widget, QLineEdit):
        yield f"{where} placeholder", widget.placeholderText()
    if isinstance(widget, QGroupBox):
        yield where, widget.title()
    if isinstance(widget, QComboBox):
        for index in range(widget.count()):
            yield f"{where} item {index}", widget.itemText(index)
    if isinstance(widget, QTabBar):
        for index in range(widget.count()):
            yield f"{where} tab {index}", widget.tabText(index)
            yield f"{where} tab {index} tooltip", widget.tabToolTip(index)
    if isinstance(widget, QMenu):
        yield f"{where} menu", widget.title()
        for action in widget.actions():
            yield f"{where} action", action.text()
            yield (
                f"{where} action tooltip",
                action.toolTip() if action.toolTip() != (action.text().replace("&", "")) else "",
            )
    if isinstance(widget, QAbstractItemView) and widget.model() is not None:
        model = widget.model()
        for column in range(model.columnCount()):
            if not widget.isVisible() or getattr(widget, "isColumnHidden", lambda _c: False)(
                column
            ):
                continue
            title = model.headerData(column, Qt.Orientation.Horizontal)
            yield f"{where} header {column}", str(title or "")


def _standard_button(widget: QWidget) -> bool:
    box = widget.parent()
    return (
        isinstance(widget, QPushButton)
        and isinstance(box, QDialogButtonBox)
        and box.standardButton(widget) != QDialogButtonBox.StandardButton.NoButton
    )


def install(translator: QTranslator) -> None:
    QCoreApplication.installTranslator(translator)


def remove(translator: QTranslator) -> None:
    QCoreApplication.removeTranslator(translator)
