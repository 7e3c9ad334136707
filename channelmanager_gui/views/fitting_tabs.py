"""Tab titles with counts that fit their bar: full words when they fit, short ones when not.

With a real catalog's counts the Listings tabs ("Pending match  177", …) were wider than a
1024 px window, and Qt hid the last ones ("In error") behind scroll arrows; eliding every tab
instead cut the counts too ("Al…00"). So each tab has a short title ("Pending  177"), used
for all tabs while the full ones do not fit; the tooltip always has the full title. Only if
even the short ones do not fit do the scroll arrows come back.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QTabBar

from channelmanager_gui.views.locale_format import number_text


class FittingTabs(QObject):
    """Keeps ``bar``'s titles fitting; ``titles`` are (full, short) pairs in tab order."""

    def __init__(self, bar: QTabBar, titles: Sequence[tuple[str, str]]) -> None:
        super().__init__(bar)
        self._bar = bar
        self._titles: list[tuple[str, str]] = []
        self._counts: list[int | None] = []
        self.set_titles(titles)
        bar.installEventFilter(self)

    def set_titles(self, titles: Sequence[tuple[str, str]]) -> None:
        """Another set of tabs (the Listings page's Amazon states): the bar's tabs are
        replaced, without counts until the next ``set_counts``."""
        bar = self._bar
        while bar.count():
            bar.removeTab(0)
        self._titles = list(titles)
        self._counts = [None] * len(self._titles)
        for full, _short in self._titles:
            bar.addTab(full)
        self.fit()

    def set_counts(self, counts: Sequence[int | None]) -> None:
        self._counts = list(counts)
        self.fit()

    def short(self) -> bool:
        """True while the short titles are shown (for tests)."""
        return any(
            self._bar.tabText(i) == self._text(i, short=True) != self._text(i, short=False)
            for i in range(len(self._titles))
        )

    def fit(self) -> None:
        bar = self._bar
        for short in (False, True):
            for index in range(len(self._titles)):
                bar.setTabText(index, self._text(index, short))
                bar.setTabToolTip(index, self._text(index, short=False))
            # A bar never shown has no width of its own yet: full titles until it is.
            if not bar.isVisible() or bar.sizeHint().width() <= bar.width():
                return

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._bar and event.type() in (QEvent.Type.Resize, QEvent.Type.Show):
            self.fit()
        return False

    def _text(self, index: int, short: bool) -> str:
        full, brief = self._titles[index]
        count = self._counts[index] if index < len(self._counts) else None
        title = brief if short else full
        return title if count is None else f"{title}  {number_text(count)}"
