"""Smoke runs of every benchmark at a tiny size, so they keep working as the code moves.

Each runs as the user would (``python -m bench.<name>``, its own sandbox process) and writes its
figures as JSON; the tests check that the work was done (orders linked, changes accepted, events
seen) and that the figures are there. Never how fast: timing belongs to the benchmarks.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from bench.common import growth, machine_facts, percentile
from bench.push_bound import push_bound

ROOT = Path(__file__).resolve().parents[1]


def run_bench(name: str, tmp_path: Path, *args: str) -> dict[str, Any]:
    out = tmp_path / f"{name}.json"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, "-m", f"bench.{name}", *args, "--json", str(out)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=240,
    )
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    assert "machine:" in done.stdout
    data: dict[str, Any] = json.loads(out.read_text())
    assert data["machine"]["cores"]
    return data


def test_machine_facts_and_helpers() -> None:
    facts = machine_facts()
    assert {"cpu", "cores", "ram_gb", "python", "os"} <= facts.keys()
    assert percentile([float(n) for n in range(1, 51)], 95) == 48.0
    assert percentile([3.0], 50) == 3.0
    [line] = growth([1000, 10000], [1.0, 20.0])
    assert "×2.00 of linear" in line


@pytest.mark.timeout(300)
def test_orders_throughput_smoke(tmp_path: Path) -> None:
    [result] = run_bench("orders_throughput", tmp_path, "--orders", "20")["orders_throughput"]
    assert result["linked_in_commerce"] == 20
    assert result["drained"] and result["loop_errors"] == 0
    assert result["orders_per_s"] > 0 and result["cpu_ms_per_order"] > 0


@pytest.mark.timeout(300)
def test_catalog_push_smoke(tmp_path: Path) -> None:
    data = run_bench("catalog_push", tmp_path, "--listings", "300", "--changed", "0.2")
    [result] = data["catalog_push"]
    assert result["detected_price"] == result["price_changes"] == 30
    assert result["detected_stock"] == result["stock_changes"] == 30
    # 30 prices (over 20): a bulk feed; 30 stock changes go as single updates (up to 100)
    assert result["feeds"] >= 1 and result["push_wall_s"] > 0


@pytest.mark.timeout(300)
def test_catalog_push_realistic_smoke(tmp_path: Path) -> None:
    """Published limits, the realistic profile (a feed processed in 20 s ÷ 10 here) and the
    app's pacing, ten times faster: every change reaches Walmart, with the bound next to it."""
    data = run_bench("catalog_push", tmp_path, "--listings", "300", "--changed", "0.2",
                     "--speed", "10", "--feed-seconds", "20")  # fmt: skip
    [result] = data["catalog_push"]
    assert result["detected_price"] == result["price_changes"] == 30
    assert result["detected_stock"] == result["stock_changes"] == 30
    assert result["speed"] == 10 and result["feed_seconds"] == 2.0
    assert result["bound_s"] > 0 and result["push_ratio"] > 0 and result["http_429"] == 0


def test_push_bound_takes_the_fastest_way_within_the_published_limits() -> None:
    # 100,000 listings, 10 % changed, 5-minute feeds: 5 price feeds and 1 inventory feed go at
    # once (10 an hour each); 5,000 singles would take hours (price) or 24 minutes (stock).
    bound, via = push_bound(5000, 5000, feed_s=300.0, speed=1)
    assert bound == pytest.approx(300 + 2 * 0.08) and via.endswith("stock: 0 singles + 1 feeds")
    assert push_bound(5000, 5000, feed_s=30.0, speed=10)[0] == pytest.approx(30.016)
    # what the hour's buckets hold goes as singles: 100 prices, 200 stock updates
    assert push_bound(100, 200, feed_s=300.0, speed=1)[0] == pytest.approx(0.08)
    # 300 stock changes: 100 past the minute's 200, at 200 a minute (30 s), beat a feed
    assert push_bound(0, 300, feed_s=300.0, speed=1)[0] == pytest.approx(30.08)
    # 12 price feeds: two past the hour's ten, the last 720 s later
    assert push_bound(12_000, 0, feed_s=300.0, speed=1)[0] == pytest.approx(720 + 300.16)


@pytest.mark.timeout(300)
def test_latency_smoke(tmp_path: Path) -> None:
    data = run_bench("latency", tmp_path, "--events", "2", "--interval", "1", "--gap", "0.2",
                     "--timeout", "60", "--speed", "10")  # fmt: skip
    result = data["latency"]
    for kind in ("price", "stock", "order", "ship"):
        assert result[f"{kind}_events"] == 2, result
        assert result[f"{kind}_lost"] == 0
    assert result["all_p95_s"] >= result["all_p50_s"] > 0
    assert result["speed"] == 10 and result["http_429"] == 0


@pytest.mark.timeout(300)
def test_gui_smoke(tmp_path: Path) -> None:
    data = run_bench("gui", tmp_path, "--listings", "300", "--orders", "300",
                     "--new-orders", "5", "--sync-seconds", "2")  # fmt: skip
    result = data["gui"]
    assert result["orders_rows"] == 300 and result["listings_rows"] == 300
    for key in ("orders_open_ms", "listings_search_ms", "stall_max_ms", "cold_start_ms"):
        assert result[key] > 0
    assert result["peak_rss_mb"] > 0


@pytest.mark.timeout(300)
def test_gui_realistic_smoke(tmp_path: Path) -> None:
    """The window measured while its engine child syncs under the published limits and the
    realistic profile, ten times faster (pacing and intervals too): the tables are timed while
    it syncs (the new orders may be in them), which imports and acknowledges them."""
    data = run_bench("gui", tmp_path, "--listings", "300", "--orders", "300",
                     "--new-orders", "5", "--sync-seconds", "8", "--speed", "10")  # fmt: skip
    result = data["gui"]
    assert 300 <= result["orders_rows"] <= 305 and result["listings_rows"] == 300
    assert result["orders_imported_by_sync"] == result["orders_acknowledged_by_sync"] == 5
    assert result["speed"] == 10 and result["http_429"] == 0
    assert result["stall_max_ms"] > 0 and result["engine_peak_rss_mb"] > 0


def test_change_delivery_bench_sees_every_change(tmp_path: Path) -> None:
    data = run_bench("change_delivery", tmp_path, "--events", "3", "--interval-ms", "20",
                     "--gap", "0.05")["change_delivery"]  # fmt: skip
    assert data["events"] == data["seen"] == 3
    assert data["idle_poll_us"] > 0


@pytest.mark.timeout(300)
def test_burst_smoke(tmp_path: Path) -> None:
    data = run_bench("burst", tmp_path, "--orders", "10", "--events", "1", "--speed", "60",
                     "--interval", "1")  # fmt: skip
    result = data["burst"]
    assert result["acknowledged_s"] > 0 and result["in_commerce_s"] > 0  # every order got there
    assert result["speed"] == 60 and result["bound_s"] > 0
    for phase in ("quiet", "burst"):
        for kind in ("price", "stock", "ship"):
            assert result[f"{phase}_{kind}_lost"] == 0, result
            assert result[f"{phase}_{kind}_p95_s"] > 0


@pytest.mark.timeout(300)
def test_idle_smoke(tmp_path: Path) -> None:
    data = run_bench("idle", tmp_path, "--listings", "300", "--minutes", "0.1", "--warmup", "3",
                     "--speed", "10")  # fmt: skip
    [result] = data["idle"]
    assert result["listings"] == 300 and result["speed"] == 10
    assert result["cpu_share_of_core"] > 0 and result["commerce_rpm"] > 0  # the loops polled
    assert result["http_429"] == 0


@pytest.mark.timeout(300)
def test_idle_amazon_smoke(tmp_path: Path) -> None:
    data = run_bench("idle", tmp_path, "--listings", "50", "--minutes", "0.1", "--warmup", "3",
                     "--speed", "10", "--amazon")  # fmt: skip
    [result] = data["idle"]
    assert result["amazon"] and not result["app"] and result["queued_when_watched"] >= 0
    assert result["amazon_warmup_requests"] > 0  # the Amazon account was synced
    assert result["amazon_rpm"] >= 0 and result["busiest_amazon_share"] >= 0
    assert result["cpu_share_of_core"] > 0 and result["commerce_rpm"] > 0


@pytest.mark.timeout(300)
def test_idle_app_smoke(tmp_path: Path) -> None:
    """The real app: its window process and the engine child it starts, each one's CPU."""
    data = run_bench("idle", tmp_path, "--listings", "50", "--minutes", "0.1", "--warmup", "3",
                     "--speed", "10", "--app", "--amazon")  # fmt: skip
    [result] = data["idle"]
    assert result["app"] and result["amazon"]
    assert result["window_warmup_cpu_s"] > 0 and result["engine_warmup_cpu_s"] > 0
    assert result["window_cpu_share_of_core"] >= 0 and result["engine_cpu_share_of_core"] >= 0
    assert result["app_cpu_share_of_core"] >= result["engine_cpu_share_of_core"]
    assert result["commerce_rpm"] > 0 and result["amazon_warmup_requests"] > 0  # it synced
    assert result["http_429"] >= 0 and result["amazon_http_429"] >= 0


@pytest.mark.timeout(300)
def test_marketplace_push_smoke(tmp_path: Path) -> None:
    data = run_bench("marketplace_push", tmp_path, "--singles", "3", "--feed", "20")
    for name in ("walmart", "amazon"):
        figures = data[name]
        assert figures["singles"] == 3 and figures["feed_skus"] == 20
        assert figures["feed_applied_seconds"] >= figures["feed_processed_seconds"] > 0
        assert figures["throttled_429"] == 0


@pytest.mark.timeout(300)
def test_amazon_orders_smoke(tmp_path: Path) -> None:
    data = run_bench("amazon_orders", tmp_path, "--orders", "10", "--events", "1",
                     "--speed", "10")  # fmt: skip
    result = data["amazon_orders"]
    assert result["in_commerce_s"] > 0 and result["bound_s"] > 0  # every order got there
    assert result["speed"] == 10 and result["http_429"] == 0
    for phase in ("quiet", "burst"):
        assert result[f"{phase}_ship_lost"] == 0, result
        assert result[f"{phase}_ship_p95_s"] > 0
