"""``channelmanager-gui sandbox``: KEY=VALUE lines first, and real servers behind them.

The Amazon lines come after the first five, which stay in their order (README: ``head -5``)."""

from __future__ import annotations

import base64
import os
import signal
import subprocess
import sys
from pathlib import Path

import httpx

KEYS = [
    "WALMART_URL",
    "WALMART_CLIENT_ID",
    "WALMART_CLIENT_SECRET",
    "COMMERCE_URL",
    "COMMERCE_TOKEN",
    "AMAZON_URL",
    "AMAZON_LWA_URL",
    "AMAZON_CLIENT_ID",
    "AMAZON_CLIENT_SECRET",
    "AMAZON_REFRESH_TOKEN",
    "AMAZON_SELLER_ID",
]


def test_sandbox_prints_keys_first_and_serves_both_apis(cm_home: Path) -> None:
    env = {**os.environ, "CHANNELMANAGER_HOME": str(cm_home)}
    proc = subprocess.Popen(
        [sys.executable, "-m", "channelmanager_gui", "sandbox", "--seed", "3", "--products", "50"],
        stdout=subprocess.PIPE,
        text=True,
        env=env,
    )
    try:
        assert proc.stdout is not None
        lines = [proc.stdout.readline().strip() for _ in KEYS]
        values = dict(line.split("=", 1) for line in lines)
        assert list(values) == KEYS  # in this order, before anything else
        token = httpx.post(
            f"{values['WALMART_URL']}/v3/token",
            data={"grant_type": "client_credentials"},
            headers={
                "Authorization": "Basic "
                + base64.b64encode(
                    f"{values['WALMART_CLIENT_ID']}:{values['WALMART_CLIENT_SECRET']}".encode()
                ).decode(),
                "WM_SVC.NAME": "Walmart Marketplace",
                "WM_QOS.CORRELATION_ID": "test-1",
                "Accept": "application/json",
            },
        )
        assert token.status_code == 200 and token.json()["access_token"]
        products = httpx.get(
            f"{values['COMMERCE_URL']}/rest/V1/products",
            params={"searchCriteria[pageSize]": 5, "searchCriteria[currentPage]": 1},
            headers={"Authorization": f"Bearer {values['COMMERCE_TOKEN']}"},
        )
        assert products.status_code == 200 and products.json()["total_count"] == 50
        lwa = httpx.post(
            values["AMAZON_LWA_URL"],
            data={
                "grant_type": "refresh_token",
                "refresh_token": values["AMAZON_REFRESH_TOKEN"],
                "client_id": values["AMAZON_CLIENT_ID"],
                "client_secret": values["AMAZON_CLIENT_SECRET"],
            },
        )
        assert lwa.status_code == 200
        sellers = httpx.get(
            f"{values['AMAZON_URL']}/sellers/v1/marketplaceParticipations",
            headers={"x-amz-access-token": lwa.json()["access_token"]},
        )
        assert sellers.status_code == 200 and sellers.json()["payload"]
    finally:
        proc.send_signal(signal.SIGINT)
        assert proc.wait(timeout=20) == 0


def test_sandbox_realistic_profile_at_a_speed(cm_home: Path) -> None:
    """Issue 19's switches from the command line: the profile's latencies over the speed, and
    Walmart's limits times the speed (the bench reads the two lines after the keys)."""
    env = {**os.environ, "CHANNELMANAGER_HOME": str(cm_home)}
    args = ["sandbox", "--products", "20", "--orders", "0", "--profile", "realistic",
            "--speed", "4", "--feed-seconds", "60"]  # fmt: skip
    proc = subprocess.Popen(
        [sys.executable, "-m", "channelmanager_gui", *args], stdout=subprocess.PIPE, text=True,
        env=env,
    )  # fmt: skip
    try:
        assert proc.stdout is not None
        lines = [proc.stdout.readline().strip() for _ in range(len(KEYS) + 2)]
        values = dict(line.split("=", 1) for line in lines)
        assert values["SANDBOX_PROFILE"] == "realistic" and values["SANDBOX_SPEED"] == "4"
        walmart = httpx.get(f"{values['WALMART_URL']}/_sandbox/faults").json()
        assert (walmart["latency_ms"], walmart["speed"]) == (80.0, 4.0)
        commerce = httpx.get(f"{values['COMMERCE_URL']}/_sandbox/faults").json()
        assert commerce["latency_ms"] == 150.0 and 1500.0 in commerce["route_latency_ms"].values()
        stats = httpx.get(f"{values['WALMART_URL']}/_sandbox/stats").json()
        assert stats["feed_seconds"] == 15.0  # --feed-seconds 60 at speed 4
    finally:
        proc.send_signal(signal.SIGINT)
        proc.wait(timeout=20)
