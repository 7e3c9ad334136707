"""Outbox handler that sends a recorded shipment to Commerce (``commerce.ship``).

The call is not safe to repeat (each makes a new shipment document), so on a retry the
handler first looks at Commerce's shipments of the order: a track with our tracking number
means the first attempt landed. The marketplace side (``walmart.ship``, ``amazon.ship``) is
the port's handler in ``marketplace_actions``, which looks before it acts the same way.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session

from channelmanager_gui.errors import ChannelError
from channelmanager_gui.models.order import Order, OrderLine, Shipment
from channelmanager_gui.services.changes import Change
from channelmanager_gui.services.changes import note as note_changes
from channelmanager_gui.services.commerce.models import Track
from channelmanager_gui.services.engine.carrier_map import commerce_track
from channelmanager_gui.services.engine.context import EngineEnv
from channelmanager_gui.services.engine.fulfilment_common import (
    clear_error,
    load_order,
    note,
    set_error,
)
from channelmanager_gui.services.engine.shipping import COMMERCE_SHIP
from channelmanager_gui.services.outbox import ActionContext


@dataclass
class _Snapshot:
    """What a handler needs, read in a short transaction before any remote call."""

    order: Order
    shipment: Shipment
    lines: list[tuple[OrderLine, int]]  # (order line, qty in this shipment)


def _snapshot(env: EngineEnv, ctx: ActionContext) -> _Snapshot:
    with env.db.session() as session:
        order = load_order(session, ctx.subject_id)
        shipment = next((s for s in order.shipments if s.id == ctx.payload["shipment_id"]), None)
        if shipment is None:
            raise ChannelError(f"Shipment #{ctx.payload['shipment_id']} no longer exists.")
        by_id = {line.id: line for line in order.lines}
        lines = [(by_id[sl.order_line_id], sl.qty) for sl in shipment.lines]
        return _Snapshot(order, shipment, lines)


def _matches(number: str | None, wanted: str) -> bool:
    return (number or "").replace(" ", "").casefold() == wanted.casefold()


class CommerceShipHandler:
    """``commerce.ship``: a Commerce shipment with one track, from the store's "ship from"
    source (MSI deducts the stock there); stores its id."""

    lane = "commerce.merchant"  # a merchant's click goes ahead of order creation

    def __init__(self, env: EngineEnv) -> None:
        self.env = env

    async def send(self, ctx: ActionContext) -> dict[str, Any] | None:
        snap = _snapshot(self.env, ctx)
        shipment, order = snap.shipment, snap.order
        if shipment.commerce_shipment_id is not None:
            return {"commerce_shipment_id": shipment.commerce_shipment_id, "skipped": True}
        if order.commerce_entity_id is None:
            raise ChannelError("The order is not in Commerce yet, so it cannot be shipped there.")
        store = self.env.store(ctx.store_id)
        client = store.commerce
        if ctx.retrying:
            for existing in await client.list_shipments(order_id=order.commerce_entity_id):
                if any(_matches(t.track_number, shipment.tracking_number) for t in existing.tracks):
                    return {"commerce_shipment_id": existing.entity_id, "skipped": True}
        items, item_ids = await self._items(ctx, order, snap.lines)
        code, title = commerce_track(shipment.carrier, shipment.other_carrier)
        track = Track(track_number=shipment.tracking_number, title=title, carrier_code=code)
        shipment_id = await client.ship_order(
            order.commerce_entity_id,
            items,
            [track],
            source_code=store.settings.ship_source_code.strip(),
        )
        return {"commerce_shipment_id": shipment_id, "item_ids": item_ids}

    async def _items(
        self, ctx: ActionContext, order: Order, lines: list[tuple[OrderLine, int]]
    ) -> tuple[list[tuple[int, float]], dict[str, int]]:
        """Commerce ``order_item_id`` per line: stored at creation, else found by SKU."""
        ids = {ln.line_number: ln.commerce_item_id for ln, _ in lines if ln.commerce_item_id}
        if len(ids) < len(lines):
            assert order.commerce_entity_id is not None
            remote = await self.env.store(ctx.store_id).commerce.get_order(order.commerce_entity_id)
            by_sku = {i.sku: i.item_id for i in remote.items if i.parent_item_id is None}
            for line, _ in lines:
                if line.line_number not in ids:
                    if line.sku not in by_sku:
                        raise ChannelError(
                            f"The Commerce order has no item with SKU {line.sku}; ship it in "
                            "Commerce by hand, or correct the order there."
                        )
                    ids[line.line_number] = by_sku[line.sku]
        items = [(ids[ln.line_number], float(qty)) for ln, qty in lines]
        return items, {k: v for k, v in ids.items() if v is not None}

    def apply(self, session: Session, ctx: ActionContext, result: dict[str, Any] | None) -> None:
        result = result or {}
        shipment = session.get_one(Shipment, ctx.payload["shipment_id"])
        shipment.commerce_shipment_id = result.get("commerce_shipment_id")
        order = load_order(session, ctx.subject_id)
        for line in order.lines:
            item_id = (result.get("item_ids") or {}).get(line.line_number)
            if item_id and line.commerce_item_id is None:
                line.commerce_item_id = item_id
        clear_error(order, COMMERCE_SHIP)
        how = "already there" if result.get("skipped") else "created"
        note(
            session,
            order,
            COMMERCE_SHIP,
            f"Commerce shipment #{shipment.commerce_shipment_id} {how} "
            f"(tracking {shipment.tracking_number})",
        )
        note_changes(session, Change.ORDERS, Change.ACTIVITY)

    def failed(self, session: Session, ctx: ActionContext, error: ChannelError) -> None:
        order = load_order(session, ctx.subject_id)
        set_error(session, order, COMMERCE_SHIP, f"Shipping in Commerce failed: {error}")
        note_changes(session, Change.ORDERS, Change.ACTIVITY)
