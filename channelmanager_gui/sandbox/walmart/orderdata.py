"""Orders as the sandbox stores them, how they are generated, and how they render as Walmart JSON.

Orders are kept as small slotted objects and rendered on read, so 100,000 of them stay cheap.
Rendering follows the ORDER shape of reference §3: epoch-ms dates, quantities as strings, charges
with ``currency``/``amount`` and the summary with ``currencyAmount``/``currencyUnit``; absent
optional objects come as ``null``, as in real payloads.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

DAY_MS = 86_400_000
UNSHIPPED = ("Created", "Acknowledged")


@dataclass(frozen=True)
class Product:
    """What an order line needs to know about a seller item."""

    sku: str
    name: str
    price: float
    weight: float


@dataclass(slots=True)
class Status:
    """One ``orderLineStatus`` entry: a quantity of the line in one status."""

    status: str
    qty: int
    reason: str | None = None
    tracking: dict[str, Any] | None = None
    return_center: dict[str, Any] | None = None


@dataclass(slots=True)
class Line:
    number: int
    product: Product
    qty: int
    tax_rate: float
    shipping: float
    status_date: int
    statuses: list[Status]
    intent_to_cancel: bool = False
    seller_order_id: str | None = None
    refund: dict[str, Any] | None = None
    refunded: float = 0.0
    return_order_id: str | None = None

    def qty_in(self, *names: str) -> int:
        return sum(s.qty for s in self.statuses if s.status in names)


@dataclass(slots=True)
class Order:
    po: str
    customer_order_id: str
    order_date: int
    ship_info: dict[str, Any]
    lines: list[Line]
    last_modified: int = 0
    tags: dict[str, Any] = field(default_factory=dict)

    def line(self, number: str | int) -> Line | None:
        try:
            n = int(number)
        except (TypeError, ValueError):
            return None
        return self.lines[n - 1] if 1 <= n <= len(self.lines) else None

    def has_status(self, name: str) -> bool:
        return any(s.status == name for ln in self.lines for s in ln.statuses)


def _money(amount: float) -> dict[str, Any]:
    return {"currency": "USD", "amount": round(amount, 2)}


def line_charges(line: Line) -> list[dict[str, Any]]:
    """PRODUCT charge (line total, ⚠ per-line not per-unit (?)) with tax, SHIPPING when not free."""
    product = line.product.price * line.qty
    tax = None
    if line.tax_rate:
        tax = {"taxName": "Tax1", "taxAmount": _money(product * line.tax_rate)}
    charges = [
        {
            "chargeType": "PRODUCT",
            "chargeName": "ItemPrice",
            "chargeAmount": _money(product),
            "tax": tax,
        }
    ]
    if line.shipping:
        charges.append(
            {
                "chargeType": "SHIPPING",
                "chargeName": "Shipping",
                "chargeAmount": _money(line.shipping),
                "tax": None,
            }
        )
    return charges


def _qty(amount: int) -> dict[str, str]:
    return {"unitOfMeasurement": "EACH", "amount": str(amount)}


def _status_json(s: Status) -> dict[str, Any]:
    return {
        "status": s.status,
        "statusQuantity": _qty(s.qty),
        "cancellationReason": s.reason,
        "trackingInfo": s.tracking,
        "returnCenterAddress": s.return_center,
    }


def line_json(line: Line, product_info: bool) -> dict[str, Any]:
    item: dict[str, Any] = {"productName": line.product.name, "sku": line.product.sku}
    if product_info:
        item["imageUrl"] = f"https://i5.walmartimages.com/asr/sandbox-{line.product.sku}.jpeg"
        item["weight"] = {"value": f"{line.product.weight}", "unit": "Pounds"}
    data: dict[str, Any] = {
        "lineNumber": str(line.number),
        "item": item,
        "charges": {"charge": line_charges(line)},
        "orderLineQuantity": _qty(line.qty),
        "statusDate": line.status_date,
        "orderLineStatuses": {"orderLineStatus": [_status_json(s) for s in line.statuses]},
        "refund": line.refund,
        "returnOrderId": line.return_order_id,
        "fulfillment": {
            "fulfillmentOption": "S2H",
            "shipMethod": "VALUE",
            "storeId": None,
            "pickUpDateTime": line.status_date + 4 * DAY_MS,
            "pickUpBy": None,
            "shippingProgramType": None,
        },
    }
    # Buyer cancel request: the spec types ``intentToCancel`` as a plain string and every client
    # models it as Optional[str]; the most likely form is "true" on the line, absent otherwise (?).
    if line.intent_to_cancel:
        data["intentToCancel"] = "true"
    if line.seller_order_id:
        data["sellerOrderId"] = line.seller_order_id
    return data


def order_total(order: Order) -> float:
    total = 0.0
    for ln in order.lines:
        for c in line_charges(ln):
            total += c["chargeAmount"]["amount"] + (
                c["tax"]["taxAmount"]["amount"] if c["tax"] else 0
            )
    return round(total, 2)


def order_json(order: Order, product_info: bool = False) -> dict[str, Any]:
    local = order.customer_order_id[-6:]
    return {
        "purchaseOrderId": order.po,
        "customerOrderId": order.customer_order_id,
        "customerEmailId": f"3A31{local}B5E84F0@relay.walmart.com",
        "orderDate": order.order_date,
        "shippingInfo": order.ship_info,
        "orderLines": {"orderLine": [line_json(ln, product_info) for ln in order.lines]},
        "orderSummary": {
            "totalAmount": {"currencyAmount": order_total(order), "currencyUnit": "USD"},
            "orderSubTotals": [],
        },
        "shipNode": {"type": "SellerFulfilled"},
    }
