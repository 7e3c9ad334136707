"""Amazon accounts through the one door: saved with their secrets in the keyring only, tested
against the Amazon sandbox with each failure in words, removed with their secrets."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import select, text

from channelmanager_gui.errors import ValidationError
from channelmanager_gui.models.account import MarketplaceAccount
from channelmanager_gui.models.db import Database
from channelmanager_gui.sandbox.amazon import AmazonSandbox
from channelmanager_gui.services import ops
from channelmanager_gui.services.ops.account_ops import AccountAnswer
from tests.memory_keyring import MemoryKeyring
from tests.models.order_seed import add_store

US, MX = "ATVPDKIKX0DER", "A1AM78C64UM0Y8"


@pytest.fixture(scope="module")
def sandbox() -> Iterator[AmazonSandbox]:
    with AmazonSandbox(seed=7, products=20, orders=0) as running:
        yield running


def answer_for(sandbox: AmazonSandbox, **secrets: str) -> AccountAnswer:
    c = sandbox.credentials
    saved = {"lwa_client_id": c.client_id, "lwa_client_secret": c.client_secret,
             "lwa_refresh_token": c.refresh_token}  # fmt: skip
    return AccountAnswer(name="Amazon US", seller_id=c.seller_id, marketplace_ids=[US],
                         api_url=sandbox.url, auth_url=sandbox.lwa_url,
                         secrets={**saved, **secrets})  # fmt: skip


def test_saved_account_keeps_its_secrets_in_the_keyring_only(
    db: Database, memory_keyring: MemoryKeyring, sandbox: AmazonSandbox
) -> None:
    store = add_store(db)
    answer = answer_for(sandbox)
    account_id = ops.accounts.save(db, ops.CredentialStore(), answer, store_id=store).id
    assert account_id is not None
    names = {user for _service, user in memory_keyring.secrets}
    assert names >= {f"account:{account_id}:{key}" for key in answer.secrets}
    with db.session() as session:
        account = session.get_one(MarketplaceAccount, account_id)
        assert (account.marketplace, account.marketplace_ids) == ("amazon", [US])
        dump = "\n".join(
            str(row) for row in session.execute(text("SELECT * FROM marketplace_accounts"))
        )
    assert not any(secret in dump for secret in answer.secrets.values())
    # An edit with empty secrets keeps the saved ones.
    edited = ops.accounts.load_answer(db, account_id)
    assert edited.secrets == {} and edited.seller_id == answer.seller_id
    edited.marketplace_ids = [US, MX]
    ops.accounts.save(db, ops.CredentialStore(), edited, store_id=store, account_id=account_id)
    assert ops.accounts.saved_secrets(ops.CredentialStore(), account_id) == answer.secrets
    ops.accounts.remove(db, ops.CredentialStore(), account_id)
    assert not any(user.startswith(f"account:{account_id}:") for _s, user in memory_keyring.secrets)
    with db.session() as session:
        assert (
            session.scalar(select(MarketplaceAccount.id).where(MarketplaceAccount.id == account_id))
            is None
        )


def test_problems_block_save_in_words(db: Database, sandbox: AmazonSandbox) -> None:
    answer = answer_for(sandbox, lwa_refresh_token="")
    assert ops.accounts.problem(answer, editing=False) == "The refresh token is required."
    answer.marketplace_ids = ["A1F83G8C2ARO7P"]  # the UK: another region's endpoint
    assert "not a supported marketplace" in (ops.accounts.problem(answer, editing=True) or "")
    with pytest.raises(ValidationError):
        ops.accounts.save(db, ops.CredentialStore(), answer, store_id=add_store(db))


async def test_connection_works_and_names_a_bad_refresh_token(sandbox: AmazonSandbox) -> None:
    assert await ops.accounts.test(answer_for(sandbox)) == []
    (problem,) = await ops.accounts.test(answer_for(sandbox, lwa_refresh_token="Atzr|wrong"))
    assert "refresh token" in problem


async def test_connection_names_a_marketplace_the_account_does_not_sell_in(
    sandbox: AmazonSandbox,
) -> None:
    answer = answer_for(sandbox)
    answer.marketplace_ids = [US, MX]
    assert await ops.accounts.test(answer) == [
        "This seller account is not registered in Amazon.com.mx."
    ]


async def test_connection_without_secrets_says_which(sandbox: AmazonSandbox) -> None:
    answer = answer_for(sandbox, lwa_client_secret="", lwa_refresh_token="")
    assert await ops.accounts.test(answer) == ["Enter the LWA client secret, refresh token."]


def test_the_walmart_account_cannot_be_removed(db: Database) -> None:
    store = add_store(db)
    (walmart,) = ops.accounts.list_accounts(db, store)
    with pytest.raises(ValidationError, match="Walmart account"):
        ops.accounts.remove(db, ops.CredentialStore(), walmart.id)
