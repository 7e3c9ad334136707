"""Items, catalog candidates, inventory, prices and feed results (reference §6–§9)."""

from __future__ import annotations

from typing import Any

from pydantic import AliasChoices, AliasPath, Field, field_validator

from channelmanager_gui.services.walmart.fields import (
    Blank,
    Quantity,
    Text,
    Timestamp,
    WalmartModel,
    as_list,
)
from channelmanager_gui.services.walmart.order_models import Money


class Item(WalmartModel):
    """One of the seller's items from ``GET /v3/items`` (``ItemResponse[]``)."""

    sku: Text
    wpid: str | None = None
    upc: Text | None = None
    gtin: Text | None = None
    product_name: str | None = Field(None, validation_alias="productName")
    product_type: str | None = Field(None, validation_alias="productType")
    price: Money | None = None
    published_status: str | None = Field(None, validation_alias="publishedStatus")
    lifecycle_status: str | None = Field(None, validation_alias="lifecycleStatus")
    unpublished_reasons: list[str] = Field(
        default_factory=list, validation_alias=AliasPath("unpublishedReasons", "reason")
    )
    variant_group_id: str | None = Field(None, validation_alias="variantGroupId")

    @field_validator("unpublished_reasons", mode="before")
    @classmethod
    def _reasons(cls, value: Any) -> Any:
        return [value] if isinstance(value, str) else as_list(value)


class CatalogItem(WalmartModel):
    """A Walmart catalog candidate from ``GET /v3/items/walmart/search`` (for setup by match).

    The search answer sends prices and ratings as strings; both are read as numbers.
    """

    item_id: Text = Field(validation_alias="itemId")
    title: Blank = ""
    brand: str | None = None
    is_marketplace_item: bool | None = Field(None, validation_alias="isMarketPlaceItem")
    price: Money | None = None
    product_type: str | None = Field(None, validation_alias="productType")
    image_urls: list[str] = Field(default_factory=list, validation_alias="images")
    gtin: Text | None = Field(
        None, validation_alias=AliasChoices("gtin", AliasPath("properties", "gtin"))
    )
    upc: Text | None = Field(
        None, validation_alias=AliasChoices("upc", AliasPath("properties", "upc"))
    )

    @field_validator("image_urls", mode="before")
    @classmethod
    def _urls(cls, value: Any) -> Any:
        if not isinstance(value, list):
            return as_list(value)
        return [v.get("url") if isinstance(v, dict) else v for v in value]


class Inventory(WalmartModel):
    sku: Text
    quantity: Quantity = Field(validation_alias=AliasPath("quantity", "amount"))
    unit: str = Field("EACH", validation_alias=AliasPath("quantity", "unit"))


class PriceUpdate(WalmartModel):
    """Body of ``ItemPriceResponse`` (the price PUT answer is wrapped, reference §7)."""

    sku: Text | None = None
    message: str | None = None
    mart: str | None = None


class RetireResult(WalmartModel):
    sku: Text | None = None
    message: str | None = None


class FeedItemResult(WalmartModel):
    sku: Text | None = None
    status: str = Field(validation_alias="ingestionStatus")
    index: int | None = None
    wpid: str | None = None
    errors: list[str] = Field(
        default_factory=list,
        validation_alias=AliasPath("ingestionErrors", "ingestionError"),
    )

    _errors = field_validator("errors", mode="before")(lambda v: _error_texts(v))


class FeedStatus(WalmartModel):
    feed_id: Text = Field(validation_alias="feedId")
    status: str = Field(validation_alias="feedStatus")
    submitted: Timestamp | None = Field(None, validation_alias="feedSubmissionDate")
    received: Quantity = Field(0, validation_alias="itemsReceived")
    succeeded: Quantity = Field(0, validation_alias="itemsSucceeded")
    failed: Quantity = Field(0, validation_alias="itemsFailed")
    processing: Quantity = Field(0, validation_alias="itemsProcessing")
    errors: list[str] = Field(
        default_factory=list, validation_alias=AliasPath("ingestionErrors", "ingestionError")
    )
    items: list[FeedItemResult] = Field(
        default_factory=list, validation_alias=AliasPath("itemDetails", "itemIngestionStatus")
    )

    _lists = field_validator("items", mode="before")(as_list)
    _errors = field_validator("errors", mode="before")(lambda v: _error_texts(v))

    @property
    def done(self) -> bool:
        """Walmart has finished with the feed (PROCESSED or ERROR)."""
        return self.status.upper() in ("PROCESSED", "ERROR")


def _error_texts(value: Any) -> Any:
    """An ``ingestionError`` list (or single object) as one text per error."""
    return [_error_text(e) for e in as_list(value)] if isinstance(value, list | dict) else value


def _error_text(error: Any) -> Any:
    """``{"type", "code", "description"}`` → "CODE: description" (text for the merchant)."""
    if not isinstance(error, dict):
        return error
    code, text = error.get("code"), error.get("description") or error.get("message")
    parts = [str(p) for p in (code, text) if p not in (None, "")]
    return ": ".join(parts) or str(error.get("type", "error"))
