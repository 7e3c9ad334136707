"""Returns (RMA), Adobe Commerce only (reference §9); Open Source has no such routes.

A new return must carry the order's own ``store_id`` and ``order_increment_id`` and a
``date_requested``, and each line valid reason, condition and resolution option ids (those
``/V1/returnsAttributeMetadata`` lists), as Adobe's own API test sends them
(``dev/tests/api-functional/testsuite/Magento/Rma/Service/V1/RmaWriteTest.php``) and as Adobe
Commerce's sandbox requires (issue 15). A save that fails is the repository's
``CouldNotSaveException`` "Could not save the RMA entity." (400, ``RmaRepository::save``); the
real service's inner reason is not in the answer. The RMA status is derived from its items'.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from channelmanager_gui.sandbox.commerce.errors import ApiError, no_such_entity, require_dict
from channelmanager_gui.sandbox.commerce.query import search
from channelmanager_gui.sandbox.commerce.records import Order, Rma
from channelmanager_gui.sandbox.commerce.rma_items import (
    OPTIONS,
    apply_item_updates,
    could_not_save,
    derive_status,
    new_items,
)
from channelmanager_gui.sandbox.commerce.routing import Call, Route

ACL = "Magento_Rma::magento_rma"
_COLUMNS = (
    "entity_id",
    "increment_id",
    "order_id",
    "order_increment_id",
    "store_id",
    "customer_id",
    "date_requested",
    "customer_custom_email",
    "status",
)


def _rma(call: Call) -> Rma:
    rma_id = call.int_param("id")
    found = call.state.rmas.get(rma_id)
    if found is None:
        raise no_such_entity("id", rma_id)  # (?)
    return found


def render_rma(rma: Rma) -> dict[str, Any]:
    data = {name: getattr(rma, name) for name in _COLUMNS}
    data |= {
        "items": [dict(i) for i in rma.items],
        "comments": [dict(c) for c in rma.comments],
        "tracks": [dict(t) for t in rma.tracks],
    }
    return {k: v for k, v in data.items() if v is not None}


class RmaSource:
    name = "rma"

    def __init__(self, state: Any) -> None:
        self.state = state

    def rows(self) -> Iterable[Rma]:
        return self.state.rmas.values()

    def column(self, row: Rma, field: str) -> Any:
        return getattr(row, field) if field in _COLUMNS else None

    def lookup(self, field: str, values: list[str]) -> list[Rma] | None:
        if field != "entity_id":
            return None
        return [
            self.state.rmas[int(v)] for v in values if v.isdigit() and int(v) in self.state.rmas
        ]

    def natural_key(self, row: Rma) -> int:
        return row.entity_id


def create_rma(call: Call) -> Any:
    data = require_dict(call.body, "rma_data_object")
    state = call.state
    try:
        order = state.order(int(data.get("order_id") or 0))
    except (TypeError, ValueError):
        raise ApiError(400, "The order is not valid.") from None  # (?)
    _check_header(order, data)
    rma_id = state.peek_id("rma") + 1
    items = new_items(state, order, rma_id, data.get("items"))
    state.next_id("rma")
    requested = str(data["date_requested"])
    rma = Rma(
        rma_id,
        f"{rma_id:09d}",
        order.entity_id,
        order.increment_id,
        order.store_id,
        None,
        state.now() if requested == "now" else requested,
        data.get("customer_custom_email") or None,
        derive_status(items),
        items,
    )
    state.rmas[rma_id] = rma
    state.changed("rma")
    return render_rma(rma)


def _check_header(order: Order, data: dict[str, Any]) -> None:
    """The order's own store view and increment id, and a request date (see the docstring);
    refusing a mismatch rather than only a gap is the sandbox's strict reading (?)."""
    if (
        str(data.get("store_id") or "") != str(order.store_id)
        or str(data.get("order_increment_id") or "") != order.increment_id
        or not data.get("date_requested")
    ):
        raise could_not_save()


def update_rma(call: Call) -> Any:
    rma = _rma(call)
    data = require_dict(call.body, "rma_data_object")
    if isinstance(data.get("items"), list) and data["items"]:
        apply_item_updates(call.state, rma, data["items"])
        rma.status = derive_status(rma.items)
    elif data.get("status"):
        rma.status = str(data["status"])
    call.state.changed("rma")
    return render_rma(rma)


def delete_rma(call: Call) -> Any:
    call.state.rmas.pop(_rma(call).entity_id)
    call.state.changed("rma")
    return True


def list_rmas(call: Call) -> Any:
    s = call.state
    return search(RmaSource(s), call.criteria(), s.versions["rma"], s.cache, render_rma)


def _listing(items: list[dict[str, Any]]) -> dict[str, Any]:
    return {
        "items": [dict(i) for i in items],
        "search_criteria": {"filter_groups": []},
        "total_count": len(items),
    }


def add_comment(call: Call) -> Any:
    rma = _rma(call)
    data = require_dict(call.body, "data")
    rma.comments.append(
        {
            "entity_id": call.state.next_id("rma_comment"),
            "rma_entity_id": rma.entity_id,
            "comment": str(data.get("comment") or ""),
            "created_at": call.state.now(),
            "customer_notified": bool(data.get("customer_notified")),
            "visible_on_front": bool(data.get("visible_on_front")),
            "status": str(data.get("status") or rma.status),
            "admin": bool(data.get("admin", True)),
        }
    )
    return True


def add_track(call: Call) -> Any:
    rma = _rma(call)
    data = require_dict(call.body, "track")
    if not data.get("track_number"):
        raise ApiError(
            400, '"%fieldName" is required. Enter and try again.', {"fieldName": "track_number"}
        )
    rma.tracks.append(
        {
            "entity_id": call.state.next_id("rma_track"),
            "rma_entity_id": rma.entity_id,
            "track_number": str(data["track_number"]),
            "carrier_title": str(data.get("carrier_title") or ""),
            "carrier_code": str(data.get("carrier_code") or "custom"),
        }
    )
    return True


def delete_track(call: Call) -> Any:
    rma = _rma(call)
    track_id = call.int_param("track_id")
    if not any(t["entity_id"] == track_id for t in rma.tracks):
        raise no_such_entity("trackId", track_id)  # (?)
    rma.tracks = [t for t in rma.tracks if t["entity_id"] != track_id]
    return True


def _metadata(code: str) -> dict[str, Any]:
    return {
        "attribute_code": code,
        "frontend_input": "select",
        "input_filter": "",
        "store_label": code.capitalize(),
        "frontend_label": code.capitalize(),
        "is_required": True,
        "is_user_defined": False,
        "sort_order": 0,
        "options": [{"label": label, "value": value} for value, label in OPTIONS[code]],
        "validation_rules": [],
        "visible": True,
        "system": True,
    }


def metadata(call: Call) -> Any:
    return [_metadata(code) for code in OPTIONS]


def metadata_one(call: Call) -> Any:
    code = call.params["code"]
    if code not in OPTIONS:
        raise no_such_entity("attributeCode", code)
    return _metadata(code)


ROUTES = [
    Route("POST", "/returns", create_rma, ACL),
    Route("GET", "/returns", list_rmas, ACL),
    Route("GET", "/returns/{id}", lambda call: render_rma(_rma(call)), ACL),
    Route("PUT", "/returns/{id}", update_rma, ACL),
    Route("DELETE", "/returns/{id}", delete_rma, ACL),
    Route("POST", "/returns/{id}/comments", add_comment, ACL),
    Route("GET", "/returns/{id}/comments", lambda call: _listing(_rma(call).comments), ACL),
    Route("POST", "/returns/{id}/tracking-numbers", add_track, ACL),
    Route("GET", "/returns/{id}/tracking-numbers", lambda call: _listing(_rma(call).tracks), ACL),
    Route("DELETE", "/returns/{id}/tracking-numbers/{track_id}", delete_track, ACL),
    Route("GET", "/returnsAttributeMetadata", metadata, ACL),
    Route("GET", "/returnsAttributeMetadata/{code}", metadata_one, ACL),
]
