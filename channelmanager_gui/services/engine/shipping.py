"""Shipping an order: the local facts and the outbox actions, written in one transaction.

The operation ``ops.ship`` (``services/ops/order_writes.py``) records a shipment with these
pieces, as the admin-shipment import does (``admin_shipments.py``): it raises the lines'
shipped quantities and queues ``commerce.ship`` then the marketplace's ship action
(``walmart.ship``, ``amazon.ship``: :func:`ship_kind`); the outbox worker sends them (handlers
in ``ship_handlers.py`` (Commerce) and ``marketplace_actions.py`` (every marketplace)). A
partial shipment is just a shipment of fewer units. Each shipment gets its package reference
when it is written (Amazon's ``packageReferenceId``: a positive whole number as text, unique
per order, §3.2), so every retry sends the same one.
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from channelmanager_gui.models.order import Order, Shipment, ShipmentLine
from channelmanager_gui.services import outbox

COMMERCE_SHIP = "commerce.ship"
WALMART_SHIP = "walmart.ship"


def ship_kind(order: Order) -> str:
    """The outbox action that sends a shipment of ``order`` to its marketplace."""
    return f"{order.marketplace}.ship"


def add_lines(order: Order, shipment: Shipment, quantities: dict[str, int]) -> None:
    """Attach shipment lines and raise the order lines' shipped quantities."""
    by_number = {line.line_number: line for line in order.lines}
    if not shipment.package_reference:
        shipment.package_reference = str(len(order.shipments) + 1)
    for number, qty in quantities.items():
        line = by_number[number]
        line.qty_shipped += qty
        shipment.lines.append(ShipmentLine(order_line_id=line.id, qty=qty))
    order.shipments.append(shipment)


def queue(
    session: Session, order: Order, kind: str, shipment: Shipment, *, override: bool = False
) -> None:
    """Queue one ship action; the handler reads the shipment back from the database."""
    payload: dict[str, object] = {"shipment_id": shipment.id}
    account_id = None if kind == COMMERCE_SHIP else order.account_id
    if kind == WALMART_SHIP:
        payload["intent_to_cancel_override"] = override
    outbox.enqueue(
        session,
        store_id=order.store_id,
        kind=kind,
        subject_type="order",
        subject_id=order.id,
        payload=payload,
        account_id=account_id,
    )


def describe(shipment: Shipment, quantities: dict[str, int]) -> str:
    carrier = shipment.carrier or shipment.other_carrier or "?"
    units = sum(quantities.values())
    lines = ", ".join(f"line {n} × {q}" for n, q in sorted(quantities.items()))
    return (
        f"Shipment of {units} unit(s) ({lines}) with {carrier} {shipment.method_code}, "
        f"tracking {shipment.tracking_number}"
    )
