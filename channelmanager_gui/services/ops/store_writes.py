"""Store operations: what the store dialog asks, checked and saved; removing a store.

Secrets go to the keyring and nowhere else; the database row keeps addresses, the store code
and the sync settings. When a store is edited, an empty secret field means "keep the saved
one", so secrets are never read back into the form.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select

from channelmanager_gui.errors import FIELD_PROBLEM, ChannelError, ValidationError
from channelmanager_gui.models.db import Database
from channelmanager_gui.models.store import Store
from channelmanager_gui.services import stores
from channelmanager_gui.services.changes import Change, Changes
from channelmanager_gui.services.commerce.client import CommerceClient
from channelmanager_gui.services.credentials import CredentialStore
from channelmanager_gui.services.engine.context import open_store
from channelmanager_gui.services.engine.settings import StoreSettings
from channelmanager_gui.services.http import ConnectionReport, report_for
from channelmanager_gui.services.secret_sources import SecretSource
from channelmanager_gui.services.walmart.client import WalmartClient
from channelmanager_gui.text_marks import N_, T_, marked

WALMART_URL = "https://marketplace.walmartapis.com"
_URL_LABELS = (N_("Labels", "Commerce URL"), N_("Labels", "Walmart URL"))
_REQUIRED = T_("CoreText", "{label} is required.")
SECRET_LABELS = {
    "commerce_token": N_("Labels", "Commerce access token"),
    "walmart_client_id": N_("Labels", "Walmart Client ID"),
    "walmart_client_secret": N_("Labels", "Walmart Client Secret"),
}


@dataclass
class StoreAnswer:
    """The form's values; secrets empty on edit mean "unchanged"."""

    name: str = ""
    commerce_url: str = ""
    store_code: str = "default"
    walmart_url: str = WALMART_URL
    secrets: dict[str, str] = field(default_factory=dict)
    settings: StoreSettings = field(default_factory=StoreSettings)


def problem(answer: StoreAnswer, *, editing: bool) -> str | None:
    """The first thing that blocks Save, in the merchant's words; None when it can be saved."""
    if not answer.name.strip():
        return N_("CoreText", "Give the store a name.")
    for label, url in zip(_URL_LABELS, (answer.commerce_url, answer.walmart_url), strict=True):
        try:
            stores.check_url(label, url)
        except ValidationError as exc:
            return FIELD_PROBLEM.format(field=marked("Labels", label), problem=exc.reason)
    if not editing:
        for key, label in SECRET_LABELS.items():
            if not answer.secrets.get(key, "").strip():
                return _REQUIRED.format(label=marked("Labels", label))
    if not answer.settings.identifier_attributes:
        return N_(
            "CoreText",
            "Map at least one Commerce attribute to an identifier (UPC, EAN, ISBN or GTIN).",
        )
    try:
        answer.settings.validate()
    except ValidationError as exc:
        return exc.message[:1].upper() + exc.message[1:] + "."
    return None


def load_answer(db: Database, store_id: int) -> StoreAnswer:
    """A saved store as a form, secrets left empty."""
    with db.session() as session:
        store = session.get_one(Store, store_id)
        return StoreAnswer(
            name=store.name,
            commerce_url=store.commerce_url,
            store_code=store.commerce_store_code,
            walmart_url=store.walmart_url,
            settings=StoreSettings.from_json(store.settings),
        )


def save(
    db: Database, creds: CredentialStore, answer: StoreAnswer, store_id: int | None
) -> Changes:
    """Add or update the store (its id is the changes' ``id``). Raises ValidationError like
    the CLI does."""
    reason = problem(answer, editing=store_id is not None)
    if reason:
        raise ValidationError("store", reason)
    secrets = {k: v.strip() for k, v in answer.secrets.items() if v.strip()}
    if store_id is None:
        store = stores.add_store(
            db,
            creds,
            name=answer.name,
            commerce_url=answer.commerce_url,
            commerce_store_code=answer.store_code,
            walmart_url=answer.walmart_url,
            secrets=secrets,
        )
        store_id = store.id
    with db.session() as session:
        row = session.get_one(Store, store_id)
        clash = session.scalar(
            select(Store.id).where(Store.name == answer.name.strip(), Store.id != store_id)
        )
        if clash is not None:
            taken = stores.NAME_TAKEN.format(name=repr(answer.name.strip()))
            raise ValidationError("name", taken)
        row.name = answer.name.strip()
        row.commerce_url = stores.check_url("commerce-url", answer.commerce_url)
        row.commerce_store_code = answer.store_code.strip() or "default"
        row.walmart_url = stores.check_url("walmart-url", answer.walmart_url)
        row.settings = answer.settings.to_json()
        for key, value in secrets.items():
            creds.set(row.secret_key(key), value)
    return Changes.of(Change.STORES, id=store_id)


def add(db: Database, creds: CredentialStore, **fields: Any) -> Changes:
    """``store add`` of the command line (``stores.add_store``'s fields); the new store's id
    is the changes' ``id``."""
    return Changes.of(Change.STORES, id=stores.add_store(db, creds, **fields).id)


def remove(db: Database, creds: CredentialStore, store_id: int) -> Changes:
    """Forget the store, its orders, listings and queue, and its secrets in the keyring.
    Nothing changes in Commerce or on Walmart."""
    with db.session() as session:
        name = session.get_one(Store, store_id).name
    stores.remove_store(db, creds, name)
    return Changes.of(*Change)


def remove_named(db: Database, creds: CredentialStore, name: str) -> Changes:
    return remove(db, creds, stores.get_store(db, name).id)


async def check_saved(
    store: Store, secrets: SecretSource
) -> tuple[ConnectionReport, ConnectionReport]:
    """A saved store's clients' own ``test_connection`` verdicts, asked at the same time:
    (Commerce, Walmart)."""
    ctx = open_store(store, secrets)
    try:
        return await asyncio.gather(ctx.commerce.test_connection(), ctx.walmart.test_connection())
    finally:
        await ctx.aclose()


def saved_secrets(creds: CredentialStore, store_id: int | None) -> dict[str, str]:
    """The keyring's secrets of a store (for Test connection on an edit with blank fields)."""
    if store_id is None:
        return {}
    found = {}
    for key in SECRET_LABELS:
        value = creds.get(Store(id=store_id).secret_key(key))
        if value:
            found[key] = value
    return found


async def check_connections(
    answer: StoreAnswer, fallback: dict[str, str]
) -> tuple[ConnectionReport, ConnectionReport]:
    """Both clients' verdicts, asked at the same time: (Commerce, Walmart)."""
    secrets = {**fallback, **{k: v.strip() for k, v in answer.secrets.items() if v.strip()}}
    return await asyncio.gather(
        _commerce(answer, secrets.get("commerce_token", "")),
        _walmart(
            answer,
            secrets.get("walmart_client_id", ""),
            secrets.get("walmart_client_secret", ""),
        ),
    )


async def _commerce(answer: StoreAnswer, token: str) -> ConnectionReport:
    if not token:
        return ConnectionReport(False, "bad_credentials", "Enter the Commerce access token.")
    try:
        url = stores.check_url("Commerce URL", answer.commerce_url)
        async with CommerceClient(url, token, store_code=answer.store_code or None) as client:
            return await client.test_connection()
    except (ChannelError, OSError) as exc:
        return report_for(exc, "Commerce")


async def _walmart(answer: StoreAnswer, client_id: str, secret: str) -> ConnectionReport:
    if not client_id or not secret:
        return ConnectionReport(
            False, "bad_credentials", "Enter the Walmart Client ID and Client Secret."
        )
    try:
        url = stores.check_url("Walmart URL", answer.walmart_url)
        async with WalmartClient(url, client_id, secret) as client:
            return await client.test_connection()
    except (ChannelError, OSError) as exc:
        return report_for(exc, "Walmart")
