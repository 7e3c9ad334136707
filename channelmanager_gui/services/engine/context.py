"""Per-store context the loops and handlers work with: settings and open API clients."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Protocol

from channelmanager_gui.models.account import MarketplaceAccount
from channelmanager_gui.models.base import utcnow
from channelmanager_gui.models.db import Database
from channelmanager_gui.models.store import Store
from channelmanager_gui.services.changes import ChangeBus
from channelmanager_gui.services.commerce.client import CommerceClient
from channelmanager_gui.services.credentials import CredentialsError, CredentialStore
from channelmanager_gui.services.engine.settings import StoreSettings
from channelmanager_gui.services.outbox import NotReady
from channelmanager_gui.services.walmart.client import WalmartClient


class SecretSource(Protocol):
    """Where a store's secrets come from: the keyring, or memory for the demo store."""

    def secret(self, store: Store, name: str) -> str: ...


class KeyringSecrets:
    def __init__(self, creds: CredentialStore | None = None) -> None:
        self.creds = creds or CredentialStore()

    def secret(self, store: Store, name: str) -> str:
        return self.creds.require(store.secret_key(name))


class MemorySecrets:
    """Demo mode: the sandbox's throwaway credentials, never written anywhere."""

    def __init__(self, by_store: dict[int, dict[str, str]] | None = None) -> None:
        self.by_store = by_store or {}

    def secret(self, store: Store, name: str) -> str:
        value = self.by_store.get(store.id, {}).get(name)
        if not value:
            raise CredentialsError(f"No {name} is known for the demo store {store.name}.")
        return value


class StoreNotConnected(NotReady):
    """The store's clients could not be built (e.g. a secret is missing from the keyring).

    Its actions wait in the outbox instead of failing: nothing is wrong with them, and they
    go out once the store is connected again.
    """


@dataclass(frozen=True)
class AccountContext:
    """One marketplace account of an open store: its row (a detached snapshot, read-only)."""

    account: MarketplaceAccount

    @property
    def id(self) -> int:
        return self.account.id

    @property
    def marketplace(self) -> str:
        return self.account.marketplace


@dataclass
class StoreContext:
    """One store: its row (detached snapshot), settings and API clients.

    ``walmart`` talks to the store's Walmart account (the flows not yet written against the
    marketplace port use it); ``accounts`` holds every enabled account, by id.
    """

    store: Store
    settings: StoreSettings
    walmart: WalmartClient
    commerce: CommerceClient
    accounts: dict[int, AccountContext] = field(default_factory=dict)

    @property
    def id(self) -> int:
        return self.store.id

    async def aclose(self) -> None:
        await self.walmart.aclose()
        await self.commerce.aclose()


def open_store(store: Store, secrets: SecretSource) -> StoreContext:
    """Build the clients for ``store`` (a detached snapshot with its accounts loaded);
    secrets are read now and kept only in memory."""
    walmart = store.walmart_account()
    if walmart is None:
        raise StoreNotConnected(f"Store {store.name} has no Walmart account.")
    return StoreContext(
        store=store,
        settings=StoreSettings.from_json(store.settings),
        accounts={a.id: AccountContext(a) for a in store.accounts if a.enabled},
        walmart=WalmartClient(
            walmart.api_url,
            secrets.secret(store, "walmart_client_id"),
            secrets.secret(store, "walmart_client_secret"),
        ),
        commerce=CommerceClient(
            store.commerce_url,
            secrets.secret(store, "commerce_token"),
            store_code=store.commerce_store_code or None,
        ),
    )


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
