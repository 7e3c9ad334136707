"""When Qt itself cannot load, the window command names the packages to install and exits 1.

The failures are simulated in a fresh interpreter: an import hook makes ``PySide6.QtGui`` (or
PySide6 as a whole) fail the way the dynamic loader makes it fail on a system without libEGL.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from channelmanager_gui.platform_check import is_qt_import_error, qt_import_message

ROOT = Path(__file__).resolve().parents[1]

BREAK_IMPORT = r"""
import sys

class Broken:
    '''Fails one module's import as a missing shared library does.'''

    def find_spec(self, name, path=None, target=None):
        if name == BROKEN:
            raise ImportError(MESSAGE, name=name, path="/venv/PySide6/QtGui.abi3.so")
        return None

sys.meta_path.insert(0, Broken())
from channelmanager_gui.cli import main
sys.exit(main([]))
"""

EGL_MISSING = "libEGL.so.1: cannot open shared object file: No such file or directory"


def run_window(tmp_path: Path, prelude: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "CHANNELMANAGER_HOME": str(tmp_path), "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run(
        [sys.executable, "-c", prelude + BREAK_IMPORT],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_missing_libegl_names_the_package_and_exits_1(tmp_path: Path) -> None:
    result = run_window(tmp_path, f"BROKEN = 'PySide6.QtGui'; MESSAGE = {EGL_MISSING!r}\n")
    assert result.returncode == 1
    assert "sudo apt-get install libegl1" in result.stderr
    assert "Traceback" not in result.stderr
    assert "works without them" in result.stderr


def test_pyside6_not_installed_says_how_to_reinstall(tmp_path: Path) -> None:
    # shiboken6 too: alone, it aborts the process looking for PySide6 (as it would not be
    # installed either).
    prelude = (
        "import sys; sys.modules['PySide6'] = sys.modules['shiboken6'] = None\n"
        "BROKEN = ''; MESSAGE = ''\n"
    )
    result = run_window(tmp_path, prelude)
    assert result.returncode == 1
    assert "pip install --force-reinstall pyside6" in result.stderr
    assert "Traceback" not in result.stderr


def test_an_import_error_in_our_own_code_still_shows_its_traceback(tmp_path: Path) -> None:
    prelude = "BROKEN = 'channelmanager_gui.views.top_bar'; MESSAGE = 'a bug of ours'\n"
    result = run_window(tmp_path, prelude)
    assert result.returncode != 0
    assert "Traceback" in result.stderr
    assert "a bug of ours" in result.stderr
    assert "apt-get" not in result.stderr


@pytest.mark.parametrize(
    ("library", "package"),
    [
        ("libEGL.so.1", "libegl1"),
        ("libGL.so.1", "libgl1"),
        ("libxkbcommon.so.0", "libxkbcommon0"),
        ("libfontconfig.so.1", "libfontconfig1"),
        ("libglib-2.0.so.0", "libglib2.0-0"),
    ],
)
def test_the_loader_message_maps_to_the_debian_package(library: str, package: str) -> None:
    exc = ImportError(f"{library}: cannot open shared object file", name="PySide6.QtWidgets")
    assert is_qt_import_error(exc)
    message = qt_import_message(exc, missing_xcb=[])
    assert f"sudo apt-get install {package}\n" in message
    assert library in message  # Qt's own words stay, for a support request


def test_missing_xcb_libraries_are_named_with_the_linked_one() -> None:
    exc = ImportError(EGL_MISSING, name="PySide6.QtGui")
    message = qt_import_message(exc, missing_xcb=["libxcb-cursor0", "libegl1"])
    assert "sudo apt-get install libegl1 libxcb-cursor0\n" in message


def test_only_qt_packages_count_as_qt_import_errors() -> None:
    assert is_qt_import_error(ModuleNotFoundError("No module named 'qasync'", name="qasync"))
    assert is_qt_import_error(ImportError("x", name="shiboken6.Shiboken"))
    assert not is_qt_import_error(ImportError("x", name="channelmanager_gui.views.top_bar"))
    assert not is_qt_import_error(ImportError("x"))
