"""Order endpoints (reference §3–§4): search, released, one PO, and the four actions."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from . import orderflow
from .errors import json_response
from .http import endpoint, json_body, params
from .orderdata import Order, order_json
from .state import WalmartState, now_ms


async def list_orders(request: Request, state: WalmartState) -> Response:
    return _page(state, params(request), released=False)


async def released(request: Request, state: WalmartState) -> Response:
    return _page(state, params(request), released=True)


def _page(state: WalmartState, query: dict[str, str], released: bool) -> Response:
    page, orders = state.search_orders(query, released)
    meta: dict[str, Any] = {"totalCount": page.total, "limit": page.limit}
    if page.next_cursor:
        meta["nextCursor"] = page.next_cursor
    return json_response({"list": {"meta": meta, "elements": {"order": orders}}})


async def get_order(request: Request, state: WalmartState) -> Response:
    product_info = request.query_params.get("productInfo", "").lower() == "true"
    return json_response({"order": state.order_json(request.path_params["po"], product_info)})


def _action(apply: Callable[[Order, Any, WalmartState], None]) -> Callable[..., Any]:
    """Wrap a state-machine step: load the PO, apply atomically, answer ``{"order": ORDER}``."""

    async def handler(request: Request, state: WalmartState) -> Response:
        body = await json_body(request)
        po = request.path_params["po"]

        def go() -> dict[str, Any]:
            order = state.order(po)
            apply(order, body, state)
            return order_json(order)

        return json_response({"order": state.run(go)})

    return handler


acknowledge = _action(lambda o, _b, _s: orderflow.acknowledge(o, now_ms()))
ship = _action(lambda o, b, _s: orderflow.ship(o, b, now_ms()))
cancel = _action(lambda o, b, _s: orderflow.cancel(o, b, now_ms()))
refund = _action(lambda o, b, s: orderflow.refund(o, b, now_ms(), s.next_refund_id()))

ROUTES: list[Route] = [
    endpoint("GET", "/v3/orders", list_orders, "orders"),
    endpoint("GET", "/v3/orders/released", released, "orders_released"),
    endpoint("GET", "/v3/orders/{po}", get_order, "orders"),
    endpoint("POST", "/v3/orders/{po}/acknowledge", acknowledge, "order_acknowledge"),
    endpoint("POST", "/v3/orders/{po}/shipping", ship, "order_shipping"),
    endpoint("POST", "/v3/orders/{po}/cancel", cancel, "order_cancel"),
    endpoint("POST", "/v3/orders/{po}/refund", refund, "order_refund"),
]
