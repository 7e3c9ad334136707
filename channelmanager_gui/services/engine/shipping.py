"""Shipping an order: the local facts and the outbox actions, written in one transaction.

``ship_order`` is what the Ship dialog and ``orders ship`` call with a checked
:class:`~channelmanager_gui.services.validation.ShipRequest`. It records the shipment and its
lines, raises the lines' shipped quantities (so the order shows Partially shipped / Shipped at
once) and queues ``commerce.ship`` then ``walmart.ship``; the outbox worker sends them
(handlers in ``ship_handlers.py``). A partial shipment is just a shipment of fewer units.
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from channelmanager_gui.errors import ValidationError
from channelmanager_gui.models.db import Database
from channelmanager_gui.models.order import Order, Shipment, ShipmentLine
from channelmanager_gui.services import outbox
from channelmanager_gui.services.changes import Change, ChangeBus
from channelmanager_gui.services.engine.fulfilment_common import (
    load_order,
    note,
    publish_after_commit,
)
from channelmanager_gui.services.engine.order_status import refresh_order_status
from channelmanager_gui.services.validation import (
    FIELD_TRACKING_URL,
    ShipRequest,
    check_tracking_url,
    recheck_shipment,
)

COMMERCE_SHIP = "commerce.ship"
WALMART_SHIP = "walmart.ship"


def ship_order(
    db: Database, order_id: int, request: ShipRequest, *, changes: ChangeBus | None = None
) -> Shipment:
    """Record the shipment and queue it for Commerce and Walmart; returns the new shipment.

    The request is checked again against the order as stored now (``ValidationError``), since
    another shipment may have arrived since the dialog opened. Nothing is written on error.
    """
    with db.session() as session:
        order = load_order(session, order_id)
        recheck_shipment(order, request)
        shipment = Shipment(
            order_id=order.id,
            carrier=request.carrier,
            other_carrier=request.other_carrier,
            method_code=request.method_code,
            tracking_number=request.tracking_number,
            tracking_url=request.tracking_url,
            ship_date=request.ship_date,
            source="app",
        )
        add_lines(order, shipment, request.lines)
        session.add(shipment)
        session.flush()
        queue(session, order, COMMERCE_SHIP, shipment)
        override = request.override_cancel_request and order.intent_to_cancel
        queue(session, order, WALMART_SHIP, shipment, override=override)
        refresh_order_status(order)
        note(session, order, "ship_requested", describe(shipment, request.lines))
        publish_after_commit(session, changes, Change.ORDERS, Change.ACTIVITY, Change.OUTBOX)
        return shipment


def add_lines(order: Order, shipment: Shipment, quantities: dict[str, int]) -> None:
    """Attach shipment lines and raise the order lines' shipped quantities."""
    by_number = {line.line_number: line for line in order.lines}
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
    if kind == WALMART_SHIP:
        payload["intent_to_cancel_override"] = override
    outbox.enqueue(
        session,
        store_id=order.store_id,
        kind=kind,
        subject_type="order",
        subject_id=order.id,
        payload=payload,
    )


def describe(shipment: Shipment, quantities: dict[str, int]) -> str:
    carrier = shipment.carrier or shipment.other_carrier or "?"
    units = sum(quantities.values())
    lines = ", ".join(f"line {n} × {q}" for n, q in sorted(quantities.items()))
    return (
        f"Shipment of {units} unit(s) ({lines}) with {carrier} {shipment.method_code}, "
        f"tracking {shipment.tracking_number}"
    )


def set_tracking_url(
    db: Database, shipment_id: int, url: str, *, changes: ChangeBus | None = None
) -> None:
    """Add the tracking link Walmart needs for an unlisted carrier (typically a shipment made
    in the Commerce admin with a custom carrier), then retry the order's failed actions."""
    link = check_tracking_url(url)
    if link is None:
        raise ValidationError(FIELD_TRACKING_URL, "enter the carrier's tracking link")
    with db.session() as session:
        shipment = session.get(Shipment, shipment_id)
        if shipment is None:
            raise ValidationError("shipment", f"shipment #{shipment_id} does not exist")
        order = load_order(session, shipment.order_id)
        shipment.tracking_url = link
        retried = outbox.retry_subject(session, "order", order.id)
        note(session, order, "tracking_url_added", f"Tracking link added: {link}")
        if retried:
            note(session, order, "retry", f"{retried} failed step(s) queued again", "info")
        publish_after_commit(session, changes, Change.ORDERS, Change.ACTIVITY, Change.OUTBOX)
