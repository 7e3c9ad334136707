"""``channelmanager-gui sync``: run the sync loops headless (same engine as the window)."""

from __future__ import annotations

import argparse
import sys


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser("sync", help="run the sync loops without a window")
    parser.add_argument(
        "--once",
        action="store_true",
        help="run every loop once, wait for queued actions to be sent, then exit",
    )
    parser.set_defaults(handler=_run)


def _run(args: argparse.Namespace) -> int:
    # The sync engine is built by its own issue; until it lands this command says so plainly.
    print("error: the sync engine is not part of this build yet", file=sys.stderr)
    return 1
