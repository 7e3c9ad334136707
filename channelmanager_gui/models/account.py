"""Marketplace accounts: the Walmart and Amazon seller accounts a store sells through."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import JSON, ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from channelmanager_gui.models.base import Base, UTCDateTime, utcnow

if TYPE_CHECKING:
    from channelmanager_gui.models.store import Store

WALMART = "walmart"
AMAZON = "amazon"


class MarketplaceAccount(Base):
    """One seller account on one marketplace (no secrets here: see ``secret_key``)."""

    __tablename__ = "marketplace_accounts"
    __table_args__ = (UniqueConstraint("store_id", "name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    store_id: Mapped[int] = mapped_column(ForeignKey("stores.id", ondelete="CASCADE"), index=True)
    marketplace: Mapped[str] = mapped_column(String(16))  # walmart | amazon
    name: Mapped[str] = mapped_column(String(100))
    api_url: Mapped[str] = mapped_column(String(500))
    auth_url: Mapped[str | None] = mapped_column(String(500))  # Amazon's LWA token URL
    seller_id: Mapped[str | None] = mapped_column(String(64))
    # Amazon marketplace ids (e.g. ["ATVPDKIKX0DER"]); [] on Walmart.
    marketplace_ids: Mapped[list[str]] = mapped_column(JSON, default=list)
    # Listing rules and other per-account options; JSON so new options need no migration.
    settings: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    enabled: Mapped[bool] = mapped_column(default=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    store: Mapped[Store] = relationship(back_populates="accounts")

    def secret_key(self, name: str) -> str:
        """Keyring user name for one of this account's secrets.

        A Walmart account keeps the names used before accounts existed
        (``store:{store_id}:walmart_client_id``), so the keyring entries saved then still
        work; an Amazon account's are its own (``account:{id}:lwa_client_id``).
        """
        if self.marketplace == WALMART:
            return f"store:{self.store_id}:{name}"
        return f"account:{self.id}:{name}"
