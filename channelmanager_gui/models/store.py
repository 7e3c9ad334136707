"""Stores: a Commerce store view linked to its marketplace accounts (no secrets here)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from channelmanager_gui.models.account import WALMART, MarketplaceAccount
from channelmanager_gui.models.base import Base, UTCDateTime, utcnow


class Store(Base):
    """Connection settings of one store. Secrets live in the keyring under ``secret_key(...)``."""

    __tablename__ = "stores"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    commerce_url: Mapped[str] = mapped_column(String(500))
    commerce_store_code: Mapped[str] = mapped_column(String(64), default="default")
    # Per-store sync intervals (seconds), listing rules (stock and price sent) and the
    # attribute codes where identifiers live; JSON so new options need no migration.
    settings: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    is_demo: Mapped[bool] = mapped_column(default=False)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    # Loaded with the store (a handful of rows): the engine and the dialogs keep detached
    # store snapshots and read their accounts.
    accounts: Mapped[list[MarketplaceAccount]] = relationship(
        back_populates="store",
        cascade="all, delete-orphan",
        order_by="MarketplaceAccount.id",
        lazy="selectin",
    )

    def walmart_account(self) -> MarketplaceAccount | None:
        """The store's Walmart account (the first, if the merchant added several)."""
        return next((a for a in self.accounts if a.marketplace == WALMART), None)

    @property
    def walmart_url(self) -> str:
        """The Walmart API URL, kept on the store's Walmart account since 0010 ("" if none)."""
        account = self.walmart_account()
        return account.api_url if account is not None else ""

    @walmart_url.setter
    def walmart_url(self, url: str) -> None:
        """Set the Walmart account's API URL, creating the account if the store has none
        (store creation and editing, which know one Walmart URL per store)."""
        account = self.walmart_account()
        if account is None:
            self.accounts.append(
                MarketplaceAccount(marketplace=WALMART, name="Walmart", api_url=url)
            )
        else:
            account.api_url = url

    def secret_key(self, name: str) -> str:
        """Keyring user name for one of this store's secrets."""
        return f"store:{self.id}:{name}"


class AppSetting(Base):
    """Small app-wide key/value settings that are not secrets."""

    __tablename__ = "app_settings"

    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[Any] = mapped_column(JSON)
