"""Orders as SP-API Orders v2026-01-01 returns them (reference §2.5), tolerant of real data.

Money is ``{amount: decimal string, currencyCode}`` and read as ``Decimal``; prices, totals
and the recipient are absent on Pending orders (§2.3, §6.6) and restricted address parts are
silently dropped without the role (§1.5), so all of those are optional. Statuses are kept as
sent and also mapped to ``OrderStatus`` (``UNKNOWN`` for a value we do not know); unknown
fields are ignored. The v0 address shape (PascalCase, §2.4) reads into the same ``Address``.
"""

from __future__ import annotations

import re
from datetime import datetime
from decimal import Decimal
from enum import StrEnum
from typing import Any

from pydantic import AliasChoices, AliasPath, Field, field_validator

from channelmanager_gui.services.walmart.fields import (
    Blank,
    Quantity,
    Text,
    Timestamp,
    WalmartModel,
    as_list,
    to_datetime,
)

AmazonModel = WalmartModel  # frozen, extra fields ignored, populate by name


class OrderStatus(StrEnum):
    """v2026 ``fulfillmentStatus``: the ``FulfillmentStatus`` enum of Amazon's model
    (orders_2026-01-01.json: PENDING_AVAILABILITY, PENDING, UNSHIPPED, PARTIALLY_SHIPPED,
    SHIPPED, CANCELLED, UNFULFILLABLE). INVOICE_UNCONFIRMED is v0's (§2.3), read from v0."""

    PENDING_AVAILABILITY = "PENDING_AVAILABILITY"
    PENDING = "PENDING"
    UNSHIPPED = "UNSHIPPED"
    PARTIALLY_SHIPPED = "PARTIALLY_SHIPPED"
    SHIPPED = "SHIPPED"
    INVOICE_UNCONFIRMED = "INVOICE_UNCONFIRMED"
    CANCELLED = "CANCELLED"
    UNFULFILLABLE = "UNFULFILLABLE"
    UNKNOWN = "UNKNOWN"


def status_of(raw: str) -> OrderStatus:
    """``UNSHIPPED`` / ``Unshipped`` / ``PartiallyShipped`` / ``Canceled`` → the enum."""
    snake = re.sub(r"(?<=[a-z])(?=[A-Z])", "_", raw.strip()).upper().replace(" ", "_")
    if snake == "CANCELED":  # v0 spelling; v2026 doubles the L (§2.3)
        snake = "CANCELLED"
    try:
        return OrderStatus(snake)
    except ValueError:
        return OrderStatus.UNKNOWN


class Money(AmazonModel):
    amount: Decimal = Field(validation_alias=AliasChoices("amount", "Amount"))
    currency: Blank = Field("", validation_alias=AliasChoices("currencyCode", "CurrencyCode"))

    @field_validator("amount", mode="before")
    @classmethod
    def _decimal_text(cls, value: Any) -> Any:
        """Amounts are decimal strings (§2.4); never let a float in."""
        if isinstance(value, float):
            raise ValueError("amount arrived as a binary float")
        return value


def money_or_none(value: Any) -> Any:
    """A money object without an amount (``{"amount": null}``) is no price yet, not an error."""
    if isinstance(value, dict) and value.get("amount", value.get("Amount")) in (None, ""):
        return None
    return value


def _alias(*names: str) -> Any:
    return AliasChoices(*names)


class Address(AmazonModel):
    """Without PII access only city, state, postal code and country are present (§1.5)."""

    name: Blank = Field("", validation_alias=_alias("name", "Name"))
    line1: Blank = Field("", validation_alias=_alias("addressLine1", "AddressLine1"))
    line2: Blank = Field("", validation_alias=_alias("addressLine2", "AddressLine2"))
    line3: Blank = Field("", validation_alias=_alias("addressLine3", "AddressLine3"))
    city: Blank = Field("", validation_alias=_alias("city", "City"))
    state: Blank = Field("", validation_alias=_alias("stateOrRegion", "StateOrRegion"))
    postal_code: Blank = Field("", validation_alias=_alias("postalCode", "PostalCode"))
    country: Blank = Field("", validation_alias=_alias("countryCode", "CountryCode"))
    phone: Blank = Field("", validation_alias=_alias("phone", "Phone"))
    company: Blank = Field("", validation_alias=_alias("companyName", "CompanyName"))
    address_type: Blank = Field("", validation_alias=_alias("addressType", "AddressType"))

    @property
    def is_complete(self) -> bool:
        """A name and a street: enough to ship to; otherwise the PII was withheld."""
        return bool(self.name and self.line1)


class Package(AmazonModel):
    """A shipped package as v2026 reports it with ``includedData=PACKAGES`` (§2.5)."""

    carrier: Blank = ""
    tracking_number: Blank = Field("", validation_alias="trackingNumber")
    # ``packageStatus`` is an object, ``{"status": "DELIVERED", "detailedStatus": ..}``, in
    # Amazon's model example (orders_2026-01-01.json; §2.5 names the field only). A bare
    # string is still read, should Amazon ever flatten it.
    status: Blank = Field(
        "", validation_alias=AliasChoices(AliasPath("packageStatus", "status"), "packageStatus")
    )


class OrderItem(AmazonModel):
    order_item_id: Text = Field(validation_alias="orderItemId")
    quantity: Quantity = Field(validation_alias="quantityOrdered")
    asin: Blank = Field("", validation_alias=AliasPath("product", "asin"))
    sku: Blank = Field("", validation_alias=AliasPath("product", "sellerSku"))
    title: Blank = Field("", validation_alias=AliasPath("product", "title"))
    unit_price: Money | None = Field(
        None, validation_alias=AliasPath("product", "price", "unitPrice")
    )
    quantity_shipped: Quantity = Field(
        0, validation_alias=AliasPath("fulfillment", "quantityFulfilled")
    )
    # §2.5 names ``cancellation.cancellationRequest`` per item but not its fields (?): any
    # non-null request counts as the buyer asking to cancel (v0's BuyerRequestedCancel, §3.3).
    cancel_request: dict[str, Any] | None = Field(
        None, validation_alias=AliasPath("cancellation", "cancellationRequest")
    )

    _price = field_validator("unit_price", mode="before")(money_or_none)

    @field_validator("quantity_shipped", mode="before")
    @classmethod
    def _null_is_zero(cls, value: Any) -> Any:
        return 0 if value is None else value

    @property
    def line_total(self) -> Decimal | None:
        """Unit price × quantity; None while the order is Pending (no prices yet, §2.3)."""
        return None if self.unit_price is None else self.unit_price.amount * self.quantity

    @property
    def buyer_requested_cancel(self) -> bool:
        return bool(self.cancel_request)

    @property
    def buyer_cancel_reason(self) -> str:
        reason = (self.cancel_request or {}).get("buyerCancelReason") or (
            self.cancel_request or {}
        ).get("cancelReason")
        return str(reason or "")


class Order(AmazonModel):
    order_id: Text = Field(validation_alias="orderId")
    created: Timestamp = Field(validation_alias="createdTime")
    last_updated: Timestamp = Field(validation_alias="lastUpdatedTime")
    status_raw: Blank = Field("", validation_alias=AliasPath("fulfillment", "fulfillmentStatus"))
    fulfilled_by: Blank = Field("", validation_alias=AliasPath("fulfillment", "fulfilledBy"))
    service_level: Blank = Field(
        "", validation_alias=AliasPath("fulfillment", "fulfillmentServiceLevel")
    )
    ship_by: Timestamp | None = Field(
        None, validation_alias=AliasPath("fulfillment", "shipByWindow", "latestDateTime")
    )
    marketplace_id: Blank = Field("", validation_alias=AliasPath("salesChannel", "marketplaceId"))
    total: Money | None = Field(None, validation_alias=AliasPath("proceeds", "grandTotal"))
    address: Address | None = Field(
        None, validation_alias=AliasPath("recipient", "deliveryAddress")
    )
    # ``orderItems`` is required in the v2026 model (orders_2026-01-01.json ``Order.required``):
    # an order without it is refused (skipped with the reason), never read as an empty order.
    items: list[OrderItem] = Field(validation_alias="orderItems")
    packages: list[Package] = Field(default_factory=list)

    _packages = field_validator("packages", mode="before")(as_list)
    _total = field_validator("total", mode="before")(money_or_none)

    @property
    def status(self) -> OrderStatus:
        return status_of(self.status_raw)

    @property
    def merchant_fulfilled(self) -> bool:
        """MFN (``MERCHANT``): we ship and confirm; AFN (``AMAZON``) is read-only (§2.3)."""
        return self.fulfilled_by.upper() in ("MERCHANT", "MFN")

    @property
    def buyer_requested_cancel(self) -> bool:
        return any(item.buyer_requested_cancel for item in self.items)

    def item(self, order_item_id: str) -> OrderItem | None:
        return next((i for i in self.items if i.order_item_id == order_item_id), None)


def parse_when(value: Any) -> datetime | None:
    """A top-level date such as ``lastUpdatedBefore``; None when absent or unreadable."""
    if value in (None, ""):
        return None
    try:
        return to_datetime(value)
    except ValueError:
        return None
