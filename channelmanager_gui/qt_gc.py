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
# A full collection holds the GIL for as long as it scans (160-350 ms with 100k listings in
# flight, measured): it runs after 100 middle ones instead of Python's 10 (10 -> 2 per 30 s
# sync at 100k in bench.gui). Objects without cycles are unaffected.
OLDEST_EVERY = 100


def collect_due(thresholds: tuple[int, int, int] | None = None) -> int:
    """Collect the oldest generation whose count is over its threshold; 0 when none is."""
    counts = gc.get_count()
    thresholds = thresholds or gc.get_threshold()
    generation = -1
    for number, (count, threshold) in enumerate(zip(counts, thresholds, strict=True)):
        if threshold and count > threshold:
            generation = number
        else:
            break  # an older generation is only due when the younger ones are
    return gc.collect(generation) if generation >= 0 else 0


class UiThreadCollector(QObject):
    """Owns the timer; ``stop()`` gives automatic collection back as it was found.

    What is alive when it starts (modules, classes, mappers: most of the start-up) lives as
    long as the process, so it is frozen out of every later collection (``gc.freeze``, a list
    splice, no collection first): full collections then scan only what the run made.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._was_enabled = gc.isenabled()
        gc.disable()
        gc.freeze()
        young, middle, _oldest = gc.get_threshold()
        self._thresholds = (young, middle, OLDEST_EVERY)
        self._timer = QTimer(self)
        self._timer.setInterval(TICK_MS)
        self._timer.timeout.connect(self.collect)
        self._timer.start()

    def collect(self) -> int:
        return collect_due(self._thresholds)

    def stop(self) -> None:
        self._timer.stop()
        self.collect()
        if self._was_enabled:
            gc.enable()
