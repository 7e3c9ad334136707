"""WalmartClient over httpx.MockTransport: headers, tokens, paging, errors, actions."""

from __future__ import annotations

import asyncio
import json
import logging
from datetime import UTC, datetime
from decimal import Decimal
from urllib.parse import parse_qs

import httpx
import pytest

from channelmanager_gui.errors import (
    ApiError,
    AuthError,
    MalformedResponseError,
    NotFoundError,
    RateLimitError,
    UnavailableError,
    ValidationError,
)
from channelmanager_gui.services.http import RedactingFilter
from channelmanager_gui.services.walmart import CancelLine, ShipLine, WalmartClient
from tests.services.walmart_fakes import (
    FakeWalmart,
    body_of,
    error_body,
    make_client,
    uploaded_files,
)

START = datetime(2024, 5, 1, tzinfo=UTC)
TOKEN1 = "tok1-" + "q" * 24


def order(po: str, status: str = "Created") -> dict:
    return {
        "purchaseOrderId": po,
        "customerOrderId": f"C{po}",
        "orderDate": 1714521600000,
        "orderLines": {"orderLine": [{
            "lineNumber": "1", "item": {"sku": "SKU-1", "productName": "Thing"},
            "orderLineQuantity": {"unitOfMeasurement": "EACH", "amount": "2"},
            "charges": {"charge": [{"chargeType": "PRODUCT", "chargeName": "ItemPrice",
                                    "chargeAmount": {"currency": "USD", "amount": 10},
                                    "tax": None}]},
            "orderLineStatuses": {"orderLineStatus": {
                "status": status, "statusQuantity": {"amount": "2"}, "cancellationReason": None,
                "trackingInfo": None}},
        }]},
    }  # fmt: skip


def order_page(pos: list[str], cursor: str | None) -> dict:
    meta = {"totalCount": 99, "limit": len(pos), "nextCursor": cursor}
    return {"list": {"meta": meta, "elements": {"order": [order(p) for p in pos]}}}


async def test_headers_on_every_business_call() -> None:
    fake = FakeWalmart()
    fake.route("GET", "/v3/orders/P1", {"order": order("P1")})
    async with make_client(fake) as client:
        got = await client.get_order("P1")
        await client.get_order("P1")
    assert got.marketplace_order_id == "P1" and got.lines[0].quantity == 2
    calls = fake.business_requests()
    for request in calls:
        assert request.headers["WM_SEC.ACCESS_TOKEN"].startswith("tok1-")
        assert request.headers["WM_SVC.NAME"] == "Walmart Marketplace"
        assert request.headers["Accept"] == "application/json"
        assert "Authorization" not in request.headers
    ids = {r.headers["WM_QOS.CORRELATION_ID"] for r in calls}
    assert len(ids) == 2 and fake.tokens_issued == 1


async def test_token_refreshed_once_on_401_and_shared_by_concurrent_callers() -> None:
    fake = FakeWalmart()
    fake.route("GET", "/v3/orders/P1", {"order": order("P1")})
    async with make_client(fake) as client:
        await client.get_order("P1")
        fake.revoke()
        results = await asyncio.gather(*(client.get_order("P1") for _ in range(5)))
    assert len(results) == 5
    assert fake.tokens_issued == 2  # one shared renewal for five rejected calls


async def test_400_invalid_token_also_refreshes() -> None:
    fake = FakeWalmart()
    calls = {"n": 0}

    def handler(request: httpx.Request) -> httpx.Response:
        calls["n"] += 1
        if calls["n"] == 1:
            return httpx.Response(400, json=error_body("INVALID_TOKEN.GMP_GATEWAY_API", "bad", 1))
        return httpx.Response(200, json={"order": order("P1")})

    fake.route("GET", "/v3/orders/P1", handler)
    async with make_client(fake) as client:
        assert (await client.get_order("P1")).marketplace_order_id == "P1"
    assert fake.tokens_issued == 2


async def test_401_after_refresh_is_auth_error() -> None:
    fake = FakeWalmart()
    fake.route("GET", "/v3/orders/P1", lambda r: httpx.Response(401, json=error_body(
        "UNAUTHORIZED.GMP_GATEWAY_API", "Unauthorized", 1)))  # fmt: skip
    async with make_client(fake) as client:
        with pytest.raises(AuthError) as info:
            await client.get_order("P1")
    assert fake.tokens_issued == 2 and info.value.status == 401
    assert info.value.correlation_id


async def test_token_renewed_shortly_before_expiry() -> None:
    fake = FakeWalmart(expires_in=900)
    fake.route("GET", "/v3/orders/P1", {"order": order("P1")})
    client = make_client(fake)
    async with client:
        await client.get_order("P1")
        client.clock.advance(700)  # type: ignore[attr-defined]
        await client.get_order("P1")
        assert fake.tokens_issued == 1
        client.clock.advance(100)  # type: ignore[attr-defined]  # 100 s left < 120 s
        await client.get_order("P1")
    assert fake.tokens_issued == 2


async def test_order_search_follows_cursor_on_same_path() -> None:
    fake = FakeWalmart()
    pages = {
        "": order_page(["P1", "P2"], "?limit=2&hasMoreElements=true&soIndex=4&poIndex=2"),
        "limit=2&hasMoreElements=true&soIndex=4&poIndex=2": order_page(["P3"], None),
    }

    def handler(request: httpx.Request) -> httpx.Response:
        query = request.url.query.decode()
        key = "" if "createdStartDate" in query else query
        return httpx.Response(200, json=pages[key])

    fake.route("GET", "/v3/orders/released", handler)
    async with make_client(fake) as client:
        pos = [o.marketplace_order_id async for o in client.iter_orders(START, released=True)]
    assert pos == ["P1", "P2", "P3"]
    first, second = fake.business_requests()
    assert parse_qs(first.url.query.decode()) == {
        "createdStartDate": ["2024-05-01T00:00:00.000Z"], "limit": ["100"]}  # fmt: skip
    assert second.url.path == "/v3/orders/released"
    assert second.url.query.decode() == "limit=2&hasMoreElements=true&soIndex=4&poIndex=2"


async def test_order_search_404_content_not_found_is_empty() -> None:
    fake = FakeWalmart()
    body = error_body("CONTENT_NOT_FOUND.GMP_ORDER_API", "Orders not found for given search", 2)
    fake.route("GET", "/v3/orders", lambda r: httpx.Response(404, json=body))
    async with make_client(fake) as client:
        assert [o async for o in client.iter_orders(START, status="Created")] == []


async def test_order_search_other_404_is_an_error() -> None:
    fake = FakeWalmart()  # no route: 404 URI_NOT_FOUND
    async with make_client(fake) as client:
        with pytest.raises(NotFoundError) as info:
            [o async for o in client.iter_orders(START)]
    assert info.value.code == "URI_NOT_FOUND"


async def test_repeating_cursor_is_malformed_not_an_endless_loop() -> None:
    fake = FakeWalmart()
    fake.route("GET", "/v3/orders", lambda r: httpx.Response(200, json=order_page(["P1"], "?x=1")))
    async with make_client(fake) as client:
        with pytest.raises(MalformedResponseError):
            [o async for o in client.iter_orders(START)]


@pytest.mark.parametrize("shape", [1, 2, 3])
async def test_every_error_body_shape(shape: int) -> None:
    fake = FakeWalmart()
    body = error_body("INVALID_REQUEST_CONTENT.GMP_ORDER_API", "Qty OverShipped", shape)
    fake.route("POST", "/v3/orders/P1/cancel", lambda r: httpx.Response(400, json=body))
    line = CancelLine("1", 1, "SELLER_CANCEL_OUT_OF_STOCK")
    async with make_client(fake) as client:
        with pytest.raises(ApiError) as info:
            await client.cancel_lines("P1", [line])
    err = info.value
    assert (err.status, err.code, err.field) == (
        400,
        "INVALID_REQUEST_CONTENT.GMP_ORDER_API",
        "data",
    )
    assert "Qty OverShipped" in err.message and "Qty OverShipped" in err.detail
    assert err.correlation_id == fake.requests[-1].headers["WM_QOS.CORRELATION_ID"]


async def test_ship_body_and_no_retry_on_lost_answer() -> None:
    fake = FakeWalmart()
    seen: list[httpx.Request] = []

    def drop(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        raise httpx.RemoteProtocolError("Server disconnected without sending a response.")

    fake.route("POST", "/v3/orders/P%2F1/shipping", drop)
    when = datetime(2024, 5, 2, tzinfo=UTC)
    line = ShipLine("1", 2, "1Z999", when, carrier="UPS", seller_order_id="000000123")
    async with make_client(fake) as client:
        with pytest.raises(UnavailableError) as info:
            await client.ship_lines("P/1", [line])
    assert info.value.maybe_sent and len(seen) == 1
    status = body_of(seen[0])["orderShipment"]["orderLines"]["orderLine"][0]
    assert status["lineNumber"] == "1" and status["intentToCancelOverride"] is False
    assert status["sellerOrderId"] == "000000123"  # required by the spec's ShippingLineType
    shipped = status["orderLineStatuses"]["orderLineStatus"][0]
    assert shipped["statusQuantity"] == {"unitOfMeasurement": "EACH", "amount": "2"}
    assert shipped["trackingInfo"]["carrierName"] == {"carrier": "UPS"}
    assert shipped["trackingInfo"]["shipDateTime"] == 1714608000000


async def test_acknowledge_is_retried_after_a_lost_answer() -> None:
    fake = FakeWalmart()
    calls = {"n": 0}

    def flaky(request: httpx.Request) -> httpx.Response:
        calls["n"] += 1
        if calls["n"] == 1:
            raise httpx.ReadError("reset")
        return httpx.Response(200, json={"order": order("P1", "Acknowledged")})

    fake.route("POST", "/v3/orders/P1/acknowledge", flaky)
    async with make_client(fake) as client:
        acked = await client.acknowledge("P1")
    assert acked.lines[0].statuses[0].status == "Acknowledged" and calls["n"] == 2


@pytest.mark.parametrize(
    "line, field",
    [
        (CancelLine("1", 1, "CANCEL_BY_SELLER"), "reason"),
        (CancelLine("1", 0, "SELLER_CANCEL_OUT_OF_STOCK"), "quantity"),
    ],
)
async def test_invalid_cancel_never_sent(line: CancelLine, field: str) -> None:
    fake = FakeWalmart()
    async with make_client(fake) as client:
        with pytest.raises(ValidationError) as info:
            await client.cancel_lines("P1", [line])
    assert info.value.field == field and fake.requests == []


@pytest.mark.parametrize(
    "kwargs, field",
    [
        ({"carrier": "Pony Express"}, "carrier"),
        ({"other_carrier": "Pony Express"}, "tracking_url"),
        ({"carrier": "UPS", "other_carrier": "X"}, "carrier"),
        ({"carrier": "UPS", "method_code": "Teleport"}, "method_code"),
        ({"carrier": "UPS", "seller_order_id": " "}, "seller_order_id"),
        ({"carrier": "UPS", "seller_order_id": "X" * 31}, "seller_order_id"),
    ],
)
def test_ship_line_validation(kwargs: dict, field: str) -> None:
    kwargs = {"seller_order_id": "000000123", **kwargs}
    line = ShipLine("1", 1, "T1", datetime(2024, 1, 1, tzinfo=UTC), **kwargs)
    with pytest.raises(ValidationError) as info:
        line.to_wire()
    assert info.value.field == field


async def test_rate_limited_get_raises_after_retries_with_retry_after() -> None:
    fake = FakeWalmart()
    body = error_body("REQUEST_THRESHOLD_VIOLATED.GMP_GATEWAY_API", "Too many", 1)
    fake.route("GET", "/v3/inventory", lambda r: httpx.Response(
        429, json=body, headers={"x-next-replenish-time": "2"}))  # fmt: skip
    async with make_client(fake) as client:
        with pytest.raises(RateLimitError) as info:
            await client.get_inventory("SKU-1")
    assert len(fake.business_requests()) == 3
    assert info.value.retry_after == pytest.approx(2.0)


async def test_5xx_retried_then_unavailable() -> None:
    fake = FakeWalmart()
    fake.route("GET", "/v3/inventory", lambda r: httpx.Response(503))
    async with make_client(fake) as client:
        with pytest.raises(UnavailableError):
            await client.get_inventory("SKU-1")
    assert len(fake.business_requests()) == 3


async def test_truncated_json_is_malformed_naming_the_call() -> None:
    fake = FakeWalmart()
    fake.route("GET", "/v3/orders/P1", lambda r: httpx.Response(200, content=b'{"order": {"pur'))
    async with make_client(fake) as client:
        with pytest.raises(MalformedResponseError) as info:
            await client.get_order("P1")
    assert "order P1" in info.value.message and "cut short" in info.value.message


async def test_wrong_shape_is_malformed_naming_the_field() -> None:
    fake = FakeWalmart()
    bad = order("P1")
    bad["orderLines"]["orderLine"][0]["orderLineQuantity"]["amount"] = "two"
    fake.route("GET", "/v3/orders/P1", {"order": bad})
    async with make_client(fake) as client:
        with pytest.raises(MalformedResponseError) as info:
            await client.get_order("P1")
    assert "orderLineQuantity" in info.value.field or "amount" in info.value.field


async def test_items_paging_get_item_and_404() -> None:
    fake = FakeWalmart()

    def items(request: httpx.Request) -> httpx.Response:
        cursor = request.url.params["nextCursor"]
        if cursor == "*":
            return httpx.Response(
                200,
                json={
                    "ItemResponse": [{"sku": "A"}, {"sku": "B"}],
                    "totalItems": 3,
                    "nextCursor": "AoE/Gj==",
                },
            )
        assert cursor == "AoE/Gj=="
        return httpx.Response(200, json={"ItemResponse": [{"sku": "C"}], "totalItems": 3})

    fake.route("GET", "/v3/items", items)
    fake.route("GET", "/v3/items/A%2FB", {"ItemResponse": [{"sku": "A/B"}], "totalItems": 1})
    missing = error_body("CONTENT_NOT_FOUND.GMP_ITEM_QUERY_API", "Item not found", 2)
    fake.route("GET", "/v3/items/NOPE", lambda r: httpx.Response(404, json=missing))
    async with make_client(fake) as client:
        assert [i.sku async for i in client.iter_items()] == ["A", "B", "C"]
        assert (await client.get_item("A/B")).sku == "A/B"
        with pytest.raises(NotFoundError):
            await client.get_item("NOPE")
    get_one = next(r for r in fake.requests if r.url.raw_path.startswith(b"/v3/items/A%2FB"))
    assert get_one.url.params["productIdType"] == "SKU"


async def test_price_update_unwraps_item_price_response() -> None:
    fake = FakeWalmart()
    answer = {"ItemPriceResponse": {"mart": "WALMART_US", "sku": "S1", "message": "Thank you."}}
    fake.route("PUT", "/v3/price", answer)
    async with make_client(fake) as client:
        result = await client.update_price("S1", Decimal("10.5"))
    assert result.sku == "S1" and result.message == "Thank you."
    sent = body_of(fake.business_requests()[0])
    assert sent["pricing"][0]["currentPrice"] == {"currency": "USD", "amount": 10.5}


async def test_feed_submit_and_status_paging_with_encoded_id() -> None:
    fake = FakeWalmart()
    fake.route("POST", "/v3/feeds", {"feedId": "F1@AU8BAQA"})

    def status(request: httpx.Request) -> httpx.Response:
        offset, limit = int(request.url.params["offset"]), int(request.url.params["limit"])
        details = [{"sku": f"S{i}", "ingestionStatus": "DATA_ERROR" if i == 2 else "SUCCESS",
                    "ingestionErrors": {"ingestionError": [{"code": "E", "description": "bad"}]}
                    if i == 2 else None}
                   for i in range(offset, min(offset + limit, 5))]  # fmt: skip
        return httpx.Response(200, json={
            "feedId": "F1@AU8BAQA", "feedStatus": "PROCESSED", "itemsReceived": 5,
            "itemsSucceeded": 4, "itemsFailed": 1, "itemsProcessing": 0,
            "itemDetails": {"itemIngestionStatus": details}})  # fmt: skip

    fake.route("GET", "/v3/feeds/F1%40AU8BAQA", status)
    async with make_client(fake) as client:
        feed_id = await client.submit_inventory_feed([("S0", 3), ("S1", 0)])
        result = await client.get_feed_status(feed_id, page_size=2)
    submit = fake.business_requests()[0]
    assert submit.url.params["feedType"] == "inventory"
    # The spec's upload: multipart/form-data with the feed document in a part named "file".
    assert submit.headers["Content-Type"].startswith("multipart/form-data; boundary=")
    (name, (_, media_type, document)), *_ = uploaded_files(submit).items()
    assert (name, media_type) == ("file", "application/json")
    assert document["Inventory"][1] == {"sku": "S1", "quantity": {"unit": "EACH", "amount": 0}}
    assert (result.received, result.succeeded, result.failed) == (5, 4, 1)
    assert [i.sku for i in result.items] == ["S0", "S1", "S2", "S3", "S4"]
    assert result.items[2].errors == ["E: bad"]
    raw_paths = [r.url.raw_path for r in fake.requests if r.method == "GET"]
    assert all(p.startswith(b"/v3/feeds/F1%40AU8BAQA?") for p in raw_paths)
    async with make_client(fake) as client:
        with pytest.raises(ValidationError):  # the feeds OpenAPI: "cannot be more than 50"
            await client.get_feed_status(feed_id, page_size=51)


async def test_return_refund_and_paging() -> None:
    fake = FakeWalmart()

    def returns(request: httpx.Request) -> httpx.Response:
        if "offset" in request.url.params:
            return httpx.Response(200, json={"meta": {"nextCursor": None}, "returnOrders": [
                {"returnOrderId": "R2", "customerOrderId": "C2"}]})  # fmt: skip
        return httpx.Response(200, json={"meta": {"nextCursor": "?limit=1&offset=1"},
                                         "returnOrders": [{"returnOrderId": "R1",
                                                           "customerOrderId": "C1"}]})  # fmt: skip

    fake.route("GET", "/v3/returns", returns)
    fake.route("POST", "/v3/returns/R1/refund", lambda r: httpx.Response(
        200, json={**body_of(r), "returnOrderId": "R1"}))  # fmt: skip
    async with make_client(fake) as client:
        ids = [r.return_order_id async for r in client.iter_returns(START)]
        echo = await client.refund_return("R1", "C1", [(1, 2)])
    assert ids == ["R1", "R2"]
    assert echo.lines[0].quantity == 2 and echo.return_order_id == "R1"
    sent = body_of(fake.requests[-1])
    assert sent == {
        "customerOrderId": "C1",
        "refundLines": [
            {"returnOrderLineNumber": 1, "quantity": {"unitOfMeasure": "EA", "measurementValue": 2}}
        ],
    }


async def test_catalog_search_requires_exactly_one_key() -> None:
    fake = FakeWalmart()
    fake.route("GET", "/v3/items/walmart/search", {"items": [
        {"itemId": "393016031", "title": "Case", "price": {"amount": "12.99", "currency": "USD"},
         "images": [{"url": "http://img"}]}]})  # fmt: skip
    async with make_client(fake) as client:
        found = await client.search_catalog(gtin="00886859944807")
        with pytest.raises(ValidationError):
            await client.search_catalog(gtin="1", upc="2")
        with pytest.raises(ValidationError):
            await client.search_catalog(upc="12345")
    assert found[0].price and found[0].price.amount == Decimal("12.99")
    assert found[0].image_urls == ["http://img"]


@pytest.mark.parametrize(
    "token_status, problem",
    [(401, "bad_credentials"), (400, "bad_credentials"), (404, "wrong_url")],
)
async def test_connection_report_for_token_failures(token_status: int, problem: str) -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(token_status, json=error_body("X", "no", 1))

    async with make_client(handler) as client:
        report = await client.test_connection()
    assert (report.ok, report.problem) == (False, problem)


async def test_connection_report_ok_and_no_permission() -> None:
    fake = FakeWalmart()
    fake.route("GET", "/v3/orders", lambda r: httpx.Response(
        404, json=error_body("CONTENT_NOT_FOUND.GMP_ORDER_API", "none", 2)))  # fmt: skip
    async with make_client(fake) as client:
        assert (await client.test_connection()).ok
    fake.route("GET", "/v3/orders", lambda r: httpx.Response(
        403, json=error_body("FORBIDDEN.GMP_GATEWAY_API", "scope", 1)))  # fmt: skip
    async with make_client(fake) as client:
        report = await client.test_connection()
    assert report.problem == "no_permission"


async def test_connection_report_unreachable() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("connection refused")

    async with make_client(handler) as client:
        assert (await client.test_connection()).problem == "unreachable"


async def test_secrets_never_logged(caplog: pytest.LogCaptureFixture) -> None:
    fake = FakeWalmart()
    fake.route("GET", "/v3/orders/P1", lambda r: httpx.Response(
        500, json={"echo": r.headers["WM_SEC.ACCESS_TOKEN"]}))  # fmt: skip
    caplog.handler.addFilter(RedactingFilter())
    caplog.set_level(logging.DEBUG)
    async with make_client(fake) as client:
        with pytest.raises(UnavailableError) as info:
            await client.get_order("P1")
        logging.getLogger("x").warning("creds %s %s", client._client_secret, TOKEN1)
    assert "client-secret-value" not in caplog.text and TOKEN1 not in caplog.text
    assert TOKEN1 not in info.value.detail
    lines = [r.getMessage() for r in caplog.records if r.name == "channelmanager_gui.http"]
    assert any("/v3/orders/P1 -> 500" in line and "correlation=" in line for line in lines)


async def test_one_unreadable_order_does_not_hide_the_others() -> None:
    """Real payloads carry nulls; an order that still cannot be read is handed over, not fatal."""
    good = {
        "purchaseOrderId": "1001",
        "customerOrderId": "C1",
        "orderDate": 1568466571000,
        "shippingInfo": {"postalAddress": {"name": None, "address1": None, "city": None}},
        "orderLines": {
            "orderLine": [
                {
                    "lineNumber": "1",
                    "item": {"productName": None, "sku": "A"},
                    "charges": {
                        "charge": [
                            {
                                "chargeType": "PRODUCT",
                                "chargeName": None,
                                "chargeAmount": {"currency": None, "amount": 5},
                                "tax": None,
                            }
                        ]
                    },
                    "orderLineQuantity": {"unitOfMeasurement": "EACH", "amount": "2"},
                    "orderLineStatuses": {
                        "orderLineStatus": [
                            {
                                "status": "Created",
                                "statusQuantity": {"amount": "2"},
                                "trackingInfo": None,
                            }
                        ]
                    },
                }
            ]
        },
    }
    bad = {**good, "purchaseOrderId": "1002", "orderDate": "yesterday-ish"}
    body = {"list": {"meta": {"totalCount": 2}, "elements": {"order": [bad, good]}}}

    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/v3/token":
            return httpx.Response(200, json={"access_token": "t" * 20, "expires_in": 900})
        return httpx.Response(200, json=body)

    skipped: list[str] = []
    async with WalmartClient(
        "https://wm.example", "id", "secret", transport=httpx.MockTransport(handler), spacing={}
    ) as client:
        orders = [
            o
            async for o in client.iter_orders(
                datetime(2024, 1, 1, tzinfo=UTC),
                on_malformed=lambda raw, exc: skipped.append(raw["purchaseOrderId"]),
            )
        ]
    assert [o.marketplace_order_id for o in orders] == ["1001"]
    assert orders[0].lines[0].product_name == "" and orders[0].lines[0].quantity == 2
    assert skipped == ["1002"]


async def test_amounts_are_read_exactly_from_the_json_text() -> None:
    """Charges are parsed to Decimal from their text, never through a float (a float keeps
    only ~16 digits, and 0.1 + 0.2 style noise would reach the order's total)."""
    raw = order("P1")
    charge = raw["orderLines"]["orderLine"][0]["charges"]["charge"][0]
    charge["chargeAmount"]["amount"] = "PRICE"
    charge["tax"] = {"taxAmount": {"currency": "USD", "amount": "TAX"}}
    body = json.dumps({"order": raw}).replace('"PRICE"', "1234567890123456.78")
    body = body.replace('"TAX"', "0.1")
    fake = FakeWalmart()
    fake.route("GET", "/v3/orders/P1", lambda request: httpx.Response(200, content=body))
    async with make_client(fake) as client:
        got = await client.get_order("P1")
    (line,) = got.lines
    assert line.price == Decimal("1234567890123456.78") and line.tax == Decimal("0.1")
