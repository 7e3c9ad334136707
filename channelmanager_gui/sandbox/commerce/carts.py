"""The cart flow that creates orders (reference §5.1), for integration and guest carts.

``/V1/carts/{id}`` takes the integer quote id with a token; ``/V1/guest-carts/{id}`` takes the
32-character masked id with no token. Both lead to ``checkout.place_order``.
"""

from __future__ import annotations

from typing import Any

from channelmanager_gui.sandbox.commerce.checkout import (
    estimate_methods,
    place_order,
    set_shipping_information,
    totals,
)
from channelmanager_gui.sandbox.commerce.errors import (
    ApiError,
    check_keys,
    invalid_type,
    no_such_entity,
    require_dict,
)
from channelmanager_gui.sandbox.commerce.records import Quote, QuoteItem
from channelmanager_gui.sandbox.commerce.routing import Call, Route
from channelmanager_gui.sandbox.commerce.state import CommerceState

ACL = "Magento_Cart::manage"
ANONYMOUS = "anonymous"
_CART_ITEM_KEYS = frozenset(
    {
        "item_id",
        "sku",
        "qty",
        "name",
        "price",
        "product_type",
        "quote_id",
        "product_option",
        "extension_attributes",
    }
)


def _admin_quote(call: Call) -> Quote:
    raw = call.params["cart_id"]
    try:
        quote = call.state.quotes.get(int(raw))
    except ValueError:
        raise invalid_type(raw, "int") from None
    if quote is None or not quote.active or quote.masked_id is not None:
        raise no_such_entity("cartId", int(raw))
    return quote


def _guest_quote(call: Call) -> Quote:
    masked = call.params["cart_id"]
    quote_id = call.state.masked.get(masked)
    quote = call.state.quotes.get(quote_id) if quote_id is not None else None
    if quote is None or not quote.active:
        raise no_such_entity("cartId", masked)
    return quote


def render_cart_item(quote: Quote, item: QuoteItem) -> dict[str, Any]:
    return {
        "item_id": item.item_id,
        "sku": item.sku,
        "qty": item.qty,
        "name": item.name,
        "price": item.price,
        "product_type": "simple",
        "quote_id": str(quote.id),
    }


def _new_quote(state: CommerceState, guest: bool) -> Quote:
    quote = Quote(state.next_id("quote"))
    if guest:
        quote.masked_id = state.masked_id(quote.id)
        state.masked[quote.masked_id] = quote.id
    state.quotes[quote.id] = quote
    return quote


def create_cart(call: Call) -> Any:
    return _new_quote(call.state, guest=False).id


def create_guest_cart(call: Call) -> Any:
    masked = _new_quote(call.state, guest=True).masked_id
    return masked


def add_item(state: CommerceState, quote: Quote, data: dict[str, Any]) -> QuoteItem:
    """Add a line (or more of a SKU already in the cart), checking salable quantity."""
    check_keys(data, _CART_ITEM_KEYS)
    product = state.product(str(data.get("sku") or ""))
    try:
        qty = float(data.get("qty", 1))
    except (TypeError, ValueError):
        raise invalid_type(data.get("qty"), "float") from None
    if qty <= 0:
        raise ApiError(400, "The quantity must be greater than zero.")  # (?)
    if product.status != 1:
        raise ApiError(400, "Product that you are trying to add is not available.")
    line = next((i for i in quote.items if i.sku.casefold() == product.sku.casefold()), None)
    wanted = qty + (line.qty if line else 0.0)
    if wanted > state.salable_quantity(product.sku):
        raise ApiError(400, "The requested qty is not available")
    if line is None:
        line = QuoteItem(
            state.next_id("quote_item"),
            product.sku,
            0.0,
            product.name,
            product.price,
            product.id,
            product.weight,
        )
        quote.items.append(line)
    line.qty = wanted
    return line


def _post_item(call: Call, quote: Quote) -> Any:
    item = add_item(call.state, quote, require_dict(call.body, "cart_item"))
    return render_cart_item(quote, item)


def _get_cart(quote: Quote) -> dict[str, Any]:
    return {
        "id": quote.id,
        "is_active": quote.active,
        "is_virtual": False,
        "items": [render_cart_item(quote, i) for i in quote.items],
        "items_count": len(quote.items),
        "items_qty": sum(i.qty for i in quote.items),
        "currency": {"base_currency_code": "USD", "quote_currency_code": "USD"},
        "customer_is_guest": True,
        "customer": {},
    }


def _estimate(call: Call, quote: Quote) -> Any:
    require_dict(call.body, "address")
    return estimate_methods(call.state.carriers, quote)


def _totals(call: Call, quote: Quote) -> Any:
    return totals(call.state.carriers, quote)


def _shipping_info(call: Call, quote: Quote) -> Any:
    info = require_dict(call.body, "address_information")
    return set_shipping_information(call.state, quote, info)


def _place(call: Call, quote: Quote) -> Any:
    payment = require_dict(call.body, "payment_method")
    return place_order(call.state, quote, payment, email=None)


def _payment_information(call: Call, quote: Quote) -> Any:
    payment = require_dict(call.body, "payment_method")
    billing = call.arg("billing_address")
    if isinstance(billing, dict):
        quote.billing_address = billing
    return place_order(call.state, quote, payment, email=call.arg("email"))


def _routes(prefix: str, resolve: Any, acl: str, anonymous: bool) -> list[Route]:
    def bind(fn: Any) -> Any:
        return lambda call: fn(call, resolve(call))

    base = f"/{prefix}/{{cart_id}}"
    return [
        Route("GET", base, bind(lambda c, q: _get_cart(q)), acl, anonymous),
        Route("POST", f"{base}/items", bind(_post_item), acl, anonymous),
        Route(
            "GET",
            f"{base}/items",
            bind(lambda c, q: [render_cart_item(q, i) for i in q.items]),
            acl,
            anonymous,
        ),
        Route("POST", f"{base}/estimate-shipping-methods", bind(_estimate), acl, anonymous),
        Route("POST", f"{base}/shipping-information", bind(_shipping_info), acl, anonymous),
        Route("GET", f"{base}/totals", bind(_totals), acl, anonymous),
        Route("PUT", f"{base}/order", bind(_place), acl, anonymous),
        Route("POST", f"{base}/payment-information", bind(_payment_information), acl, anonymous),
    ]


ROUTES = [
    Route("POST", "/carts/", create_cart, ACL),
    Route("POST", "/guest-carts", create_guest_cart, ANONYMOUS, anonymous=True),
    *_routes("carts", _admin_quote, ACL, anonymous=False),
    *_routes("guest-carts", _guest_quote, ANONYMOUS, anonymous=True),
]
