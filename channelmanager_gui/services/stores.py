"""Stores: add, list and remove, with their secrets in the keyring and nowhere else."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from channelmanager_gui.errors import ValidationError
from channelmanager_gui.models.db import Database
from channelmanager_gui.models.store import Store
from channelmanager_gui.services.credentials import CredentialStore
from channelmanager_gui.services.engine.settings import StoreSettings
from channelmanager_gui.services.http.transport import check_base_url
from channelmanager_gui.text_marks import T_

SECRET_NAMES = ("commerce_token", "walmart_client_id", "walmart_client_secret")
NAME_TAKEN = T_("CoreText", "a store named {name} already exists")


def check_url(field: str, url: str) -> str:
    """A clean base URL; plain http only for loopback (the sandboxes), https otherwise."""
    return check_base_url(url, field=field)


def add_store(
    db: Database,
    creds: CredentialStore,
    *,
    name: str,
    commerce_url: str,
    commerce_store_code: str,
    walmart_url: str,
    secrets: dict[str, str],
    is_demo: bool = False,
    settings: dict[str, Any] | None = None,
) -> Store:
    """Validate everything first, then save the row and the secrets; ``settings`` are the
    store's ``StoreSettings`` values (defaults for what is left out)."""
    name = name.strip()
    if not name:
        raise ValidationError("name", "a store needs a name")
    commerce_url = check_url("commerce-url", commerce_url)
    walmart_url = check_url("walmart-url", walmart_url)
    for key in SECRET_NAMES:
        if not secrets.get(key):
            raise ValidationError(key, "is required")
    StoreSettings.from_json(settings)  # raises ValidationError for a bad value
    with db.session() as session:
        if session.scalar(select(Store).where(Store.name == name)):
            raise ValidationError("name", NAME_TAKEN.format(name=repr(name)))
        store = Store(
            name=name,
            commerce_url=commerce_url,
            commerce_store_code=commerce_store_code.strip() or "default",
            walmart_url=walmart_url,
            settings=dict(settings or {}),
            is_demo=is_demo,
        )
        session.add(store)
        session.flush()
        for key in SECRET_NAMES:
            creds.set(store.secret_key(key), secrets[key])
    return store


def list_stores(db: Database) -> list[Store]:
    with db.session() as session:
        return list(session.scalars(select(Store).order_by(Store.id)))


def get_store(db: Database, name: str) -> Store:
    with db.session() as session:
        store = session.scalar(select(Store).where(Store.name == name))
    if store is None:
        raise ValidationError("store", f"no store named {name!r}")
    return store


def remove_store(db: Database, creds: CredentialStore, name: str) -> None:
    store = get_store(db, name)
    with db.session() as session:
        session.delete(session.get(Store, store.id))
    for key in SECRET_NAMES:
        creds.delete(store.secret_key(key))


def describe(store: Store) -> dict[str, Any]:
    """Public facts about a store (never its secrets), for lists and JSON output."""
    return {
        "id": store.id,
        "name": store.name,
        "commerce_url": store.commerce_url,
        "commerce_store_code": store.commerce_store_code,
        "walmart_url": store.walmart_url,
        "is_demo": store.is_demo,
        "accounts": [
            {"id": a.id, "marketplace": a.marketplace, "name": a.name, "api_url": a.api_url}
            for a in store.accounts
        ],
    }
