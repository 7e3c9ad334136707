"""``channelmanager-gui sync``: run the sync loops headless (same engine as the window)."""

from __future__ import annotations

import argparse
import asyncio
import sys

from channelmanager_gui.models.db import open_database
from channelmanager_gui.services.engine.context import KeyringSecrets
from channelmanager_gui.services.engine.engine import RunSummary, SyncEngine


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser("sync", help="run the sync loops without a window")
    parser.add_argument(
        "--once",
        action="store_true",
        help="run every loop once, wait for queued actions to be sent, then exit "
        "(exit 1 with a summary if anything is in Error)",
    )
    parser.set_defaults(handler=_run)


def _run(args: argparse.Namespace) -> int:
    return asyncio.run(_once() if args.once else _forever())


async def _once() -> int:
    db = open_database()
    engine = SyncEngine(db, KeyringSecrets())
    try:
        await engine.open()
        summary = await engine.run_once()
    finally:
        await engine.aclose()
        db.dispose()
    _print_summary(summary)
    return 0 if summary.ok else 1


async def _forever() -> int:
    db = open_database()
    engine = SyncEngine(db, KeyringSecrets())
    try:
        await engine.open()
        print(f"Syncing {len(engine.env.stores)} store(s); press Ctrl+C to stop.", flush=True)
        await engine.run_forever()
    finally:
        await engine.aclose()
        db.dispose()
    return 0


def _print_summary(summary: RunSummary) -> None:
    if summary.ok:
        print("Sync finished: everything sent.")
        return
    print("Sync finished with problems:", file=sys.stderr)
    for line in summary.loop_errors + summary.failed_actions:
        print(f"  - {line}", file=sys.stderr)
    if summary.orders_in_error:
        print(f"  - {summary.orders_in_error} order(s) in Error", file=sys.stderr)
    if not summary.drained:
        print("  - some queued actions were not sent before the time limit", file=sys.stderr)
