"""The packaging helpers that run without PyInstaller: the icons and the menu entry."""

from __future__ import annotations

import configparser
import importlib.util
from pathlib import Path
from types import ModuleType

from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication

PACKAGING = Path(__file__).resolve().parent.parent / "packaging"


def _make_icons() -> ModuleType:
    spec = importlib.util.spec_from_file_location("make_icons", PACKAGING / "make_icons.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_icons_are_rendered_at_every_hicolor_size(tmp_path: Path, qapp: QApplication) -> None:
    """With the session's QApplication (make_icons would otherwise create a QGuiApplication,
    and the widget tests after it could not have theirs)."""
    make_icons = _make_icons()
    assert make_icons.main(tmp_path) == 0
    for size in make_icons.SIZES:
        image = QImage(str(tmp_path / "hicolor" / f"{size}x{size}" / "apps" / "channelmanager.png"))
        assert (image.width(), image.height()) == (size, size)
        assert image.pixelColor(size // 2, size // 2).alpha() > 0  # drawn, not blank
    assert QImage(str(tmp_path / "channelmanager.png")).width() == 256


def test_the_menu_entry_names_the_icon_and_the_executable() -> None:
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # type: ignore[assignment,method-assign]
    entry.read(PACKAGING / "linux" / "channelmanager.desktop", encoding="utf-8")
    section = entry["Desktop Entry"]
    assert section["Type"] == "Application"
    assert section["Icon"] == "channelmanager" == section["Exec"]
    assert section["Terminal"] == "false"
