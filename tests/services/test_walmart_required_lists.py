"""Lists Walmart's OpenAPI marks required: missing is malformed, not "nothing there".

``GET /v3/returns`` requires ``meta`` and ``returnOrders``; ``GET /v3/items`` and
``GET /v3/items/{id}`` require ``ItemResponse`` (tests/reference/walmart_openapi). Read as
empty, a broken answer would mean "no returns", "no items" or "Walmart has no item" (and a
listing created again). An answer whose own count is 0 may leave the list out.
"""

from __future__ import annotations

import copy
from typing import Any

import pytest

from channelmanager_gui.errors import MalformedResponseError, NotFoundError
from tests.services.test_walmart_client_payloads import (
    RETURN_LISTS,
    START,
    _collect,
    examples,
    run,
)

ITEM_LISTS = examples("items.json", "/v3/items", "get")


def _without(body: dict[str, Any], key: str, **extra: Any) -> dict[str, Any]:
    body = copy.deepcopy(body)
    body.pop(key)
    body.update(extra)
    return body


def test_the_examples_still_read() -> None:
    returns = run(RETURN_LISTS[0] | {"meta": {"totalCount": 1}},
                  lambda c: _collect(c.iter_returns(START)))  # fmt: skip
    assert returns and returns[0].return_order_id
    items = run(ITEM_LISTS[0] | {"nextCursor": None}, lambda c: _collect(c.iter_items()))
    assert items and items[0].sku


@pytest.mark.parametrize("meta", [None, {"totalCount": 3}, {}])
def test_returns_without_return_orders_are_malformed(meta: Any) -> None:
    body = _without(RETURN_LISTS[0], "returnOrders", meta=meta)
    with pytest.raises(MalformedResponseError) as caught:
        run(body, lambda c: _collect(c.iter_returns(START)))
    assert caught.value.field == "returnOrders"


def test_returns_counted_as_none_may_leave_the_list_out() -> None:
    body = {"meta": {"totalCount": 0, "limit": 10}}
    assert run(body, lambda c: _collect(c.iter_returns(START))) == []


@pytest.mark.parametrize("extra", [{}, {"totalItems": 5}, {"ItemResponse": None}])
def test_items_without_item_response_are_malformed(extra: dict[str, Any]) -> None:
    body = _without(ITEM_LISTS[0], "ItemResponse", nextCursor=None, totalItems=None) | extra
    with pytest.raises(MalformedResponseError) as caught:
        run(body, lambda c: _collect(c.iter_items()))
    assert caught.value.field == "ItemResponse"
    with pytest.raises(MalformedResponseError):
        run(body, lambda c: c.get_item("MUG-1"))


def test_an_item_counted_as_none_is_not_found() -> None:
    with pytest.raises(NotFoundError):
        run({"totalItems": 0}, lambda c: c.get_item("MUG-1"))
    assert run({"ItemResponse": [], "totalItems": 0}, lambda c: _collect(c.iter_items())) == []


@pytest.mark.parametrize("meta", [{"totalCount": 2, "limit": 10}, {}])
def test_an_order_list_without_its_elements_is_malformed(meta: dict[str, Any]) -> None:
    with pytest.raises(MalformedResponseError) as caught:
        run({"list": {"meta": meta}}, lambda c: _collect(c.iter_orders(START)))
    assert caught.value.field == "list.elements"


def test_an_order_list_counted_as_none_or_with_empty_elements_is_empty() -> None:
    assert (
        run({"list": {"meta": {"totalCount": 0}}}, lambda c: _collect(c.iter_orders(START))) == []
    )
    assert (
        run({"list": {"meta": {}, "elements": {}}}, lambda c: _collect(c.iter_orders(START))) == []
    )
