"""The app starts itself again the same way from source and from the PyInstaller bundle."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from channelmanager_gui import launcher, start
from channelmanager_gui.services import engine_child
from channelmanager_gui.services.engine_process import child_command


def test_from_source_the_app_runs_again_as_python_dash_m(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delattr(sys, "frozen", raising=False)
    assert launcher.self_command("--demo") == [sys.executable, "-m", "channelmanager_gui", "--demo"]


def test_in_the_bundle_the_engine_child_is_the_bundles_executable(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """A frozen app has no ``-m``: ``sys.executable`` is the bundle's own executable."""
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", "/opt/channelmanager/channelmanager")
    db = tmp_path / "cm.sqlite3"
    assert child_command(db) == [
        "/opt/channelmanager/channelmanager", "--engine-child", "--db", str(db)
    ]  # fmt: skip
    assert launcher.self_command("--demo") == ["/opt/channelmanager/channelmanager", "--demo"]


def test_the_engine_child_argument_runs_the_child_not_the_cli(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    seen: list[list[str]] = []
    monkeypatch.setattr(engine_child, "main", lambda argv: seen.append(argv) or 7)
    assert start.main(["--engine-child", "--db", "x.sqlite3"]) == 7
    assert seen == [["--db", "x.sqlite3"]]


def test_a_real_child_started_by_its_command_reads_the_protocol(tmp_path: Path) -> None:
    """The command the window uses starts the engine child: with no start line on its stdin
    it says so and exits 2 (the CLI's argparse would have refused ``--engine-child``)."""
    done = subprocess.run(
        child_command(tmp_path / "cm.sqlite3"),
        input=b"",
        capture_output=True,
        timeout=60,
        env={**_env(), "CHANNELMANAGER_HOME": str(tmp_path)},
    )
    assert done.returncode == 2, done.stderr
    assert b"no start line from the window" in done.stderr


def test_the_version_flag_prints_the_version(capsys: pytest.CaptureFixture[str]) -> None:
    from channelmanager_gui import __version__

    with pytest.raises(SystemExit) as exit_info:
        start.main(["--version"])
    assert exit_info.value.code == 0
    assert capsys.readouterr().out.strip() == f"channelmanager-gui {__version__}"


@pytest.mark.parametrize(
    ("raw", "seconds"),
    [("15", 15.0), (" 0.5 ", 0.5), ("", None), ("0", None), ("-3", None), ("soon", None),
     ("inf", None), ("nan", None)],
)  # fmt: skip
def test_quit_after_takes_only_a_positive_number(raw: str, seconds: float | None) -> None:
    assert launcher.quit_after_seconds({launcher.QUIT_AFTER_ENV: raw}) == seconds


def _env() -> dict[str, str]:
    return {key: value for key, value in os.environ.items() if key != "PYTHONPATH"} | {
        "PYTHONPATH": str(Path(__file__).resolve().parent.parent)
    }
