"""CommerceClient over httpx.MockTransport: addressing, paging, scalars, errors, retries."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import httpx
import pytest

from channelmanager_gui.errors import (
    ApiError,
    AuthError,
    ChannelError,
    MalformedResponseError,
    NotFoundError,
    RateLimitError,
    UnavailableError,
    ValidationError,
)
from channelmanager_gui.services.commerce import (
    Address,
    CommerceClient,
    Track,
    is_no_route,
    permissions,
)
from channelmanager_gui.services.commerce.client import shop_root
from channelmanager_gui.services.commerce.sales_models import Order
from tests.services.commerce_mock import BASE, FakeCommerce, body, params, reply
from tests.services.commerce_payloads import ORDER, PRODUCT, RMA, SHIPMENT, list_answer

P = "/rest/V1"


def clamping_products(total: int) -> Any:
    """A product list that clamps currentPage past the end to the last page (reference §2)."""

    def answer(request: httpx.Request) -> httpx.Response:
        q = params(request)
        size, page = int(q["searchCriteria[pageSize]"]), int(q["searchCriteria[currentPage]"])
        last = max(1, -(-total // size))
        page = min(page, last)
        start = (page - 1) * size
        items = [{**PRODUCT, "sku": f"SKU-{i}"} for i in range(start, min(total, start + size))]
        return reply(list_answer(items, total, size, page))

    return answer


async def test_bearer_token_store_code_and_encoded_sku() -> None:
    fake = FakeCommerce()
    fake.on("GET", "/rest/default/V1/products/A/B #1", reply({**PRODUCT, "sku": "A/B #1"}))
    async with fake.client(store_code="default") as client:
        product = await client.get_product("A/B #1")
    sent = fake.requests[0]
    assert product.sku == "A/B #1"
    assert sent.headers["Authorization"] == "Bearer tok-123456"
    assert sent.url.raw_path == b"/rest/default/V1/products/A%2FB%20%231"


async def test_plain_http_to_a_remote_host_is_refused() -> None:
    with pytest.raises(ValidationError):
        CommerceClient("http://shop.example.com", "tok-123456")


@pytest.mark.parametrize(("total", "requests"), [(250, 3), (200, 2), (0, 1), (1, 1)])
async def test_products_page_by_total_count_despite_clamping(total: int, requests: int) -> None:
    fake = FakeCommerce()
    fake.on("GET", f"{P}/products", clamping_products(total))
    async with fake.client() as client:
        skus = [p.sku async for p in client.iter_products(page_size=100)]
    assert skus == [f"SKU-{i}" for i in range(total)]
    assert len(fake.requests) == requests
    pages = [params(r)["searchCriteria[currentPage]"] for r in fake.requests]
    assert pages == [str(i) for i in range(1, requests + 1)]
    assert all(params(r)["searchCriteria[pageSize]"] == "100" for r in fake.requests)


async def test_product_filters_updated_since_sort_and_search() -> None:
    fake = FakeCommerce()
    fake.on("GET", f"{P}/products", reply({"items": None, "total_count": 0}))
    since = datetime(2024, 5, 1, 12, 0, tzinfo=UTC)
    async with fake.client() as client:
        assert [p async for p in client.iter_products(since, search="mug")] == []
    q = params(fake.requests[0])
    g = "searchCriteria[filter_groups]"
    assert q[f"{g}[0][filters][0][field]"] == "updated_at"
    assert q[f"{g}[0][filters][0][condition_type]"] == "gt"
    assert q[f"{g}[0][filters][0][value]"] == "2024-05-01 12:00:00"
    assert q[f"{g}[1][filters][0][value]"] == "%mug%"
    assert q[f"{g}[1][filters][1][field]"] == "sku"
    assert q["searchCriteria[sortOrders][0][direction]"] == "ASC"


async def test_skus_are_batched_with_in() -> None:
    fake = FakeCommerce()
    fake.on("GET", f"{P}/products", reply(list_answer([PRODUCT], 1, 100, 1)))
    fake.on("GET", f"{P}/inventory/source-items", reply(list_answer([], 0, 100, 1)))
    skus = [f"S{i}" for i in range(120)]
    async with fake.client() as client:
        found = [p async for p in client.iter_products(skus=skus)]
        assert [s async for s in client.iter_source_quantities(skus)] == []
        assert [p async for p in client.iter_products(skus=[])] == []
    assert len(found) == 3
    values = [
        params(r)["searchCriteria[filter_groups][0][filters][0][value]"]
        for r in fake.calls("GET", f"{P}/products")
    ]
    assert [len(v.split(",")) for v in values] == [50, 50, 20]
    assert len(fake.calls("GET", f"{P}/inventory/source-items")) == 3


async def test_source_quantities_are_plain_tuples() -> None:
    """Plain tuples of scalars leave the GC's care; models or NamedTuples would stay tracked."""
    fake = FakeCommerce()
    items = [
        {"sku": "MUG", "source_code": "default", "quantity": "4.5", "status": 1},
        {"sku": "MUG", "source_code": "east", "quantity": 2, "status": 0},
    ]
    fake.on("GET", f"{P}/inventory/source-items", reply(list_answer(items, 2, 100, 1)))
    async with fake.client() as client:
        found = [s async for s in client.iter_source_quantities(["MUG"])]
    assert found == [("MUG", 4.5, 1), ("MUG", 2.0, 0)]
    assert all(type(s) is tuple for s in found)


async def test_a_page_of_the_shops_source_items_and_orders_read_for_their_skus() -> None:
    """The stock loop's cheap reads (issue 19): whole pages of source items, a malformed one
    still refused with a message; orders changed since a moment, only their SKUs asked for."""
    fake = FakeCommerce()
    items = [{"sku": "MUG", "source_code": "default", "quantity": 3, "status": 1}]
    fake.on("GET", f"{P}/inventory/source-items", reply(list_answer(items, 301, 300, 2)))
    order = {"updated_at": "2026-12-06 10:00:05", "items": [{"sku": "MUG"}, {"sku": "CUP"}]}
    fake.on("GET", f"{P}/orders", reply({"items": [order], "total_count": 1}))
    since = datetime(2026, 12, 6, 10, 0, tzinfo=UTC)
    async with fake.client() as client:
        assert await client.source_quantity_page(2) == ([("MUG", 3.0, 1)], 301)
        ordered = [o async for o in client.iter_ordered_skus(since)]
    bad = FakeCommerce()
    items = [{"sku": None, "source_code": "default", "quantity": 3, "status": 1}]
    bad.on("GET", f"{P}/inventory/source-items", reply(list_answer(items, 1, 300, 1)))
    async with bad.client() as client:
        with pytest.raises(MalformedResponseError):
            await client.source_quantity_page(1)
    sent = params(fake.calls("GET", f"{P}/inventory/source-items")[0])
    assert (sent["searchCriteria[pageSize]"], sent["searchCriteria[currentPage]"]) == ("300", "2")
    assert [i.sku for i in ordered[0].items] == ["MUG", "CUP"]
    assert ordered[0].updated_at == datetime(2026, 12, 6, 10, 0, 5, tzinfo=UTC)
    asked = params(fake.calls("GET", f"{P}/orders")[0])
    assert asked["fields"] == "items[updated_at,items[sku]],total_count"
    assert asked["searchCriteria[filter_groups][0][filters][0][condition_type]"] == "gteq"
    assert asked["searchCriteria[filter_groups][0][filters][0][value]"] == "2026-12-06 10:00:00"


async def test_bare_scalar_answers() -> None:
    fake = FakeCommerce()
    fake.on("POST", f"{P}/carts/", reply(12))
    fake.on("PUT", f"{P}/carts/12/order", reply("5"))
    fake.on("GET", f"{P}/inventory/get-product-salable-quantity/MUG/1", reply(75))
    fake.on("POST", f"{P}/orders/5/cancel", reply(False))
    fake.on("POST", f"{P}/orders", reply([]))
    async with fake.client() as client:
        assert await client.create_cart() == 12
        assert await client.place_order(12) == 5
        assert await client.get_salable_qty("MUG") == 75
        assert await client.cancel_order(5) is False
        await client.set_ext_order_id(5, "000000005", "108-1")
    assert body(fake.calls("PUT", f"{P}/carts/12/order")[0]) == {
        "paymentMethod": {"method": "checkmo"}
    }
    assert body(fake.calls("POST", f"{P}/orders")[0]) == {
        "entity": {"entity_id": 5, "increment_id": "000000005", "ext_order_id": "108-1"}
    }


@pytest.mark.parametrize("answer", [reply(True), reply({"id": 1}), reply("x"), reply(1.5)])
async def test_wrong_scalar_shapes_are_malformed(answer: httpx.Response) -> None:
    fake = FakeCommerce()
    fake.on("POST", f"{P}/carts/", answer)
    async with fake.client() as client:
        with pytest.raises(MalformedResponseError):
            await client.create_cart()


async def test_cart_flow_request_bodies() -> None:
    fake = FakeCommerce()
    item = {"item_id": 3, "sku": "MUG", "qty": 2, "quote_id": "12", "price": 12.5}
    fake.on("POST", f"{P}/carts/12/items", reply(item))
    shipping = {"payment_methods": [{"code": "checkmo", "title": "Check"}], "totals": {}}
    fake.on("POST", f"{P}/carts/12/shipping-information", reply(shipping))
    address = Address(
        firstname="Ada",
        lastname="L",
        street=["1 Main"],
        city="Austin",
        postcode="78701",
        country_id="US",
        region_code="TX",
        telephone="1",
        email="a@example.com",
    )
    async with fake.client() as client:
        added = await client.add_cart_item(12, "MUG", 2)
        methods = await client.set_shipping_information(12, address)
    assert added.item_id == 3 and methods == ["checkmo"]
    assert body(fake.requests[0]) == {"cartItem": {"sku": "MUG", "qty": 2, "quote_id": "12"}}
    info = body(fake.requests[1])["addressInformation"]
    assert info["shipping_address"] == info["billing_address"]
    assert info["shipping_address"]["street"] == ["1 Main"]
    assert "company" not in info["shipping_address"]  # unset keys are left out, not null
    assert (info["shipping_carrier_code"], info["shipping_method_code"]) == ("flatrate",) * 2


async def test_find_orders_and_get_order() -> None:
    fake = FakeCommerce()
    fake.on("GET", f"{P}/orders", reply(list_answer([], 0, 50, 1)))
    fake.on("GET", f"{P}/orders/5", reply(ORDER))
    async with fake.client() as client:
        assert await client.find_orders(ext_order_id="108-1", quote_id=12) == []
        order = await client.get_order(5)
        with pytest.raises(ValueError):
            await client.find_orders()
    q = params(fake.requests[0])
    assert q["searchCriteria[filter_groups][0][filters][0][field]"] == "ext_order_id"
    assert q["searchCriteria[filter_groups][1][filters][0][value]"] == "12"
    assert order.shipping_address is not None and order.shipping_address.city == "Austin"


async def test_ship_refund_comment_and_invoice_bodies() -> None:
    fake = FakeCommerce()
    fake.on("POST", f"{P}/order/5/ship", reply(3))
    fake.on("POST", f"{P}/order/5/refund", reply(4))
    fake.on("POST", f"{P}/order/5/invoice", reply(2))
    fake.on("POST", f"{P}/orders/5/comments", reply(True))
    async with fake.client() as client:
        track = Track(track_number="1Z9", title="UPS", carrier_code="ups")
        assert await client.ship_order(5, [(9, 1)], [track]) == 3
        assert await client.invoice_order(5) == 2
        assert await client.refund_offline(5, [(9, 1)]) == 4
        assert await client.add_comment(5, "Walmart order 108-1", status="processing") is True
    ship, invoice, refund, comment = (body(r) for r in fake.requests)
    assert ship == {
        "items": [{"order_item_id": 9, "qty": 1}],
        "notify": False,
        "tracks": [{"track_number": "1Z9", "title": "UPS", "carrier_code": "ups"}],
    }
    assert invoice == {"capture": False, "notify": False}  # Walmart took the money already
    assert refund["items"] == [{"order_item_id": 9, "qty": 1}] and refund["notify"] is False
    assert refund["arguments"]["extension_attributes"] == {"return_to_stock_items": [9]}
    assert comment["statusHistory"]["status"] == "processing"


async def test_shipments_list_by_order() -> None:
    fake = FakeCommerce()
    fake.on("GET", f"{P}/shipments", reply(list_answer([SHIPMENT], 1, 100, 1)))
    async with fake.client() as client:
        shipments = await client.list_shipments(order_id=5)
    assert shipments[0].tracks[0].track_number == "1Z999"
    assert params(fake.requests[0])["searchCriteria[filter_groups][0][filters][0][field]"] == (
        "order_id"
    )


async def test_error_401_names_acl_resource() -> None:
    fake = FakeCommerce()
    denied = {
        "message": "The consumer isn't authorized to access %resources.",
        "parameters": {"resources": "Magento_Sales::actions_view"},
    }
    fake.on("GET", f"{P}/orders/5", reply(denied, 401))
    async with fake.client() as client:
        with pytest.raises(AuthError) as info:
            await client.get_order(5)
    assert "Magento_Sales::actions_view" in info.value.message
    assert len(fake.requests) == 1  # never retried


async def test_error_404_and_rendered_positional_400() -> None:
    fake = FakeCommerce()
    fake.on(
        "GET",
        f"{P}/products/NOPE",
        reply(
            {
                "message": "The product that was requested "
                "doesn't exist. Verify the product and try again."
            },
            404,
        ),
    )
    bad_status = {
        "message": 'Unable to add comment: The status "%1" is not part of the order status '
        "history.",
        "parameters": ["complete"],
    }
    fake.on("POST", f"{P}/orders/5/comments", reply(bad_status, 400))
    async with fake.client() as client:
        with pytest.raises(NotFoundError) as missing:
            await client.get_product("NOPE")
        with pytest.raises(ApiError) as refused:
            await client.add_comment(5, "x", status="complete")
    assert not is_no_route(missing.value)
    assert 'The status "complete" is not part' in refused.value.message
    assert refused.value.status == 400


async def test_gets_retry_429_and_503_but_place_order_does_not() -> None:
    fake = FakeCommerce()
    fake.on("GET", f"{P}/orders/5", reply({}, 429), reply({"message": "busy"}, 503), reply(ORDER))
    fake.on("PUT", f"{P}/carts/12/order", reply({"message": "slow down"}, 429))
    fake.on("POST", f"{P}/order/5/ship", reply({"message": "Internal Error."}, 503))
    async with fake.client() as client:
        assert (await client.get_order(5)).entity_id == 5
        with pytest.raises(RateLimitError):
            await client.place_order(12)
        with pytest.raises(UnavailableError):
            await client.ship_order(5, [], [])
    assert len(fake.calls("GET", f"{P}/orders/5")) == 3
    assert len(fake.calls("PUT", f"{P}/carts/12/order")) == 1
    assert len(fake.calls("POST", f"{P}/order/5/ship")) == 1


async def test_cancel_is_retried_after_a_dropped_answer() -> None:
    fake = FakeCommerce()

    def drop(request: httpx.Request) -> httpx.Response:
        raise httpx.RemoteProtocolError("Server disconnected", request=request)

    fake.on("POST", f"{P}/orders/5/cancel", drop, reply(True))
    fake.on("POST", f"{P}/carts/", drop, reply(7))
    async with fake.client() as client:
        assert await client.cancel_order(5) is True
        with pytest.raises(UnavailableError) as info:
            await client.create_cart()
    assert info.value.maybe_sent
    assert len(fake.calls("POST", f"{P}/carts/")) == 1


@pytest.mark.parametrize("raw", [b'{"items": [{"sku": "A"', b"<html>", b""])
async def test_malformed_json_is_retried_on_get_then_raised(raw: bytes) -> None:
    fake = FakeCommerce()
    fake.on("GET", f"{P}/products", reply(raw))
    async with fake.client() as client:
        with pytest.raises(MalformedResponseError):
            [p async for p in client.iter_products()]
    assert len(fake.requests) == 3


async def test_list_without_total_count_is_malformed() -> None:
    fake = FakeCommerce()
    fake.on("GET", f"{P}/orders", reply({"items": [ORDER]}))
    async with fake.client() as client:
        with pytest.raises(MalformedResponseError):
            await client.find_orders(increment_id="000000005")


async def test_rma_support_is_cached_and_null_lists_tolerated() -> None:
    fake = FakeCommerce()
    async with fake.client() as client:
        assert await client.supports_rma() is False
        assert await client.supports_rma() is False
    assert len(fake.requests) == 1
    fake = FakeCommerce()
    fake.on("GET", f"{P}/returns", reply(list_answer([RMA], 1, 100, 1)))
    fake.on("POST", f"{P}/returns", reply(RMA))
    async with fake.client() as client:
        assert await client.supports_rma() is True
        rmas = await client.list_rmas(order_id=5)
    assert rmas[0].items == [] and rmas[0].tracks == []


def _metadata(code: str, *options: tuple[str, str]) -> dict[str, Any]:
    placeholder = {"label": " ", "value": ""}
    listed = [placeholder, *({"label": label, "value": value} for value, label in options)]
    return {"attribute_code": code, "frontend_input": "select", "options": listed}


METADATA = [
    _metadata("resolution", ("41", "Exchange"), ("42", "Refund")),
    _metadata("condition", ("51", "Unopened"), ("52", "Damaged")),
    _metadata("reason", ("61", "Wrong Size"), ("62", "Other")),
    _metadata("rma_custom", ("1", "x")),
]


async def test_rma_carries_the_orders_store_and_this_shops_option_ids() -> None:
    fake = FakeCommerce()
    fake.on("GET", f"{P}/returnsAttributeMetadata", reply(METADATA))
    fake.on("POST", f"{P}/returns", reply(RMA))
    order = Order.model_validate({**ORDER, "store_id": 3})
    requested = datetime(2024, 5, 4, 8, 0, tzinfo=UTC)
    async with fake.client() as client:
        created = await client.create_rma(order, [(9, 1)], requested_at=requested)
        await client.create_rma(
            order, [(9, 1)], requested_at=requested, walmart_reason="WRONG_SIZE"
        )
    assert created.entity_id == 7
    assert len(fake.calls("GET", f"{P}/returnsAttributeMetadata")) == 1  # read once per store
    first, second = (body(r)["rmaDataObject"] for r in fake.calls("POST", f"{P}/returns"))
    assert (first["store_id"], first["order_increment_id"]) == (3, ORDER["increment_id"])
    assert first["order_id"] == ORDER["entity_id"]
    assert first["date_requested"] == "2024-05-04 08:00:00"
    assert first["items"] == [
        {"order_item_id": 9, "qty_requested": 1, "status": "pending",
         "reason": "62", "condition": "51", "resolution": "42"}
    ]  # fmt: skip
    assert second["items"][0]["reason"] == "61"


async def test_rma_attribute_without_options_is_explained() -> None:
    fake = FakeCommerce()
    fake.on("GET", f"{P}/returnsAttributeMetadata", reply(METADATA[:2]))
    async with fake.client() as client:
        with pytest.raises(ChannelError, match="no return reason options"):
            await client.rma_options()


async def test_supports_rma_raises_other_errors() -> None:
    fake = FakeCommerce()
    fake.on("GET", f"{P}/returns", reply({"message": "Internal Error."}, 500))
    async with fake.client() as client:
        with pytest.raises(UnavailableError):
            await client.supports_rma()


def _denied(resource: str) -> httpx.Response:
    return reply(
        {
            "message": "The consumer isn't authorized to access %resources.",
            "parameters": {"resources": resource},
        },
        401,
    )


def _permit_all(fake: FakeCommerce, msi: bool = True) -> None:
    """Answers of a shop whose integration has every permission: lists for reads, and the
    refusals Commerce gives after the ACL check for probes aimed at order 0, cart 0 or an
    unknown SKU. Without MSI the inventory routes do not exist."""
    probes = [permissions.PRODUCTS, *permissions.PROBES, permissions.LEGACY_STOCK]
    for probe in [*probes, *(permissions.MSI if msi else ())]:
        path = "/".join([P, *map(str, probe.parts)])
        if probe.listing:
            answer = reply(list_answer([], 0, 1, 1))
        elif probe.method == "POST":
            answer = reply({"message": "An ID is needed. Set the ID and try again."}, 400)
        else:
            answer = reply(
                {"message": "The entity that was requested doesn't exist. Verify the entity and "
                 "try again."},
                404,
            )  # fmt: skip
        fake.on(probe.method, path, answer)


async def test_connection_verdicts() -> None:
    cases: list[tuple[dict[str, httpx.Response], bool, bool, str]] = [
        ({}, False, False, "wrong_url"),  # every route: 404 "Request does not match any route."
        ({"products": reply(b"<html>shop</html>")}, False, False, "wrong_url"),
        ({"orders": _denied("Magento_Sales::actions_view")}, True, False, "no_permission"),
        ({}, True, True, ""),
    ]
    for routes, baseline, ok, problem in cases:
        fake = FakeCommerce()
        if baseline:
            _permit_all(fake)
        for route, answer in routes.items():
            fake.on("GET", f"{P}/{route}", answer)
        async with fake.client() as client:
            report = await client.test_connection()
        assert (report.ok, report.problem) == (ok, problem), routes
        if problem == "no_permission":
            assert "may not read orders" in report.message
            assert "Magento_Sales::actions_view" in report.message
        if ok:
            assert "0 products, 0 orders; without returns" in report.detail


async def test_connection_without_msi_checks_the_legacy_stock_permission() -> None:
    fake = FakeCommerce()
    _permit_all(fake, msi=False)
    async with fake.client() as client:
        assert (await client.test_connection()).ok
    fake = FakeCommerce()
    _permit_all(fake, msi=False)
    stock = "/".join([P, *map(str, permissions.LEGACY_STOCK.parts)])
    fake.on("GET", stock, _denied("Magento_CatalogInventory::cataloginventory"))
    async with fake.client() as client:
        report = await client.test_connection()
    assert (report.ok, report.problem) == (False, "no_permission")
    assert "this integration may not read stock items" in report.message


async def test_connection_refused_everywhere_is_a_bad_token() -> None:
    fake = FakeCommerce()
    everything = [*permissions.PROBES, *permissions.MSI, permissions.LEGACY_STOCK]
    for probe in [permissions.PRODUCTS, *everything, permissions.RETURNS]:
        path = "/".join([P, *map(str, probe.parts)])
        fake.on(probe.method, path, _denied(probe.resource))
    async with fake.client() as client:
        report = await client.test_connection()
    assert (report.ok, report.problem) == (False, "bad_credentials")
    assert "standalone Bearer tokens" in report.message


async def test_connection_names_every_missing_permission_in_words() -> None:
    fake = FakeCommerce()
    _permit_all(fake)
    fake.on("POST", f"{P}/order/0/invoice", _denied("Magento_Sales::invoice"))
    fake.on("POST", f"{P}/order/0/ship", _denied("Magento_Sales::ship"))
    fake.on("GET", f"{P}/returns", _denied("Magento_Rma::magento_rma"))
    async with fake.client() as client:
        report = await client.test_connection()
    assert (report.ok, report.problem) == (False, "no_permission")
    assert "this integration may not create invoices, create shipments or open returns (RMA)" in (
        report.message
    )
    for resource in ("Magento_Sales::invoice", "Magento_Sales::ship", "Magento_Rma::magento_rma"):
        assert resource in report.message


async def test_connection_unreachable() -> None:
    def refuse(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("Connection refused", request=request)

    client = CommerceClient(
        BASE,
        "tok-123456",
        transport=httpx.MockTransport(refuse),
        retry=FakeCommerce().client().session.retry,
    )
    async with client:
        report = await client.test_connection()
    assert (report.ok, report.problem) == (False, "unreachable")


@pytest.mark.parametrize(
    ("url", "root"),
    [
        ("https://shop.example.com/rest/V1", "https://shop.example.com"),
        ("https://shop.example.com/m/rest/default/V1/", "https://shop.example.com/m"),
        ("https://shop.example.com/rest", "https://shop.example.com"),
        ("https://shop.example.com/restaurant", "https://shop.example.com/restaurant"),
    ],
)
def test_pasted_api_address_is_reduced_to_the_shop_root(url: str, root: str) -> None:
    assert shop_root(url) == root


async def test_cart_items_are_read_back() -> None:
    fake = FakeCommerce()
    line = {"item_id": 3, "sku": "MUG", "qty": 2, "quote_id": "12"}
    fake.on("GET", f"{P}/carts/12/items", reply([line]))
    fake.on("GET", f"{P}/carts/13/items", reply({"items": []}))
    async with fake.client() as client:
        assert [(i.sku, i.qty) for i in await client.get_cart_items(12)] == [("MUG", 2)]
        with pytest.raises(MalformedResponseError):
            await client.get_cart_items(13)


async def test_set_ext_order_id_never_saves_without_the_increment_id() -> None:
    """A partial save without ``increment_id`` renumbers the order before 2.4.7: refused
    before any request is sent."""
    fake = FakeCommerce()
    async with fake.client() as client:
        with pytest.raises(MalformedResponseError, match="increment id"):
            await client.set_ext_order_id(5, "", "108-1")
    assert fake.calls("POST", f"{P}/orders") == []


async def test_country_regions_are_read_once_per_country() -> None:
    fake = FakeCommerce()
    us = {
        "id": "US",
        "available_regions": [{"id": "1057", "code": "TX", "name": "Texas"}],
    }
    fake.on("GET", f"{P}/directory/countries/US", reply(us))
    fake.on("GET", f"{P}/directory/countries/GB", reply({"id": "GB"}))
    fake.on(
        "GET",
        f"{P}/directory/countries/ZZ",
        reply({"message": "Requested country is not available."}, 404),
    )
    async with fake.client() as client:
        regions = await client.country_regions("us")
        assert await client.country_regions("US") == regions
        assert await client.country_regions("GB") == []
        assert await client.country_regions("ZZ") == []
    assert [(r.id, r.code, r.name) for r in regions] == [(1057, "TX", "Texas")]
    assert len(fake.calls("GET", f"{P}/directory/countries/US")) == 1


@pytest.mark.parametrize("items", [None, []])
async def test_an_empty_page_the_total_says_holds_items_is_malformed(items: object) -> None:
    """Stopping at it would drop the rest of the list without a word (Commerce answers a page
    past the end with the last page, reference §2, so this page cannot be legitimately empty)."""
    fake = FakeCommerce()
    answers = iter([list_answer([PRODUCT] * 2, 5, 2, 1), {"items": items, "total_count": 5}])
    fake.on("GET", f"{P}/products", lambda _r: httpx.Response(200, json=next(answers)))
    async with fake.client() as client:
        with pytest.raises(MalformedResponseError) as caught:
            [p async for p in client.iter_products(page_size=2)]
    assert caught.value.field == "product.items"
