"""Invoices, shipments and credit memos: storage, rendering and searching.

They share one record type and one searchable source: each list endpoint filters on the same
top-level fields (``order_id``, ``created_at``, ``increment_id``…), with ``entity_id`` and
``order_id`` answered from indexes.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from channelmanager_gui.sandbox.commerce.errors import entity_not_found
from channelmanager_gui.sandbox.commerce.query import newest
from channelmanager_gui.sandbox.commerce.records import Document, Order, OrderItem, Track
from channelmanager_gui.sandbox.commerce.state import CommerceState

_COLUMNS = (
    "entity_id",
    "increment_id",
    "order_id",
    "created_at",
    "grand_total",
    "subtotal",
    "shipping_amount",
    "adjustment_positive",
    "adjustment_negative",
    "state",
)


def store(state: CommerceState, kind: str) -> dict[int, Document]:
    return {
        "invoice": state.invoices,
        "shipment": state.shipments,
        "creditmemo": state.creditmemos,
    }[kind]


def new_document(
    state: CommerceState, kind: str, order: Order, lines: dict[int, float]
) -> Document:
    """A document numbered in its own sequence, with one line per order item and quantity."""
    doc_id = state.next_id(kind)
    by_id = {i.item_id: i for i in order.items}
    items = [_line(state, doc_id, by_id[item_id], qty) for item_id, qty in lines.items() if qty]
    return Document(kind, doc_id, f"{doc_id:09d}", order.entity_id, state.now(), items)


def _line(state: CommerceState, parent_id: int, item: OrderItem, qty: float) -> dict[str, Any]:
    return {
        "entity_id": state.next_id("document_item"),
        "parent_id": parent_id,
        "order_item_id": item.item_id,
        "product_id": item.product_id,
        "sku": item.sku,
        "name": item.name,
        "qty": qty,
        "price": item.price,
        "base_price": item.price,
        "row_total": round(item.price * qty, 2),
        "base_row_total": round(item.price * qty, 2),
        "weight": item.weight,
    }


def save_document(state: CommerceState, doc: Document) -> None:
    store(state, doc.kind)[doc.entity_id] = doc
    by_order = state.documents_by_order.setdefault(doc.kind, {})
    by_order.setdefault(doc.order_id, []).append(doc.entity_id)
    state.changed(doc.kind)


def get_document(state: CommerceState, kind: str, raw_id: int) -> Document:
    doc = store(state, kind).get(raw_id)
    if doc is None:
        raise entity_not_found()
    return doc


def render_track(track: Track) -> dict[str, Any]:
    return {
        "entity_id": track.entity_id,
        "parent_id": track.parent_id,
        "order_id": track.order_id,
        "track_number": track.track_number,
        "title": track.title,
        "carrier_code": track.carrier_code,
        "created_at": track.created_at,
        "updated_at": track.created_at,
    }


def _comment(c: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in c.items() if v is not None}


def render_document(doc: Document) -> dict[str, Any]:
    data: dict[str, Any] = {
        "entity_id": doc.entity_id,
        "increment_id": doc.increment_id,
        "order_id": doc.order_id,
        "store_id": 1,
        "created_at": doc.created_at,
        "updated_at": doc.created_at,
        "total_qty": sum(line["qty"] for line in doc.items),
        "billing_address_id": doc.order_id * 2 - 1,
        "items": [dict(line) for line in doc.items],
        "comments": [_comment(c) for c in doc.comments],
    }
    if doc.kind == "shipment":
        data |= {
            "shipping_address_id": doc.order_id * 2,
            "packages": [],
            "tracks": [render_track(t) for t in doc.tracks],
            "extension_attributes": {"source_code": doc.source_code or "default"},
        }
        return data
    money = {
        "grand_total": doc.grand_total,
        "base_grand_total": doc.grand_total,
        "subtotal": doc.subtotal,
        "base_subtotal": doc.subtotal,
        "shipping_amount": doc.shipping_amount,
        "base_shipping_amount": doc.shipping_amount,
        "tax_amount": 0.0,
        "base_tax_amount": 0.0,
        "discount_amount": 0.0,
        "order_currency_code": "USD",
        "base_currency_code": "USD",
        "state": doc.state,
    }
    data |= money
    if doc.kind == "creditmemo":
        adjustment = round(doc.adjustment_positive - doc.adjustment_negative, 2)
        data |= {
            "adjustment_positive": doc.adjustment_positive,
            "adjustment_negative": doc.adjustment_negative,
            "adjustment": adjustment,
            "base_adjustment": adjustment,
            "creditmemo_status": doc.state,
        }
    return data


class DocumentSource:
    """Documents of one kind as a searchable collection."""

    def __init__(self, state: CommerceState, kind: str) -> None:
        self.state = state
        self.kind = kind
        self.name = kind

    def rows(self) -> Iterable[Document]:
        return store(self.state, self.kind).values()

    def column(self, row: Document, field: str) -> Any:
        if field == "updated_at":
            return row.created_at
        if field == "total_qty":
            return sum(line["qty"] for line in row.items)
        return getattr(row, field) if field in _COLUMNS else None

    def lookup(self, field: str, values: list[str]) -> list[Document] | None:
        docs = store(self.state, self.kind)
        numbers = [int(v) for v in values if v.isdigit()]
        if field == "entity_id":
            return [docs[n] for n in numbers if n in docs]
        if field == "order_id":
            by_order = self.state.documents_by_order.get(self.kind, {})
            return [docs[d] for n in numbers for d in by_order.get(n, ())]
        return None

    def natural_key(self, row: Document) -> int:
        return row.entity_id

    def since(self, field: str, stamp: str, inclusive: bool) -> list[Document] | None:
        if field not in ("created_at", "updated_at"):
            return None  # documents never change their stamp: updated_at is created_at
        rows = reversed(store(self.state, self.kind).values())
        return newest(rows, lambda d: d.created_at, stamp, inclusive)


def comment_entry(
    state: CommerceState, doc: Document, comment: Any, notify: bool
) -> dict[str, Any] | None:
    """The comment sent with ship/refund/invoice, as the document's first comment."""
    if not isinstance(comment, dict) or not comment.get("comment"):
        return None
    return {
        "entity_id": state.next_id("document_comment"),
        "parent_id": doc.entity_id,
        "comment": str(comment["comment"]),
        "is_customer_notified": int(notify),
        "is_visible_on_front": int(bool(comment.get("is_visible_on_front"))),
        "created_at": doc.created_at,
    }
