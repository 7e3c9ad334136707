"""Orders and their lines, shipments with tracking, returns with refunds."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from enum import StrEnum
from typing import Any

from sqlalchemy import JSON, ForeignKey, Index, String, UniqueConstraint, func
from sqlalchemy.orm import Mapped, mapped_column, relationship

from channelmanager_gui.models.base import Base, UTCDateTime, utcnow
from channelmanager_gui.models.money import ZERO, Money
from channelmanager_gui.models.sorted_ids import rank_expression
from channelmanager_gui.text_marks import N_


class OrderStatus(StrEnum):
    """What the merchant sees, derived from facts (see services/order_status.py); the window
    translates the value when it shows it (``N_``: ``text_marks.py``)."""

    IMPORTED = N_("OrderStatus", "Imported")
    ACKNOWLEDGED = N_("OrderStatus", "Acknowledged")
    CREATED = N_("OrderStatus", "Created in Commerce")
    PARTIALLY_SHIPPED = N_("OrderStatus", "Partially shipped")
    SHIPPED = N_("OrderStatus", "Shipped")
    CANCELLED = N_("OrderStatus", "Cancelled")
    RETURN_REQUESTED = N_("OrderStatus", "Return requested")
    REFUNDED = N_("OrderStatus", "Refunded")
    ERROR = N_("OrderStatus", "Error")


class Order(Base):
    __tablename__ = "orders"
    __table_args__ = (
        UniqueConstraint("account_id", "marketplace_order_id"),
        Index("ix_orders_store_status", "store_id", "status"),
        Index("ix_orders_order_date", "order_date"),
        # The Orders table sorts by every column and filters by status (0006): an index per
        # sort key lets SQLite walk 100,000 rows in order instead of sorting them.
        Index("ix_orders_marketplace_order_id", "marketplace_order_id"),
        Index("ix_orders_total", "total"),
        Index("ix_orders_estimated_ship_date", "estimated_ship_date"),
        # Status filter with the default sort (date, then id: ties need no sort step), and
        # covering for the attention counts.
        Index(
            "ix_orders_status_dates",
            "status",
            "order_date",
            "id",
            "estimated_ship_date",
            "intent_to_cancel",
            "cancel_reason",
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    store_id: Mapped[int] = mapped_column(ForeignKey("stores.id", ondelete="CASCADE"))
    account_id: Mapped[int] = mapped_column(
        ForeignKey("marketplace_accounts.id", ondelete="CASCADE")
    )
    marketplace: Mapped[str] = mapped_column(String(16), default="walmart", index=True)
    marketplace_order_id: Mapped[str] = mapped_column(String(32))
    customer_order_id: Mapped[str] = mapped_column(String(32), index=True)
    order_date: Mapped[datetime] = mapped_column(UTCDateTime)
    estimated_ship_date: Mapped[datetime | None] = mapped_column(UTCDateTime)
    customer_name: Mapped[str] = mapped_column(String(255), default="")
    customer_email: Mapped[str] = mapped_column(String(255), default="")
    # What the buyer paid on Walmart: Σ of the lines' item, shipping and tax charges (the
    # financial truth of a Walmart order); commerce_total is the Commerce order's grand total,
    # read back after placing it (0008), which Commerce computes by its own rules.
    total: Mapped[Decimal] = mapped_column(Money(), default=ZERO)
    commerce_total: Mapped[Decimal | None] = mapped_column(Money())
    currency: Mapped[str] = mapped_column(String(3), default="USD")
    shipping_address: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    method_code: Mapped[str | None] = mapped_column(String(16))
    # merchant | marketplace (Amazon FBA: Amazon ships it, the merchant only records it).
    fulfilled_by: Mapped[str] = mapped_column(String(12), default="merchant")
    intent_to_cancel: Mapped[bool] = mapped_column(default=False)
    acknowledged_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    commerce_cart_id: Mapped[int | None]
    commerce_entity_id: Mapped[int | None]
    commerce_increment_id: Mapped[str | None] = mapped_column(String(32), index=True)
    commerce_linked: Mapped[bool] = mapped_column(default=False)  # ext_order_id stored there
    cancel_reason: Mapped[str | None] = mapped_column(String(64))
    status: Mapped[str] = mapped_column(String(24), default=OrderStatus.IMPORTED)
    error: Mapped[str | None] = mapped_column(String(1000))
    error_step: Mapped[str | None] = mapped_column(String(32))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)

    lines: Mapped[list[OrderLine]] = relationship(
        back_populates="order", cascade="all, delete-orphan", order_by="OrderLine.line_number"
    )
    shipments: Mapped[list[Shipment]] = relationship(
        back_populates="order", cascade="all, delete-orphan", order_by="Shipment.id"
    )


# Lifecycle order, so sorting by status groups orders the way they progress (errors first).
STATUS_ORDER: tuple[OrderStatus, ...] = (
    OrderStatus.ERROR,
    OrderStatus.IMPORTED,
    OrderStatus.ACKNOWLEDGED,
    OrderStatus.CREATED,
    OrderStatus.PARTIALLY_SHIPPED,
    OrderStatus.SHIPPED,
    OrderStatus.RETURN_REQUESTED,
    OrderStatus.REFUNDED,
    OrderStatus.CANCELLED,
)
# Expression indexes (0006) for the case-insensitive customer sort and the status sort.
# order_table_queries sorts by these very expressions: SQLite uses an expression index only for an
# identical expression.
CUSTOMER_INDEX = Index("ix_orders_customer_name_lower", func.lower(Order.customer_name))
STATUS_RANK_INDEX = Index(
    "ix_orders_status_rank", rank_expression(Order.status.expression, STATUS_ORDER)
)


class OrderLine(Base):
    __tablename__ = "order_lines"
    __table_args__ = (UniqueConstraint("order_id", "line_number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id", ondelete="CASCADE"))
    line_number: Mapped[str] = mapped_column(String(32))  # Amazon orderItemId is long
    sku: Mapped[str] = mapped_column(String(64), index=True)
    product_name: Mapped[str] = mapped_column(String(255), default="")
    qty_ordered: Mapped[int]
    qty_shipped: Mapped[int] = mapped_column(default=0)
    qty_cancelled: Mapped[int] = mapped_column(default=0)
    qty_refunded: Mapped[int] = mapped_column(default=0)
    unit_price: Mapped[Decimal] = mapped_column(Money(), default=ZERO)
    # Walmart's charges for the whole line (0008): the item (PRODUCT) charge, the SHIPPING
    # charge, and the tax on both (``tax``; ``shipping_tax`` is the part of it on shipping).
    line_price: Mapped[Decimal] = mapped_column(Money(), default=ZERO)
    shipping: Mapped[Decimal] = mapped_column(Money(), default=ZERO)
    tax: Mapped[Decimal] = mapped_column(Money(), default=ZERO)
    shipping_tax: Mapped[Decimal] = mapped_column(Money(), default=ZERO)
    marketplace_status: Mapped[str] = mapped_column(String(16), default="Created")
    commerce_item_id: Mapped[int | None]

    order: Mapped[Order] = relationship(back_populates="lines")

    @property
    def qty_open(self) -> int:
        """Quantity still to ship (neither shipped nor cancelled)."""
        return self.qty_ordered - self.qty_shipped - self.qty_cancelled


class Shipment(Base):
    __tablename__ = "shipments"

    id: Mapped[int] = mapped_column(primary_key=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id", ondelete="CASCADE"))
    carrier: Mapped[str | None] = mapped_column(String(64))  # Walmart carrier enum value
    other_carrier: Mapped[str | None] = mapped_column(String(64))
    method_code: Mapped[str] = mapped_column(String(16), default="Standard")
    tracking_number: Mapped[str] = mapped_column(String(64), index=True)
    tracking_url: Mapped[str | None] = mapped_column(String(500))
    ship_date: Mapped[datetime] = mapped_column(UTCDateTime)
    source: Mapped[str] = mapped_column(String(16), default="app")  # app | commerce
    commerce_shipment_id: Mapped[int | None] = mapped_column(index=True)
    marketplace_sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # Amazon's packageReferenceId: the same on every retry of one package's confirmation.
    package_reference: Mapped[str | None] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    order: Mapped[Order] = relationship(back_populates="shipments")
    lines: Mapped[list[ShipmentLine]] = relationship(cascade="all, delete-orphan")


class ShipmentLine(Base):
    __tablename__ = "shipment_lines"

    id: Mapped[int] = mapped_column(primary_key=True)
    shipment_id: Mapped[int] = mapped_column(ForeignKey("shipments.id", ondelete="CASCADE"))
    order_line_id: Mapped[int] = mapped_column(ForeignKey("order_lines.id", ondelete="CASCADE"))
    qty: Mapped[int]


class Return(Base):
    """A marketplace return (RMA) and how far it got in Commerce and back."""

    __tablename__ = "returns"
    __table_args__ = (UniqueConstraint("account_id", "return_order_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    store_id: Mapped[int] = mapped_column(ForeignKey("stores.id", ondelete="CASCADE"))
    account_id: Mapped[int] = mapped_column(
        ForeignKey("marketplace_accounts.id", ondelete="CASCADE")
    )
    marketplace: Mapped[str] = mapped_column(String(16), default="walmart", index=True)
    return_order_id: Mapped[str] = mapped_column(String(32))
    customer_order_id: Mapped[str] = mapped_column(String(32), index=True)
    order_id: Mapped[int | None] = mapped_column(ForeignKey("orders.id", ondelete="SET NULL"))
    status: Mapped[str] = mapped_column(String(24), default="INITIATED")
    refund_amount: Mapped[Decimal] = mapped_column(Money(), default=ZERO)
    lines: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)
    commerce_rma_id: Mapped[int | None]
    commerce_creditmemo_id: Mapped[int | None]
    marketplace_refunded_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    error: Mapped[str | None] = mapped_column(String(1000))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)
