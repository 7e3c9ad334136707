"""Returns as ``GET /v3/returns`` sends them (reference §5): ISO dates, ``measurementValue``
quantities, and the 2024 move from line-level ``status``/``quantity`` to
``currentTrackingStatuses[]``/``refundChannels[]`` (both forms are read)."""

from __future__ import annotations

from pydantic import AliasPath, Field, field_validator

from channelmanager_gui.services.walmart.fields import (
    Quantity,
    Text,
    Timestamp,
    WalmartModel,
    as_list,
)
from channelmanager_gui.services.walmart.order_models import Money


class TrackingStatus(WalmartModel):
    status: str
    status_time: Timestamp | None = Field(None, validation_alias="statusTime")
    refund_status: str | None = Field(None, validation_alias="currentRefundStatus")
    quantity: Quantity | None = Field(
        None, validation_alias=AliasPath("quantity", "measurementValue")
    )


class ReturnLine(WalmartModel):
    line_number: int = Field(validation_alias="returnOrderLineNumber")
    marketplace_order_id: Text | None = Field(None, validation_alias="purchaseOrderId")
    purchase_order_line_number: int | None = Field(None, validation_alias="purchaseOrderLineNumber")
    sku: Text | None = Field(None, validation_alias=AliasPath("item", "sku"))
    product_name: str | None = Field(None, validation_alias=AliasPath("item", "productName"))
    reason: str | None = Field(None, validation_alias="returnReason")
    unit_price: Money | None = Field(None, validation_alias="unitPrice")
    quantity: Quantity | None = Field(
        None, validation_alias=AliasPath("quantity", "measurementValue")
    )
    status: str | None = None  # deprecated line-level status (2024), kept while it is sent
    refund_status: str | None = Field(None, validation_alias="currentRefundStatus")
    refunded_quantity: Quantity | None = Field(None, validation_alias="refundedQty")
    tracking_statuses: list[TrackingStatus] = Field(
        default_factory=list, validation_alias="currentTrackingStatuses"
    )

    _lists = field_validator("tracking_statuses", mode="before")(as_list)

    @property
    def current_status(self) -> str | None:
        """Newest status: from ``currentTrackingStatuses`` when present, else the old field."""
        return self.tracking_statuses[-1].status if self.tracking_statuses else self.status


class CustomerName(WalmartModel):
    first_name: str | None = Field(None, validation_alias="firstName")
    last_name: str | None = Field(None, validation_alias="lastName")


class ReturnOrder(WalmartModel):
    return_order_id: Text = Field(validation_alias="returnOrderId")
    customer_order_id: Text = Field(validation_alias="customerOrderId")
    customer_name: CustomerName | None = Field(None, validation_alias="customerName")
    return_type: str | None = Field(None, validation_alias="returnType")
    refund_mode: str | None = Field(None, validation_alias="refundMode")
    return_order_date: Timestamp | None = Field(None, validation_alias="returnOrderDate")
    return_by_date: Timestamp | None = Field(None, validation_alias="returnByDate")
    total_refund: Money | None = Field(None, validation_alias="totalRefundAmount")
    lines: list[ReturnLine] = Field(default_factory=list, validation_alias="returnOrderLines")
    channel: str | None = Field(None, validation_alias=AliasPath("returnChannel", "channelName"))

    _lists = field_validator("lines", mode="before")(as_list)


class ReturnRefundLine(WalmartModel):
    line_number: int = Field(validation_alias="returnOrderLineNumber")
    quantity: Quantity = Field(validation_alias=AliasPath("quantity", "measurementValue"))


class ReturnRefund(WalmartModel):
    """The echo of ``POST /v3/returns/{id}/refund``."""

    return_order_id: Text | None = Field(None, validation_alias="returnOrderId")
    customer_order_id: Text | None = Field(None, validation_alias="customerOrderId")
    lines: list[ReturnRefundLine] = Field(default_factory=list, validation_alias="refundLines")

    _lists = field_validator("lines", mode="before")(as_list)
