"""The Amazon side of the demo catalog: listings, orders across statuses and returns.

Listings: products the demo catalog has on Walmart once (``on_walmart``) are listed here too,
every 13th fulfilled by Amazon, a few with a warning or a suppressing error issue; two
third-party SKUs the Commerce catalog does not have. Orders: over the last three days, about
15 % Pending (authorized ``pending_seconds`` after creation), 10 % FBA, 15 % shipped, 5 %
canceled, the rest Unshipped with a buyer cancel request on about one in ten.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from channelmanager_gui.sandbox.seed import DemoProduct

from .catalog import asin_for
from .clock import iso
from .listingstore import Listing
from .orderstore import CENT, Item, Order, Package

US = "ATVPDKIKX0DER"
DAY = 86400.0
TAX_RATE = Decimal("0.08")
SHIPPING = Decimal("4.00")
FIRST = ("Jordan", "Avery", "Morgan", "Riley", "Casey", "Quinn", "Harper", "Rowan")
LAST = ("Doe", "Nguyen", "Garcia", "Smith", "Okafor", "Larsen", "Kim", "Silva")
CITIES = (
    ("PORTLAND", "OR", "97205"),
    ("AUSTIN", "TX", "78701"),
    ("DENVER", "CO", "80202"),
    ("MADISON", "WI", "53703"),
    ("RALEIGH", "NC", "27601"),
)
SUPPRESSED = {"actions": [{"action": "LISTING_SUPPRESSED"}], "exemption": {"status": "NOT_EXEMPT"}}


@dataclass(frozen=True)
class Offer:
    sku: str
    asin: str
    title: str
    price: Decimal


def listing_for(
    sku: str, asin: str, title: str, price: Decimal, qty: int, fba: bool, at: float
) -> Listing:
    attributes: dict[str, Any] = {
        "item_name": [{"value": title, "marketplace_id": US}],
        "condition_type": [{"value": "new_new", "marketplace_id": US}],
        "merchant_suggested_asin": [{"value": asin, "marketplace_id": US}],
        # Amazon's attribute schema carries the price as a JSON number (§4.1).
        "purchasable_offer": [
            {
                "marketplace_id": US,
                "currency": "USD",
                "our_price": [{"schedule": [{"value_with_tax": float(price)}]}],
            }
        ],
        "fulfillment_availability": [
            {"fulfillment_channel_code": "AMAZON_NA" if fba else "DEFAULT", "quantity": qty}
        ],
    }
    return Listing(sku, US, "PRODUCT", attributes, at, at)


def seed_listings(products: list[DemoProduct], now: float) -> list[Listing]:
    listings = []
    for n, p in enumerate(products):
        if not (p.on_walmart and p.walmart_candidates == 1):
            continue
        price = Decimal(str(p.price)).quantize(CENT)
        listing = listing_for(
            p.sku, asin_for(p.sku), p.name, price, p.qty, n % 13 == 4, now - 30 * DAY
        )
        if n % 17 == 3:
            listing.issues.append(
                {
                    "code": "18448",
                    "severity": "WARNING",
                    "categories": ["MISSING_ATTRIBUTE"],
                    "message": "Attributes tagged as relevant_attributes are incomplete.",
                    "attributeNames": ["item_weight"],
                }
            )
        if n % 41 == 9:
            listing.issues.append(
                {
                    "code": "8541",
                    "severity": "ERROR",
                    "categories": ["QUALIFICATION_REQUIRED"],
                    "message": "Approval is required to list in this category.",
                    "attributeNames": [],
                    "enforcements": SUPPRESSED,
                }
            )
        listings.append(listing)
    spare = [p for p in products if p.walmart_candidates == 1 and not p.on_walmart][:2]
    for k, p in enumerate(spare):
        sku = f"AMZ-3P-{k + 1:04d}"  # a listing made in Seller Central, unknown to Commerce
        listings.append(
            listing_for(sku, asin_for(p.sku), p.name, Decimal("19.99"), 5, False, now - 60 * DAY)
        )
    return listings


class OrderMaker:
    def __init__(self, seed: int, offers: list[Offer]) -> None:
        self.rng = random.Random(f"amazon-orders-{seed}")
        self.offers = offers

    def make(self, created: float, lines: list[tuple[Offer, int]], channel: str = "MFN") -> Order:
        r = self.rng
        order_id = f"{r.randrange(111, 115)}-{r.randrange(10**7):07d}-{r.randrange(10**7):07d}"
        items = [
            Item(
                f"{r.randrange(10**13, 10**14)}",
                o.asin,
                o.sku,
                o.title,
                qty,
                o.price,
                (o.price * qty * TAX_RATE).quantize(CENT),
                SHIPPING,
            )
            for o, qty in lines
        ]
        first, last = r.choice(FIRST), r.choice(LAST)
        city, state, postal = r.choice(CITIES)
        address = {
            "Name": f"{first} {last}",
            "AddressLine1": f"{r.randrange(1, 999)} Main St",
            "City": city,
            "StateOrRegion": state,
            "PostalCode": postal,
            "CountryCode": "US",
            "Phone": f"+1 555-01{r.randrange(10, 99)}",
            "AddressType": "Residential",
        }
        email = f"{r.getrandbits(40):010x}@marketplace.amazon.com"
        return Order(
            order_id, US, channel, created, created, items, address, email, address["Name"]
        )

    def random_lines(self) -> list[tuple[Offer, int]]:
        picks = self.rng.sample(self.offers, k=min(len(self.offers), self.rng.choice((1, 1, 2, 3))))
        return [(o, self.rng.choice((1, 1, 2))) for o in picks]


def ship_all(order: Order, at: float) -> None:
    lines = {i.item_id: i.qty for i in order.items}
    for item in order.items:
        item.shipped = item.qty
    order.packages["1"] = Package(
        "1", "UPS", "UPS", "UPS Ground", f"1Z{order.order_id[-7:]}", "", lines
    )
    order.updated = at


def seed_orders(maker: OrderMaker, count: int, now: float, pending_seconds: float) -> list[Order]:
    orders = []
    for _ in range(count):
        roll = maker.rng.random()
        if roll < 0.15:
            order = maker.make(now - maker.rng.uniform(0, 60), maker.random_lines())
            order.authorize_at = order.created + pending_seconds
        else:
            created = now - maker.rng.uniform(600, 3 * DAY)
            order = maker.make(created, maker.random_lines(), "AFN" if roll < 0.25 else "MFN")
            done = min(created + DAY / 2, now - 300)
            if roll < 0.40:
                ship_all(order, done)
            elif roll < 0.45:
                for item in order.items:
                    item.canceled = item.qty
                order.updated = done
            elif maker.rng.random() < 0.1:
                for item in order.items:
                    item.cancel_reason = "I no longer need it"
                order.updated = done
        orders.append(order)
    return orders


def seed_returns(orders: list[Order], now: float) -> list[dict[str, Any]]:
    """Returns report rows for the first few shipped merchant-fulfilled orders (§3.5)."""
    rows = []
    shipped = [o for o in orders if o.channel == "MFN" and o.status == "Shipped"][:3]
    for n, order in enumerate(shipped):
        item = order.items[0]
        requested = min(order.updated + DAY / 4, now - 60)
        rows.append(
            {
                "_requested": requested,
                "Order ID": order.order_id,
                "Order date": iso(order.created),
                "Return request date": iso(requested),
                "Return request status": "Approved",
                "Amazon RMA ID": f"D{n + 1:07d}RRMA",
                "Label type": "AmazonPrePaidLabel",
                "Currency code": "USD",
                "Return carrier": "UPS",
                "Label to be paid by": "Customer",
                "A-to-Z Claim": "N",
                "Is prime": "N",
                "ASIN": item.asin,
                "Merchant SKU": item.sku,
                "Item Name": item.title,
                "Return quantity": 1,
                "Return Reason": "CR-UNWANTED_ITEM",
                "In policy": "Y",
                "Return type": "C-Returns",
                "Order Amount": f"{item.unit_price * item.qty:.2f}",
                "Order quantity": item.qty,
            }
        )
    return rows
