"""Styles of the Listings, Matching, Returns, Settings, Sync activity and Dashboard pages.

Kept beside the pages (each applies :func:`page_style` to itself with ``theme.themed``, so it
follows the colour scheme) so the window's stylesheet in ``style.py`` stays the shell's;
object names are set by the widgets that use them.
"""

from __future__ import annotations

from channelmanager_gui.views.style import Palette, current


def page_style(p: Palette) -> str:
    """The pages' stylesheet in palette ``p``."""
    return f"""
#pageTitle {{ font-size: 18px; font-weight: 600; color: {p.TEXT}; }}
#sectionTitle {{ font-size: 14px; font-weight: 600; color: {p.TEXT_STRONG}; }}
#pageNotice {{ color: {p.TEXT_STRONG}; }}
#emptyMessage {{ font-size: 14px; color: {p.TEXT_MUTED}; padding: 24px; }}
#selectionLabel {{ color: {p.TEXT_MUTED}; padding-left: 6px; }}
QTableView, QTableWidget {{
    background: {p.SURFACE};
    alternate-background-color: {p.ROW_ALT_BG};
    gridline-color: {p.NEUTRAL_BG};
    border: 1px solid {p.BORDER};
}}
QPushButton#dashboardCard {{
    background: {p.SURFACE};
    border: 1px solid {p.BORDER};
    border-radius: 8px;
    text-align: left;
}}
QPushButton#dashboardCard:hover {{ border-color: {p.ACCENT}; }}
QLabel#cardCount, QLabel#cardTitle {{ background: transparent; }}
QLabel#cardTitle {{ color: {p.TEXT_MUTED}; font-size: 13px; }}
QScrollArea#storeSummaryScroll, QScrollArea#storeSummaryScroll > QWidget > QWidget {{
    background: transparent;
}}
QLabel#storeSummary {{
    background: {p.SURFACE}; border: 1px solid {p.BORDER}; border-radius: 8px; padding: 10px 14px;
}}
QFrame#matchCard {{
    background: {p.SURFACE}; border: 1px solid {p.CARD_BORDER}; border-radius: 8px;
}}
QFrame#matchCard QLabel {{ background: transparent; border: none; }}
"""


def __getattr__(name: str) -> str:
    """``PAGE_STYLE``: the stylesheet in the palette of the moment (it will not follow a
    change of scheme; pages use ``themed(self, page_style)``)."""
    if name == "PAGE_STYLE":
        return page_style(current())
    raise AttributeError(name)
