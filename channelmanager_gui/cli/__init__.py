"""Console entry point ``channelmanager-gui``: the window by default, subcommands for headless use.

Exit codes mean something to scripts: 0 done; 1 failed, with a clear message on stderr; 2 usage.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence

from channelmanager_gui import __version__
from channelmanager_gui.cli import (
    common,
    listings_cmd,
    orders_cmd,
    output,
    returns_cmd,
    sandbox_cmd,
    store_cmd,
    sync_cmd,
)
from channelmanager_gui.cli.common import UsageError
from channelmanager_gui.errors import ChannelError
from channelmanager_gui.logging_setup import setup_logging
from channelmanager_gui.paths import database_path
from channelmanager_gui.platform_check import is_qt_import_error, qt_import_message

log = logging.getLogger(__name__)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="channelmanager-gui",
        description="Sell your Adobe Commerce / Magento catalog on Walmart Marketplace. "
        "Without a subcommand, opens the window.",
        epilog=f"Commands read the database {database_path()}; the demo window keeps its "
        f"own in {common.demo_database_path()} (read it with --demo before the command).",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument(
        "--demo",
        action="store_true",
        help="open the window against local sandbox servers with demo data (no real "
        "accounts); before a COMMAND: read the demo window's database instead of yours",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    sync_cmd.register(sub)
    store_cmd.register(sub)
    listings_cmd.register(sub)
    orders_cmd.register(sub)
    returns_cmd.register(sub)
    sandbox_cmd.register(sub)
    return parser


def _open_window(demo: bool, args_list: list[str]) -> int:
    """Qt is imported only for the window. When Qt itself cannot load (a system library
    missing, e.g. libEGL), say which packages to install instead of a traceback."""
    try:
        from channelmanager_gui.app import run_app
    except ImportError as exc:
        if not is_qt_import_error(exc):
            raise  # our own bug: the traceback is the useful answer
        log.error("cannot start the window: %s", exc)
        print(qt_import_message(exc), file=sys.stderr)
        return 1
    return run_app(demo=demo, argv=[sys.argv[0], *args_list])


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser()
    args = parser.parse_args(args_list)
    setup_logging(stderr=args.command is None)
    if args.command is None:
        return _open_window(args.demo, args_list)
    output.tolerant_streams()
    common.use_demo(args.demo)
    try:
        return int(args.handler(args))
    except UsageError as exc:
        parser.print_usage(sys.stderr)
        print(f"{parser.prog}: error: {exc}", file=sys.stderr)
        return 2
    except ChannelError as exc:
        log.error("%s failed: %s", args.command, exc)
        print(f"error: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
