"""The seller's listings and the changes waiting to apply (reference §4.1–§4.3, §5.2).

PUT/PATCH/DELETE answer ``ACCEPTED`` at once but only take effect ``delay`` seconds of the
sandbox clock later ("accepted ≠ applied", §4.2): until then GET shows the old state (404 for a
SKU not yet created). Status is derived as §5.2 says: ``BUYABLE`` iff quantity > 0, a price and
no ERROR issue; ``DISCOVERABLE`` unless an issue carries a suppression enforcement.
"""

from __future__ import annotations

import copy
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

SUPPRESSIONS = {"LISTING_SUPPRESSED", "SEARCH_SUPPRESSED", "CATALOG_ITEM_REMOVED"}


@dataclass
class Listing:
    sku: str
    marketplace_id: str
    product_type: str
    attributes: dict[str, Any]
    created: float
    updated: float
    issues: list[dict[str, Any]] = field(default_factory=list)

    def _first(self, name: str) -> dict[str, Any]:
        values = self.attributes.get(name) or [{}]
        return values[0] if isinstance(values[0], dict) else {}

    @property
    def asin(self) -> str | None:
        value = self._first("merchant_suggested_asin").get("value")
        return str(value) if value else None

    @property
    def channel(self) -> str:
        return str(
            self._first("fulfillment_availability").get("fulfillment_channel_code", "DEFAULT")
        )

    @property
    def quantity(self) -> int:
        return int(self._first("fulfillment_availability").get("quantity") or 0)

    @property
    def price(self) -> Decimal | None:
        try:
            schedule = self._first("purchasable_offer")["our_price"][0]["schedule"][0]
            return Decimal(str(schedule["value_with_tax"]))
        except (KeyError, IndexError, TypeError, ArithmeticError):
            return None

    @property
    def condition(self) -> str:
        return str(self._first("condition_type").get("value", "new_new"))

    @property
    def status(self) -> list[str]:
        enforced = {
            a.get("action")
            for issue in self.issues
            for a in (issue.get("enforcements") or {}).get("actions", [])
        }
        errors = any(i.get("severity") == "ERROR" for i in self.issues)
        status = []
        if self.quantity > 0 and self.price is not None and not errors:
            status.append("BUYABLE")
        if not enforced & SUPPRESSIONS:
            status.append("DISCOVERABLE")
        return status


@dataclass
class Change:
    due: float
    sku: str
    marketplace_id: str
    apply: Callable[[Listing | None, float], Listing | None]


class ListingStore:
    def __init__(self, clock: Callable[[], float], delay: float) -> None:
        self._clock = clock
        self.delay = delay
        self.lock = threading.RLock()
        self._listings: dict[tuple[str, str], Listing] = {}
        self._pending: list[Change] = []

    def add(self, listing: Listing) -> None:
        with self.lock:
            self._listings[(listing.marketplace_id, listing.sku)] = listing

    def settle(self) -> None:
        now = self._clock()
        with self.lock:
            due = [c for c in self._pending if c.due <= now]
            self._pending = [c for c in self._pending if c.due > now]
            for change in sorted(due, key=lambda c: c.due):
                key = (change.marketplace_id, change.sku)
                result = change.apply(self._listings.get(key), change.due)
                if result is None:
                    self._listings.pop(key, None)
                else:
                    self._listings[key] = result

    def get(self, marketplace_id: str, sku: str) -> Listing | None:
        self.settle()
        with self.lock:
            listing = self._listings.get((marketplace_id, sku))
            return copy.deepcopy(listing) if listing else None

    def all(self, marketplace_id: str | None = None) -> list[Listing]:
        self.settle()
        with self.lock:
            found = [v for (m, _), v in self._listings.items() if marketplace_id in (None, m)]
            return sorted(copy.deepcopy(found), key=lambda v: v.sku)

    def asin_of(self, sku: str) -> str | None:
        with self.lock:
            return next((v.asin for (_, s), v in self._listings.items() if s == sku), None)

    def schedule(
        self,
        marketplace_id: str,
        sku: str,
        apply: Callable[[Listing | None, float], Listing | None],
        delay: float | None = None,
    ) -> None:
        """Queue a change; it applies ``delay`` (default: the store's) seconds from now."""
        due = self._clock() + (self.delay if delay is None else delay)
        with self.lock:
            self._pending.append(Change(due, sku, marketplace_id, apply))
