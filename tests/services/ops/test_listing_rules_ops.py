"""The listing rules operation: checks, saves (an old store's keys replaced by the rules they
meant), returns what changed and publishes nothing; the editor's live example."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

import pytest
from sqlalchemy import func, select

from channelmanager_gui.errors import ValidationError
from channelmanager_gui.models.db import Database, open_database
from channelmanager_gui.models.store import AppSetting, Store
from channelmanager_gui.services import change_log, ops
from channelmanager_gui.services.changes import Change
from channelmanager_gui.services.engine.listing_rules_json import rules_from_settings
from tests.models.order_seed import add_store

RULE = {"name": "Ten up", "action": "increase", "by": "percent", "amount": "10"}


@pytest.fixture
def db() -> Iterator[Database]:
    database = open_database()
    yield database
    database.dispose()


def raw_settings(db: Database, store_id: int) -> dict[str, object]:
    with db.session() as session:
        return dict(session.get_one(Store, store_id).settings)


def set_raw_settings(db: Database, store_id: int, settings: dict[str, object]) -> None:
    with db.session() as session:
        session.get_one(Store, store_id).settings = settings


def test_save_writes_the_rules_and_returns_the_store_change(db: Database) -> None:
    store_id = add_store(db)
    set_raw_settings(db, store_id, {"safety_buffer": 2, "price_adjustment_pct": 5.0,
                                    "order_email": "x@shop.example"})  # fmt: skip
    data = ops.listing_rules.load_rules(db, store_id)
    assert data["safety_buffer"] == 2  # the old keys, read as rules
    assert data["price_rules"][0]["amount"] == "5.0"
    data["max_quantity"] = 20
    data["price_rules"].append(dict(RULE, priority=2))

    changes = ops.listing_rules.save_rules(db, store_id, data)

    assert changes.kinds == frozenset({Change.STORES}) and changes.id == store_id
    # The rules are the Walmart account's own now; the store's settings stay as they were.
    assert raw_settings(db, store_id)["safety_buffer"] == 2
    with db.session() as session:
        saved = dict(session.get_one(Store, store_id).walmart_account().settings)  # type: ignore[union-attr]
    rules = rules_from_settings(saved)
    assert (rules.safety_buffer, rules.max_quantity, len(rules.price_rules)) == (2, 20, 2)
    assert ops.listing_rules.load_rules(db, store_id)["max_quantity"] == 20
    with db.session() as session:  # the caller publishes, not the operation
        query = select(func.count()).where(AppSetting.key.like(change_log.PREFIX + "%"))
        assert session.scalar(query) == 0


def test_save_refuses_what_cannot_be_read_back_and_changes_nothing(db: Database) -> None:
    store_id = add_store(db)
    bad = {"price_rules": [dict(RULE, amount="ten")]}
    rules, problem = ops.listing_rules.check(bad)
    assert problem == "Price rule 1: “Ten up”: amount 'ten' is not a number."
    assert rules.price_rules == ()
    with pytest.raises(ValidationError, match="amount 'ten' is not a number"):
        ops.listing_rules.save_rules(db, store_id, bad)
    assert raw_settings(db, store_id) == {}
    with db.session() as session:
        assert not session.get_one(Store, store_id).walmart_account().settings  # type: ignore[union-attr]
    with pytest.raises(ValidationError, match="at least 1"):
        ops.listing_rules.save_rules(db, store_id, {"max_quantity": 0})


def test_example_names_the_rules_that_made_the_price() -> None:
    data = {
        "price_rules": [
            RULE,
            {"name": "Shoes", "action": "decrease", "by": "fixed", "amount": "30",
             "scope": "pattern", "pattern": "SHOE-*", "priority": 2},
        ]
    }  # fmt: skip
    example = ops.listing_rules.example(data, Decimal("19.99"), None)
    assert example == ops.listing_rules.Example(Decimal("21.99"), ("Ten up",))
    refused = ops.listing_rules.example(data, Decimal("19.99"), "SHOE-1")
    assert refused.price is None and refused.rules == ("Ten up", "Shoes")
