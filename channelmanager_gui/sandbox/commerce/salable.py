"""MSI salable quantity: the stock's in-stock source quantity minus open-order reservations.

This is what the app should push to a marketplace: an order placed but not yet shipped already
holds its units, which the raw source quantity does not show (reference §4).
"""

from __future__ import annotations

from typing import Any

from channelmanager_gui.sandbox.commerce.errors import ApiError, invalid_type, no_such_entity
from channelmanager_gui.sandbox.commerce.routing import Call, Route
from channelmanager_gui.sandbox.commerce.state import DEFAULT_STOCK_ID

ACL = "Magento_InventoryApi::stock"


def _salable_args(call: Call) -> str:
    try:
        stock_id = int(call.params["stock_id"])
    except ValueError:
        raise invalid_type(call.params["stock_id"], "int") from None
    if stock_id != DEFAULT_STOCK_ID:
        raise no_such_entity("stockId", stock_id)  # (?) only stock 1 exists here
    sku = call.params["sku"]
    if sku.casefold() not in call.state.products:
        # (?) GetProductTypesBySkus refuses unknown SKUs with an InputException
        raise ApiError(
            400, "Following products with requested skus were not found: %skus", {"skus": sku}
        )
    return sku


def salable_quantity(call: Call) -> Any:
    return call.state.salable_quantity(_salable_args(call))


def is_salable(call: Call) -> Any:
    sku = _salable_args(call)
    return call.state.product(sku).status == 1 and call.state.salable_quantity(sku) > 0


def is_salable_for_qty(call: Call) -> Any:
    sku = _salable_args(call)
    try:
        wanted = float(call.params["qty"])
    except ValueError:
        raise invalid_type(call.params["qty"], "float") from None
    ok = call.state.salable_quantity(sku) >= wanted
    errors = (
        []
        if ok
        else [
            {"code": "is_correct_qty-max_sale_qty", "message": "The requested qty is not available"}
        ]
    )
    return {"salable": ok, "errors": errors}


ROUTES = [
    Route("GET", "/inventory/get-product-salable-quantity/{sku}/{stock_id}", salable_quantity, ACL),
    Route("GET", "/inventory/is-product-salable/{sku}/{stock_id}", is_salable, ACL),
    Route(
        "GET",
        "/inventory/is-product-salable-for-requested-qty/{sku}/{stock_id}/{qty}",
        is_salable_for_qty,
        ACL,
    ),
]
