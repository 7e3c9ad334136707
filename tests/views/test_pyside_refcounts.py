"""Guard against the PySide6 6.12.0 bug that pyproject.toml excludes.

In 6.12.0 every Python-side ``Signal.emit()`` dropped a reference to ``True``; a window that
runs for hours (or a long test session) then aborts with "bool_dealloc: deallocating True or
False". If a new PySide6 brings it back, this fails instead of a random later crash.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal


class _Emitter(QObject):
    plain = Signal()
    flag = Signal(bool)


def test_emitting_signals_keeps_true_and_false_alive(qapp: object) -> None:
    emitter = _Emitter()
    emitter.plain.connect(lambda: None)
    emitter.flag.connect(lambda _: None)
    before = sys.getrefcount(True), sys.getrefcount(False)
    for _ in range(50):
        emitter.plain.emit()
        emitter.flag.emit(True)
        emitter.flag.emit(False)
    assert (sys.getrefcount(True), sys.getrefcount(False)) == before
