"""Files shipped with the package (icons), found next to this module.

Qt-free on purpose: the core may name an icon (the sync state's icon name) without importing Qt.
"""

from __future__ import annotations

from pathlib import Path

_ICONS = Path(__file__).resolve().parent / "icons"


def icon_path(name: str) -> Path:
    """Path of the icon ``name`` (without extension), e.g. ``icon_path("tray-error")``.

    Raises FileNotFoundError for an unknown name so a typo fails loudly in tests instead of
    showing an empty icon.
    """
    path = _ICONS / f"{name}.svg"
    if not path.is_file():
        raise FileNotFoundError(f"no icon named {name!r} in {_ICONS}")
    return path
