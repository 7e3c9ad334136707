"""Deterministic order generation: the n-th order of a seed is always the same order.

A per-order ``random.Random`` is too slow for 100,000 orders (seeding alone costs more than the
rest), so each order draws its choices from a splitmix64 stream keyed by (seed, n).
"""

from __future__ import annotations

from .orderdata import DAY_MS, Line, Order, Product, Status

_M64 = (1 << 64) - 1

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


def _splitmix(x: int) -> int:
    x = (x + 0x9E3779B97F4A7C15) & _M64
    x = ((x ^ (x >> 30)) * 0xBF58476D1CE4E5B9) & _M64
    x = ((x ^ (x >> 27)) * 0x94D049BB133111EB) & _M64
    return x ^ (x >> 31)


def _scramble(n: int, mult: int, offset: int) -> str:
    """13-digit id, unique per ``n`` (multiplication by a prime is a bijection mod 9e12)."""
    return str(1_000_000_000_000 + (n * mult + offset) % 9_000_000_000_000)


class OrderFactory:
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
        # Two 64-bit draws, sliced into the small choices an order needs (fast, deterministic).
        a = _splitmix((self.seed << 40) + n * 2)
        b = _splitmix((self.seed << 40) + n * 2 + 1)
        city, state, postal, tax_rate = CITIES[a % 5]
        ship_info = {
            "phone": f"{201 + (a >> 3) % 788}{1_000_000 + (a >> 13) % 8_999_999}",
            "estimatedDeliveryDate": order_date + (3 + (a >> 37) % 4) * DAY_MS,
            "estimatedShipDate": order_date + (1 + (a >> 39) % 2) * DAY_MS,
            "methodCode": METHODS[(a >> 40) % len(METHODS)],
            "postalAddress": {
                "name": NAMES[(a >> 43) % len(NAMES)],
                "address1": STREETS[(a >> 47) % len(STREETS)],
                "address2": None,
                "city": city,
                "state": state,
                "postalCode": postal,
                "country": "USA",
                "addressType": "RESIDENTIAL",
            },
        }
        spec = lines if lines is not None else self._random_lines(b)
        shipping = 0.0 if (a >> 51) % 10 < 6 else 2.99 + (a >> 55) % 500 / 100
        made = [
            Line(i + 1, p, q, tax_rate, 0.0 if i else shipping, order_date, [Status(status, q)])
            for i, (p, q) in enumerate(spec)
        ]
        if intent_to_cancel and made:
            made[(b >> 60) % len(made)].intent_to_cancel = True
        po = _scramble(n, 982_451_653, self.seed * 7_919)
        customer = _scramble(n, 961_748_941, self.seed * 104_729 + 4_000_000_000_000)
        return Order(po, customer, order_date, ship_info, made, order_date)

    def _random_lines(self, b: int) -> list[tuple[Product, int]]:
        """1–3 SKUs; sometimes one SKU split over several lines of 1, sometimes amounts > 1."""
        count = len(self.products)
        if not count:
            return []
        want = min(count, (1, 1, 1, 2, 2, 3)[b % 6])
        picks: list[Product] = []
        for k in range(want):
            p = self.products[(b >> (4 + 12 * k)) % count]
            if p not in picks:
                picks.append(p)
        if (b >> 40) % 100 < 12:
            return [(picks[0], 1)] * (2 + (b >> 47) % 2) + [(p, 1) for p in picks[1:]]
        return [
            (p, 1 if (b >> (48 + 3 * k)) % 4 else 2 + (b >> (50 + 3 * k)) % 2)
            for k, p in enumerate(picks)
        ]
