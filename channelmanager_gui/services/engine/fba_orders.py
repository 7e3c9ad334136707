"""Amazon FBA orders recorded in Commerce as already shipped (account setting
``record_fba_orders``).

Amazon ships these itself (reference §2.3: AFN is read-only for us, no shipment confirmation);
Adobe's Amazon Sales Channel can import them so Commerce's sales and stock reports include
them (§7). Once the Commerce order is placed, a shipment marked ``source = "marketplace"`` is
written with it and only ``commerce.ship`` is queued: nothing is ever sent to Amazon for it.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.orm import Session

from channelmanager_gui.models.order import Order, Shipment, ShipmentLine
from channelmanager_gui.services.engine.order_activity import note
from channelmanager_gui.services.engine.order_records import marketplace_name
from channelmanager_gui.services.engine.shipping import COMMERCE_SHIP, queue
from channelmanager_gui.services.marketplace.port import FulfilledBy

SOURCE = "marketplace"  # shipments.source of a shipment the marketplace made (FBA)


def record_fba_shipment(session: Session, order: Order, now: datetime) -> None:
    """The Commerce shipment of an FBA order just placed in Commerce (once per order)."""
    if order.fulfilled_by != FulfilledBy.MARKETPLACE.value:
        return
    if any(s.source == SOURCE for s in order.shipments):
        return
    quantities = {ln.id: ln.qty_ordered - ln.qty_cancelled for ln in order.lines}
    quantities = {line_id: qty for line_id, qty in quantities.items() if qty > 0}
    if not quantities:
        return
    name = marketplace_name(order.marketplace)
    shipment = Shipment(
        other_carrier=f"Fulfilled by {name}",
        tracking_number=f"FBA-{order.marketplace_order_id}"[:64],
        ship_date=now,
        source=SOURCE,
        marketplace_sent_at=now,  # nothing to send: the marketplace shipped it
        lines=[ShipmentLine(order_line_id=line_id, qty=qty) for line_id, qty in quantities.items()],
    )
    order.shipments.append(shipment)
    session.flush()
    queue(session, order, COMMERCE_SHIP, shipment)
    note(session, order, "fba_shipment", f"Fulfilled by {name}: the Commerce order is recorded "
         f"as shipped ({sum(quantities.values())} unit(s)).")  # fmt: skip
