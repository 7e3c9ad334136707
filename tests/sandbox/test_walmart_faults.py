"""Fault switches, rate limits and the admin stats (reference §10–§11, sandbox/faults.py)."""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator

import httpx
import pytest

from channelmanager_gui.sandbox.faults import FaultConfig
from channelmanager_gui.sandbox.walmart import WalmartSandbox
from tests.sandbox.conftest import WalmartClient


@pytest.fixture
def faulty() -> Iterator[WalmartClient]:
    faults = FaultConfig(seed=1)
    with WalmartSandbox(seed=5, orders=5, rate_limit_scale=0, faults=faults) as sandbox:
        client = WalmartClient(sandbox)
        client.new_token()
        yield client
        client.http.close()


def test_error_rate_gives_walmart_shaped_500(faulty):
    faulty.admin("PUT", "/faults", json={"error_rate": 1.0})
    r = faulty.get("/v3/orders")
    assert r.status_code == 500
    err = r.json()["errors"]["error"][0]
    assert err["code"] == "SYSTEM_ERROR.GMP_GATEWAY_API" and err["category"] == "SYSTEM"
    assert faulty.admin("GET", "/stats").json()["faults"]["500"] == 1
    assert faulty.admin("GET", "/stats").status_code == 200  # admin is never faulted


def test_drop_cuts_the_connection(faulty, caplog):
    faulty.admin("PUT", "/faults", json={"drop_rate": 1.0})
    cut = pytest.raises((httpx.RemoteProtocolError, httpx.ReadError))
    with caplog.at_level(logging.ERROR, logger="uvicorn.error"), cut:
        faulty.get("/v3/orders")
    # a drop made on purpose is not logged as the server's own error (chaos runs make many)
    assert not [r for r in caplog.records if r.name == "uvicorn.error"]


def test_malformed_body_is_not_json(faulty):
    faulty.admin("PUT", "/faults", json={"malformed_rate": 1.0})
    r = faulty.get("/v3/orders", params={"limit": "1"})
    with pytest.raises(json.JSONDecodeError):
        json.loads(r.content)


def test_429_storm(faulty):
    faulty.admin("PUT", "/faults", json={"throttle_rate": 1.0, "storm_seconds": 60})
    r = faulty.get("/v3/items")
    assert r.status_code == 429
    assert r.json()["error"][0]["code"] == "REQUEST_THRESHOLD_VIOLATED.GMP_GATEWAY_API"
    assert r.headers["x-current-token-count"] == "0" and int(r.headers["Retry-After"]) >= 1
    faulty.admin("PUT", "/faults", json={"throttle_rate": 0.0, "storm_seconds": 0})
    assert faulty.admin("GET", "/faults").json()["throttle_rate"] == 0.0
    assert faulty.admin("PUT", "/faults", json={"nonsense": 1}).status_code == 400


def test_rate_limit_buckets(faulty):
    # 60/min for released × 0.05 = 3 requests in the bucket.
    assert faulty.admin("PUT", "/ratelimit", json={"scale": 0.05}).json()["scale"] == 0.05
    counts = []
    for _ in range(3):
        r = faulty.get("/v3/orders/released")
        assert r.status_code in (200, 404)
        counts.append(int(r.headers["x-current-token-count"]))
        assert int(r.headers["x-next-replenish-time"]) > 1_600_000_000_000
    assert counts == [2, 1, 0]
    r = faulty.get("/v3/orders/released")
    assert r.status_code == 429
    assert r.json()["error"][0]["code"] == "REQUEST_THRESHOLD_VIOLATED.GMP_GATEWAY_API"
    assert faulty.get("/v3/orders", params={"limit": "1"}).status_code == 200  # other bucket
    faulty.admin("PUT", "/ratelimit", json={"scale": 0})
    assert faulty.get("/v3/orders/released").status_code in (200, 404)
    assert faulty.admin("PUT", "/ratelimit", json={"scale": -1}).status_code == 400


def test_stats_count_requests_per_endpoint(faulty):
    faulty.get("/v3/orders", params={"limit": "1"})
    faulty.get("/v3/items")
    stats = faulty.admin("GET", "/stats").json()
    assert stats["requests"]["GET /v3/orders"] >= 1 and stats["requests"]["GET /v3/items"] == 1
    assert stats["orders"] == 5 and stats["items"] > 0 and stats["feeds"] == 0
