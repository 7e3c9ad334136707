"""What the UI thread was doing while it stalled: a watchdog thread samples its stack.

When the heartbeat has not ticked for ``threshold`` seconds, the sampler records the innermost
frame of our own code (``channelmanager_gui``) on the UI thread every ``every`` seconds, so the
report names the function holding the event loop, not just how long it was held. It records the
other threads' frames at the same moments too (:meth:`StallSampler.top_others`): with the sync
engine on its own thread, a late UI thread is mostly one waiting for the GIL, held over there.
"""

from __future__ import annotations

import sys
import threading
import time
from collections import Counter
from collections.abc import Callable
from types import FrameType

OUR_CODE = "channelmanager_gui"


def _our_frames(frame: FrameType | None, depth: int = 3) -> str:
    """The outermost ``depth`` frames of our code under the innermost one: where it is, and
    which loop or handler called it."""
    ours = []
    while frame is not None:
        if OUR_CODE in frame.f_code.co_filename:
            path = frame.f_code.co_filename.split(OUR_CODE + "/")[-1]
            ours.append(f"{path}:{frame.f_code.co_name}")
        frame = frame.f_back
    return " < ".join(ours[:depth]) or "(Qt or library code)"


class StallSampler:
    def __init__(
        self, last_tick: Callable[[], float], threshold: float = 0.1, every: float = 0.02
    ) -> None:
        self.last_tick = last_tick
        self.threshold = threshold
        self.every = every
        self.samples: Counter[str] = Counter()
        self.others: Counter[str] = Counter()
        self._target = threading.get_ident()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="stall-sampler", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._thread.join()

    def _run(self) -> None:
        while not self._stop.wait(self.every):
            if time.perf_counter() - self.last_tick() < self.threshold:
                continue
            frames = sys._current_frames()
            self.samples[_our_frames(frames.get(self._target))] += 1
            names = {t.ident: t.name for t in threading.enumerate()}
            for ident, frame in frames.items():
                if ident not in (self._target, threading.get_ident()):
                    self.others[f"[{names.get(ident, ident)}] {_our_frames(frame)}"] += 1

    def top(self, count: int = 8) -> list[str]:
        """The most sampled places, with the stalled time they account for."""
        return self._lines(self.samples, count)

    def top_others(self, count: int = 8) -> list[str]:
        """Where the other threads were (by thread name) while the UI thread was late."""
        return self._lines(self.others, count)

    def _lines(self, samples: Counter[str], count: int) -> list[str]:
        return [f"{n * self.every * 1000:7.0f} ms  {where}"
                for where, n in samples.most_common(count)]  # fmt: skip
