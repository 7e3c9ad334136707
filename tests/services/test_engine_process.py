"""The sync engine child and the window's side of its protocol, with real processes.

The child runs the real SyncEngine against the sandbox pair; the window's side is an
:class:`EngineProcess` with a plain board, and a :class:`DatabaseWatch` on a plain change bus
(no Qt): what the child changes reaches the window through the database. Waits are for conditions,
with timeouts; nothing asserts how long anything took.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from channelmanager_gui.models.db import Database
from channelmanager_gui.sandbox.pair import SandboxPair
from channelmanager_gui.services.changes import Change, ChangeBus
from channelmanager_gui.services.db_watch import DatabaseWatch
from channelmanager_gui.services.engine.context import KeyringSecrets
from channelmanager_gui.services.engine_process import EngineProcess
from channelmanager_gui.services.engine_protocol import collect_secrets
from channelmanager_gui.services.status_snapshot import read_status
from channelmanager_gui.services.sync_status import SyncState, SyncStatusBoard
from tests.engine.conftest import (  # noqa: F401  (fixtures, found here by pytest)
    engine_db,
    pair_secrets,
    sandbox_pair,
    store_id,
)

WAIT_S = 60.0


def wait_for(condition: Callable[[], object], timeout: float = WAIT_S) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError("condition not met in time")
        time.sleep(0.05)


class Window:
    """What the window gives the child: a board; what it learns: the board, the exits, and
    the changes its database watch saw."""

    def __init__(self) -> None:
        self.board = SyncStatusBoard()
        self.changes = ChangeBus()
        self.published: list[frozenset[Change]] = []
        self.changes.subscribe(self.published.append)
        self.exits: list[str] = []
        self.watch: DatabaseWatch | None = None

    def child(self, db: Database) -> EngineProcess:
        self.watch = DatabaseWatch(db.path, self.changes)
        return EngineProcess(
            db.path, self.board, on_exit=lambda _child, reason: self.exits.append(reason)
        )

    def poll(self) -> list[frozenset[Change]]:
        assert self.watch is not None
        self.watch.poll()
        return self.published


@pytest.fixture
def running(
    engine_db: Database,  # noqa: F811
    store_id: int,  # noqa: F811
    sandbox_pair: SandboxPair,  # noqa: F811
) -> Iterator[tuple[Window, EngineProcess]]:
    window = Window()
    child = window.child(engine_db)
    secrets = collect_secrets(engine_db, pair_secrets(sandbox_pair, store_id))
    child.start(secrets, paused=False)
    try:
        yield window, child
    finally:
        child.stop(30.0)
        if window.watch is not None:
            window.watch.close()


def test_board_and_changes_arrive_and_sync_now_reaches_the_child(
    running: tuple[Window, EngineProcess],
    engine_db: Database,  # noqa: F811
) -> None:
    window, child = running
    assert child.ready.wait(WAIT_S)
    wait_for(lambda: (s := window.board.loop("orders")) is not None and s.last_run is not None)
    wait_for(window.poll)  # the loops' changes, published in the database
    assert child.pid != os.getpid()
    first = window.board.loop("orders")
    assert first is not None and first.state is not SyncState.ERROR, first.last_error
    # "orders" runs every 10 s; sync now makes it run again at once.
    child.sync_now("orders")
    wait_for(
        lambda: (s := window.board.loop("orders")) is not None and s.last_run != first.last_run
    )
    # ``sync status`` sees the child's own snapshot, saved a few seconds after a change
    wait_for(lambda: read_status(engine_db).get("pid") == child.pid)
    assert read_status(engine_db)["running"]
    assert window.exits == []


def test_pause_reaches_the_child_and_its_loops_report_paused(
    running: tuple[Window, EngineProcess],
) -> None:
    window, child = running
    # A loop in the middle of a run reports its end after the pause: pause between runs.
    wait_for(lambda: (s := window.board.loop("orders")) is not None and s.last_run is not None)
    child.pause()
    wait_for(lambda: (s := window.board.loop("orders")) is not None and s.state is SyncState.PAUSED)
    child.resume()
    wait_for(
        lambda: (s := window.board.loop("orders")) is not None and s.state is not SyncState.PAUSED
    )


def test_the_end_of_stdin_stops_the_child(running: tuple[Window, EngineProcess]) -> None:
    window, child = running
    assert child.ready.wait(WAIT_S)
    child._close_stdin()  # as if the window had died: its end of the pipe closes
    proc = child._proc
    assert proc is not None
    assert proc.wait(WAIT_S) == 0
    wait_for(lambda: window.exits)  # not asked to stop: reported to the owner
    assert "exit code 0" in window.exits[0]


def test_a_child_that_cannot_open_its_store_says_why(
    engine_db: Database,  # noqa: F811
    store_id: int,  # noqa: F811
) -> None:
    """The keyring has no secret for it: the store is not connected, and says why, as
    with an engine in the window."""
    window = Window()
    child = window.child(engine_db)
    child.start(collect_secrets(engine_db, KeyringSecrets()), paused=False)
    try:
        assert child.ready.wait(WAIT_S)
        wait_for(lambda: window.board.errors())
        [error] = window.board.errors()
        assert error.name == "Sandbox store"
        assert "No secret is saved" in (error.last_error or ""), error.last_error
    finally:
        child.stop(30.0)


def test_the_window_killed_leaves_no_child_behind(
    engine_db: Database,  # noqa: F811
    store_id: int,  # noqa: F811
) -> None:
    """A window process killed outright (SIGKILL: no cleanup at all) closes the pipe; its
    child notices the end of its stdin and exits."""
    script = (
        "import os, signal, sys\n"
        "from pathlib import Path\n"
        "from channelmanager_gui.services.engine_process import EngineProcess\n"
        "from channelmanager_gui.services.sync_status import SyncStatusBoard\n"
        "child = EngineProcess(Path(sys.argv[1]), SyncStatusBoard())\n"
        "child.start({}, paused=False)\n"
        "assert child.ready.wait(60)\n"
        "print(child.pid, flush=True)\n"
        "os.kill(os.getpid(), signal.SIGKILL)\n"
    )
    window = subprocess.run(
        [sys.executable, "-c", script, str(engine_db.path)],
        capture_output=True,
        text=True,
        timeout=WAIT_S,
    )
    assert window.returncode == -9, window.stderr
    pid = int(window.stdout.split()[0])
    wait_for(lambda: not _running(pid))


def _running(pid: int) -> bool:
    """Alive and not a zombie (an orphan's parent may be slow to reap it)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().split(")")[-1].split()[0]
    except (FileNotFoundError, ProcessLookupError):
        return False
    return state not in ("Z", "X")


def test_the_pipe_carries_commands_and_the_board_not_changes(
    running: tuple[Window, EngineProcess],
) -> None:
    """Changes travel one way only (the database); waking the worker is its own command."""
    window, child = running
    assert child.ready.wait(WAIT_S)
    sent: list[dict[str, object]] = []
    send = child._send

    def recording(message: dict[str, object]) -> None:
        sent.append(message)
        send(message)

    child._send = recording  # type: ignore[method-assign]
    received: list[str] = []
    apply = child._apply

    def applying(message: dict[str, object]) -> None:
        received.append(str(message["op"]))
        apply(message)

    child._apply = applying  # type: ignore[method-assign]
    child.wake()  # as the window does after an op that queued actions
    child.sync_now()
    wait_for(window.poll)  # the child's changes, through the database
    assert sent == [{"op": "wake"}, {"op": "sync_now", "loop": None}]
    assert not {"changes", "wrote"} & set(received)
