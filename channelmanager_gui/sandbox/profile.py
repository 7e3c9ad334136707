"""Network profiles: how long each sandbox takes to answer, as the real services do.

``instant`` (the default) answers at loopback speed, which tells where the engine's CPU goes
but not what a merchant sees. ``realistic`` looks like the internet (issue 19): Walmart about
80 ms per call; Commerce about 150 ms per call and about 1.5 s to place an order (a real
Magento runs its whole checkout: totals, stock reservation, order and invoice records, mails).
These are typical figures, not published ones (?): neither service documents its latency.

Walmart also takes a while to *process* a bulk feed (``FEED_SECONDS``): loopback speed has it
done in half a second; the realistic profile takes five minutes. Reference §7 says of bulk price
feeds "SLA about 15 min; check after at least 5 min": five minutes is the earliest a client is
told to look, so the lower end of what a merchant waits (?). Nothing is published for inventory
feeds; the same figure is assumed (?).

``speed`` runs everything faster by one factor: every latency is divided by it and every rate
limit multiplied by it (``rate_limit_scale``), so a benchmark at speed 10 finishes ten times
sooner and compares its figures with the bounds at that same factor.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from channelmanager_gui.sandbox.faults import FaultConfig

# Magento's place-order routes: PUT /V1/carts/mine/order, /V1/guest-carts/{id}/order and
# /V1/carts/{id}/order, and POST .../payment-information (pays and places in one call), under
# an optional /rest/{store_code} (sandbox/commerce/carts.py).
PLACE_ORDER = r"PUT /V1/(carts|guest-carts)/[^/]+/order$"
PAY_AND_PLACE = r"POST /V1/(carts|guest-carts)/[^/]+/payment-information$"


@dataclass(frozen=True)
class Latency:
    """One service's latency: every call, and the routes that take longer."""

    every_call_ms: float = 0.0
    routes_ms: dict[str, float] = field(default_factory=dict)


PROFILES: dict[str, dict[str, Latency]] = {
    "instant": {},
    "realistic": {
        "walmart": Latency(80.0),
        "commerce": Latency(150.0, {PLACE_ORDER: 1500.0, PAY_AND_PLACE: 1500.0}),
        # Amazon: no figure in the issue (?); its sandbox keeps loopback speed.
    },
}


# Walmart's feed processing time per profile, seconds at speed 1 (see the module's docstring).
FEED_SECONDS: dict[str, float] = {"instant": 0.5, "realistic": 300.0}


def feed_seconds(profile: str, speed: float = 1.0, override: float | None = None) -> float:
    """How long the Walmart sandbox takes to process a feed: ``override`` (the CLI's
    ``--feed-seconds``) or the profile's figure, ``speed`` times shorter like every latency.
    Unknown profile: KeyError."""
    if speed <= 0:
        raise ValueError("speed must be positive")
    return (FEED_SECONDS[profile] if override is None else override) / speed


def latency_switches(profile: str, service: str, speed: float = 1.0) -> dict[str, object]:
    """The ``FaultConfig`` switches that give ``service`` the ``profile``'s latency, ``speed``
    times faster. A service the profile leaves out keeps its own ``latency_ms`` (the CLI's
    ``--latency-ms``): only its speed is set. Unknown profile: KeyError."""
    if speed <= 0:
        raise ValueError("speed must be positive")
    latency = PROFILES[profile].get(service)
    if latency is None:
        return {"speed": speed}
    return {
        "latency_ms": latency.every_call_ms,
        "route_latency_ms": dict(latency.routes_ms),
        "speed": speed,
    }


def apply_profile(
    faults: FaultConfig | None, profile: str, service: str, speed: float = 1.0
) -> FaultConfig:
    """``faults`` (or fresh switches) with the profile's latency for ``service`` set."""
    faults = faults or FaultConfig()
    faults.update(latency_switches(profile, service, speed))
    return faults
