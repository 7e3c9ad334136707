"""Garbage collector settings for a process whose threads must not all stop for long.

Part of the window's start-up (app.py) and of bench.gui, which mirrors it.
"""

from __future__ import annotations

import gc
import logging

log = logging.getLogger(__name__)

OLDEST_THRESHOLD = 100  # Python's default is 10


def tune_garbage_collection() -> None:
    """Make the garbage collector's full passes rare and cheaper: they stop every thread.

    A full collection holds the GIL, so it stops the window too, for a time proportional to the
    objects it scans (~1 µs each on a modest machine). With 100,000 listings the engine's passes
    hold some 500,000 objects at times (rows, Commerce source items), and full collections then
    took 200–350 ms each, about one every 3 s of sync. Two levers:

    * the start-up objects (modules, classes, widgets, mappers, the engine's clients: 100,000
      and more) live as long as the process, so they are frozen out of every later collection.
      Freezing is a list splice; no collection first (it would be a stall of its own): the
      start-up leaves next to no cyclic garbage (measured: none unreachable at the first loop
      turn), and what there is stays for good;
    * the oldest generation is collected after 100 collections of the middle one instead of 10
      (and still only once its new objects reach a quarter of it, Python's own rule): measured
      over a 30 s sync at 100k, 10 full passes became 2. Cyclic garbage waits longer for them;
      objects without cycles are freed by reference counting at once, as always.
    """
    gc.freeze()
    young, middle, _old = gc.get_threshold()
    gc.set_threshold(young, middle, OLDEST_THRESHOLD)
    log.info("start-up heap frozen: %d objects", gc.get_freeze_count())
