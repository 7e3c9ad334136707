"""Orders as the Walmart Orders API returns them (reference §3), flattened for our use.

Field paths follow Walmart's OpenAPI examples; nullable parts seen in real payloads (``tax``,
``refund``, ``cancellationReason``, ``trackingInfo``) are optional, and wrapper lists such as
``orderLineStatuses.orderLineStatus`` accept a single object as well as a list.
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from pydantic import AliasChoices, AliasPath, Field, field_validator

from channelmanager_gui.services.walmart.fields import (
    Blank,
    Currency,
    Quantity,
    Text,
    Timestamp,
    WalmartModel,
    as_list,
)


class Money(WalmartModel):
    """Charges use ``amount``/``currency``; totals use ``currencyAmount``/``currencyUnit``."""

    amount: Decimal = Field(validation_alias=AliasChoices("amount", "currencyAmount"))
    currency: Currency = Field("USD", validation_alias=AliasChoices("currency", "currencyUnit"))


class Tracking(WalmartModel):
    ship_datetime: Timestamp | None = Field(None, validation_alias="shipDateTime")
    carrier: str | None = Field(None, validation_alias=AliasPath("carrierName", "carrier"))
    other_carrier: str | None = Field(
        None, validation_alias=AliasPath("carrierName", "otherCarrier")
    )
    method_code: str | None = Field(None, validation_alias="methodCode")
    tracking_number: Text | None = Field(None, validation_alias="trackingNumber")
    tracking_url: str | None = Field(None, validation_alias="trackingURL")


class LineStatus(WalmartModel):
    """One slice of a line's quantity in one status (multi-quantity lines hold several)."""

    status: str
    quantity: Quantity = Field(validation_alias=AliasPath("statusQuantity", "amount"))
    cancellation_reason: str | None = Field(None, validation_alias="cancellationReason")
    tracking: Tracking | None = Field(None, validation_alias="trackingInfo")


class Charge(WalmartModel):
    charge_type: str = Field(validation_alias="chargeType")
    name: Blank = Field("", validation_alias="chargeName")
    amount: Money = Field(validation_alias="chargeAmount")
    tax: Money | None = Field(None, validation_alias=AliasPath("tax", "taxAmount"))


class OrderLine(WalmartModel):
    line_number: Text = Field(validation_alias="lineNumber")
    sku: Text = Field(validation_alias=AliasPath("item", "sku"))
    product_name: Blank = Field("", validation_alias=AliasPath("item", "productName"))
    quantity: Quantity = Field(validation_alias=AliasPath("orderLineQuantity", "amount"))
    status_date: Timestamp | None = Field(None, validation_alias="statusDate")
    statuses: list[LineStatus] = Field(
        default_factory=list, validation_alias=AliasPath("orderLineStatuses", "orderLineStatus")
    )
    charges: list[Charge] = Field(
        default_factory=list, validation_alias=AliasPath("charges", "charge")
    )
    intent_to_cancel: str | None = Field(None, validation_alias="intentToCancel")
    seller_order_id: Text | None = Field(None, validation_alias="sellerOrderId")

    _lists = field_validator("statuses", "charges", mode="before")(as_list)

    @property
    def price(self) -> Decimal:
        """Item price for the whole line (PRODUCT charges)."""
        return sum((c.amount.amount for c in self.charges if c.charge_type == "PRODUCT"), Decimal())

    @property
    def tax(self) -> Decimal:
        """Tax on all charges; a missing or null tax counts as zero."""
        return sum((c.tax.amount for c in self.charges if c.tax), Decimal())

    @property
    def shipping(self) -> Decimal:
        return sum(
            (c.amount.amount for c in self.charges if c.charge_type == "SHIPPING"), Decimal()
        )

    @property
    def shipping_tax(self) -> Decimal:
        """The part of :attr:`tax` charged on shipping (tax per charge, reference §3)."""
        return sum(
            (c.tax.amount for c in self.charges if c.tax and c.charge_type == "SHIPPING"),
            Decimal(),
        )

    def quantity_in(self, status: str) -> int:
        """Units of this line currently in ``status`` (e.g. "Shipped")."""
        return sum(s.quantity for s in self.statuses if s.status.lower() == status.lower())


class PostalAddress(WalmartModel):
    name: Blank = ""
    address1: Blank = ""
    address2: str | None = None
    city: Blank = ""
    state: Blank = ""
    postal_code: Blank = Field("", validation_alias="postalCode")
    country: Blank = ""
    address_type: str | None = Field(None, validation_alias="addressType")


class ShippingInfo(WalmartModel):
    phone: Text | None = None
    estimated_delivery_date: Timestamp | None = Field(
        None, validation_alias="estimatedDeliveryDate"
    )
    estimated_ship_date: Timestamp | None = Field(None, validation_alias="estimatedShipDate")
    method_code: str | None = Field(None, validation_alias="methodCode")
    address: PostalAddress | None = Field(None, validation_alias="postalAddress")


class Order(WalmartModel):
    marketplace_order_id: Text = Field(validation_alias="purchaseOrderId")
    customer_order_id: Text = Field(validation_alias="customerOrderId")
    customer_email: str | None = Field(None, validation_alias="customerEmailId")
    order_date: Timestamp = Field(validation_alias="orderDate")
    order_type: str | None = Field(None, validation_alias="orderType")
    shipping_info: ShippingInfo | None = Field(None, validation_alias="shippingInfo")
    lines: list[OrderLine] = Field(validation_alias=AliasPath("orderLines", "orderLine"))
    total: Money | None = Field(None, validation_alias=AliasPath("orderSummary", "totalAmount"))
    ship_node_type: str | None = Field(None, validation_alias=AliasPath("shipNode", "type"))

    _lists = field_validator("lines", mode="before")(as_list)

    @property
    def estimated_ship_date(self) -> datetime | None:
        return self.shipping_info.estimated_ship_date if self.shipping_info else None
