"""Per-operation token buckets, as SP-API meters calls (reference §2.6).

Amazon keeps one bucket per (application, seller, operation) that refills at *rate* tokens/s up
to *burst*; a call on an empty bucket is refused with 429 and no hint (§2.6). So we pace
*before* the limit: each operation has a local bucket seeded from the published tables (§1.4,
§1.5, §2.1, §4.1, §4.4, §4.6, §4.7) and its rate is replaced by ``x-amzn-RateLimit-Limit``
when an answer carries one (best effort on 2xx/400/404, never on 429/403, §1.2) — Orders use
dynamic plans that Amazon may raise per seller (§2.1). A 429 or 503 still pauses the operation
with the inherited back-off of ``RateControl``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from channelmanager_gui.services.http import Clock, RateControl
from channelmanager_gui.services.http.ratecontrol import _KeyState

RATE_HEADER = "x-amzn-RateLimit-Limit"


@dataclass(frozen=True)
class Plan:
    rate: float  # tokens per second
    burst: int


# Operation key → default usage plan, from the reference's tables.
PLANS: dict[str, Plan] = {
    "lwa.token": Plan(1.0, 10),  # not metered by SP-API; a courtesy pace only
    "sellers.participations": Plan(0.016, 15),  # §1.4
    "tokens.rdt": Plan(1.0, 10),  # §1.5
    "orders.v0.address": Plan(0.5, 30),  # §2.1
    "orders.confirmShipment": Plan(2.0, 10),  # §2.1
    "orders.search": Plan(0.0056, 20),  # §2.1, v2026-01-01
    "orders.get": Plan(0.5, 30),  # §2.1, v2026-01-01
    "listings.get": Plan(5.0, 10),  # §4.1
    "listings.put": Plan(5.0, 10),
    "listings.patch": Plan(5.0, 5),
    "listings.delete": Plan(5.0, 5),
    "listings.search": Plan(5.0, 5),
    "catalog.search": Plan(2.0, 2),  # §4.4
    "feeds.createDocument": Plan(0.5, 15),  # §4.6
    "feeds.create": Plan(0.0083, 15),
    "feeds.get": Plan(2.0, 15),
    "feeds.list": Plan(0.0222, 10),
    "feeds.getDocument": Plan(0.0222, 10),
    "reports.create": Plan(0.0167, 15),  # §4.7
    "reports.get": Plan(2.0, 15),
    "reports.getDocument": Plan(0.0167, 15),
    "finances.orderEvents": Plan(0.5, 30),  # the Finances model's; not in the reference (?)
}


@dataclass
class Bucket:
    rate: float
    burst: int
    tokens: float
    updated: float

    def refill(self, now: float) -> None:
        self.tokens = min(float(self.burst), self.tokens + (now - self.updated) * self.rate)
        self.updated = now

    def ready_at(self, now: float) -> float:
        """When one whole token will be there."""
        self.refill(now)
        if self.tokens >= 1.0 or self.rate <= 0:
            return now
        return now + (1.0 - self.tokens) / self.rate


class TokenBucketRateControl(RateControl):
    """``RateControl`` whose keys named in ``plans`` also spend a token per request.

    Buckets start full, as Amazon's do for a fresh seller; ``buckets`` is exposed for tests and
    for a status line ("orders paced: next call in 3 min").
    """

    def __init__(
        self, clock: Clock | None = None, *, plans: Mapping[str, Plan] | None = None, **kw: float
    ) -> None:
        super().__init__(clock, **kw)
        now = self.clock.now()
        self.buckets = {
            key: Bucket(plan.rate, plan.burst, float(plan.burst), now)
            for key, plan in (PLANS if plans is None else plans).items()
        }

    def observe(self, key: str, status: int, headers: Mapping[str, str]) -> float:
        bucket = self.buckets.get(key)
        if bucket is not None:
            _settle(bucket, self.clock.now())
            rate = _rate(headers.get(RATE_HEADER))
            if rate is not None:
                bucket.rate = rate
        return super().observe(key, status, headers)

    def _ready_at(self, key: str, state: _KeyState) -> float:
        bucket = self.buckets.get(key)
        ready = state.ready_at()
        return ready if bucket is None else max(ready, bucket.ready_at(self.clock.now()))

    def _started(self, key: str, state: _KeyState) -> None:
        super()._started(key, state)
        bucket = self.buckets.get(key)
        if bucket is not None:
            bucket.refill(self.clock.now())
            bucket.tokens = max(0.0, bucket.tokens - 1.0)


def _settle(bucket: Bucket, now: float) -> None:
    """Book an answer. Amazon took its token when the call *arrived*, some time between our
    send and this answer; on a drained bucket, counting the refill from the send would put the
    next call a little early, on Amazon's still-empty bucket: a 429 by a few milliseconds (seen
    against the sandbox, whose buckets follow §2.6). So a drained bucket refills from now."""
    if bucket.tokens < 1.0:
        bucket.updated = now
    else:
        bucket.refill(now)


def _rate(value: str | None) -> float | None:
    """The header's rate ("0.0167", "5.0"); anything unusable is ignored, never fatal."""
    try:
        rate = float(value) if value is not None else None
    except ValueError:
        return None
    return rate if rate is not None and 0 < rate < 10_000 else None
