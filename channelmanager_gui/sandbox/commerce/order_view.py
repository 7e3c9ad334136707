"""Orders and order items as Commerce renders them, and as searchCriteria sees their columns.

One table of column getters serves both the JSON answer and the filters, so every top-level
field the answer shows can be filtered and sorted on. Null members are left out of the answer, as
``DataObjectProcessor`` leaves out a null non-required getter (``ext_order_id`` until it is set).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from channelmanager_gui.sandbox.commerce.query import newest
from channelmanager_gui.sandbox.commerce.records import Order, OrderItem
from channelmanager_gui.sandbox.commerce.state import CommerceState

Getter = Callable[[Any], Any]
STORE_NAME = "Main Website\nMain Website Store\nDefault Store View"
PAYMENT_TITLES = {
    "checkmo": "Check / Money order",
    "banktransfer": "Bank Transfer Payment",
    "cashondelivery": "Cash On Delivery",
    "purchaseorder": "Purchase Order",
    "free": "No Payment Information Required",
}


def _attr(name: str) -> Getter:
    return lambda row: getattr(row, name)


def _const(value: Any) -> Getter:
    return lambda row: value


_NOT_COLUMNS = {"billing_address", "shipping_address", "payment_method", "items", "histories"}
_ORDER_FIELDS = [f for f in Order.__dataclass_fields__ if f not in _NOT_COLUMNS | {"extra"}]
ORDER_COLUMNS: dict[str, Getter] = {name: _attr(name) for name in _ORDER_FIELDS}
for _name in (
    "grand_total",
    "subtotal",
    "shipping_amount",
    "total_paid",
    "total_invoiced",
    "total_refunded",
    "total_offline_refunded",
    "total_canceled",
    "subtotal_invoiced",
    "subtotal_refunded",
    "subtotal_canceled",
    "shipping_invoiced",
    "shipping_refunded",
):
    ORDER_COLUMNS["base_" + _name] = ORDER_COLUMNS[_name]
ORDER_COLUMNS |= {
    "total_due": lambda o: round(o.grand_total - o.total_paid, 2),
    "base_total_due": lambda o: round(o.grand_total - o.total_paid, 2),
    "subtotal_incl_tax": _attr("subtotal"),
    "base_subtotal_incl_tax": _attr("subtotal"),
    "shipping_incl_tax": _attr("shipping_amount"),
    "base_shipping_incl_tax": _attr("shipping_amount"),
    "total_qty_ordered": lambda o: sum(i.qty_ordered for i in o.items),
    "total_item_count": lambda o: len(o.items),
    "weight": lambda o: round(sum(i.weight * i.qty_ordered for i in o.items), 4),
    "store_id": _attr("store_id"),
    "customer_is_guest": _const(1),
    "customer_group_id": _const(0),
    "customer_note_notify": _const(1),
    "email_sent": _const(1),
    "is_virtual": _const(0),
    "order_currency_code": _const("USD"),
    "base_currency_code": _const("USD"),
    "global_currency_code": _const("USD"),
    "store_currency_code": _const("USD"),
    "base_to_global_rate": _const(1),
    "base_to_order_rate": _const(1),
    "store_to_base_rate": _const(0),
    "store_to_order_rate": _const(0),
    "store_name": _const(STORE_NAME),
    "shipping_description": _const("Flat Rate - Fixed"),
    "tax_amount": _const(0.0),
    "base_tax_amount": _const(0.0),
    "shipping_tax_amount": _const(0.0),
    "discount_amount": _const(0.0),
    "base_discount_amount": _const(0.0),
    "shipping_discount_amount": _const(0.0),
    "discount_tax_compensation_amount": _const(0.0),
    "billing_address_id": lambda o: o.entity_id * 2 - 1,
    "customer_id": _const(None),
}
ITEM_COLUMNS: dict[str, Getter] = {name: _attr(name) for name in OrderItem.__dataclass_fields__}
ITEM_COLUMNS |= {
    "base_price": _attr("price"),
    "original_price": _attr("price"),
    "base_original_price": _attr("price"),
    "price_incl_tax": _attr("price"),
    "base_price_incl_tax": _attr("price"),
    "row_total": lambda i: round(i.price * i.qty_ordered, 2),
    "base_row_total": lambda i: round(i.price * i.qty_ordered, 2),
    "row_total_incl_tax": lambda i: round(i.price * i.qty_ordered, 2),
    "base_row_total_incl_tax": lambda i: round(i.price * i.qty_ordered, 2),
    "row_invoiced": lambda i: round(i.price * i.qty_invoiced, 2),
    "amount_refunded": lambda i: round(i.price * i.qty_refunded, 2),
    "row_weight": lambda i: round(i.weight * i.qty_ordered, 4),
    "product_type": _const("simple"),
    "store_id": _const(1),
    "tax_amount": _const(0.0),
    "tax_percent": _const(0.0),
    "discount_amount": _const(0.0),
    "discount_percent": _const(0.0),
    "is_virtual": _const(0),
    "is_qty_decimal": _const(0),
    "no_discount": _const(0),
    "free_shipping": _const(0),
}


def order_column(order: Order, field: str) -> Any:
    getter = ORDER_COLUMNS.get(field)
    if getter is not None:
        return getter(order)
    return (order.extra or {}).get(field)


def _compact(data: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in data.items() if v is not None}


def render_item(item: OrderItem) -> dict[str, Any]:
    return _compact({name: getter(item) for name, getter in ITEM_COLUMNS.items()})


def _address(order: Order, kind: str) -> dict[str, Any]:
    source = order.billing_address if kind == "billing" else order.shipping_address
    entity_id = order.entity_id * 2 - (1 if kind == "billing" else 0)
    data = {"address_type": kind, "entity_id": entity_id, "parent_id": order.entity_id}
    data |= {k: v for k, v in source.items() if k not in ("address_type", "same_as_billing")}
    data.setdefault("email", order.customer_email)
    return _compact(data)


def render_order(order: Order) -> dict[str, Any]:
    data = {name: getter(order) for name, getter in ORDER_COLUMNS.items()}
    data |= order.extra or {}
    items = [render_item(i) for i in order.items]
    shipping_total = {
        "shipping_amount": order.shipping_amount,
        "base_shipping_amount": order.shipping_amount,
        "shipping_incl_tax": order.shipping_amount,
        "base_shipping_incl_tax": order.shipping_amount,
        "shipping_tax_amount": 0.0,
        "shipping_discount_amount": 0.0,
    }
    title = PAYMENT_TITLES.get(order.payment_method, order.payment_method)
    data |= {
        "billing_address": _address(order, "billing"),
        "payment": {
            "entity_id": order.entity_id,
            "parent_id": order.entity_id,
            "method": order.payment_method,
            "amount_ordered": order.grand_total,
            "base_amount_ordered": order.grand_total,
            "amount_paid": order.total_paid,
            "base_amount_paid": order.total_paid,
            "shipping_amount": order.shipping_amount,
            "additional_information": [title],
        },
        "status_histories": list(order.histories),
        "items": items,
        "extension_attributes": {
            "shipping_assignments": [
                {
                    "shipping": {
                        "address": _address(order, "shipping"),
                        "method": "flatrate_flatrate",
                        "total": shipping_total,
                    },
                    "items": items,
                }
            ],
            "payment_additional_info": [{"key": "method_title", "value": title}],
            "applied_taxes": [],
            "item_applied_taxes": [],
        },
    }
    return _compact(data)


class OrderSource:
    """Orders as a searchable collection; indexed on the fields the app looks orders up by."""

    name = "orders"

    def __init__(self, state: CommerceState) -> None:
        self.state = state

    def rows(self) -> Iterable[Order]:
        return self.state.orders.values()

    def column(self, row: Order, field: str) -> Any:
        return order_column(row, field)

    def lookup(self, field: str, values: list[str]) -> list[Order] | None:
        s = self.state
        if field == "entity_id":
            ids: Iterable[int | None] = (int(v) for v in values if v.isdigit())
        elif field == "increment_id":
            ids = (s.orders_by_increment.get(v) for v in values)
        elif field == "quote_id":
            ids = (s.orders_by_quote.get(int(v)) for v in values if v.isdigit())
        elif field == "ext_order_id":
            ids = (i for v in values for i in s.orders_by_ext.get(v.casefold(), ()))
        else:
            return None
        return [s.orders[i] for i in ids if i is not None and i in s.orders]

    def natural_key(self, row: Order) -> int:
        return row.entity_id

    def since(self, field: str, stamp: str, inclusive: bool) -> list[Order] | None:
        if field == "updated_at":
            rows = reversed(self.state.orders_by_update.values())
        elif field == "created_at":
            rows = reversed(self.state.orders.values())
        else:
            return None
        return newest(rows, lambda o: getattr(o, field), stamp, inclusive)


class OrderItemSource:
    """All order items; ``item_id`` and ``order_id`` are indexed."""

    name = "order_items"

    def __init__(self, state: CommerceState) -> None:
        self.state = state

    def rows(self) -> Iterable[OrderItem]:
        return self.state.order_items.values()

    def column(self, row: OrderItem, field: str) -> Any:
        getter = ITEM_COLUMNS.get(field)
        return getter(row) if getter else None

    def lookup(self, field: str, values: list[str]) -> list[OrderItem] | None:
        s = self.state
        numbers = [int(v) for v in values if v.isdigit()]
        if field == "item_id":
            return [s.order_items[n] for n in numbers if n in s.order_items]
        if field == "order_id":
            return [i for n in numbers if n in s.orders for i in s.orders[n].items]
        return None

    def natural_key(self, row: OrderItem) -> int:
        return row.item_id
