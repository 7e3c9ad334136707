"""``POST /V1/order/{id}/ship``, shipment reads and tracking numbers (reference §7).

Each call makes a new shipment checked against what is still to ship. Shipping deducts the
quantity from the MSI source named in ``arguments.extension_attributes.source_code`` (``default``
when none is given, as in single-source mode; reference §7) and, through ``order_change``,
releases the same quantity of the order's reservation, so salable quantity does not move twice.
"""

from __future__ import annotations

from typing import Any

from channelmanager_gui.sandbox.commerce import lifecycle
from channelmanager_gui.sandbox.commerce.documents import (
    DocumentSource,
    comment_entry,
    get_document,
    new_document,
    render_document,
    render_track,
    save_document,
)
from channelmanager_gui.sandbox.commerce.errors import ApiError, document_error, require_dict
from channelmanager_gui.sandbox.commerce.query import search
from channelmanager_gui.sandbox.commerce.records import Document, Order, Track
from channelmanager_gui.sandbox.commerce.routing import Call, Route
from channelmanager_gui.sandbox.commerce.state import DEFAULT_SOURCE, CommerceState
from channelmanager_gui.sandbox.commerce.stock import SOURCES

READ = "Magento_Sales::shipment"


def _check(order: Order, lines: dict[int, float], tracks: list[Any]) -> list[str]:
    """CanShip first, then quantities and tracks, as ShipOrder merges its validators."""
    messages = []
    if order.state in ("payment_review", "holded", "canceled"):
        messages.append(
            f"A shipment cannot be created when an order has a status of {order.status}"
        )
    elif not lifecycle.can_ship(order):
        messages.append("The order does not allow a shipment to be created.")
    by_id, total = {i.item_id: i for i in order.items}, 0.0
    for item_id, qty in lines.items():
        item = by_id.get(item_id)
        if item is None:
            messages.append(
                'The shipment contains product SKU "" that is not part of the original order.'
            )
        elif qty > lifecycle.qty_to_ship(item):
            messages.append(
                "The quantity to ship must not be greater than the unshipped "
                f'quantity for product SKU "{item.sku}".'
            )
        else:
            total += qty
    if total <= 0:
        messages.append("You can't create a shipment without products.")
    if any(not isinstance(t, dict) or not t.get("track_number") for t in tracks):
        messages.append("Please enter a tracking number.")  # (?) TrackValidator wording
    return messages


def _add_track(state: CommerceState, doc: Document, data: dict[str, Any]) -> Track:
    track = Track(
        state.next_id("track"),
        doc.entity_id,
        doc.order_id,
        str(data.get("track_number")),
        str(data.get("title") or ""),
        str(data.get("carrier_code") or "custom"),
        state.now(),
    )
    state.tracks[track.entity_id] = track
    doc.tracks.append(track)
    return track


def _check_source(state: CommerceState, skus: list[str], source_code: str) -> None:
    """MSI deducts what ships from the named source (``SourceDeductionService``, run as the
    shipment is saved); an unknown source, or a SKU with no item at that source ("Source item
    not found by source code: %1 and sku: %2."), fails the save, which ``ShipOrder`` rolls back
    and reports as ``CouldNotShipException`` (400): nothing is shipped."""
    if source_code not in SOURCES or any(state.source_item(s, source_code) is None for s in skus):
        raise ApiError(400, "Could not save a shipment, see error log for details")


def _deduct_source(state: CommerceState, sku: str, source_code: str, qty: float) -> None:
    item = state.source_item(sku, source_code)
    if item is not None:
        item.quantity -= qty
        if item.quantity <= 0:
            item.status = 0
        state.put_source_item(item)


def create_shipment(
    state: CommerceState,
    order: Order,
    items: Any = None,
    tracks: Any = None,
    comment: Any = None,
    notify: bool = False,
    source_code: str | None = None,
    origin: str = "api",
) -> Document:
    tracks = tracks if isinstance(tracks, list) else []
    lines = lifecycle.requested_lines(order, items)
    if lines is None:
        lines = {
            i.item_id: lifecycle.qty_to_ship(i) for i in order.items if lifecycle.qty_to_ship(i) > 0
        }
    messages = _check(order, lines, tracks)
    if messages:
        raise document_error("Shipment", messages)
    by_id = {i.item_id: i for i in order.items}
    _check_source(state, [by_id[i].sku for i in lines], source_code or DEFAULT_SOURCE)
    doc = new_document(state, "shipment", order, lines)
    doc.source_code, doc.origin = source_code or DEFAULT_SOURCE, origin
    with lifecycle.order_change(state, order, in_process=True):
        for item_id, qty in lines.items():
            by_id[item_id].qty_shipped += qty
            _deduct_source(state, by_id[item_id].sku, doc.source_code, qty)
    for data in tracks:
        _add_track(state, doc, data)
    entry = comment_entry(state, doc, comment, notify)
    if notify:
        state.mail("shipment", order)
    if entry:
        doc.comments.append(entry)
    save_document(state, doc)
    return doc


def ship_order(call: Call) -> Any:
    order = call.state.order(call.int_param("id"))
    source = ((call.arg("arguments") or {}).get("extension_attributes") or {}).get("source_code")
    doc = create_shipment(
        call.state,
        order,
        call.arg("items"),
        call.arg("tracks"),
        call.arg("comment"),
        bool(call.arg("notify")),
        source,
    )
    return doc.entity_id


def get_shipment(call: Call) -> Any:
    return render_document(get_document(call.state, "shipment", call.int_param("id")))


def list_shipments(call: Call) -> Any:
    s = call.state
    return search(
        DocumentSource(s, "shipment"),
        call.criteria(),
        s.versions["shipment"],
        s.cache,
        render_document,
    )


def add_track(call: Call) -> Any:
    entity = require_dict(call.body, "entity")
    try:
        doc = call.state.shipments.get(int(entity.get("parent_id") or 0))
    except (TypeError, ValueError):
        doc = None
    if doc is None or not entity.get("track_number"):
        raise ApiError(400, "Could not save the shipment tracking.")
    track = _add_track(call.state, doc, entity)
    call.state.changed("shipment")
    return render_track(track)


def delete_track(call: Call) -> Any:
    track = call.state.tracks.pop(call.int_param("id"), None)
    if track is None:
        raise ApiError(400, "Could not delete the shipment tracking.")  # (?)
    doc = call.state.shipments[track.parent_id]
    doc.tracks = [t for t in doc.tracks if t.entity_id != track.entity_id]
    call.state.changed("shipment")
    return True


ROUTES = [
    Route("POST", "/order/{id}/ship", ship_order, "Magento_Sales::ship"),
    Route("GET", "/shipment/{id}", get_shipment, READ),
    Route("GET", "/shipments", list_shipments, READ),
    Route("POST", "/shipment/track", add_track, READ),
    Route("DELETE", "/shipment/track/{id}", delete_track, READ),
]
