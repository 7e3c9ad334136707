"""How the app starts, and how it starts itself again: from source or from the app bundle.

From source the app runs as ``python -m channelmanager_gui``. In the bundle built by
``packaging/build.sh`` (PyInstaller) there is no Python to pass ``-m`` to: ``sys.executable``
is the bundle's own executable, which runs :func:`main` whatever its arguments. So every
process the app starts of itself (the sync engine child, the demo relaunch, the login item)
is started through :func:`self_command`, and the engine child is selected by a first argument
(:data:`ENGINE_CHILD_ARG`, read by ``channelmanager_gui.start``) that the merchant's command
line never uses. Qt-free, and imports nothing of the app: the core imports it.
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Mapping

ENGINE_CHILD_ARG = "--engine-child"  # internal: not in --help, the window passes it
# Undocumented, for the bundle's smoke test (packaging/smoke.sh): the window quits by itself,
# through its ordinary shutdown, this many seconds after it shows.
QUIT_AFTER_ENV = "CHANNELMANAGER_QUIT_AFTER"
log = logging.getLogger(__name__)


def is_frozen() -> bool:
    """True inside the PyInstaller bundle (its bootloader sets ``sys.frozen``)."""
    return bool(getattr(sys, "frozen", False))


def self_command(*args: str) -> list[str]:
    """The command line that runs this app again with ``args``."""
    if is_frozen():
        return [sys.executable, *args]
    return [sys.executable, "-m", "channelmanager_gui", *args]


def quit_after_seconds(env: Mapping[str, str] = os.environ) -> float | None:
    """The seconds in ``$CHANNELMANAGER_QUIT_AFTER``; None when unset or not a positive number
    (logged: a typo must not leave a smoke test's window running for ever unnoticed)."""
    raw = env.get(QUIT_AFTER_ENV, "").strip()
    if not raw:
        return None
    try:
        seconds = float(raw)
    except ValueError:
        seconds = -1.0
    if not 0 < seconds < float("inf"):
        log.warning("%s=%r is not a positive number of seconds: ignored", QUIT_AFTER_ENV, raw)
        return None
    return seconds
