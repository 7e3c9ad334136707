"""Typed views of Commerce orders, shipments, credit memos and returns (RMA).

These are what the sync engine compares against Walmart: item quantities per state
(ordered/shipped/canceled/refunded), the links back to the marketplace order (``ext_order_id``,
``quote_id``), and the shipping address, which Commerce keeps only inside
``extension_attributes.shipping_assignments`` (reference §5.2). Lists that real servers send as
``null`` (RMA items, comments and tracks, issue #4373) read as empty lists.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Annotated, Any

from pydantic import BeforeValidator, Field, model_validator

from channelmanager_gui.services.commerce.models import (
    Address,
    Amount,
    CommerceModel,
    Qty,
    Text,
    Timestamp,
    Track,
)


def _list_or_empty(value: object) -> object:
    return [] if value is None else value


def _dig(data: object, *path: str | int) -> object:
    """Follow keys and list positions; None as soon as the shape does not fit."""
    node = data
    for step in path:
        if isinstance(step, int):
            if not isinstance(node, list) or len(node) <= step:
                return None
            node = node[step]
        else:
            if not isinstance(node, Mapping):
                return None
            node = node.get(step)
    return node


class OrderItem(CommerceModel):
    """One order line; ``item_id`` is the ``order_item_id`` ship and refund take."""

    item_id: int
    sku: Text = ""
    name: Text = ""
    product_type: Text = ""
    parent_item_id: int | None = None
    price: Amount = None
    qty_ordered: Qty = 0.0
    qty_invoiced: Qty = 0.0
    qty_shipped: Qty = 0.0
    qty_canceled: Qty = 0.0
    qty_refunded: Qty = 0.0


class OrderedSku(CommerceModel):
    """One line of :class:`OrderSkus`."""

    sku: Text = ""


class OrderSkus(CommerceModel):
    """An order read only for what moves MSI reservations: when it changed, and its SKUs."""

    updated_at: Timestamp = None
    items: Annotated[list[OrderedSku], BeforeValidator(_list_or_empty)] = Field(
        default_factory=list
    )


class OrderComment(CommerceModel):
    """An order status-history entry (where the marketplace order id is also noted)."""

    comment: Text = ""
    status: str | None = None
    created_at: Timestamp = None


class Order(CommerceModel):
    """One sales order with its lines and addresses."""

    entity_id: int
    increment_id: Text = ""
    state: Text = ""
    status: Text = ""
    store_id: int | None = None  # the store view it was placed in; its returns need it
    quote_id: int | None = None
    ext_order_id: str | None = None
    grand_total: Amount = None
    order_currency_code: Text = ""
    created_at: Timestamp = None
    updated_at: Timestamp = None
    customer_email: Text = ""
    customer_firstname: Text = ""
    customer_lastname: Text = ""
    items: Annotated[list[OrderItem], BeforeValidator(_list_or_empty)] = Field(default_factory=list)
    billing_address: Address | None = None
    shipping_address: Address | None = None
    comments: Annotated[list[OrderComment], BeforeValidator(_list_or_empty)] = Field(
        default_factory=list, validation_alias="status_histories"
    )

    @model_validator(mode="before")
    @classmethod
    def _lift_shipping_address(cls, data: Any) -> Any:
        """The shipping address lives only in the first shipping assignment (reference §5.2)."""
        if not isinstance(data, Mapping) or data.get("shipping_address") is not None:
            return data
        path = ("extension_attributes", "shipping_assignments", 0, "shipping", "address")
        address = _dig(data, *path)
        return {**data, "shipping_address": address} if address is not None else data

    def item(self, item_id: int) -> OrderItem | None:
        """The line with this ``item_id``, if any."""
        return next((i for i in self.items if i.item_id == item_id), None)


class ShipmentItem(CommerceModel):
    order_item_id: int
    sku: Text = ""
    qty: Qty = 0.0


class Shipment(CommerceModel):
    """A shipment document; each ``ship`` call makes a new one."""

    entity_id: int
    increment_id: Text = ""
    order_id: int
    created_at: Timestamp = None
    items: Annotated[list[ShipmentItem], BeforeValidator(_list_or_empty)] = Field(
        default_factory=list
    )
    tracks: Annotated[list[Track], BeforeValidator(_list_or_empty)] = Field(default_factory=list)


class Invoice(CommerceModel):
    """An invoice (reference §6); the app needs only to know that one exists."""

    entity_id: int
    increment_id: Text = ""
    order_id: int
    grand_total: Qty = 0.0
    created_at: Timestamp = None


class CreditMemoItem(CommerceModel):
    order_item_id: int
    sku: Text = ""
    qty: Qty = 0.0


class CreditMemo(CommerceModel):
    """An offline or online refund; ``state`` 1 open, 2 refunded, 3 canceled (reference §8)."""

    entity_id: int
    increment_id: Text = ""
    order_id: int
    state: int | None = None
    grand_total: Amount = None
    created_at: Timestamp = None
    items: Annotated[list[CreditMemoItem], BeforeValidator(_list_or_empty)] = Field(
        default_factory=list
    )


class RmaItem(CommerceModel):
    """One returned line; reason/condition/resolution are EAV option ids as text (?)."""

    entity_id: int | None = None
    order_item_id: int
    qty_requested: Qty = 0.0
    qty_authorized: Qty = 0.0
    qty_approved: Qty = 0.0
    qty_returned: Qty = 0.0
    reason: str | None = None
    condition: str | None = None
    resolution: str | None = None
    status: Text = ""


class RmaComment(CommerceModel):
    comment: Text = ""
    created_at: Timestamp = None
    status: str | None = None


class RmaTrack(CommerceModel):
    track_number: Text = ""
    carrier_code: Text = ""
    carrier_title: Text = ""


class Rma(CommerceModel):
    """A return (Adobe Commerce only); item/comment/track lists may arrive as null."""

    entity_id: int
    increment_id: Text = ""
    order_id: int
    order_increment_id: Text = ""
    status: Text = ""
    date_requested: Timestamp = None
    items: Annotated[list[RmaItem], BeforeValidator(_list_or_empty)] = Field(default_factory=list)
    comments: Annotated[list[RmaComment], BeforeValidator(_list_or_empty)] = Field(
        default_factory=list
    )
    tracks: Annotated[list[RmaTrack], BeforeValidator(_list_or_empty)] = Field(default_factory=list)


class CartItem(CommerceModel):
    """Answer of ``POST /V1/carts/{id}/items``."""

    item_id: int
    sku: Text = ""
    qty: Qty = 0.0
    quote_id: str | None = None
    price: Amount = None
