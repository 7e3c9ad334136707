"""All Amazon sandbox state: the clock, tokens, buckets, catalog, listings, orders, documents,
feeds and reports, and the switches tests turn (PII roles, revoked refresh token).

Each store has its own lock; the time-driven transitions are applied lazily against the one
clock whenever a store is read, so there are no timer threads.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from channelmanager_gui.sandbox.seed import demo_catalog

from .auth import Caller, Credentials, TokenStore
from .catalog import build_catalog
from .clock import Clock
from .documents import DocumentStore
from .jobs import JobStore
from .listingstore import ListingStore
from .orderstore import Order, OrderStore
from .paging import PageTokens
from .ratelimit import RateLimiter
from .seeding import Offer, OrderMaker, seed_listings, seed_orders, seed_returns
from .tokens import covers

RDT_OPERATIONS = {"getOrders", "getOrderV0", "getOrderItems", "getOrderAddress"}


class AmazonState:
    def __init__(
        self,
        credentials: Credentials,
        *,
        seed: int = 1,
        products: int = 300,
        orders: int = 20,
        token_ttl: float = 3600.0,
        pending_seconds: float = 60.0,
        listing_seconds: float = 5.0,
        job_seconds: float = 2.0,
        rate_limit_scale: float = 1.0,
    ) -> None:
        self.credentials = credentials
        self.clock = Clock()
        now = self.clock.now()
        self.tokens = TokenStore(token_ttl)
        self.limiter = RateLimiter(self.clock.now, rate_limit_scale)
        self.page_tokens = PageTokens(self.clock.now)
        demo = demo_catalog(seed, products)
        self.catalog = build_catalog(demo)
        self.asins = {i.asin for i in self.catalog}
        self._titles = {i.asin: i.title for i in self.catalog}
        self.listings = ListingStore(self.clock.now, listing_seconds)
        for listing in seed_listings(demo, now):
            self.listings.add(listing)
        self.orders = OrderStore(self.clock.now)
        self.pending_seconds = pending_seconds
        offers = [
            Offer(lst.sku, lst.asin or "", self.title_of(lst.asin), lst.price)
            for lst in self.listings.all()
            if lst.price is not None and lst.asin
        ]
        self.maker = OrderMaker(seed, offers)
        seeded = seed_orders(self.maker, orders, now, pending_seconds)
        for order in seeded:
            self.orders.add(order)
        self.returns: list[dict[str, Any]] = seed_returns(seeded, now)
        self.documents = DocumentStore(self.clock.now)
        self.feeds = JobStore(self.clock.now, job_seconds, 50014019931)
        self.reports = JobStore(self.clock.now, job_seconds, 60010001001)
        self.pii_roles = True  # the app holds the restricted roles (RDTs can be had)
        self.refresh_revoked = False
        self.requests: Counter[str] = Counter()
        self.throttled: Counter[str] = Counter()  # 429s the token buckets gave, per operation

    def now(self) -> float:
        return self.clock.now()

    def count_request(self, operation: str) -> None:
        self.requests[operation] += 1

    def count_throttled(self, operation: str) -> None:
        self.throttled[operation] += 1

    def title_of(self, asin: str | None) -> str:
        return self._titles.get(asin or "", "")

    @staticmethod
    def rdt_allowed(operation: str) -> bool:
        """Operations an RDT may stand in for an LWA token on (the restricted ones, §1.5)."""
        return operation in RDT_OPERATIONS

    @staticmethod
    def rdt_covers(caller: Caller, path: str, element: str) -> bool:
        return covers(caller, path, element)

    def stream_order(self) -> Order:
        """The demo's next buyer: mostly Pending (authorized ``pending_seconds`` later, as
        Amazon authorizes payment, §2.3), one in ten fulfilled by Amazon (FBA)."""
        with self.orders.lock:
            roll = self.maker.rng.random()
            lines = self.maker.random_lines()
            channel = "AFN" if roll < 0.1 else "MFN"
            order = self.maker.make(self.now(), lines, channel)
            if roll >= 0.1:
                order.authorize_at = order.created + self.pending_seconds
            self.orders.add(order)
        return order

    def create_order(
        self, lines: list[tuple[str, int]], channel: str = "MFN", pending: bool = False
    ) -> Order:
        """A buyer's new order (admin API); unknown SKUs raise KeyError."""
        by_sku = {o.sku: o for o in self.maker.offers}
        chosen = [(by_sku[sku], qty) for sku, qty in lines]
        order = self.maker.make(self.now(), chosen, channel)
        if pending:
            order.authorize_at = order.created + self.pending_seconds
        self.orders.add(order)
        return order
