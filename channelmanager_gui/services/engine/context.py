"""Per-store context the loops and handlers work with: settings and open API clients."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from channelmanager_gui.models.account import MarketplaceAccount
from channelmanager_gui.models.base import utcnow
from channelmanager_gui.models.db import Database
from channelmanager_gui.models.store import Store
from channelmanager_gui.services.changes import ChangeBus
from channelmanager_gui.services.commerce.client import CommerceClient
from channelmanager_gui.services.credentials import CredentialsError
from channelmanager_gui.services.engine.settings import StoreSettings
from channelmanager_gui.services.marketplace import (
    AccountSpec,
    Marketplace,
    MarketplacePort,
    open_adapter,
)
from channelmanager_gui.services.marketplace.walmart_adapter import WalmartAdapter
from channelmanager_gui.services.outbox import NotReady
from channelmanager_gui.services.secret_sources import KeyringSecrets as KeyringSecrets
from channelmanager_gui.services.secret_sources import MemorySecrets as MemorySecrets
from channelmanager_gui.services.secret_sources import SecretSource as SecretSource
from channelmanager_gui.services.walmart.client import WalmartClient

# Client options per client ("commerce", "walmart", "amazon"): retry, spacing, clock … as the
# tests and the harness set them (production uses the clients' defaults).
ClientOptions = Mapping[str, Mapping[str, Any]]


class StoreNotConnected(NotReady):
    """The store's clients could not be built (e.g. a secret is missing from the keyring).

    Its actions wait in the outbox instead of failing: nothing is wrong with them, and they
    go out once the store is connected again.
    """


@dataclass(frozen=True)
class AccountContext:
    """One marketplace account of an open store: its row (a detached snapshot, read-only)
    and its adapter (the marketplace port, open for the engine's lifetime)."""

    account: MarketplaceAccount
    adapter: MarketplacePort

    @property
    def id(self) -> int:
        return self.account.id

    @property
    def marketplace(self) -> str:
        return self.account.marketplace

    @property
    def name(self) -> str:
        return self.account.name


@dataclass
class StoreContext:
    """One store: its row (detached snapshot), settings and API clients.

    ``accounts`` holds every enabled account that opened, by id; ``account_errors`` the ones
    that did not (id → why, in words), so one broken account never stops the others.
    ``walmart`` is the client of the store's Walmart account, for the Walmart flows not yet
    written against the port: a store without one (Amazon only) raises ``StoreNotConnected``
    there, and the Walmart-only loops are not run for it (``has_walmart``).
    """

    store: Store
    settings: StoreSettings
    commerce: CommerceClient
    accounts: dict[int, AccountContext] = field(default_factory=dict)
    account_errors: dict[int, str] = field(default_factory=dict)
    walmart_client: WalmartClient | None = None

    @property
    def id(self) -> int:
        return self.store.id

    @property
    def has_walmart(self) -> bool:
        return self.walmart_client is not None

    @property
    def walmart(self) -> WalmartClient:
        if self.walmart_client is None:
            raise StoreNotConnected(f"Store {self.store.name} has no connected Walmart account.")
        return self.walmart_client

    def account(self, account_id: int | None) -> AccountContext:
        """The open account ``account_id``; its actions wait (``StoreNotConnected``) while it
        is not open."""
        found = self.accounts.get(account_id) if account_id is not None else None
        if found is None:
            reason = self.account_errors.get(account_id or 0, "it is not open in this sync")
            raise StoreNotConnected(
                f"Account #{account_id} of store {self.store.name} is not connected: {reason}"
            )
        return found

    async def aclose(self) -> None:
        for account in self.accounts.values():
            await account.adapter.aclose()
        await self.commerce.aclose()


def account_spec(account: MarketplaceAccount) -> AccountSpec:
    return AccountSpec(
        Marketplace(account.marketplace),
        account.api_url,
        account_id=account.id,
        auth_url=account.auth_url,
        seller_id=account.seller_id,
        marketplace_ids=tuple(account.marketplace_ids or ()),
    )


def open_account(
    account: MarketplaceAccount, secrets: SecretSource, options: ClientOptions | None = None
) -> AccountContext:
    """The adapter of one account; secrets are read now and kept only in memory."""

    def secret(name: str) -> str | None:
        try:
            return secrets.account_secret(account, name)
        except CredentialsError:
            return None  # open_adapter names every missing secret at once

    extra = dict((options or {}).get(account.marketplace, {}))
    return AccountContext(account, open_adapter(account_spec(account), secret, **extra))


def open_store(
    store: Store, secrets: SecretSource, options: ClientOptions | None = None
) -> StoreContext:
    """Build the clients for ``store`` (a detached snapshot with its accounts loaded).

    Commerce failing to open fails the store, and so does no account opening; an account
    failing is kept in ``account_errors`` and the others open."""
    ctx = StoreContext(
        store=store,
        settings=StoreSettings.from_json(store.settings),
        commerce=CommerceClient(
            store.commerce_url,
            secrets.secret(store, "commerce_token"),
            store_code=store.commerce_store_code or None,
            **dict((options or {}).get("commerce", {})),
        ),
    )
    for account in store.accounts:
        if not account.enabled:
            continue
        try:
            opened = open_account(account, secrets, options)
        except Exception as exc:  # a missing secret, a bad URL …: named, the others go on
            ctx.account_errors[account.id] = (str(exc) or type(exc).__name__).rstrip(".")
            continue
        ctx.accounts[account.id] = opened
        if isinstance(opened.adapter, WalmartAdapter) and ctx.walmart_client is None:
            ctx.walmart_client = opened.adapter.client
    if not ctx.accounts:  # nothing to sync: the store is not connected, as before accounts
        why = "; ".join(ctx.account_errors.values()) or "it has no enabled marketplace account"
        raise StoreNotConnected(why)
    return ctx


@dataclass
class EngineEnv:
    """What every loop and handler shares."""

    db: Database
    changes: ChangeBus
    stores: dict[int, StoreContext] = field(default_factory=dict)
    clock: Callable[[], datetime] = utcnow
    # Stores that could not be opened → why, in words the merchant can act on.
    not_connected: dict[int, str] = field(default_factory=dict)

    def store(self, store_id: int) -> StoreContext:
        try:
            return self.stores[store_id]
        except KeyError:
            reason = self.not_connected.get(store_id, "it is not open in this sync")
            raise StoreNotConnected(f"Store #{store_id} is not connected: {reason}") from None
