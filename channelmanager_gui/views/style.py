"""The window's stylesheet: a calm light theme with one accent colour.

Object names used here are set by the widgets themselves (``setObjectName``), so the look can
change in this one file.
"""

ACCENT = "#2f6fd6"

STYLESHEET = f"""
QMainWindow {{ background: #f6f7f9; }}

#topBar {{
    background: #ffffff;
    border-bottom: 1px solid #e1e4e8;
}}
#syncState {{ color: #374151; }}

QLineEdit#globalSearch {{
    border: 1px solid #cfd5dd;
    border-radius: 6px;
    padding: 5px 8px;
    background: #ffffff;
}}
QLineEdit#globalSearch:focus {{ border-color: {ACCENT}; }}
QLineEdit#globalSearch:disabled {{ background: #f3f4f6; color: #9aa3ad; }}

QPushButton#primaryButton {{
    background: {ACCENT};
    color: #ffffff;
    border: none;
    border-radius: 6px;
    padding: 6px 16px;
    font-weight: 600;
}}
QPushButton#primaryButton:hover {{ background: #2a63c0; }}
QPushButton#primaryButton:pressed {{ background: #23539f; }}
QPushButton#primaryButton:disabled {{ background: #a9c0ea; }}

#navigation {{
    background: #eef1f5;
    border-right: 1px solid #e1e4e8;
}}
QPushButton#navButton {{
    text-align: left;
    padding: 0 14px;
    border: none;
    border-radius: 6px;
    background: transparent;
    color: #1f2937;
    font-size: 14px;
}}
QPushButton#navButton:hover {{ background: #e1e7ef; }}
QPushButton#navButton:checked {{
    background: #dbe6fb;
    color: #1b4a9c;
    font-weight: 600;
}}
QPushButton#navButton:focus {{ outline: none; }}
#navBadge, #navBadgeAlert {{
    color: #ffffff;
    border-radius: 9px;
    min-width: 18px;
    min-height: 18px;
    max-height: 18px;
    padding: 0 5px;
    font-size: 11px;
    font-weight: 600;
}}
#navBadge {{ background: #5f6b7a; }}
#navBadgeAlert {{ background: #c62828; }}

#pages {{ background: #f6f7f9; }}
#emptyTitle {{ font-size: 20px; font-weight: 600; color: #1f2937; padding-bottom: 6px; }}
#emptyMessage {{ font-size: 14px; color: #4b5563; padding-bottom: 14px; }}
#emptyHint {{ font-size: 13px; color: #6b7280; }}

QSplitter::handle {{ background: #e1e4e8; }}
QSplitter::handle:horizontal {{ width: 1px; }}

QStatusBar {{
    background: #ffffff;
    border-top: 1px solid #e1e4e8;
    color: #4b5563;
}}
QStatusBar::item {{ border: none; }}
#loopTimes {{ color: #4b5563; padding: 0 8px; }}
"""
