"""Say which system packages are missing before Qt's xcb plugin aborts cryptically.

Qt 6 needs several xcb helper libraries that many Linux installs lack (most often
``libxcb-cursor0`` since Qt 6.5). Without them Qt prints "could not load the Qt platform plugin
'xcb'" and aborts the process, which a merchant cannot act on. Standard library only, so it can
run before anything creates a QApplication.
"""

from __future__ import annotations

import ctypes.util
import os
import sys
from collections.abc import Callable, Mapping

# Library name as ctypes.util.find_library knows it → the Debian/Ubuntu package providing it.
# From `readelf -d` of PySide6's libqxcb.so and libQt6XcbQpa.so.6.
XCB_LIBRARIES = {
    "xcb-cursor": "libxcb-cursor0",
    "xkbcommon-x11": "libxkbcommon-x11-0",
    "xcb-icccm": "libxcb-icccm4",
    "xcb-keysyms": "libxcb-keysyms1",
    "xcb-image": "libxcb-image0",
    "xcb-render-util": "libxcb-render-util0",
    "xcb-shape": "libxcb-shape0",
    "xcb-randr": "libxcb-randr0",
    "EGL": "libegl1",
}


def uses_xcb(env: Mapping[str, str], platform: str = sys.platform) -> bool:
    """Whether Qt will load its xcb plugin: on Linux, when asked to or when nothing else fits.

    An unset QT_QPA_PLATFORM in a Wayland session makes Qt pick its Wayland plugin.
    """
    if not platform.startswith("linux"):
        return False
    requested = env.get("QT_QPA_PLATFORM", "").split(":", 1)[0].split(";", 1)[0]
    if requested:
        return requested == "xcb"
    return not env.get("WAYLAND_DISPLAY")


def missing_xcb_packages(
    env: Mapping[str, str] | None = None,
    find_library: Callable[[str], str | None] = ctypes.util.find_library,
    platform: str = sys.platform,
) -> list[str]:
    """Debian package names of the missing libraries, [] when nothing is missing or not needed."""
    if not uses_xcb(os.environ if env is None else env, platform):
        return []
    return [package for lib, package in XCB_LIBRARIES.items() if find_library(lib) is None]


def missing_packages_message(packages: list[str]) -> str:
    """What to tell the merchant (or their administrator), with the command that fixes it."""
    names = " ".join(packages)
    return (
        "Channel Manager cannot open its window: the system is missing libraries Qt needs "
        f"to draw on this X11 display ({names}).\n"
        f"On Debian or Ubuntu install them with:\n    sudo apt-get install {names}\n"
        "On other distributions install the packages providing the same libraries."
    )
