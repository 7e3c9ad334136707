"""Cold start: a fresh process from launch to the main window shown, on a given data dir.

The child runs the real ``run_app`` with an in-memory keyring (the benchmark must not touch the
machine's keyring) and prints one line when the window has been shown and the event loop has
turned once; the parent measures from launch (interpreter start and imports included).
"""

from __future__ import annotations

import contextlib
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

SHOWN = "WINDOW-SHOWN"


def cold_start_ms(home: Path, timeout: float = 60.0) -> tuple[float, float]:
    """(milliseconds to window shown, the child's peak RSS in MB then)."""
    env = {**os.environ, "CHANNELMANAGER_HOME": str(home), "QT_QPA_PLATFORM": "offscreen"}
    started = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-m", "bench.gui_coldstart"], stdout=subprocess.PIPE, text=True, env=env
    )
    assert proc.stdout is not None
    try:
        for line in proc.stdout:
            if line.startswith(SHOWN):
                elapsed = (time.perf_counter() - started) * 1000
                return elapsed, float(line.split()[1])
        raise RuntimeError(f"the app ended without showing its window (exit {proc.wait()})")
    finally:
        proc.wait(timeout=timeout)


def peak_rss_mb(pid: int | None = None) -> float:
    """Peak RSS of this process or of ``pid`` (Linux VmHWM; ``ru_maxrss`` would include the
    parent's before exec, and knows no other process)."""
    status = Path(f"/proc/{pid or 'self'}/status")
    if status.exists():
        for line in status.read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024 if pid is None else 0.0


def reset_peak_rss() -> None:
    """Start the peak over from now (Linux), so building the data set does not count."""
    with contextlib.suppress(OSError):
        Path("/proc/self/clear_refs").write_text("5")


def use_memory_keyring(entries: dict[str, str] | None = None) -> None:
    """An in-memory keyring for this process (a benchmark must not touch the machine's),
    holding ``entries`` (keyring user name → secret) under the app's service."""
    import keyring
    from keyring.backend import KeyringBackend

    from channelmanager_gui.services.credentials import SERVICE

    kept = {(SERVICE, key): value for key, value in (entries or {}).items()}

    class MemoryKeyring(KeyringBackend):
        priority = 1  # type: ignore[assignment]

        def get_password(self, service: str, username: str) -> str | None:
            return kept.get((service, username))

        def set_password(self, service: str, username: str, password: str) -> None:
            kept[(service, username)] = password

        def delete_password(self, service: str, username: str) -> None:
            kept.pop((service, username), None)

    keyring.set_keyring(MemoryKeyring())


def _child() -> int:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from channelmanager_gui import app as app_module
    from channelmanager_gui.views.main_window import MainWindow

    use_memory_keyring()
    show = MainWindow.show

    def show_and_report(window: MainWindow) -> None:
        show(window)

        def report() -> None:
            print(f"{SHOWN} {peak_rss_mb():.1f}", flush=True)
            QApplication.quit()

        QTimer.singleShot(0, report)

    MainWindow.show = show_and_report  # type: ignore[method-assign]
    return app_module.run_app(demo=False, argv=sys.argv[:1])


if __name__ == "__main__":
    sys.exit(_child())
