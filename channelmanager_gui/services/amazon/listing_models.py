"""Listings Items 2021-08-01 answers (reference §4.1, §4.2), read leniently.

A listing's ``summaries[].status`` holds ``BUYABLE`` and/or ``DISCOVERABLE``; ``issues`` say
why not (severity, categories, enforcement actions). Prices arrive as JSON numbers in the
attributes (read exactly through ``parse_float=Decimal``) and as decimal strings in ``offers``.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from pydantic import AliasPath, Field, field_validator

from channelmanager_gui.services.amazon.models import AmazonModel, Money
from channelmanager_gui.services.walmart.fields import Blank, Quantity, Text, as_list


class Issue(AmazonModel):
    code: Text = ""
    message: Blank = ""
    severity: Blank = ""
    categories: list[str] = Field(default_factory=list)
    attribute_names: list[str] = Field(default_factory=list, validation_alias="attributeNames")
    actions: list[str] = Field(
        default_factory=list, validation_alias=AliasPath("enforcements", "actions")
    )

    _lists = field_validator("categories", "attribute_names", mode="before")(as_list)

    @field_validator("actions", mode="before")
    @classmethod
    def _action_names(cls, value: Any) -> Any:
        """``[{"action": "LISTING_SUPPRESSED"}]`` → ``["LISTING_SUPPRESSED"]``."""
        actions = as_list(value)
        if not isinstance(actions, list):  # a number or text: malformed, not a TypeError
            raise ValueError("enforcements.actions is not a list")
        return [(a.get("action") or "") if isinstance(a, dict) else str(a) for a in actions]


class Summary(AmazonModel):
    marketplace_id: Blank = Field("", validation_alias="marketplaceId")
    asin: Blank = ""
    product_type: Blank = Field("", validation_alias="productType")
    condition: Blank = Field("", validation_alias="conditionType")
    status: list[str] = Field(default_factory=list)
    item_name: Blank = Field("", validation_alias="itemName")

    _lists = field_validator("status", mode="before")(as_list)


class Offer(AmazonModel):
    marketplace_id: Blank = Field("", validation_alias="marketplaceId")
    offer_type: Blank = Field("", validation_alias="offerType")
    price: Money | None = None


class Availability(AmazonModel):
    channel: Blank = Field("", validation_alias="fulfillmentChannelCode")
    quantity: Quantity | None = None


class ListingItem(AmazonModel):
    sku: Text
    summaries: list[Summary] = Field(default_factory=list)
    issues: list[Issue] = Field(default_factory=list)
    offers: list[Offer] = Field(default_factory=list)
    availability: list[Availability] = Field(
        default_factory=list, validation_alias="fulfillmentAvailability"
    )
    attributes: dict[str, Any] = Field(default_factory=dict)

    _lists = field_validator("summaries", "issues", "offers", "availability", mode="before")(
        as_list
    )

    def summary(self, marketplace_id: str) -> Summary | None:
        return next((s for s in self.summaries if s.marketplace_id == marketplace_id), None)

    def price(self, marketplace_id: str) -> Decimal | None:
        """Our B2C price in that marketplace (``offers``), else the submitted attribute."""
        for offer in self.offers:
            mine = offer.marketplace_id == marketplace_id and offer.offer_type in ("", "B2C")
            if mine and offer.price is not None:
                return offer.price.amount
        return _attribute_price(self.attributes, marketplace_id)

    def quantity(self) -> int | None:
        """Merchant-fulfilled (``DEFAULT``) quantity; FBA quantities are Amazon's (§4.1)."""
        return next((a.quantity for a in self.availability if a.channel == "DEFAULT"), None)


class Submission(AmazonModel):
    """The answer to a put/patch: ACCEPTED ≠ applied (§4.2); INVALID lists ``issues``."""

    sku: Text = ""
    # Required (``ListingsItemSubmissionResponse``): without it a refusal has no reason.
    status: Text
    submission_id: Blank = Field("", validation_alias="submissionId")
    issues: list[Issue] = Field(default_factory=list)

    _lists = field_validator("issues", mode="before")(as_list)

    @property
    def accepted(self) -> bool:
        return self.status in ("ACCEPTED", "VALID")

    @property
    def errors(self) -> list[Issue]:
        return [i for i in self.issues if i.severity == "ERROR"]


def _attribute_price(attributes: dict[str, Any], marketplace_id: str) -> Decimal | None:
    """``purchasable_offer[].our_price[].schedule[].value_with_tax`` for the marketplace."""
    for offer in as_list(attributes.get("purchasable_offer")):
        if not isinstance(offer, dict) or offer.get("marketplace_id") != marketplace_id:
            continue
        for price in as_list(offer.get("our_price")):
            for entry in as_list(price.get("schedule") if isinstance(price, dict) else None):
                value = entry.get("value_with_tax") if isinstance(entry, dict) else None
                if isinstance(value, Decimal | int) and not isinstance(value, bool):
                    return Decimal(value)
    return None
