"""``/V1/products``: list with searchCriteria, single GET, save (reference §3).

Any top-level field or custom attribute can be filtered, as in Magento's EAV collection. A save
bumps ``updated_at`` (the app's change detection); stock edits do not (reference §3 ⚠).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from channelmanager_gui.sandbox.commerce.catalog import add_product
from channelmanager_gui.sandbox.commerce.errors import ApiError, require_dict
from channelmanager_gui.sandbox.commerce.media import gallery
from channelmanager_gui.sandbox.commerce.query import newest, search
from channelmanager_gui.sandbox.commerce.records import Product
from channelmanager_gui.sandbox.commerce.routing import Call, Route
from channelmanager_gui.sandbox.commerce.state import CommerceState
from channelmanager_gui.sandbox.commerce.stock import render_stock_item, save_stock_item

ACL = "Magento_Catalog::products"
_COLUMNS = frozenset(
    {"sku", "name", "price", "status", "weight", "created_at", "updated_at", "visibility"}
    | {"type_id", "attribute_set_id"}
)
_EDITABLE = {"name": str, "price": float, "status": int, "weight": float, "visibility": int}
_EDITABLE |= {"type_id": str, "attribute_set_id": int}


class ProductSource:
    """Products as a searchable collection; ``sku`` and ``entity_id`` are indexed."""

    name = "products"

    def __init__(self, state: CommerceState) -> None:
        self.state = state

    def rows(self) -> Iterable[Product]:
        return self.state.products_by_id.values()

    def column(self, row: Product, field: str) -> Any:
        if field in ("entity_id", "id"):
            return row.id
        if field in _COLUMNS:
            return getattr(row, field)
        return row.attrs.get(field)

    def lookup(self, field: str, values: list[str]) -> list[Product] | None:
        if field == "sku":
            found = (self.state.products.get(v.casefold()) for v in values)
        elif field in ("entity_id", "id"):
            found = (self.state.products_by_id.get(int(v)) for v in values if v.isdigit())
        else:
            return None
        return [p for p in found if p is not None]

    def natural_key(self, row: Product) -> int:
        return row.id

    def since(self, field: str, stamp: str, inclusive: bool) -> list[Product] | None:
        if field == "updated_at":
            rows = reversed(self.state.products_by_update.values())
        elif field == "created_at":
            rows = reversed(self.state.products_by_id.values())
        else:
            return None
        return newest(rows, lambda p: getattr(p, field), stamp, inclusive)


def render_product(state: CommerceState, p: Product, with_stock: bool = False) -> dict[str, Any]:
    extension: dict[str, Any] = {"website_ids": [1], "category_links": []}
    if with_stock:
        extension["stock_item"] = render_stock_item(state, p)
    return {
        "id": p.id,
        "sku": p.sku,
        "name": p.name,
        "attribute_set_id": p.attribute_set_id,
        "price": p.price,
        "status": p.status,
        "visibility": p.visibility,
        "type_id": p.type_id,
        "created_at": p.created_at,
        "updated_at": p.updated_at,
        "weight": p.weight,
        "extension_attributes": extension,
        "product_links": [],
        "options": [],
        "media_gallery_entries": gallery(p),
        "tier_prices": [],
        "custom_attributes": [
            {"attribute_code": code, "value": value}
            for code, value in p.attrs.items()
            if value not in (None, "", [])  # empty attributes are left out
        ],
    }


def list_products(call: Call) -> Any:
    state = call.state
    criteria = call.criteria()
    return search(
        ProductSource(state),
        criteria,
        state.versions["products"],
        state.cache,
        lambda p: render_product(state, p),
    )


def get_product(call: Call) -> Any:
    return render_product(call.state, call.state.product(call.params["sku"]), with_stock=True)


def _apply(state: CommerceState, product: Product, data: dict[str, Any]) -> None:
    for key, kind in _EDITABLE.items():
        if data.get(key) is not None:
            try:
                setattr(product, key, kind(data[key]))
            except (TypeError, ValueError):
                raise ApiError(
                    400,
                    'Invalid value of "%value" provided for the %fieldName field.',
                    {"value": data[key], "fieldName": key},
                ) from None
    for attr in data.get("custom_attributes") or []:
        if isinstance(attr, dict) and attr.get("attribute_code"):
            product.attrs[str(attr["attribute_code"])] = attr.get("value")
    stock = (data.get("extension_attributes") or {}).get("stock_item")
    if isinstance(stock, dict):
        save_stock_item(state, product, stock)


def save_product(state: CommerceState, sku: str, data: dict[str, Any]) -> Product:
    """Update the product, or create it when the SKU is new (``ProductRepository::save``)."""
    product = state.products.get(sku.casefold())
    now = state.now()
    if product is None:
        product = Product(
            state.next_id("product"), sku, str(data.get("name") or sku), 0.0, 1, 0.0, now, now, {}
        )
        add_product(state, product, 0)
    _apply(state, product, data)
    state.touch_product(product)
    return product


def put_product(call: Call) -> Any:
    data = require_dict(call.body, "product")
    product = save_product(call.state, call.params["sku"], data)
    return render_product(call.state, product, with_stock=True)


def post_product(call: Call) -> Any:
    data = require_dict(call.body, "product")
    if not data.get("sku"):
        raise ApiError(
            400, 'The "%1" attribute value is empty. Set the attribute and try again.', ["sku"]
        )
    product = save_product(call.state, str(data["sku"]), data)
    return render_product(call.state, product, with_stock=True)


_ATTRIBUTES = {  # attribute_code -> (attribute_id, label); identifiers are merchant-made text
    "name": (73, "Product Name"),
    "sku": (74, "SKU"),
    "price": (77, "Price"),
    "description": (75, "Description"),
    "weight": (82, "Weight"),
    "status": (97, "Enable Product"),
    "url_key": (121, "URL Key"),
    "tax_class_id": (136, "Tax Class"),
    "brand": (180, "Brand"),
    "upc": (181, "UPC"),
    "ean": (182, "EAN"),
    "isbn": (183, "ISBN"),
    "gtin": (184, "GTIN"),
}


def get_attribute(call: Call) -> Any:
    code = call.params["code"]
    if code not in _ATTRIBUTES:
        raise ApiError(
            404,
            'The attribute with a "%1" attributeCode doesn\'t exist. Verify the '
            "attribute and try again.",
            [code],
        )
    attribute_id, label = _ATTRIBUTES[code]
    return {
        "attribute_id": attribute_id,
        "attribute_code": code,
        "frontend_input": "text",
        "entity_type_id": "4",
        "is_required": code in ("name", "sku", "price"),
        "is_user_defined": attribute_id > 179,
        "default_frontend_label": label,
        "frontend_labels": [],
        "backend_type": "varchar",
        "is_unique": "0",
        "options": [],
        "scope": "global",
        "is_filterable": False,
    }


ROUTES = [
    Route(
        "GET",
        "/products/attributes/{code}",
        get_attribute,
        "Magento_Catalog::attributes_attributes",
    ),
    Route("GET", "/products", list_products, ACL),
    Route("GET", "/products/{sku}", get_product, ACL),
    Route("PUT", "/products/{sku}", put_product, ACL),
    Route("POST", "/products", post_product, ACL),
]
