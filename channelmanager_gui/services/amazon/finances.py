"""Finances API v0 ``listFinancialEventsByOrderId``: what an order has been refunded (§3.4).

Refunds cannot be undone through the API, so the reference says to check for existing refunds
first (``RefundEventList``) — the adjustment feed is resent only when the order shows none for
the item. Each ``ShipmentItemAdjustmentList`` entry names the order item
(``OrderAdjustmentItemId``) and its charges, negative for a refund. Rate 0.5/s, burst 30 from the
Finances model (not in the reference (?)). Paging (``NextToken``) is not followed: one order's
events fit a page.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Any

from channelmanager_gui.services.amazon.core import AmazonCore
from channelmanager_gui.services.walmart.core import segment


class FinancesApi(AmazonCore):
    async def refunded_items(self, order_id: str) -> dict[str, Decimal]:
        """Order item id (and SKU) → amount refunded so far (positive), per posted refund."""
        reply = await self._call(
            "GET", f"/finances/v0/orders/{segment(order_id, 'order_id')}/financialEvents",
            what=f"the refunds of order {order_id}", op="finances.orderEvents",
        )  # fmt: skip
        events = reply.dig("payload", "FinancialEvents", "RefundEventList", default=[]) or []
        refunded: dict[str, Decimal] = {}
        for event in events if isinstance(events, list) else []:
            for item in _list(event, "ShipmentItemAdjustmentList"):
                amount = sum((_amount(c) for c in _list(item, "ItemChargeAdjustmentList")),
                             Decimal())  # fmt: skip
                for key in (item.get("OrderAdjustmentItemId"), item.get("SellerSKU")):
                    if key:
                        refunded[str(key)] = refunded.get(str(key), Decimal()) + amount
        return refunded


def _list(data: Any, key: str) -> list[dict[str, Any]]:
    value = data.get(key) if isinstance(data, dict) else None
    return [v for v in value if isinstance(v, dict)] if isinstance(value, list) else []


def _amount(charge: dict[str, Any]) -> Decimal:
    money = charge.get("ChargeAmount") or {}
    try:
        return -Decimal(str(money.get("CurrencyAmount", 0)))
    except (InvalidOperation, AttributeError):
        return Decimal()
