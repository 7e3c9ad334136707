"""Inventory and price of one SKU (reference §6–§7). Both PUTs set absolute values, so they
are safe to repeat after a lost answer."""

from __future__ import annotations

from decimal import Decimal

from channelmanager_gui.errors import ValidationError
from channelmanager_gui.services.http import Priority
from channelmanager_gui.services.walmart.catalog_models import Inventory, PriceUpdate
from channelmanager_gui.services.walmart.core import WalmartCore, segment

INVENTORY_KEY = "walmart:inventory"


class ListingsApi(WalmartCore):
    async def get_inventory(
        self, sku: str, *, priority: Priority = Priority.INTERACTIVE
    ) -> Inventory:
        segment(sku, "sku")
        reply = await self._call("GET", "/v3/inventory", what=f"inventory of {sku}",
                                 rate_key=INVENTORY_KEY, params={"sku": sku},
                                 priority=priority)  # fmt: skip
        return reply.model(Inventory, reply.data)

    async def update_inventory(
        self, sku: str, quantity: int, *, priority: Priority = Priority.INTERACTIVE
    ) -> Inventory:
        """Set the quantity on hand (absolute; repeatable)."""
        segment(sku, "sku")
        check_quantity(quantity)
        body = {"sku": sku, "quantity": {"unit": "EACH", "amount": quantity}}
        reply = await self._call("PUT", "/v3/inventory", what=f"inventory of {sku}",
                                 rate_key=INVENTORY_KEY, params={"sku": sku}, json=body,
                                 repeatable=True, priority=priority)  # fmt: skip
        return reply.model(Inventory, reply.data)

    async def update_price(
        self,
        sku: str,
        amount: Decimal | float | str,
        currency: str = "USD",
        *,
        priority: Priority = Priority.INTERACTIVE,
    ) -> PriceUpdate:
        """Set the BASE price (absolute; repeatable). The answer is wrapped in
        ``ItemPriceResponse`` (reference §7); the flat spec schema is accepted too."""
        segment(sku, "sku")
        price = check_price(amount)
        body = {
            "sku": sku,
            "pricing": [{"currentPriceType": "BASE",
                         "currentPrice": {"currency": currency, "amount": float(price)}}],
        }  # fmt: skip
        reply = await self._call("PUT", "/v3/price", what=f"price of {sku}",
                                 rate_key="walmart:price", json=body, repeatable=True,
                                 priority=priority)  # fmt: skip
        return reply.model(PriceUpdate, reply.dig("ItemPriceResponse", default=reply.data))


def check_quantity(quantity: int) -> int:
    if isinstance(quantity, bool) or not isinstance(quantity, int) or quantity < 0:
        raise ValidationError("quantity", "must be a whole number of 0 or more")
    return quantity


def check_price(amount: Decimal | float | str) -> Decimal:
    try:
        price = Decimal(str(amount))
    except ArithmeticError as exc:
        raise ValidationError("price", f"“{amount}” is not an amount") from exc
    if not price.is_finite() or price <= 0:
        raise ValidationError("price", "must be more than zero")
    return price.quantize(Decimal("0.01"))
