"""Carriers between the two systems: Walmart names (reference §4) and Commerce track codes.

Commerce knows only ``ups``, ``usps``, ``fedex``, ``dhl`` and ``custom`` with a free title
(commerce reference §7); Walmart wants one of its carrier names, or ``otherCarrier`` plus a
tracking URL. A Commerce "custom" track whose title names a Walmart carrier (e.g. "OnTrac",
"LaserShip") is sent as that carrier, so the buyer gets a working tracking link.
"""

from __future__ import annotations

from dataclasses import dataclass

from channelmanager_gui.services.walmart.order_requests import CARRIERS

_TO_COMMERCE = {
    "UPS": "ups",
    "UPSMI": "ups",
    "USPS": "usps",
    "FedEx": "fedex",
    "FDX": "fedex",
    "FEDEXSP": "fedex",
    "DHL": "dhl",
    "DHL Ecommerce - US": "dhl",
}
_FROM_COMMERCE = {"ups": "UPS", "usps": "USPS", "fedex": "FedEx", "dhl": "DHL"}
# Names merchants type as a custom title for carriers Walmart lists under another spelling.
_ALIASES = {
    "united parcel service": "UPS",
    "united states postal service": "USPS",
    "us postal service": "USPS",
    "federal express": "FedEx",
    "fedex smartpost": "FEDEXSP",
    "lasership": "LS",
    "dhl ecommerce": "DHL Ecommerce - US",
    "dhl express": "DHL",
    "r+l carriers": "RL Carriers",
}
_BY_FOLD = {name.casefold(): name for name in CARRIERS}


@dataclass(frozen=True)
class WalmartCarrier:
    carrier: str | None  # a Walmart carrier name
    other_carrier: str | None  # otherwise the name as typed (Walmart then needs a URL)


def commerce_track(carrier: str | None, other_carrier: str | None) -> tuple[str, str]:
    """``(carrier_code, title)`` for a Commerce track of a Walmart carrier choice."""
    if carrier:
        return _TO_COMMERCE.get(carrier, "custom"), carrier
    return "custom", other_carrier or "Other"


def walmart_carrier(carrier_code: str, title: str) -> WalmartCarrier:
    """The Walmart carrier for a Commerce track (code first, then the title's words)."""
    named = _FROM_COMMERCE.get(carrier_code.strip().lower())
    if named:
        return WalmartCarrier(named, None)
    words = " ".join(title.split())
    folded = words.casefold()
    named = _BY_FOLD.get(folded) or _ALIASES.get(folded)
    if named:
        return WalmartCarrier(named, None)
    return WalmartCarrier(None, words or carrier_code or "Other")
