"""WCAG 2.x contrast of the palettes' colour pairs (Qt-free, so it is tested without a display).

WCAG 2.2, 1.4.3 (Contrast, minimum): text needs 4.5:1 against what it sits on; 1.4.11
(Non-text contrast): chart lines and bars need 3:1. The ratio is (L1 + 0.05) / (L2 + 0.05) of
the relative luminances, per WCAG's definition of "relative luminance" (sRGB channels
linearised, weighted 0.2126 / 0.7152 / 0.0722).
"""

from __future__ import annotations

TEXT_MINIMUM = 4.5
GRAPHIC_MINIMUM = 3.0

_SURFACES = ("SURFACE", "WINDOW_BG", "ROW_ALT_BG", "NAV_BG")
# (text, background) as the window draws them: the stylesheets, the pills, banners, row tints.
TEXT_PAIRS: tuple[tuple[str, str], ...] = (
    *((text, surface) for surface in _SURFACES for text in ("TEXT", "TEXT_STRONG", "TEXT_MUTED")),
    ("TEXT_FAINT", "SURFACE"),
    ("TEXT_FAINT", "WINDOW_BG"),
    ("PROBLEM_TEXT", "SURFACE"),
    ("PROBLEM_TEXT", "ROW_ALT_BG"),
    ("PROBLEM_TEXT", "ERROR_TINT"),
    ("PROBLEM_TEXT", "OVERDUE_TINT"),
    ("AMBER_TEXT", "DUE_TODAY_TINT"),
    ("ERROR_TEXT", "SURFACE"),
    ("ERROR_TEXT", "ERROR_TINT"),
    ("GREEN_TEXT", "SURFACE"),
    ("PURPLE_TEXT", "SURFACE"),
    ("PURPLE_TEXT", "CANCEL_TINT"),
    ("TEXT", "HOVER_BG"),
    ("TEXT", "ERROR_TINT"),
    ("TEXT", "CANCEL_TINT"),
    ("TEXT", "OVERDUE_TINT"),
    ("TEXT", "DUE_TODAY_TINT"),
    ("ACCENT_TEXT", "ACCENT_BG"),
    ("ON_ACCENT", "ACCENT"),
    ("ON_ACCENT", "ACCENT_HOVER"),
    ("ON_ACCENT", "ACCENT_PRESSED"),
    ("ON_ACCENT", "DANGER"),
    # The sidebar's badge line: muted words, the alert ones in the error colour.
    *(
        (text, bg)
        for bg in ("NAV_BG", "HOVER_BG", "ACCENT_BG")
        for text in ("TEXT_MUTED", "ERROR_TEXT")
    ),
    ("ERROR_TEXT", "ERROR_BG"),
    ("GREEN_TEXT", "GREEN_BG"),
    ("SKY_TEXT", "SKY_BG"),
    ("BLUE_TEXT", "BLUE_BG"),
    ("AMBER_TEXT", "AMBER_BG"),
    ("ORANGE_TEXT", "ORANGE_BG"),
    ("PURPLE_TEXT", "PURPLE_BG"),
    ("VIOLET_TEXT", "VIOLET_BG"),
    ("TEXT_MUTED", "NEUTRAL_BG"),
    ("TEXT_STRONG", "NEUTRAL_BG"),
)
# Chart marks drawn on the page's surface (the dashboard's cards sit on the window).
GRAPHIC_COLOURS = (
    "CHART_BLUE",
    "CHART_AMBER",
    "CHART_GREEN",
    "CHART_RED",
    "CHART_VIOLET",
    "CHART_CYAN",
    "CHART_PINK",
    "CHART_GREY",
)


def relative_luminance(hex_colour: str) -> float:
    """WCAG relative luminance of ``#rrggbb``: 0 for black, 1 for white."""
    value = hex_colour.lstrip("#")
    if len(value) != 6:
        raise ValueError(f"not a #rrggbb colour: {hex_colour!r}")
    channels = [int(value[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast_ratio(first: str, second: str) -> float:
    """WCAG contrast ratio of two colours, from 1 (same) to 21 (black on white)."""
    lighter, darker = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)
