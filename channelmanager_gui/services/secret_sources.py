"""Where the engine's secrets come from: the OS keyring, or memory (the demo and tests).

Its own module, apart from ``engine.context``, so the window can name a source without
importing every API client and marketplace adapter at start (cold start, issue 19)."""

from __future__ import annotations

from typing import Protocol

from channelmanager_gui.models.account import WALMART, MarketplaceAccount
from channelmanager_gui.models.store import Store
from channelmanager_gui.services.credentials import CredentialsError, CredentialStore


class SecretSource(Protocol):
    """Where secrets come from: the keyring, or memory for the demo store.

    ``secret`` reads a store's own (the Commerce token; a Walmart account's names are the
    store's, see ``MarketplaceAccount.secret_key``); ``account_secret`` one account's."""

    def secret(self, store: Store, name: str) -> str: ...

    def account_secret(self, account: MarketplaceAccount, name: str) -> str: ...


class KeyringSecrets:
    def __init__(self, creds: CredentialStore | None = None) -> None:
        self.creds = creds or CredentialStore()

    def secret(self, store: Store, name: str) -> str:
        return self.creds.require(store.secret_key(name))

    def account_secret(self, account: MarketplaceAccount, name: str) -> str:
        return self.creds.require(account.secret_key(name))


class MemorySecrets:
    """Demo mode and tests: the sandboxes' throwaway credentials, never written anywhere.

    ``by_account`` holds an account's own secrets (Amazon's LWA ones); a Walmart account
    without its own entry reads the store's (where its secrets live in the keyring too)."""

    def __init__(
        self,
        by_store: dict[int, dict[str, str]] | None = None,
        by_account: dict[int, dict[str, str]] | None = None,
    ) -> None:
        self.by_store = by_store or {}
        self.by_account = by_account or {}

    def secret(self, store: Store, name: str) -> str:
        value = self.by_store.get(store.id, {}).get(name)
        if not value:
            raise CredentialsError(f"No {name} is known for the demo store {store.name}.")
        return value

    def account_secret(self, account: MarketplaceAccount, name: str) -> str:
        value = self.by_account.get(account.id, {}).get(name)
        if not value and account.marketplace == WALMART:
            value = self.by_store.get(account.store_id, {}).get(name)
        if not value:
            raise CredentialsError(f"No {name} is known for the account {account.name}.")
        return value
