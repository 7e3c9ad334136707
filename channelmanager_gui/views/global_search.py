"""The top bar's search box at work: Enter searches everywhere, then opens what was found.

One hit opens at once (an order's detail, or the listing on the Listings page); several drop
a small list under the box to pick from; none says so in the status bar. The query
(``models.global_search``) runs off the UI thread through the runner the pages use; an answer
that arrives after the merchant searched again is dropped.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, QPoint, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLineEdit, QMenu

from channelmanager_gui.models.db import Database
from channelmanager_gui.models.global_search import (
    DEFAULT_LIMIT,
    HitKind,
    SearchHit,
    SearchResult,
    global_search,
)
from channelmanager_gui.qt_text import verbatim
from channelmanager_gui.text_marks import N_
from channelmanager_gui.views.i18n import ui
from channelmanager_gui.views.tables.paged import Runner

NOTHING_FOUND = N_(
    "Labels",
    "Nothing found for “{text}”. Search looks in order numbers (Walmart, customer, Commerce), "
    "tracking numbers, SKUs, product names and identifiers.",
)
MORE = N_("Labels", "More than {limit} matches: type more of the number or name")


class GlobalSearch(QObject):
    """``GlobalSearch(db, box, runner)``: :meth:`search` the box's text (Enter, wired by
    ``page_wiring``).

    Signals: ``order_chosen(order id)``, ``listing_chosen(SearchHit)``, ``notice(str)``.
    ``popup`` is the pick list while it is open (tests choose from it).
    """

    order_chosen = Signal(int)
    listing_chosen = Signal(object)
    notice = Signal(str)

    def __init__(
        self,
        db: Database,
        box: QLineEdit,
        runner: Runner[Any],
        *,
        limit: int = DEFAULT_LIMIT,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._db = db
        self._box = box
        self._runner = runner
        self._store_id: int | None = None
        self._limit = limit
        self._latest = ""
        self.popup: QMenu | None = None

    def set_store(self, store_id: int | None) -> None:
        """Search the store the pages show (None: every store), so what is found is there."""
        self._store_id = store_id

    def search(self, text: str) -> None:
        words = text.strip()
        if not words:
            return
        self._latest = words
        db, store_id, limit = self._db, self._store_id, self._limit
        self._runner(lambda: global_search(db, words, store_id=store_id, limit=limit), self._show)

    def open(self, hit: SearchHit) -> None:
        if hit.kind is HitKind.ORDER:
            self.order_chosen.emit(hit.id)
        else:
            self.listing_chosen.emit(hit)

    def _show(self, result: SearchResult) -> None:
        if result.text != self._latest:
            return  # the merchant searched for something else meanwhile
        if not result.hits:
            self.notice.emit(ui(NOTHING_FOUND).format(text=result.text))
        elif len(result.hits) == 1 and not result.more:
            self.open(result.hits[0])
        else:
            self._pick(result)

    def _pick(self, result: SearchResult) -> None:
        """A list under the search box; arrows and Enter choose, Escape closes."""
        if self.popup is not None:
            self.popup.close()
        menu = QMenu(self._box)
        menu.setObjectName("searchResults")
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.setToolTipsVisible(True)
        for hit in result.hits:
            text = f"{hit.title}  —  {hit.detail}" if hit.detail else hit.title
            action = QAction(text.replace("&", "&&"), menu)  # a lone & would mark a shortcut
            action.setToolTip(verbatim(f"Found by {hit.matched}"))
            action.triggered.connect(lambda _=False, h=hit: self.open(h))
            menu.addAction(action)
        if result.more:
            menu.addSeparator()
            note = menu.addAction(ui(MORE).format(limit=len(result.hits)))
            note.setEnabled(False)
        menu.aboutToHide.connect(lambda: self._on_popup_about_to_hide(menu))
        self.popup = menu
        menu.popup(self._box.mapToGlobal(QPoint(0, self._box.height())))
        menu.setActiveAction(menu.actions()[0])

    def _on_popup_about_to_hide(self, menu: QMenu) -> None:
        if self.popup is menu:
            self.popup = None
