"""``/V1/orders``: read, search, partial save, comments, cancel, hold (reference §5.2, §7).

A partial ``POST /V1/orders`` writes only the columns given (the app stores ``ext_order_id`` this
way); setting ``status`` there does not cancel anything (#29953). Like Commerce before 2.4.7, a
partial save that leaves out ``increment_id`` renumbers the order: the webapi builds a new order
object from the body alone, and ``Sales\\Model\\ResourceModel\\EntityAbstract::_beforeSave`` drew
the next sales-sequence number for any object without an increment id (2.4.7 added an
``getEntityId() == null`` check; magento/magento2 app/code/Magento/Sales/Model/ResourceModel).
"""

from __future__ import annotations

from typing import Any

from channelmanager_gui.sandbox.commerce import lifecycle
from channelmanager_gui.sandbox.commerce.errors import (
    ApiError,
    check_keys,
    entity_not_found,
    invalid_type,
    require_dict,
    required,
)
from channelmanager_gui.sandbox.commerce.order_view import (
    ORDER_COLUMNS,
    OrderItemSource,
    OrderSource,
    render_item,
    render_order,
)
from channelmanager_gui.sandbox.commerce.query import search
from channelmanager_gui.sandbox.commerce.records import Order
from channelmanager_gui.sandbox.commerce.routing import Call, Route

VIEW = "Magento_Sales::actions_view"
_NESTED = {"items", "billing_address", "payment", "status_histories", "extension_attributes"}
_MORE_COLUMNS = {
    "customer_note",
    "customer_dob",
    "customer_gender",
    "customer_middlename",
    "customer_prefix",
    "customer_suffix",
    "customer_taxvat",
    "remote_ip",
    "x_forwarded_for",
    "protect_code",
    "coupon_code",
    "discount_description",
    "applied_rule_ids",
    "can_ship_partially",
    "can_ship_partially_item",
    "forced_shipment_with_invoice",
    "edit_increment",
    "original_increment_id",
    "relation_child_id",
    "relation_child_real_id",
    "relation_parent_id",
    "relation_parent_real_id",
    "quote_address_id",
    "shipping_method",
    "customer_id",
    "store_id",
    "customer_is_guest",
    "customer_group_id",
}
_PARTIAL_KEYS = frozenset(set(ORDER_COLUMNS) | _NESTED | _MORE_COLUMNS)
_FIXED = {"entity_id", "quote_id"}  # identity columns the sandbox keeps as they are
_HISTORY_KEYS = frozenset(
    {
        "comment",
        "is_customer_notified",
        "is_visible_on_front",
        "status",
        "parent_id",
        "entity_name",
        "created_at",
        "entity_id",
        "extension_attributes",
    }
)


def get_order(call: Call) -> Any:
    return render_order(call.state.order(call.int_param("id")))


def list_orders(call: Call) -> Any:
    s = call.state
    return search(OrderSource(s), call.criteria(), s.versions["orders"], s.cache, render_order)


def list_items(call: Call) -> Any:
    s = call.state
    return search(
        OrderItemSource(s), call.criteria(), s.versions["order_items"], s.cache, render_item
    )


def get_item(call: Call) -> Any:
    item = call.state.order_items.get(call.int_param("id"))
    if item is None:
        raise entity_not_found()
    return render_item(item)


def _write_column(call: Call, order: Order, key: str, value: Any) -> None:
    if key == "ext_order_id":
        call.state.set_ext_order_id(order, None if value is None else str(value))
    elif key == "increment_id" and value:
        call.state.orders_by_increment.pop(order.increment_id, None)
        order.increment_id = str(value)
        call.state.orders_by_increment[order.increment_id] = order.entity_id
    elif key in Order.__dataclass_fields__ and key not in ("items", "histories", "extra"):
        current = getattr(order, key)
        try:
            setattr(order, key, value if current is None or value is None else type(current)(value))
        except (TypeError, ValueError):
            raise invalid_type(value, type(current).__name__) from None
    else:
        order.extra = {**(order.extra or {}), key: value}


def save_order(call: Call) -> Any:
    """Overwrite only the given top-level columns of an existing order."""
    entity = require_dict(call.body, "entity")
    check_keys(entity, _PARTIAL_KEYS)
    if entity.get("entity_id") in (None, ""):
        # Creating an order by direct save (no reservations, no totals) is not simulated.
        raise required("entity_id")
    try:
        order = call.state.order(int(entity["entity_id"]))
    except (TypeError, ValueError):
        raise invalid_type(entity["entity_id"], "int") from None
    for key, value in entity.items():
        if key not in _FIXED and key not in _NESTED:
            _write_column(call, order, key, value)
    if not entity.get("increment_id"):
        _write_column(call, order, "increment_id", f"{call.state.next_id('order'):09d}")
    call.state.touch_order(order)
    return render_order(order)


def add_comment(call: Call) -> Any:
    order = call.state.order(call.int_param("id"))
    history = require_dict(call.body, "status_history")
    check_keys(history, _HISTORY_KEYS)
    status = history.get("status") or None
    if status is not None and status not in lifecycle.STATE_STATUSES.get(order.state, ()):
        raise ApiError(
            400,
            'Unable to add comment: The status "%1" is not part of the order status history.',
            [status],
        )
    lifecycle.add_history(
        call.state,
        order,
        str(history.get("comment") or ""),
        status,
        int(bool(history.get("is_customer_notified"))),
        int(bool(history.get("is_visible_on_front"))),
    )
    if status is not None:
        order.status = status
    if history.get("is_customer_notified"):
        call.state.mail("order_comment", order)
    call.state.touch_order(order)
    return True


def list_comments(call: Call) -> Any:
    order = call.state.order(call.int_param("id"))
    return {
        "items": list(order.histories),
        "search_criteria": {"filter_groups": []},
        "total_count": len(order.histories),
    }


def cancel_order(call: Call) -> Any:
    return lifecycle.cancel(call.state, call.state.order(call.int_param("id")))


def hold_order(call: Call) -> Any:
    return lifecycle.hold(call.state, call.state.order(call.int_param("id")))


def unhold_order(call: Call) -> Any:
    return lifecycle.unhold(call.state, call.state.order(call.int_param("id")))


def order_status(call: Call) -> Any:
    return call.state.order(call.int_param("id")).status


def notify(call: Call) -> Any:
    call.state.mail("order", call.state.order(call.int_param("id")))
    return True


ROUTES = [
    Route("GET", "/orders", list_orders, VIEW),
    Route("GET", "/orders/items", list_items, VIEW),
    Route("GET", "/orders/items/{id}", get_item, VIEW),
    Route("GET", "/orders/{id}", get_order, VIEW),
    Route("POST", "/orders", save_order, "Magento_Sales::create"),
    Route("PUT", "/orders/create", save_order, "Magento_Sales::create"),
    Route("GET", "/orders/{id}/statuses", order_status, VIEW),
    Route("POST", "/orders/{id}/cancel", cancel_order, "Magento_Sales::cancel"),
    Route("POST", "/orders/{id}/hold", hold_order, "Magento_Sales::hold"),
    Route("POST", "/orders/{id}/unhold", unhold_order, "Magento_Sales::unhold"),
    Route("POST", "/orders/{id}/comments", add_comment, "Magento_Sales::comment"),
    Route("GET", "/orders/{id}/comments", list_comments, VIEW),
    Route("POST", "/orders/{id}/emails", notify, "Magento_Sales::emails"),
]
