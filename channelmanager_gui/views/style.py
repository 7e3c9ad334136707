"""The window's palette and stylesheet: a calm light theme with one accent colour.

Every colour of the window is named here once; views, pills, charts and the pages' styles
use the names, so a colour changes in this one place.

Object names used here are set by the widgets themselves (``setObjectName``), so the look can
change in this one file.
"""

# Surfaces and lines
WHITE = "#ffffff"
WINDOW_BG = "#f6f7f9"
ROW_ALT_BG = "#f8f9fb"
NAV_BG = "#eef1f5"
HOVER_BG = "#e1e7ef"
DISABLED_BG = "#f3f4f6"
NEUTRAL_BG = "#eceff3"
BORDER = "#e1e4e8"
CARD_BORDER = "#d5dbe3"
INPUT_BORDER = "#cfd5dd"

# Text, darkest first
TEXT = "#1f2937"
TEXT_STRONG = "#374151"
TEXT_MUTED = "#4b5563"
TEXT_FAINT = "#6b7280"
TEXT_DISABLED = "#9aa3ad"
BADGE_GREY = "#5f6b7a"

# The accent (links, focus, the primary button, the chosen item)
ACCENT = "#2f6fd6"
ACCENT_HOVER = "#2a63c0"
ACCENT_PRESSED = "#23539f"
ACCENT_DISABLED = "#a9c0ea"
ACCENT_BG = "#dbe6fb"
ACCENT_TEXT = "#1b4a9c"

# Errors and warnings: a tint for rows and banners, a text colour that reads on it
DANGER = "#c62828"
DANGER_DISABLED = "#eab0b0"
PROBLEM_TEXT = "#b42318"
ERROR_TEXT = "#9f1c1c"
ERROR_BG = "#fde2e1"
ERROR_TINT = "#fdecec"
CANCEL_TINT = "#f3ecfd"
OVERDUE_TINT = "#fff0e0"
DUE_TODAY_TINT = "#fff8d6"

# Pills (state and status): background and text in pairs
GREEN_BG = "#dcfce7"
GREEN_TEXT = "#166534"
SKY_BG = "#e0f2fe"
SKY_TEXT = "#075985"
BLUE_BG = "#e8eefc"
BLUE_TEXT = "#1e429f"
AMBER_BG = "#fef3c7"
AMBER_TEXT = "#92400e"
ORANGE_BG = "#ffedd5"
ORANGE_TEXT = "#9a3412"
PURPLE_BG = "#f3e8ff"
PURPLE_TEXT = "#6b21a8"
VIOLET_BG = "#ede9fe"
VIOLET_TEXT = "#5b21b6"

# Charts: one colour per sync loop, and what was cancelled
CHART_AMBER = "#d97706"
CHART_GREEN = "#059669"
CHART_VIOLET = "#7c3aed"
CHART_CYAN = "#0891b2"
CHART_PINK = "#be185d"
CHART_GREY = "#9ca3af"
LOOP_COLOURS = (
    ACCENT,
    CHART_AMBER,
    CHART_GREEN,
    PROBLEM_TEXT,
    CHART_VIOLET,
    CHART_CYAN,
    CHART_PINK,
)

STYLESHEET = f"""
QMainWindow {{ background: {WINDOW_BG}; }}

#topBar {{
    background: {WHITE};
    border-bottom: 1px solid {BORDER};
}}
#syncState {{ color: {TEXT_STRONG}; }}

QLineEdit#globalSearch {{
    border: 1px solid {INPUT_BORDER};
    border-radius: 6px;
    padding: 5px 8px;
    background: {WHITE};
}}
QLineEdit#globalSearch:focus {{ border-color: {ACCENT}; }}
QLineEdit#globalSearch:disabled {{ background: {DISABLED_BG}; color: {TEXT_DISABLED}; }}

QPushButton#primaryButton {{
    background: {ACCENT};
    color: {WHITE};
    border: none;
    border-radius: 6px;
    padding: 6px 16px;
    font-weight: 600;
}}
QPushButton#primaryButton:hover {{ background: {ACCENT_HOVER}; }}
QPushButton#primaryButton:pressed {{ background: {ACCENT_PRESSED}; }}
QPushButton#primaryButton:disabled {{ background: {ACCENT_DISABLED}; }}

#navigation {{
    background: {NAV_BG};
    border-right: 1px solid {BORDER};
}}
QPushButton#navButton {{
    text-align: left;
    padding: 0 14px;
    border: none;
    border-radius: 6px;
    background: transparent;
    color: {TEXT};
    font-size: 14px;
}}
QPushButton#navButton:hover {{ background: {HOVER_BG}; }}
QPushButton#navButton:checked {{
    background: {ACCENT_BG};
    color: {ACCENT_TEXT};
    font-weight: 600;
}}
QPushButton#navButton:focus {{ outline: none; }}
#navBadge, #navBadgeAlert {{
    color: {WHITE};
    border-radius: 9px;
    min-width: 18px;
    min-height: 18px;
    max-height: 18px;
    padding: 0 5px;
    font-size: 11px;
    font-weight: 600;
}}
#navBadge {{ background: {BADGE_GREY}; }}
#navBadgeAlert {{ background: {DANGER}; }}

#pages {{ background: {WINDOW_BG}; }}
#emptyTitle {{ font-size: 20px; font-weight: 600; color: {TEXT}; padding-bottom: 6px; }}
#emptyMessage {{ font-size: 14px; color: {TEXT_MUTED}; padding-bottom: 14px; }}
#emptyHint {{ font-size: 13px; color: {TEXT_FAINT}; }}

QSplitter::handle {{ background: {BORDER}; }}
QSplitter::handle:horizontal {{ width: 1px; }}

QStatusBar {{
    background: {WHITE};
    border-top: 1px solid {BORDER};
    color: {TEXT_MUTED};
}}
QStatusBar::item {{ border: none; }}
#loopTimes {{ color: {TEXT_MUTED}; padding: 0 8px; }}
"""
