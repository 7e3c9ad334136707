"""Opening the adapter of one marketplace account.

``AccountSpec`` is what an account row says (no secrets); ``secret(name)`` reads one secret of
that account from wherever the caller keeps them (the keyring, ``MarketplaceAccount.secret_key``
names them). Names: Walmart ``walmart_client_id``, ``walmart_client_secret``; Amazon
``lwa_client_id``, ``lwa_client_secret``, ``lwa_refresh_token``. A missing secret is a
``CredentialsError`` naming it, before anything is sent.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from channelmanager_gui.errors import CredentialsError
from channelmanager_gui.services.amazon import AmazonClient, LwaCredentials
from channelmanager_gui.services.amazon.marketplaces import LWA_TOKEN_URL
from channelmanager_gui.services.marketplace.amazon_adapter import AmazonAdapter
from channelmanager_gui.services.marketplace.port import Marketplace, MarketplacePort
from channelmanager_gui.services.marketplace.walmart_adapter import WalmartAdapter
from channelmanager_gui.services.walmart import WalmartClient

Secrets = Callable[[str], str | None]
WALMART_SECRETS = ("walmart_client_id", "walmart_client_secret")
AMAZON_SECRETS = ("lwa_client_id", "lwa_client_secret", "lwa_refresh_token")


@dataclass(frozen=True)
class AccountSpec:
    marketplace: Marketplace
    api_url: str
    account_id: int | None = None
    auth_url: str | None = None  # Amazon's LWA token URL (None: Amazon's own)
    seller_id: str | None = None
    marketplace_ids: tuple[str, ...] = ()


def open_adapter(spec: AccountSpec, secret: Secrets, **client_options: Any) -> MarketplacePort:
    """The adapter for ``spec``; ``client_options`` (transport, clock, retry, rate) go to the
    client, as tests and the engine set them."""
    if spec.marketplace is Marketplace.WALMART:
        client_id, client_secret = _secrets(spec, secret, WALMART_SECRETS)
        return WalmartAdapter(WalmartClient(spec.api_url, client_id, client_secret,
                                            **client_options))  # fmt: skip
    client_id, client_secret, refresh = _secrets(spec, secret, AMAZON_SECRETS)
    client = AmazonClient(
        LwaCredentials(client_id, client_secret, refresh),
        seller_id=spec.seller_id or "",
        marketplaces=list(spec.marketplace_ids),
        base_url=spec.api_url,
        lwa_url=spec.auth_url or LWA_TOKEN_URL,
        **client_options,
    )
    return AmazonAdapter(client)


def _secrets(spec: AccountSpec, secret: Secrets, names: tuple[str, ...]) -> list[str]:
    values = [(secret(name) or "").strip() for name in names]
    missing = [name for name, value in zip(names, values, strict=True) if not value]
    if missing:
        account = f"account {spec.account_id}" if spec.account_id is not None else "the account"
        raise CredentialsError(
            f"The {spec.marketplace.value.capitalize()} {account} has no "
            f"{', '.join(missing)} saved; enter it in the store's settings"
        )
    return values
