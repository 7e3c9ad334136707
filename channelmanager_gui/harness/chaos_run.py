"""The long chaos run, from the command line (docs/reliability.md):

    python -m channelmanager_gui.harness.chaos_run --orders 1000

Starts both sandboxes on loopback and a fresh database in a temporary directory (or ``--dir``),
runs :func:`channelmanager_gui.harness.chaos.run_chaos`, prints the figures (orders, merchant
actions, faults injected by kind, invariant violations) as text or ``--json``, and exits 1 when
an invariant is violated. Nothing touches the user's own data directory or keyring: the store's
secrets are the sandboxes' throwaway credentials, kept in memory.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import logging
import os
import sys
import tempfile
from pathlib import Path

from channelmanager_gui.harness import chaos
from channelmanager_gui.models.db import open_database
from channelmanager_gui.sandbox.pair import start_pair


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    defaults = chaos.ChaosPlan()
    parser = argparse.ArgumentParser(prog="python -m channelmanager_gui.harness.chaos_run")
    parser.add_argument("--orders", type=int, default=1000)
    parser.add_argument("--fault-rate", type=float, default=defaults.fault_rate,
                        help="500s, dropped connections and malformed bodies (each)")  # fmt: skip
    parser.add_argument("--throttle-rate", type=float, default=0.005,
                        help="share of requests that start a 429 storm")  # fmt: skip
    parser.add_argument("--rounds", type=int, default=defaults.rounds)
    parser.add_argument("--seed", type=int, default=defaults.seed)
    parser.add_argument("--dir", type=Path, help="keep the database and log here")
    parser.add_argument("--json", action="store_true", help="figures as JSON")
    return parser.parse_args(argv)


async def _run(args: argparse.Namespace, home: Path) -> chaos.ChaosResult:
    plan = chaos.ChaosPlan(
        orders=args.orders,
        fault_rate=args.fault_rate,
        throttle_rate=args.throttle_rate,
        rounds=args.rounds,
        seed=args.seed,
        drain_timeout=3600.0,
    )
    pair = start_pair(seed=plan.seed, products=300, orders=0, rate_limit_scale=0)
    db = open_database(home / "chaos.sqlite3")
    try:
        store_id = chaos.add_sandbox_store(db, pair)
        skus = chaos.orderable_skus(pair)
        engine = await chaos.open_engine(db, pair, store_id)
        try:
            return await chaos.run_chaos(pair, db, engine, plan, skus)
        finally:
            await engine.aclose()
    finally:
        db.dispose()
        pair.stop()


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    home = args.dir or Path(tempfile.mkdtemp(prefix="cm-chaos-"))
    home.mkdir(parents=True, exist_ok=True)
    os.environ["CHANNELMANAGER_HOME"] = str(home)  # backups and logs stay in the run's dir
    logging.basicConfig(filename=home / "chaos.log", level=logging.WARNING, force=True)
    result = asyncio.run(_run(args, home))
    if args.json:
        figures = {
            "orders": len(result.purchase_order_ids),
            "seconds": round(result.seconds, 1),
            "actions": dict(result.actions),
            "faults": result.faults,
            "violations": result.report.violations,
            "in_error": result.report.in_error,
        }
        print(json.dumps(figures, indent=2))
    else:
        print(result.summary())
        print(f"database and log: {home}")
    return 0 if result.report.ok else 1


if __name__ == "__main__":
    sys.exit(main())
