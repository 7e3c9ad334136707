"""Walmart client models → the port's neutral records, mapping what the engine maps today.

Orders follow ``engine.order_records`` exactly: shipped = Shipped + Delivered + Refund units,
the line status is the least advanced slice (Created … Cancelled), the total is
``orderSummary.totalAmount`` or, when absent, every line's item + shipping + tax charges, and
the stored address is ``postalAddress`` plus ``shippingInfo.phone``. ``intentToCancel`` is the
buyer's cancel request (reference §3).
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from channelmanager_gui.services.marketplace.port import (
    FulfilledBy,
    IncomingLine,
    IncomingOrder,
    IncomingReturn,
    ListingSnapshot,
    Marketplace,
    ReturnLine,
)
from channelmanager_gui.services.walmart.catalog_models import Item
from channelmanager_gui.services.walmart.order_models import Order, OrderLine
from channelmanager_gui.services.walmart.return_models import ReturnOrder

STATUS_RANK = ("Created", "Acknowledged", "Shipped", "Delivered", "Refund", "Cancelled")
SHIPPED_STATES = ("Shipped", "Delivered", "Refund")


def line_status(line: OrderLine) -> str:
    """The least advanced status holding any of the line's units (what the table shows)."""
    statuses = [s.status for s in line.statuses]
    known = [s for s in STATUS_RANK if any(x.lower() == s.lower() for x in statuses)]
    return known[0] if known else (statuses[0] if statuses else "Created")


def needs_ack(order: Order) -> bool:
    """Some quantity is Created, or a line came without any status (not "acknowledged")."""
    return any(line.quantity_in("Created") > 0 or not line.statuses for line in order.lines)


def _intent(line: OrderLine) -> bool:
    return (line.intent_to_cancel or "").strip().lower() in ("true", "yes", "y", "1")


def incoming_line(line: OrderLine) -> IncomingLine:
    qty = line.quantity
    shipped = min(qty, sum(line.quantity_in(s) for s in SHIPPED_STATES))
    cancelled = min(qty - shipped, line.quantity_in("Cancelled"))
    return IncomingLine(
        line_id=line.line_number,
        sku=line.sku,
        product_name=line.product_name,
        qty=qty,
        # The PRODUCT charge is for the whole line (engine.order_records): exact line price.
        unit_price=line.price / qty if qty else Decimal("0"),
        line_price=line.price,
        shipping=line.shipping,
        tax=line.tax,
        shipping_tax=line.shipping_tax,
        status=line_status(line),
        qty_shipped=shipped,
        qty_cancelled=cancelled,
        buyer_cancel_requested=_intent(line),
    )


def _address(order: Order) -> dict[str, Any]:
    info = order.shipping_info
    if info is None or info.address is None:
        return {}
    data: dict[str, Any] = info.address.model_dump()
    data["phone"] = info.phone
    return data


def incoming_order(order: Order) -> IncomingOrder:
    lines = tuple(incoming_line(line) for line in order.lines)
    total = order.total.amount if order.total else sum(
        (ln.price + ln.shipping + ln.tax for ln in order.lines), Decimal()
    )  # fmt: skip
    info = order.shipping_info
    name = info.address.name if info and info.address else ""
    open_units = sum(ln.qty - ln.qty_shipped - ln.qty_cancelled for ln in lines)
    statuses = [ln.status for ln in lines]
    return IncomingOrder(
        marketplace=Marketplace.WALMART,
        marketplace_order_id=order.marketplace_order_id,
        customer_order_id=order.customer_order_id,
        order_date=order.order_date,
        status=next((s for s in STATUS_RANK if s in statuses), statuses[0] if statuses else ""),
        fulfilled_by=FulfilledBy.MERCHANT,
        currency=order.total.currency if order.total else "USD",
        total=total,
        lines=lines,
        shipping_address=_address(order),
        ready_to_create=open_units > 0,  # the engine creates when anything is left to ship
        needs_acknowledgement=needs_ack(order),
        ship_by=order.estimated_ship_date,
        ship_method=(info.method_code or "") if info else "",
        buyer_name=name,
        buyer_email=order.customer_email or "",
        buyer_phone=(info.phone or "") if info else "",
    )


def listing_snapshot(item: Item) -> ListingSnapshot:
    issues = tuple(item.unpublished_reasons)
    return ListingSnapshot(
        sku=item.sku,
        marketplace_item_id=item.wpid or "",
        product_id=item.gtin or item.upc or "",
        product_id_type="GTIN" if item.gtin else ("UPC" if item.upc else ""),
        title=item.product_name or "",
        price=item.price.amount if item.price else None,
        quantity=None,  # the items API carries no quantity (inventory is a separate read)
        status=" / ".join(s for s in (item.published_status, item.lifecycle_status) if s),
        issues=issues,
    )


def incoming_return(ret: ReturnOrder) -> IncomingReturn:
    lines = tuple(
        ReturnLine(
            line_id=str(line.line_number),
            sku=line.sku or "",
            qty=line.quantity,
            reason=line.reason or "",
            status=line.current_status or "",
            refunded=None,
            order_line_id=str(line.purchase_order_line_number or ""),
        )
        for line in ret.lines
    )
    po = next((ln.marketplace_order_id for ln in ret.lines if ln.marketplace_order_id), "")
    return IncomingReturn(
        return_id=ret.return_order_id,
        marketplace_order_id=po or "",
        customer_order_id=ret.customer_order_id,
        created=ret.return_order_date,
        lines=lines,
        currency=ret.total_refund.currency if ret.total_refund else "USD",
        total_refund=ret.total_refund.amount if ret.total_refund else None,
    )
