"""``POST /V1/order/{id}/invoice`` and invoice reads (reference §6).

Payments are offline (check/money order), so an invoice is paid at once: ``total_paid`` grows
with it, which is what makes an offline credit memo possible afterwards. The first invoice
carries the order's shipping amount.
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
from channelmanager_gui.sandbox.commerce.errors import document_error
from channelmanager_gui.sandbox.commerce.query import search
from channelmanager_gui.sandbox.commerce.records import Document, Order
from channelmanager_gui.sandbox.commerce.routing import Call, Route
from channelmanager_gui.sandbox.commerce.state import CommerceState

READ = "Magento_Sales::sales_invoice"


def _check(order: Order, lines: dict[int, float]) -> list[str]:
    messages = []
    if order.state in ("payment_review", "holded", "canceled", "complete", "closed"):
        messages.append(
            f"An invoice cannot be created when an order has a status of {order.status}"
        )
    elif not lifecycle.can_invoice(order):
        messages.append("The order does not allow an invoice to be created.")
    by_id, total = {i.item_id: i for i in order.items}, 0.0
    for item_id, qty in lines.items():
        item = by_id.get(item_id)
        if item is None:
            messages.append(
                "The invoice contains one or more items that are not part of the original order."
            )
        elif qty > lifecycle.qty_to_invoice(item):
            messages.append(
                "The quantity to invoice must not be greater than the uninvoiced "
                f'quantity for product SKU "{item.sku}".'
            )  # (?)
        else:
            total += qty
    if total <= 0:
        messages.append(
            "The invoice can't be created without products. Add products and try again."
        )
    return messages


def create_invoice(
    state: CommerceState, order: Order, items: Any = None, comment: Any = None, notify: bool = False
) -> Document:
    lines = lifecycle.requested_lines(order, items)
    if lines is None:
        lines = {
            i.item_id: lifecycle.qty_to_invoice(i)
            for i in order.items
            if lifecycle.qty_to_invoice(i) > 0
        }
    messages = _check(order, lines)
    if messages:
        raise document_error("Invoice", messages)
    doc = new_document(state, "invoice", order, lines)
    by_id = {i.item_id: i for i in order.items}
    with lifecycle.order_change(state, order, in_process=True):
        for item_id, qty in lines.items():
            by_id[item_id].qty_invoiced += qty
        doc.subtotal = round(sum(line["row_total"] for line in doc.items), 2)
        doc.shipping_amount = round(order.shipping_amount - order.shipping_invoiced, 2)
        doc.grand_total = round(doc.subtotal + doc.shipping_amount, 2)
        order.subtotal_invoiced = round(order.subtotal_invoiced + doc.subtotal, 2)
        order.shipping_invoiced = round(order.shipping_invoiced + doc.shipping_amount, 2)
        order.total_invoiced = round(order.total_invoiced + doc.grand_total, 2)
        order.total_paid = round(order.total_paid + doc.grand_total, 2)
    entry = comment_entry(state, doc, comment, notify)
    if notify:
        state.mail("invoice", order)
    if entry:
        doc.comments.append(entry)
    save_document(state, doc)
    return doc


def invoice_order(call: Call) -> Any:
    order = call.state.order(call.int_param("id"))
    doc = create_invoice(
        call.state, order, call.arg("items"), call.arg("comment"), bool(call.arg("notify"))
    )
    return doc.entity_id


def get_invoice(call: Call) -> Any:
    return render_document(get_document(call.state, "invoice", call.int_param("id")))


def list_invoices(call: Call) -> Any:
    s = call.state
    return search(
        DocumentSource(s, "invoice"),
        call.criteria(),
        s.versions["invoice"],
        s.cache,
        render_document,
    )


ROUTES = [
    Route("POST", "/order/{id}/invoice", invoice_order, "Magento_Sales::invoice"),
    Route("GET", "/invoices/{id}", get_invoice, READ),
    Route("GET", "/invoices", list_invoices, READ),
]
