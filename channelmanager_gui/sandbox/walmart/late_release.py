"""Orders Walmart releases to the seller hours after their ``orderDate``.

Walmart holds some orders back for payment and fraud review and only then releases them to the
seller, still dated when the buyer placed them; a client that reads orders by a created-date
window alone never sees such an order once its window has passed. ``GET /v3/orders/released``
lists every PO that still has ``Created`` lines, whatever its date within the last 180 days
(orders OpenAPI, "All released orders"); that is how a late one is found.

Here a held order is invisible to every Walmart path (searches, ``GET /v3/orders/{po}``, the
actions) until its release time, then it joins the order book as if it had just appeared.
The switch ``LateRelease`` dates every ``every``-th streamed or bulk-made order ``hours`` back, so
it appears already late (released ``hours`` after its ``orderDate``); the demo uses it.
"""

from __future__ import annotations

import heapq
from dataclasses import dataclass, field

from .orderdata import Order

HOUR_MS = 3_600_000


@dataclass
class LateRelease:
    """The switch: every ``every``-th new order (0: none) is released ``hours`` after its date."""

    every: int = 0
    hours: float = 6.0
    _made: int = 0

    def set(self, every: int, hours: float) -> None:
        self.every, self.hours, self._made = every, hours, 0

    def order_date(self, now: int) -> int:
        """The ``orderDate`` of the next new order made at ``now``."""
        self._made += 1
        if self.every > 0 and self._made % self.every == 0:
            return now - int(self.hours * HOUR_MS)
        return now


@dataclass
class HeldOrders:
    """Orders not yet released, by release time (epoch ms)."""

    _heap: list[tuple[int, str]] = field(default_factory=list)
    _orders: dict[str, Order] = field(default_factory=dict)

    def hold(self, order: Order, release_at: int) -> None:
        self._orders[order.po] = order
        heapq.heappush(self._heap, (release_at, order.po))

    def due(self, now: int) -> list[Order]:
        """The held orders whose release time has come, each stamped modified at ``now``."""
        out = []
        while self._heap and self._heap[0][0] <= now:
            _, po = heapq.heappop(self._heap)
            order = self._orders.pop(po, None)
            if order is not None:  # None: released early by ``release``
                out.append(order)
        for order in out:
            order.last_modified = now
        return out

    def release(self, po: str, now: int) -> Order | None:
        """Release ``po`` now (tests cannot wait hours); None when it is not held."""
        order = self._orders.pop(po, None)
        if order is not None:
            order.last_modified = now
        return order
