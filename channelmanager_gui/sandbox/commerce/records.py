"""In-memory rows of the Commerce sandbox.

Slotted dataclasses rather than dicts: the sandbox must hold 100,000 products and 100,000 orders
without swelling, and the full JSON shape is rendered only for the rows a request returns.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(slots=True)
class Product:
    id: int
    sku: str
    name: str
    price: float
    status: int  # 1 enabled, 2 disabled
    weight: float
    created_at: str
    updated_at: str
    attrs: dict[str, Any]  # custom_attributes by attribute_code
    visibility: int = 4
    type_id: str = "simple"
    attribute_set_id: int = 4


@dataclass(slots=True)
class SourceItem:
    """An MSI source item; in single-source mode source ``default`` is the legacy stock item."""

    sku: str
    source_code: str
    quantity: float
    status: int  # 1 in stock, 0 out of stock


@dataclass(slots=True)
class QuoteItem:
    item_id: int
    sku: str
    qty: float
    name: str
    price: float
    product_id: int
    weight: float


@dataclass(slots=True)
class Quote:
    id: int
    masked_id: str | None = None  # guest carts are addressed by a 32-character masked id
    items: list[QuoteItem] = field(default_factory=list)
    shipping_address: dict[str, Any] | None = None
    billing_address: dict[str, Any] | None = None
    shipping_method: tuple[str, str] | None = None
    active: bool = True
    order_id: int | None = None
    email: str | None = None


@dataclass(slots=True)
class OrderItem:
    item_id: int
    order_id: int
    quote_item_id: int
    product_id: int
    sku: str
    name: str
    price: float
    weight: float
    qty_ordered: float
    created_at: str
    updated_at: str
    qty_invoiced: float = 0.0
    qty_shipped: float = 0.0
    qty_canceled: float = 0.0
    qty_refunded: float = 0.0
    qty_returned: float = 0.0


@dataclass(slots=True)
class Order:
    entity_id: int
    increment_id: str
    quote_id: int
    created_at: str
    updated_at: str
    customer_email: str
    customer_firstname: str | None
    customer_lastname: str | None
    billing_address: dict[str, Any]
    shipping_address: dict[str, Any]
    payment_method: str
    items: list[OrderItem]
    subtotal: float
    shipping_amount: float
    grand_total: float
    state: str = "new"
    status: str = "pending"
    ext_order_id: str | None = None
    hold_before_state: str | None = None
    hold_before_status: str | None = None
    total_paid: float = 0.0
    total_invoiced: float = 0.0
    total_refunded: float = 0.0
    total_offline_refunded: float = 0.0
    total_canceled: float = 0.0
    subtotal_invoiced: float = 0.0
    subtotal_refunded: float = 0.0
    subtotal_canceled: float = 0.0
    shipping_invoiced: float = 0.0
    shipping_refunded: float = 0.0
    histories: list[dict[str, Any]] = field(default_factory=list)
    extra: dict[str, Any] | None = None  # other columns written by a partial POST /V1/orders
    store_id: int = 1  # the store view the cart was placed in


@dataclass(slots=True)
class Track:
    entity_id: int
    parent_id: int
    order_id: int
    track_number: str
    title: str
    carrier_code: str
    created_at: str


@dataclass(slots=True)
class Document:
    """An invoice, shipment or credit memo: lines against order items plus money."""

    kind: str  # "invoice", "shipment" or "creditmemo"
    entity_id: int
    increment_id: str
    order_id: int
    created_at: str
    items: list[dict[str, Any]]
    grand_total: float = 0.0
    subtotal: float = 0.0
    shipping_amount: float = 0.0
    adjustment_positive: float = 0.0
    adjustment_negative: float = 0.0
    state: int = 2
    tracks: list[Track] = field(default_factory=list)
    comments: list[dict[str, Any]] = field(default_factory=list)
    source_code: str | None = None
    origin: str = "api"  # "api" or "admin": who made it, for /_sandbox/stats only


@dataclass(slots=True)
class Rma:
    entity_id: int
    increment_id: str
    order_id: int
    order_increment_id: str
    store_id: int
    customer_id: int | None
    date_requested: str
    customer_custom_email: str | None
    status: str
    items: list[dict[str, Any]]
    comments: list[dict[str, Any]] = field(default_factory=list)
    tracks: list[dict[str, Any]] = field(default_factory=list)
