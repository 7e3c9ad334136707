"""The core never imports Qt: every module outside the UI imports with PySide6 and qasync blocked.

Modules are discovered with pkgutil.walk_packages, so modules added later are covered too.
Runs in a subprocess so the block cannot be undone by anything this test process imported.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

SCRIPT = r"""
import importlib
import pkgutil
import sys

sys.modules["PySide6"] = None  # any "import PySide6..." now raises ImportError
sys.modules["qasync"] = None
sys.modules["shiboken6"] = None

import channelmanager_gui

UI_PREFIXES = (
    "channelmanager_gui.views",
    "channelmanager_gui.app",
    "channelmanager_gui.qt_async",
    "channelmanager_gui.qt_gc",
    "channelmanager_gui.qt_text",
)


def is_ui(name):
    if name == "channelmanager_gui.__main__":
        return True  # runs the CLI on import
    return any(name == p or name.startswith(p + ".") for p in UI_PREFIXES)


def onerror(name):
    # walk_packages imports each package to look inside it; a UI package may need Qt.
    if not is_ui(name):
        raise ImportError(f"cannot import package {name}")


checked = []
for info in pkgutil.walk_packages(channelmanager_gui.__path__, "channelmanager_gui.", onerror):
    if is_ui(info.name):
        continue
    importlib.import_module(info.name)
    checked.append(info.name)
print("\n".join(checked))
"""


def test_core_modules_import_without_qt() -> None:
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    checked = result.stdout.split()
    # Sanity: the walk really found the core, so an empty walk cannot pass silently.
    for expected in (
        "channelmanager_gui.errors",
        "channelmanager_gui.paths",
        "channelmanager_gui.services.sync_status",
        "channelmanager_gui.models.order_table_queries",
        "channelmanager_gui.resources",
    ):
        assert expected in checked
