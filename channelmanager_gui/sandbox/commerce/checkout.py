"""Checkout of a quote: shipping methods, totals, placing the order (reference §5.1).

Shipping is priced by the store's offline carriers as Magento prices them (carriers.py: by
default flat rate at 5.00 per item); there are no tax rules and no discounts, so
``grand_total = subtotal + shipping`` from the catalog price, whatever the marketplace charged.
Placing the order makes MSI reservations for every line and deactivates the quote, so placing
it again is a 404 like Magento's inactive cart.
"""

from __future__ import annotations

from typing import Any

from channelmanager_gui.sandbox.commerce.carriers import FLATRATE, Carriers
from channelmanager_gui.sandbox.commerce.directory import resolve_region
from channelmanager_gui.sandbox.commerce.errors import ApiError, required
from channelmanager_gui.sandbox.commerce.order_view import PAYMENT_TITLES
from channelmanager_gui.sandbox.commerce.records import Order, OrderItem, Quote
from channelmanager_gui.sandbox.commerce.state import CommerceState

CARRIER = FLATRATE  # what the bulk order maker chooses
PAYMENT_METHODS = ("checkmo", "banktransfer", "cashondelivery", "purchaseorder")
ADDRESS_REQUIRED = (
    "firstname",
    "lastname",
    "street",
    "city",
    "postcode",
    "country_id",
    "telephone",
)


def _money(value: float) -> float:
    return round(value + 0.0, 2)


def _subtotal(quote: Quote) -> float:
    return _money(sum(i.price * i.qty for i in quote.items))


def _shipping(carriers: Carriers, quote: Quote) -> float:
    if quote.shipping_method is None:
        return 0.0
    return carriers.price(quote.shipping_method, sum(i.qty for i in quote.items))


def estimate_methods(carriers: Carriers, quote: Quote) -> list[dict[str, Any]]:
    qty = sum(i.qty for i in quote.items)
    return [carriers.method_json(method, qty) for method in carriers.active()]


def totals(carriers: Carriers, quote: Quote) -> dict[str, Any]:
    subtotal = _subtotal(quote)
    shipping = _shipping(carriers, quote)
    grand = _money(subtotal + shipping)
    items = [
        {
            "item_id": i.item_id,
            "price": i.price,
            "base_price": i.price,
            "qty": i.qty,
            "row_total": _money(i.price * i.qty),
            "base_row_total": _money(i.price * i.qty),
            "row_total_with_discount": 0.0,
            "tax_amount": 0.0,
            "base_tax_amount": 0.0,
            "tax_percent": 0.0,
            "discount_amount": 0.0,
            "base_discount_amount": 0.0,
            "discount_percent": 0.0,
            "price_incl_tax": i.price,
            "base_price_incl_tax": i.price,
            "row_total_incl_tax": _money(i.price * i.qty),
            "base_row_total_incl_tax": _money(i.price * i.qty),
            "options": "[]",
            "name": i.name,
        }
        for i in quote.items
    ]
    return {
        "grand_total": grand,
        "base_grand_total": grand,
        "subtotal": subtotal,
        "base_subtotal": subtotal,
        "discount_amount": 0.0,
        "base_discount_amount": 0.0,
        "subtotal_with_discount": subtotal,
        "base_subtotal_with_discount": subtotal,
        "shipping_amount": shipping,
        "base_shipping_amount": shipping,
        "shipping_discount_amount": 0.0,
        "base_shipping_discount_amount": 0.0,
        "tax_amount": 0.0,
        "base_tax_amount": 0.0,
        "shipping_tax_amount": 0.0,
        "base_shipping_tax_amount": 0.0,
        "subtotal_incl_tax": subtotal,
        "shipping_incl_tax": shipping,
        "base_shipping_incl_tax": shipping,
        "base_currency_code": "USD",
        "quote_currency_code": "USD",
        "items_qty": sum(i.qty for i in quote.items),
        "items": items,
        "total_segments": [
            {"code": "subtotal", "title": "Subtotal", "value": subtotal},
            {
                "code": "shipping",
                "title": "Shipping & Handling (Flat Rate - Fixed)",
                "value": shipping,
            },
            {"code": "tax", "title": "Tax", "value": 0.0},
            {"code": "grand_total", "title": "Grand Total", "value": grand, "area": "footer"},
        ],
    }


def _check_address(address: Any, field: str) -> dict[str, Any]:
    if not isinstance(address, dict):
        raise required(field)
    for key in ADDRESS_REQUIRED:
        if address.get(key) in (None, "", []):
            raise required(key)
    street = address["street"]
    return {**address, "street": street if isinstance(street, list) else [str(street)]}


def set_shipping_information(state: CommerceState, quote: Quote, info: dict[str, Any]) -> Any:
    if not quote.items:
        raise ApiError(
            400,
            "The shipping method can't be set for an empty cart. "
            "Add an item to cart and try again.",
        )
    shipping = _check_address(info.get("shipping_address"), "shippingAddress")
    carrier = (
        str(info.get("shipping_carrier_code") or ""),
        str(info.get("shipping_method_code") or ""),
    )
    if carrier not in state.carriers.active():
        raise ApiError(400, "Carrier with such method not found: %1, %2", list(carrier))
    quote.shipping_address = shipping
    billing = info.get("billing_address")
    if isinstance(billing, dict) and billing:
        quote.billing_address = _check_address(billing, "billingAddress")
    quote.shipping_method = carrier
    return {
        "payment_methods": [{"code": c, "title": PAYMENT_TITLES[c]} for c in PAYMENT_METHODS],
        "totals": totals(state.carriers, quote),
    }


def _customer_email(quote: Quote, email: Any) -> str:
    for candidate in (
        email,
        (quote.billing_address or {}).get("email"),
        (quote.shipping_address or {}).get("email"),
    ):
        if candidate:
            return str(candidate)
    raise ApiError(400, "The customer email is missing. Enter and try again.")


def _validate(state: CommerceState, quote: Quote, payment: dict[str, Any]) -> None:
    if quote.shipping_address is None:
        raise ApiError(400, "The shipping address is missing. Set the address and try again.")
    if quote.shipping_method is None:
        raise ApiError(
            400, "The shipping method is missing. Select the shipping method and try again."
        )
    if payment.get("method") not in PAYMENT_METHODS:
        raise ApiError(400, "The requested Payment Method is not available.")
    for item in quote.items:
        product = state.products.get(item.sku.casefold())
        if product is None or product.status != 1 or item.qty > state.salable_quantity(item.sku):
            raise ApiError(400, "Not all of your products are available in the requested quantity.")


def place_order(state: CommerceState, quote: Quote, payment: dict[str, Any], email: Any) -> int:
    """``PUT /carts/{id}/order``: the order entity_id (not the increment_id)."""
    _validate(state, quote, payment)
    quote.shipping_address = resolve_region(state, quote.shipping_address or {})
    billing = quote.billing_address or dict(quote.shipping_address or {})
    customer_email = _customer_email(quote, email)
    order_id, now = state.next_id("order"), state.now()
    items = [
        OrderItem(
            state.next_id("order_item"),
            order_id,
            q.item_id,
            q.product_id,
            q.sku,
            q.name,
            q.price,
            q.weight,
            q.qty,
            now,
            now,
        )
        for q in quote.items
    ]
    subtotal, shipping = _subtotal(quote), _shipping(state.carriers, quote)
    order = Order(
        entity_id=order_id,
        increment_id=f"{order_id:09d}",
        quote_id=quote.id,
        created_at=now,
        updated_at=now,
        customer_email=customer_email,
        customer_firstname=billing.get("firstname"),
        customer_lastname=billing.get("lastname"),
        billing_address=billing,
        shipping_address=dict(quote.shipping_address or {}),
        payment_method=str(payment["method"]),
        items=items,
        subtotal=subtotal,
        shipping_amount=shipping,
        grand_total=_money(subtotal + shipping),
        store_id=state.store_id,
    )
    state.add_order(order)
    state.mail("order", order)
    for item in items:
        state.reserve(item.sku, item.qty_ordered)
    quote.active, quote.order_id = False, order_id
    state.quotes.pop(quote.id, None)  # an ordered quote is gone for the API: 404 from now on
    if quote.masked_id is not None:
        state.masked.pop(quote.masked_id, None)
    return order_id
