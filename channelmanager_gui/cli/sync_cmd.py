"""``channelmanager-gui sync``: run the sync loops headless (same engine as the window's sync
process, publishing its changes in the database so an open window shows them), and
``sync status``: what the loops and the outbox are doing, read from the database so it works
from any process (``services/status_snapshot.py``)."""

from __future__ import annotations

import argparse
import sys

from channelmanager_gui.cli import output
from channelmanager_gui.cli.common import database, database_file, database_note, open_cli_database
from channelmanager_gui.services import change_log, event_loop
from channelmanager_gui.services.engine.engine import RunSummary, SyncEngine
from channelmanager_gui.services.secret_sources import KeyringSecrets
from channelmanager_gui.services.status_snapshot import read_status, record_board

LOOP_COLUMNS = [
    ("name", "Loop"), ("state", "State"), ("last_run", "Last run"), ("next_run", "Next run"),
    ("last_error", "Last error"),
]  # fmt: skip


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser("sync", help="run the sync loops without a window")
    parser.add_argument(
        "--once",
        action="store_true",
        help="run every loop once, wait for queued actions to be sent, then exit "
        "(exit 1 with a summary if anything is in Error)",
    )
    parser.set_defaults(handler=_run)
    actions = parser.add_subparsers(dest="sync_action", metavar="ACTION")
    status = actions.add_parser(
        "status", help="per-loop state, last and next run, last error, queued actions"
    )
    status.add_argument("--json", action="store_true", help="JSON output for scripts")
    status.set_defaults(handler=_status)


def _run(args: argparse.Namespace) -> int:
    return event_loop.run(_once() if args.once else _forever())


async def _once() -> int:
    db = open_cli_database()
    engine = SyncEngine(db, KeyringSecrets(), changes=change_log.bus(db))
    stop_recording = record_board(db, engine.board)
    try:
        await engine.open()
        summary = await engine.run_once()
    finally:
        await engine.aclose()
        stop_recording()
        db.dispose()
    _print_summary(summary)
    return 0 if summary.ok else 1


async def _forever() -> int:
    db = open_cli_database()
    engine = SyncEngine(db, KeyringSecrets(), changes=change_log.bus(db))
    stop_recording = record_board(db, engine.board)
    try:
        await engine.open()
        print(f"Syncing {len(engine.env.stores)} store(s); press Ctrl+C to stop.", flush=True)
        await engine.run_forever()
    finally:
        await engine.aclose()
        stop_recording()
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


def _status(args: argparse.Namespace) -> int:
    with database() as db:
        status = read_status(db)
    if args.json:
        output.print_json({**status, "database": str(database_file())})
        return 0
    print(database_note())
    if status["updated_at"] is None:
        print("The sync has not run yet.")
    else:
        running = "running" if status["running"] else "not running"
        if status["stopped_unexpectedly"]:
            running += " (it stopped without saying so)"
        paused = ", paused" if status["paused"] else ""
        print(f"Sync {running}{paused}; last report {output.cell(status['updated_at'])}.")
        print(output.table(status["loops"], LOOP_COLUMNS))
    queue = status["queue"]
    print(
        f"Queued actions: {queue['pending']} waiting, {queue['running']} being sent, "
        f"{queue['error']} failed."
    )
    for action in queue["failed"]:
        print(f"  - {action['kind']} {action['subject']}: {action['last_error']}")
    return 0
