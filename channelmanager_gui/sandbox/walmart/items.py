"""Item endpoints (reference §8): list, one item, count, retire, and Walmart catalog search."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from .errors import json_response
from .http import endpoint, params
from .state import WalmartState

RETIRE_MESSAGE = (
    "Thank you.  Your item has been submitted for retirement from Walmart Catalog.  "
    "Please note that it can take up to 48 hours for items to be retired from our "
    "catalog."
)


async def list_items(request: Request, state: WalmartState) -> Response:
    query = params(request)
    return json_response(state.run(lambda: state.items.page(query)))


async def get_item(request: Request, state: WalmartState) -> Response:
    ident = request.path_params["ident"]
    id_type = request.query_params.get("productIdType", "SKU")
    item = state.run(lambda: state.items.lookup(ident, id_type).item_json())
    return json_response({"ItemResponse": [item], "totalItems": 1})


async def count(request: Request, state: WalmartState) -> Response:
    status = request.query_params.get("status")
    return json_response(state.run(lambda: state.items.count(status)))


async def retire(request: Request, state: WalmartState) -> Response:
    sku = request.path_params["ident"]
    state.run(lambda: state.items.retire(sku))
    return json_response(
        {"sku": sku, "message": RETIRE_MESSAGE, "additionalAttributes": None, "errors": None}
    )


async def search(request: Request, state: WalmartState) -> Response:
    query = params(request)
    return json_response({"items": state.run(lambda: state.items.search(query))})


# Specific paths first: ``{ident:path}`` also matches "count" and "walmart/search", and it must
# take the whole rest of the path because SKUs may hold an encoded "/".
ROUTES: list[Route] = [
    endpoint("GET", "/v3/items", list_items, "items"),
    endpoint("GET", "/v3/items/count", count, "items_count"),
    endpoint("GET", "/v3/items/walmart/search", search, "items_search"),
    endpoint("GET", "/v3/items/{ident:path}", get_item, "item"),
    endpoint("DELETE", "/v3/items/{ident:path}", retire, "item_retire"),
]
