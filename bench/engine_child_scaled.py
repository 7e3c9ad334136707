"""The app's engine child with its Walmart pacing ``--speed`` times faster (``bench.gui``).

``bench.gui --speed S`` runs the sandboxes S times faster (limits × S, latencies ÷ S); the
engine child must pace its Walmart calls S times faster too, as ``open_engine(speed=S)`` does
for an in-process engine. The child builds its clients with the app's ``DEFAULT_SPACING``
(``services/engine_child.py`` takes no client options), so this process scales that table in
place before it starts the child's own ``main``: one process, one run, no other reader.

    python -m bench.engine_child_scaled --speed S --db PATH    (started by bench.gui_window)
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from bench.common import scaled_spacing
from channelmanager_gui.services import engine_child
from channelmanager_gui.services.walmart.core import DEFAULT_SPACING


def command(db_path: Path, speed: float) -> list[str]:
    """The command line ``EngineProcess`` runs in place of the app's child."""
    return [sys.executable, "-m", "bench.engine_child_scaled", "--speed", f"{speed:g}",
            "--db", str(db_path)]  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--speed", type=float, required=True)
    parser.add_argument("--db", required=True)
    args = parser.parse_args(argv)
    DEFAULT_SPACING.update(scaled_spacing(args.speed))
    return engine_child.main(["--db", args.db])


if __name__ == "__main__":
    sys.exit(main())
