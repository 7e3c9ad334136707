"""Finances API v0 ``listFinancialEventsByOrderId``: an order's refunds (reference §3.4).

§3.4: refunds cannot be undone, so a refund is sent only after checking for existing ones
through this call (``RefundEventList``). The sandbox posts a refund event when the adjustment
feed that made it is processed (``orderfeeds._adjust``); real Amazon may post it later, which
is why the client also looks for adjustment feeds still processing (``getFeeds``).
Shapes follow the v0 model (``payload`` wrapper, ``ShipmentItemAdjustmentList`` with
``OrderAdjustmentItemId``, ``SellerSKU`` and ``ItemChargeAdjustmentList``, money as
``CurrencyAmount``, negative for a refund). ``OrderAdjustmentItemId`` is the *adjustment's* own
id ("an Amazon-defined order adjustment identifier", financesV0.json), not the order item id
(amzn/selling-partner-api-models#2487 shows the two differ), so a client must match a refund
by ``SellerSKU``; whether real refund events also carry ``OrderItemId`` is not established (?),
so the sandbox leaves it out. The rate (0.5/s, burst 30) is the model's, not in
the reference (?).
"""

from __future__ import annotations

import zlib
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from starlette.requests import Request
from starlette.responses import Response

from .errors import json_response
from .http import endpoint

if TYPE_CHECKING:
    from .state import AmazonState


def _event(
    order_id: str, skus: dict[str, str], refund: dict[str, Any], number: int
) -> dict[str, Any]:
    charges = []
    for kind, text in dict(refund.get("components") or {}).items():
        amount, _, currency = str(text).partition(" ")
        money = {"CurrencyCode": currency or "USD", "CurrencyAmount": float(-Decimal(amount))}
        charges.append({"ChargeType": kind, "ChargeAmount": money})
    item = str(refund.get("orderItemId", ""))
    adjustment = 90_000_000_000_000 + zlib.crc32(f"{order_id}/{item}/{number}".encode())
    return {
        "AmazonOrderId": order_id,
        "ShipmentItemAdjustmentList": [
            {"OrderAdjustmentItemId": str(adjustment), "SellerSKU": skus.get(item, ""),
             "ItemChargeAdjustmentList": charges}
        ],
    }  # fmt: skip


async def order_events(request: Request, state: AmazonState) -> Response:
    state.feeds.all()  # adjustment feeds due by now are processed (their refunds posted)
    order = state.orders.get(request.path_params["orderId"])
    skus = {i.item_id: i.sku for i in order.items}
    events = [_event(order.order_id, skus, r, n) for n, r in enumerate(order.refunds)]
    return json_response({"payload": {"FinancialEvents": {"RefundEventList": events}}})


ROUTES = [
    endpoint("GET", "/finances/v0/orders/{orderId}/financialEvents", order_events,
             "listFinancialEventsByOrderId"),
]  # fmt: skip
