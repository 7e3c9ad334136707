"""Where the window remembers its size, splitter positions and last screen.

An INI file in the data folder, not QSettings' default (the Windows registry, ~/.config): the
merchant's whole state then lives in one folder that CHANNELMANAGER_HOME can redirect, and a
test never touches the real one.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

from channelmanager_gui.paths import data_dir

FILE_NAME = "window.ini"


def window_settings(path: Path | None = None) -> QSettings:
    """The settings file; defaults to ``window.ini`` in the data folder."""
    target = path if path is not None else data_dir() / FILE_NAME
    return QSettings(str(target), QSettings.Format.IniFormat)


def read_bytes(settings: QSettings, key: str) -> QByteArray | None:
    """A saved Qt state blob, or None when absent or unreadable (an older or edited file)."""
    value = settings.value(key)
    return value if isinstance(value, QByteArray) and not value.isEmpty() else None


def read_str(settings: QSettings, key: str) -> str | None:
    value = settings.value(key)
    return value if isinstance(value, str) else None
