"""``store account`` (an Amazon account added, listed, tested against the Amazon sandbox and
removed; secrets from the environment, into the keyring) and ``--marketplace`` on the list
commands, whose JSON names each row's marketplace and keeps its old keys."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import select

from channelmanager_gui.cli import main
from channelmanager_gui.models.account import AMAZON, MarketplaceAccount, walmart_account_id
from channelmanager_gui.models.db import open_database
from channelmanager_gui.models.listing import Listing
from channelmanager_gui.models.order import Order, Return
from channelmanager_gui.sandbox.amazon import AmazonSandbox
from tests.cli.conftest import Cli
from tests.memory_keyring import MemoryKeyring
from tests.models.listing_seed import add_listing
from tests.models.marketplace_seed import move_to_amazon
from tests.models.order_seed import add_order

US = "ATVPDKIKX0DER"


@pytest.fixture(scope="module")
def sandbox() -> Iterator[AmazonSandbox]:
    with AmazonSandbox(seed=7, products=20, orders=0) as running:
        yield running


@pytest.fixture(scope="module")
def amazon_id(sandbox: AmazonSandbox) -> int:
    """A store and its Amazon account, added as a script would (secrets in CM_* variables),
    and one order, listing and return on each marketplace."""
    c = sandbox.credentials
    env = {"CM_COMMERCE_TOKEN": "t", "CM_WALMART_CLIENT_ID": "i",
           "CM_WALMART_CLIENT_SECRET": "s", "CM_AMAZON_CLIENT_ID": c.client_id,
           "CM_AMAZON_CLIENT_SECRET": c.client_secret,
           "CM_AMAZON_REFRESH_TOKEN": c.refresh_token}  # fmt: skip
    with pytest.MonkeyPatch.context() as patch:
        for key, value in env.items():
            patch.setenv(key, value)
        assert main(["store", "add", "--name", "Shop", "--commerce-url", "http://127.0.0.1:9",
                     "--walmart-url", "http://127.0.0.1:9"]) == 0  # fmt: skip
        assert main(["store", "account", "add", "--seller-id", c.seller_id, "--name", "Amazon US",
                     "--marketplace-id", US, "--api-url", sandbox.url,
                     "--lwa-url", sandbox.lwa_url]) == 0  # fmt: skip
    db = open_database()
    try:
        with db.session() as session:
            account = session.scalars(
                select(MarketplaceAccount).where(MarketplaceAccount.marketplace == AMAZON)
            ).one()
            account_id, store_id = account.id, account.store_id
            walmart_id = walmart_account_id(session, store_id)
        amazon_order = add_order(db, store_id, "111-0000001-0000001")
        add_order(db, store_id, "1001")
        move_to_amazon(db, Order, [amazon_order], account_id)
        move_to_amazon(db, Listing, [add_listing(db, store_id, 1)], account_id)
        add_listing(db, store_id, 2)
        with db.session() as session:
            session.add_all([
                Return(store_id=store_id, account_id=account_id, marketplace=AMAZON,
                       return_order_id="AMZ-R1", customer_order_id="111-0000001-0000001"),
                Return(store_id=store_id, account_id=walmart_id, return_order_id="W-R1",
                       customer_order_id="C1001"),
            ])  # fmt: skip
    finally:
        db.dispose()
    return account_id


def test_account_is_listed_with_its_marketplace_and_secrets_in_the_keyring(
    cli: Cli, amazon_id: int, memory_keyring: MemoryKeyring, sandbox: AmazonSandbox
) -> None:
    rows = cli.json("store", "account", "list")
    assert [(r["marketplace"], r["name"]) for r in rows] == [("walmart", "Walmart"),
                                                              ("amazon", "Amazon US")]  # fmt: skip
    assert rows[1]["marketplace_ids"] == [US] and rows[1]["id"] == amazon_id
    saved = {user: value for (_service, user), value in memory_keyring.secrets.items()}
    assert saved[f"account:{amazon_id}:lwa_refresh_token"] == sandbox.credentials.refresh_token
    assert sandbox.credentials.refresh_token not in cli.ok("store", "account", "list").out


def test_account_test_passes_then_names_a_bad_refresh_token(
    cli: Cli, amazon_id: int, memory_keyring: MemoryKeyring
) -> None:
    report = cli.json("store", "account", "test", "Amazon US")
    assert report == {"store": "Shop", "account": "Amazon US", "marketplace": "amazon",
                      "ok": True, "problems": []}  # fmt: skip
    key = ("channelmanager-gui", f"account:{amazon_id}:lwa_refresh_token")
    good, memory_keyring.secrets[key] = memory_keyring.secrets[key], "Atzr|wrong"
    try:
        failed = cli("store", "account", "test", "Amazon US", "--json")
    finally:
        memory_keyring.secrets[key] = good
    assert failed.code == 1
    (problem,) = failed.json()["problems"]
    assert "refresh token" in problem and "refresh token" in failed.err


@pytest.mark.parametrize("command", [("orders", "list"), ("listings", "list"),
                                     ("returns", "list")])  # fmt: skip
def test_list_commands_filter_by_marketplace(
    cli: Cli, amazon_id: int, command: tuple[str, str]
) -> None:
    every = cli.json(*command)
    amazon = cli.json(*command, "--marketplace", "amazon")
    walmart = cli.json(*command, "--marketplace", "Walmart")
    assert len(every) == 2 and {row["marketplace"] for row in every} == {"walmart", "amazon"}
    assert [row["marketplace"] for row in amazon] == ["amazon"]
    assert [row["marketplace"] for row in walmart] == ["walmart"]
    if command[0] == "orders":  # the old key stays next to the neutral one
        assert amazon[0]["purchase_order_id"] == amazon[0]["marketplace_order_id"]
    assert cli(*command, "--marketplace", "ebay").code == 2


def test_removing_the_account_forgets_its_rows_and_secrets(
    cli: Cli, amazon_id: int, memory_keyring: MemoryKeyring
) -> None:
    assert cli("store", "account", "remove", "Walmart").code == 1  # the store still needs it
    cli.ok("store", "account", "remove", "Amazon US")
    assert [r["marketplace"] for r in cli.json("orders", "list")] == ["walmart"]
    assert not any(f"account:{amazon_id}:" in user for _s, user in memory_keyring.secrets)
