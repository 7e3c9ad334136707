""" "Start Channel Manager when I log in": the login item of each desktop system. Qt-free.

- Linux and other XDG desktops: ``$XDG_CONFIG_HOME/autostart/channelmanager.desktop``
  (``~/.config`` when unset or not absolute), per the XDG Autostart Specification.
- Windows: a value of ``HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Run``.
- macOS: a LaunchAgent, ``~/Library/LaunchAgents/<label>.plist`` with ``RunAtLoad``, which
  launchd reads at the next login.

The login item itself is the truth (the merchant may remove it from the system's own
settings): :meth:`Autostart.enabled` looks at it rather than at a saved setting.
"""

from __future__ import annotations

import contextlib
import os
import plistlib
import subprocess
import sys
from collections.abc import Mapping
from pathlib import Path
from types import ModuleType

DESKTOP_NAME = "channelmanager.desktop"
AGENT_LABEL = "com.channelmanager.desktop"
RUN_KEY = r"Software\Microsoft\Windows\CurrentVersion\Run"
RUN_VALUE = "ChannelManager"
# Desktop Entry Specification, "The Exec key": an argument holding one of these is quoted.
_EXEC_RESERVED = set(" \t\n\"'\\><~|&;$*?#()`")


class Autostart:
    """The login item that runs ``command`` for this user; the system is ``platform``'s."""

    def __init__(
        self,
        command: list[str],
        *,
        platform: str = sys.platform,
        env: Mapping[str, str] = os.environ,
        home: Path | None = None,
        winreg: ModuleType | None = None,
    ) -> None:
        self.command = command
        self.platform = platform
        self._env = env
        self._home = home if home is not None else Path.home()
        self._winreg = winreg

    def enabled(self) -> bool:
        if self.platform == "win32":
            return self._run_value() is not None
        return self.path().is_file()

    def set_enabled(self, on: bool) -> None:
        """Write or remove the login item; OSError when the system refuses."""
        if self.platform == "win32":
            self._set_run_value(on)
            return
        path = self.path()
        if not on:
            path.unlink(missing_ok=True)
            return
        path.parent.mkdir(parents=True, exist_ok=True)
        if self.platform == "darwin":
            path.write_bytes(launch_agent_plist(self.command))
        else:
            path.write_text(desktop_entry(self.command), encoding="utf-8")

    def path(self) -> Path:
        """The login item's file (not on Windows, where it is a registry value)."""
        if self.platform == "darwin":
            return self._home / "Library" / "LaunchAgents" / f"{AGENT_LABEL}.plist"
        config = self._env.get("XDG_CONFIG_HOME", "")
        # The XDG Base Directory spec: a relative path is invalid and must be ignored.
        base = Path(config) if config and Path(config).is_absolute() else self._home / ".config"
        return base / "autostart" / DESKTOP_NAME

    def _registry(self) -> ModuleType:
        if self._winreg is None:
            import winreg  # Windows only

            self._winreg = winreg
        return self._winreg

    def _run_value(self) -> str | None:
        reg = self._registry()
        try:
            with reg.OpenKey(reg.HKEY_CURRENT_USER, RUN_KEY) as key:
                value, _kind = reg.QueryValueEx(key, RUN_VALUE)
        except FileNotFoundError:
            return None
        return str(value)

    def _set_run_value(self, on: bool) -> None:
        reg = self._registry()
        with reg.CreateKeyEx(reg.HKEY_CURRENT_USER, RUN_KEY, 0, reg.KEY_SET_VALUE) as key:
            if on:
                # The Run key holds one command line, quoted the way Windows parses it.
                reg.SetValueEx(key, RUN_VALUE, 0, reg.REG_SZ, subprocess.list2cmdline(self.command))
                return
            with contextlib.suppress(FileNotFoundError):  # already off
                reg.DeleteValue(key, RUN_VALUE)


def desktop_entry(command: list[str]) -> str:
    """The XDG autostart entry that runs ``command``."""
    return (
        "[Desktop Entry]\n"
        "Type=Application\n"
        "Name=Channel Manager\n"
        "Comment=Sell your Adobe Commerce catalog on Walmart Marketplace\n"
        f"Exec={exec_line(command)}\n"
        "Icon=channelmanager\n"
        "Terminal=false\n"
        "X-GNOME-Autostart-enabled=true\n"
    )


def exec_line(command: list[str]) -> str:
    """``command`` as a desktop entry's Exec value: arguments with reserved characters in
    double quotes (``"``, backquote, ``$`` and backslash escaped inside), ``%`` doubled,
    then the string value's own escaping of backslashes (the spec applies both)."""
    parts = []
    for arg in command:
        arg = arg.replace("%", "%%")
        if arg and not _EXEC_RESERVED & set(arg):
            parts.append(arg)
            continue
        escaped = "".join(f"\\{char}" if char in '"`$\\' else char for char in arg)
        parts.append(f'"{escaped}"')
    return " ".join(parts).replace("\\", "\\\\")


def launch_agent_plist(command: list[str]) -> bytes:
    """The LaunchAgent that starts ``command`` at login (launchd.plist(5))."""
    return plistlib.dumps(
        {
            "Label": AGENT_LABEL,
            "ProgramArguments": list(command),
            "RunAtLoad": True,
            "ProcessType": "Interactive",
        }
    )
