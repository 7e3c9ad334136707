"""Per-operation token buckets with the published rate and burst; 429 QuotaExceeded (§2.6)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from channelmanager_gui.sandbox.amazon import AmazonSandbox

from .conftest import AmazonClient, error

SELLERS = "/sellers/v1/marketplaceParticipations"  # rate 0.016/s, burst 15 (§1.4)
RDT = "/tokens/2021-03-01/restrictedDataToken"


@pytest.fixture(scope="module")
def sandbox() -> Iterator[AmazonSandbox]:
    with AmazonSandbox(seed=5, products=60, orders=5) as running:  # real limits
        yield running


def test_burst_then_429_then_refill(amazon: AmazonClient) -> None:
    statuses = [amazon.get(SELLERS).status_code for _ in range(16)]
    assert statuses == [200] * 15 + [429]
    throttled = amazon.get(SELLERS)
    assert error(throttled) == {
        "code": "QuotaExceeded",
        "message": "You exceeded your quota for the requested resource.",
        "details": "",
    }
    assert "x-amzn-RateLimit-Limit" not in throttled.headers
    assert throttled.headers["x-amzn-RequestId"]
    # Another operation has its own bucket.
    assert (
        amazon.get(
            "/catalog/2022-04-01/items/B000000000", params={"marketplaceIds": "ATVPDKIKX0DER"}
        ).status_code
        == 404
    )
    amazon.advance(1 / 0.016 + 1)  # one token back
    assert amazon.get(SELLERS).status_code == 200
    assert amazon.get(SELLERS).status_code == 429


def test_override_rate_and_burst(amazon: AmazonClient) -> None:
    amazon.admin("PUT", "ratelimit", {"limits": {"createRestrictedDataToken": [1, 2]}})
    body = {
        "restrictedResources": [
            {"method": "GET", "path": "/orders/v0/orders", "dataElements": ["shippingAddress"]}
        ]
    }
    codes = [amazon.call("POST", RDT, json=body).status_code for _ in range(3)]
    assert codes == [200, 200, 429]
