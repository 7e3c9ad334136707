"""Marketplace accounts of a store: add, edit, remove and test an Amazon seller account.

The store dialog's "Amazon account" section and ``store account ...`` of the command line both
come through here. Secrets (LWA client id, client secret, refresh token) go to the keyring under
``MarketplaceAccount.secret_key`` and nowhere else; on an edit an empty secret means "keep the
saved one", so secrets are never read back into a form. "Test connection" asks the account's
adapter (``services/marketplace``), which names each failure in words: the token exchange,
then the participation in each chosen marketplace (reference §1.2, §8.1).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import select

from channelmanager_gui.errors import ChannelError, ValidationError
from channelmanager_gui.models.account import AMAZON, WALMART, MarketplaceAccount
from channelmanager_gui.models.db import Database
from channelmanager_gui.models.store import Store
from channelmanager_gui.services.amazon import marketplaces
from channelmanager_gui.services.changes import Change, Changes
from channelmanager_gui.services.credentials import CredentialStore
from channelmanager_gui.services.http import check_base_url
from channelmanager_gui.services.marketplace import AccountSpec, Marketplace, open_adapter
from channelmanager_gui.services.marketplace.factory import AMAZON_SECRETS
from channelmanager_gui.text_marks import N_, T_

_NAME_TAKEN = T_("CoreText", "the store has an account named {name}")
_UNREACHABLE = T_("CoreText", "Amazon could not be reached: {error}")
SECRET_LABELS = {
    "lwa_client_id": "LWA client ID",
    "lwa_client_secret": "LWA client secret",
    "lwa_refresh_token": "refresh token",
}
# What Save waits for, marked for the window to translate (``views/i18n.py`` ``core``).
_REQUIRED = {
    "lwa_client_id": N_("CoreText", "The LWA client ID is required."),
    "lwa_client_secret": N_("CoreText", "The LWA client secret is required."),
    "lwa_refresh_token": N_("CoreText", "The refresh token is required."),
}


@dataclass
class AccountAnswer:
    """An Amazon account as the form (or the command line) gives it; secrets empty on edit
    mean "unchanged"."""

    name: str = "Amazon"
    seller_id: str = ""
    marketplace_ids: list[str] = field(default_factory=lambda: [marketplaces.US.marketplace_id])
    api_url: str = marketplaces.PRODUCTION_URL
    auth_url: str = marketplaces.LWA_TOKEN_URL
    secrets: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class AccountInfo:
    """One saved account, as lists show it (no secrets)."""

    id: int
    store_id: int
    store: str
    marketplace: str
    name: str
    seller_id: str | None
    marketplace_ids: tuple[str, ...]
    api_url: str
    auth_url: str | None
    enabled: bool


def problem(answer: AccountAnswer, *, editing: bool) -> str | None:
    """The first thing that blocks Save, in the merchant's words; None when it can be saved."""
    if not answer.name.strip():
        return N_("CoreText", "Give the account a name.")
    if not answer.seller_id.strip():
        return N_(
            "CoreText",
            "Enter the seller ID (Seller Central: Settings, Account Info, Merchant Token).",
        )
    try:
        marketplaces.marketplace_ids(answer.marketplace_ids)
        check_base_url(answer.api_url, field="SP-API URL")
        check_base_url(answer.auth_url, field="LWA token URL")
    except ValidationError as exc:
        return exc.message[:1].upper() + exc.message[1:] + "."
    if not editing:
        for key, required in _REQUIRED.items():
            if not answer.secrets.get(key, "").strip():
                return required
    return None


def list_accounts(db: Database, store_id: int | None = None) -> list[AccountInfo]:
    """Every account (of one store), the store's oldest first."""
    query = select(MarketplaceAccount, Store.name).join(Store)
    if store_id is not None:
        query = query.where(MarketplaceAccount.store_id == store_id)
    with db.session() as session:
        rows = session.execute(query.order_by(Store.name, MarketplaceAccount.id)).all()
        return [_info(account, store) for account, store in rows]


def load_answer(db: Database, account_id: int) -> AccountAnswer:
    """A saved Amazon account as a form, secrets left empty."""
    with db.session() as session:
        account = _amazon(session.get(MarketplaceAccount, account_id), account_id)
        return AccountAnswer(
            name=account.name,
            seller_id=account.seller_id or "",
            marketplace_ids=list(account.marketplace_ids or []),
            api_url=account.api_url,
            auth_url=account.auth_url or marketplaces.LWA_TOKEN_URL,
        )


def save(
    db: Database,
    creds: CredentialStore,
    answer: AccountAnswer,
    *,
    store_id: int,
    account_id: int | None = None,
) -> Changes:
    """Add (``account_id`` None) or update an Amazon account of the store; the account's id
    is the changes' ``id``. Raises ``ValidationError`` with the form's words."""
    reason = problem(answer, editing=account_id is not None)
    if reason:
        raise ValidationError("account", reason)
    secrets = {k: v.strip() for k, v in answer.secrets.items() if k in SECRET_LABELS and v.strip()}
    with db.session() as session:
        if session.get(Store, store_id) is None:
            raise ValidationError("store", f"store #{store_id} does not exist")
        clash = session.scalar(
            select(MarketplaceAccount.id).where(
                MarketplaceAccount.store_id == store_id,
                MarketplaceAccount.name == answer.name.strip(),
                MarketplaceAccount.id != (account_id or 0),
            )
        )
        if clash is not None:
            taken = _NAME_TAKEN.format(name=repr(answer.name.strip()))
            raise ValidationError("name", taken)
        if account_id is None:
            account = MarketplaceAccount(store_id=store_id, marketplace=AMAZON)
            session.add(account)
        else:
            account = _amazon(session.get(MarketplaceAccount, account_id), account_id)
        _apply(account, answer)
        session.flush()
        for key, value in secrets.items():
            creds.set(account.secret_key(key), value)
        saved_id = account.id
    return Changes.of(Change.STORES, id=saved_id)


def remove(db: Database, creds: CredentialStore, account_id: int) -> Changes:
    """Forget an Amazon account, its orders, listings and returns here, and its secrets in
    the keyring; nothing changes on Amazon. The store's Walmart account stays: the store's
    flows still need it (``open_store``)."""
    with db.session() as session:
        account = session.get(MarketplaceAccount, account_id)
        if account is not None and account.marketplace == WALMART:
            raise ValidationError("account", "the store's Walmart account cannot be removed")
        account = _amazon(account, account_id)
        keys = [account.secret_key(name) for name in SECRET_LABELS]
        session.delete(account)
    for key in keys:
        creds.delete(key)
    return Changes.of(*Change)


def find_account(db: Database, store_id: int, name: str) -> int:
    """The id of the store's account named ``name`` (any case), or a ``ValidationError``."""
    with db.session() as session:
        rows = session.execute(
            select(MarketplaceAccount.id, MarketplaceAccount.name).where(
                MarketplaceAccount.store_id == store_id
            )
        ).all()
    for account_id, account_name in rows:
        if account_name.casefold() == name.strip().casefold():
            return int(account_id)
    known = ", ".join(repr(n) for _, n in rows) or "none"
    raise ValidationError("account", f"the store has no account named {name!r} (it has {known})")


def saved_secrets(creds: CredentialStore, account_id: int | None) -> dict[str, str]:
    """The keyring's secrets of a saved Amazon account (Test connection on an edit with blank
    fields)."""
    if account_id is None:
        return {}
    probe = MarketplaceAccount(id=account_id, marketplace=AMAZON)
    found = {key: creds.get(probe.secret_key(key)) for key in AMAZON_SECRETS}
    return {key: value for key, value in found.items() if value}


async def test(answer: AccountAnswer, fallback: dict[str, str] | None = None) -> list[str]:
    """What stops the account from working, one sentence each ([] when it works): the
    token exchange, then each chosen marketplace's participation (the adapter's words)."""
    secrets = {**(fallback or {}), **{k: v.strip() for k, v in answer.secrets.items() if v}}
    missing = [label for key, label in SECRET_LABELS.items() if not secrets.get(key)]
    if missing:
        return [f"Enter the {', '.join(missing)}."]
    try:
        spec = AccountSpec(
            Marketplace.AMAZON,
            check_base_url(answer.api_url, field="SP-API URL"),
            auth_url=check_base_url(answer.auth_url, field="LWA token URL"),
            seller_id=answer.seller_id.strip(),
            marketplace_ids=tuple(marketplaces.marketplace_ids(answer.marketplace_ids)),
        )
        adapter = open_adapter(spec, secrets.get)
    except ChannelError as exc:
        return [exc.message]
    try:
        return await adapter.test_connection()
    except (ChannelError, OSError) as exc:
        return [getattr(exc, "message", None) or _UNREACHABLE.format(error=exc)]
    finally:
        await adapter.aclose()


async def test_saved(db: Database, creds: CredentialStore, account_id: int) -> list[str]:
    """``test`` for a saved account with its keyring secrets."""
    return await test(load_answer(db, account_id), saved_secrets(creds, account_id))


def _apply(account: MarketplaceAccount, answer: AccountAnswer) -> None:
    account.name = answer.name.strip()
    account.seller_id = answer.seller_id.strip()
    account.marketplace_ids = marketplaces.marketplace_ids(answer.marketplace_ids)
    account.api_url = check_base_url(answer.api_url, field="SP-API URL")
    account.auth_url = check_base_url(answer.auth_url, field="LWA token URL")


def _amazon(account: MarketplaceAccount | None, account_id: int) -> MarketplaceAccount:
    if account is None or account.marketplace != AMAZON:
        raise ValidationError("account", f"Amazon account #{account_id} does not exist")
    return account


def _info(account: MarketplaceAccount, store: str) -> AccountInfo:
    return AccountInfo(
        id=account.id,
        store_id=account.store_id,
        store=store,
        marketplace=account.marketplace,
        name=account.name,
        seller_id=account.seller_id,
        marketplace_ids=tuple(account.marketplace_ids or ()),
        api_url=account.api_url,
        auth_url=account.auth_url,
        enabled=account.enabled,
    )
