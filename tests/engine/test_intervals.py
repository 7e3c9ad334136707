"""Every loop's default interval, and what the Amazon loops spend of Amazon's sustained rates.

A loop without a default ran every 60 s (the scheduler's fallback): the Amazon returns report
then spent all of ``createReport``'s sustained rate (found by ``bench.idle --amazon``).
Issue 19's idle budget leaves at least half of every rate to the merchant's own tools.
"""

from __future__ import annotations

from channelmanager_gui.sandbox.amazon.ratelimit import LIMITS
from channelmanager_gui.services.engine.flows import flow_modules
from channelmanager_gui.services.engine.settings import DEFAULT_INTERVALS
from channelmanager_gui.services.marketplace.amazon_caps import CAPABILITIES

HOUR = 3600.0


def test_every_loop_has_a_default_interval() -> None:
    loops = {spec.name for module in flow_modules() for spec in module.LOOPS}
    assert loops - DEFAULT_INTERVALS.keys() == set()


def per_hour(operation: str) -> float:
    rate, _burst = LIMITS[operation]
    return rate * HOUR


def test_amazon_loops_leave_half_of_each_sustained_rate() -> None:
    reports = (
        HOUR / DEFAULT_INTERVALS["amazon_listings"] + HOUR / DEFAULT_INTERVALS["amazon_returns"]
    )
    assert reports <= per_hour("createReport") / 2
    assert HOUR / CAPABILITIES.orders_poll_seconds <= per_hour("searchOrders") / 2
