"""The shared fault switches, with Amazon's error bodies (§1.3, §5.2 chaos knobs)."""

from __future__ import annotations

import json

import httpx
import pytest

from .conftest import AmazonClient, error

SELLERS = "/sellers/v1/marketplaceParticipations"


@pytest.fixture
def faulty(amazon: AmazonClient):  # type: ignore[no-untyped-def]
    yield amazon
    amazon.admin(
        "PUT",
        "faults",
        {"error_rate": 0, "throttle_rate": 0, "drop_rate": 0, "malformed_rate": 0, "latency_ms": 0},
    )


def test_errors_and_storms_use_amazon_bodies(faulty: AmazonClient) -> None:
    token = faulty.refresh()
    faulty.admin("PUT", "faults", {"error_rate": 1.0, "seed": 1, "storm_seconds": 0})
    failed = faulty.get(SELLERS, token=token)
    assert failed.status_code == 500 and error(failed)["code"] == "InternalFailure"
    assert failed.headers["x-amzn-RequestId"]
    faulty.admin("PUT", "faults", {"error_rate": 0, "throttle_rate": 1.0})
    throttled = faulty.get(SELLERS, token=token)
    assert throttled.status_code == 429 and error(throttled)["code"] == "QuotaExceeded"
    assert faulty.admin("GET", "faults")["injected"] == {"500": 1, "429": 1}
    assert faulty.admin("GET", "stats")["faults"] == {"500": 1, "429": 1}


def test_malformed_and_dropped_answers(faulty: AmazonClient) -> None:
    token = faulty.refresh()
    faulty.admin("PUT", "faults", {"malformed_rate": 1.0, "seed": 2})
    spoiled = faulty.get(SELLERS, token=token)
    with pytest.raises(json.JSONDecodeError):
        json.loads(spoiled.content)
    faulty.admin("PUT", "faults", {"malformed_rate": 0, "drop_rate": 1.0})
    with pytest.raises(httpx.HTTPError):
        faulty.get(SELLERS, token=token)
