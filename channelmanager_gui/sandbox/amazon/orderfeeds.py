"""The order XML feeds: acknowledgement/cancel (§3.3) and payment adjustment (§3.4), with the
XML ``ProcessingReport`` (§4.6).

The report format is the MWS-era one the reference recalls from integrations, not checked
against a schema (§4.6); the ``ResultMessageCode`` numbers are this sandbox's own. An item-level
``Failure`` cancels only the listed items, a ``Failure`` with no items the whole order: the
reference says sources disagree and the fake should support both (§9). A ``Failure`` for an
order with any shipped item is refused (§3.3: it would refund the whole order).
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .state import AmazonState

CANCEL_REASONS = {
    "NoInventory",
    "ShippingAddressUndeliverable",
    "CustomerExchange",
    "BuyerCanceled",
    "GeneralAdjustment",
    "CarrierCreditDecision",
    "RiskAssessmentInformationNotValid",
    "CarrierCoverageFailure",
    "CustomerReturn",
    "MerchandiseNotReceived",
}
ADJUSTMENT_REASONS = {
    "NoInventory",
    "CustomerReturn",
    "GeneralAdjustment",
    "CouldNotShip",
    "DifferentItem",
    "Abandoned",
    "CustomerCancel",
    "PriceError",
    "ProductOutofStock",
    "CustomerAddressIncorrect",
    "Exchange",
    "Other",
    "CarrierCreditDecision",
    "RiskAssessmentInformationNotValid",
    "CarrierCoverageFailure",
    "TransactionRecord",
    "Undeliverable",
    "RefusedDelivery",
}


class MessageError(Exception):
    def __init__(self, code: str, description: str) -> None:
        super().__init__(description)
        self.code = code
        self.description = description


@dataclass
class Result:
    message_id: str
    code: str
    description: str


def _text(node: ET.Element, path: str) -> str:
    found = node.find(path)
    return (found.text or "").strip() if found is not None else ""


def _acknowledge(state: AmazonState, node: ET.Element) -> None:
    order_id = _text(node, "AmazonOrderID")
    order = state.orders.find(order_id)
    if order is None:
        raise MessageError("18028", f"AmazonOrderID {order_id} was not found.")
    status = _text(node, "StatusCode")
    if status == "Success":
        order.merchant_order_id = _text(node, "MerchantOrderID") or order.merchant_order_id
        return
    if status != "Failure":
        raise MessageError("18030", f"StatusCode must be Success or Failure, not '{status}'.")
    if any(i.shipped for i in order.items):
        raise MessageError("18031", f"Order {order_id} has shipped items and cannot be canceled.")
    wanted: dict[str, str] = {}
    for line in node.findall("Item"):
        code, reason = _text(line, "AmazonOrderItemCode"), _text(line, "CancelReason")
        if order.item(code) is None:
            raise MessageError("18032", f"AmazonOrderItemCode {code} is not in order {order_id}.")
        if reason not in CANCEL_REASONS:
            raise MessageError("18033", f"CancelReason '{reason}' is not valid.")
        wanted[code] = reason
    for item in order.items:
        if not wanted or item.item_id in wanted:
            item.canceled = item.qty - item.shipped
    state.orders.touch(order)


def _money(node: ET.Element) -> dict[str, str]:
    components = {}
    for comp in node.findall(".//Component"):
        amount = comp.find("Amount")
        try:
            value = Decimal((amount.text or "").strip()) if amount is not None else None
        except InvalidOperation:
            value = None
        if value is None or amount is None:
            raise MessageError("18034", "Every Component needs a decimal Amount.")
        components[_text(comp, "Type")] = f"{value:.2f} {amount.get('currency', '')}".strip()
    return components


def _adjust(state: AmazonState, node: ET.Element) -> None:
    order_id = _text(node, "AmazonOrderID")
    order = state.orders.find(order_id)
    if order is None:
        raise MessageError("18028", f"AmazonOrderID {order_id} was not found.")
    refunds: list[dict[str, Any]] = []
    for adjusted in node.findall("AdjustedItem"):
        code, reason = _text(adjusted, "AmazonOrderItemCode"), _text(adjusted, "AdjustmentReason")
        if order.item(code) is None:
            raise MessageError("18032", f"AmazonOrderItemCode {code} is not in order {order_id}.")
        if reason not in ADJUSTMENT_REASONS:
            raise MessageError("18035", f"AdjustmentReason '{reason}' is not valid.")
        refunds.append({"orderItemId": code, "reason": reason, "components": _money(adjusted)})
    if not refunds:
        raise MessageError("18036", "OrderAdjustment needs at least one AdjustedItem.")
    order.refunds.extend(refunds)
    state.orders.touch(order)


HANDLERS = {"OrderAcknowledgement": _acknowledge, "OrderAdjustment": _adjust}


def process_order_feed(state: AmazonState, feed_id: str, content: bytes) -> bytes | None:
    """The XML processing report, or None when the document is not a readable envelope."""
    try:
        root = ET.fromstring(content)  # loopback input only; expat refuses entity bombs
    except ET.ParseError:
        return None
    kind = _text(root, "MessageType")
    handler = HANDLERS.get(kind)
    if root.tag != "AmazonEnvelope" or handler is None:
        return None
    results: list[Result] = []
    messages = root.findall("Message")
    for message in messages:
        body = message.find(kind)
        try:
            if body is None:
                raise MessageError("18029", f"Message has no {kind} element.")
            with state.orders.lock:
                handler(state, body)
        except MessageError as err:
            results.append(Result(_text(message, "MessageID"), err.code, err.description))
    return report_xml(state.credentials.seller_id, feed_id, len(messages), results)


def report_xml(seller: str, feed_id: str, processed: int, errors: list[Result]) -> bytes:
    env = ET.Element("AmazonEnvelope")
    header = ET.SubElement(env, "Header")
    ET.SubElement(header, "DocumentVersion").text = "1.02"
    ET.SubElement(header, "MerchantIdentifier").text = seller
    ET.SubElement(env, "MessageType").text = "ProcessingReport"
    message = ET.SubElement(env, "Message")
    ET.SubElement(message, "MessageID").text = "1"
    report = ET.SubElement(message, "ProcessingReport")
    ET.SubElement(report, "DocumentTransactionID").text = feed_id
    ET.SubElement(report, "StatusCode").text = "Complete"
    summary = ET.SubElement(report, "ProcessingSummary")
    for name, value in (
        ("MessagesProcessed", processed),
        ("MessagesSuccessful", processed - len(errors)),
        ("MessagesWithError", len(errors)),
        ("MessagesWithWarning", 0),
    ):
        ET.SubElement(summary, name).text = str(value)
    for err in errors:
        result = ET.SubElement(report, "Result")
        ET.SubElement(result, "MessageID").text = err.message_id
        ET.SubElement(result, "ResultCode").text = "Error"
        ET.SubElement(result, "ResultMessageCode").text = err.code
        ET.SubElement(result, "ResultDescription").text = err.description
    return ET.tostring(env, encoding="UTF-8", xml_declaration=True)
