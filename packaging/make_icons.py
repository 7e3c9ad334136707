"""Render the app icon (``channelmanager_gui/resources/icons/app.svg``) as PNGs.

    python packaging/make_icons.py OUT_DIR

Writes ``OUT_DIR/hicolor/<n>x<n>/apps/channelmanager.png`` for the freedesktop icon theme
sizes (the ``.desktop`` file's ``Icon=channelmanager``) and ``OUT_DIR/channelmanager.png``
(256 px) for PyInstaller's ``icon=`` (it makes the Windows .ico and macOS .icns from it when
Pillow is installed). Qt renders the SVG, offscreen: no display and no other tool needed.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "channelmanager_gui" / "resources" / "icons" / "app.svg"
NAME = "channelmanager"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)  # hicolor's usual fixed sizes


def render(renderer: QSvgRenderer, size: int) -> QImage:
    """The SVG drawn at ``size`` px: sharper than scaling one large bitmap down."""
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    return image


def main(out: Path) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # no display needed
    _app = QGuiApplication.instance() or QGuiApplication([])
    renderer = QSvgRenderer(str(SOURCE))
    if not renderer.isValid():
        print(f"cannot read {SOURCE}", file=sys.stderr)
        return 1
    for size in SIZES:
        target = out / "hicolor" / f"{size}x{size}" / "apps" / f"{NAME}.png"
        target.parent.mkdir(parents=True, exist_ok=True)
        if not render(renderer, size).save(str(target)):
            print(f"cannot write {target}", file=sys.stderr)
            return 1
    render(renderer, 256).save(str(out / f"{NAME}.png"))
    print(f"icons written to {out}")
    return 0


if __name__ == "__main__":
    if len(sys.argv) != 2:
        print(__doc__, file=sys.stderr)
        raise SystemExit(2)
    raise SystemExit(main(Path(sys.argv[1])))
