"""Many orders at once, for benchmarks: ``POST /_sandbox/orders/bulk {"count": N}``.

Each order goes through the same checkout code as the REST cart flow (reservations, totals,
indexes), without HTTP. The merchant restocks what each order holds first, so filling the store
with 100,000 orders leaves every product's salable quantity where it was.
"""

from __future__ import annotations

import random

from channelmanager_gui.sandbox.commerce.carts import add_item
from channelmanager_gui.sandbox.commerce.checkout import CARRIER, place_order
from channelmanager_gui.sandbox.commerce.records import Quote, SourceItem
from channelmanager_gui.sandbox.commerce.state import DEFAULT_SOURCE, CommerceState

FIRST_NAMES = ("Ana", "Ben", "Chloe", "Dev", "Eli", "Fay", "Gus", "Hana", "Ivan", "Jade")
LAST_NAMES = ("Rivera", "Smith", "Nguyen", "Okafor", "Kowalski", "Tanaka", "Haddad", "Berg")
CITIES = (("Austin", "TX", "78701"), ("Denver", "CO", "80202"), ("Portland", "OR", "97201"))


def _address(rng: random.Random, n: int) -> dict[str, object]:
    city, region, postcode = rng.choice(CITIES)
    first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
    return {
        "firstname": first,
        "lastname": last,
        "street": [f"{rng.randrange(1, 9999)} Oak St"],
        "city": city,
        "region_code": region,
        "region": region,
        "postcode": postcode,
        "country_id": "US",
        "telephone": f"555{n % 10_000_000:07d}",
        "email": f"{first.lower()}.{last.lower()}{n}@example.com",
    }


def _restock(state: CommerceState, sku: str, qty: float) -> None:
    item = state.source_item(sku) or SourceItem(sku, DEFAULT_SOURCE, 0.0, 1)
    item.quantity += qty
    item.status = 1
    state.put_source_item(item)


def grow_orders(state: CommerceState, count: int) -> int:
    """Place orders until the store holds ``count``; deterministic per seed. Returns added."""
    with state.lock:
        start = len(state.orders)
        rng = random.Random(f"{state.seed}:bulk-orders:{start}")
        products = [p for p in state.products_by_id.values() if p.status == 1]
        if not products:
            return 0
        for n in range(start, count):
            quote = Quote(state.next_id("quote"))
            state.quotes[quote.id] = quote
            for product in rng.sample(products, min(len(products), rng.choice((1, 1, 2)))):
                qty = float(rng.randrange(1, 4))
                _restock(state, product.sku, qty)
                add_item(state, quote, {"sku": product.sku, "qty": qty})
            address = _address(rng, n)
            quote.shipping_address = quote.billing_address = address
            quote.shipping_method = CARRIER
            place_order(state, quote, {"method": "checkmo"}, email=None)
        return max(0, count - start)
