"""ChangeBus: announcements reach every subscriber, from any thread, and a broken or leaving
subscriber never stops the others."""

from __future__ import annotations

import threading

from channelmanager_gui.services.changes import Change, ChangeBus, Changes


def test_a_failing_subscriber_is_skipped_and_unsubscribe_is_idempotent() -> None:
    bus = ChangeBus()
    seen: list[frozenset[Change]] = []

    def broken(_changes: frozenset[Change]) -> None:
        raise RuntimeError("a broken view")

    bus.subscribe(broken)
    unsubscribe = bus.subscribe(seen.append)
    bus.publish(Changes.of(Change.ORDERS, Change.ORDERS))
    bus.publish(Changes())  # nothing changed: nobody is called
    unsubscribe()
    unsubscribe()
    bus.publish(Changes.of(Change.LISTINGS))
    assert seen == [frozenset({Change.ORDERS})]


def test_publishing_from_a_thread_while_another_subscribes_and_leaves() -> None:
    """The engine's thread publishes while the UI thread opens and closes pages."""
    bus = ChangeBus()
    counts: dict[str, int] = {"steady": 0}

    def steady(_changes: frozenset[Change]) -> None:
        counts["steady"] += 1

    bus.subscribe(steady)

    def engine() -> None:
        for _ in range(5000):
            bus.publish(Changes.of(Change.LISTINGS))

    writer = threading.Thread(target=engine)
    writer.start()
    while writer.is_alive():
        bus.subscribe(lambda _c: None)()  # subscribe, then leave at once
    writer.join()
    assert counts["steady"] == 5000
