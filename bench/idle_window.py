"""The window process of ``bench.idle --app`` (started by it; not run by hand).

The real app (``run_app``, as ``python -m channelmanager_gui`` runs it) on the bench's data
dir: its main window shown on the page it opens with, its database watch polling, its engine
in the child process it starts. Secrets come from an in-memory keyring filled with the
sandboxes' (the bench must not touch the machine's keyring). At ``speed`` other than 1 the
engine child is ``bench/engine_child_scaled.py``: the app's child with its pacing scaled. The bench
reads both processes' CPU from ``/proc`` and stops the app with SIGTERM (a clean quit).

Reads ``{"keyring": {user name: secret}, "speed": S}`` on stdin.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from bench.engine_child_scaled import command
from bench.gui_coldstart import use_memory_keyring


def main() -> int:
    spec = json.loads(sys.stdin.readline())
    use_memory_keyring(spec["keyring"])
    speed = float(spec["speed"])
    from channelmanager_gui import app as app_module
    from channelmanager_gui.services import engine_process

    if speed != 1:
        engine_process.child_command = lambda db_path: command(speed, str(Path(db_path)))  # type: ignore[assignment]
    return app_module.run_app(demo=False, argv=sys.argv[:1])


if __name__ == "__main__":
    sys.exit(main())
