"""Realistic conditions as sandbox switches (issue 19): per-route latency, the realistic
profile, and one speed factor that divides every latency and multiplies every rate limit
(Walmart's buckets as published, reference §11)."""

from __future__ import annotations

import time
from collections.abc import Iterator

import pytest

from channelmanager_gui.sandbox.faults import FaultConfig
from channelmanager_gui.sandbox.pair import SandboxPair, start_pair
from channelmanager_gui.sandbox.profile import feed_seconds, latency_switches
from tests.sandbox.conftest import WalmartClient

SPEED = 0.05  # limits × 0.05: the acknowledge bucket holds 3 (60 × 0.05); latencies × 20


def test_route_latency_wins_over_the_global_one_and_speed_divides_both():
    faults = FaultConfig()
    faults.update(latency_switches("realistic", "commerce", speed=10))
    assert faults.delay("GET", "/rest/default/V1/products") == pytest.approx(0.015)
    assert faults.delay("PUT", "/rest/default/V1/carts/mine/order") == pytest.approx(0.15)
    assert faults.delay("PUT", "/rest/default/V1/guest-carts/abc/order") == pytest.approx(0.15)
    assert faults.delay("POST", "/rest/V1/carts/7/payment-information") == pytest.approx(0.15)
    assert faults.delay("GET", "/rest/default/V1/orders/5") == pytest.approx(0.015)
    walmart = FaultConfig()
    walmart.update(latency_switches("realistic", "walmart", speed=2))
    assert walmart.delay("POST", "/v3/orders/1/acknowledge") == pytest.approx(0.04)


def test_a_service_left_out_of_the_profile_keeps_its_own_latency():
    faults = FaultConfig(latency_ms=30)
    faults.update(latency_switches("instant", "walmart", speed=3))
    assert faults.delay("GET", "/v3/items") == pytest.approx(0.01)


def test_route_latency_is_a_run_time_switch_too():
    faults = FaultConfig()
    faults.update({"route_latency_ms": {"GET /v3/items$": 40}, "speed": 2})
    assert faults.public()["route_latency_ms"] == {"GET /v3/items$": 40.0}
    assert faults.delay("GET", "/v3/items") == pytest.approx(0.02)
    assert faults.delay("GET", "/v3/items/x") == 0.0


def test_feed_processing_time_per_profile_divided_by_speed():
    assert feed_seconds("instant") == 0.5  # as before the switch: no existing run slows down
    assert feed_seconds("realistic", speed=10) == pytest.approx(30.0)  # 5 min, reference §7
    assert feed_seconds("realistic", speed=4, override=60) == pytest.approx(15.0)
    with pytest.raises(ValueError):
        feed_seconds("instant", speed=0)


def test_walmart_sandbox_processes_feeds_in_the_time_asked_for():
    with start_pair(seed=3, products=5, orders=0, speed=4, walmart_feed_seconds=60) as pair:
        walmart = WalmartClient(pair.walmart)
        body = {"InventoryHeader": {"version": "1.4"},
                "Inventory": [{"sku": "x", "quantity": {"unit": "EACH", "amount": 1}}]}  # fmt: skip
        feed_id = walmart.post("/v3/feeds", params={"feedType": "inventory"}, json=body).json()
        status = walmart.get(f"/v3/feeds/{feed_id['feedId']}").json()["feedStatus"]
        assert status in ("RECEIVED", "INPROGRESS")  # 15 s to go: not processed yet
        assert walmart.admin("GET", "/stats").json()["feed_seconds"] == pytest.approx(15.0)
    with start_pair(seed=3, products=5, orders=0) as pair:  # instant: half a second, as before
        assert WalmartClient(pair.walmart).admin("GET", "/stats").json()["feed_seconds"] == 0.5


@pytest.fixture(scope="module")
def realistic() -> Iterator[SandboxPair]:
    with start_pair(seed=3, products=20, orders=12, profile="realistic", speed=SPEED) as pair:
        yield pair


def _timed(call) -> float:  # type: ignore[no-untyped-def]
    start = time.perf_counter()
    response = call()
    assert response.status_code < 500, response.text
    return time.perf_counter() - start


def test_realistic_profile_slows_each_answer_by_speed(realistic):
    walmart = WalmartClient(realistic.walmart)
    walmart.new_token()
    # 80 ms × 20 = 1.6 s at this speed; loopback alone answers in a few ms
    assert _timed(lambda: walmart.get("/v3/orders", params={"limit": "1"})) >= 1.5
    assert realistic.commerce.faults.delay("PUT", "/rest/default/V1/carts/mine/order") == 30.0


def test_published_limits_times_speed_one_bucket_per_action(realistic):
    walmart = WalmartClient(realistic.walmart)
    realistic.walmart.faults.update({"latency_ms": 0})  # only the buckets matter here
    orders = walmart.get("/v3/orders", params={"limit": "10"}).json()["list"]["elements"]
    pos = [o["purchaseOrderId"] for o in orders["order"]]
    acks = [walmart.post(f"/v3/orders/{po}/acknowledge").status_code for po in pos[:4]]
    assert acks[:3] == [200, 200, 200] and acks[3] == 429  # 60/min × 0.05 = 3 in the bucket
    # benchmarks count the 429s a client received (budget 0): per bucket, in the stats
    stats = walmart.admin("GET", "/stats").json()
    assert stats["throttled"] == {"order_acknowledge": 1}
    assert stats["buckets"]["order_acknowledge"] == 4  # requests per bucket, for bench.idle
    # cancel has its own bucket of 60/min (reference §11): the empty acknowledge one is no bar
    body = {"orderCancellation": {"orderLines": {"orderLine": []}}}
    assert walmart.post(f"/v3/orders/{pos[5]}/cancel", json=body).status_code != 429
