"""Listing rules to and from settings JSON, tolerantly, and the checks a save must pass.

Rules are read where the loops need them, so reading never raises: a value that is missing,
of the wrong type or out of range is replaced by its default (an unusable price rule is left
out), and the reason is logged in words. Unknown keys are ignored (a newer app version's).

A store saved before listing rules existed has ``safety_buffer`` and ``price_adjustment_pct``
at the top of its settings instead of ``listing_rules``: those are read as the equivalent
rules (the same units held back, one "all products" rule of the same percentage), so an
upgraded store sends exactly the numbers it sent before. The next save writes
``listing_rules`` and drops the old keys.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from decimal import Decimal, InvalidOperation
from typing import Any, TypeVar

from channelmanager_gui.services.engine.listing_rules import (
    Action,
    By,
    ListingRules,
    PriceRule,
    Scope,
)

log = logging.getLogger(__name__)
RULES_KEY = "listing_rules"  # in a store's (later: a marketplace account's) settings JSON
LEGACY_RULE_NAME = "Store price adjustment"
MAX_UNITS = 1_000_000
MAX_PRIORITY = 999
MAX_PERCENT = {Action.INCREASE: Decimal(500), Action.DECREASE: Decimal(99)}
MAX_FIXED = Decimal(100_000)
T = TypeVar("T")


def rules_from_settings(settings: dict[str, Any] | None) -> ListingRules:
    """The rules kept in a settings dict, the old per-store keys migrated; never raises."""
    data = settings or {}
    if RULES_KEY in data:
        rules, problems = parse(data[RULES_KEY])
    else:
        rules, problems = _legacy(data)
    for problem in problems:
        log.warning("Listing rules: %s", problem)
    return rules


def parse(data: object) -> tuple[ListingRules, list[str]]:
    """Rules from their JSON object, and what was wrong with it (defaults used instead)."""
    if not isinstance(data, dict):
        return ListingRules(), [f"expected an object, got {data!r}; no rules apply"]
    problems: list[str] = []
    buffer = _field(data, "safety_buffer", 0, _units, problems)
    threshold = _field(data, "out_of_stock_threshold", 0, _units, problems)
    maximum = _field(data, "max_quantity", None, _max_quantity, problems)
    raw_rules = data.get("price_rules") or []
    if not isinstance(raw_rules, list):
        problems.append(f"price_rules: expected a list, got {raw_rules!r}; no price rules")
        raw_rules = []
    rules = []
    for number, raw in enumerate(raw_rules, 1):
        try:
            rules.append(_rule(raw))
        except ValueError as exc:
            problems.append(f"price rule {number}: {exc}; the rule is ignored")
    return ListingRules(buffer, threshold, maximum, tuple(rules)), problems


def rules_to_json(rules: ListingRules) -> dict[str, Any]:
    """The JSON object ``parse`` reads back; money as text ("1.50"), JSON has no decimal."""
    return {
        "safety_buffer": rules.safety_buffer,
        "out_of_stock_threshold": rules.out_of_stock_threshold,
        "max_quantity": rules.max_quantity,
        "price_rules": [
            {
                "name": rule.name,
                "scope": rule.scope.value,
                "skus": list(rule.skus),
                "pattern": rule.pattern,
                "action": rule.action.value,
                "by": rule.by.value,
                "amount": str(rule.amount),
                "priority": rule.priority,
                "stop_further": rule.stop_further,
            }
            for rule in rules.price_rules
        ],
    }


def rules_problem(rules: ListingRules) -> str | None:
    """The first thing that keeps these rules from being saved, in the merchant's words."""
    _, problems = parse(rules_to_json(rules))
    return sentence(problems[0]) if problems else None


def sentence(problem: str) -> str:
    """A problem ``parse`` found as a sentence for a form, without what reading does instead."""
    first = problem.rsplit("; ", 1)[0]
    return first[:1].upper() + first[1:] + "."


def _legacy(data: dict[str, Any]) -> tuple[ListingRules, list[str]]:
    """The settings of a store saved before listing rules, as rules that send the same."""
    problems: list[str] = []
    buffer = _field(data, "safety_buffer", 0, _units, problems)
    pct = _field(data, "price_adjustment_pct", Decimal(0), _legacy_pct, problems)
    if not pct:
        return ListingRules(safety_buffer=buffer), problems
    # The old rule multiplied by 1 + pct/100 with the percentage read as Decimal(str(pct));
    # 1 - |pct|/100 is the same Decimal, so the rounded prices are the same to the cent.
    action = Action.INCREASE if pct > 0 else Action.DECREASE
    rule = PriceRule(LEGACY_RULE_NAME, action, By.PERCENT, abs(pct))
    return ListingRules(safety_buffer=buffer, price_rules=(rule,)), problems


def _field(
    data: dict[str, Any],
    key: str,
    default: T,
    check: Callable[[Any], T],
    problems: list[str],
) -> T:
    if key not in data:
        return default
    try:
        return check(data[key])
    except ValueError as exc:
        problems.append(f"{key.replace('_', ' ')}: {exc}; {default!r} is used")
        return default


def _rule(raw: object) -> PriceRule:
    if not isinstance(raw, dict):
        raise ValueError(f"expected an object, got {raw!r}")
    name = raw.get("name")
    if not isinstance(name, str) or not name.strip():
        raise ValueError("it needs a name")
    label = f"“{name.strip()}”"
    try:
        action = Action(raw.get("action", Action.INCREASE))
        by = By(raw.get("by", By.PERCENT))
        scope = Scope(raw.get("scope", Scope.ALL))
    except ValueError as exc:
        raise ValueError(f"{label}: {exc}") from None
    amount = _amount(raw.get("amount"), action, by, label)
    priority = raw.get("priority", 1)
    if isinstance(priority, bool) or not isinstance(priority, int):
        raise ValueError(f"{label}: priority {priority!r} is not a whole number")
    if not 1 <= priority <= MAX_PRIORITY:
        raise ValueError(f"{label}: priority must be between 1 and {MAX_PRIORITY}")
    skus, pattern = _targets(raw, scope, label)
    stop = raw.get("stop_further", False) is True
    return PriceRule(name.strip(), action, by, amount, priority, stop, scope, skus, pattern)


def _amount(value: object, action: Action, by: By, label: str) -> Decimal:
    try:
        amount = Decimal(str(value)) if isinstance(value, str | int | float) else None
    except InvalidOperation:
        amount = None
    if isinstance(value, bool) or amount is None or not amount.is_finite():
        raise ValueError(f"{label}: amount {value!r} is not a number")
    if amount <= 0:
        raise ValueError(f"{label}: the amount must be more than 0")
    if by is By.PERCENT and amount > MAX_PERCENT[action]:
        raise ValueError(f"{label}: at most {MAX_PERCENT[action]}% for {action.value}")
    if by is By.FIXED and (amount > MAX_FIXED or amount != amount.quantize(Decimal("0.01"))):
        raise ValueError(f"{label}: a fixed amount has at most 2 decimals, up to {MAX_FIXED}")
    return amount


def _targets(raw: dict[str, Any], scope: Scope, label: str) -> tuple[tuple[str, ...], str]:
    """The SKUs or pattern a rule names. A pattern may use * and ? only: character classes
    ([…]) mean different things to Python's fnmatch ([!x]) and SQLite's GLOB ([^x]), and
    the push loop's SQL filter must select what the Python rule computes."""
    if scope is Scope.SKUS:
        skus = raw.get("skus")
        if not isinstance(skus, list) or not all(isinstance(s, str) for s in skus):
            raise ValueError(f"{label}: skus must be a list of SKUs")
        cleaned = tuple(dict.fromkeys(s.strip() for s in skus if s.strip()))
        if not cleaned:
            raise ValueError(f"{label}: name at least one SKU")
        return cleaned, ""
    if scope is Scope.PATTERN:
        pattern = raw.get("pattern")
        if not isinstance(pattern, str) or not pattern.strip():
            raise ValueError(f"{label}: give a SKU pattern, e.g. SHOE-*")
        if "[" in pattern or "]" in pattern:
            raise ValueError(f"{label}: a SKU pattern may use * and ? only, not [ ]")
        return (), pattern.strip()
    return (), ""


def _units(value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValueError(f"{value!r} is not a whole number")
    if not 0 <= value <= MAX_UNITS:
        raise ValueError(f"{value} must be between 0 and {MAX_UNITS:,}")
    return value


def _max_quantity(value: object) -> int | None:
    if value is None:
        return None
    units = _units(value)
    if units < 1:
        raise ValueError("the maximum listed quantity must be at least 1 (or none)")
    return units


def _legacy_pct(value: object) -> Decimal:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ValueError(f"{value!r} is not a number")
    pct = Decimal(str(value))  # as the old rule read it
    if not -90 <= pct <= 500:
        raise ValueError(f"{value} is outside -90% to +500%")
    return pct
