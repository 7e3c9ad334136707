"""Single inventory and price updates (outbox actions ``walmart.inventory``/``walmart.price``).

Both PUTs set absolute values, so a resend is harmless; still, on a retry the handler reads what
Walmart has first and skips the write when it is already there, and the timeline says so.

A refusal by Walmart for this SKU (400, 404: not set up, bad value) is an *outcome*, not an
action failure: the action finishes, and the listing shows the reason. Only outages that outlast
the worker's retries end the action in error (and then the merchant's Retry resumes it).
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from sqlalchemy.orm import Session

from channelmanager_gui.errors import ChannelError
from channelmanager_gui.models.listing import Listing
from channelmanager_gui.models.money import to_money
from channelmanager_gui.services.engine import outcomes
from channelmanager_gui.services.engine.context import EngineEnv
from channelmanager_gui.services.outbox import RETRYABLE, ActionContext
from channelmanager_gui.services.walmart.client import WalmartClient

INVENTORY_ACTION = "walmart.inventory"
PRICE_ACTION = "walmart.price"


class _SingleUpdate:
    """The shared send/apply/failed of both single updates; subclasses say how to read,
    write and record one value."""

    def __init__(self, env: EngineEnv) -> None:
        self.env = env

    async def send(self, ctx: ActionContext) -> dict[str, Any] | None:
        sku, value = ctx.payload["sku"], self.value(ctx)
        client = self.env.store(ctx.store_id).walmart
        try:
            if ctx.retrying and await self.already_there(client, sku, value):
                return {"value": value, "checked": True}
            await self.write(client, sku, value)
        except RETRYABLE:
            raise
        except ChannelError as exc:
            return {"value": value, "error": str(exc), "detail": exc.detail[:500]}
        return {"value": value}

    def apply(self, session: Session, ctx: ActionContext, result: dict[str, Any] | None) -> None:
        listing = session.get(Listing, ctx.subject_id)
        if listing is None or result is None:  # removed meanwhile
            return
        if result.get("error"):
            self.refused(session, listing, self.value(ctx), result["error"])
        else:
            how = "checked before resending" if result.get("checked") else "single update"
            self.sent(session, listing, self.value(ctx), how)

    def failed(self, session: Session, ctx: ActionContext, error: ChannelError) -> None:
        listing = session.get(Listing, ctx.subject_id)
        if listing is not None:
            reason = f"{error} (press Retry to send again)"
            self.refused(session, listing, self.value(ctx), reason)

    def value(self, ctx: ActionContext) -> Any:
        raise NotImplementedError

    async def already_there(self, client: WalmartClient, sku: str, value: Any) -> bool:
        raise NotImplementedError

    async def write(self, client: WalmartClient, sku: str, value: Any) -> None:
        raise NotImplementedError

    def sent(self, session: Session, listing: Listing, value: Any, how: str) -> None:
        raise NotImplementedError

    def refused(self, session: Session, listing: Listing, value: Any, reason: str) -> None:
        raise NotImplementedError


class InventoryUpdate(_SingleUpdate):
    """``PUT /v3/inventory?sku=`` with the absolute quantity (payload ``sku``, ``value``)."""

    lane = "walmart.inventory"

    def value(self, ctx: ActionContext) -> int:
        return int(ctx.payload["value"])

    async def already_there(self, client: WalmartClient, sku: str, value: int) -> bool:
        return (await client.get_inventory(sku)).quantity == value

    async def write(self, client: WalmartClient, sku: str, value: int) -> None:
        await client.update_inventory(sku, value)

    def sent(self, session: Session, listing: Listing, value: int, how: str) -> None:
        outcomes.qty_sent(session, listing, value, self.env.clock(), how)

    def refused(self, session: Session, listing: Listing, value: int, reason: str) -> None:
        outcomes.qty_refused(session, listing, value, reason)


class PriceUpdate(_SingleUpdate):
    """``PUT /v3/price`` with the BASE price (payload ``sku``, ``value``)."""

    lane = "walmart.price"

    def value(self, ctx: ActionContext) -> Decimal:
        # Text since 0008 ("12.34"); a number in an action queued before it.
        return to_money(str(ctx.payload["value"]))

    async def already_there(self, client: WalmartClient, sku: str, value: Decimal) -> bool:
        item = await client.get_item(sku)
        amount = item.price.amount if item.price is not None else None
        return amount is not None and to_money(amount) == value

    async def write(self, client: WalmartClient, sku: str, value: Decimal) -> None:
        await client.update_price(sku, f"{value:.2f}")

    def sent(self, session: Session, listing: Listing, value: Decimal, how: str) -> None:
        outcomes.price_sent(session, listing, value, self.env.clock(), how)

    def refused(self, session: Session, listing: Listing, value: Decimal, reason: str) -> None:
        outcomes.price_refused(session, listing, value, reason)
