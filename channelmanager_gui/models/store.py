"""Stores: a Commerce store view linked to its marketplace accounts (no secrets here)."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import JSON, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from channelmanager_gui.models.base import Base, UTCDateTime, utcnow

if TYPE_CHECKING:
    from channelmanager_gui.models.account import MarketplaceAccount


class Store(Base):
    """Connection settings of one store. Secrets live in the keyring under ``secret_key(...)``."""

    __tablename__ = "stores"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    commerce_url: Mapped[str] = mapped_column(String(500))
    commerce_store_code: Mapped[str] = mapped_column(String(64), default="default")
    # Per-store sync intervals (seconds), rules (safety buffer, price adjustment) and the
    # attribute codes where identifiers live; JSON so new options need no migration.
    settings: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    is_demo: Mapped[bool] = mapped_column(default=False)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    accounts: Mapped[list[MarketplaceAccount]] = relationship(
        back_populates="store", cascade="all, delete-orphan", order_by="MarketplaceAccount.id"
    )

    def walmart_account(self) -> MarketplaceAccount | None:
        """The store's Walmart account (the first, if the merchant added several)."""
        return next((a for a in self.accounts if a.marketplace == "walmart"), None)

    def secret_key(self, name: str) -> str:
        """Keyring user name for one of this store's secrets."""
        return f"store:{self.id}:{name}"


class AppSetting(Base):
    """Small app-wide key/value settings that are not secrets."""

    __tablename__ = "app_settings"

    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[Any] = mapped_column(JSON)


# Registers MarketplaceAccount wherever Store is used (the relationship above names it).
from channelmanager_gui.models import account as _account  # noqa: E402, F401
