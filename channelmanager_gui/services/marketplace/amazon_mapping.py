"""Amazon client models → the port's neutral records (reference §2.3–§2.5, §3.5, §4.7).

Orders come from Orders v2026-01-01 with their items. A Pending order has no prices yet
(§2.3): its money stays ``None`` and it is not ready to become a Commerce order; only an MFN
order in ``UNSHIPPED`` is (Adobe waits for Unshipped too, §7). FBA (``AMAZON``) orders are
shown, never shipped by us. Amazon has one order id, used for both order ids. The v2026
item model we read carries the unit price only (§2.5): item shipping and tax are left at zero
(?) — the grand total (``proceeds.grandTotal``) is kept exact.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import datetime
from decimal import Decimal
from typing import Any

from channelmanager_gui.services.amazon.marketplaces import BY_ID
from channelmanager_gui.services.amazon.models import Address, Order, OrderItem, OrderStatus
from channelmanager_gui.services.amazon.report_rows import ListingRow, ReturnRow
from channelmanager_gui.services.marketplace.port import (
    FulfilledBy,
    IncomingLine,
    IncomingOrder,
    IncomingReturn,
    ListingSnapshot,
    Marketplace,
    ReturnLine,
)
from channelmanager_gui.services.walmart.fields import to_datetime


def address_dict(address: Address | None) -> dict[str, Any]:
    """The keys the Walmart import stores (``engine.order_records._address``); without the
    PII role only city, state, postal code and country are filled (§1.5)."""
    if address is None:
        return {}
    second = ", ".join(part for part in (address.line2, address.line3) if part)
    return {
        "name": address.name,
        "address1": address.line1,
        "address2": second or None,
        "city": address.city,
        "state": address.state,
        "postal_code": address.postal_code,
        "country": address.country,
        "address_type": address.address_type or None,
        "phone": address.phone or None,
    }


def incoming_line(item: OrderItem, order: Order) -> IncomingLine:
    shipped = min(item.quantity, item.quantity_shipped)
    cancelled = item.quantity - shipped if order.status is OrderStatus.CANCELLED else 0
    return IncomingLine(
        line_id=item.order_item_id,
        sku=item.sku,
        product_name=item.title,
        qty=item.quantity,
        unit_price=item.unit_price.amount if item.unit_price else None,
        line_price=item.line_total,
        status=order.status_raw,
        qty_shipped=shipped,
        qty_cancelled=cancelled,
        buyer_cancel_requested=item.buyer_requested_cancel,
        buyer_cancel_reason=item.buyer_cancel_reason,
        marketplace_item_id=item.asin,
    )


def incoming_order(order: Order) -> IncomingOrder:
    lines = tuple(incoming_line(item, order) for item in order.items)
    merchant = order.merchant_fulfilled
    priced = bool(lines) and all(line.unit_price is not None for line in lines)
    known = BY_ID.get(order.marketplace_id)
    currency = (order.total.currency if order.total else "") or (known.currency if known else "")
    address = order.address
    return IncomingOrder(
        marketplace=Marketplace.AMAZON,
        marketplace_order_id=order.order_id,
        customer_order_id=order.order_id,
        order_date=order.created,
        status=order.status_raw,
        fulfilled_by=FulfilledBy.MERCHANT if merchant else FulfilledBy.MARKETPLACE,
        currency=currency,
        total=order.total.amount if order.total else None,
        lines=lines,
        shipping_address=address_dict(address),
        ready_to_create=merchant and priced and order.status is OrderStatus.UNSHIPPED,
        last_updated=order.last_updated,
        ship_by=order.ship_by,
        ship_method=order.service_level,
        buyer_name=address.name if address else "",
        buyer_phone=address.phone if address else "",
        sales_channel=order.marketplace_id,
    )


def listing_snapshot(row: ListingRow, known_skus: frozenset[str]) -> ListingSnapshot:
    """A row of the All Listings report (§4.7); not one of ours → New third party (§4.8)."""
    fba = row.fulfillment_channel.upper().startswith("AMAZON")
    return ListingSnapshot(
        sku=row.sku,
        marketplace_item_id=row.asin,
        product_id=row.product_id,
        product_id_type=row.product_id_type,
        title=row.name,
        price=row.price,
        quantity=row.quantity,
        status=row.status,
        third_party=row.sku not in known_skus,
        fulfilled_by=FulfilledBy.MARKETPLACE if fba else FulfilledBy.MERCHANT,
    )


def incoming_returns(rows: list[ReturnRow]) -> list[IncomingReturn]:
    """Report rows grouped into returns by RMA id (else order id). The report names SKUs, not
    order item ids (§3.5), so a line's id is its SKU; ``refund`` translates it."""
    groups: dict[str, list[ReturnRow]] = defaultdict(list)
    for row in rows:
        groups[row.rma_id or row.order_id].append(row)
    returns = []
    for return_id, group in groups.items():
        first = group[0]
        refunded = [r.refunded for r in group if r.refunded is not None]
        total = sum(refunded, Decimal()) if refunded else None
        lines = tuple(ReturnLine(line_id=r.sku, sku=r.sku, qty=r.quantity, reason=r.reason,
                                 status=r.status, refunded=r.refunded) for r in group)  # fmt: skip
        returns.append(IncomingReturn(
            return_id=return_id, marketplace_order_id=first.order_id,
            customer_order_id=first.order_id, created=_date(first.return_date), lines=lines,
            currency=first.currency or "USD", total_refund=total,
        ))  # fmt: skip
    return returns


def _date(text: str) -> datetime | None:
    try:
        return to_datetime(text) if text else None
    except ValueError:
        return None
