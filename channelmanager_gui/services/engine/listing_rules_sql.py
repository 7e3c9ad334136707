"""The listing rules as SQL over ``listings``: the push loop's filter for "may differ".

A pass over 100,000 listings reads only those whose stock or price may differ from what was
sent, so the SQL must compute what :class:`ListingRules` computes (a superset is fine: the
exact test stays in Python).

Each price rule is affine (p → m·p + c: a percentage changes m, a fixed amount c), so the rules
compose without nesting one CASE in another (which doubles the expression per rule):
p·∏mᵢ + Σ cᵢ·∏_{j>i} mⱼ, with mᵢ = 1 and cᵢ = 0 where rule i does not apply or an earlier
"stop further rules" rule applied. Prices are REAL in SQLite (``models/money.py``), so the
caller compares with a margin, as before.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import ColumnElement, Double, and_, case, false, func, literal, or_, true

from channelmanager_gui.models.listing import Listing
from channelmanager_gui.services.engine.listing_rules import (
    Action,
    By,
    ListingRules,
    PriceRule,
    Scope,
)


def quantity(rules: ListingRules) -> ColumnElement[int]:
    """``ListingRules.quantity`` of each listing (NULL while its salable quantity is)."""
    held = func.max(0, Listing.qty - rules.safety_buffer)
    capped = held if rules.max_quantity is None else func.min(held, rules.max_quantity)
    return case(
        (Listing.enabled.is_(False), 0),
        (held <= rules.out_of_stock_threshold, 0),
        else_=capped,
    )


def price(rules: ListingRules) -> ColumnElement[Any]:
    """``ListingRules.price`` of each listing before its rounding to cents."""
    ordered = rules.ordered()
    active = [_active(rule, ordered[:i]) for i, rule in enumerate(ordered)]
    factors = [_number(_factor(rule)) for rule in ordered]
    terms = [_number(_offset(rule)) for rule in ordered]
    multipliers = [case((on, f), else_=_number(1)) for on, f in zip(active, factors, strict=True)]
    offsets = [case((on, c), else_=_number(0)) for on, c in zip(active, terms, strict=True)]
    result: ColumnElement[Any] = Listing.price * _product(multipliers)
    for i, offset in enumerate(offsets):
        result = result + offset * _product(multipliers[i + 1 :])
    return result


def may_differ(rules: ListingRules) -> ColumnElement[bool]:
    """Listings whose stock or price may differ from what was sent or queued (a superset; the
    exact test stays in Python). Stock: the same integer rule. Price: a value within 0.0049
    of the price sent (or queued) rounds to it, so only rows farther away can need a push;
    one under half a cent is refused, so it needs none either."""
    qty = quantity(rules)
    qty_differs = qty.is_not(None) & qty.is_distinct_from(Listing.last_qty_sent)
    qty_differs &= qty.is_distinct_from(Listing.qty_queued)
    wanted = price(rules)

    def near(sent: Any) -> ColumnElement[bool]:
        return sent.is_not(None) & (func.abs(wanted - sent) <= 0.0049)

    price_differs = (Listing.price > 0) & (wanted > 0.0049) & ~near(Listing.last_price_sent)
    price_differs &= ~near(Listing.price_queued)
    return qty_differs | price_differs


def _active(rule: PriceRule, earlier: list[PriceRule]) -> ColumnElement[bool]:
    """Rule applies and no earlier "stop further rules" rule did (if that one was itself
    skipped, an even earlier stopper applied, which this test sees too)."""
    stoppers = [_applies(r) for r in earlier if r.stop_further]
    return and_(_applies(rule), ~or_(false(), *stoppers))


def _applies(rule: PriceRule) -> ColumnElement[bool]:
    if rule.scope is Scope.SKUS:
        return Listing.sku.in_(rule.skus)
    if rule.scope is Scope.PATTERN:
        # GLOB is case-sensitive with * and ? as fnmatchcase (brackets are refused on save)
        return Listing.sku.op("GLOB", is_comparison=True)(rule.pattern)
    return true()


def _factor(rule: PriceRule) -> float:
    if rule.by is By.FIXED:
        return 1.0
    sign = 1 if rule.action is Action.INCREASE else -1
    return float(1 + sign * rule.amount / 100)


def _offset(rule: PriceRule) -> float:
    if rule.by is By.PERCENT:
        return 0.0
    return float(rule.amount if rule.action is Action.INCREASE else -rule.amount)


def _number(value: float) -> ColumnElement[float]:
    """A REAL literal: bound with ``Listing.price``'s Money type it would be rounded to cents."""
    return literal(value, Double())


def _product(factors: Sequence[ColumnElement[float]]) -> ColumnElement[float]:
    result = _number(1)
    for factor in factors:
        result = result * factor
    return result
