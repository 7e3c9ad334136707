"""What the merchant asks Walmart to do with order lines, checked before anything is sent.

Validation happens here, not at Walmart: a wrong carrier name or cancellation reason is
reported against the field the merchant filled in, instead of as a 400 from the API after the
outbox has already queued it. Enums are the reference's exact strings (§4).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from typing import Any

from channelmanager_gui.errors import ValidationError

METHOD_CODES = ("Standard", "Express", "OneDay", "Freight", "WhiteGlove", "Value")
CANCEL_REASONS = (
    "CUSTOMER_REQUESTED_SELLER_TO_CANCEL",
    "SELLER_CANCEL_PRICING_ERROR",
    "SELLER_CANCEL_OUT_OF_STOCK",
    "SELLER_CANCEL_FRAUD_STOP_SHIPMENT",
    "SELLER_CANCEL_ADDRESS_NOT_SERVICEABLE",
)
REFUND_REASONS = (
    "BillingError", "TaxExemptCustomer", "ItemNotAsAdvertised", "IncorrectItemReceived",
    "CancelledYetShipped", "ItemNotReceivedByCustomer", "IncorrectShippingPrice", "DamagedItem",
    "DefectiveItem", "CustomerChangedMind", "CustomerReceivedItemLate",
    "Missing Parts / Instructions", "Finance -> Goodwill", "Finance -> Rollback",
    "Buyer canceled", "Customer returned item", "General adjustment", "Merchandise not received",
    "Quality -> Missing Parts / Instructions", "Shipping & Delivery -> Damaged",
    "Shipping & Delivery -> Shipping Price Discrepancy", "Others",
)  # fmt: skip
# Spec enum (2023) plus carriers named in later docs (reference §4). Anything else must be sent
# as ``other_carrier`` with a tracking URL.
_CARRIER_NAMES = """
    UPS|USPS|FedEx|Airborne|OnTrac|DHL Ecommerce - US|DHL|LS|UDS|UPSMI|FDX|PILOT|ESTES|SAIA
    |FDS Express|Seko Worldwide|HIT Delivery|FEDEXSP|RL Carriers
    |Metropolitan Warehouse & Delivery|China Post|YunExpress|Yellow Freight Sys
    |AIT Worldwide Logistics|Chukou1|Sendle|Landmark Global|Sunyou|Yanwen|4PX|GLS|OSM Worldwide
    |FIRST MILE|AM Trucking|CEVA|India Post|SF Express|CNE|TForce Freight|AxleHire|LSO|Royal Mail
    |ABF Freight System|WanB|Roadrunner Freight|Meyer Distribution|AAA Cooper|Canada Post
    |Southeastern Freight Lines|Japan Post|Correos de Mexico|XPO Logistics|JD Logistics|YDH|JCEX
    |Flyt|Deutsche Post|Better Trucks|Asendia|SFC|UBI|ePost Global|YF Logistics|RXO|Estes Express
    |Shypmax|WIN.IT America|PITT OHIO|PostNord Sweden|Equick|Whistl|Aramex|Xindus|Spreetail|P2PG
    |UniUni|GOFO|SwiftX|Exelot|DoorDash|SpeedX"""
CARRIERS = frozenset(name.strip() for name in _CARRIER_NAMES.split("|"))


MAX_SELLER_ORDER_ID = 30  # "limit of 30 characters" (OpenAPI ShippingLineType.sellerOrderId)


@dataclass(frozen=True)
class ShipLine:
    """Ship ``quantity`` units of one line. Exactly one of ``carrier``/``other_carrier``.

    ``seller_order_id`` is required: Walmart's OpenAPI ``ShippingLineType`` lists it in
    ``required`` (the reference's §4 text calls it optional; the spec wins) and prints it on the
    return label.
    """

    line_number: str
    quantity: int
    tracking_number: str
    ship_datetime: datetime
    method_code: str = "Standard"
    carrier: str | None = None
    other_carrier: str | None = None
    tracking_url: str | None = None
    intent_to_cancel_override: bool = False
    seller_order_id: str = field(kw_only=True)

    def to_wire(self) -> dict[str, Any]:
        self.check()
        carrier = (
            {"carrier": self.carrier} if self.carrier else {"otherCarrier": self.other_carrier}
        )
        tracking: dict[str, Any] = {
            "shipDateTime": int(self.ship_datetime.timestamp() * 1000),
            "carrierName": carrier,
            "methodCode": self.method_code,
            "trackingNumber": self.tracking_number,
        }
        if self.tracking_url:
            tracking["trackingURL"] = self.tracking_url
        line: dict[str, Any] = {
            "lineNumber": str(self.line_number),
            "intentToCancelOverride": self.intent_to_cancel_override,
            "sellerOrderId": self.seller_order_id,
            "orderLineStatuses": {"orderLineStatus": [{
                "status": "Shipped",
                "statusQuantity": _quantity(self.quantity),
                "trackingInfo": tracking,
            }]},
        }  # fmt: skip
        return line

    def check(self) -> None:
        _check_line(self.line_number, self.quantity)
        if bool(self.carrier) == bool(self.other_carrier):
            raise ValidationError("carrier", "give either a listed carrier or another carrier")
        if self.carrier and self.carrier not in CARRIERS:
            raise ValidationError(
                "carrier", f"“{self.carrier}” is not a Walmart carrier name; use other carrier"
            )
        if self.other_carrier and not self.tracking_url:
            raise ValidationError("tracking_url", "required when the carrier is not listed")
        if self.method_code not in METHOD_CODES:
            raise ValidationError("method_code", f"must be one of {', '.join(METHOD_CODES)}")
        if not self.tracking_number.strip():
            raise ValidationError("tracking_number", "is required")
        if self.ship_datetime.tzinfo is None:
            raise ValidationError("ship_datetime", "must carry a time zone")
        if not self.seller_order_id.strip():
            raise ValidationError("seller_order_id", "is required (Walmart prints it on labels)")
        if len(self.seller_order_id) > MAX_SELLER_ORDER_ID:
            raise ValidationError("seller_order_id", f"at most {MAX_SELLER_ORDER_ID} characters")


@dataclass(frozen=True)
class CancelLine:
    line_number: str
    quantity: int
    reason: str

    def to_wire(self) -> dict[str, Any]:
        _check_line(self.line_number, self.quantity)
        if self.reason not in CANCEL_REASONS:
            raise ValidationError("reason", f"must be one of {', '.join(CANCEL_REASONS)}")
        return {
            "lineNumber": str(self.line_number),
            "orderLineStatuses": {"orderLineStatus": [{
                "status": "Cancelled",
                "cancellationReason": self.reason,
                "statusQuantity": _quantity(self.quantity),
            }]},
        }  # fmt: skip


@dataclass(frozen=True)
class RefundLine:
    """Refund ``amount`` (positive; sent negative as Walmart wants) on a shipped line."""

    line_number: str
    reason: str
    amount: Decimal
    tax: Decimal | None = None
    comment: str = ""
    charge_type: str = "PRODUCT"
    full: bool = False
    currency: str = "USD"

    def to_wire(self) -> dict[str, Any]:
        _check_line(self.line_number, 1)
        if self.reason not in REFUND_REASONS:
            raise ValidationError("reason", "is not one of Walmart's refund reasons")
        if self.amount <= 0 or (self.tax is not None and self.tax < 0):
            raise ValidationError("amount", "must be more than zero")
        if self.charge_type not in ("PRODUCT", "SHIPPING"):
            raise ValidationError("charge_type", "must be PRODUCT or SHIPPING")
        charge: dict[str, Any] = {
            "chargeType": self.charge_type,
            "chargeName": "ItemPrice" if self.charge_type == "PRODUCT" else "Shipping",
            "chargeAmount": {"currency": self.currency, "amount": float(-self.amount)},
        }
        if self.tax is not None:
            tax_amount = {"currency": self.currency, "amount": float(-self.tax)}
            charge["tax"] = {"taxName": "Tax1", "taxAmount": tax_amount}
        refund = {
            "refundComments": self.comment,
            "refundCharges": {"refundCharge": [{"refundReason": self.reason, "charge": charge}]},
        }
        return {
            "lineNumber": str(self.line_number),
            "isFullRefund": self.full,
            "refunds": {"refund": [refund]},
        }


def shipment_body(lines: list[ShipLine]) -> dict[str, Any]:
    return {"orderShipment": {"orderLines": {"orderLine": [ln.to_wire() for ln in _some(lines)]}}}


def cancellation_body(lines: list[CancelLine]) -> dict[str, Any]:
    wire = [ln.to_wire() for ln in _some(lines)]
    return {"orderCancellation": {"orderLines": {"orderLine": wire}}}


def refund_body(marketplace_order_id: str, lines: list[RefundLine]) -> dict[str, Any]:
    if len({ln.full for ln in _some(lines)}) > 1:
        # Reference §4: a single request is either all-full or all-partial.
        raise ValidationError("full", "one refund is either all full or all partial")
    wire = [ln.to_wire() for ln in lines]
    return {
        "orderRefund": {"purchaseOrderId": marketplace_order_id, "orderLines": {"orderLine": wire}}
    }


def _quantity(amount: int) -> dict[str, str]:
    return {"unitOfMeasurement": "EACH", "amount": str(amount)}  # strings on the wire (§1)


def _check_line(line_number: str, quantity: int) -> None:
    if not str(line_number).strip():
        raise ValidationError("line_number", "is required")
    if isinstance(quantity, bool) or not isinstance(quantity, int) or quantity < 1:
        raise ValidationError("quantity", "must be a whole number of at least 1")


def _some(lines: list[Any]) -> list[Any]:
    if not lines:
        raise ValidationError("lines", "give at least one order line")
    return lines
