"""Scale: 100,000 orders through the admin API, and searches that stay usable at that size."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from channelmanager_gui.sandbox.walmart import WalmartSandbox
from tests.sandbox.conftest import WalmartClient


@pytest.fixture(scope="module")
def big() -> Iterator[WalmartClient]:
    with WalmartSandbox(seed=9, orders=0, rate_limit_scale=0) as sandbox:
        client = WalmartClient(sandbox)
        yield client
        client.http.close()


def test_bulk_creation_of_100k_orders(big):
    r = big.admin("POST", "/orders", json={"count": 100_000})
    assert r.status_code == 200 and r.json()["count"] == 100_000
    assert len(set(r.json()["purchaseOrderIds"])) == 100_000
    assert big.admin("GET", "/stats").json()["orders"] == 100_000
    first = big.get("/v3/orders/released", params={"limit": "200"})
    assert first.status_code == 200 and first.json()["list"]["meta"]["totalCount"] == 100_000
    nxt = big.get("/v3/orders/released" + first.json()["list"]["meta"]["nextCursor"])
    assert len(nxt.json()["list"]["elements"]["order"]) == 200
    po = r.json()["purchaseOrderIds"][-1]
    assert big.get(f"/v3/orders/{po}").json()["order"]["purchaseOrderId"] == po
    assert big.admin("POST", "/orders", json={"count": 0}).status_code == 400
