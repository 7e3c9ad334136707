"""Stores: a Commerce store linked to a Walmart seller account (no secrets here)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, String
from sqlalchemy.orm import Mapped, mapped_column

from channelmanager_gui.models.base import Base, UTCDateTime, utcnow


class Store(Base):
    """Connection settings of one store. Secrets live in the keyring under ``secret_key(...)``."""

    __tablename__ = "stores"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    commerce_url: Mapped[str] = mapped_column(String(500))
    commerce_store_code: Mapped[str] = mapped_column(String(64), default="default")
    walmart_url: Mapped[str] = mapped_column(String(500))
    # Per-store sync intervals (seconds), listing rules (stock and price sent) and the
    # attribute codes where identifiers live; JSON so new options need no migration.
    settings: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    is_demo: Mapped[bool] = mapped_column(default=False)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    def secret_key(self, name: str) -> str:
        """Keyring user name for one of this store's secrets."""
        return f"store:{self.id}:{name}"


class AppSetting(Base):
    """Small app-wide key/value settings that are not secrets."""

    __tablename__ = "app_settings"

    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[Any] = mapped_column(JSON)
