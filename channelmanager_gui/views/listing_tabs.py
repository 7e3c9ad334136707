"""The Listings page's state tabs, with their counts: the app's own set, or Amazon Sales
Channel's (Active, Ready to list, Inactive, Ineligible, Incomplete, Ended, New third party;
reference §4.8) when the merchant looks at Amazon only.

Switching sets keeps the chosen tab when the other set has it too, else goes back to All, and
tells the page once (``currentChanged``), so one filter change follows one click.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QTabBar, QWidget

from channelmanager_gui.models.listing_table_queries import (
    ALL,
    AMAZON_TABS,
    IN_ERROR,
    TABS,
    ListingCounts,
)
from channelmanager_gui.text_marks import N_
from channelmanager_gui.views.fitting_tabs import FittingTabs
from channelmanager_gui.views.i18n import listing_state

COMPACT_TABS = "QTabBar::tab { padding: 4px 7px; }"
_SHORT_TITLES = {
    "ready to list": N_("ListingsPage", "Ready"),
    "pending match": N_("ListingsPage", "Pending"),
    "new third party": N_("ListingsPage", "Third party"),
}


def tab_title(tab: str) -> str:
    if tab == ALL:
        return QCoreApplication.translate("ListingsPage", "All")
    if tab == IN_ERROR:
        return QCoreApplication.translate("ListingsPage", "In error")
    state = listing_state(tab)
    return state[:1].upper() + state[1:]


def short_title(tab: str) -> str:
    """The tab's title when the full ones do not fit the window's width."""
    short = _SHORT_TITLES.get(tab)
    return QCoreApplication.translate("ListingsPage", short) if short else tab_title(tab)


class ListingTabs(QTabBar):
    """A tab per state; ``tabs`` is the set shown, ``current_tab()`` the chosen value."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("stateTabs")
        self.setExpanding(False)
        self.setDrawBase(False)
        self.setStyleSheet(COMPACT_TABS)  # all nine fit a 1024 px window (issue 20 #8)
        self.tabs: tuple[str, ...] = TABS
        self._counts = ListingCounts()
        # Short titles when the full ones do not fit the window (issue 20).
        self.titles = FittingTabs(self, self._titles(TABS))

    def set_marketplace(self, marketplace: str) -> None:
        """Amazon's tabs for 'amazon', the app's own otherwise."""
        wanted = AMAZON_TABS if marketplace == "amazon" else TABS
        if wanted == self.tabs:
            return
        current = self.current_tab()
        self.blockSignals(True)
        self._fill(wanted)
        self.setCurrentIndex(wanted.index(current) if current in wanted else 0)
        self.blockSignals(False)
        if current not in wanted:
            self.currentChanged.emit(self.currentIndex())

    def current_tab(self) -> str:
        index = self.currentIndex()
        return self.tabs[index] if 0 <= index < len(self.tabs) else ALL

    def show_tab(self, tab: str) -> None:
        """Open ``tab``; a state the shown set lacks opens All."""
        self.setCurrentIndex(self.tabs.index(tab) if tab in self.tabs else 0)

    def set_counts(self, counts: ListingCounts) -> None:
        self._counts = counts
        self.titles.set_counts([counts.get(tab) for tab in self.tabs])

    def _fill(self, tabs: tuple[str, ...]) -> None:
        self.tabs = tabs
        self.titles.set_titles(self._titles(tabs))
        self.set_counts(self._counts)

    @staticmethod
    def _titles(tabs: tuple[str, ...]) -> list[tuple[str, str]]:
        return [(tab_title(tab), short_title(tab)) for tab in tabs]
