"""All Walmart sandbox state behind one lock.

The app runs in the server thread while tests, the demo's order stream and admin calls touch the
same state from other threads, so every public method takes the lock. Each also settles feeds
that have come due, which is what lets feeds progress without timer threads.
"""

from __future__ import annotations

import random
import threading
import time
from collections import Counter
from collections.abc import Callable
from typing import Any, TypeVar

from channelmanager_gui.sandbox.seed import demo_catalog

from .catalog import build_catalog
from .errors import WalmartError, not_found
from .feedstore import FeedStore
from .itemstore import ItemStore
from .late_release import HeldOrders, LateRelease
from .orderbook import OrderBook, Page
from .orderdata import DAY_MS, Order, Product, order_json
from .orderfactory import OrderFactory
from .returnstore import ReturnStore
from .tokens import TokenStore

T = TypeVar("T")


def now_ms() -> int:
    return int(time.time() * 1000)


class WalmartState:
    def __init__(
        self,
        seed: int = 1,
        products: int = 300,
        orders: int = 20,
        token_ttl: float = 900.0,
        feed_seconds: float = 0.5,
    ) -> None:
        self.seed = seed
        self.lock = threading.Lock()
        rng = random.Random(seed)
        catalog, sellers = build_catalog(demo_catalog(seed, products), rng)
        self.items = ItemStore(catalog, sellers)
        self.orders = OrderBook()
        self.held = HeldOrders()  # orders Walmart has not released to the seller yet
        self.late = LateRelease()
        self.feeds = FeedStore(random.Random(seed + 1), feed_seconds)
        self.returns = ReturnStore(seed)
        self.tokens = TokenStore(token_ttl)
        self.requests: Counter[str] = Counter()
        self.buckets: Counter[str] = Counter()  # requests per rate bucket (reference §11)
        self.throttled: Counter[str] = Counter()  # 429 answers per bucket
        self._refunds = 0
        self._factory = OrderFactory(
            seed,
            [
                Product(i.sku, i.name, i.price, 1.0 + (n % 7) * 0.5)
                for n, i in enumerate(sellers)
                if i.lifecycle == "ACTIVE"
            ],
        )
        self._seed_orders(orders, rng)

    def _seed_orders(self, count: int, rng: random.Random) -> None:
        """Orders over the last three days: mostly Created, about a quarter Acknowledged."""
        anchor = now_ms()
        dates = sorted(anchor - rng.randrange(60_000, 3 * DAY_MS) for _ in range(count))
        for n, date in enumerate(dates):
            status = "Acknowledged" if rng.random() < 0.25 else "Created"
            self.orders.add(
                self._factory.make(n, date, status, intent_to_cancel=rng.random() < 0.1)
            )
        self._next_n = count

    def run(self, fn: Callable[[], T]) -> T:
        """Run ``fn`` under the lock after settling due feeds and releasing due held orders
        (the one way handlers touch state)."""
        with self.lock:
            now = now_ms()
            self.feeds.settle(self.items, time.monotonic(), now)
            for order in self.held.due(now):
                self.orders.add(order)
            return fn()

    # -- orders ----------------------------------------------------------------------------

    def order(self, po: str) -> Order:
        """The stored order (call under ``run``); 404 in the order API's shape when unknown."""
        found = self.orders.orders.get(po)
        if found is None:
            raise not_found("GMP_ORDER_API", f"Order {po} not found", shape="orders")
        return found

    def order_json(self, po: str, product_info: bool = False) -> dict[str, Any]:
        return self.run(lambda: order_json(self.order(po), product_info))

    def search_orders(
        self, params: dict[str, str], released: bool
    ) -> tuple[Page, list[dict[str, Any]]]:
        product_info = params.get("productInfo", "").lower() == "true"

        def go() -> tuple[Page, list[dict[str, Any]]]:
            page = self.orders.search(params, released, now_ms())
            return page, [order_json(o, product_info) for o in page.orders]

        return self.run(go)

    def create_orders(self, count: int) -> list[str]:
        """Add ``count`` new Created orders dated now (admin bulk creation, order stream).

        Numbers are reserved under the lock, but the orders are built outside it, so a bulk
        creation of 100,000 orders holds the lock only while indexing them.
        """
        with self.lock:
            start = self._next_n
            self._next_n += count
            now = now_ms()
            dates = [self.late.order_date(now) for _ in range(count)]
        made = [self._factory.make(start + i, date) for i, date in enumerate(dates)]
        for order in made:
            order.last_modified = now  # a late one was released just now

        def go() -> list[str]:
            for order in made:
                self.orders.add(order)
            return [o.po for o in made]

        return self.run(go)

    def create_order(
        self,
        lines: list[tuple[str, int]],
        intent_to_cancel: bool = False,
        order_date: int | None = None,
        release_at: int | None = None,
    ) -> str:
        """One Created order with these (sku, quantity) lines; unknown SKUs raise WalmartError.

        ``order_date`` (epoch ms) defaults to now; an order whose ``release_at`` is still to
        come is held back until then (see ``late_release``).
        """

        def go() -> str:
            products = {p.sku: p for p in self._factory.products}
            spec = []
            for sku, qty in lines:
                product = products.get(sku) or self._set_up_later(sku)
                if product is None or qty < 1:
                    raise WalmartError(
                        400, "INVALID_REQUEST_CONTENT", f"Unknown SKU or bad qty: {sku}"
                    )
                spec.append((product, qty))
            now = now_ms()
            date = now if order_date is None else order_date
            order = self._factory.make(
                self._next_n, date, lines=spec, intent_to_cancel=intent_to_cancel
            )
            self._next_n += 1
            if release_at is not None and release_at > now:
                self.held.hold(order, release_at)
            else:
                self.orders.add(order)
            return order.po

        return self.run(go)

    def set_late_release(self, every: int, hours: float) -> None:
        """The switch: every ``every``-th new order (0: none) appears ``hours`` after its date."""
        self.run(lambda: self.late.set(every, hours))

    def _set_up_later(self, sku: str) -> Product | None:
        """An active item the seller set up after start (by a match feed) can be ordered too."""
        item = self.items.items.get(sku)
        if item is None or item.lifecycle != "ACTIVE":
            return None
        return Product(item.sku, item.name, item.price, 1.0)

    def release_order(self, po: str) -> str:
        """Release a held order now; 404 when ``po`` is not held."""

        def go() -> str:
            order = self.held.release(po, now_ms())
            if order is None:
                raise not_found("GMP_ORDER_API", f"Order {po} is not held back", shape="orders")
            self.orders.add(order)
            return order.po

        return self.run(go)

    def next_refund_id(self) -> str:
        self._refunds += 1
        return f"R{self.seed:03d}{self._refunds:09d}"

    # -- items, inventory, prices ---------------------------------------------------------

    def item_json(self, sku: str) -> dict[str, Any]:
        return self.run(lambda: self.items.get(sku).item_json())

    def inventory(self, sku: str) -> int:
        return self.run(lambda: self.items.get(sku).quantity)

    def price(self, sku: str) -> float:
        return self.run(lambda: self.items.get(sku).price)

    # -- returns, tokens, stats -----------------------------------------------------------

    def issue_return(
        self, po: str, line_number: int, qty: int, reason: str = "NO_LONGER_WANTED"
    ) -> dict[str, Any]:
        return self.run(
            lambda: self.returns.issue(self.order(po), line_number, qty, reason, now_ms()).to_json()
        )

    def expire_tokens(self) -> int:
        return self.run(lambda: self.tokens.expire_all(time.time()))

    def count_request(self, label: str, bucket: str) -> None:
        with self.lock:
            self.requests[label] += 1
            self.buckets[bucket] += 1

    def count_throttled(self, bucket: str) -> None:
        with self.lock:
            self.throttled[bucket] += 1

    def stats(self) -> dict[str, Any]:
        return self.run(
            lambda: {
                "requests": dict(self.requests),
                "buckets": dict(self.buckets),
                "throttled": dict(self.throttled),
                "orders": len(self.orders.orders),
                "items": len(self.items.items),
                "feeds": len(self.feeds.feeds),
                "feed_seconds": self.feeds.delay,  # processing time, for a benchmark's bound
                "returns": len(self.returns.returns),
            }
        )
