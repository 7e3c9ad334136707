"""Orders API reads: v2026 searchOrders/getOrder and v0 getOrders/getOrderItems (§2.2–§2.5)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from .conftest import US, AmazonClient, error

SEARCH = "/orders/2026-01-01/orders"
LONG_AGO = "2020-01-01T00:00:00Z"


def _ago(client: AmazonClient, seconds: float) -> str:
    now = datetime.fromisoformat(client.admin("POST", "clock", {"advance": 0})["now"])
    return (now - timedelta(seconds=seconds)).astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _search(client: AmazonClient, **params: Any) -> Any:
    answer = client.get(SEARCH, params={"marketplaceIds": US, **params})
    assert answer.status_code == 200, answer.text
    return answer.json()


def test_pages_with_a_token_holding_plus_slash_equals(amazon: AmazonClient) -> None:
    first = _search(amazon, lastUpdatedAfter=LONG_AGO, maxResultsPerPage=4)
    token = first["pagination"]["nextToken"]
    assert {"+", "/", "="} <= set(token)
    seen = [o["orderId"] for o in first["orders"]]
    tokens = []
    while token:
        tokens.append(token)
        # httpx URL-encodes the token; the other filters travel inside it (§2.2).
        page = amazon.get(SEARCH, params={"paginationToken": token}).json()
        seen += [o["orderId"] for o in page["orders"]]
        token = page.get("pagination", {}).get("nextToken")
    assert len(tokens) >= 7 and all({"+", "/", "="} <= set(t) for t in tokens)
    everything = _search(amazon, lastUpdatedAfter=LONG_AGO)
    assert "pagination" not in everything
    assert seen == [o["orderId"] for o in everything["orders"]] and len(seen) >= 30
    assert everything["lastUpdatedBefore"].endswith("Z")
    items = everything["orders"][0]["orderItems"]  # items are embedded
    assert items and {"orderItemId", "quantityOrdered", "product"} <= set(items[0])


def test_token_not_url_encoded_is_amazons_decode_400(amazon: AmazonClient) -> None:
    token = _search(amazon, lastUpdatedAfter=LONG_AGO, maxResultsPerPage=2)["pagination"][
        "nextToken"
    ]
    raw = amazon.get(f"{SEARCH}?paginationToken={token}")  # '+' arrives as a space
    assert raw.status_code == 400
    assert error(raw)["message"].startswith("We could not decode your NextToken.")
    bad = amazon.get(SEARCH, params={"paginationToken": "bm90IGEgdG9rZW4="})
    assert bad.status_code == 400 and error(bad)["code"] == "InvalidInput"


def test_before_must_be_two_minutes_old(amazon: AmazonClient) -> None:
    recent = amazon.get(
        SEARCH,
        params={
            "marketplaceIds": US,
            "lastUpdatedAfter": LONG_AGO,
            "lastUpdatedBefore": _ago(amazon, 60),
        },
    )
    assert recent.status_code == 400 and error(recent)["code"] == "InvalidInput"
    old = amazon.get(
        SEARCH,
        params={
            "marketplaceIds": US,
            "lastUpdatedAfter": LONG_AGO,
            "lastUpdatedBefore": _ago(amazon, 180),
        },
    )
    assert old.status_code == 200


def test_after_rules(amazon: AmazonClient) -> None:
    none = amazon.get(SEARCH, params={"marketplaceIds": US})
    both = amazon.get(
        SEARCH,
        params={"marketplaceIds": US, "createdAfter": LONG_AGO, "lastUpdatedAfter": LONG_AGO},
    )
    mixed = amazon.get(
        SEARCH,
        params={"marketplaceIds": US, "createdAfter": LONG_AGO, "lastUpdatedBefore": LONG_AGO},
    )
    size = amazon.get(
        SEARCH, params={"marketplaceIds": US, "createdAfter": LONG_AGO, "maxResultsPerPage": 101}
    )
    assert [a.status_code for a in (none, both, mixed, size)] == [400] * 4


def test_pending_gets_prices_when_authorized(amazon: AmazonClient) -> None:
    made = amazon.new_order(qty=2, pending=True)
    get = f"{SEARCH}/{made['orderId']}"
    pending = amazon.get(get, params={"includedData": "PROCEEDS,FULFILLMENT"}).json()["order"]
    assert pending["fulfillment"]["fulfillmentStatus"] == "PENDING"
    assert "proceeds" not in pending and "price" not in pending["orderItems"][0]["product"]
    v0 = amazon.get(f"/orders/v0/orders/{made['orderId']}/orderItems").json()["payload"]
    assert "ItemPrice" not in v0["OrderItems"][0]
    order_v0 = amazon.get(f"/orders/v0/orders/{made['orderId']}").json()["payload"]
    assert order_v0["OrderStatus"] == "Pending" and "OrderTotal" not in order_v0
    amazon.advance(61)  # pending_seconds is 60
    ready = amazon.get(get, params={"includedData": "PROCEEDS,FULFILLMENT"}).json()["order"]
    assert ready["fulfillment"]["fulfillmentStatus"] == "UNSHIPPED"
    assert ready["lastUpdatedTime"] > pending["lastUpdatedTime"]
    assert ready["proceeds"]["grandTotal"]["currencyCode"] == "USD"
    unit = ready["orderItems"][0]["product"]["price"]["unitPrice"]
    assert isinstance(unit["amount"], str) and unit["currencyCode"] == "USD"
    item = amazon.get(f"/orders/v0/orders/{made['orderId']}/orderItems").json()["payload"]
    line = item["OrderItems"][0]["ItemPrice"]["Amount"]
    assert line == f"{2 * float(unit['amount']):.2f}"  # v0 ItemPrice is the line total (§2.4)


def test_statuses_channels_and_filters(amazon: AmazonClient) -> None:
    bare = amazon.get(SEARCH, params={"createdAfter": LONG_AGO}).json()["orders"]  # no markets
    assert bare and "fulfillment" not in bare[0]  # only with includedData=FULFILLMENT
    orders = _search(amazon, createdAfter=LONG_AGO, includedData="FULFILLMENT")["orders"]
    assert len(orders) == len(bare)
    statuses = {o["fulfillment"]["fulfillmentStatus"] for o in orders}
    assert {"UNSHIPPED", "SHIPPED"} <= statuses
    assert {o["fulfillment"]["fulfilledBy"] for o in orders} == {"MERCHANT", "AMAZON"}
    fba = _search(amazon, createdAfter=LONG_AGO, fulfilledBy="AMAZON", includedData="FULFILLMENT")[
        "orders"
    ]
    assert fba and all(o["fulfillment"]["fulfilledBy"] == "AMAZON" for o in fba)
    shipped = _search(
        amazon, createdAfter=LONG_AGO, fulfillmentStatuses="SHIPPED", includedData="FULFILLMENT"
    )["orders"]
    unknown = amazon.get(
        SEARCH, params={"createdAfter": LONG_AGO, "fulfillmentStatuses": "Shipped"}
    )
    assert unknown.status_code == 400  # v2026 spells statuses in upper snake case
    assert shipped and all(o["fulfillment"]["fulfillmentStatus"] == "SHIPPED" for o in shipped)


def test_buyer_cancel_request_bumps_last_update(amazon: AmazonClient) -> None:
    made = amazon.new_order(qty=1)
    amazon.advance(200)
    mark = _ago(amazon, 1)
    amazon.admin("POST", f"orders/{made['orderId']}/cancel_request", {"reason": "Ordered twice"})
    amazon.advance(180)
    found = _search(amazon, lastUpdatedAfter=mark, includedData="CANCELLATION")["orders"]
    assert [o["orderId"] for o in found] == [made["orderId"]]
    request = found[0]["orderItems"][0]["cancellation"]["cancellationRequest"]
    assert request == {"requester": "BUYER", "cancelReason": "Ordered twice"}
    v0 = amazon.get(f"/orders/v0/orders/{made['orderId']}/orderItems").json()["payload"]
    assert v0["OrderItems"][0]["BuyerRequestedCancel"] == {
        "IsBuyerRequestedCancel": "true",
        "BuyerCancelReason": "Ordered twice",
    }


def test_v0_get_orders_pages_in_payload(amazon: AmazonClient) -> None:
    params = {"MarketplaceIds": US, "CreatedAfter": LONG_AGO, "MaxResultsPerPage": 5}
    first = amazon.get("/orders/v0/orders", params=params).json()["payload"]
    assert len(first["Orders"]) == 5 and "CreatedBefore" in first
    order = first["Orders"][0]
    assert {"AmazonOrderId", "PurchaseDate", "LastUpdateDate", "OrderStatus"} <= set(order)
    nxt = amazon.get("/orders/v0/orders", params={**params, "NextToken": first["NextToken"]})
    assert nxt.status_code == 200
    assert nxt.json()["payload"]["Orders"][0]["AmazonOrderId"] != order["AmazonOrderId"]
    missing = amazon.get("/orders/v0/orders", params={"CreatedAfter": LONG_AGO})
    assert missing.status_code == 400
    unknown = amazon.get("/orders/2026-01-01/orders/111-0000000-0000000")
    assert unknown.status_code == 404 and "x-amzn-RateLimit-Limit" in unknown.headers
