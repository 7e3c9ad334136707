"""Listings: a Commerce product offered on a marketplace account, its match and what was sent."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from enum import StrEnum
from typing import Any

from sqlalchemy import JSON, ForeignKey, Index, String, UniqueConstraint, func
from sqlalchemy.orm import Mapped, mapped_column

from channelmanager_gui.models.base import Base, UTCDateTime, utcnow
from channelmanager_gui.models.money import Money
from channelmanager_gui.models.sorted_ids import rank_expression
from channelmanager_gui.text_marks import N_


class ListingState(StrEnum):
    """What the merchant sees; derived from the facts by ``derive_state``."""

    ACTIVE = N_("ListingState", "active")
    READY = N_("ListingState", "ready to list")
    INACTIVE = N_("ListingState", "inactive")  # Amazon: listed, not buyable (ref. 4.8)
    PENDING_MATCH = N_("ListingState", "pending match")
    UNMATCHED = N_("ListingState", "unmatched")
    INCOMPLETE = N_("ListingState", "incomplete")
    INELIGIBLE = N_("ListingState", "ineligible")
    ENDED = N_("ListingState", "ended")
    NEW_THIRD_PARTY = N_("ListingState", "new third party")  # on Amazon, made outside the app


class MatchStatus(StrEnum):
    NONE = "none"  # not sent for matching yet
    PENDING = "pending"
    MATCHED = "matched"
    NOT_FOUND = "not_found"
    CANDIDATES = "candidates"  # several Walmart items: the merchant picks one
    ERROR = "error"


class Listing(Base):
    __tablename__ = "listings"
    __table_args__ = (
        UniqueConstraint("account_id", "sku"),
        Index("ix_listings_store_state", "store_id", "state"),
        # The Listings table sorts by every column and filters by state (0006): an index per
        # sort key lets SQLite walk 100,000 rows in order instead of sorting them.
        Index("ix_listings_sku", "sku"),
        Index("ix_listings_state_sku", "state", "sku"),
        Index("ix_listings_price", "price"),
        Index("ix_listings_qty", "qty"),
        Index("ix_listings_last_price_sent", "last_price_sent"),
        Index("ix_listings_last_qty_sent", "last_qty_sent"),
        Index("ix_listings_marketplace_item_id", "marketplace_item_id"),
        Index("ix_listings_sync_error", "sync_error"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    store_id: Mapped[int] = mapped_column(ForeignKey("stores.id", ondelete="CASCADE"))
    account_id: Mapped[int] = mapped_column(
        ForeignKey("marketplace_accounts.id", ondelete="CASCADE")
    )
    marketplace: Mapped[str] = mapped_column(String(16), default="walmart", index=True)
    sku: Mapped[str] = mapped_column(String(64))
    name: Mapped[str] = mapped_column(String(255), default="")
    commerce_product_id: Mapped[int | None]
    price: Mapped[Decimal | None] = mapped_column(Money())
    qty: Mapped[int | None]  # salable quantity in Commerce
    enabled: Mapped[bool] = mapped_column(default=True)
    weight: Mapped[float | None]  # shipping weight, required by setup by match
    # Stock polling: the summed MSI source quantity last seen (a change triggers a salable read)
    # and when the salable quantity was last read (the oldest are re-read to catch reservations).
    source_qty: Mapped[float | None]
    stock_checked_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    commerce_updated_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    identifier_kind: Mapped[str | None] = mapped_column(String(8))  # UPC, EAN, ISBN, GTIN
    identifier_value: Mapped[str | None] = mapped_column(String(32))
    gtin14: Mapped[str | None] = mapped_column(String(14), index=True)
    identifier_problem: Mapped[str | None] = mapped_column(String(255))
    match_status: Mapped[str] = mapped_column(String(16), default=MatchStatus.NONE)
    match_candidates: Mapped[list[dict[str, Any]] | None] = mapped_column(JSON)
    marketplace_item_id: Mapped[str | None] = mapped_column(String(32))  # itemId / ASIN
    marketplace_product_id: Mapped[str | None] = mapped_column(String(32))  # Walmart WPID
    published_status: Mapped[str | None] = mapped_column(String(32))
    lifecycle_status: Mapped[str | None] = mapped_column(String(16))
    last_price_sent: Mapped[Decimal | None] = mapped_column(Money())
    price_sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    last_qty_sent: Mapped[int | None]
    qty_sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # Values handed to the outbox and not confirmed yet (or refused: then sync_error says why),
    # so the inventory loop neither queues a change twice nor overtakes an update in flight.
    price_queued: Mapped[Decimal | None] = mapped_column(Money())
    qty_queued: Mapped[int | None]
    sync_error: Mapped[str | None] = mapped_column(String(1000))
    state: Mapped[str] = mapped_column(String(16), default=ListingState.PENDING_MATCH)
    state_reason: Mapped[str | None] = mapped_column(String(255))  # why it is in its tab
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)

    def derive_state(self) -> ListingState:
        """The merchant-facing state from the facts; stored in ``state`` for fast SQL filters."""
        if self.lifecycle_status in ("RETIRED", "ARCHIVED"):
            return ListingState.ENDED
        no_identifier = self.identifier_problem or not self.gtin14
        if no_identifier and self.match_status != MatchStatus.MATCHED:
            return ListingState.INCOMPLETE
        if not self.enabled or (self.qty is not None and self.qty <= 0):
            return ListingState.INELIGIBLE
        if self.match_status == MatchStatus.MATCHED:
            published = self.published_status == "PUBLISHED"
            return ListingState.ACTIVE if published else ListingState.READY
        if self.match_status in (MatchStatus.NOT_FOUND, MatchStatus.ERROR):
            return ListingState.UNMATCHED
        return ListingState.PENDING_MATCH

    def refresh_state(self) -> None:
        self.state = self.derive_state()


# Expression indexes (0006) for the case-insensitive name sort, the state sort (in the order
# of the tabs, which is ListingState's) and the "Last sent" sort (the later of the price and
# stock pushes, NULL when neither was sent). listing_table_queries sorts by these very expressions:
# SQLite uses an expression index only for an identical expression.
NAME_INDEX = Index("ix_listings_name_lower", func.lower(Listing.name))
STATE_RANK_INDEX = Index(
    "ix_listings_state_rank", rank_expression(Listing.state.expression, tuple(ListingState))
)
SENT_AT_INDEX = Index(
    "ix_listings_sent_at",
    func.max(
        func.coalesce(Listing.price_sent_at, Listing.qty_sent_at),
        func.coalesce(Listing.qty_sent_at, Listing.price_sent_at),
    ),
)


class FeedState(StrEnum):
    QUEUED = "queued"  # written with its outbox action, not sent yet
    SUBMITTED = "submitted"  # Walmart gave a feed id; the inventory loop polls it
    PROCESSED = "processed"  # per-item outcomes recorded on the listings
    ERROR = "error"


class MarketplaceFeed(Base):
    """A bulk feed (inventory, price, setup by match) and the listings it carries.

    Kept apart from the outbox action because a feed lives on after it is sent: Walmart takes
    minutes to process it, and its per-item results land on the listings only then.
    """

    __tablename__ = "marketplace_feeds"
    __table_args__ = (Index("ix_marketplace_feeds_store_status", "store_id", "status"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    store_id: Mapped[int] = mapped_column(ForeignKey("stores.id", ondelete="CASCADE"))
    account_id: Mapped[int] = mapped_column(
        ForeignKey("marketplace_accounts.id", ondelete="CASCADE")
    )
    marketplace: Mapped[str] = mapped_column(String(16), default="walmart", index=True)
    feed_type: Mapped[str] = mapped_column(String(24))  # inventory | price | MP_ITEM_MATCH
    feed_id: Mapped[str | None] = mapped_column(String(80))
    status: Mapped[str] = mapped_column(String(12), default=FeedState.QUEUED)
    # [{"listing_id", "sku", "value"}]: what was sent, to apply per-item results.
    entries: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)
    items_succeeded: Mapped[int] = mapped_column(default=0)
    items_failed: Mapped[int] = mapped_column(default=0)
    error: Mapped[str | None] = mapped_column(String(1000))
    submitted_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    checked_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    done_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
