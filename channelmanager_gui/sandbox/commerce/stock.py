"""Stock: legacy CatalogInventory items and MSI source items, salable quantity (reference §4).

Single-source mode: source ``default`` in stock 1 *is* the legacy stock item, so both APIs read
and write the same row. Salable quantity = in-stock source quantity − open-order reservations.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from channelmanager_gui.sandbox.commerce.errors import ApiError, invalid_type
from channelmanager_gui.sandbox.commerce.query import search
from channelmanager_gui.sandbox.commerce.records import Product, SourceItem
from channelmanager_gui.sandbox.commerce.routing import Call, Route
from channelmanager_gui.sandbox.commerce.search_criteria import MAX_PAGE_SIZE
from channelmanager_gui.sandbox.commerce.state import (
    DEFAULT_SOURCE,
    DEFAULT_STOCK_ID,
    CommerceState,
)

LEGACY_ACL = "Magento_CatalogInventory::cataloginventory"
MSI_ACL = "Magento_InventoryApi::source"
SALABLE_ACL = "Magento_InventoryApi::stock"
SOURCES = {DEFAULT_SOURCE: "Default Source", "east": "East Warehouse"}  # MSI sources
COMPLEX_ARRAY_LIMIT = 20  # webapi/validation/complex_array_limit, with input limits on


def render_stock_item(state: CommerceState, product: Product) -> dict[str, Any]:
    source = state.source_item(product.sku)
    qty = source.quantity if source else 0.0
    return {
        "item_id": product.id,
        "product_id": product.id,
        "stock_id": DEFAULT_STOCK_ID,
        "qty": qty,
        "is_in_stock": bool(source and source.status),
        "is_qty_decimal": False,
        "show_default_notification_message": False,
        "use_config_min_qty": True,
        "min_qty": 0,
        "use_config_min_sale_qty": 1,
        "min_sale_qty": 1,
        "use_config_max_sale_qty": True,
        "max_sale_qty": 10000,
        "use_config_backorders": True,
        "backorders": 0,
        "use_config_notify_stock_qty": True,
        "notify_stock_qty": 1,
        "use_config_qty_increments": True,
        "qty_increments": 0,
        "use_config_enable_qty_inc": True,
        "enable_qty_increments": False,
        "use_config_manage_stock": True,
        "manage_stock": True,
        "is_decimal_divided": False,
        "stock_status_changed_auto": 0,
    }


def save_stock_item(state: CommerceState, product: Product, data: dict[str, Any]) -> None:
    """Write a legacy stock item: it is the ``default`` source item in single-source mode."""
    item = state.source_item(product.sku) or SourceItem(product.sku, DEFAULT_SOURCE, 0.0, 0)
    if data.get("qty") is not None:
        try:
            item.quantity = float(data["qty"])
        except (TypeError, ValueError):
            raise invalid_type(data["qty"], "float") from None
    if data.get("is_in_stock") is not None:
        item.status = 1 if data["is_in_stock"] else 0
    elif data.get("qty") is not None:
        item.status = 1 if item.quantity > 0 else 0
    state.put_source_item(item)


def get_stock_item(call: Call) -> Any:
    return render_stock_item(call.state, call.state.product(call.params["sku"]))


def put_stock_item(call: Call) -> Any:
    product = call.state.product(call.params["sku"])
    data = call.arg("stock_item")
    if not isinstance(data, dict):
        raise ApiError(
            400, '"%fieldName" is required. Enter and try again.', {"fieldName": "stockItem"}
        )
    save_stock_item(call.state, product, data)
    return product.id


def get_stock_status(call: Call) -> Any:
    product = call.state.product(call.params["sku"])
    item = render_stock_item(call.state, product)
    return {
        "product_id": product.id,
        "stock_id": DEFAULT_STOCK_ID,
        "qty": item["qty"],
        "stock_status": int(item["is_in_stock"]),
        "stock_item": item,
    }


class SourceItemSource:
    """Source items as a searchable collection; ``sku`` is indexed."""

    name = "source_items"

    def __init__(self, state: CommerceState) -> None:
        self.state = state

    def rows(self) -> Iterable[SourceItem]:
        for per_source in self.state.sources.values():
            yield from per_source.values()

    def column(self, row: SourceItem, field: str) -> Any:
        return (
            getattr(row, field, None)
            if field in ("sku", "source_code", "quantity", "status")
            else None
        )

    def lookup(self, field: str, values: list[str]) -> list[SourceItem] | None:
        if field != "sku":
            return None
        return [i for v in values for i in self.state.sources.get(v.casefold(), {}).values()]

    def natural_key(self, row: SourceItem) -> Any:
        product = self.state.products.get(row.sku.casefold())
        return (product.id if product else 0, row.source_code)


def render_source_item(item: SourceItem) -> dict[str, Any]:
    return {
        "sku": item.sku,
        "source_code": item.source_code,
        "quantity": item.quantity,
        "status": item.status,
    }


def list_source_items(call: Call) -> Any:
    state = call.state
    return search(
        SourceItemSource(state),
        call.criteria(),
        state.versions["source_items"],
        state.cache,
        render_source_item,
    )


def _source_items_body(call: Call) -> list[dict[str, Any]]:
    items = call.arg("source_items")
    if not isinstance(items, list):
        raise ApiError(
            400, '"%fieldName" is required. Enter and try again.', {"fieldName": "sourceItems"}
        )
    if call.state.input_limits and len(items) > COMPLEX_ARRAY_LIMIT:
        raise ApiError(
            400,
            'Maximum items of type "%type" is %max',
            {
                "type": "\\Magento\\InventoryApi\\Api\\Data\\SourceItemInterface",
                "max": COMPLEX_ARRAY_LIMIT,
            },
        )
    errors = []
    for item in items:
        for key in ("sku", "source_code"):
            if not isinstance(item, dict) or not item.get(key):
                errors.append(
                    {"message": '"%field" can not be empty.', "parameters": {"field": key}}
                )
        if isinstance(item, dict) and item.get("source_code") not in (None, "", *SOURCES):
            errors.append(
                {
                    "message": 'Source with code "%code" does not exist.',  # (?)
                    "parameters": {"code": item["source_code"]},
                }
            )
    if errors:
        raise ApiError(400, "Validation Failed", errors=errors)
    return items


def save_source_items(call: Call) -> Any:
    """Upsert per (sku, source); a void method, so the answer is ``[]``."""
    for data in _source_items_body(call):
        if data.get("quantity") is None:
            raise ApiError(
                400,
                "Validation Failed",
                errors=[
                    {"message": '"%field" should be numeric.', "parameters": {"field": "quantity"}}
                ],
            )
        item = SourceItem(
            str(data["sku"]),
            str(data["source_code"]),
            float(data["quantity"]),
            int(data.get("status", 1 if float(data["quantity"]) > 0 else 0)),
        )
        call.state.put_source_item(item)
    return []


def delete_source_items(call: Call) -> Any:
    for data in _source_items_body(call):
        per_source = call.state.sources.get(str(data["sku"]).casefold(), {})
        per_source.pop(str(data["source_code"]), None)
    call.state.changed("source_items")
    return []


def list_sources(call: Call) -> Any:
    items = [
        {
            "source_code": code,
            "name": name,
            "enabled": True,
            "description": name,
            "country_id": "US",
            "postcode": "00000",
            "use_default_carrier_config": True,
        }
        for code, name in SOURCES.items()
    ]
    return {
        "items": items,
        "search_criteria": {"filter_groups": [], "page_size": MAX_PAGE_SIZE},
        "total_count": len(items),
    }


def list_stocks(call: Call) -> Any:
    items = [
        {
            "stock_id": DEFAULT_STOCK_ID,
            "name": "Default Stock",
            "extension_attributes": {"sales_channels": [{"type": "website", "code": "base"}]},
        }
    ]
    return {"items": items, "search_criteria": {"filter_groups": []}, "total_count": 1}


ROUTES = [
    Route("GET", "/stockItems/{sku}", get_stock_item, LEGACY_ACL),
    Route("PUT", "/products/{sku}/stockItems/{item_id}", put_stock_item, LEGACY_ACL),
    Route("GET", "/stockStatuses/{sku}", get_stock_status, LEGACY_ACL),
    Route("GET", "/inventory/source-items", list_source_items, MSI_ACL),
    Route("POST", "/inventory/source-items", save_source_items, MSI_ACL),
    Route("POST", "/inventory/source-items-delete", delete_source_items, MSI_ACL),
    Route("GET", "/inventory/sources", list_sources, MSI_ACL),
    Route("GET", "/inventory/stocks", list_stocks, SALABLE_ACL),
]
