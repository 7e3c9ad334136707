"""The op helper: results, failures routed to the one presenter, cancels, slow-op progress."""

from __future__ import annotations

import asyncio
import sys

import qasync
from pytestqt.qtbot import QtBot

from channelmanager_gui.errors import ApiError
from channelmanager_gui.qt_async import OpRunner, install_excepthook
from channelmanager_gui.services.changes import Change, ChangeBus, Changes


class Recorder:
    """A stand-in error presenter that remembers what it was asked to show."""

    def __init__(self) -> None:
        self.seen: list[tuple[BaseException, str]] = []

    def __call__(self, exc: BaseException, context: str) -> None:
        self.seen.append((exc, context))


async def _fail() -> None:
    raise ApiError("Walmart refused the tracking number", status=400)


async def _value() -> int:
    await asyncio.sleep(0)
    return 42


def test_op_routes_exception_to_error_presenter(
    qtbot: QtBot, qasync_loop: qasync.QEventLoop
) -> None:
    presenter = Recorder()
    ops = OpRunner(presenter)
    with qtbot.waitSignal(ops.finished) as blocker:
        task = ops.run(_fail(), label="Ship order")
        qasync_loop.run_until_complete(asyncio.wait([task]))
    assert blocker.args == ["Ship order", False]
    [(exc, context)] = presenter.seen
    assert isinstance(exc, ApiError)
    assert context == "Ship order"
    assert ops.running() == []


def test_op_delivers_result_and_keeps_task_until_done(qasync_loop: qasync.QEventLoop) -> None:
    presenter = Recorder()
    ops = OpRunner(presenter)
    results: list[int] = []
    task = ops.run(_value(), label="Count", on_success=results.append)
    assert ops.running() == ["Count"]
    qasync_loop.run_until_complete(asyncio.wait([task]))
    assert results == [42]
    assert presenter.seen == []
    assert ops.running() == []


def test_failing_result_handler_is_presented(qasync_loop: qasync.QEventLoop) -> None:
    presenter = Recorder()
    ops = OpRunner(presenter)

    def broken(_: int) -> None:
        raise ValueError("bad row")

    task = ops.run(_value(), label="Load", on_success=broken)
    qasync_loop.run_until_complete(asyncio.wait([task]))
    assert [type(e) for e, _ in presenter.seen] == [ValueError]


def test_cancel_shows_nothing(qasync_loop: qasync.QEventLoop) -> None:
    presenter = Recorder()
    ops = OpRunner(presenter)
    never = asyncio.Event()
    ops.run(never.wait(), label="Import catalog")
    qasync_loop.run_until_complete(ops.cancel_all())
    assert presenter.seen == []
    assert ops.running() == []


def test_slow_op_reports_progress_then_clears(qtbot: QtBot, qasync_loop: qasync.QEventLoop) -> None:
    ops = OpRunner(Recorder(), progress_delay_ms=0)
    busy: list[str] = []
    ops.busy_changed.connect(busy.append)
    shown = asyncio.Event()
    ops.busy_changed.connect(lambda label: shown.set() if label else None)
    release = asyncio.Event()

    async def slow() -> None:
        await release.wait()

    async def scenario() -> None:
        task = ops.run(slow(), label="Import catalog")
        await shown.wait()
        release.set()
        await asyncio.wait([task])

    qasync_loop.run_until_complete(scenario())
    qtbot.waitUntil(lambda: busy == ["Import catalog", ""])


def test_quick_op_shows_no_progress(qasync_loop: qasync.QEventLoop) -> None:
    ops = OpRunner(Recorder(), progress_delay_ms=60_000)
    busy: list[str] = []
    ops.busy_changed.connect(busy.append)
    task = ops.run(_value(), label="Count")
    qasync_loop.run_until_complete(asyncio.wait([task]))
    assert busy == []


def test_excepthook_sends_unhandled_errors_to_presenter() -> None:
    presenter = Recorder()
    before = sys.excepthook
    restore = install_excepthook(presenter)
    try:
        error = RuntimeError("slot blew up")
        sys.excepthook(RuntimeError, error, None)
    finally:
        restore()
    assert sys.excepthook is before
    assert presenter.seen == [(error, "")]


async def _ship() -> Changes:
    await asyncio.sleep(0)
    return Changes.of(Change.ORDERS, Change.OUTBOX, id=7)


async def _forgets() -> int:
    return 1  # an operation that does not say what it changed


def test_an_operations_changes_are_published_once_then_delivered(
    qasync_loop: qasync.QEventLoop,
) -> None:
    presenter, bus = Recorder(), ChangeBus()
    ops = OpRunner(presenter)
    events: list[object] = []
    bus.subscribe(events.append)
    ops.actions_queued.connect(lambda: events.append("wake"))
    task = ops.run_op(_ship(), label="Ship", changes=bus, on_success=events.append)
    qasync_loop.run_until_complete(asyncio.wait([task]))
    assert events == [
        frozenset({Change.ORDERS, Change.OUTBOX}),  # once, before the view sees the result
        "wake",  # actions were queued: the sync process's worker is asked to send them
        Changes.of(Change.ORDERS, Change.OUTBOX, id=7),
    ]
    assert presenter.seen == []


def test_an_operation_that_returns_no_changes_is_an_error_not_a_silent_no_refresh(
    qasync_loop: qasync.QEventLoop,
) -> None:
    presenter, bus = Recorder(), ChangeBus()
    ops = OpRunner(presenter)
    published: list[frozenset[Change]] = []
    bus.subscribe(published.append)
    task = ops.run_op(_forgets(), label="Forgetful", changes=bus)
    qasync_loop.run_until_complete(asyncio.wait([task]))
    [(exc, label)] = presenter.seen
    assert isinstance(exc, TypeError) and label == "Forgetful"
    assert published == []
