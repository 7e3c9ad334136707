"""Price and quantity of one SKU, and reading a listing back (reference §4.1, §4.2).

``patchListingsItem`` replaces the top-level ``fulfillment_availability`` (quantity, handling
time) and ``purchasable_offer`` (price) attributes with ``productType: PRODUCT`` — enough for
offer-only changes (§4.2). Amazon answers 200 even when it refuses (``status: INVALID`` with
issues), and ACCEPTED is not applied: the change appears minutes later and later problems show
only as issues on ``getListingsItem`` (§4.2, §6.9), so ``confirm_applied`` reads it back.
A PATCH of absolute values is safe to repeat. SKUs are URL-encoded in the path (§4.1).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from channelmanager_gui.errors import NotFoundError, ValidationError
from channelmanager_gui.services.amazon.core import AmazonCore
from channelmanager_gui.services.amazon.listing_models import ListingItem, Submission
from channelmanager_gui.services.amazon.marketplaces import marketplace
from channelmanager_gui.services.http import Priority
from channelmanager_gui.services.walmart.core import segment

LISTINGS = "/listings/2021-08-01/items"
ISSUE_LOCALE = "en_US"
READ_BACK = ("summaries", "attributes", "issues", "offers", "fulfillmentAvailability")
CENT = Decimal("0.01")


@dataclass(frozen=True)
class OfferUpdate:
    """What to change on one SKU; None leaves that part alone."""

    sku: str
    quantity: int | None = None
    price: Decimal | None = None
    handling_days: int | None = None

    def patches(self, marketplace_id: str) -> list[dict[str, Any]]:
        """The JSON-Patch list shared by ``patchListingsItem`` and ``JSON_LISTINGS_FEED``."""
        segment(self.sku, "sku")
        patches: list[dict[str, Any]] = []
        if self.quantity is not None:
            availability: dict[str, Any] = {"fulfillment_channel_code": "DEFAULT",
                                            "quantity": _quantity(self.quantity)}  # fmt: skip
            if self.handling_days is not None:
                availability["lead_time_to_ship_max_days"] = _quantity(self.handling_days)
            patches.append(_replace("fulfillment_availability", availability))
        if self.price is not None:
            schedule = [{"value_with_tax": _price(self.price)}]
            offer = {"marketplace_id": marketplace_id,
                     "currency": marketplace(marketplace_id).currency,
                     "our_price": [{"schedule": schedule}]}  # fmt: skip
            patches.append(_replace("purchasable_offer", offer))
        if not patches:
            raise ValidationError("sku", f"nothing to change for {self.sku}")
        return patches


class ListingsApi(AmazonCore):
    async def patch_offer(
        self, update: OfferUpdate, *, marketplace_id: str, priority: Priority = Priority.INTERACTIVE
    ) -> Submission:
        body = {"productType": "PRODUCT", "patches": update.patches(marketplace_id)}
        reply = await self._call(
            "PATCH",
            f"{LISTINGS}/{segment(self.seller_id, 'seller_id')}/{segment(update.sku, 'sku')}",
            what=f"the offer of {update.sku}",
            op="listings.patch",
            params={"marketplaceIds": marketplace(marketplace_id).marketplace_id,
                    "issueLocale": ISSUE_LOCALE},
            json=body,
            repeatable=True,
            priority=priority,
        )  # fmt: skip
        return reply.model(Submission, reply.data)

    async def get_listing(
        self, sku: str, *, marketplace_id: str, priority: Priority = Priority.BACKGROUND
    ) -> ListingItem | None:
        """The listing, or None when the SKU is not listed there (404, §4.8 "Ready to list")."""
        try:
            reply = await self._call(
                "GET",
                f"{LISTINGS}/{segment(self.seller_id, 'seller_id')}/{segment(sku, 'sku')}",
                what=f"the listing of {sku}",
                op="listings.get",
                params={"marketplaceIds": marketplace(marketplace_id).marketplace_id,
                        "issueLocale": ISSUE_LOCALE, "includedData": ",".join(READ_BACK)},
                priority=priority,
            )  # fmt: skip
        except NotFoundError:
            return None
        return reply.model(ListingItem, reply.data)

    async def confirm_applied(self, update: OfferUpdate, *, marketplace_id: str) -> bool:
        """True once Amazon shows the quantity and price we sent (False: not yet, or gone)."""
        item = await self.get_listing(update.sku, marketplace_id=marketplace_id)
        if item is None:
            return False
        if update.quantity is not None and item.quantity() != update.quantity:
            return False
        return update.price is None or item.price(marketplace_id) == _price(update.price)


def _replace(attribute: str, value: dict[str, Any]) -> dict[str, Any]:
    return {"op": "replace", "path": f"/attributes/{attribute}", "value": [value]}


def _quantity(value: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise ValidationError("quantity", "must be a whole number of 0 or more")
    return value


def _price(value: Decimal) -> Decimal:
    if not isinstance(value, Decimal) or not value.is_finite() or value <= 0:
        raise ValidationError("price", "must be a positive amount")
    return value.quantize(CENT)
