"""The app's engine child for sandboxes run ``--speed`` times faster (started by the window
processes of ``bench.idle --app`` and ``bench.gui --speed``; not run by hand).

The app's own child (``services/engine_child.py``) with one difference: its engine paces its
calls as the app does, ``speed`` times faster (``scaled_client_options``,
``scale_capabilities``), for sandboxes run ``speed`` times faster. At speed 1 the bench starts
the app's child itself.

    python -m bench.engine_child_scaled --speed S --db PATH
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from bench.common import scale_capabilities, scaled_client_options
from channelmanager_gui.services import engine_child
from channelmanager_gui.services.engine.engine import SyncEngine


def scaled_engine(speed: float) -> type[SyncEngine]:
    """A :class:`SyncEngine` that paces its clients at ``speed``."""

    class Scaled(SyncEngine):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, client_options=scaled_client_options(speed), **kwargs)

        async def open(self) -> None:
            await super().open()
            scale_capabilities(self, speed)

    return Scaled


def command(speed: float, db_path: str) -> list[str]:
    return [
        sys.executable,
        "-m",
        "bench.engine_child_scaled",
        "--speed",
        f"{speed:g}",
        "--db",
        db_path,
    ]


def main() -> int:
    parser = argparse.ArgumentParser(
        description="the app's engine child, paced for faster sandboxes (internal)"
    )
    parser.add_argument("--speed", type=float, required=True)
    args, rest = parser.parse_known_args()
    engine_child.SyncEngine = scaled_engine(args.speed)  # type: ignore[misc]
    return engine_child.main(rest)


if __name__ == "__main__":
    sys.exit(main())
