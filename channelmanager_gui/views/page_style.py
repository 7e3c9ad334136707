"""Styles of the Listings, Matching, Returns, Settings, Sync activity and Dashboard pages.

Kept beside the pages (each applies ``PAGE_STYLE`` to itself) so the window's stylesheet in
``style.py`` stays the shell's; object names are set by the widgets that use them.
"""

from channelmanager_gui.views.style import (
    ACCENT,
    BORDER,
    CARD_BORDER,
    NEUTRAL_BG,
    ROW_ALT_BG,
    TEXT,
    TEXT_MUTED,
    TEXT_STRONG,
    WHITE,
)

PAGE_STYLE = f"""
#pageTitle {{ font-size: 18px; font-weight: 600; color: {TEXT}; }}
#sectionTitle {{ font-size: 14px; font-weight: 600; color: {TEXT_STRONG}; }}
#pageNotice {{ color: {TEXT_STRONG}; }}
#emptyMessage {{ font-size: 14px; color: {TEXT_MUTED}; padding: 24px; }}
#selectionLabel {{ color: {TEXT_MUTED}; padding-left: 6px; }}
QTableView, QTableWidget {{
    background: {WHITE};
    alternate-background-color: {ROW_ALT_BG};
    gridline-color: {NEUTRAL_BG};
    border: 1px solid {BORDER};
}}
QPushButton#dashboardCard {{
    background: {WHITE};
    border: 1px solid {BORDER};
    border-radius: 8px;
    text-align: left;
}}
QPushButton#dashboardCard:hover {{ border-color: {ACCENT}; }}
QLabel#cardCount, QLabel#cardTitle {{ background: transparent; }}
QLabel#cardTitle {{ color: {TEXT_MUTED}; font-size: 13px; }}
QLabel#storeSummary {{
    background: {WHITE}; border: 1px solid {BORDER}; border-radius: 8px; padding: 10px 14px;
}}
QFrame#matchCard {{ background: {WHITE}; border: 1px solid {CARD_BORDER}; border-radius: 8px; }}
QFrame#matchCard QLabel {{ background: transparent; border: none; }}
"""
