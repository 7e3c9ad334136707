"""Packing slips: what goes in the box with an order, as HTML that Qt prints or saves as PDF.

A read (no change): Qt-free so the content is tested without a printer; the window
(``views/packing_slips.py``)
hands the HTML to a ``QTextDocument`` and a ``QPrinter``. Every text a buyer or a marketplace
typed (name, address, product name, SKU) is ``html.escape``d: it is data, never markup
(UX.md, "shown exactly as typed"). One slip per order, each starting on a new page.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from html import escape
from typing import Any

from channelmanager_gui.models.db import Database
from channelmanager_gui.models.order import Order
from channelmanager_gui.services.ops.order_reads import order_for_action

_ADDRESS_KEYS = ("name", "address1", "address2")


@dataclass(frozen=True)
class SlipLine:
    sku: str
    name: str
    qty_open: int
    qty_ordered: int


@dataclass(frozen=True)
class Slip:
    """One order's slip: the numbers a buyer or a packer may quote, the items, the address."""

    marketplace_order_id: str
    customer_order_id: str
    commerce_increment_id: str | None
    order_date: datetime | None
    method_code: str | None
    ship_to: tuple[str, ...]
    lines: tuple[SlipLine, ...]


def load_orders(db: Database, order_ids: Sequence[int]) -> list[Order]:
    """The orders with their lines, detached, in the order given."""
    return [order_for_action(db, order_id) for order_id in order_ids]


def slip_for(order: Order) -> Slip:
    lines = tuple(
        SlipLine(line.sku, line.product_name, max(line.qty_open, 0), line.qty_ordered)
        for line in order.lines
    )
    return Slip(
        marketplace_order_id=order.marketplace_order_id,
        customer_order_id=order.customer_order_id,
        commerce_increment_id=order.commerce_increment_id,
        order_date=order.order_date,
        method_code=order.method_code,
        ship_to=ship_to_lines(order.shipping_address or {}),
        lines=lines,
    )


def ship_to_lines(address: dict[str, Any]) -> tuple[str, ...]:
    """The address as a label has it: name, street lines, "City, ST 12345", country."""
    lines = [str(address[key]) for key in _ADDRESS_KEYS if address.get(key)]
    # model_dump of Walmart's postalAddress gives ``postal_code``; rows written by earlier
    # versions may hold Walmart's own ``postalCode``.
    postal = address.get("postal_code") or address.get("postalCode")
    region = " ".join(str(p) for p in (address.get("state"), postal) if p)
    city = ", ".join(p for p in (str(address.get("city") or ""), region) if p)
    lines += [p for p in (city, str(address.get("country") or "")) if p]
    return tuple(lines)


def slips_html(slips: Sequence[Slip]) -> str:
    """The whole document: one slip per order, a page break between them."""
    parts = []
    for index, slip in enumerate(slips):
        breaks = index < len(slips) - 1
        style = ' style="page-break-after: always"' if breaks else ""
        parts.append(f"<div{style}>{_slip_html(slip)}</div>")
    return (
        "<html><head><meta charset='utf-8'><title>Packing slips</title></head>"
        f"<body style='font-family: sans-serif; font-size: 10pt'>{''.join(parts)}</body></html>"
    )


def _slip_html(slip: Slip) -> str:
    numbers = [
        ("Marketplace order (Walmart PO)", slip.marketplace_order_id),
        ("Customer order", slip.customer_order_id),
    ]
    if slip.commerce_increment_id:
        numbers.append(("Commerce order", slip.commerce_increment_id))
    if slip.order_date is not None:
        numbers.append(("Order date", f"{slip.order_date:%Y-%m-%d}"))
    if slip.method_code:
        numbers.append(("Shipping method", slip.method_code))
    facts = "".join(
        f"<tr><td><b>{escape(label)}:</b></td><td>{escape(value)}</td></tr>"
        for label, value in numbers
    )
    address = "<br>".join(escape(line) for line in slip.ship_to) or "(no address on the order)"
    rows = "".join(
        f"<tr><td>{escape(line.sku)}</td><td>{escape(line.name)}</td>"
        f"<td align='right'>{line.qty_open}</td><td align='right'>{line.qty_ordered}</td></tr>"
        for line in slip.lines
    )
    return (
        f"<h2>Packing slip — order {escape(slip.marketplace_order_id)}</h2>"
        f"<table cellspacing='0' cellpadding='2'>{facts}</table>"
        f"<h3>Ship to</h3><p>{address}</p>"
        "<h3>Items</h3>"
        "<table width='100%' border='1' cellspacing='0' cellpadding='4'>"
        "<tr><th align='left'>SKU</th><th align='left'>Product</th>"
        "<th align='right'>To ship</th><th align='right'>Ordered</th></tr>"
        f"{rows}</table>"
    )
