"""The window's side of the sync engine child process (``services/engine_child.py``).

:class:`EngineProcess` starts the child, sends it the stores' secrets on its stdin (never argv,
env or disk) and then its commands; a reader thread turns the child's lines into updates of the
window's :class:`SyncStatusBoard` (thread-safe; the UI's bridge makes queued Qt signals of
them). What the child changes reaches the window through the database, not this pipe
(``services/change_log.py``). Qt-free.

The child stops on ``stop`` or when its stdin closes, so it cannot outlive the window: if the
window dies, the pipe closes. A child that ends without being asked to is reported through
``on_exit`` (on the reader thread), with the reason, so the owner can show it and restart it.
"""

from __future__ import annotations

import contextlib
import logging
import subprocess
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import IO

from channelmanager_gui.launcher import ENGINE_CHILD_ARG, self_command
from channelmanager_gui.services.engine_protocol import (
    Message,
    apply_loop,
    decode,
    encode,
)
from channelmanager_gui.services.sync_status import SyncStatusBoard

log = logging.getLogger(__name__)


def child_command(db_path: Path) -> list[str]:
    """``python -m channelmanager_gui --engine-child`` from source, the bundle's executable
    with the same argument when frozen (``launcher``: there is no ``-m`` there)."""
    return self_command(ENGINE_CHILD_ARG, "--db", str(db_path))


class EngineProcess:
    """One run of the child: :meth:`start` once, commands meanwhile, :meth:`stop` once."""

    def __init__(
        self,
        db_path: Path,
        board: SyncStatusBoard,
        *,
        on_exit: Callable[[EngineProcess, str], None] = lambda _child, _reason: None,
        on_ready: Callable[[EngineProcess], None] = lambda _child: None,
        on_demo: Callable[[str], None] = lambda _summary: None,
        command: list[str] | None = None,
    ) -> None:
        self.db_path = db_path
        self._board = board
        self._on_exit = on_exit
        self._on_ready = on_ready
        self._on_demo = on_demo
        self._command = command or child_command(db_path)
        self._proc: subprocess.Popen[bytes] | None = None
        self._reader: threading.Thread | None = None
        self._write_lock = threading.Lock()
        self._stopping = False
        self.started_at = 0.0
        self.ready = threading.Event()
        self.loops: frozenset[str] = frozenset()  # the loops the child runs, once ready
        self.failure: str | None = None  # the child's own reason when it could not start

    @property
    def pid(self) -> int | None:
        return self._proc.pid if self._proc is not None else None

    @property
    def alive(self) -> bool:
        return self._proc is not None and self._proc.poll() is None

    def start(self, secrets: Message, *, paused: bool, demo_store_id: int | None = None) -> None:
        """Launch the child and hand it its start line (blocking only for the launch)."""
        self.started_at = time.monotonic()
        proc = self._proc = subprocess.Popen(
            self._command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, close_fds=True
        )
        self._send(
            {"op": "start", "secrets": secrets, "paused": paused, "demo_store_id": demo_store_id}
        )
        self._reader = threading.Thread(
            target=self._read, args=(proc.stdout,), name="sync-engine-reader", daemon=True
        )
        self._reader.start()
        log.info("sync engine process %s started", proc.pid)

    def sync_now(self, loop: str | None = None) -> None:
        self._send({"op": "sync_now", "loop": loop})

    def pause(self) -> None:
        self._send({"op": "pause"})

    def resume(self) -> None:
        self._send({"op": "resume"})

    def wake(self) -> None:
        """The window queued outbox actions: the child's worker sends them now."""
        self._send({"op": "wake"})

    def stop(self, timeout: float) -> int | None:
        """Ask the child to stop, wait up to ``timeout`` s, then kill it; its exit code.

        Blocking: call it off the UI thread."""
        self._stopping = True
        proc = self._proc
        if proc is None:
            return None
        self._send({"op": "stop"})
        self._close_stdin()
        try:
            code = proc.wait(timeout)
        except subprocess.TimeoutExpired:
            log.error("sync engine process %s did not stop within %s s: killed", proc.pid, timeout)
            proc.kill()
            code = proc.wait()
        if self._reader is not None:
            self._reader.join(5.0)
        log.info("sync engine process %s ended (exit code %s)", proc.pid, code)
        return code

    def _send(self, message: Message) -> None:
        proc = self._proc
        if proc is None or proc.stdin is None:
            return
        with self._write_lock:
            try:
                proc.stdin.write(encode(message))
                proc.stdin.flush()
            except (BrokenPipeError, ValueError, OSError):
                pass  # the child is gone or going: the reader reports it

    def _close_stdin(self) -> None:
        proc = self._proc
        with self._write_lock:
            if proc is not None and proc.stdin is not None:
                with contextlib.suppress(OSError):
                    proc.stdin.close()

    def _read(self, stdout: IO[bytes] | None) -> None:
        """The reader thread: apply every line, then report an unexpected end."""
        assert stdout is not None
        for line in stdout:
            message = decode(line)
            if message is not None:
                try:
                    self._apply(message)
                except Exception:
                    log.exception("sync engine message %r could not be applied", message)
        proc = self._proc
        code = proc.wait() if proc is not None else None
        if not self._stopping:
            self._close_stdin()
            reason = self.failure or f"the sync process ended unexpectedly (exit code {code})"
            log.error("sync engine process: %s", reason)
            self._on_exit(self, reason)

    def _apply(self, message: Message) -> None:
        op = message["op"]
        if op == "loop":
            apply_loop(self._board, message)
        elif op == "remove":
            self._board.remove(str(message["name"]))
        elif op == "ready":
            self.loops = frozenset(str(name) for name in message.get("loops") or ())
            self.ready.set()
            self._on_ready(self)
        elif op == "failed":
            self.failure = f"the sync could not start: {message.get('reason')}"
        elif op == "demo":
            self._on_demo(str(message.get("summary") or f"not imported ({message.get('error')})"))
        else:
            log.warning("sync engine process: unknown message %r", op)
