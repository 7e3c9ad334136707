"""The window's palettes (light and dark) and the stylesheet built from the chosen one.

Every colour of the window is named here once, in both palettes; views, pills, charts and the
pages' styles read them through :func:`current` (or ``style.NAME``) *when they draw*, so a
change of the system's colour scheme re-colours an open window (``views/theme.py`` switches
the palette and re-applies the stylesheets). Qt-free, so the palettes' contrast is tested
without a display (``views/contrast.py``).

Object names used here are set by the widgets themselves (``setObjectName``), so the look can
change in this one file.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Any

from channelmanager_gui.resources import icon_path


@dataclass(frozen=True, eq=False)  # hashed by identity: brushes are cached per palette
class Palette:
    """One scheme's named colours. ``SURFACE`` is what tables, cards and bars sit on;
    ``ON_ACCENT`` is text on the accent, danger and badge colours."""

    dark: bool
    # Surfaces and lines
    SURFACE: str
    WINDOW_BG: str
    ROW_ALT_BG: str
    NAV_BG: str
    HOVER_BG: str
    DISABLED_BG: str
    NEUTRAL_BG: str
    BORDER: str
    CARD_BORDER: str
    INPUT_BORDER: str
    # Text, strongest first
    TEXT: str
    TEXT_STRONG: str
    TEXT_MUTED: str
    TEXT_FAINT: str
    TEXT_DISABLED: str
    ON_ACCENT: str
    # The accent (links, focus, the primary button, the chosen item)
    ACCENT: str
    ACCENT_HOVER: str
    ACCENT_PRESSED: str
    ACCENT_DISABLED: str
    ACCENT_BG: str
    ACCENT_TEXT: str
    # Errors and warnings: a tint for rows and banners, a text colour that reads on it
    DANGER: str
    DANGER_DISABLED: str
    PROBLEM_TEXT: str
    ERROR_TEXT: str
    ERROR_BG: str
    ERROR_TINT: str
    CANCEL_TINT: str
    OVERDUE_TINT: str
    DUE_TODAY_TINT: str
    # Pills (state and status): background and text in pairs
    GREEN_BG: str
    GREEN_TEXT: str
    SKY_BG: str
    SKY_TEXT: str
    BLUE_BG: str
    BLUE_TEXT: str
    AMBER_BG: str
    AMBER_TEXT: str
    ORANGE_BG: str
    ORANGE_TEXT: str
    PURPLE_BG: str
    PURPLE_TEXT: str
    VIOLET_BG: str
    VIOLET_TEXT: str
    # Charts: one colour per sync loop, and what was cancelled
    CHART_BLUE: str
    CHART_AMBER: str
    CHART_GREEN: str
    CHART_RED: str
    CHART_VIOLET: str
    CHART_CYAN: str
    CHART_PINK: str
    CHART_GREY: str

    @property
    def LOOP_COLOURS(self) -> tuple[str, ...]:
        return (
            self.CHART_BLUE,
            self.CHART_AMBER,
            self.CHART_GREEN,
            self.CHART_RED,
            self.CHART_VIOLET,
            self.CHART_CYAN,
            self.CHART_PINK,
        )

    def colours(self) -> dict[str, str]:
        """Every named colour, name to ``#rrggbb``."""
        return {f.name: getattr(self, f.name) for f in fields(self) if f.name != "dark"}


LIGHT = Palette(
    dark=False,
    SURFACE="#ffffff",
    WINDOW_BG="#f6f7f9",
    ROW_ALT_BG="#f8f9fb",
    NAV_BG="#eef1f5",
    HOVER_BG="#e1e7ef",
    DISABLED_BG="#f3f4f6",
    NEUTRAL_BG="#eceff3",
    BORDER="#e1e4e8",
    CARD_BORDER="#d5dbe3",
    INPUT_BORDER="#cfd5dd",
    TEXT="#1f2937",
    TEXT_STRONG="#374151",
    TEXT_MUTED="#4b5563",
    TEXT_FAINT="#6b7280",
    TEXT_DISABLED="#9aa3ad",
    ON_ACCENT="#ffffff",
    ACCENT="#2f6fd6",
    ACCENT_HOVER="#2a63c0",
    ACCENT_PRESSED="#23539f",
    ACCENT_DISABLED="#a9c0ea",
    ACCENT_BG="#dbe6fb",
    ACCENT_TEXT="#1b4a9c",
    DANGER="#c62828",
    DANGER_DISABLED="#eab0b0",
    PROBLEM_TEXT="#b42318",
    ERROR_TEXT="#9f1c1c",
    ERROR_BG="#fde2e1",
    ERROR_TINT="#fdecec",
    CANCEL_TINT="#f3ecfd",
    OVERDUE_TINT="#fff0e0",
    DUE_TODAY_TINT="#fff8d6",
    GREEN_BG="#dcfce7",
    GREEN_TEXT="#166534",
    SKY_BG="#e0f2fe",
    SKY_TEXT="#075985",
    BLUE_BG="#e8eefc",
    BLUE_TEXT="#1e429f",
    AMBER_BG="#fef3c7",
    AMBER_TEXT="#92400e",
    ORANGE_BG="#ffedd5",
    ORANGE_TEXT="#9a3412",
    PURPLE_BG="#f3e8ff",
    PURPLE_TEXT="#6b21a8",
    VIOLET_BG="#ede9fe",
    VIOLET_TEXT="#5b21b6",
    CHART_BLUE="#2f6fd6",
    CHART_AMBER="#c76b06",
    CHART_GREEN="#059669",
    CHART_RED="#b42318",
    CHART_VIOLET="#7c3aed",
    CHART_CYAN="#0891b2",
    CHART_PINK="#be185d",
    CHART_GREY="#80888f",
)

# Dark: surfaces a step apart in lightness, light text, the accent and danger kept strong
# enough for white text, pills as deep tints with light text (the light pills' hues).
DARK = Palette(
    dark=True,
    SURFACE="#1e2227",
    WINDOW_BG="#16191d",
    ROW_ALT_BG="#23282e",
    NAV_BG="#1a1e23",
    HOVER_BG="#2c333b",
    DISABLED_BG="#262a30",
    NEUTRAL_BG="#2f353d",
    BORDER="#30363d",
    CARD_BORDER="#3b434d",
    INPUT_BORDER="#66717d",  # 3:1 on the surfaces (WCAG 1.4.11): check boxes are drawn in it
    TEXT="#e6e9ed",
    TEXT_STRONG="#d1d6dc",
    TEXT_MUTED="#b4bcc6",
    TEXT_FAINT="#9aa4af",
    TEXT_DISABLED="#6b747e",
    ON_ACCENT="#ffffff",
    ACCENT="#2f6fd6",
    ACCENT_HOVER="#2a63c0",
    ACCENT_PRESSED="#23539f",
    ACCENT_DISABLED="#2b4066",
    ACCENT_BG="#1f3357",
    ACCENT_TEXT="#b3cdff",
    DANGER="#c62828",
    DANGER_DISABLED="#5c2b2b",
    PROBLEM_TEXT="#ff8a80",
    ERROR_TEXT="#ffb4ab",
    ERROR_BG="#4a1f1f",
    ERROR_TINT="#3a1e20",
    CANCEL_TINT="#2e2640",
    OVERDUE_TINT="#3d2a17",
    DUE_TODAY_TINT="#383218",
    GREEN_BG="#14402a",
    GREEN_TEXT="#86efac",
    SKY_BG="#0c3a52",
    SKY_TEXT="#7dd3fc",
    BLUE_BG="#1e2f5c",
    BLUE_TEXT="#a4c0ff",
    AMBER_BG="#4a3510",
    AMBER_TEXT="#fcd34d",
    ORANGE_BG="#4d2a12",
    ORANGE_TEXT="#fdba74",
    PURPLE_BG="#3b2158",
    PURPLE_TEXT="#d8b4fe",
    VIOLET_BG="#2f2660",
    VIOLET_TEXT="#c4b5fd",
    CHART_BLUE="#60a5fa",
    CHART_AMBER="#f59e0b",
    CHART_GREEN="#10b981",
    CHART_RED="#f87171",
    CHART_VIOLET="#a78bfa",
    CHART_CYAN="#22d3ee",
    CHART_PINK="#f472b6",
    CHART_GREY="#8b949e",
)

_active: list[Palette] = [LIGHT]


def current() -> Palette:
    """The palette in use now: read it when drawing, never keep it across a scheme change."""
    return _active[0]


def use(palette: Palette) -> None:
    """Make ``palette`` current (``views/theme.py`` then re-applies the stylesheets)."""
    _active[0] = palette


def colour(name: str) -> str:
    """The current palette's colour called ``name`` (tables keep names, not values)."""
    return str(getattr(current(), name))


def __getattr__(name: str) -> Any:
    """``style.TEXT`` and ``style.STYLESHEET`` read the current palette; ``from style import
    TEXT`` still works but keeps the colour of the moment it ran (prefer ``current()``)."""
    if name == "STYLESHEET":
        return stylesheet(current())
    if name == "WHITE":  # SURFACE's name before the dark palette (text on the accent: ON_ACCENT)
        return current().SURFACE
    if not name.startswith("_") and hasattr(LIGHT, name):
        return getattr(current(), name)
    raise AttributeError(name)


def stylesheet(p: Palette) -> str:
    """The window's stylesheet in palette ``p``."""
    return _shell_style(p) + (_dark_controls(p) if p.dark else "")


def _dark_controls(p: Palette) -> str:
    """Check boxes drawn by us in the dark: Fusion outlines them a shade darker than the
    window, which vanishes on a dark window."""
    check = icon_path("check").as_posix()
    return f"""
QCheckBox::indicator {{
    width: 14px; height: 14px; border-radius: 3px;
    border: 1px solid {p.INPUT_BORDER}; background: {p.SURFACE};
}}
QCheckBox::indicator:hover {{ border-color: {p.ACCENT}; }}
QCheckBox::indicator:checked {{
    background: {p.ACCENT}; border-color: {p.ACCENT}; image: url({check});
}}
QCheckBox::indicator:disabled {{ background: {p.DISABLED_BG}; border-color: {p.BORDER}; }}
"""


def _shell_style(p: Palette) -> str:
    return f"""
QMainWindow {{ background: {p.WINDOW_BG}; }}

#topBar {{
    background: {p.SURFACE};
    border-bottom: 1px solid {p.BORDER};
}}
#syncState {{ color: {p.TEXT_STRONG}; }}

QLineEdit#globalSearch {{
    border: 1px solid {p.INPUT_BORDER};
    border-radius: 6px;
    padding: 5px 8px;
    background: {p.SURFACE};
}}
QLineEdit#globalSearch:focus {{ border-color: {p.ACCENT}; }}
QLineEdit#globalSearch:disabled {{ background: {p.DISABLED_BG}; color: {p.TEXT_DISABLED}; }}

QPushButton#primaryButton {{
    background: {p.ACCENT};
    color: {p.ON_ACCENT};
    border: none;
    border-radius: 6px;
    padding: 6px 16px;
    font-weight: 600;
}}
QPushButton#primaryButton:hover {{ background: {p.ACCENT_HOVER}; }}
QPushButton#primaryButton:pressed {{ background: {p.ACCENT_PRESSED}; }}
QPushButton#primaryButton:disabled {{ background: {p.ACCENT_DISABLED}; }}

#navigation {{
    background: {p.NAV_BG};
    border-right: 1px solid {p.BORDER};
}}
QPushButton#navButton {{
    text-align: left;
    padding: 0 14px;
    border: none;
    border-radius: 6px;
    background: transparent;
    color: {p.TEXT};
    font-size: 14px;
}}
QPushButton#navButton:hover {{ background: {p.HOVER_BG}; }}
QPushButton#navButton:checked {{
    background: {p.ACCENT_BG};
    color: {p.ACCENT_TEXT};
    font-weight: 600;
}}
QPushButton#navButton:focus {{ outline: none; }}
QLabel#navName {{ color: {p.TEXT}; font-size: 14px; background: transparent; }}
QLabel#navName[current="true"] {{ color: {p.ACCENT_TEXT}; font-weight: 600; }}
QLabel#navBadges {{ color: {p.TEXT_MUTED}; font-size: 12px; background: transparent; }}

#pages {{ background: {p.WINDOW_BG}; }}
#emptyTitle {{ font-size: 20px; font-weight: 600; color: {p.TEXT}; padding-bottom: 6px; }}
#emptyMessage {{ font-size: 14px; color: {p.TEXT_MUTED}; padding-bottom: 14px; }}
#emptyHint {{ font-size: 13px; color: {p.TEXT_FAINT}; }}

QSplitter::handle {{ background: {p.BORDER}; }}
QSplitter::handle:horizontal {{ width: 1px; }}

QStatusBar {{
    background: {p.SURFACE};
    border-top: 1px solid {p.BORDER};
    color: {p.TEXT_MUTED};
}}
QStatusBar::item {{ border: none; }}
#loopTimes {{ color: {p.TEXT_MUTED}; padding: 0 8px; }}
"""
