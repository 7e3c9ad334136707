"""A page's delayed refresh that runs only while the page (or its window) is on screen.

The sync announces changes all day, also while the window sits in the tray or shows another
page; each announcement made every page re-run its queries (at 10,000 listings most of the
window's idle CPU, ``bench.idle --app``). A page nobody sees need not be current: a change
that arrives while it is hidden marks it stale, and it refreshes once when it shows again.

``whole_window`` keeps a page refreshing while its window is shown, whichever page is on top:
the dashboard's and the matching page's counts are the navigation's badges.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget


class ShownRefresh(QObject):
    """``request()`` runs ``slot`` after ``delay_ms`` (one run per burst; at once for 0) while
    on screen, else once the page (or window) shows again."""

    def __init__(
        self,
        page: QWidget,
        delay_ms: int,
        slot: Callable[[], None],
        *,
        whole_window: bool = False,
    ) -> None:
        super().__init__(page)
        self._page, self._slot, self._whole_window = page, slot, whole_window
        self._stale = False
        self._watched: QWidget | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(delay_ms)
        self._timer.timeout.connect(self._on_timer_timeout)

    @property
    def stale(self) -> bool:
        """A change came while hidden: the page refreshes when it shows."""
        return self._stale

    def request(self) -> None:
        """Refresh soon if on screen; else once it shows again."""
        if not self._on_screen():
            self._stale = True
        elif self._timer.interval() == 0:  # no burst to wait for: at once, as a direct call
            self._slot()
        else:
            self._timer.start()

    def _target(self) -> QWidget:
        """The widget whose visibility counts; the page's window may change after creation
        (a page is put into the main window after it is built), so it is looked up each time."""
        target = self._page.window() if self._whole_window else self._page
        if target is not self._watched:
            if self._watched is not None:
                self._watched.removeEventFilter(self)
            target.installEventFilter(self)
            self._watched = target
        return target

    def _on_screen(self) -> bool:
        target = self._target()
        # Not isMinimized(): a minimised window's pages get no show event when it is restored,
        # so a page made stale there would stay stale; hidden to the tray is the all-day case.
        return target.isVisible()

    def _on_timer_timeout(self) -> None:
        if self._on_screen():
            self._slot()
        else:
            self._stale = True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if self._stale and watched is self._watched and event.type() == QEvent.Type.Show:
            self._stale = False
            self._timer.start()
        return False
