"""WalmartClient against the Walmart sandbox over real HTTP on loopback.

Covers what a MockTransport cannot: paging through the sandbox's own cursors, a token expired
mid-run, 429 storms, 5xx, dropped connections and spoiled bodies from the fault middleware,
and the order/feed/return flows end to end.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from typing import Any

import httpx
import pytest

from channelmanager_gui.errors import ApiError, UnavailableError, ValidationError
from channelmanager_gui.services.http import RateControl, RetryPolicy
from channelmanager_gui.services.walmart import CancelLine, RefundLine, ShipLine, WalmartClient

sandbox_module = pytest.importorskip(
    "channelmanager_gui.sandbox.walmart",
    reason="the Walmart sandbox (channelmanager_gui.sandbox.walmart) has not landed yet",
)
FaultConfig = pytest.importorskip("channelmanager_gui.sandbox.faults").FaultConfig

SINCE = datetime.now(UTC) - timedelta(days=30)
ORDERS = 23


@pytest.fixture(scope="module")
def sandbox() -> Iterator[Any]:
    box = sandbox_module.WalmartSandbox(
        seed=7, products=120, orders=ORDERS, rate_limit_scale=0, feed_seconds=0.0,
        faults=FaultConfig(seed=3),
    )  # fmt: skip
    box.start()
    yield box
    box.stop()


@pytest.fixture
def admin(sandbox: Any) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=sandbox.url + "/_sandbox", timeout=10) as http:
        yield http
        http.put("/faults", json={"error_rate": 0, "throttle_rate": 0, "storm_seconds": 0,
                                  "drop_rate": 0, "malformed_rate": 0})  # fmt: skip


@pytest.fixture
async def client(sandbox: Any) -> AsyncIterator[WalmartClient]:
    async with make(sandbox) as walmart:
        yield walmart


def make(sandbox: Any, secret: str | None = None, url: str | None = None) -> WalmartClient:
    return WalmartClient(
        url or sandbox.url,
        sandbox.client_id,
        secret or sandbox.client_secret,
        rate=RateControl(first_backoff=0.05, max_backoff=0.5),
        retry=RetryPolicy(attempts=8, base_delay=0.01, max_delay=0.1, max_wait=5),
        spacing={},
    )


def injected(admin: httpx.Client) -> dict[str, int]:
    return admin.get("/stats").json()["faults"]


async def active_sku(client: WalmartClient) -> str:
    async for item in client.iter_items(lifecycle_status="ACTIVE", limit=5):
        return item.sku
    raise AssertionError("the sandbox has no active items")


async def test_connection_reports(sandbox: Any) -> None:
    async with make(sandbox) as good:
        assert (await good.test_connection()).ok
    async with make(sandbox, secret="wrong-secret-value") as bad:
        assert (await bad.test_connection()).problem == "bad_credentials"
    async with make(sandbox, url="http://127.0.0.1:9") as nowhere:
        assert (await nowhere.test_connection()).problem == "unreachable"


async def test_order_paging_sees_every_order_once(client: WalmartClient) -> None:
    pos = [o.marketplace_order_id async for o in client.iter_orders(SINCE, limit=5)]
    assert len(pos) >= ORDERS and len(set(pos)) == len(pos)
    future = datetime.now(UTC) + timedelta(days=1)
    assert [o async for o in client.iter_orders(future)] == []  # 404 → empty


async def test_token_expired_mid_run_is_renewed_once(
    client: WalmartClient, admin: httpx.Client
) -> None:
    seen = 0
    async for _ in client.iter_orders(SINCE, limit=4):
        seen += 1
        if seen == 4:
            admin.post("/token/expire")
    assert seen >= ORDERS and client.tokens.fetch_count == 2


async def test_item_paging_and_lookup(client: WalmartClient) -> None:
    skus = [i.sku async for i in client.iter_items(limit=7)]  # many pages
    everything = [i.sku async for i in client.iter_items()]  # pages of the spec's largest, 50
    assert len(skus) == len(set(skus)) and sorted(skus) == sorted(everything)
    assert len(skus) > 7
    with pytest.raises(ValidationError):  # the items OpenAPI: "cannot be more than 50"
        await anext(client.iter_items(limit=51))
    one = await client.get_item(skus[0])
    assert one.sku == skus[0]


async def test_429_storm_is_waited_out(client: WalmartClient, admin: httpx.Client) -> None:
    """The sandbox's storm answers carry Retry-After (at least 1 s): the client waits it out."""
    sku = await active_sku(client)
    before = injected(admin).get("429", 0)
    admin.put("/faults", json={"throttle_rate": 0.3, "storm_seconds": 0.05})
    while injected(admin).get("429", 0) == before:  # until at least one storm was met
        assert (await client.get_inventory(sku)).sku == sku


async def test_5xx_and_spoiled_bodies_are_retried_for_reads(
    client: WalmartClient, admin: httpx.Client
) -> None:
    admin.put("/faults", json={"error_rate": 0.3, "malformed_rate": 0.3})
    pos = [o.marketplace_order_id async for o in client.iter_orders(SINCE, limit=5)]
    assert len(set(pos)) >= ORDERS
    counts = injected(admin)
    assert counts.get("500", 0) + counts.get("malformed", 0) >= 1


async def test_dropped_connections_retried_for_reads(
    client: WalmartClient, admin: httpx.Client
) -> None:
    admin.put("/faults", json={"drop_rate": 0.4})
    sku = await active_sku(client)
    for _ in range(5):
        await client.update_inventory(sku, 11)  # absolute PUT: safe to repeat
    admin.put("/faults", json={"drop_rate": 0})
    assert (await client.get_inventory(sku)).quantity == 11
    assert injected(admin).get("drop_before", 0) + injected(admin).get("drop_after", 0) >= 1


async def test_ship_is_sent_once_when_the_answer_is_lost(
    client: WalmartClient, admin: httpx.Client
) -> None:
    """With drop_rate 1 a request is cut either before or after the sandbox acts (half each,
    and a quarter pass); whichever happens, a lost ship answer is never blindly resent."""
    sku = await active_sku(client)
    for _ in range(12):  # until a drop happens; 0.25**12 chance of never
        po = admin.post("/orders", json={"lines": [{"sku": sku, "qty": 1}]}).json()[
            "purchaseOrderIds"][0]  # fmt: skip
        await client.acknowledge(po)
        before = injected(admin)
        admin.put("/faults", json={"drop_rate": 1.0})
        now = datetime.now(UTC)
        line = ShipLine("1", 1, "1Z999AA10123456784", now, carrier="UPS", seller_order_id=po)
        try:
            await client.ship_lines(po, [line])
        except UnavailableError as exc:
            admin.put("/faults", json={"drop_rate": 0})
            after = injected(admin)
            delta = {k: after.get(k, 0) - before.get(k, 0) for k in ("drop_before", "drop_after")}
            assert exc.maybe_sent and sum(delta.values()) == 1  # one attempt, no resend
            shipped = (await client.get_order(po)).lines[0].quantity_in("Shipped")
            assert shipped == delta["drop_after"]  # the remote state tells what happened
            return
        admin.put("/faults", json={"drop_rate": 0})
    pytest.fail("no drop was injected")


async def test_order_lifecycle(client: WalmartClient, admin: httpx.Client) -> None:
    sku = await active_sku(client)
    po = admin.post("/orders", json={"lines": [{"sku": sku, "qty": 3}]}).json()[
        "purchaseOrderIds"][0]  # fmt: skip
    order = await client.get_order(po)
    line = order.lines[0]
    assert (line.sku, line.quantity, line.quantity_in("Created")) == (sku, 3, 3)
    acked = await client.acknowledge(po)
    assert acked.lines[0].quantity_in("Acknowledged") == 3
    ship = ShipLine(
        line.line_number, 2, "9400111899223", datetime.now(UTC), carrier="USPS", seller_order_id=po
    )
    shipped = await client.ship_lines(po, [ship])
    assert shipped.lines[0].quantity_in("Shipped") == 2
    tracking = next(s.tracking for s in shipped.lines[0].statuses if s.status == "Shipped")
    assert tracking and tracking.tracking_number == "9400111899223"
    cancel = CancelLine(line.line_number, 1, "SELLER_CANCEL_OUT_OF_STOCK")
    cancelled = await client.cancel_lines(po, [cancel])
    assert cancelled.lines[0].quantity_in("Cancelled") == 1
    with pytest.raises(ApiError) as info:
        await client.cancel_lines(po, [cancel])  # nothing unshipped is left
    assert info.value.status == 400 and info.value.code.startswith("INVALID_REQUEST_CONTENT")
    refund = RefundLine(line.line_number, "DamagedItem", Decimal("1.50"), comment="dent")
    assert (await client.refund_lines(po, [refund])).marketplace_order_id == po


async def test_return_found_and_refunded(client: WalmartClient, admin: httpx.Client) -> None:
    sku = await active_sku(client)
    po = admin.post("/orders", json={"lines": [{"sku": sku, "qty": 2}]}).json()[
        "purchaseOrderIds"][0]  # fmt: skip
    await client.acknowledge(po)
    line = ShipLine("1", 2, "1Z1", datetime.now(UTC), carrier="UPS", seller_order_id=po)
    await client.ship_lines(po, [line])
    made = admin.post("/returns", json={"purchaseOrderId": po, "lineNumber": 1, "quantity": 2})
    assert made.status_code == 200, made.text
    rma = made.json()["returnOrderId"]
    found = [r async for r in client.iter_returns(return_order_id=rma)]
    assert [r.return_order_id for r in found] == [rma]
    line = found[0].lines[0]
    assert line.sku == sku and line.quantity == 2
    echo = await client.refund_return(rma, found[0].customer_order_id, [(line.line_number, 2)])
    assert echo.lines[0].quantity == 2


async def test_feeds_and_listing_updates(client: WalmartClient, admin: httpx.Client) -> None:
    sku = await active_sku(client)
    feed_id = await client.submit_inventory_feed([(sku, 42), ("NO-SUCH-SKU-1", 1)])
    assert "@" in feed_id
    status = await client.get_feed_status(feed_id)
    assert status.done and status.received == 2
    by_sku = {i.sku: i for i in status.items}
    assert by_sku[sku].status == "SUCCESS"
    assert (await client.get_inventory(sku)).quantity == 42
    price_feed = await client.submit_price_feed([(sku, Decimal("19.99"))])
    assert (await client.get_feed_status(price_feed)).done
    assert admin.get(f"/prices/{sku}").json()["price"] == pytest.approx(19.99)
    updated = await client.update_price(sku, Decimal("21.00"))
    assert updated.sku == sku
    assert admin.get(f"/prices/{sku}").json()["price"] == pytest.approx(21.0)
