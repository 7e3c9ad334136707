"""Orders as Amazon keeps them: items, packages, buyer cancel requests, refunds (reference §2, §3).

The status is derived from the items (what shipped, what was canceled) except while the order
is ``Pending``: payment not authorized yet, no prices (§2.3). Pending orders are authorized by
the sandbox clock (``settle``), which bumps ``LastUpdateDate`` like every real transition.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from .errors import not_found

CENT = Decimal("0.01")


@dataclass
class Item:
    item_id: str
    asin: str
    sku: str
    title: str
    qty: int
    unit_price: Decimal
    tax: Decimal
    shipping: Decimal
    shipped: int = 0
    canceled: int = 0
    cancel_reason: str | None = None  # set when the buyer asked to cancel (§3.3)

    @property
    def unshipped(self) -> int:
        return self.qty - self.shipped - self.canceled


@dataclass
class Package:
    ref: str
    carrier_code: str
    carrier_name: str
    method: str
    tracking: str
    ship_date: str
    lines: dict[str, int]  # orderItemId → quantity


@dataclass
class Order:
    order_id: str
    marketplace_id: str
    channel: str  # "MFN" (merchant) or "AFN" (FBA) (§2.3)
    created: float
    updated: float
    items: list[Item]
    address: dict[str, str]
    buyer_email: str
    buyer_name: str
    authorize_at: float | None = None  # not None while Pending
    packages: dict[str, Package] = field(default_factory=dict)
    refunds: list[dict[str, Any]] = field(default_factory=list)
    merchant_order_id: str | None = None

    @property
    def status(self) -> str:
        if self.authorize_at is not None:
            return "Pending"
        live = [i for i in self.items if i.qty > i.canceled]
        if not live:
            return "Canceled"
        if all(i.unshipped == 0 for i in live):
            return "Shipped"
        return "PartiallyShipped" if any(i.shipped for i in self.items) else "Unshipped"

    def item(self, item_id: str) -> Item | None:
        return next((i for i in self.items if i.item_id == item_id), None)

    def total(self) -> Decimal:
        return sum(
            ((i.unit_price * (i.qty - i.canceled) + i.tax + i.shipping) for i in self.items),
            Decimal(0),
        ).quantize(CENT)


class OrderStore:
    """All orders behind one lock; ``settle`` moves due Pending orders to Unshipped."""

    def __init__(self, clock: Callable[[], float]) -> None:
        self._clock = clock
        self.lock = threading.RLock()
        self._orders: dict[str, Order] = {}

    def add(self, order: Order) -> None:
        with self.lock:
            self._orders[order.order_id] = order

    def settle(self) -> None:
        now = self._clock()
        with self.lock:
            for order in self._orders.values():
                if order.authorize_at is not None and order.authorize_at <= now:
                    order.updated = max(order.updated, order.authorize_at)
                    order.authorize_at = None

    def get(self, order_id: str) -> Order:
        order = self.find(order_id)
        if order is None:
            raise not_found(f"Order {order_id} not found.")
        return order

    def find(self, order_id: str) -> Order | None:
        self.settle()
        with self.lock:
            return self._orders.get(order_id)

    def all(self) -> list[Order]:
        self.settle()
        with self.lock:
            return sorted(self._orders.values(), key=lambda o: (o.updated, o.order_id))

    def touch(self, order: Order) -> None:
        """A change the seller or buyer made: bumps LastUpdateDate (§2.2)."""
        with self.lock:
            order.updated = max(self._clock(), order.updated)

    def request_cancel(self, order_id: str, reason: str, item_ids: Iterable[str] = ()) -> Order:
        """The buyer asks to cancel (all items unless some are named) (§3.3)."""
        order = self.get(order_id)
        wanted = set(item_ids)
        with self.lock:
            for item in order.items:
                if not wanted or item.item_id in wanted:
                    item.cancel_reason = reason
            self.touch(order)
        return order
