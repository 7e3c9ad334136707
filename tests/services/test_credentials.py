"""Secrets round-trip through the keyring and never reach the database file."""

from __future__ import annotations

import keyring
import pytest
from keyring.backends.fail import Keyring as FailKeyring

from channelmanager_gui.errors import CredentialsError, ValidationError
from channelmanager_gui.models.db import open_database
from channelmanager_gui.services import stores
from channelmanager_gui.services.credentials import CredentialStore, keyring_problem
from tests.memory_keyring import MemoryKeyring

SECRETS = {
    "commerce_token": "ct-SECRET-commerce-4711",
    "walmart_client_id": "wid-SECRET-0815",
    "walmart_client_secret": "wsec-SECRET-9999",
}


def test_round_trip_and_delete(memory_keyring: MemoryKeyring) -> None:
    creds = CredentialStore()
    creds.set("store:1:commerce_token", "abc")
    assert creds.get("store:1:commerce_token") == "abc"
    assert memory_keyring.secrets == {("channelmanager-gui", "store:1:commerce_token"): "abc"}
    creds.delete("store:1:commerce_token")
    creds.delete("store:1:commerce_token")  # idempotent
    assert creds.get("store:1:commerce_token") is None
    with pytest.raises(CredentialsError, match="No secret is saved"):
        creds.require("store:1:commerce_token")


def test_store_secrets_go_to_keyring_not_database(memory_keyring: MemoryKeyring) -> None:
    db = open_database()
    try:
        store = stores.add_store(
            db,
            CredentialStore(),
            name="Main shop",
            commerce_url="https://shop.example.com",
            commerce_store_code="default",
            walmart_url="https://marketplace.walmartapis.com",
            secrets=SECRETS,
        )
        assert (
            CredentialStore().get(store.secret_key("walmart_client_secret"))
            == SECRETS["walmart_client_secret"]
        )
    finally:
        db.dispose()
    raw = b"".join(p.read_bytes() for p in db.path.parent.glob("channelmanager.sqlite3*"))
    assert b"Main shop" in raw  # the store itself is there...
    for secret in SECRETS.values():
        assert secret.encode() not in raw  # ...its secrets are not


def test_removing_a_store_deletes_its_secrets(memory_keyring: MemoryKeyring) -> None:
    db = open_database()
    try:
        stores.add_store(
            db,
            CredentialStore(),
            name="S",
            commerce_url="https://c.example",
            commerce_store_code="",
            walmart_url="https://w.example",
            secrets=SECRETS,
        )
        stores.remove_store(db, CredentialStore(), "S")
        assert stores.list_stores(db) == []
    finally:
        db.dispose()
    assert memory_keyring.secrets == {}


@pytest.mark.parametrize("url", ["http://shop.example.com", "ftp://x", "not a url"])
def test_plain_http_refused_except_loopback(url: str) -> None:
    with pytest.raises(ValidationError, match="commerce-url"):
        stores.check_url("commerce-url", url)
    assert stores.check_url("x", "http://127.0.0.1:8080/") == "http://127.0.0.1:8080"


def test_no_usable_keyring_is_reported_never_silently_replaced() -> None:
    keyring.set_keyring(FailKeyring())
    problem = keyring_problem()
    assert problem is not None and "How to fix it" in problem
    with pytest.raises(CredentialsError, match="system keyring"):
        CredentialStore().set("k", "v")


def test_plaintext_backends_count_as_unusable() -> None:
    class PlaintextKeyring(MemoryKeyring):
        pass

    keyring.set_keyring(PlaintextKeyring())
    assert keyring_problem() is not None
