"""Change announcements reach the UI thread as one Qt signal, and bursts settle into one."""

from __future__ import annotations

import threading

from PySide6.QtCore import QThread
from pytestqt.qtbot import QtBot

from channelmanager_gui.services.changes import Change, ChangeBus, Changes
from channelmanager_gui.views.change_bridge import ChangeBridge


def test_announcements_from_a_worker_thread_arrive_on_the_ui_thread(qtbot: QtBot) -> None:
    bus = ChangeBus()
    bridge = ChangeBridge(bus, settle_ms=0)
    threads: list[QThread] = []
    bridge.changed.connect(lambda _: threads.append(QThread.currentThread()))
    with qtbot.waitSignal(bridge.changed) as blocker:
        worker = threading.Thread(target=lambda: bus.publish(Changes.of(Change.ORDERS)))
        worker.start()
        worker.join()
    assert blocker.args == [frozenset({Change.ORDERS})]
    assert threads == [bridge.thread()]


def test_receivers_of_a_plain_thread_publish_run_on_the_main_thread(qtbot: QtBot) -> None:
    """As the engine's thread publishes: plain lambdas (no receiver object) and ``settled``
    receivers too run on the main thread."""
    bus = ChangeBus()
    bridge = ChangeBridge(bus, settle_ms=0)
    seen: list[tuple[str, threading.Thread]] = []
    bridge.changed.connect(lambda _: seen.append(("changed", threading.current_thread())))
    bridge.settled.connect(lambda _: seen.append(("settled", threading.current_thread())))
    with qtbot.waitSignal(bridge.settled):
        engine = threading.Thread(
            target=lambda: bus.publish(Changes.of(Change.LISTINGS)), name="sync-engine"
        )
        engine.start()
        engine.join()
    assert seen == [
        ("changed", threading.main_thread()),
        ("settled", threading.main_thread()),
    ]


def test_a_burst_settles_into_one_signal_with_every_kind(qtbot: QtBot) -> None:
    bus = ChangeBus()
    bridge = ChangeBridge(bus, settle_ms=50)
    settled: list[frozenset[Change]] = []
    bridge.settled.connect(settled.append)
    with qtbot.waitSignal(bridge.settled):
        bus.publish(Changes.of(Change.ORDERS))
        bus.publish(Changes.of(Change.LISTINGS, Change.ORDERS))
        bus.publish(Changes.of(Change.OUTBOX))
    assert settled == [frozenset({Change.ORDERS, Change.LISTINGS, Change.OUTBOX})]
