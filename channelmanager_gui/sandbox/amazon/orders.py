"""Orders API reads: v2026-01-01 ``searchOrders``/``getOrder`` (§2.5) and the deprecated v0
``getOrders``/``getOrder``/``getOrderItems`` (§2.2, §2.4), over one order store.

Both searches share the date-window rules of §2.2: exactly one of created/lastUpdated *After*,
no mixing of the two families, *Before* ≥ *After* and at least two minutes old. When no *Before*
is given the request time bounds the window and is echoed (``lastUpdatedBefore``) so a client
can use it as its next watermark; what Amazon uses as that default is not in the reference.
``marketplaceIds`` is required in v0 and optional in v2026 (``required: false`` in Amazon's
model ``orders_2026-01-01.json``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from starlette.requests import Request
from starlette.responses import Response

from .clock import iso, parse_iso
from .errors import invalid_input, json_response
from .http import caller, check_marketplaces, endpoint, query_int
from .ordershape import V0_STATUS, item_v0, order_v0, order_v2026
from .orderstore import Order

if TYPE_CHECKING:
    from .state import AmazonState

MIN_AGE = 120.0  # "…Before must be at least two minutes in the past" (§2.2)
INCLUDED = {
    "BUYER",
    "RECIPIENT",
    "PROCEEDS",
    "EXPENSE",
    "PROMOTION",
    "CANCELLATION",
    "FULFILLMENT",
    "PACKAGES",
    "TAX",
    "PAYMENT",
    "FULFILLMENT_ORDERS",
}
V0_NAMES = {
    "createdAfter": "CreatedAfter",
    "createdBefore": "CreatedBefore",
    "lastUpdatedAfter": "LastUpdatedAfter",
    "lastUpdatedBefore": "LastUpdatedBefore",
    "marketplaceIds": "MarketplaceIds",
    "maxResultsPerPage": "MaxResultsPerPage",
}


# The model's FulfillmentStatus enum [models orders_2026-01-01.json]; PENDING_AVAILABILITY and
# UNFULFILLABLE are accepted as filters though no seeded order is ever in them.
STATUSES = {
    "PENDING_AVAILABILITY",
    "PENDING",
    "UNSHIPPED",
    "PARTIALLY_SHIPPED",
    "SHIPPED",
    "CANCELLED",
    "UNFULFILLABLE",
}
V0_FILTERS = ("OrderStatuses", "FulfillmentChannels", "AmazonOrderIds")


def _csv(value: str | None) -> list[str]:
    return [p.strip() for p in (value or "").split(",") if p.strip()]


def _date(q: dict[str, str], name: str) -> float | None:
    if name not in q:
        return None
    value = parse_iso(q[name])
    if value is None:
        raise invalid_input(details=f"{name} is not an ISO 8601 date-time")
    return value


def window(q: dict[str, str], now: float) -> dict[str, Any]:
    """The validated date window; ``q`` uses the v2026 (camelCase) names."""
    created = "createdAfter" in q or "createdBefore" in q
    updated = "lastUpdatedAfter" in q or "lastUpdatedBefore" in q
    if created == updated:
        raise invalid_input(details="Exactly one of createdAfter and lastUpdatedAfter is required")
    family = "created" if created else "lastUpdated"
    after = _date(q, f"{family}After")
    before = _date(q, f"{family}Before")
    if after is None:
        raise invalid_input(details=f"{family}After is required with {family}Before")
    if before is not None and (before < after or before > now - MIN_AGE):
        raise invalid_input()  # the generic 400 people met for this (§1.3, §2.2)
    return {"field": family, "after": after, "before": now if before is None else before}


def _matches(order: Order, query: dict[str, Any]) -> bool:
    stamp = order.created if query["field"] == "created" else order.updated
    return (
        query["after"] <= stamp <= query["before"]
        and (not query["markets"] or order.marketplace_id in query["markets"])
        and (not query["statuses"] or order.status in query["statuses"])
        and (not query["channels"] or order.channel in query["channels"])
        and (not query["ids"] or order.order_id in query["ids"])
    )


def _query(q: dict[str, str], state: AmazonState, v0: bool) -> dict[str, Any]:
    query = window(q, state.now())
    query["markets"] = check_marketplaces(_csv(q.get("marketplaceIds")), 50)
    if v0 and not query["markets"]:
        raise invalid_input(details="MarketplaceIds is required")  # required in v0 only
    if v0:
        query["statuses"] = _csv(q.get("OrderStatuses"))
        query["channels"] = _csv(q.get("FulfillmentChannels"))
        query["ids"] = _csv(q.get("AmazonOrderIds"))
    else:
        statuses, by = _csv(q.get("fulfillmentStatuses")), _csv(q.get("fulfilledBy"))
        if not set(statuses) <= STATUSES or not set(by) <= {"MERCHANT", "AMAZON"}:
            raise invalid_input(details="Unknown fulfillmentStatuses or fulfilledBy value")
        query["statuses"] = [V0_STATUS.get(s, s) for s in statuses]
        query["channels"] = ["AFN" if b == "AMAZON" else "MFN" for b in by]
        query["ids"] = []
    return query


def _page(
    request: Request, state: AmazonState, v0: bool
) -> tuple[list[Order], str | None, dict[str, Any]]:
    """(orders of this page, next token or None, the query) for either API version."""
    q = dict(request.query_params)
    token = q.get("NextToken" if v0 else "paginationToken")
    if token is not None:
        cursor = state.page_tokens.resolve(token)  # filters come with the token (§2.2)
        query, offset = cursor.query, cursor.offset
    else:
        if v0:  # v0 spells the shared parameters in PascalCase
            q = {k: v for k, v in q.items() if k in V0_FILTERS} | {
                new: q[old] for new, old in V0_NAMES.items() if old in q
            }
        query, offset = _query(q, state, v0), 0
        query["size"] = query_int(
            request, "MaxResultsPerPage" if v0 else "maxResultsPerPage", 100, 1, 100
        )
    found = [o for o in state.orders.all() if _matches(o, query)]
    end = offset + query["size"]
    nxt = state.page_tokens.issue(query, end) if end < len(found) else None
    return found[offset:end], nxt, query


async def search_orders(request: Request, state: AmazonState) -> Response:
    included = set(_csv(request.query_params.get("includedData")))
    if not included <= INCLUDED:
        raise invalid_input(details=f"Unknown includedData: {sorted(included - INCLUDED)}")
    orders, nxt, query = _page(request, state, v0=False)
    body: dict[str, Any] = {"orders": [order_v2026(o, included, state.pii_roles) for o in orders]}
    if nxt:
        body["pagination"] = {"nextToken": nxt}
    body[f"{query['field']}Before"] = iso(query["before"])
    return json_response(body)


async def get_order(request: Request, state: AmazonState) -> Response:
    included = set(_csv(request.query_params.get("includedData")))
    if not included <= INCLUDED:
        raise invalid_input(details=f"Unknown includedData: {sorted(included - INCLUDED)}")
    order = state.orders.get(request.path_params["orderId"])
    return json_response({"order": order_v2026(order, included, state.pii_roles)})


async def get_orders_v0(request: Request, state: AmazonState) -> Response:
    orders, nxt, query = _page(request, state, v0=True)
    address = state.rdt_covers(caller(request), request.url.path, "shippingAddress")
    buyer = state.rdt_covers(caller(request), request.url.path, "buyerInfo")
    payload: dict[str, Any] = {"Orders": [order_v0(o, address, buyer) for o in orders]}
    if nxt:
        payload["NextToken"] = nxt
    payload["LastUpdatedBefore" if query["field"] == "lastUpdated" else "CreatedBefore"] = iso(
        query["before"]
    )
    return json_response({"payload": payload})


async def get_order_v0(request: Request, state: AmazonState) -> Response:
    order = state.orders.get(request.path_params["orderId"])
    address = state.rdt_covers(caller(request), request.url.path, "shippingAddress")
    buyer = state.rdt_covers(caller(request), request.url.path, "buyerInfo")
    return json_response({"payload": order_v0(order, address, buyer)})


async def get_order_address_v0(request: Request, state: AmazonState) -> Response:
    """v0 ``getOrderAddress`` (§2.1): ``{"payload": {AmazonOrderId, ShippingAddress}}``
    [models ordersV0.json ``OrderAddress``]; the same PII gate as ``getOrder`` (§1.5)."""
    order = state.orders.get(request.path_params["orderId"])
    full = state.rdt_covers(caller(request), request.url.path, "shippingAddress")
    payload: dict[str, Any] = {"AmazonOrderId": order.order_id}
    shipping = order_v0(order, full, False).get("ShippingAddress")
    if shipping is not None:  # only for the statuses that carry one (§1.5)
        payload["ShippingAddress"] = shipping
    return json_response({"payload": payload})


async def get_order_items_v0(request: Request, state: AmazonState) -> Response:
    order = state.orders.get(request.path_params["orderId"])
    items = [item_v0(order, i) for i in order.items]
    return json_response({"payload": {"AmazonOrderId": order.order_id, "OrderItems": items}})


ROUTES = [
    endpoint("GET", "/orders/2026-01-01/orders", search_orders, "searchOrders"),
    endpoint("GET", "/orders/2026-01-01/orders/{orderId}", get_order, "getOrder"),
    endpoint("GET", "/orders/v0/orders", get_orders_v0, "getOrders"),
    endpoint("GET", "/orders/v0/orders/{orderId}", get_order_v0, "getOrderV0"),
    endpoint("GET", "/orders/v0/orders/{orderId}/orderItems", get_order_items_v0, "getOrderItems"),
    endpoint("GET", "/orders/v0/orders/{orderId}/address", get_order_address_v0, "getOrderAddress"),
]
