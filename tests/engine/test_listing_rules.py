"""Listing rules: stock threshold and cap, price rules in priority order with "stop further
rules", percent vs fixed, rounding, the refusal under a cent, tolerant JSON, and the old
per-store safety buffer and price adjustment read as rules that send the same numbers."""

from __future__ import annotations

import logging
from decimal import ROUND_HALF_UP, Decimal

import pytest

from channelmanager_gui.services.engine.listing_rules import (
    Action,
    By,
    ListingRules,
    PriceRule,
    Scope,
)
from channelmanager_gui.services.engine.listing_rules_json import (
    parse,
    rules_from_settings,
    rules_problem,
    rules_to_json,
)
from channelmanager_gui.services.engine.rules_source import rules_or
from channelmanager_gui.services.engine.settings import StoreSettings

D = Decimal


def rule(name: str, action: str, by: str, amount: str, **more: object) -> PriceRule:
    return PriceRule(name, Action(action), By(by), D(amount), **more)  # type: ignore[arg-type]


def test_quantity_holds_back_zeroes_at_the_threshold_and_caps() -> None:
    rules = ListingRules(safety_buffer=2, out_of_stock_threshold=3, max_quantity=10)
    assert [rules.quantity(True, q) for q in (0, 4, 5, 6, 12, 13, 500)] == [
        0, 0, 0, 4, 10, 10, 10,
    ]  # fmt: skip
    assert rules.quantity(True, None) is None  # unknown stays unknown
    assert rules.quantity(False, 50) == 0  # disabled in Commerce
    assert ListingRules().quantity(True, 7) == 7  # the defaults change nothing


def test_price_rules_apply_in_priority_order_until_stop_further() -> None:
    rules = ListingRules(
        price_rules=(
            rule("fixed last", "increase", "fixed", "1.00", priority=3),
            rule("ten percent first", "increase", "percent", "10", priority=1),
            rule("shoes stop", "decrease", "fixed", "2.00", priority=2, stop_further=True,
                 scope=Scope.PATTERN, pattern="SHOE-*"),
        )
    )  # fmt: skip
    # 10.00 × 1.10 = 11.00, + 1.00 = 12.00 (percent before fixed: priority decides)
    assert rules.price(D("10.00"), "HAT-1") == D("12.00")
    # 10.00 × 1.10 = 11.00, − 2.00 = 9.00, then stop: the +1.00 of priority 3 is not applied
    assert rules.price(D("10.00"), "SHOE-42") == D("9.00")
    assert [r.name for r in rules.applied("SHOE-42")] == ["ten percent first", "shoes stop"]
    # the same rules in another order of priority give another price: order matters
    swapped = ListingRules(
        price_rules=(
            rule("fixed first", "increase", "fixed", "1.00", priority=1),
            rule("ten percent", "increase", "percent", "10", priority=2),
        )
    )
    assert swapped.price(D("10.00"), "HAT-1") == D("12.10")


def test_equal_priorities_keep_the_list_order_and_skus_scope() -> None:
    rules = ListingRules(
        price_rules=(
            rule("a", "increase", "fixed", "5", scope=Scope.SKUS, skus=("A-1",), stop_further=True),
            rule("b", "decrease", "percent", "50"),
        )
    )
    assert rules.price(D("20"), "A-1") == D("25.00")  # "a" first, and it stops "b"
    assert rules.price(D("20"), "B-1") == D("10.00")  # "a" does not apply to B-1
    assert rules.price(D("20"), None) == D("10.00")  # an example without a SKU: "all" only


def test_rounding_is_half_up_once_at_the_end() -> None:
    one = ListingRules(price_rules=(rule("x", "increase", "percent", "10"),))
    assert one.price(D("40.15"), "S") == D("44.17")  # 44.165 → 44.17 (half-up, not even)
    assert one.price(D("0.05"), "S") == D("0.06")  # 0.055 → 0.06
    # rounding each step would give 1.01 × 1.005 → 1.02 → 1.03; once at the end: 1.02
    two = ListingRules(
        price_rules=(
            rule("p", "increase", "percent", "0.5"),
            rule("q", "increase", "percent", "0.5"),
        )
    )
    assert two.price(D("1.01"), "S") == D("1.02")  # 1.01 × 1.005² = 1.0201…


def test_a_price_under_a_cent_is_refused_not_clamped() -> None:
    rules = ListingRules(price_rules=(rule("x", "decrease", "fixed", "5.00"),))
    assert rules.price(D("4.99"), "S") is None
    assert rules.price(D("5.01"), "S") == D("0.01")
    assert ListingRules().price(D("0"), "S") is None and ListingRules().price(None, "S") is None
    assert (
        ListingRules(price_rules=(rule("x", "decrease", "percent", "99"),)).price(D("0.40"), "S")
        is None
    )  # 0.004 rounds to 0.00


def test_json_round_trip_and_unknown_keys() -> None:
    rules = ListingRules(
        safety_buffer=1,
        out_of_stock_threshold=2,
        max_quantity=30,
        price_rules=(
            rule("Shoes", "decrease", "fixed", "1.50", priority=4, stop_further=True,
                 scope=Scope.SKUS, skus=("S-1", "S-2")),
            rule("All", "increase", "percent", "12.5", scope=Scope.PATTERN, pattern="X?-*"),
        ),
    )  # fmt: skip
    data = rules_to_json(rules)
    assert data["price_rules"][0]["amount"] == "1.50"  # text: JSON has no decimal type
    data["from_a_newer_version"] = {"x": 1}
    data["price_rules"][1]["colour"] = "red"
    assert parse(data) == (rules, [])
    assert rules_problem(rules) is None


def test_bad_values_give_the_default_a_message_and_a_log_line(
    caplog: pytest.LogCaptureFixture,
) -> None:
    data = {
        "safety_buffer": -3,
        "out_of_stock_threshold": "five",
        "max_quantity": 0,
        "price_rules": [
            {"name": "ok", "action": "decrease", "by": "fixed", "amount": "1"},
            {"name": "bad amount", "amount": "abc"},
            {"name": "bad action", "action": "double", "amount": "1"},
            {"name": "too much", "action": "decrease", "amount": 100},
            {"name": "brackets", "amount": 1, "scope": "pattern", "pattern": "A[!B]*"},
            {"name": "no skus", "amount": 1, "scope": "skus", "skus": []},
            {"amount": 1},
            "not a rule",
        ],
    }
    with caplog.at_level(logging.WARNING):
        rules = rules_from_settings({"listing_rules": data})
    assert (rules.safety_buffer, rules.out_of_stock_threshold, rules.max_quantity) == (0, 0, None)
    assert [r.name for r in rules.price_rules] == ["ok"]
    logged = caplog.text
    for words in ("safety buffer: -3 must be between 0", "'five' is not a whole number",
                  "“bad amount”: amount 'abc' is not a number", "'double' is not a valid Action",
                  "at most 99% for decrease", "may use * and ? only", "name at least one SKU",
                  "price rule 7: it needs a name", "price rule 8: expected an object"):  # fmt: skip
        assert words in logged
    assert rules_from_settings({"listing_rules": "nonsense"}) == ListingRules()
    assert rules_from_settings({"listing_rules": {"price_rules": {"a": 1}}}) == ListingRules()


def test_a_rule_that_cannot_be_saved_says_why() -> None:
    bad = ListingRules(price_rules=(rule("Half off", "decrease", "fixed", "0.005"),))
    assert rules_problem(bad) == (
        "Price rule 1: “Half off”: a fixed amount has at most 2 decimals, up to 100000."
    )
    assert rules_problem(ListingRules(max_quantity=0)) == (
        "Max quantity: the maximum listed quantity must be at least 1 (or none)."
    )


@pytest.mark.parametrize("pct", [10, 10.0, -12.5, 7.3, -90, 500, 0.1, 33.33])
def test_old_store_settings_send_the_same_numbers(pct: float) -> None:
    """The rule the store used before listing rules, copied from inventory.py at b58540a."""

    def old_price(price: Decimal) -> Decimal | None:
        factor = 1 + Decimal(str(pct)) / 100
        adjusted = (Decimal(price) * factor).quantize(Decimal("0.01"), ROUND_HALF_UP)
        return adjusted if adjusted > 0 else None

    settings = StoreSettings.from_json({"safety_buffer": 4, "price_adjustment_pct": pct})
    rules = settings.listing_rules
    for cents in [*range(1, 400), 1999, 4015, 4017, 123456, 9999999]:
        price = Decimal(cents) / 100
        assert rules.price(price, "ANY") == old_price(price), price
    assert [rules.quantity(True, q) for q in (0, 3, 4, 5, 100)] == [0, 0, 0, 1, 96]
    saved = settings.to_json()  # the next save writes the rules and drops the old keys
    assert "safety_buffer" not in saved and "price_adjustment_pct" not in saved
    assert StoreSettings.from_json(saved).listing_rules == rules


def test_an_old_store_without_an_adjustment_has_no_price_rule() -> None:
    rules = StoreSettings.from_json({"safety_buffer": 2}).listing_rules
    assert rules == ListingRules(safety_buffer=2)
    assert StoreSettings.from_json({}).listing_rules == ListingRules()
    # new rules win over old keys left beside them
    both = {"safety_buffer": 9, "listing_rules": {"safety_buffer": 1}}
    assert StoreSettings.from_json(both).listing_rules == ListingRules(safety_buffer=1)


def test_an_account_without_rules_of_its_own_uses_the_stores() -> None:
    store_rules = ListingRules(safety_buffer=3)
    assert rules_or({}, store_rules) is store_rules
    assert rules_or(None, store_rules) is store_rules
    own = {"listing_rules": {"max_quantity": 5}}
    assert rules_or(own, store_rules) == ListingRules(max_quantity=5)
