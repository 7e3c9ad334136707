"""Listing rules of a marketplace account: what stock and price a marketplace is sent.

Modelled on Adobe's Amazon Sales Channel (amazon-sp-api reference §7, "Stock" and "Standard
price rules"), applied to every marketplace:

- stock: the Commerce salable quantity, less the units held back (the store's former "safety
  buffer"); at or below the **out-of-stock threshold** it is sent as 0; above the **maximum
  listed quantity** it is sent as that maximum;
- price: the Commerce price changed by each **price rule** that applies to the SKU, in
  priority order (1 first, as Adobe's "1 = highest"; equal priorities keep the list's order),
  until a rule that says "stop further rules" (Adobe's "discard subsequent rules"). Percentages
  and amounts are applied exactly in ``Decimal`` and the result is rounded half-up to cents
  once, at the end, so stacking rules adds no rounding error.

A price below one cent is **refused** (``price`` answers None): the marketplace keeps the last
price it was sent. Clamping to 0.01 would list the product for a cent, a sale at a loss the
merchant cannot take back once a buyer orders; a wrong rule should cost a stale price instead.

Pure: no Qt, no database. Reading JSON (tolerant, with the migration of the old per-store
settings) is ``listing_rules_json``; the SQL twin the push loop filters with is
``listing_rules_sql``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum
from fnmatch import fnmatchcase

CENT = Decimal("0.01")
HUNDRED = Decimal(100)


class Scope(StrEnum):
    """Which products a price rule changes. (A Commerce attribute set would need the product's
    attribute set on the listing, which the catalog import does not keep yet.)"""

    ALL = "all"
    SKUS = "skus"  # exactly these SKUs
    PATTERN = "pattern"  # SKUs matching a pattern: * any run of characters, ? one character


class Action(StrEnum):
    INCREASE = "increase"
    DECREASE = "decrease"


class By(StrEnum):
    PERCENT = "percent"
    FIXED = "fixed"  # an amount in the listing's currency


@dataclass(frozen=True)
class PriceRule:
    """One standard price rule (Adobe ``standard-price-rules.md``)."""

    name: str
    action: Action = Action.INCREASE
    by: By = By.PERCENT
    amount: Decimal = Decimal(0)
    priority: int = 1
    stop_further: bool = False
    scope: Scope = Scope.ALL
    skus: tuple[str, ...] = ()
    pattern: str = ""

    def applies_to(self, sku: str | None) -> bool:
        """Whether the rule changes this SKU's price (None: a product without a SKU, as in the
        dialog's example, which only rules for all products change)."""
        if self.scope is Scope.ALL:
            return True
        if sku is None:
            return False
        if self.scope is Scope.SKUS:
            return sku in self.skus
        return fnmatchcase(sku, self.pattern)

    def change(self, price: Decimal) -> Decimal:
        """The price after this rule, unrounded."""
        delta = price * self.amount / HUNDRED if self.by is By.PERCENT else self.amount
        return price + delta if self.action is Action.INCREASE else price - delta


@dataclass(frozen=True)
class ListingRules:
    """Stock and price rules of one marketplace account; the defaults change nothing."""

    safety_buffer: int = 0  # units held back from the marketplace
    out_of_stock_threshold: int = 0  # at or below it, 0 is sent
    max_quantity: int | None = None  # never more than this is sent
    price_rules: tuple[PriceRule, ...] = field(default=())

    def quantity(self, enabled: bool, salable: int | None) -> int | None:
        """What the marketplace should offer; None while the salable quantity is unknown."""
        if not enabled:
            return 0
        if salable is None:
            return None
        qty = max(0, salable - self.safety_buffer)
        if qty <= self.out_of_stock_threshold:
            return 0
        return qty if self.max_quantity is None else min(qty, self.max_quantity)

    def price(self, price: Decimal | None, sku: str | None) -> Decimal | None:
        """The Commerce price as the marketplace should show it, in cents; None without a
        usable price or when the rules bring it below a cent (refused: see the module)."""
        if price is None or price <= 0:
            return None
        result = Decimal(price)
        for rule in self.applied(sku):
            result = rule.change(result)
        rounded = result.quantize(CENT, ROUND_HALF_UP)
        return rounded if rounded >= CENT else None

    def applied(self, sku: str | None) -> list[PriceRule]:
        """The rules that change this SKU's price, in the order they apply."""
        out = []
        for rule in self.ordered():
            if rule.applies_to(sku):
                out.append(rule)
                if rule.stop_further:
                    break
        return out

    def ordered(self) -> list[PriceRule]:
        """All rules in priority order; ``sorted`` is stable, so ties keep the list's order."""
        return sorted(self.price_rules, key=lambda rule: rule.priority)
