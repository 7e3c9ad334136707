"""How a change made in another process reaches the window, and what watching costs.

The window learns of the sync process's and the command line's writes from the database
(``services/change_log.py``, ``services/db_watch.py``): a publisher bumps a counter per change
kind after its commit; the window polls ``PRAGMA data_version`` on a timer and reads the
counters when it moved. This measures, on a throwaway database:

- the CPU of one idle poll (nothing committed since the last), and of a poll that finds a
  publication (reads the counters and publishes on the bus);
- the CPU of one publication (the publisher's extra transaction);
- the latency from a publication committed in another process (as a CLI command or the sync
  child does) to the window's bus, with the window polling every ``--interval-ms``;
- the window's CPU share spent polling at that interval when nothing happens.

    .venv/bin/python -m bench.change_delivery --events 40 --interval-ms 100
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from bench.common import bench_home, machine_facts, median, percentile, print_result
from channelmanager_gui.models.db import open_database
from channelmanager_gui.services import change_log
from channelmanager_gui.services.changes import Change, ChangeBus, Changes
from channelmanager_gui.services.db_watch import DatabaseWatch

# The other process: publish ``events`` times at uneven gaps; print when each committed.
PUBLISHER = """
import random, sys, time
from pathlib import Path
from channelmanager_gui.models.db import open_database
from channelmanager_gui.services import change_log
from channelmanager_gui.services.changes import Change, Changes
db = open_database(Path(sys.argv[1]))
rng = random.Random(1)
print("ready", flush=True)
for _ in range(int(sys.argv[2])):
    time.sleep(float(sys.argv[3]) * (0.5 + rng.random()))
    change_log.publish(db, Changes.of(Change.ORDERS))
    print(time.time(), flush=True)
db.dispose()
"""


def _cpu_per_call(call: Any, count: int) -> float:
    start = time.process_time()
    for _ in range(count):
        call()
    return (time.process_time() - start) / count


def measure(events: int, interval_ms: int, gap: float) -> dict[str, Any]:
    db = open_database()
    seen_at: list[float] = []
    bus = ChangeBus()
    bus.subscribe(lambda _kinds: seen_at.append(time.time()))
    watch = DatabaseWatch(db.path, bus)
    one = Changes.of(Change.LISTINGS)
    try:
        idle_poll = _cpu_per_call(watch.poll, 20_000)
        publish = _cpu_per_call(lambda: change_log.publish(db, one), 500)

        def publish_then_poll() -> None:
            change_log.publish(db, one)
            watch.poll()

        found_poll = _cpu_per_call(publish_then_poll, 500) - publish
        seen_at.clear()
        other = subprocess.Popen(
            [sys.executable, "-c", PUBLISHER, str(db.path), str(events), str(gap)],
            stdout=subprocess.PIPE,
            text=True,
        )
        assert other.stdout is not None
        assert other.stdout.readline().strip() == "ready"
        cpu0, wall0 = time.process_time(), time.monotonic()
        while other.poll() is None:
            watch.poll()
            time.sleep(interval_ms / 1000)
        watch.poll()
        cpu_share = (time.process_time() - cpu0) / (time.monotonic() - wall0)
        published = [float(line) for line in other.stdout.read().split()]
    finally:
        watch.close()
        db.dispose()
    latencies = [
        min(t for t in seen_at if t >= sent) - sent
        for sent in published
        if any(t >= sent for t in seen_at)
    ]
    return {
        "events": len(published),
        "seen": len(latencies),
        "interval_ms": interval_ms,
        "idle_poll_us": idle_poll * 1e6,
        "poll_finding_a_change_us": found_poll * 1e6,
        "publish_us": publish * 1e6,
        "latency_median_ms": median(latencies) * 1000 if latencies else float("nan"),
        "latency_p95_ms": percentile(latencies, 95) * 1000 if latencies else float("nan"),
        "latency_max_ms": max(latencies) * 1000 if latencies else float("nan"),
        "window_cpu_share_while_polling": cpu_share,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--events", type=int, default=40)
    parser.add_argument("--interval-ms", type=int, default=100)
    parser.add_argument("--gap", type=float, default=0.25, help="mean seconds between events")
    parser.add_argument("--json", type=Path)
    args = parser.parse_args(argv)
    with bench_home():
        figures = measure(args.events, args.interval_ms, args.gap)
    print_result(
        "change delivery (database change log, data_version poll)",
        figures,
        {"latency_p95_ms": f"≤ {args.interval_ms + 50} (one poll period)"},
    )
    if args.json:
        data = {"change_delivery": figures, "machine": machine_facts()}
        args.json.write_text(json.dumps(data, indent=2))
    return 0 if figures["seen"] == figures["events"] else 1


if __name__ == "__main__":
    sys.exit(main())
