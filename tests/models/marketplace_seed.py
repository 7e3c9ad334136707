"""Amazon rows next to Walmart ones: an Amazon account for a seeded store, and seeded rows
moved onto it (their ``account_id`` and denormalised ``marketplace``), for the tests of the
marketplace filters, columns and tabs."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import update

from channelmanager_gui.models.account import AMAZON, MarketplaceAccount
from channelmanager_gui.models.db import Database
from channelmanager_gui.models.listing import Listing
from channelmanager_gui.models.order import Order, Return

US = "ATVPDKIKX0DER"


def add_amazon_account(db: Database, store_id: int, name: str = "Amazon") -> int:
    with db.session() as session:
        account = MarketplaceAccount(
            store_id=store_id,
            marketplace=AMAZON,
            name=name,
            api_url="https://sellingpartnerapi-na.amazon.com",
            auth_url="https://api.amazon.com/auth/o2/token",
            seller_id="A3FHEXAMPLEYWS",
            marketplace_ids=[US],
        )
        session.add(account)
        session.flush()
        return account.id


def move_to_amazon(
    db: Database, table: type[Order | Listing | Return], ids: Iterable[int], account_id: int
) -> None:
    """These rows now belong to the Amazon account ``account_id``."""
    with db.session() as session:
        session.execute(
            update(table)
            .where(table.id.in_(list(ids)))
            .values(account_id=account_id, marketplace=AMAZON)
        )
