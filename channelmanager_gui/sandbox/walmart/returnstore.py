"""Return orders (reference §5): created by a buyer through the admin API, listed and refunded
through the real endpoints. Dates here are ISO strings, unlike orders."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

from .dates import iso_ms, parse_ms
from .errors import WalmartError, bad_param, not_found
from .orderdata import DAY_MS, Order
from .orderflow import as_list, dig
from .vocab import SHIPPED

SERVICE = "GMP_RETURNS_API"
FILTERS = ("returnOrderId", "customerOrderId", "status", "returnType")
DATE_FILTERS = (
    ("returnCreationStartDate", "created", True),
    ("returnCreationEndDate", "created", False),
    ("returnLastModifiedStartDate", "modified", True),
    ("returnLastModifiedEndDate", "modified", False),
)


@dataclass
class ReturnOrder:
    return_id: str
    order: Order
    line_number: int
    qty: int
    reason: str
    created: int
    modified: int
    refunded: int = 0

    @property
    def status(self) -> str:
        return "COMPLETED" if self.refunded >= self.qty else "INITIATED"

    def money(self, amount: float) -> dict[str, Any]:
        return {"currencyAmount": round(amount, 2), "currencyUnit": "USD"}

    def to_json(self) -> dict[str, Any]:
        line = self.order.lines[self.line_number - 1]
        unit, tax = line.product.price, line.product.price * line.tax_rate
        name = self.order.ship_info["postalAddress"]["name"].split(" ", 1)
        refund_status = "REFUND_COMPLETED" if self.status == "COMPLETED" else "REFUND_INITIATED"
        qty = {"unitOfMeasure": "EACH", "measurementValue": self.qty}
        when = iso_ms(self.modified)
        return {
            "returnOrderId": self.return_id,
            "customerEmailId": f"3A31{self.order.customer_order_id[-6:]}B5E84F0@relay.walmart.com",
            "customerName": {"firstName": name[0], "lastName": name[-1]},
            "customerOrderId": self.order.customer_order_id,
            "returnType": "REFUND",
            "refundMode": "POST_DELIVERY",
            "returnOrderDate": iso_ms(self.created),
            "returnByDate": iso_ms(self.created + 30 * DAY_MS),
            "totalRefundAmount": self.money((unit + tax) * self.qty),
            "returnLineGroups": [
                {
                    "groupNo": 1,
                    "returnLines": [{"returnOrderLineNumber": 1}],
                    "labels": [],
                    "returnExpectedFlag": True,
                }
            ],
            "returnOrderLines": [
                {
                    "returnOrderLineNumber": 1,
                    "salesOrderLineNumber": self.line_number,
                    "sellerOrderId": line.seller_order_id,
                    "returnReason": self.reason,
                    "purchaseOrderId": self.order.po,
                    "purchaseOrderLineNumber": self.line_number,
                    "item": {"sku": line.product.sku, "productName": line.product.name},
                    "charges": [
                        {
                            "chargeCategory": "PRODUCT",
                            "chargeName": "ItemPrice",
                            "chargePerUnit": self.money(unit),
                            "isDiscount": False,
                            "isBillable": True,
                            "tax": [{"taxName": "Tax1", "taxPerUnit": self.money(tax)}],
                        }
                    ],
                    "unitPrice": self.money(unit),
                    "chargeTotals": [
                        {"name": "lineTotal", "value": self.money((unit + tax) * self.qty)}
                    ],
                    "cancellableQty": self.qty - self.refunded,
                    "quantity": qty,
                    "returnExpectedFlag": True,
                    "refundedQty": self.refunded,
                    "rechargeableQty": 0,
                    "refundChannel": "SELLER_MANUAL_REFUND",
                    "status": self.status,
                    "statusTime": when,
                    "currentRefundStatus": refund_status,
                    "currentTrackingStatuses": [
                        {
                            "status": self.status,
                            "statusTime": when,
                            "currentRefundStatus": refund_status,
                            "quantity": qty,
                        }
                    ],
                    "refundChannels": [
                        {"refundChannelName": "SELLER_MANUAL_REFUND", "quantity": qty}
                    ],
                    "returnTrackingDetail": [
                        {
                            "sequenceNo": 0,
                            "eventTag": "RETURN_INITIATED",
                            "eventDescription": "Return initiated for MARKET_PLACE",
                            "eventTime": iso_ms(self.created),
                        }
                    ],
                }
            ],
            "returnChannel": {"channelName": "ONLINE"},
        }


class ReturnStore:
    def __init__(self, seed: int) -> None:
        self.seed = seed
        self.returns: dict[str, ReturnOrder] = {}

    def issue(self, order: Order, line_number: int, qty: int, reason: str, now: int) -> ReturnOrder:
        line = order.line(line_number)
        if line is None:
            raise not_found(SERVICE, f"Line {line_number} of PO {order.po} does not exist")
        returned = sum(
            r.qty
            for r in self.returns.values()
            if r.order is order and r.line_number == line.number
        )
        if qty <= 0 or qty > line.qty_in(*SHIPPED) - returned:
            raise WalmartError(
                400,
                "INVALID_REQUEST_CONTENT." + SERVICE,
                f"Only shipped, not yet returned quantity can be returned "
                f"(line {line.number}: {line.qty_in(*SHIPPED) - returned})",
            )
        n = len(self.returns) + 1
        return_id = str(100_000_000_000_000_000 + (n * 982_451_653 + self.seed * 7_919) % 10**17)
        ret = ReturnOrder(return_id, order, line.number, qty, reason, now, now)
        self.returns[return_id] = ret
        line.return_order_id = return_id
        return ret

    def listing(self, params: dict[str, str]) -> dict[str, Any]:
        try:
            limit = max(1, min(int(params.get("limit", "10")), 200))
            offset = max(0, int(params.get("offset", "0")))
            dates = {
                name: parse_ms(params[name]) for name, _, _ in DATE_FILTERS if params.get(name)
            }
        except ValueError:
            raise bad_param(SERVICE, "limit", "limit, offset and dates must be valid") from None
        found = [r for r in self.returns.values() if _matches(r, params, dates)]
        data: dict[str, Any] = {
            "meta": {"totalCount": len(found), "limit": limit},
            "returnOrders": [r.to_json() for r in found[offset : offset + limit]],
        }
        if offset + limit < len(found):
            query = {k: params[k] for k in (*FILTERS, *dict(dates)) if params.get(k)}
            query.update({"sellerId": "151", "limit": str(limit), "offset": str(offset + limit)})
            data["meta"]["nextCursor"] = "?" + urlencode(query)
        return data

    def refund(self, return_id: str, body: Any, now: int) -> dict[str, Any]:
        """POST /v3/returns/{id}/refund: the response echoes the request plus ``returnOrderId``."""
        ret = self.returns.get(return_id)
        if ret is None:
            raise not_found(SERVICE, f"Return order {return_id} not found")
        if dig(body, "customerOrderId") != ret.order.customer_order_id:
            raise WalmartError(
                400,
                "INVALID_REQUEST_CONTENT." + SERVICE,
                "customerOrderId does not match the return order",
            )
        lines = as_list(dig(body, "refundLines"))
        total = 0
        for rl in lines or [{}]:
            if dig(rl, "returnOrderLineNumber") not in (None, 1):
                raise WalmartError(
                    400,
                    "INVALID_REQUEST_CONTENT." + SERVICE,
                    f"Return order line {dig(rl, 'returnOrderLineNumber')} not found",
                )
            value = dig(rl, "quantity", "measurementValue")
            total += int(value) if isinstance(value, int | float) else ret.qty - ret.refunded
        if total <= 0 or total > ret.qty - ret.refunded:
            raise WalmartError(
                400,
                "INVALID_REQUEST_CONTENT." + SERVICE,
                f"Refund quantity {total} exceeds the refundable {ret.qty - ret.refunded}",
            )
        ret.refunded += total
        ret.modified = now
        return {"returnOrderId": return_id, **body}


def _matches(r: ReturnOrder, params: dict[str, str], dates: dict[str, int]) -> bool:
    if params.get("returnOrderId") not in (None, "", r.return_id):
        return False
    if params.get("customerOrderId") not in (None, "", r.order.customer_order_id):
        return False
    if params.get("status") not in (None, "", r.status) or params.get("returnType") not in (
        None,
        "",
        "REFUND",
    ):
        return False
    for name, attr, low in DATE_FILTERS:
        if name in dates:
            value = getattr(r, attr)
            if (low and value < dates[name]) or (not low and value > dates[name]):
                return False
    return True
