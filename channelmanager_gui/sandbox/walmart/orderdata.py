"""Orders as the sandbox stores them, how they are generated, and how they render as Walmart JSON.

Orders are kept as small slotted objects and rendered on read, so 100,000 of them stay cheap.
Rendering follows the ORDER shape of reference §3: epoch-ms dates, quantities as strings, charges
with ``currency``/``amount`` and the summary with ``currencyAmount``/``currencyUnit``; absent
optional objects come as ``null``, as in real payloads.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from typing import Any

DAY_MS = 86_400_000
NAMES = (
    "Kathryn Cole",
    "Marcus Hill",
    "Priya Natarajan",
    "Luis Ortega",
    "Emma Walsh",
    "Tom Becker",
    "Aisha Johnson",
    "Wei Chen",
    "Sofia Rossi",
    "Jamal Carter",
)
STREETS = ("3258B Warners Rd", "17 Maple Ave", "905 Ocean Blvd", "44 Birch Ln", "2210 Elm St")
CITIES = (
    ("Warners", "NY", "13164", 0.08),
    ("Austin", "TX", "78701", 0.0825),
    ("Portland", "OR", "97205", 0.0),
    ("Denver", "CO", "80202", 0.029),
    ("Columbus", "OH", "43004", 0.0575),
)
METHODS = ("Value", "Value", "Standard", "Standard", "Express", "OneDay")
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


def _scramble(n: int, mult: int, offset: int) -> str:
    """13-digit id, unique per ``n`` (multiplication by a prime is a bijection mod 9e12)."""
    return str(1_000_000_000_000 + (n * mult + offset) % 9_000_000_000_000)


class OrderFactory:
    """Makes orders deterministically: the n-th order of a seed is always the same."""

    def __init__(self, seed: int, products: list[Product]) -> None:
        self.seed = seed
        self.products = products

    def make(
        self,
        n: int,
        order_date: int,
        status: str = "Created",
        lines: list[tuple[Product, int]] | None = None,
        intent_to_cancel: bool = False,
    ) -> Order:
        rng = random.Random(self.seed * 1_000_003 + n)
        name, street = rng.choice(NAMES), rng.choice(STREETS)
        city, state, postal, tax_rate = rng.choice(CITIES)
        ship_info = {
            "phone": f"{rng.randrange(201, 989)}{rng.randrange(1_000_000, 9_999_999)}",
            "estimatedDeliveryDate": order_date + rng.randrange(3, 7) * DAY_MS,
            "estimatedShipDate": order_date + rng.randrange(1, 3) * DAY_MS,
            "methodCode": rng.choice(METHODS),
            "postalAddress": {
                "name": name,
                "address1": street,
                "address2": None,
                "city": city,
                "state": state,
                "postalCode": postal,
                "country": "USA",
                "addressType": "RESIDENTIAL",
            },
        }
        spec = lines if lines is not None else self._random_lines(rng)
        shipping = 0.0 if rng.random() < 0.6 else round(rng.uniform(2.99, 9.99), 2)
        made = [
            Line(
                i + 1, p, q, tax_rate, shipping if i == 0 else 0.0, order_date, [Status(status, q)]
            )
            for i, (p, q) in enumerate(spec)
        ]
        if intent_to_cancel and made:
            made[rng.randrange(len(made))].intent_to_cancel = True
        po = _scramble(n, 982_451_653, self.seed * 7_919)
        customer = _scramble(n, 961_748_941, self.seed * 104_729 + 4_000_000_000_000)
        return Order(po, customer, order_date, ship_info, made, order_date)

    def _random_lines(self, rng: random.Random) -> list[tuple[Product, int]]:
        picks = rng.sample(self.products, min(len(self.products), rng.choice((1, 1, 1, 2, 2, 3))))
        roll = rng.random()
        if roll < 0.12:  # one SKU bought several times, split into lines of quantity 1
            return [(picks[0], 1)] * rng.randrange(2, 4) + [(p, 1) for p in picks[1:]]
        return [(p, 1 if rng.random() < 0.75 else rng.randrange(2, 4)) for p in picks]
