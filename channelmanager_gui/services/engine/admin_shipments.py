"""Loop "shipments": shipments made directly in the Commerce admin reach Walmart too.

Each pass lists Commerce shipments created since the watermark, ``gteq`` and with an
overlap: ``created_at`` has one-second precision, so a shipment made in the same second as the
last poll (or committed late) is listed again; the Commerce shipment id de-duplicates. A
shipment of an order we created that is not known locally — by its Commerce id, or by its
tracking number (our own ``commerce.ship`` whose answer was lost) — is recorded as
``Shipment(source="commerce")`` with its lines, and ``walmart.ship`` is queued, all in one
transaction. A shipment without a track cannot go to Walmart (a tracking number is required);
the order shows why, and the watermark stays before it so it is picked up once a track is added.
"""

from __future__ import annotations

import logging
from datetime import timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from channelmanager_gui.models.order import Order, Shipment
from channelmanager_gui.services.changes import Change
from channelmanager_gui.services.changes import note as note_changes
from channelmanager_gui.services.commerce.sales_models import Shipment as CommerceShipment
from channelmanager_gui.services.engine.carrier_map import walmart_carrier
from channelmanager_gui.services.engine.context import EngineEnv, StoreContext
from channelmanager_gui.services.engine.cursors import read_cursor, write_cursor
from channelmanager_gui.services.engine.fulfilment_common import (
    clear_error,
    load_order,
    note,
    set_error,
    sync_error,
)
from channelmanager_gui.services.engine.order_records import marketplace_name
from channelmanager_gui.services.engine.shipping import add_lines, queue, ship_kind

log = logging.getLogger(__name__)

CURSOR = "shipments.commerce_created"
OVERLAP = timedelta(minutes=10)
UNTRACKED_STEP = "commerce_shipment"
UNTRACKED_PATIENCE = timedelta(days=2)  # stop waiting for a track after this long


async def detect_admin_shipments(env: EngineEnv, store: StoreContext) -> dict[str, int]:
    """One pass; returns counts for the status board."""
    with env.db.session() as session:
        since = read_cursor(session, store.id, CURSOR)
    if since is None:
        since = env.clock() - timedelta(hours=store.settings.order_lookback_hours)
    shipments = await store.commerce.list_shipments(created_since=since - OVERLAP)
    counts = {"seen": len(shipments), "recorded": 0, "untracked": 0}
    newest, waiting = since, None
    for remote in shipments:
        created = remote.created_at or since
        newest = max(newest, created)
        try:
            outcome = _record(env, store, remote)
        except Exception as exc:  # one bad shipment never stops the others
            log.exception("Commerce shipment %s could not be recorded", remote.entity_id)
            sync_error(
                env.db,
                store.id,
                "commerce_shipment",
                f"Shipment {remote.increment_id or remote.entity_id} made in Commerce "
                f"could not be recorded: {exc}",
            )
            outcome = "error"
        counts[outcome] = counts.get(outcome, 0) + 1
        if outcome == "untracked" and env.clock() - created < UNTRACKED_PATIENCE:
            waiting = created if waiting is None else min(waiting, created)
    with env.db.session() as session:
        write_cursor(session, store.id, CURSOR, waiting or newest)
    return counts


def _record(env: EngineEnv, store: StoreContext, remote: CommerceShipment) -> str:
    with env.db.session() as session:
        order_id = session.scalar(
            select(Order.id).where(
                Order.store_id == store.id, Order.commerce_entity_id == remote.order_id
            )
        )
        if order_id is None:
            return "foreign"  # not an order we created
        order = load_order(session, order_id)
        if _known(session, order, remote):
            return "known"
        if not remote.tracks:
            return _untracked(session, env, order, remote)
        quantities = _quantities(order, remote)
        if not quantities:
            return "known"  # nothing left open: already shipped through us
        track = remote.tracks[0]
        carrier = walmart_carrier(track.carrier_code, track.title)
        shipment = Shipment(
            order_id=order.id,
            carrier=carrier.carrier,
            other_carrier=carrier.other_carrier,
            method_code=order.method_code or "Standard",
            tracking_number="".join(track.track_number.split())[:64],
            ship_date=remote.created_at or env.clock(),
            source="commerce",
            commerce_shipment_id=remote.entity_id,
        )
        add_lines(order, shipment, quantities)
        session.flush()
        # Goods handed to a carrier in the Commerce admin are gone: if the buyer had asked to
        # cancel, the marketplace must still get the tracking (Walmart: the override), and the
        # timeline says so.
        queue(session, order, ship_kind(order), shipment, override=order.intent_to_cancel)
        clear_error(order, UNTRACKED_STEP)
        extra = f" (+{len(remote.tracks) - 1} more tracks)" if len(remote.tracks) > 1 else ""
        note(
            session,
            order,
            "commerce_shipment",
            f"Shipment {remote.increment_id or remote.entity_id} made in Commerce: "
            f"{sum(quantities.values())} unit(s), {track.title or track.carrier_code} "
            f"{shipment.tracking_number}{extra}; sending it to "
            f"{marketplace_name(order.marketplace)}"
            + (" although the buyer asked to cancel" if order.intent_to_cancel else ""),
        )
        note_changes(session, Change.ORDERS, Change.ACTIVITY, Change.OUTBOX)
        return "recorded"


def _known(session: Session, order: Order, remote: CommerceShipment) -> bool:
    """Known by Commerce id, or ours by tracking number (then remember the Commerce id).

    Only a local shipment without a Commerce id yet (our ``commerce.ship`` whose answer was
    lost, or not sent yet) is matched by tracking number: one parcel number on two admin
    shipments (two boxes' worth split in the admin) is two Commerce shipments, both for Walmart.
    """
    numbers = {"".join(t.track_number.split()).casefold() for t in remote.tracks}
    if any(s.commerce_shipment_id == remote.entity_id for s in order.shipments):
        return True
    for shipment in order.shipments:
        if shipment.commerce_shipment_id is None and shipment.tracking_number.casefold() in numbers:
            shipment.commerce_shipment_id = remote.entity_id
            return True
    return False


def _quantities(order: Order, remote: CommerceShipment) -> dict[str, int]:
    """Walmart line → units in this Commerce shipment, by item id or else SKU, capped at what
    is still open locally (Walmart refuses over-shipping)."""
    by_item = {ln.commerce_item_id: ln for ln in order.lines if ln.commerce_item_id}
    by_sku = {ln.sku: ln for ln in order.lines}
    out: dict[str, int] = {}
    for item in remote.items:
        line = by_item.get(item.order_item_id) or by_sku.get(item.sku)
        if line is None:
            continue
        qty = min(int(item.qty), line.qty_open - out.get(line.line_number, 0))
        if qty > 0:
            out[line.line_number] = out.get(line.line_number, 0) + qty
    return out


def _untracked(session: Session, env: EngineEnv, order: Order, remote: CommerceShipment) -> str:
    message = (
        f"Shipment {remote.increment_id or remote.entity_id} was made in Commerce without a "
        "tracking number; Walmart needs one. Add the tracking number to that shipment in "
        "Commerce and it will be sent."
    )
    if order.error != message:
        set_error(session, order, UNTRACKED_STEP, message)
        note_changes(session, Change.ORDERS, Change.ACTIVITY)
    return "untracked"
