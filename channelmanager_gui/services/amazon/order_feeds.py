"""XML order feeds: cancel (order acknowledgement with Failure), refund (adjustment), and the
XML processing report they return (reference §3.3, §3.4, §4.6).

There is no REST call to cancel or refund an MFN order: ``POST_ORDER_ACKNOWLEDGEMENT_DATA`` with
``StatusCode=Failure`` cancels, ``POST_PAYMENT_ADJUSTMENT_DATA`` refunds. Both are sent as
``text/xml; charset=UTF-8`` through the Feeds flow. Never cancel an order once any item shipped
(it refunds the whole order, §3.3); whether item-level Failure cancels only the listed items is
described inconsistently (§9), so ``cancellation_feed`` always lists every item of the order.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass
from decimal import Decimal

from channelmanager_gui.errors import ValidationError

ACK_FEED = "POST_ORDER_ACKNOWLEDGEMENT_DATA"
ADJUSTMENT_FEED = "POST_PAYMENT_ADJUSTMENT_DATA"
# OrderAcknowledgement.xsd CancelReason (§3.3). Seller Central also offers PricingError, which
# the schema text we have does not list, so it is left out.
CANCEL_REASONS = (
    "NoInventory", "ShippingAddressUndeliverable", "CustomerExchange", "BuyerCanceled",
    "GeneralAdjustment", "CarrierCreditDecision", "RiskAssessmentInformationNotValid",
    "CarrierCoverageFailure", "CustomerReturn", "MerchandiseNotReceived",
)  # fmt: skip
# Reason codes "commonly accepted" (§3.4); the authoritative OrderAdjustment.xsd was not in the
# reference's sources (?).
ADJUSTMENT_REASONS = (
    "NoInventory", "CustomerReturn", "GeneralAdjustment", "CouldNotShip", "DifferentItem",
    "Abandoned", "CustomerCancel", "PriceError", "ProductOutofStock", "CustomerAddressIncorrect",
    "Exchange", "Other", "CarrierCreditDecision", "RiskAssessmentInformationNotValid",
    "CarrierCoverageFailure", "TransactionRecord", "Undeliverable", "RefusedDelivery",
)  # fmt: skip
# ItemPriceAdjustments component types named in §3.4 ("Principal, Shipping, Tax, ShippingTax, …").
COMPONENTS = ("Principal", "Shipping", "Tax", "ShippingTax")
CENT = Decimal("0.01")


@dataclass(frozen=True)
class Cancellation:
    order_id: str
    order_item_ids: tuple[str, ...]
    reason: str


@dataclass(frozen=True)
class ItemRefund:
    """Refund of one item; ``amounts`` by component type, positive = given back (?)."""

    order_item_id: str
    reason: str
    amounts: tuple[tuple[str, Decimal], ...]


@dataclass(frozen=True)
class Refund:
    order_id: str
    items: tuple[ItemRefund, ...]
    currency: str


def cancellation_feed(seller_id: str, cancellations: list[Cancellation]) -> bytes:
    """One ``OrderAcknowledgement`` message per order, ``StatusCode=Failure`` (§3.3)."""
    root = _envelope(seller_id, "OrderAcknowledgement", len(cancellations))
    for number, cancel in enumerate(cancellations, start=1):
        if cancel.reason not in CANCEL_REASONS:
            raise ValidationError("reason", f"“{cancel.reason}” is not one of Amazon's reasons")
        if not cancel.order_item_ids:
            raise ValidationError("order_item_ids", f"order {cancel.order_id} lists no items")
        ack = ET.SubElement(_message(root, number), "OrderAcknowledgement")
        _text(ack, "AmazonOrderID", _required(cancel.order_id, "order_id"))
        _text(ack, "StatusCode", "Failure")
        for item_id in cancel.order_item_ids:
            item = ET.SubElement(ack, "Item")
            _text(item, "AmazonOrderItemCode", _required(item_id, "order_item_id"))
            _text(item, "CancelReason", cancel.reason)
    return _bytes(root)


def adjustment_feed(seller_id: str, refunds: list[Refund]) -> bytes:
    """One ``OrderAdjustment`` message per order (§3.4). Refunds cannot be undone: the caller
    must have the merchant's confirmation and have checked for an earlier refund."""
    root = _envelope(seller_id, "OrderAdjustment", len(refunds))
    for number, refund in enumerate(refunds, start=1):
        adjustment = ET.SubElement(_message(root, number), "OrderAdjustment")
        _text(adjustment, "AmazonOrderID", _required(refund.order_id, "order_id"))
        if not refund.items:
            raise ValidationError("items", f"the refund of order {refund.order_id} is empty")
        for item in refund.items:
            _adjusted_item(adjustment, item, refund.currency)
    return _bytes(root)


def _adjusted_item(parent: ET.Element, item: ItemRefund, currency: str) -> None:
    if item.reason not in ADJUSTMENT_REASONS:
        raise ValidationError("reason", f"“{item.reason}” is not one of Amazon's reasons")
    node = ET.SubElement(parent, "AdjustedItem")
    _text(node, "AmazonOrderItemCode", _required(item.order_item_id, "order_item_id"))
    _text(node, "AdjustmentReason", item.reason)
    prices = ET.SubElement(node, "ItemPriceAdjustments")
    if not item.amounts:
        raise ValidationError("amounts", "a refund needs at least one amount")
    for kind, amount in item.amounts:
        if kind not in COMPONENTS:
            raise ValidationError("component", f"“{kind}” is not one of {', '.join(COMPONENTS)}")
        if not isinstance(amount, Decimal) or not amount.is_finite() or amount <= 0:
            raise ValidationError("amount", "must be a positive amount")
        component = ET.SubElement(prices, "Component")
        _text(component, "Type", kind)
        money = _text(component, "Amount", format(amount.quantize(CENT), "f"))
        money.set("currency", _required(currency, "currency"))


def _envelope(seller_id: str, message_type: str, count: int) -> ET.Element:
    if count == 0:
        raise ValidationError("messages", "the feed has nothing to send")
    root = ET.Element("AmazonEnvelope")
    root.set("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance")
    root.set("xsi:noNamespaceSchemaLocation", "amzn-envelope.xsd")
    header = ET.SubElement(root, "Header")
    _text(header, "DocumentVersion", "1.01")
    _text(header, "MerchantIdentifier", _required(seller_id, "seller_id"))
    _text(root, "MessageType", message_type)
    return root


def _message(root: ET.Element, number: int) -> ET.Element:
    message = ET.SubElement(root, "Message")
    _text(message, "MessageID", str(number))
    return message


def _text(parent: ET.Element, tag: str, value: str) -> ET.Element:
    node = ET.SubElement(parent, tag)
    node.text = value
    return node


def _required(value: str, field: str) -> str:
    text = str(value or "").strip()
    if not text:
        raise ValidationError(field, "is required")
    return text


def _bytes(root: ET.Element) -> bytes:
    return ET.tostring(root, encoding="UTF-8", xml_declaration=True)
