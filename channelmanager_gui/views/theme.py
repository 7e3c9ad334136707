"""The window follows the system's light or dark scheme (or the merchant's choice).

Qt ≥ 6.5 reports the scheme (``QStyleHints.colorScheme``) and announces changes
(``colorSchemeChanged``); an unknown scheme counts as light. On a change the palette of
``style.py`` is switched, the application's ``QPalette`` is set from it (native widgets,
scroll bars, menus follow), and every stylesheet registered with :func:`themed` is built
again. Pills, row tints and charts read ``style.current()`` when they draw, so the repaint
that follows re-colours them.
"""

from __future__ import annotations

import logging
import weakref
from collections.abc import Callable
from functools import lru_cache

import shiboken6
from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QBrush, QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QWidget

from channelmanager_gui.services.appearance_prefs import Appearance
from channelmanager_gui.views import style
from channelmanager_gui.views.style import DARK, LIGHT, Palette

log = logging.getLogger(__name__)
StyleBuilder = Callable[[Palette], str]

# Widgets whose stylesheet is built from the palette, with the builder (held weakly).
_themed: weakref.WeakKeyDictionary[QWidget, StyleBuilder] = weakref.WeakKeyDictionary()


def themed(widget: QWidget, build: StyleBuilder) -> None:
    """Set ``widget``'s stylesheet to ``build(current palette)`` now and at every change."""
    _themed[widget] = build
    widget.setStyleSheet(build(style.current()))


def brush(name: str) -> QBrush:
    """A brush of the current palette's colour ``name`` (cached: models ask for every cell)."""
    return _brush(style.current(), name)


@lru_cache(maxsize=128)
def _brush(palette: Palette, name: str) -> QBrush:
    return QBrush(QColor(getattr(palette, name)))


def palette_for(appearance: Appearance, scheme: Qt.ColorScheme) -> Palette:
    """The palette to use: the merchant's choice, else the system's scheme (unknown: light)."""
    if appearance is Appearance.SYSTEM:
        return DARK if scheme == Qt.ColorScheme.Dark else LIGHT
    return DARK if appearance is Appearance.DARK else LIGHT


def qpalette(p: Palette) -> QPalette:
    """A ``QPalette`` from our colours, so widgets without a stylesheet match the window."""
    roles = {
        QPalette.ColorRole.Window: p.WINDOW_BG,
        QPalette.ColorRole.WindowText: p.TEXT,
        QPalette.ColorRole.Base: p.SURFACE,
        QPalette.ColorRole.AlternateBase: p.ROW_ALT_BG,
        QPalette.ColorRole.Text: p.TEXT,
        QPalette.ColorRole.Button: p.NEUTRAL_BG,
        QPalette.ColorRole.ButtonText: p.TEXT,
        QPalette.ColorRole.BrightText: p.ON_ACCENT,
        QPalette.ColorRole.Highlight: p.ACCENT,
        QPalette.ColorRole.HighlightedText: p.ON_ACCENT,
        QPalette.ColorRole.ToolTipBase: p.SURFACE,
        QPalette.ColorRole.ToolTipText: p.TEXT,
        QPalette.ColorRole.PlaceholderText: p.TEXT_FAINT,
        QPalette.ColorRole.Link: p.ACCENT_TEXT,
        QPalette.ColorRole.LinkVisited: p.VIOLET_TEXT,
        QPalette.ColorRole.Light: p.HOVER_BG,
        QPalette.ColorRole.Midlight: p.CARD_BORDER,
        QPalette.ColorRole.Mid: p.INPUT_BORDER,
        QPalette.ColorRole.Dark: p.INPUT_BORDER,
        QPalette.ColorRole.Shadow: p.BORDER,
    }
    result = QPalette()
    for role, value in roles.items():
        result.setColor(role, QColor(value))
    disabled = QPalette.ColorGroup.Disabled
    for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text):
        result.setColor(disabled, role, QColor(p.TEXT_DISABLED))
    result.setColor(disabled, QPalette.ColorRole.ButtonText, QColor(p.TEXT_DISABLED))
    result.setColor(disabled, QPalette.ColorRole.Base, QColor(p.DISABLED_BG))
    return result


def apply(palette: Palette) -> None:
    """Make ``palette`` current: the application's palette, then every themed stylesheet."""
    style.use(palette)
    app = QApplication.instance()
    if isinstance(app, QApplication):
        app.setPalette(qpalette(palette))
    for widget, build in list(_themed.items()):
        if shiboken6.isValid(widget):
            widget.setStyleSheet(build(palette))
    log.info("colour scheme: %s", "dark" if palette.dark else "light")


class ThemeFollower(QObject):
    """Applies the palette for the merchant's choice and follows the system's changes.

    One per application (a child of it): :func:`follower` finds it for the Settings page.
    """

    def __init__(self, app: QGuiApplication, appearance: Appearance) -> None:
        super().__init__(app)
        self.setObjectName("themeFollower")
        self._hints = app.styleHints()
        self.appearance = appearance
        self._hints.colorSchemeChanged.connect(self._on_color_scheme_changed)
        self.refresh()

    def set_appearance(self, appearance: Appearance) -> None:
        self.appearance = appearance
        self.refresh()

    def refresh(self, scheme: Qt.ColorScheme | None = None) -> None:
        """Apply the palette for the choice and ``scheme`` (default: the system's now)."""
        if scheme is None:
            scheme = self._hints.colorScheme()
        apply(palette_for(self.appearance, scheme))

    def _on_color_scheme_changed(self, scheme: Qt.ColorScheme) -> None:
        self.refresh(scheme)


def follow(app: QGuiApplication, appearance: Appearance) -> ThemeFollower:
    """The application's follower set to ``appearance`` (made on the first call)."""
    existing = follower(app)
    if existing is None:
        return ThemeFollower(app, appearance)
    existing.set_appearance(appearance)
    return existing


def follower(app: QObject | None = None) -> ThemeFollower | None:
    """The application's follower, if the window installed one."""
    owner = app or QApplication.instance()
    return owner.findChild(ThemeFollower, "themeFollower") if owner is not None else None
