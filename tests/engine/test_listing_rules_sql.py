"""The push loop's SQL filter computes what the listing rules compute: a listing whose sent
values equal the rules' result is not read again (unless its exact price lies on a half cent,
which REAL arithmetic cannot round reliably: read again, harmlessly), one a cent away is."""

from __future__ import annotations

from decimal import Decimal

import pytest

from channelmanager_gui.models.account import walmart_account_id
from channelmanager_gui.models.db import Database
from channelmanager_gui.models.listing import Listing, MatchStatus
from channelmanager_gui.services.engine.inventory import pushable
from channelmanager_gui.services.engine.listing_rules import (
    Action,
    By,
    ListingRules,
    PriceRule,
    Scope,
)
from tests.models.order_seed import add_store

D = Decimal
SKUS = ["SHOE-1", "SHOE-22", "HAT-1", "HAT-2", "shoe-3", "SHOE-1X", "BAG"]
RULE_SETS = {
    "none": ListingRules(),
    "stock": ListingRules(safety_buffer=2, out_of_stock_threshold=3, max_quantity=9),
    "stacked": ListingRules(
        price_rules=(
            PriceRule("plus 1", Action.INCREASE, By.FIXED, D("1.00"), priority=3),
            PriceRule("ten", Action.INCREASE, By.PERCENT, D("10"), priority=1),
            PriceRule(
                "shoes",
                Action.DECREASE,
                By.FIXED,
                D("2.50"),
                priority=2,
                stop_further=True,
                scope=Scope.PATTERN,
                pattern="SHOE-?",
            ),
            PriceRule(
                "hats",
                Action.DECREASE,
                By.PERCENT,
                D("33.3"),
                priority=2,
                scope=Scope.SKUS,
                skus=("HAT-2", "BAG"),
            ),
            PriceRule(
                "floor test",
                Action.DECREASE,
                By.FIXED,
                D("30"),
                priority=9,
                scope=Scope.SKUS,
                skus=("BAG",),
            ),
        ),
    ),
}


def add_listings(db: Database) -> int:
    store_id = add_store(db)  # the seed h19's 0010 keeps up to date (no walmart_url here)
    with db.session() as session:
        account_id = walmart_account_id(session, store_id)
        for i in range(len(SKUS) * 6):
            session.add(
                Listing(
                    store_id=store_id,
                    account_id=account_id,
                    sku=f"{SKUS[i % len(SKUS)]}" if i < len(SKUS) else f"{SKUS[i % len(SKUS)]}{i}",
                    price=[D("19.99"), D("0.01"), D("40.15"), None, D("3.33"), D("12.5")][i % 6],
                    qty=[0, 2, 3, 5, 6, 12, None][i % 7],
                    enabled=i % 5 != 4,
                    match_status=MatchStatus.MATCHED,
                )
            )
    return store_id


def on_half_cent(rules: ListingRules, price: Decimal | None, sku: str) -> bool:
    if price is None:
        return False
    for rule in rules.applied(sku):
        price = rule.change(price)
    return (price * 1000) % 10 == 5


def set_sent(db: Database, store_id: int, rules: ListingRules, cents_off: int) -> int:
    """Record as sent what the rules give (plus ``cents_off``); returns how many can be sent."""
    sendable = 0
    with db.session() as session:
        for listing in session.query(Listing).filter_by(store_id=store_id):
            qty = rules.quantity(listing.enabled, listing.qty)
            price = rules.price(listing.price, listing.sku)
            listing.last_qty_sent = None if qty is None else qty + cents_off
            listing.last_price_sent = None if price is None else price + D(cents_off) / 100
            sendable += qty is not None or price is not None
    return sendable


@pytest.mark.parametrize("name", list(RULE_SETS))
def test_sql_filter_matches_the_rules(engine_db: Database, name: str) -> None:
    rules = RULE_SETS[name]
    store_id = add_listings(engine_db)
    sendable = set_sent(engine_db, store_id, rules, 0)
    with engine_db.session() as session:
        again = pushable(session, store_id, differing=rules)
    assert all(on_half_cent(rules, price, sku) for _, sku, _, _, price, *_ in again), again
    set_sent(engine_db, store_id, rules, 1)
    with engine_db.session() as session:
        assert len(pushable(session, store_id, differing=rules)) == sendable > 20
