"""The login item on each system: real files on Linux and macOS, a fake registry for Windows."""

from __future__ import annotations

import plistlib
import re
from pathlib import Path
from types import ModuleType, SimpleNamespace
from typing import Any

import pytest

from channelmanager_gui.services.autostart import (
    RUN_KEY,
    RUN_VALUE,
    Autostart,
    desktop_entry,
    exec_line,
)

COMMAND = ["/opt/Channel Manager/channelmanager"]


def _exec_of(entry: str) -> str:
    [line] = [line for line in entry.splitlines() if line.startswith("Exec=")]
    return line.removeprefix("Exec=")


def _parse_exec(value: str) -> list[str]:
    """What a desktop reads from an Exec value: the string escape undone, then the quoting
    (a backslash inside double quotes escapes the next character), then ``%%`` as ``%``."""
    line = value.replace("\\\\", "\\")
    args = re.findall(r'"((?:[^"\\]|\\.)*)"|(\S+)', line)
    unquoted = [re.sub(r"\\(.)", r"\1", quoted) if quoted else bare for quoted, bare in args]
    return [arg.replace("%%", "%") for arg in unquoted]


def test_linux_writes_and_removes_the_xdg_autostart_entry(tmp_path: Path) -> None:
    config = tmp_path / "config"
    autostart = Autostart(
        COMMAND, platform="linux", env={"XDG_CONFIG_HOME": str(config)}, home=tmp_path / "home"
    )
    assert not autostart.enabled()
    autostart.set_enabled(True)
    path = config / "autostart" / "channelmanager.desktop"
    assert autostart.enabled() and path.is_file()
    text = path.read_text(encoding="utf-8")
    assert text.startswith("[Desktop Entry]\n") and "Type=Application\n" in text
    assert _exec_of(text) == '"/opt/Channel Manager/channelmanager"'
    autostart.set_enabled(False)
    assert not path.exists() and not autostart.enabled()
    autostart.set_enabled(False)  # already off: no error


@pytest.mark.parametrize("config", ["", "relative/config"])
def test_linux_falls_back_to_dot_config_when_xdg_config_home_is_unset_or_relative(
    tmp_path: Path, config: str
) -> None:
    env = {"XDG_CONFIG_HOME": config} if config else {}
    autostart = Autostart(COMMAND, platform="linux", env=env, home=tmp_path)
    autostart.set_enabled(True)
    assert (tmp_path / ".config" / "autostart" / "channelmanager.desktop").is_file()


def test_exec_line_quotes_what_the_desktop_entry_spec_reserves() -> None:
    command = ["/usr/bin/python3", "-m", "channelmanager_gui", "50%", 'a "b" $c\\d']
    line = exec_line(command)
    assert line.startswith("/usr/bin/python3 -m channelmanager_gui 50%% ")
    assert _parse_exec(line) == command
    assert "Exec=" + line in desktop_entry(command)


def test_macos_launch_agent_runs_the_command_at_load(tmp_path: Path) -> None:
    autostart = Autostart(["/Applications/Channel Manager.app/Contents/MacOS/channelmanager"],
                          platform="darwin", home=tmp_path)  # fmt: skip
    autostart.set_enabled(True)
    path = tmp_path / "Library" / "LaunchAgents" / "com.channelmanager.desktop.plist"
    assert autostart.enabled()
    agent = plistlib.loads(path.read_bytes())
    assert agent == {
        "Label": "com.channelmanager.desktop",
        "ProgramArguments": ["/Applications/Channel Manager.app/Contents/MacOS/channelmanager"],
        "RunAtLoad": True,
        "ProcessType": "Interactive",
    }
    autostart.set_enabled(False)
    assert not path.exists()


class _FakeKey:
    def __init__(self, values: dict[str, Any]) -> None:
        self.values = values

    def __enter__(self) -> _FakeKey:
        return self

    def __exit__(self, *exc: object) -> None:
        return None


def _fake_winreg(registry: dict[str, dict[str, Any]]) -> ModuleType:
    """The part of ``winreg`` the login item uses, over a dict of HKCU's keys."""

    def open_key(root: str, sub: str) -> _FakeKey:
        assert root == "HKCU"
        if sub not in registry:
            raise FileNotFoundError(sub)
        return _FakeKey(registry[sub])

    def create_key(root: str, sub: str, reserved: int, access: int) -> _FakeKey:
        assert (root, reserved, access) == ("HKCU", 0, 2)
        return _FakeKey(registry.setdefault(sub, {}))

    def query(key: _FakeKey, name: str) -> tuple[Any, int]:
        if name not in key.values:
            raise FileNotFoundError(name)
        return key.values[name]

    def set_value(key: _FakeKey, name: str, reserved: int, kind: int, value: str) -> None:
        key.values[name] = (value, kind)

    def delete(key: _FakeKey, name: str) -> None:
        if name not in key.values:
            raise FileNotFoundError(name)
        del key.values[name]

    fake = SimpleNamespace(
        HKEY_CURRENT_USER="HKCU", KEY_SET_VALUE=2, REG_SZ=1, OpenKey=open_key,
        CreateKeyEx=create_key, QueryValueEx=query, SetValueEx=set_value, DeleteValue=delete,
    )  # fmt: skip
    return fake  # type: ignore[return-value]


def test_windows_sets_and_deletes_the_run_value() -> None:
    registry: dict[str, dict[str, Any]] = {}
    command = [r"C:\Program Files\Channel Manager\channelmanager.exe"]
    autostart = Autostart(command, platform="win32", winreg=_fake_winreg(registry))
    assert not autostart.enabled()
    autostart.set_enabled(True)
    assert registry[RUN_KEY][RUN_VALUE] == (
        r'"C:\Program Files\Channel Manager\channelmanager.exe"',
        1,
    )
    assert autostart.enabled()
    autostart.set_enabled(False)
    assert RUN_VALUE not in registry[RUN_KEY] and not autostart.enabled()
    autostart.set_enabled(False)  # already off: no error
