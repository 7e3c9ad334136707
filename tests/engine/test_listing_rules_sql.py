"""The push loops' SQL filter computes what the listing rules compute: a listing whose sent
values equal the rules' result is not read again (unless its exact price lies on a half cent,
which REAL arithmetic cannot round reliably: read again, harmlessly), one a cent away is.
Walmart's push (``inventory.pushable``) and Amazon's (``amazon_push``: it read and tested all
of an account's listings every 30 s, most of its CPU on an idle day) both filter so."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

import pytest
from sqlalchemy import update
from sqlalchemy.orm import Session

from channelmanager_gui.models.account import AMAZON, MarketplaceAccount, walmart_account_id
from channelmanager_gui.models.db import Database
from channelmanager_gui.models.listing import Listing, MatchStatus
from channelmanager_gui.services.engine import amazon_push
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


Reader = Callable[[Session, ListingRules], list[tuple[object, ...]]]


def walmart_reader(db: Database, store_id: int) -> Reader:
    return lambda session, rules: list(pushable(session, store_id, differing=rules))


def amazon_reader(db: Database, store_id: int) -> Reader:
    """The same listings on an Amazon account, each tied to a product and listed there."""
    with db.session() as session:
        account = MarketplaceAccount(
            store_id=store_id, marketplace=AMAZON, name="Amazon US", api_url="http://127.0.0.1:9",
            auth_url="http://127.0.0.1:9", seller_id="S1", marketplace_ids=["ATVPDKIKX0DER"],
        )  # fmt: skip
        session.add(account)
        session.flush()
        account_id = account.id
        session.execute(
            update(Listing).values(account_id=account_id, marketplace=AMAZON,
                                   commerce_product_id=Listing.id, published_status="BUYABLE")
        )  # fmt: skip
    return lambda session, rules: list(amazon_push._pushable(session, account_id, rules))


@pytest.mark.parametrize("reader", [walmart_reader, amazon_reader])
@pytest.mark.parametrize("name", list(RULE_SETS))
def test_sql_filter_matches_the_rules(
    engine_db: Database, name: str, reader: Callable[[Database, int], Reader]
) -> None:
    rules = RULE_SETS[name]
    store_id = add_listings(engine_db)
    read = reader(engine_db, store_id)
    sendable = set_sent(engine_db, store_id, rules, 0)
    with engine_db.session() as session:
        again = read(session, rules)
    assert all(on_half_cent(rules, row[4], str(row[1])) for row in again), again  # type: ignore[arg-type]
    set_sent(engine_db, store_id, rules, 1)
    with engine_db.session() as session:
        assert len(read(session, rules)) == sendable > 20
