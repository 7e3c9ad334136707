"""The left navigation column: one button per area, count badges, Settings pinned at the bottom.

Buttons (not a list view) so Settings can sit at the bottom of the column with a stretch above it
while the whole column still behaves as one exclusive choice.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import Enum

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from channelmanager_gui.text_marks import N_
from channelmanager_gui.views.i18n import ui


class Area(Enum):
    """The window's areas, in navigation order; the value is the key saved in the settings."""

    DASHBOARD = "dashboard"
    LISTINGS = "listings"
    MATCHING = "matching"
    ORDERS = "orders"
    RETURNS = "returns"
    SYNC_ACTIVITY = "sync_activity"
    SETTINGS = "settings"

    @property
    def title(self) -> str:
        return ui(_TITLES[self])


_TITLES = {
    Area.DASHBOARD: N_("Labels", "Dashboard"),
    Area.LISTINGS: N_("Labels", "Listings"),
    Area.MATCHING: N_("Labels", "Matching"),
    Area.ORDERS: N_("Labels", "Orders"),
    Area.RETURNS: N_("Labels", "Returns"),
    Area.SYNC_ACTIVITY: N_("Labels", "Sync activity"),
    Area.SETTINGS: N_("Labels", "Settings"),
}


@dataclass(frozen=True)
class Badge:
    """A count next to an area's name. ``alert`` badges are red and say so in the tooltip too,
    so the meaning never rests on colour alone. ``meaning`` completes "3 …", e.g. "in error";
    ``label`` is its short form written on the badge itself ("3 late"), so a bare number never
    leaves the merchant guessing what it counts (issue 20 #7)."""

    count: int
    meaning: str
    alert: bool = False
    label: str = ""


class NavButton(QPushButton):
    """One area: its name on the left, badges on the right."""

    def __init__(self, area: Area, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.area = area
        self.setObjectName("navButton")
        self.setCheckable(True)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setAccessibleName(area.title)
        self._pills: list[QLabel] = []
        self._setup_ui()

    def _setup_ui(self) -> None:
        # The button draws its own text (so :checked styling applies to it); the badges sit
        # in a layout on top, pushed to the right edge.
        self.setText(self.area.title)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 10, 0)
        layout.setSpacing(4)
        layout.addStretch(1)
        self._badge_layout = layout

    def sizeHint(self) -> QSize:
        return QSize(200, 38)

    def set_badges(self, badges: Sequence[Badge]) -> None:
        for pill in self._pills:
            self._badge_layout.removeWidget(pill)
            pill.deleteLater()
        self._pills = []
        shown = [b for b in badges if b.count > 0]
        for badge in shown:
            count = str(badge.count) if badge.count < 1000 else "999+"
            pill = QLabel(f"{count} {ui(badge.label)}" if badge.label else count)
            pill.setObjectName("navBadgeAlert" if badge.alert else "navBadge")
            pill.setToolTip(f"{badge.count:,} {ui(badge.meaning)}")
            pill.setAccessibleName(f"{badge.count:,} {ui(badge.meaning)}")
            pill.setAlignment(Qt.AlignmentFlag.AlignCenter)
            pill.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
            self._badge_layout.addWidget(pill)
            self._pills.append(pill)
        parts = [f"{b.count} {ui(b.meaning)}" for b in shown]
        self.setToolTip(", ".join(parts))
        self.setAccessibleDescription(", ".join(parts))

    def badge_texts(self) -> list[str]:
        """The badges as shown, for tests and accessibility checks."""
        return [pill.text() for pill in self._pills]


class NavigationPanel(QWidget):
    """Emits ``area_selected(Area)`` when the merchant picks an area (not on ``select``)."""

    area_selected = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("navigation")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self._buttons: dict[Area, NavButton] = {}
        self._group = QButtonGroup(self)
        self._group.setExclusive(True)
        self._setup_ui()
        self.select(Area.DASHBOARD)

    def _setup_ui(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 12, 8, 12)
        layout.setSpacing(2)
        for area in Area:
            if area is Area.SETTINGS:
                layout.addStretch(1)
            button = NavButton(area, self)
            button.clicked.connect(lambda _=False, a=area: self._on_button_clicked(a))
            self._group.addButton(button)
            self._buttons[area] = button
            layout.addWidget(button)
        self.setMinimumWidth(170)

    def select(self, area: Area) -> None:
        self._buttons[area].setChecked(True)

    def current(self) -> Area:
        checked = self._group.checkedButton()
        return checked.area if isinstance(checked, NavButton) else Area.DASHBOARD

    def button(self, area: Area) -> NavButton:
        return self._buttons[area]

    def set_badges(self, area: Area, badges: Sequence[Badge]) -> None:
        """Show live counts next to an area (an empty sequence clears them)."""
        self._buttons[area].set_badges(badges)

    def _on_button_clicked(self, area: Area) -> None:
        self.area_selected.emit(area)
