"""CommerceClient against the real Commerce sandbox over HTTP on loopback.

Every operation the sync engine relies on is exercised end to end: catalog paging and change
detection, stock reads, the cart flow, finding orders again, partial shipping, cancel, invoice
and refund, returns (and their absence on Open Source), and retries through injected faults.
The merchant's side (editing a product) goes through the sandbox's ``/_sandbox`` admin API.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from decimal import Decimal

import httpx
import pytest

from channelmanager_gui.errors import AuthError, NotFoundError, UnavailableError
from channelmanager_gui.sandbox.faults import FaultConfig
from channelmanager_gui.services.commerce import Address, CommerceClient, Track
from channelmanager_gui.services.http import RetryPolicy

try:
    from channelmanager_gui.sandbox.commerce import CommerceSandbox
except ImportError as exc:  # only while the sandbox module is absent
    pytest.skip(f"Commerce sandbox not available: {exc}", allow_module_level=True)

PRODUCTS = 300
FAST_RETRY = RetryPolicy(attempts=8, base_delay=0.005, max_delay=0.02, max_wait=5)
ADDRESS = Address(
    firstname="Jane", lastname="Doe", street=["1 Main St"], city="Austin", region="Texas",
    region_code="TX", region_id=57, postcode="78701", country_id="US",
    telephone="5125550100", email="jane@example.com",
)  # fmt: skip


@pytest.fixture(scope="module")
def faults() -> FaultConfig:
    return FaultConfig(seed=11)


@pytest.fixture(scope="module")
def sandbox(faults: FaultConfig) -> Iterator[CommerceSandbox]:
    with CommerceSandbox(seed=1, products=PRODUCTS, faults=faults) as running:
        yield running


@pytest.fixture(scope="module")
def skus(sandbox: CommerceSandbox) -> Iterator[str]:
    """Enabled SKUs no other test of this module has used, each topped up to 50 in stock."""
    with sandbox.state.lock:
        enabled = [p.sku for p in sandbox.state.products_by_id.values() if p.status == 1]

    def fresh() -> Iterator[str]:
        with httpx.Client(base_url=f"{sandbox.url}/_sandbox") as admin:
            for sku in enabled:
                assert admin.put(f"/products/{sku}", json={"qty": 50}).status_code == 200
                yield sku

    return fresh()


@pytest.fixture
def client(sandbox: CommerceSandbox, faults: FaultConfig) -> Iterator[CommerceClient]:
    yield CommerceClient(sandbox.url, sandbox.token, retry=FAST_RETRY)
    faults.update({"error_rate": 0, "drop_rate": 0, "malformed_rate": 0, "throttle_rate": 0})


async def place(client: CommerceClient, *lines: tuple[str, float]) -> tuple[int, int]:
    """The cart flow step by step, as the engine runs it; returns (quote id, order id)."""
    cart_id = await client.create_cart()
    for sku, qty in lines:
        item = await client.add_cart_item(cart_id, sku, qty)
        assert item.sku == sku
    assert [(i.sku, i.qty) for i in await client.get_cart_items(cart_id)] == list(lines)
    methods = await client.set_shipping_information(cart_id, ADDRESS)
    assert "checkmo" in methods
    return cart_id, await client.place_order(cart_id)


async def test_products_page_through_the_whole_catalog(client: CommerceClient) -> None:
    async with client:
        products = [p async for p in client.iter_products(page_size=97)]
    assert len(products) == len({p.sku for p in products}) == PRODUCTS
    stamps = [p.updated_at for p in products]
    assert all(s is not None for s in stamps) and stamps == sorted(stamps)  # type: ignore[type-var]
    assert any(p.custom_attributes for p in products)


async def test_updated_since_finds_only_changed_products(
    client: CommerceClient, sandbox: CommerceSandbox, skus: Iterator[str]
) -> None:
    changed = [next(skus), next(skus)]
    async with client:
        newest = max([p.updated_at async for p in client.iter_products()])  # type: ignore[type-var]
        with httpx.Client(base_url=f"{sandbox.url}/_sandbox") as admin:
            for sku in changed:
                assert admin.put(f"/products/{sku}", json={"price": 9.99}).status_code == 200
        found = [p async for p in client.iter_products(updated_since=newest)]
    assert sorted(p.sku for p in found) == sorted(changed)
    assert all(p.price == Decimal("9.99") for p in found)


async def test_search_skus_and_single_product(client: CommerceClient, skus: Iterator[str]) -> None:
    sku = next(skus)
    async with client:
        product = await client.get_product(sku)
        by_sku = [p async for p in client.iter_products(skus=[sku, "NO-SUCH-SKU"])]
        by_text = [p async for p in client.iter_products(search=sku[2:])]
        with pytest.raises(NotFoundError):
            await client.get_product("NO-SUCH-SKU")
    assert product.sku == sku and product.enabled
    assert [p.sku for p in by_sku] == [sku]
    assert sku in {p.sku for p in by_text}


async def test_stock_reads(client: CommerceClient, skus: Iterator[str]) -> None:
    a, b = next(skus), next(skus)
    async with client:
        sources = [s async for s in client.iter_source_quantities([a, b])]
        salable = await client.get_salable_qty(a)
        legacy = await client.get_stock_item(a)
    assert sorted(sources) == sorted([(a, 50, 1), (b, 50, 1)])
    assert salable == 50 and legacy.qty == 50 and legacy.is_in_stock


async def test_cart_flow_then_find_by_quote_and_ext_order_id(
    client: CommerceClient, skus: Iterator[str]
) -> None:
    sku = next(skus)
    async with client:
        cart_id, order_id = await place(client, (sku, 3))
        assert await client.find_orders(ext_order_id="WM-108-1") == []
        placed = await client.get_order(order_id)
        await client.set_ext_order_id(order_id, placed.increment_id, "WM-108-1")
        by_ext = await client.find_orders(ext_order_id="WM-108-1")
        by_quote = await client.find_orders(quote_id=cart_id)
        order = await client.get_order(order_id)
        salable = await client.get_salable_qty(sku)
        by_increment = await client.find_orders(increment_id=order.increment_id)
    assert [o.entity_id for o in by_increment] == [order_id]
    assert [o.entity_id for o in by_ext] == [o.entity_id for o in by_quote] == [order_id]
    assert order.ext_order_id == "WM-108-1" and order.quote_id == cart_id
    assert order.increment_id == placed.increment_id  # linking never renumbers the order
    assert order.state == "new" and order.status == "pending"
    assert [(i.sku, i.qty_ordered) for i in order.items] == [(sku, 3)]
    assert order.shipping_address is not None and order.shipping_address.city == "Austin"
    assert order.customer_email == "jane@example.com"
    assert salable == 47  # the order holds a reservation


async def test_partial_shipment_with_tracking(client: CommerceClient, skus: Iterator[str]) -> None:
    sku = next(skus)
    async with client:
        _, order_id = await place(client, (sku, 2))
        item_id = (await client.get_order(order_id)).items[0].item_id
        track = Track(track_number="1Z999AA10123456784", title="UPS", carrier_code="ups")
        first = await client.ship_order(order_id, [(item_id, 1)], [track])
        after_first = await client.get_order(order_id)
        second = await client.ship_order(order_id, [(item_id, 1)], [])
        shipments = await client.list_shipments(order_id=order_id)
    assert after_first.items[0].qty_shipped == 1 and after_first.state == "processing"
    assert [s.entity_id for s in shipments] == [first, second]
    assert shipments[0].tracks[0].track_number == "1Z999AA10123456784"
    assert [(i.order_item_id, i.qty) for i in shipments[0].items] == [(item_id, 1)]


async def test_cancel_answers_false_the_second_time(
    client: CommerceClient, skus: Iterator[str]
) -> None:
    sku = next(skus)
    async with client:
        _, order_id = await place(client, (sku, 2))
        assert await client.cancel_order(order_id) is True
        assert await client.cancel_order(order_id) is False
        order = await client.get_order(order_id)
        assert await client.add_comment(order_id, "Walmart cancelled the order") is True
        salable = await client.get_salable_qty(sku)
    assert order.state == "canceled" and order.items[0].qty_canceled == 2
    assert salable == 50  # the reservation was compensated


async def test_invoice_then_offline_refund(client: CommerceClient, skus: Iterator[str]) -> None:
    sku = next(skus)
    async with client:
        _, order_id = await place(client, (sku, 2))
        item_id = (await client.get_order(order_id)).items[0].item_id
        assert await client.invoice_order(order_id) > 0
        memo_id = await client.refund_offline(order_id, [(item_id, 1)])
        memos = await client.list_creditmemos(order_id=order_id)
        order = await client.get_order(order_id)
    assert [m.entity_id for m in memos] == [memo_id]
    assert [(i.order_item_id, i.qty) for i in memos[0].items] == [(item_id, 1)]
    assert order.items[0].qty_refunded == 1


async def test_returns_on_adobe_commerce(
    client: CommerceClient, skus: Iterator[str], sandbox: CommerceSandbox
) -> None:
    """In a shop whose store view is not 1, the return carries the order's own store view."""
    sku = next(skus)
    with httpx.Client(base_url=f"{sandbox.url}/_sandbox") as admin:
        admin.put("/config", json={"store_id": 4})
        try:
            async with client:
                assert await client.supports_rma() is True
                _, order_id = await place(client, (sku, 1))
                await client.ship_order(order_id, [], [])
                order = await client.get_order(order_id)
                item_id = order.items[0].item_id
                rma = await client.create_rma(
                    order, [(item_id, 1)], requested_at=datetime(2024, 5, 4, tzinfo=UTC)
                )
                listed = await client.list_rmas(order_id=order_id)
                fetched = await client.get_rma(rma.entity_id)
        finally:
            admin.put("/config", json={"store_id": 1})
    assert rma.order_id == order_id and rma.status == "pending"
    assert rma.order_increment_id == order.increment_id and order.store_id == 4
    assert [r.entity_id for r in listed] == [rma.entity_id]
    assert [(i.order_item_id, i.qty_requested) for i in fetched.items] == [(item_id, 1)]


async def test_no_returns_on_open_source() -> None:
    with CommerceSandbox(seed=2, products=5, flavour="opensource") as shop:
        async with CommerceClient(shop.url, shop.token, retry=FAST_RETRY) as client:
            assert await client.supports_rma() is False
            report = await client.test_connection()
    assert report.ok and "without returns" in report.detail


async def test_gets_survive_errors_drops_and_malformed_answers(
    client: CommerceClient, faults: FaultConfig
) -> None:
    before = dict(faults.injected)
    faults.update({"error_rate": 0.15, "drop_rate": 0.15, "malformed_rate": 0.1})
    async with client:
        products = [p async for p in client.iter_products(page_size=25)]
    injected = {k: v - before.get(k, 0) for k, v in faults.injected.items()}
    assert len({p.sku for p in products}) == PRODUCTS
    assert sum(injected.values()) > 0, injected


async def test_lost_place_order_answer_is_found_by_quote_id(
    client: CommerceClient, faults: FaultConfig, skus: Iterator[str]
) -> None:
    """place_order is sent once; after a dropped answer the order is found, not re-placed."""
    sku = next(skus)
    async with client:
        cart_id = await client.create_cart()
        await client.add_cart_item(cart_id, sku, 1)
        await client.set_shipping_information(cart_id, ADDRESS)
        found: list[int] = []
        while not found:  # each attempt: dropped before or after Commerce acted
            faults.update({"drop_rate": 1.0})
            with pytest.raises(UnavailableError) as lost:
                await client.place_order(cart_id)
            faults.update({"drop_rate": 0})
            assert lost.value.maybe_sent
            found = [o.entity_id for o in await client.find_orders(quote_id=cart_id)]
        assert len(found) == 1
        assert (await client.get_order(found[0])).items[0].sku == sku


async def test_connection_reports(sandbox: CommerceSandbox) -> None:
    async with CommerceClient(sandbox.url, sandbox.token, retry=FAST_RETRY) as good:
        ok = await good.test_connection()
    async with CommerceClient(sandbox.url, "wrong-token", retry=FAST_RETRY) as bad:
        refused = await bad.test_connection()
        with pytest.raises(AuthError) as denied:
            await bad.get_order(1)
    async with CommerceClient(f"{sandbox.url}/shop", sandbox.token, retry=FAST_RETRY) as lost:
        wrong = await lost.test_connection()
    assert ok.ok and "with returns" in ok.detail and f"{PRODUCTS} products" in ok.detail
    assert (refused.ok, refused.problem) == (False, "bad_credentials")
    assert "Magento_Sales::actions_view" in denied.value.message
    assert (wrong.ok, wrong.problem) == (False, "wrong_url")


async def test_connection_names_the_permissions_the_integration_lacks(
    sandbox: CommerceSandbox,
) -> None:
    """The sandbox gives the token only some ACL resources; the probes change nothing."""
    denied = ["Magento_Sales::invoice", "Magento_InventoryApi::source", "Magento_Rma::magento_rma"]
    with httpx.Client(base_url=f"{sandbox.url}/_sandbox") as admin:
        assert admin.put("/config", json={"denied_resources": denied}).status_code == 200
        try:
            with sandbox.state.lock:
                before = (len(sandbox.state.quotes), len(sandbox.state.invoices),
                          len(sandbox.state.shipments), len(sandbox.state.creditmemos))  # fmt: skip
            async with CommerceClient(sandbox.url, sandbox.token, retry=FAST_RETRY) as client:
                report = await client.test_connection()
            with sandbox.state.lock:
                after = (len(sandbox.state.quotes), len(sandbox.state.invoices),
                         len(sandbox.state.shipments), len(sandbox.state.creditmemos))  # fmt: skip
        finally:
            admin.put("/config", json={"denied_resources": []})
    assert (report.ok, report.problem) == (False, "no_permission")
    assert (
        "this integration may not create invoices, read stock in sources or open returns (RMA)"
        in report.message
    )
    assert all(resource in report.message for resource in denied)
    assert after == before


async def test_unreachable_shop() -> None:
    with CommerceSandbox(seed=3, products=1) as shop:
        url = shop.url
    async with CommerceClient(url, "token-abcdef", retry=FAST_RETRY) as client:
        report = await client.test_connection()
    assert (report.ok, report.problem) == (False, "unreachable")
