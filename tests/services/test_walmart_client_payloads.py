"""Walmart's own OpenAPI example payloads parse, and mutated payloads fail only as typed errors.

The examples (tests/reference/walmart_openapi) are served through httpx.MockTransport and read
by the client's public methods, so the page handling is exercised too, not only the models.
The hypothesis tests mutate those payloads (replace, delete, wrap, stringify any node) and
require either a parsed result or MalformedResponseError/ValidationError, never a KeyError,
TypeError or other crash.
"""

from __future__ import annotations

import asyncio
import contextlib
import copy
import json
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from channelmanager_gui.errors import MalformedResponseError, NotFoundError, ValidationError
from channelmanager_gui.services.walmart import CancelLine, RefundLine, ShipLine, WalmartClient
from tests.services.walmart_fakes import make_client

SPEC = Path(__file__).resolve().parents[1] / "reference" / "walmart_openapi"
START = datetime(2019, 1, 1, tzinfo=UTC)


def examples(file: str, path: str, method: str) -> list[Any]:
    """Every 200 example body of one operation in a Walmart OpenAPI file."""
    spec = json.loads((SPEC / file).read_text())
    content = spec["paths"][path][method]["responses"]["200"]["content"]["application/json"]
    found = [content["example"]] if "example" in content else []
    found += [e["value"] for e in content.get("examples", {}).values()]
    assert found, f"no example for {method} {path}"
    return found


def serve(body: Any) -> Callable[[httpx.Request], httpx.Response]:
    """Tokens for /v3/token, ``body`` for everything else (without a next cursor on page 2+)."""

    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/v3/token":
            return httpx.Response(200, json={"access_token": "t" * 20, "expires_in": 900})
        return httpx.Response(200, content=json.dumps(body).encode())

    return handler


async def _collect(aiter: Any) -> list[Any]:
    return [x async for x in aiter]


def run(body: Any, call: Callable[[WalmartClient], Awaitable[Any]]) -> Any:
    async def scenario() -> Any:
        async with make_client(serve(body), attempts=1) as client:
            return await call(client)

    return asyncio.run(scenario())


ORDER_LISTS = [
    *examples("orders.json", "/v3/orders", "get"),
    *examples("orders.json", "/v3/orders/released", "get"),
]
SINGLE_ORDERS = [
    *examples("orders.json", "/v3/orders/{purchaseOrderId}", "get"),
    *examples("orders.json", "/v3/orders/{purchaseOrderId}/acknowledge", "post"),
    *examples("orders.json", "/v3/orders/{purchaseOrderId}/shipping", "post"),
    *examples("orders.json", "/v3/orders/{purchaseOrderId}/cancel", "post"),
    *examples("orders.json", "/v3/orders/{purchaseOrderId}/refund", "post"),
]
RETURN_LISTS = examples("returns.json", "/v3/returns", "get")


def first_page_only(body: Any) -> Any:
    """The example's cursor would fetch the same example again; drop it for the fixture test."""
    body = copy.deepcopy(body)
    meta = body.get("list", body).get("meta", {})
    meta.pop("nextCursor", None)
    return body


@pytest.mark.parametrize("body", ORDER_LISTS)
def test_every_order_list_example_parses(body: Any) -> None:
    orders = run(first_page_only(body), lambda c: _collect(c.iter_orders(START)))
    assert len(orders) == len(body["list"]["elements"]["order"])
    for order in orders:
        assert order.order_date.tzinfo is not None
        assert all(line.quantity >= 1 for line in order.lines)


@pytest.mark.parametrize("body", SINGLE_ORDERS)
def test_every_single_order_example_parses(body: Any) -> None:
    order = run(body, lambda c: c.get_order("1"))
    assert order.marketplace_order_id == body["order"]["purchaseOrderId"]
    line = order.lines[0]
    assert line.statuses and isinstance(line.statuses[0].quantity, int)


def test_order_actions_parse_their_examples() -> None:
    when = datetime(2024, 1, 2, tzinfo=UTC)
    ship = ShipLine("1", 1, "1Z", when, carrier="FedEx", seller_order_id="100000001")
    body = examples("orders.json", "/v3/orders/{purchaseOrderId}/shipping", "post")[0]
    assert run(body, lambda c: c.ship_lines("1", [ship])).lines[0].statuses[0].tracking
    body = examples("orders.json", "/v3/orders/{purchaseOrderId}/cancel", "post")[0]
    cancel = CancelLine("1", 1, "SELLER_CANCEL_OUT_OF_STOCK")
    assert run(body, lambda c: c.cancel_lines("1", [cancel])).marketplace_order_id
    body = examples("orders.json", "/v3/orders/{purchaseOrderId}/refund", "post")[0]
    refund = RefundLine("1", "DamagedItem", amount=Decimal("5"))
    assert run(body, lambda c: c.refund_lines("1", [refund])).marketplace_order_id


def test_example_with_tracking_refund_and_odd_carrier() -> None:
    body = examples("orders.json", "/v3/orders/{purchaseOrderId}", "get")[1]  # ATTRIBUTES
    status = run(body, lambda c: c.get_order("1")).lines[0].statuses[0]
    assert status.cancellation_reason == "xyz"  # read as sent; only our input is validated
    assert status.tracking and status.tracking.carrier == "FED_EX"
    assert status.tracking.ship_datetime and status.tracking.ship_datetime.year == 2009


@pytest.mark.parametrize("body", RETURN_LISTS)
def test_every_return_example_parses(body: Any) -> None:
    body = copy.deepcopy(body)
    body["meta"].pop("nextCursor")
    returns = run(body, lambda c: _collect(c.iter_returns(START)))
    line = returns[0].lines[0]
    assert line.sku == "ANTL_GDL-0700" and line.quantity == 3
    assert line.current_status == "COMPLETED" and returns[0].return_order_date
    echo = examples("returns.json", "/v3/returns/{returnOrderId}/refund", "post")[0]
    refund = run(echo, lambda c: c.refund_return("R", "C", [(1, 2)]))
    assert refund.lines[0].quantity == 2


def test_item_feed_inventory_and_price_examples_parse() -> None:
    for body in examples("items.json", "/v3/items", "get"):
        body = {k: v for k, v in body.items() if k != "nextCursor"}
        assert run(body, lambda c: _collect(c.iter_items()))
    item = run(examples("items.json", "/v3/items/{id}", "get")[0], lambda c: c.get_item("x"))
    assert item.gtin == "06932096330348"
    hits = run(examples("items.json", "/v3/items/walmart/search", "get")[0],
               lambda c: c.search_catalog(query="ipad"))  # fmt: skip
    assert hits and hits[0].item_id == "393016031"
    retired = run(examples("items.json", "/v3/items/{SKU}", "delete")[0],
                  lambda c: c.retire_item("97964_KFTest"))  # fmt: skip
    assert retired.sku == "97964_KFTest"
    feed = run(examples("feeds.json", "/v3/feeds/{feedId}", "get")[0],
               lambda c: c.get_feed_status("F@1"))  # fmt: skip
    assert feed.done and feed.items[0].status == "SUCCESS"
    inventory = run(examples("inventory.json", "/v3/inventory", "get")[0],
                    lambda c: c.get_inventory("97964_KFTest"))  # fmt: skip
    assert inventory.quantity == 10
    price = run(examples("price.json", "/v3/price", "put")[0],
                lambda c: c.update_price("97964_KFTest", 10))  # fmt: skip
    assert price.sku == "97964_KFTest"


# --- property tests -----------------------------------------------------------------------

json_leaves = st.one_of(
    st.none(), st.booleans(), st.integers(min_value=-(2**70), max_value=2**70),
    st.floats(allow_nan=True, allow_infinity=True), st.text(max_size=8),
)  # fmt: skip
json_values = st.recursive(
    json_leaves,
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner, max_size=3)
    ),
    max_leaves=6,
)


def node_paths(value: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    paths = [prefix]
    if isinstance(value, dict):
        for key, child in value.items():
            paths += node_paths(child, (*prefix, key))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            paths += node_paths(child, (*prefix, index))
    return paths


@st.composite
def mutated(draw: st.DrawFn, body: Any) -> Any:
    """``body`` with one to three nodes replaced, deleted, wrapped in a list or stringified."""
    doc = copy.deepcopy(body)
    for _ in range(draw(st.integers(1, 3))):
        paths = node_paths(doc)
        path = draw(st.sampled_from(paths))
        op = draw(st.sampled_from(["replace", "delete", "wrap", "stringify", "null"]))
        if not path:
            doc = draw(json_values) if op == "replace" else doc
            continue
        parent = doc
        for step in path[:-1]:
            parent = parent[step]
        key, old = path[-1], parent[path[-1]]
        if op == "delete":
            del parent[key]
        elif op == "replace":
            parent[key] = draw(json_values)
        elif op == "wrap":
            parent[key] = [old]
        elif op == "stringify":
            parent[key] = json.dumps(old)
        else:
            parent[key] = None
    return doc


TYPED = (MalformedResponseError, ValidationError, NotFoundError)
PROPERTY = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


def parses_or_typed_error(body: Any, call: Callable[[WalmartClient], Awaitable[Any]]) -> None:
    with contextlib.suppress(*TYPED):
        run(body, call)


@PROPERTY
@given(st.data())
def test_order_list_mutations(data: st.DataObject) -> None:
    body = data.draw(mutated(first_page_only(ORDER_LISTS[0])))
    parses_or_typed_error(body, lambda c: _collect(c.iter_orders(START)))


@PROPERTY
@given(st.data())
def test_single_order_mutations(data: st.DataObject) -> None:
    body = data.draw(mutated(data.draw(st.sampled_from(SINGLE_ORDERS))))
    parses_or_typed_error(body, lambda c: c.get_order("1"))


@PROPERTY
@given(st.data())
def test_return_list_mutations(data: st.DataObject) -> None:
    body = data.draw(mutated(RETURN_LISTS[0]))
    parses_or_typed_error(body, lambda c: _collect(c.iter_returns(START)))


@PROPERTY
@given(st.data())
def test_item_list_mutations(data: st.DataObject) -> None:
    body = data.draw(mutated(examples("items.json", "/v3/items", "get")[1]))
    parses_or_typed_error(body, lambda c: _collect(c.iter_items()))


@PROPERTY
@given(st.data())
def test_feed_and_search_mutations(data: st.DataObject) -> None:
    feed = data.draw(mutated(examples("feeds.json", "/v3/feeds/{feedId}", "get")[0]))
    parses_or_typed_error(feed, lambda c: c.get_feed_status("F@1"))
    hits = data.draw(mutated(examples("items.json", "/v3/items/walmart/search", "get")[0]))
    parses_or_typed_error(hits, lambda c: c.search_catalog(query="x"))


@pytest.mark.parametrize("cursor", ["?\x00", "?a\nb", "?é", "?a#b", 5, ["?x"]])
def test_unusable_cursors_are_malformed(cursor: Any) -> None:
    body = {"list": {"meta": {"nextCursor": cursor}, "elements": {"order": []}}}
    with pytest.raises(MalformedResponseError) as info:
        run(body, lambda c: _collect(c.iter_orders(START)))
    assert info.value.field == "list.meta.nextCursor"
    items = {"ItemResponse": [{"sku": "A"}], "nextCursor": cursor}
    with pytest.raises(MalformedResponseError):
        run(items, lambda c: _collect(c.iter_items()))
