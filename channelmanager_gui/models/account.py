"""Marketplace accounts: the Walmart and Amazon seller accounts a store sells through."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import JSON, ForeignKey, String, UniqueConstraint, select
from sqlalchemy.orm import Mapped, Session, mapped_column, relationship

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


def walmart_account_id(session: Session, store_id: int) -> int:
    """The id of the store's Walmart account, which today's Walmart flows write their rows
    (orders, listings, returns, feeds, walmart.* actions) under.

    Every store has one since 0010 (the upgrade and store creation make it); one missing is a
    broken database, so this raises rather than guess.
    """
    found = session.scalar(
        select(MarketplaceAccount.id)
        .where(MarketplaceAccount.store_id == store_id, MarketplaceAccount.marketplace == WALMART)
        .order_by(MarketplaceAccount.id)
        .limit(1)
    )
    if found is None:
        raise LookupError(f"store #{store_id} has no Walmart account")
    return found
