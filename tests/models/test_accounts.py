"""Marketplace accounts (0010): a store's Walmart URL lives on its Walmart account, and each
account names its keyring entries (a Walmart account keeps the names from before accounts)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import select

from channelmanager_gui.models.account import MarketplaceAccount, walmart_account_id
from channelmanager_gui.models.db import Database, open_database
from channelmanager_gui.models.store import Store


@pytest.fixture
def db() -> Iterator[Database]:
    database = open_database()
    yield database
    database.dispose()


def test_a_new_store_gets_its_walmart_account_and_editing_the_url_updates_it(db: Database) -> None:
    with db.session() as session:
        store = Store(name="Shop", commerce_url="https://c.example", walmart_url="https://w1")
        session.add(store)
        session.flush()
        store_id = store.id
    with db.session() as session:
        store = session.get_one(Store, store_id)
        store.walmart_url = "https://w2"
    with db.session() as session:
        accounts = session.scalars(select(MarketplaceAccount)).all()
        assert [(a.store_id, a.marketplace, a.name, a.api_url) for a in accounts] == [
            (store_id, "walmart", "Walmart", "https://w2")
        ]
        assert walmart_account_id(session, store_id) == accounts[0].id
        assert session.get_one(Store, store_id).walmart_url == "https://w2"


def test_secret_names_keep_the_walmart_keyring_entries(db: Database) -> None:
    with db.session() as session:
        store = Store(name="Shop", commerce_url="https://c.example", walmart_url="https://w")
        amazon = MarketplaceAccount(marketplace="amazon", name="Amazon US", api_url="https://a")
        store.accounts.append(amazon)
        session.add(store)
        session.flush()
        walmart = store.walmart_account()
        assert walmart is not None
        assert walmart.secret_key("walmart_client_id") == store.secret_key("walmart_client_id")
        assert walmart.secret_key("walmart_client_id") == f"store:{store.id}:walmart_client_id"
        assert amazon.secret_key("lwa_client_id") == f"account:{amazon.id}:lwa_client_id"


def test_a_store_without_a_walmart_account_is_named(db: Database) -> None:
    with db.session() as session:
        store = Store(name="Shop", commerce_url="https://c.example")
        session.add(store)
        session.flush()
        assert store.walmart_url == "" and store.walmart_account() is None
        with pytest.raises(LookupError, match="no Walmart account"):
            walmart_account_id(session, store.id)
