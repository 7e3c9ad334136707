"""A stand-in for the sync engine child (``services/engine_process.py``) in app tests that
are about the window's wiring, not the child (``tests/services/test_engine_process.py`` runs
the real one): it records what the window asked of it and reports to the window's board."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any, ClassVar

from channelmanager_gui.services.sync_status import SyncStatusBoard


class FakeProcess:
    last: ClassVar[FakeProcess | None] = None

    def __init__(self, db_path: Path, board: SyncStatusBoard, **callbacks: Any) -> None:
        self.board = board  # the window's: what the child reports lands there
        self.callbacks = callbacks
        self.calls: list[str] = []
        self.threads: set[str] = set()
        self.started_at = 0.0
        self.secrets: dict[str, Any] = {}
        FakeProcess.last = self

    def _record(self, call: str) -> None:
        self.calls.append(call)
        self.threads.add(threading.current_thread().name)

    def start(self, secrets: dict[str, Any], *, paused: bool, demo_store_id: int | None) -> None:
        self.secrets = secrets
        self._record("start")

    def sync_now(self, loop: str | None = None) -> None:
        self.calls.append("sync now" if loop is None else f"sync now {loop}")

    def pause(self) -> None:
        self.calls.append("pause")

    def resume(self) -> None:
        self.calls.append("resume")

    def wake(self) -> None:
        self.calls.append("wake")

    def stop(self, timeout: float) -> int:
        self.calls.append("stop")
        return 0


def started() -> bool:
    child = FakeProcess.last
    return child is not None and "start" in child.calls
