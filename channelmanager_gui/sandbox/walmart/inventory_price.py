"""Single-SKU inventory and price updates (reference §6–§7)."""

from __future__ import annotations

from typing import Any

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from .errors import WalmartError, bad_param, json_response
from .http import endpoint, json_body
from .orderflow import as_list, dig
from .state import WalmartState

INVENTORY = "GMP_INVENTORY_API"
PRICE = "GMP_PRICE_API"
PRICE_MESSAGE = (
    "Thank you. Your price has been updated. Please allow up to five minutes for "
    "this change to be reflected on the site."
)


def _sku(request: Request) -> str:
    sku = request.query_params.get("sku", "")
    if not sku:
        raise bad_param(INVENTORY, "sku", "Query parameter sku is required", missing=True)
    return sku


def _inventory_json(sku: str, amount: int) -> dict[str, Any]:
    return {"sku": sku, "quantity": {"unit": "EACH", "amount": amount}}


async def get_inventory(request: Request, state: WalmartState) -> Response:
    sku = _sku(request)
    return json_response(_inventory_json(sku, state.inventory(sku)))


def _invalid(service: str, text: str) -> WalmartError:
    return WalmartError(400, f"INVALID_REQUEST_CONTENT.{service}", text)


async def put_inventory(request: Request, state: WalmartState) -> Response:
    sku = _sku(request)
    body = await json_body(request, INVENTORY)
    amount = dig(body, "quantity", "amount")
    if (
        isinstance(amount, bool)
        or not isinstance(amount, int | float)
        or amount < 0
        or amount != int(amount)
    ):
        raise _invalid(INVENTORY, "quantity.amount must be a whole number of 0 or more")
    if dig(body, "quantity", "unit") not in (None, "EACH"):
        raise _invalid(INVENTORY, "quantity.unit must be EACH")

    def go() -> int:
        item = state.items.get(sku)
        item.quantity = int(amount)
        return item.quantity

    return json_response(_inventory_json(sku, state.run(go)))


async def put_price(request: Request, state: WalmartState) -> Response:
    body = await json_body(request, PRICE)
    sku = dig(body, "sku")
    pricing = as_list(dig(body, "pricing"))
    amount = dig(pricing[0], "currentPrice", "amount") if pricing else None
    if not isinstance(sku, str) or not sku:
        raise _invalid(PRICE, "sku is required")
    if isinstance(amount, bool) or not isinstance(amount, int | float) or amount <= 0:
        raise _invalid(PRICE, "pricing[0].currentPrice.amount must be a positive number")

    def go() -> None:
        state.items.get(sku).price = round(float(amount), 2)

    state.run(go)
    # Wrapped, unlike the flat spec schema: the spec example and clients agree (reference §7).
    return json_response(
        {"ItemPriceResponse": {"mart": "WALMART_US", "sku": sku, "message": PRICE_MESSAGE}}
    )


ROUTES: list[Route] = [
    endpoint("GET", "/v3/inventory", get_inventory, "inventory"),
    endpoint("PUT", "/v3/inventory", put_inventory, "inventory"),
    endpoint("PUT", "/v3/price", put_price, "price"),
]
