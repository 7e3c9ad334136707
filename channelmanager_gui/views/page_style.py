"""Styles of the Listings, Matching, Returns, Settings, Sync activity and Dashboard pages.

Kept beside the pages (each applies ``PAGE_STYLE`` to itself) so the window's stylesheet in
``style.py`` stays the shell's; object names are set by the widgets that use them.
"""

PAGE_STYLE = """
#pageTitle { font-size: 18px; font-weight: 600; color: #1f2937; }
#sectionTitle { font-size: 14px; font-weight: 600; color: #374151; }
#pageNotice { color: #374151; }
#emptyMessage { font-size: 14px; color: #4b5563; padding: 24px; }
#selectionLabel { color: #4b5563; padding-left: 6px; }
QTableView, QTableWidget {
    background: #ffffff;
    alternate-background-color: #f8f9fb;
    gridline-color: #eceff3;
    border: 1px solid #e1e4e8;
}
QPushButton#dashboardCard {
    background: #ffffff;
    border: 1px solid #e1e4e8;
    border-radius: 8px;
    text-align: left;
}
QPushButton#dashboardCard:hover { border-color: #2f6fd6; }
QLabel#cardCount, QLabel#cardTitle { background: transparent; }
QLabel#cardTitle { color: #4b5563; font-size: 13px; }
QLabel#storeSummary {
    background: #ffffff; border: 1px solid #e1e4e8; border-radius: 8px; padding: 10px 14px;
}
QFrame#matchCard { background: #ffffff; border: 1px solid #d5dbe3; border-radius: 8px; }
QFrame#matchCard QLabel { background: transparent; border: none; }
"""
