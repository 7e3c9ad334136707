"""The fastest Walmart lets a catalog push finish under its published limits (issue 19).

``bench.catalog_push --speed S`` compares its push with this bound. Each kind of change has
two ways in, each with its own bucket (reference §11, as the sandbox enforces them in
``sandbox/walmart/ratelimit.py``):

- price: single updates (``PUT /v3/price``, 100 an hour) or bulk feeds of at most ``FEED_MAX``
  records (1,000, Walmart's recommendation, reference §7), 10 feed submissions an hour;
- stock: single updates (``PUT /v3/inventory``, 200 a minute) or bulk feeds of at most 10,000
  records, 10 an hour.

A bucket is a token bucket (reference §11) full at the start, as after a quiet spell: its
depth is not published, the sandbox takes the hour's (or minute's) count (?). So the n-th call
of a bucket of ``count`` per ``period`` can start at ``max(0, n - count) × period / count``. A
single update is done one Walmart call (``latency``) after it starts; a feed after its
submission, Walmart's processing time and one status read. The bound of a kind is the best
split between singles and feeds (any feed costs the processing time, so a handful of changes
is fastest as singles when the bucket holds them); price and stock use separate buckets and
go side by side, so the push's bound is the larger of the two.

At speed S the bound is the published one ÷ S, as every benchmark divides its bounds
(bench/README.md). The sandbox at speed S also makes each bucket S times deeper, so a client
bursting S times as many singles could beat it there; the engine's pacing does not (its
spaced keys burst 5 calls, its feed quota is per real hour, and up to the store's
single-update limit goes as singles), and a bound with S-times-deeper buckets would call 1,000
price changes at speed 10 instant, a pace no merchant gets.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from channelmanager_gui.sandbox.profile import PROFILES
from channelmanager_gui.sandbox.walmart.ratelimit import LIMITS
from channelmanager_gui.services.engine.inventory import FEED_MAX

WALMART_LATENCY_S = PROFILES["realistic"]["walmart"].every_call_ms / 1000


@dataclass(frozen=True)
class Way:
    """One kind's two ways in: its singles' bucket, its feeds' bucket and feed size."""

    single_bucket: str
    feed_bucket: str
    feed_size: int


WAYS = {
    "price": Way("price", "feed_price", FEED_MAX["price"]),
    "stock": Way("inventory", "feed_inventory", FEED_MAX["inventory"]),
}


def last_start(calls: int, bucket: str) -> float:
    """When the last of ``calls`` calls on a full ``bucket`` may start (0 when they fit)."""
    count, period = LIMITS[bucket]
    return max(0, calls - count) * period / count


def kind_bound(changes: int, way: Way, feed_s: float) -> tuple[float, str]:
    """The fastest split of ``changes`` between singles and feeds at the published limits:
    seconds, and the split. ``feed_s``: Walmart's processing time of a feed."""
    if changes <= 0:
        return 0.0, "nothing"
    latency = WALMART_LATENCY_S
    best = (math.inf, "")
    for feeds in range(math.ceil(changes / way.feed_size) + 1):
        singles = max(0, changes - feeds * way.feed_size)
        done = 0.0
        if singles:
            done = last_start(singles, way.single_bucket) + latency
        if feeds:
            by_feed = last_start(feeds, way.feed_bucket) + 2 * latency + feed_s
            done = max(done, by_feed)
        if done < best[0]:
            best = (done, f"{singles} singles + {feeds} feeds")
    return best


def push_bound(
    price_changes: int, stock_changes: int, feed_s: float, speed: float
) -> tuple[float, str]:
    """The push's bound at ``speed`` (seconds) and how each kind gets there. ``feed_s``:
    the sandbox's processing time at that speed (its /stats ``feed_seconds``)."""
    price = kind_bound(price_changes, WAYS["price"], feed_s * speed)
    stock = kind_bound(stock_changes, WAYS["stock"], feed_s * speed)
    return max(price[0], stock[0]) / speed, f"price: {price[1]}; stock: {stock[1]}"
