"""EngineHost: work submitted from another thread runs on the host's own thread and loop,
cancelling reaches it there, and stop() leaves nothing running."""

from __future__ import annotations

import asyncio
import concurrent.futures
import threading
from collections.abc import Iterator

import pytest

from channelmanager_gui.services.engine_host import EngineHost, HostedEngine

WAIT_S = 10.0  # a safety net against a hang, not a timing assertion


@pytest.fixture
def host() -> Iterator[EngineHost]:
    running = EngineHost()
    yield running
    running.stop(WAIT_S)


def test_submit_runs_on_the_host_thread_and_returns_the_result(host: EngineHost) -> None:
    async def where() -> tuple[str, asyncio.AbstractEventLoop]:
        await asyncio.sleep(0)
        return threading.current_thread().name, asyncio.get_running_loop()

    name, loop = host.submit(where()).result(WAIT_S)
    assert name == "sync-engine"
    assert loop is host.loop
    assert threading.current_thread().name != name


def test_a_failure_reaches_the_future(host: EngineHost) -> None:
    async def fail() -> None:
        raise ValueError("no such store")

    with pytest.raises(ValueError, match="no such store"):
        host.submit(fail()).result(WAIT_S)


def test_call_soon_runs_in_order_on_the_host_and_a_failure_does_not_stop_it(
    host: EngineHost,
) -> None:
    seen: list[tuple[str, str]] = []
    done = threading.Event()

    def boom() -> None:
        raise RuntimeError("a broken switch")

    host.call_soon(seen.append, ("first", ""))
    host.call_soon(boom)
    host.call_soon(lambda: seen.append(("second", threading.current_thread().name)))
    host.call_soon(done.set)
    assert done.wait(WAIT_S)
    assert seen == [("first", ""), ("second", "sync-engine")]


def test_cancelling_the_future_cancels_the_task_on_the_host(host: EngineHost) -> None:
    started, cancelled = threading.Event(), threading.Event()

    async def forever() -> None:
        started.set()
        try:
            await asyncio.Event().wait()
        except asyncio.CancelledError:
            cancelled.set()
            raise

    future = host.submit(forever())
    assert started.wait(WAIT_S)
    future.cancel()
    assert cancelled.wait(WAIT_S)


async def test_the_ui_loop_awaits_host_work_without_blocking(host: EngineHost) -> None:
    """asyncio.wrap_future, as the window does: this loop keeps running meanwhile."""
    release = threading.Event()
    ticks = 0

    async def slow() -> str:
        await asyncio.to_thread(release.wait, WAIT_S)
        return "done"

    waiting = asyncio.ensure_future(asyncio.wrap_future(host.submit(slow())))
    while ticks < 5:
        await asyncio.sleep(0)
        ticks += 1
    assert not waiting.done()
    release.set()
    assert await waiting == "done"


def test_stop_cancels_what_still_runs_and_ends_the_thread() -> None:
    host = EngineHost()
    cleaned = threading.Event()

    async def loop_forever() -> None:
        try:
            await asyncio.sleep(3600)
        finally:
            cleaned.set()

    future = host.submit(loop_forever())
    host.call_soon(lambda: None)
    host.submit(asyncio.sleep(0)).result(WAIT_S)  # the long task has started
    host.stop(WAIT_S)
    assert cleaned.is_set()
    assert not host.running
    assert host.loop.is_closed()
    with pytest.raises(concurrent.futures.CancelledError):
        future.result(0)


class FakeEngine:
    def __init__(self) -> None:
        self.env = object()
        self.steps: list[str] = []

    async def open(self) -> None:
        self.steps.append(f"open on {threading.current_thread().name}")

    def start(self) -> None:
        self.steps.append("start")

    async def aclose(self) -> None:
        self.steps.append("aclose")


def test_hosted_engine_is_built_and_opened_on_the_host_thread_its_loops_never_started(
    host: EngineHost,
) -> None:
    """The window's own engine is for its store clients; the loops run in the child."""
    built: list[str] = []

    def build() -> FakeEngine:
        built.append(threading.current_thread().name)
        return FakeEngine()

    hosted = HostedEngine(host, build)  # type: ignore[arg-type]
    assert hosted.env is None
    engine = host.submit(hosted.open()).result(WAIT_S)
    assert built == ["sync-engine"]
    assert hosted.env is engine.env
    host.submit(hosted.aclose()).result(WAIT_S)
    assert engine.steps == ["open on sync-engine", "aclose"]


def test_a_hosted_engine_closed_while_connecting_is_closed_again(host: EngineHost) -> None:
    """A restart or the shutdown may close it before its start has finished connecting."""
    release = asyncio.Event()
    engines: list[FakeEngine] = []

    class SlowEngine(FakeEngine):
        async def open(self) -> None:
            await release.wait()
            await super().open()

    def build() -> FakeEngine:
        engines.append(SlowEngine())
        return engines[-1]

    hosted = HostedEngine(host, build)  # type: ignore[arg-type]
    starting = host.submit(hosted.open())
    host.submit(asyncio.sleep(0)).result(WAIT_S)
    host.submit(hosted.aclose()).result(WAIT_S)
    host.call_soon(release.set)
    assert starting.result(WAIT_S) is None
    assert engines[0].steps == ["aclose", "open on sync-engine", "aclose"]
    late = HostedEngine(host, build)  # type: ignore[arg-type]
    host.submit(late.aclose()).result(WAIT_S)
    assert host.submit(late.open()).result(WAIT_S) is None
    assert len(engines) == 1  # closed before it started: never built
