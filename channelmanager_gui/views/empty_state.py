"""Empty-state pages: what an area will show and what to do next, never fake data.

Each area's real page (built by its own feature) replaces these through
``MainWindow.set_page``; until then the merchant reads why the area is empty.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from channelmanager_gui.text_marks import N_
from channelmanager_gui.views.i18n import ui
from channelmanager_gui.views.navigation import Area

CONNECT_HINT = N_(
    "Labels",
    "Add your Commerce store and Walmart seller account with "
    "“channelmanager-gui store add”, or try everything with demo data: "
    "“channelmanager-gui --demo”.",
)

COLUMN_WIDTH = 560

# Once a sync has run, "after the first sync" would no longer be true: say plainly that the
# data is being kept in step but this view is not in this version yet.
SYNCED_TITLE = N_("Labels", "{title} view not available yet")
SYNCED_MESSAGE = N_(
    "Labels",
    "Syncing runs in the background and keeps this data up to date; this view arrives in a "
    "later version of Channel Manager.",
)

EMPTY_STATES: dict[Area, tuple[str, str]] = {
    Area.DASHBOARD: (
        N_("Labels", "Nothing to report yet"),
        N_(
            "Labels",
            "After the first sync this shows orders to acknowledge, due today, overdue and in "
            "error, and listings active, unmatched and in error.",
        ),
    ),
    Area.LISTINGS: (
        N_("Labels", "No listings yet"),
        N_("Labels", "Your Walmart listings will appear here after the first catalog sync."),
    ),
    Area.MATCHING: (
        N_("Labels", "Nothing to match yet"),
        N_(
            "Labels",
            "Products from your Commerce catalog that still need a Walmart item will appear here "
            "after the first catalog sync.",
        ),
    ),
    Area.ORDERS: (
        N_("Labels", "No orders yet"),
        N_("Labels", "Orders will appear here after the first sync."),
    ),
    Area.RETURNS: (
        N_("Labels", "No returns yet"),
        N_("Labels", "Walmart returns will appear here after the first sync."),
    ),
    Area.SYNC_ACTIVITY: (
        N_("Labels", "No sync runs yet"),
        N_("Labels", "Every sync run and its outcome will be listed here once syncing starts."),
    ),
    Area.SETTINGS: (
        N_("Labels", "Store settings"),
        N_("Labels", "Managing stores from this window is not available yet."),
    ),
}


class EmptyStatePage(QWidget):
    """A centred title, an explanation and the next step."""

    def __init__(self, area: Area, hint: str = CONNECT_HINT, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.area = area
        self.synced = False
        title, message = EMPTY_STATES[area]
        self.setObjectName("emptyState")
        self._setup_ui(title, message, hint)

    def _setup_ui(self, title: str, message: str, hint: str) -> None:
        # A fixed-width column between two stretches: word-wrapped labels then wrap at the
        # column's width instead of collapsing to their minimum (a QLabel heightForWidth quirk).
        column = QWidget()
        column.setMaximumWidth(COLUMN_WIDTH)
        column.setMinimumWidth(min(COLUMN_WIDTH, 320))
        inner = QVBoxLayout(column)
        inner.setContentsMargins(0, 0, 0, 0)
        inner.setSpacing(8)
        self.title_label = self._label(title, "emptyTitle")
        self.message_label = self._label(message, "emptyMessage")
        self.hint_label = self._label(hint, "emptyHint")
        self.hint_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        for label in (self.title_label, self.message_label, self.hint_label):
            inner.addWidget(label)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(column, 4)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(48, 48, 48, 48)
        layout.addStretch(2)
        layout.addLayout(row)
        layout.addStretch(3)

    def set_synced(self, synced: bool) -> None:
        """Switch between the before-first-sync wording and the after-sync one."""
        if synced == self.synced or self.area is Area.SETTINGS:
            return
        self.synced = synced
        title, message = EMPTY_STATES[self.area]
        if synced:
            title = ui(SYNCED_TITLE).format(title=self.area.title)
            message = SYNCED_MESSAGE
        self.title_label.setText(ui(title))
        self.message_label.setText(ui(message))

    def set_hint(self, hint: str) -> None:
        """Change the next-step line (empty hides it), e.g. once a store is connected."""
        self.hint_label.setText(ui(hint))
        self.hint_label.setVisible(bool(hint))

    @staticmethod
    def _label(text: str, name: str) -> QLabel:
        label = QLabel(ui(text))  # a marked label, or already translated (ui is idempotent)
        label.setObjectName(name)
        label.setWordWrap(True)
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        return label
