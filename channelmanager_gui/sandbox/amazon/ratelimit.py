"""Per (token owner, operation) token buckets with Amazon's published rate and burst (§2.6).

A bucket refills at ``rate`` tokens per second up to ``burst``; each call takes one; an empty
bucket is a 429 ``QuotaExceeded``. Rates come from the usage-plan tables of reference §1.4, §1.5,
§2.1, §4.1, §4.4, §4.6 and §4.7; tests may override any of them, and ``scale`` 0 turns limiting
off (the demo). Buckets read the sandbox clock, so advancing it refills them too.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass

# operation → (rate per second, burst)
LIMITS: dict[str, tuple[float, float]] = {
    "getOrders": (0.0167, 20),
    "getOrderV0": (0.5, 30),
    "getOrderItems": (0.5, 30),
    "getOrderAddress": (0.5, 30),
    "confirmShipment": (2, 10),
    "searchOrders": (0.0056, 20),
    "getOrder": (0.5, 30),
    "getListingsItem": (5, 10),
    "putListingsItem": (5, 10),
    "patchListingsItem": (5, 5),
    "deleteListingsItem": (5, 5),
    "searchCatalogItems": (2, 2),
    "getCatalogItem": (2, 2),  # assumed equal to searchCatalogItems (not in the reference)
    "createFeedDocument": (0.5, 15),
    "createFeed": (0.0083, 15),
    "getFeed": (2, 15),
    "getFeeds": (0.0222, 10),
    "cancelFeed": (2, 15),
    "getFeedDocument": (0.0222, 10),
    "createReport": (0.0167, 15),
    "getReport": (2, 15),
    "getReportDocument": (0.0167, 15),
    "getMarketplaceParticipations": (0.016, 15),
    "createRestrictedDataToken": (1, 10),
    "listFinancialEventsByOrderId": (0.5, 30),  # the Finances model's; not in the reference
}


@dataclass
class Bucket:
    rate: float
    burst: float
    tokens: float
    stamp: float


class RateLimiter:
    def __init__(self, clock: Callable[[], float], scale: float = 1.0) -> None:
        self._clock = clock
        self._lock = threading.Lock()
        self.scale = scale
        self.overrides: dict[str, tuple[float, float]] = {}
        self._buckets: dict[tuple[str, str], Bucket] = {}

    def configure(self, scale: float | None, overrides: dict[str, tuple[float, float]]) -> None:
        """New scale and/or per-operation (rate, burst); every bucket starts full again."""
        with self._lock:
            if scale is not None:
                self.scale = scale
            self.overrides.update(overrides)
            self._buckets.clear()

    def rate(self, operation: str) -> float:
        """The published rate, as ``x-amzn-RateLimit-Limit`` reports it."""
        return self.overrides.get(operation, LIMITS[operation])[0]

    def take(self, owner: str, operation: str) -> bool:
        """Take a token from the (owner, operation) bucket; False when it is empty."""
        now = self._clock()
        with self._lock:
            if self.scale <= 0:
                return True
            key = (owner, operation)
            bucket = self._buckets.get(key)
            if bucket is None:
                rate, burst = self.overrides.get(operation, LIMITS[operation])
                burst = max(1.0, burst * self.scale)
                bucket = self._buckets[key] = Bucket(rate * self.scale, burst, burst, now)
            bucket.tokens = min(bucket.burst, bucket.tokens + (now - bucket.stamp) * bucket.rate)
            bucket.stamp = now
            if bucket.tokens < 1:
                return False
            bucket.tokens -= 1
            return True
