"""What Amazon can do, in the port's terms (reference §3.2–§3.4, §4.4, §4.6, §8)."""

from __future__ import annotations

from channelmanager_gui.errors import ValidationError
from channelmanager_gui.services.amazon.listings_feed import MAX_MESSAGES
from channelmanager_gui.services.amazon.order_feeds import ADJUSTMENT_REASONS, CANCEL_REASONS
from channelmanager_gui.services.marketplace.port import Capabilities, Marketplace
from channelmanager_gui.text_marks import N_

# OrderAcknowledgement.xsd CancelReason (§3.3), in the merchant's words.
_CANCEL_LABELS = {
    "NoInventory": N_("CancelReason", "No inventory"),
    "ShippingAddressUndeliverable": N_("CancelReason", "Shipping address undeliverable"),
    "CustomerExchange": N_("CancelReason", "Customer exchange"),
    "BuyerCanceled": N_("CancelReason", "The buyer canceled"),
    "GeneralAdjustment": N_("CancelReason", "General adjustment"),
    "CarrierCreditDecision": N_("CancelReason", "Carrier credit decision"),
    "RiskAssessmentInformationNotValid": N_(
        "CancelReason", "Risk assessment information not valid"
    ),
    "CarrierCoverageFailure": N_("CancelReason", "Carrier coverage failure"),
    "CustomerReturn": N_("CancelReason", "Customer return"),
    "MerchandiseNotReceived": N_("CancelReason", "Merchandise not received"),
}
# §3.2 quotes UPS and Other; the others are the codes the client maps (services.amazon.shipping,
# MWS-era CarrierCode list (?)). Any other carrier goes as Other with its name (§3.2, §8.4).
CARRIERS = (
    ("UPS", "UPS"), ("USPS", "USPS"), ("FedEx", "FedEx"), ("DHL", "DHL"),
    ("DHL eCommerce", "DHL eCommerce"), ("OnTrac", "OnTrac"), ("Canada Post", "Canada Post"),
    ("Purolator", "Purolator"), ("Other", N_("ShipDialog", "Other (name it)")),
)  # fmt: skip

CAPABILITIES = Capabilities(
    marketplace=Marketplace.AMAZON,
    acknowledges_orders=False,
    cancel_reasons=tuple((code, _CANCEL_LABELS.get(code, code)) for code in CANCEL_REASONS),
    carriers=CARRIERS,
    other_carrier_ok=True,
    other_carrier_needs_url=False,  # carrierName is required with Other, no URL (§3.2)
    ship_methods=(),  # shippingMethod is free text (§3.2)
    partial_shipments=True,
    package_references=True,  # packageReferenceId, the same on a retry (§3.2)
    # Item-level Failure is described inconsistently (§9): whole orders only.
    cancel_whole_order_only=True,
    cancel_after_partial_shipment=False,  # never once anything shipped (§3.3)
    stock_bulk_limit=MAX_MESSAGES,
    price_bulk_limit=MAX_MESSAGES,
    applies_later=True,  # ACCEPTED ≠ applied (§4.2, §6.9)
    one_feed_at_a_time=True,  # §8.6
    refund_reasons=tuple((code, code) for code in ADJUSTMENT_REASONS),
    identifier_kinds=("ASIN", "UPC", "EAN", "ISBN", "GTIN", "SKU"),
    # One search per 6 minutes is half of searchOrders' sustained rate (0.0056/s, one token per
    # ~179 s, §2.1): the rest stays for the merchant's own tools (issue 19's idle budget), and
    # the burst stays full for a sale's extra pages. The reference's blueprint polls every 5
    # minutes (§8), and orders only show once 2 minutes old (§2.1).
    orders_poll_seconds=360.0,
)


def other_carrier_name(name: str) -> str:
    """The carrier name sent with ``Other`` (required then, §3.2)."""
    if not (name or "").strip():
        raise ValidationError("other_carrier", "name the carrier when it is not on Amazon's list")
    return name.strip()
