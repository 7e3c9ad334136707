"""One instance per data folder: a second start shows the running window and ends."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtNetwork import QLocalServer
from pytestqt.qtbot import QtBot

from channelmanager_gui.views.single_instance import (
    SingleInstance,
    ask_running_to_show,
    instance_key,
)

ROOT = Path(__file__).resolve().parent.parent.parent


def test_keys_differ_per_data_folder_and_for_the_demo(tmp_path: Path) -> None:
    one, other = tmp_path / "one", tmp_path / "other"
    assert instance_key(one) == instance_key(one)
    assert len({instance_key(one), instance_key(other), instance_key(one, demo=True)}) == 3


def test_a_second_claim_asks_the_first_to_show(qtbot: QtBot, tmp_path: Path) -> None:
    key = instance_key(tmp_path)
    first = SingleInstance(key)
    assert first.claim() is True
    try:
        with qtbot.waitSignal(first.activated, timeout=5000):
            assert SingleInstance(key).claim() is False
    finally:
        first.close()
    assert ask_running_to_show(key) is False  # closed: nobody listens any more


def test_a_socket_left_by_a_crash_is_taken_over(qtbot: QtBot, tmp_path: Path) -> None:
    key = instance_key(tmp_path)
    stale = QLocalServer()
    assert stale.listen(key)
    stale.close()  # a crashed run's name, with nobody answering
    instance = SingleInstance(key)
    try:
        assert instance.claim() is True
        with qtbot.waitSignal(instance.activated, timeout=5000):
            assert ask_running_to_show(key) is True
    finally:
        instance.close()


def test_a_second_process_brings_the_running_window_forward(qtbot: QtBot, tmp_path: Path) -> None:
    key = instance_key(tmp_path)
    first = SingleInstance(key)
    assert first.claim() is True
    script = (
        "import sys\n"
        "from PySide6.QtCore import QCoreApplication\n"
        "from channelmanager_gui.views.single_instance import SingleInstance\n"
        "app = QCoreApplication([])\n"
        "sys.exit(0 if SingleInstance(sys.argv[1]).claim() is False else 3)\n"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"}
    try:
        with qtbot.waitSignal(first.activated, timeout=30000):
            second = subprocess.Popen([sys.executable, "-c", script, key], env=env)
        assert second.wait(30) == 0
    finally:
        first.close()
