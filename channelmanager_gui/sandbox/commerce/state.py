"""All data of one Commerce sandbox, with the indexes that keep 100,000-row stores fast.

Requests are served on the server thread while tests and benchmarks read the same state from
theirs, so every access goes through ``lock`` (re-entrant: handlers call helpers that lock too).
Each collection carries a version number bumped on every change; list answers are cached per
version (see ``query.QueryCache``).
"""

from __future__ import annotations

import hashlib
import threading
from collections import Counter, OrderedDict, deque
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from channelmanager_gui.sandbox.commerce.carriers import Carriers
from channelmanager_gui.sandbox.commerce.errors import entity_not_found, product_not_found
from channelmanager_gui.sandbox.commerce.query import QueryCache
from channelmanager_gui.sandbox.commerce.records import (
    Document,
    Order,
    OrderItem,
    Product,
    Quote,
    Rma,
    SourceItem,
    Track,
)

DEFAULT_SOURCE = "default"
DEFAULT_STOCK_ID = 1
FLAVOURS = ("commerce", "opensource")


def timestamp(moment: datetime) -> str:
    """Commerce's ``YYYY-MM-DD HH:MM:SS`` in UTC, no zone marker."""
    return moment.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S")


class CommerceState:
    """Catalog, stock, carts, orders and sales documents of one store."""

    def __init__(
        self,
        seed: int = 1,
        flavour: str = "commerce",
        clock: Callable[[], datetime] | None = None,
    ) -> None:
        if flavour not in FLAVOURS:
            raise ValueError(f"flavour must be one of {FLAVOURS}")
        self.lock = threading.RLock()
        self.seed = seed
        self.flavour = flavour
        self.input_limits = False  # webapi/validation/input_limit_enabled
        # id of the "default" store view: 1 on a fresh install, another number where store
        # views were recreated; orders and their returns carry it
        self.store_id = 1
        self.region_id_offset = 0  # region ids = install ids + this (see commerce.directory)
        # ACL resources the integration was not given: their routes answer the 401 naming them
        self.denied_resources: set[str] = set()
        self.carriers = Carriers()  # carriers/flatrate/*, carriers/freeshipping/active
        self.seeded = 0  # how many demo_catalog() products have been loaded
        self.clock = clock or (lambda: datetime.now(UTC))
        self.products: dict[str, Product] = {}  # by sku, case-folded (SKUs are case-insensitive)
        self.products_by_id: dict[int, Product] = {}
        self.products_by_update: OrderedDict[int, Product] = OrderedDict()  # see touch_product
        self.sources: dict[str, dict[str, SourceItem]] = {}  # sku key -> source code -> item
        self.reserved: dict[str, float] = {}  # sku key -> quantity held by open orders
        self.quotes: dict[int, Quote] = {}
        self.masked: dict[str, int] = {}
        self.orders: dict[int, Order] = {}
        self.orders_by_update: OrderedDict[int, Order] = OrderedDict()  # see touch_order
        self.orders_by_increment: dict[str, int] = {}
        self.orders_by_ext: dict[str, set[int]] = {}
        self.orders_by_quote: dict[int, int] = {}
        self.order_items: dict[int, OrderItem] = {}
        self.invoices: dict[int, Document] = {}
        self.shipments: dict[int, Document] = {}
        self.creditmemos: dict[int, Document] = {}
        self.tracks: dict[int, Track] = {}
        self.rmas: dict[int, Rma] = {}
        self.documents_by_order: dict[str, dict[int, list[int]]] = {}  # kind -> order -> ids
        self.versions: Counter[str] = Counter()
        self.cache = QueryCache()
        self.requests: Counter[str] = Counter()
        self.mails: deque[dict[str, Any]] = deque(maxlen=10_000)  # see mail()
        self._ids: Counter[str] = Counter()
        self._last_stamp = ""

    def next_id(self, kind: str) -> int:
        self._ids[kind] += 1
        return self._ids[kind]

    def peek_id(self, kind: str) -> int:
        return self._ids[kind]

    def now(self) -> str:
        """The current timestamp, never earlier than one already given out.

        Monotonic stamps keep the ``*_by_update`` dicts (and the row dicts, for created_at) in
        timestamp order, so ``updated_at gt <last sync>`` is answered from the newest end.
        """
        stamp = max(timestamp(self.clock()), self._last_stamp)
        self._last_stamp = stamp
        return stamp

    def touch_product(self, product: Product) -> None:
        product.updated_at = self.now()
        self.products_by_update[product.id] = product
        self.products_by_update.move_to_end(product.id)
        self.changed("products")

    def touch_order(self, order: Order) -> None:
        order.updated_at = self.now()
        self.orders_by_update[order.entity_id] = order
        self.orders_by_update.move_to_end(order.entity_id)
        self.changed("orders", "order_items")

    def mail(self, kind: str, order: Order) -> None:
        """An e-mail Commerce would send to the order's address: the new-order e-mail when an
        order is placed (``OrderSender``, on by default), and the invoice, shipment, credit
        memo and comment e-mails when a call asks to notify. Listed at ``/_sandbox/mails``
        so tests can see whom the shop would have written to."""
        self.mails.append({"kind": kind, "to": order.customer_email,
                           "order_id": order.entity_id})  # fmt: skip

    def changed(self, *collections: str) -> None:
        for name in collections:
            self.versions[name] += 1

    def masked_id(self, quote_id: int) -> str:
        """A 32-character masked cart id, deterministic per seed and quote."""
        return hashlib.md5(f"{self.seed}:guest-cart:{quote_id}".encode()).hexdigest()

    # -- lookups that answer Commerce's 404s -------------------------------------------------

    def product(self, sku: str) -> Product:
        found = self.products.get(sku.casefold())
        if found is None:
            raise product_not_found()
        return found

    def order(self, order_id: int | str) -> Order:
        try:
            found = self.orders.get(int(order_id))
        except (TypeError, ValueError):
            found = None
        if found is None:
            raise entity_not_found()
        return found

    # -- stock -------------------------------------------------------------------------------

    def source_item(self, sku: str, source_code: str = DEFAULT_SOURCE) -> SourceItem | None:
        return self.sources.get(sku.casefold(), {}).get(source_code)

    def put_source_item(self, item: SourceItem) -> None:
        self.sources.setdefault(item.sku.casefold(), {})[item.source_code] = item
        self.changed("source_items")

    def source_quantity(self, sku: str) -> float:
        """In-stock quantity of the sources assigned to stock 1 (all of them here)."""
        return sum(s.quantity for s in self.sources.get(sku.casefold(), {}).values() if s.status)

    def salable_quantity(self, sku: str) -> float:
        """Sources minus reservations of open orders (threshold 0), never below zero."""
        return max(0.0, self.source_quantity(sku) - self.reserved.get(sku.casefold(), 0.0))

    def reserve(self, sku: str, qty: float) -> None:
        """Add (or with a negative qty, compensate) an MSI reservation."""
        key = sku.casefold()
        self.reserved[key] = self.reserved.get(key, 0.0) + qty

    # -- order indexes -----------------------------------------------------------------------

    def add_order(self, order: Order) -> None:
        self.orders[order.entity_id] = order
        self.orders_by_increment[order.increment_id] = order.entity_id
        self.orders_by_quote[order.quote_id] = order.entity_id
        self.orders_by_update[order.entity_id] = order
        for item in order.items:
            self.order_items[item.item_id] = item
        self.changed("orders", "order_items")

    def set_ext_order_id(self, order: Order, value: str | None) -> None:
        """Keep the ext_order_id index (case-folded, like the column's collation) current."""
        if order.ext_order_id is not None:
            self.orders_by_ext.get(order.ext_order_id.casefold(), set()).discard(order.entity_id)
        order.ext_order_id = value
        if value is not None:
            self.orders_by_ext.setdefault(value.casefold(), set()).add(order.entity_id)
