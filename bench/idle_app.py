"""``bench.idle --app``: the real app's window process and its engine child, each one's CPU.

The window process (``bench/idle_window.py``: ``run_app`` on the bench's data dir, offscreen)
starts its engine child as the app does; this process finds the child among the window's
children, lets the warm-up pass, then reads both processes' CPU time from ``/proc`` when
watching begins and ends. SIGTERM quits the app cleanly (window state saved, engine stopped).
"""

from __future__ import annotations

import contextlib
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from bench.common import sandbox_cpu_seconds, start_window
from channelmanager_gui.models.account import AMAZON, MarketplaceAccount
from channelmanager_gui.models.store import Store

if TYPE_CHECKING:
    from bench.idle import Bench

CHILD_TIMEOUT_S = 60.0
STOP_TIMEOUT_S = 30.0


@dataclass
class Watched:
    """The counters when watching began and ended, its wall time, and the CPU figures."""

    before: dict[str, Any]
    after: dict[str, Any]
    wall: float
    cpu: dict[str, float]


def keyring_entries(bench: Bench) -> dict[str, str]:
    """The bench's secrets under the keyring user names the app reads them by."""
    store = Store(id=bench.store_id)
    entries = {store.secret_key(k): v for k, v in bench.secrets.by_store[bench.store_id].items()}
    for account_id, secrets in bench.secrets.by_account.items():
        account = MarketplaceAccount(id=account_id, store_id=bench.store_id, marketplace=AMAZON)
        entries |= {account.secret_key(k): v for k, v in secrets.items()}
    return entries


def children(pid: int) -> list[int]:
    """The processes whose parent is ``pid`` (Linux ``/proc``)."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        with contextlib.suppress(OSError, IndexError):
            if int(stat.read_text().rsplit(")", 1)[1].split()[1]) == pid:
                found.append(int(stat.parent.name))
    return found


def engine_child(window: subprocess.Popen[str]) -> int:
    """The engine child's pid, once the window has started it (after its window is shown)."""
    deadline = time.monotonic() + CHILD_TIMEOUT_S
    while time.monotonic() < deadline:
        if window.poll() is not None:
            raise RuntimeError(f"the app ended early (exit {window.returncode})")
        for pid in children(window.pid):
            with contextlib.suppress(OSError):
                if b"--db" in Path(f"/proc/{pid}/cmdline").read_bytes():
                    return pid
        time.sleep(0.2)
    raise RuntimeError("the app started no engine child")


def watch_app(bench: Bench, warmup: float, seconds: float) -> Watched:
    """The app on the bench's store: warm-up, then both processes' CPU while watched."""
    spec = {"keyring": keyring_entries(bench), "speed": bench.speed}
    window = start_window("bench.idle_window", spec, piped=False)
    try:
        engine = engine_child(window)
        warmed = bench.warm_up(warmup)
        before = bench.stats()
        window0, engine0 = sandbox_cpu_seconds(window.pid), sandbox_cpu_seconds(engine)
        wall0 = time.monotonic()
        time.sleep(seconds)
        window1, engine1 = sandbox_cpu_seconds(window.pid), sandbox_cpu_seconds(engine)
        wall = time.monotonic() - wall0
        after = bench.stats()
    finally:
        _stop(window)
    if window.returncode != 0:  # a clean quit is 0: anything else failed in the app
        raise RuntimeError(f"the app did not quit cleanly (exit {window.returncode})")
    cpu = {**warmed, "window_warmup_cpu_s": window0, "engine_warmup_cpu_s": engine0,
           "window_cpu_share_of_core": (window1 - window0) / wall,
           "engine_cpu_share_of_core": (engine1 - engine0) / wall,
           "app_cpu_share_of_core": (window1 - window0 + engine1 - engine0) / wall}  # fmt: skip
    return Watched(before, after, wall, cpu)


def _stop(window: subprocess.Popen[str]) -> None:
    window.terminate()  # SIGTERM: the app's clean quit (qt_async.install_quit_signals)
    try:
        window.wait(timeout=STOP_TIMEOUT_S)
    except subprocess.TimeoutExpired:
        window.kill()
        window.wait()
