"""Turns ChangeBus announcements into one app-level Qt signal (STYLE.md #4).

Writes are announced from the thread reading the engine child's pipe, from the window's engine
thread (imports) and from worker threads; a signal of an object
living on the UI thread is queued to it, so receivers (lambdas too) always run on the UI thread.
``settled`` fires once a burst of changes has been quiet for a moment, for receivers that
recount something (and need not run at every single write of a sync pass).
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal

from channelmanager_gui.services.changes import Change, ChangeBus

SETTLE_MS = 300


class ChangeBridge(QObject):
    """``changed(frozenset[Change])`` per announcement; ``settled(frozenset[Change])`` per burst."""

    changed = Signal(object)
    settled = Signal(object)

    def __init__(
        self, changes: ChangeBus, *, settle_ms: int = SETTLE_MS, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._pending: set[Change] = set()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(settle_ms)
        self._timer.timeout.connect(self._on_timer_timeout)
        self.changed.connect(self._on_changed)
        self._unsubscribe = changes.subscribe(self.changed.emit)
        self.destroyed.connect(self._unsubscribe)

    def _on_changed(self, kinds: frozenset[Change]) -> None:
        self._pending |= kinds
        self._timer.start()

    def _on_timer_timeout(self) -> None:
        kinds, self._pending = frozenset(self._pending), set()
        self.settled.emit(kinds)
