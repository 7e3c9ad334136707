"""Finances API v0 ``listFinancialEventsByOrderId``: what an order has been refunded (§3.4).

Refunds cannot be undone through the API, so the reference says to check for existing refunds
first (``RefundEventList``) — the adjustment feed is resent only when the order shows none for
the item. Each ``ShipmentItemAdjustmentList`` entry names the item (``OrderAdjustmentItemId``,
``OrderItemId`` when sent, ``SellerSKU``) and its charges, negative for a refund. Rate 0.5/s,
burst 30 from the Finances model (not in the reference (?)).

An answer we cannot read is malformed, never "no refunds": that reading would send a second
refund. ``NextToken`` is followed (Amazon's own sandbox example for this call carries one,
financesV0.json), so an event on a later page is not missed.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Any

from channelmanager_gui.services.amazon.core import AmazonCore, Reply
from channelmanager_gui.services.walmart.core import segment

MAX_PAGES = 20  # one order's events; a token that never ends is Amazon's fault, not a loop


class FinancesApi(AmazonCore):
    async def refunded_items(self, order_id: str) -> dict[str, Decimal]:
        """SKU, adjustment id and order item id (when sent) → amount refunded (positive)."""
        path = f"/finances/v0/orders/{segment(order_id, 'order_id')}/financialEvents"
        refunded: dict[str, Decimal] = {}
        token: str | None = None
        for _ in range(MAX_PAGES):
            reply = await self._call(
                "GET", path, what=f"the refunds of order {order_id}", op="finances.orderEvents",
                params={"NextToken": token} if token else None,
            )  # fmt: skip
            _add_refunds(reply, refunded)
            next_token = reply.dig("payload", "NextToken", default=None)
            if next_token is not None and not isinstance(next_token, str):
                raise reply.malformed("payload.NextToken", "is not text")
            if not next_token or next_token == token:
                return refunded
            token = next_token
        raise reply.malformed("payload.NextToken", f"still has pages after {MAX_PAGES}")


def _add_refunds(reply: Reply, refunded: dict[str, Decimal]) -> None:
    """Add one page's refund events to ``refunded``; anything unreadable is malformed."""
    if not isinstance(reply.dig("payload"), dict):
        raise reply.malformed("payload", "is not an object")
    events = reply.dig("payload", "FinancialEvents", default=None)
    events = {} if events is None else events
    if not isinstance(events, dict):
        raise reply.malformed("payload.FinancialEvents", "is not an object")
    where = "payload.FinancialEvents.RefundEventList"
    for e, event in enumerate(_entries(reply, events.get("RefundEventList"), where)):
        here = f"{where}.{e}.ShipmentItemAdjustmentList"
        for i, item in enumerate(_entries(reply, event.get("ShipmentItemAdjustmentList"), here)):
            charges = f"{here}.{i}.ItemChargeAdjustmentList"
            amount = sum((_amount(reply, charge, f"{charges}.{c}") for c, charge
                          in enumerate(_entries(reply, item.get("ItemChargeAdjustmentList"),
                                                charges))), Decimal())  # fmt: skip
            keys = {item.get(k) for k in ("OrderAdjustmentItemId", "OrderItemId", "SellerSKU")}
            for key in keys - {None, ""}:
                refunded[str(key)] = refunded.get(str(key), Decimal()) + amount


def _entries(reply: Reply, value: Any, where: str) -> list[dict[str, Any]]:
    """A list of objects; absent or null is empty, anything else is malformed."""
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
        raise reply.malformed(where, "is not a list of objects")
    return value


def _amount(reply: Reply, charge: dict[str, Any], where: str) -> Decimal:
    """The refunded (positive) amount of one charge; ``CurrencyAmount`` is a signed number."""
    money = charge.get("ChargeAmount")
    if money is None:
        return Decimal()
    value = money.get("CurrencyAmount") if isinstance(money, dict) else None
    try:
        amount = Decimal(value) if isinstance(value, Decimal | int | str) else None
    except InvalidOperation:
        amount = None
    if amount is None or isinstance(value, bool) or not amount.is_finite():
        raise reply.malformed(f"{where}.ChargeAmount.CurrencyAmount", "is not an amount")
    return -amount
