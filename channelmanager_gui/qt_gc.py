"""Cyclic garbage collected on the UI thread only.

Python runs its cyclic garbage collector on whichever thread happens to allocate when a
threshold is crossed. The app has other threads (the sync engine's, the pages' query workers),
so a widget or timer caught in a reference cycle could be destroyed from one of them: Qt then
prints "QObject::~QObject: Timers cannot be stopped from another thread" and, a little later,
the process crashes (seen in the test suite). Automatic collection is therefore turned off
while the window runs, and a timer on the UI thread collects each generation when Python
itself would have (its counts against its thresholds). Objects without cycles are freed by
reference counting at once, as always; only cyclic garbage waits, at most one tick.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

TICK_MS = 100  # cyclic garbage waits at most this long; a check is three integer compares


def collect_due() -> int:
    """Collect the oldest generation whose count is over its threshold; 0 when none is."""
    counts = gc.get_count()
    thresholds = gc.get_threshold()
    generation = -1
    for number, (count, threshold) in enumerate(zip(counts, thresholds, strict=True)):
        if threshold and count > threshold:
            generation = number
        else:
            break  # an older generation is only due when the younger ones are
    return gc.collect(generation) if generation >= 0 else 0


class UiThreadCollector(QObject):
    """Owns the timer; ``stop()`` gives automatic collection back as it was found."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._was_enabled = gc.isenabled()
        gc.disable()
        self._timer = QTimer(self)
        self._timer.setInterval(TICK_MS)
        self._timer.timeout.connect(collect_due)
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()
        collect_due()
        if self._was_enabled:
            gc.enable()
