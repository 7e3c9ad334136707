"""Say which system packages are missing when Qt cannot start, instead of a crash.

Qt 6 needs several xcb helper libraries that many Linux installs lack (most often
``libxcb-cursor0`` since Qt 6.5). Without them Qt prints "could not load the Qt platform plugin
'xcb'" and aborts the process, which a merchant cannot act on. Earlier still, importing
PySide6's QtGui fails with an ImportError when a library it links against is missing (libEGL on
a minimal server or container). Standard library only, so the command line can use it when
PySide6 itself cannot be imported.
"""

from __future__ import annotations

import ctypes.util
import os
import re
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


# Libraries PySide6's QtGui/QtWidgets link against that minimal installs lack, as the dynamic
# loader names them in the ImportError → the Debian/Ubuntu package providing them.
QT_LINKED_LIBRARIES = {
    "libEGL.so.1": "libegl1",
    "libGL.so.1": "libgl1",
    "libOpenGL.so.0": "libopengl0",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libfontconfig.so.1": "libfontconfig1",
    "libfreetype.so.6": "libfreetype6",
    "libglib-2.0.so.0": "libglib2.0-0",
    "libgthread-2.0.so.0": "libglib2.0-0",
    "libdbus-1.so.3": "libdbus-1-3",
    "libX11.so.6": "libx11-6",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libxcb.so.1": "libxcb1",
}
QT_PACKAGES = ("PySide6", "shiboken6", "qasync")
HEADLESS_NOTE = "The command line (channelmanager-gui sync, store, orders, …) works without them."


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


def missing_packages_message(packages: list[str], need: str = "to draw on this X11 display") -> str:
    """What to tell the merchant (or their administrator), with the command that fixes it."""
    names = " ".join(packages)
    return (
        f"Channel Manager cannot open its window: the system is missing libraries Qt needs "
        f"{need} ({names}).\n"
        f"On Debian or Ubuntu install them with:\n    sudo apt-get install {names}\n"
        "On other distributions install the packages providing the same libraries."
    )


def is_qt_import_error(exc: ImportError) -> bool:
    """Whether the import that failed is Qt's (PySide6, shiboken6, qasync), not our own code."""
    return (exc.name or "").split(".", 1)[0] in QT_PACKAGES


def qt_import_message(exc: ImportError, missing_xcb: list[str] | None = None) -> str:
    """The message for an ImportError of PySide6: the Debian packages of the library the
    loader could not find (and of any missing xcb library), else how to reinstall PySide6."""
    found = re.search(r"(lib[\w.+-]+?\.so(?:\.\d+)*)", str(exc))
    library = found.group(1) if found else ""
    packages = [QT_LINKED_LIBRARIES[library]] if library in QT_LINKED_LIBRARIES else []
    extra = missing_xcb_packages() if missing_xcb is None else missing_xcb
    packages = list(dict.fromkeys([*packages, *extra]))
    if packages:
        message = missing_packages_message(packages, need="to start")
        return f"{message}\n{HEADLESS_NOTE}\n(Qt said: {exc})"
    return (
        f"Channel Manager cannot open its window: Qt (PySide6) could not be loaded ({exc}).\n"
        "If that names a missing system library (lib….so), install the package providing it; "
        "otherwise reinstall PySide6 where Channel Manager is installed:\n"
        "    pip install --force-reinstall pyside6\n"
        "The command line (channelmanager-gui sync, store, orders, …) works without Qt."
    )
