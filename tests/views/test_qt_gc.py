"""Cyclic garbage is collected on the UI thread, whichever thread made it."""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from typing import ClassVar

import pytest
from PySide6.QtCore import QObject, QThread
from pytestqt.qtbot import QtBot

from channelmanager_gui.qt_gc import UiThreadCollector, collect_due


class Cycle(QObject):
    """A Qt object in a reference cycle: only the cyclic collector can free it."""

    deleted_on: ClassVar[list[QThread | None]] = []

    def __init__(self) -> None:
        super().__init__()
        self.me = self
        self.destroyed.connect(lambda: Cycle.deleted_on.append(QThread.currentThread()))


@pytest.fixture
def low_thresholds() -> Iterator[None]:
    saved = gc.get_threshold()
    gc.set_threshold(50, 2, 2)
    yield
    gc.set_threshold(*saved)


def test_collect_due_collects_only_past_the_threshold(low_thresholds: None) -> None:
    gc.collect()
    assert collect_due() == 0  # nothing allocated since: nothing is due
    for _ in range(3):
        junk: list[object] = []
        junk.append(junk)
    assert collect_due() == 0  # three cycles are under the threshold of 50
    for _ in range(100):
        junk = []
        junk.append(junk)
    assert collect_due() >= 100


def test_the_collector_turns_automatic_collection_off_and_gives_it_back(qtbot: QtBot) -> None:
    gc.enable()
    collector = UiThreadCollector()
    assert not gc.isenabled()
    collector.stop()
    assert gc.isenabled()
    gc.disable()  # as the views' conftest keeps it during a test
    collector = UiThreadCollector()
    collector.stop()
    assert not gc.isenabled()


def test_garbage_made_on_another_thread_dies_on_the_ui_thread(
    qtbot: QtBot, low_thresholds: None
) -> None:
    gc.enable()
    collector = UiThreadCollector()
    Cycle.deleted_on.clear()
    Cycle()  # unreachable at once, but in a cycle

    def churn() -> None:  # allocations that would trigger a collection on this thread
        for _ in range(5000):
            junk: list[object] = []
            junk.append(junk)

    worker = threading.Thread(target=churn)
    worker.start()
    worker.join()
    assert Cycle.deleted_on == []  # nothing was collected on the worker's thread
    qtbot.waitUntil(lambda: bool(Cycle.deleted_on), timeout=2000)
    collector.stop()
    assert Cycle.deleted_on == [QThread.currentThread()]
