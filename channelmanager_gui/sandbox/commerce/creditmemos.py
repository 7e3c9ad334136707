"""``POST /V1/order/{id}/refund`` (offline credit memo) and credit memo reads (reference §8).

Refunded quantity that was never shipped leaves the order's to-ship quantity, which releases its
reservation. Refunded quantity that *was* shipped goes back to the source only for the items
listed in ``arguments.extension_attributes.return_to_stock_items``.
"""

from __future__ import annotations

from typing import Any

from channelmanager_gui.sandbox.commerce import lifecycle
from channelmanager_gui.sandbox.commerce.documents import (
    DocumentSource,
    comment_entry,
    get_document,
    new_document,
    render_document,
    save_document,
)
from channelmanager_gui.sandbox.commerce.errors import document_error, invalid_type
from channelmanager_gui.sandbox.commerce.query import search
from channelmanager_gui.sandbox.commerce.records import Document, Order, OrderItem
from channelmanager_gui.sandbox.commerce.routing import Call, Route
from channelmanager_gui.sandbox.commerce.state import DEFAULT_SOURCE, CommerceState

READ = "Magento_Sales::sales_creditmemo"


def _number(arguments: dict[str, Any], key: str, default: float) -> float:
    value = arguments.get(key)
    if value is None or value == "":
        return default
    try:
        return float(value)
    except (TypeError, ValueError):
        raise invalid_type(value, "float") from None


def _money(order: Order, doc: Document, arguments: dict[str, Any]) -> list[str]:
    messages = []
    allowed_shipping = round(order.shipping_invoiced - order.shipping_refunded, 2)
    doc.subtotal = round(sum(line["row_total"] for line in doc.items), 2)
    doc.shipping_amount = round(_number(arguments, "shipping_amount", allowed_shipping), 2)
    doc.adjustment_positive = _number(arguments, "adjustment_positive", 0.0)
    doc.adjustment_negative = _number(arguments, "adjustment_negative", 0.0)
    doc.grand_total = round(
        doc.subtotal + doc.shipping_amount + doc.adjustment_positive - doc.adjustment_negative, 2
    )
    if doc.shipping_amount > allowed_shipping + lifecycle.EPSILON:
        messages.append(f"Maximum shipping amount allowed to refund is: {allowed_shipping:g}")
    available = round(order.total_paid - order.total_refunded, 2)
    if doc.grand_total <= 0:
        messages.append("The credit memo's total must be positive.")
    elif doc.grand_total > available + lifecycle.EPSILON:
        messages.append(f"The most money available to refund is {available:g}.")
    return messages


def _check_lines(order: Order, lines: dict[int, float]) -> list[str]:
    messages = []
    if order.state in ("payment_review", "holded", "canceled", "closed"):
        messages.append(
            f"A creditmemo can not be created when an order has a status of {order.status}"
        )
    elif not lifecycle.can_creditmemo(order):
        messages.append("The order does not allow a creditmemo to be created.")
    by_id = {i.item_id: i for i in order.items}
    for item_id, qty in lines.items():
        item = by_id.get(item_id)
        if item is None:
            messages.append(
                'The creditmemo contains product SKU "" that is not part of the original order.'
            )
        elif qty > lifecycle.qty_to_refund(item):
            messages.append(
                "The quantity to creditmemo must not be greater than the "
                f'unrefunded quantity for product SKU "{item.sku}".'
            )
    return messages


def _return_to_stock(state: CommerceState, item: OrderItem, qty: float) -> None:
    """Refunded units beyond what was still to ship had been shipped: put them back."""
    shipped_part = max(0.0, qty - lifecycle.qty_to_ship(item))
    source = state.source_item(item.sku, DEFAULT_SOURCE)
    if shipped_part and source is not None:
        source.quantity += shipped_part
        source.status = 1 if source.quantity > 0 else source.status
        state.put_source_item(source)


def create_creditmemo(
    state: CommerceState,
    order: Order,
    items: Any = None,
    arguments: Any = None,
    comment: Any = None,
    notify: bool = False,
    origin: str = "api",
) -> Document:
    arguments = arguments if isinstance(arguments, dict) else {}
    back = (arguments.get("extension_attributes") or {}).get("return_to_stock_items") or []
    back_ids = {int(i) for i in back if str(i).isdigit()}
    lines = lifecycle.requested_lines(order, items)
    if lines is None:  # (?) an empty list most likely refunds all that can be refunded
        lines = {
            i.item_id: lifecycle.qty_to_refund(i)
            for i in order.items
            if lifecycle.qty_to_refund(i) > 0
        }
    messages = _check_lines(order, lines)
    doc = new_document(
        state,
        "creditmemo",
        order,
        {k: v for k, v in lines.items() if k in {i.item_id for i in order.items}},
    )
    messages += [] if messages else _money(order, doc, arguments)
    if messages:
        raise document_error("Creditmemo", messages)
    doc.origin = origin
    by_id = {i.item_id: i for i in order.items}
    with lifecycle.order_change(state, order):
        for item_id, qty in lines.items():
            if item_id in back_ids:
                _return_to_stock(state, by_id[item_id], qty)
            by_id[item_id].qty_refunded += qty
        order.subtotal_refunded = round(order.subtotal_refunded + doc.subtotal, 2)
        order.shipping_refunded = round(order.shipping_refunded + doc.shipping_amount, 2)
        order.total_refunded = round(order.total_refunded + doc.grand_total, 2)
        order.total_offline_refunded = round(order.total_offline_refunded + doc.grand_total, 2)
    entry = comment_entry(state, doc, comment, notify)
    if notify:
        state.mail("creditmemo", order)
    if entry:
        doc.comments.append(entry)
    save_document(state, doc)
    return doc


def refund_order(call: Call) -> Any:
    order = call.state.order(call.int_param("id"))
    doc = create_creditmemo(
        call.state,
        order,
        call.arg("items"),
        call.arg("arguments"),
        call.arg("comment"),
        bool(call.arg("notify")),
    )
    return doc.entity_id


def get_creditmemo(call: Call) -> Any:
    return render_document(get_document(call.state, "creditmemo", call.int_param("id")))


def list_creditmemos(call: Call) -> Any:
    s = call.state
    return search(
        DocumentSource(s, "creditmemo"),
        call.criteria(),
        s.versions["creditmemo"],
        s.cache,
        render_document,
    )


ROUTES = [
    Route("POST", "/order/{id}/refund", refund_order, "Magento_Sales::creditmemo"),
    Route("GET", "/creditmemo/{id}", get_creditmemo, READ),
    Route("GET", "/creditmemos", list_creditmemos, READ),
]
