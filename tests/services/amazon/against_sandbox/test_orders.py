"""Orders v2026 reads, pagination, Pending → Unshipped, the PII gate and pacing, over HTTP."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal

import httpx
import pytest

from channelmanager_gui.errors import ApiError
from channelmanager_gui.sandbox.amazon import AmazonSandbox
from channelmanager_gui.services.amazon import AmazonClient, OrderStatus

from .conftest import Admin, SandboxClock

LONG_AGO = datetime(2020, 1, 1, tzinfo=UTC)


async def test_search_pages_through_tokens_with_plus_slash_equals(
    client: AmazonClient, sandbox: AmazonSandbox, admin: Admin
) -> None:
    pages = [p async for p in client.iter_orders(last_updated_after=LONG_AGO, page_size=3,
                                                 fulfilled_by=None)]  # fmt: skip
    tokens = [p.next_token for p in pages if p.next_token]
    assert len(pages) >= 4 and len(tokens) == len(pages) - 1
    assert all(set("+/=") <= set(t) for t in tokens)  # each one survived URL-encoding
    seen = [o.order_id for p in pages for o in p.orders]
    us = [o for o in sandbox.state.orders.all() if o.marketplace_id == "ATVPDKIKX0DER"]
    assert len(seen) == len(set(seen)) == len(us) > 12
    assert not any(p.skipped for p in pages)
    # The status comes only because the client asks for includedData=FULFILLMENT.
    assert all(o.status is not OrderStatus.UNKNOWN for p in pages for o in p.orders)
    assert admin.stats()["requests"]["searchOrders"] == len(pages)


async def test_merchant_filter_and_statuses(client: AmazonClient, sandbox: AmazonSandbox) -> None:
    page = await client.search_orders(last_updated_after=LONG_AGO, statuses=("UNSHIPPED",))
    expected = {o.order_id for o in sandbox.state.orders.all() if o.channel == "MFN"
                and o.status == "Unshipped" and o.marketplace_id == "ATVPDKIKX0DER"}  # fmt: skip
    assert {o.order_id for o in page.orders} == expected
    assert all(o.merchant_fulfilled and o.status is OrderStatus.UNSHIPPED for o in page.orders)


async def test_pending_order_gets_prices_once_authorized(
    client: AmazonClient, admin: Admin
) -> None:
    made = admin.new_order(qty=3, lines=2, pending=True)
    pending = await client.get_order(made["orderId"])
    assert pending.status is OrderStatus.PENDING
    assert pending.total is None and all(i.unit_price is None for i in pending.items)
    assert all(i.line_total is None for i in pending.items)
    admin.advance(61)  # pendingSeconds is 60
    order = await client.get_order(made["orderId"])
    assert order.status is OrderStatus.UNSHIPPED
    assert order.last_updated > pending.last_updated
    totals = [i.line_total for i in order.items]
    assert all(isinstance(t, Decimal) for t in totals)
    assert order.total is not None and order.total.amount >= sum(t for t in totals if t)
    assert [i.order_item_id for i in order.items] == made["orderItemIds"]


async def test_recipient_address_full_only_with_the_role(
    client: AmazonClient, admin: Admin
) -> None:
    made = admin.new_order()
    full = await client.get_order(made["orderId"])
    assert full.address is not None and full.address.is_complete
    admin.switches(piiRoles=False)
    cut = await client.get_order(made["orderId"])
    assert cut.address is not None and not cut.address.is_complete
    assert (cut.address.city, cut.address.postal_code) == (full.address.city,
                                                           full.address.postal_code)  # fmt: skip


async def test_v0_address_with_one_generic_rdt_for_every_order(
    client: AmazonClient, admin: Admin
) -> None:
    first, second = admin.new_order(), admin.new_order()
    one = await client.get_order_address(first["orderId"])
    two = await client.get_order_address(second["orderId"])
    assert one.is_complete and two.is_complete and one != two
    assert one.name == admin.order(first["orderId"])["address"]["Name"]
    requests = admin.stats()["requests"]
    assert requests["createRestrictedDataToken"] == 1  # one generic token (§1.5, §6.3)
    assert requests["getOrderAddress"] == 2


async def test_v0_address_without_an_rdt_is_cut_to_the_open_fields(
    client: AmazonClient, sandbox: AmazonSandbox, admin: Admin
) -> None:
    made = admin.new_order()
    token = await client.tokens.get()  # the plain LWA token, as a client without RDTs sends
    answer = httpx.get(f"{sandbox.url}/orders/v0/orders/{made['orderId']}/address",
                       headers={"x-amz-access-token": token})  # fmt: skip
    assert answer.status_code == 200, answer.text
    assert set(answer.json()["payload"]["ShippingAddress"]) == {
        "City", "StateOrRegion", "PostalCode", "CountryCode"}  # §1.5  # fmt: skip
    full = await client.get_order_address(made["orderId"])
    assert full.is_complete and full.city == answer.json()["payload"]["ShippingAddress"]["City"]


async def test_no_rdt_without_the_role_is_said_in_words(client: AmazonClient, admin: Admin) -> None:
    made = admin.new_order()
    admin.switches(piiRoles=False)
    with pytest.raises(ApiError) as caught:
        await client.get_order_address(made["orderId"])
    assert "Direct-to-Consumer Delivery role" in caught.value.message
    assert caught.value.status == 400


async def test_a_burst_of_searches_is_paced_before_amazon_refuses(
    client: AmazonClient, clock: SandboxClock, admin: Admin
) -> None:
    """searchOrders: 0.0056/s, burst 20 (§2.1), the sandbox's real limit. 25 calls must cost
    five waits of ~3 minutes on the client's side and not one 429 on the sandbox's."""
    for _ in range(25):
        await client.search_orders(last_updated_after=LONG_AGO, page_size=1)
    stats = admin.stats()
    assert stats["throttled"] == {}
    assert stats["requests"]["searchOrders"] == 25
    assert sum(clock.slept) == pytest.approx(5 / 0.0056, rel=0.01), clock.slept


async def test_a_burst_of_listing_reads_is_paced_too(
    client: AmazonClient, clock: SandboxClock, admin: Admin, sandbox: AmazonSandbox
) -> None:
    sku = sandbox.state.listings.all()[0].sku
    for _ in range(30):  # getListingsItem: 5/s, burst 10 (§4.1)
        assert await client.get_listing(sku, marketplace_id="ATVPDKIKX0DER") is not None
    assert admin.stats()["throttled"] == {}
    assert sum(clock.slept) == pytest.approx(20 / 5, abs=0.5)


async def test_before_dates_closer_than_two_minutes_are_refused_before_sending(
    client: AmazonClient, clock: SandboxClock
) -> None:
    now = datetime.fromtimestamp(clock.wall(), UTC)
    page = await client.search_orders(last_updated_after=LONG_AGO,
                                      last_updated_before=now - timedelta(minutes=3))  # fmt: skip
    assert page.last_updated_before is not None
