"""Per-endpoint token buckets (reference §11), scaled by ``rate_limit_scale``.

Walmart refills buckets gradually, so each bucket refills continuously at capacity/period.
Every answer carries ``x-current-token-count`` and ``x-next-replenish-time`` (epoch ms, one of the
forms clients have seen (?)). Scale 0 turns limiting off; the headers are still sent.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass

MIN, HOUR = 60.0, 3600.0
# bucket name → (requests, period seconds): the production table of reference §11.
LIMITS: dict[str, tuple[int, float]] = {
    "orders": (5000, MIN),
    "orders_released": (60, MIN),
    "order_acknowledge": (60, MIN),
    "order_shipping": (60, MIN),
    "order_cancel": (60, MIN),
    "order_refund": (60, MIN),
    "returns": (50, MIN),
    "return_refund": (60, MIN),
    "inventory": (200, MIN),
    "price": (100, HOUR),
    "items": (300, MIN),
    "item": (900, MIN),
    "item_retire": (900, MIN),
    "items_search": (200, MIN),
    "items_count": (900, MIN),  # not in the table (?); treated like a single-item read
    "feeds": (5000, MIN),
    "feed_inventory": (10, HOUR),
    "feed_MP_INVENTORY": (50, HOUR),
    "feed_price": (10, HOUR),
    "feed_MP_ITEM": (10, HOUR),
    "feed_MP_ITEM_MATCH": (20, HOUR),
    "feed_other": (10, HOUR),
    "token": (5000, MIN),  # not in the table (?); generous so renewals never starve
}


@dataclass
class Bucket:
    capacity: float
    rate: float  # tokens per second
    tokens: float
    stamp: float

    def refill(self, now: float) -> None:
        self.tokens = min(self.capacity, self.tokens + (now - self.stamp) * self.rate)
        self.stamp = now

    def next_replenish_ms(self) -> int:
        """Wall-clock epoch ms when the next whole token is back."""
        wait = (1 - (self.tokens % 1)) / self.rate if self.rate > 0 else 0.0
        return int((time.time() + wait) * 1000)


class RateLimiter:
    def __init__(self, scale: float) -> None:
        self._lock = threading.Lock()
        self.scale = scale
        self._buckets: dict[str, Bucket] = {}

    def set_scale(self, scale: float) -> None:
        with self._lock:
            self.scale = scale
            self._buckets.clear()

    def _bucket(self, name: str, now: float) -> Bucket:
        bucket = self._buckets.get(name)
        if bucket is None:
            count, period = LIMITS.get(name, LIMITS["feed_other"])
            capacity = max(1.0, count * self.scale)
            bucket = Bucket(capacity, capacity / period, capacity, now)
            self._buckets[name] = bucket
        return bucket

    def take(self, name: str, consume: bool = True) -> tuple[bool, dict[str, str]]:
        """(allowed, headers). With scale 0 everything is allowed."""
        now = time.monotonic()
        with self._lock:
            if self.scale <= 0:
                return True, {
                    "x-current-token-count": "1000000",
                    "x-next-replenish-time": str(int(time.time() * 1000)),
                }
            bucket = self._bucket(name, now)
            bucket.refill(now)
            allowed = bucket.tokens >= 1
            if allowed and consume:
                bucket.tokens -= 1
            headers = {
                "x-current-token-count": str(int(bucket.tokens)),
                "x-next-replenish-time": str(bucket.next_replenish_ms()),
            }
        return allowed, headers
