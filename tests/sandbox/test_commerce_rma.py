"""Commerce sandbox: returns (RMA), Adobe Commerce flavour only (reference §9)."""

from __future__ import annotations

from typing import Any

from tests.sandbox import commerce_fixtures
from tests.sandbox.commerce_fixtures import Store, criteria

sandbox = commerce_fixtures.sandbox  # module-scoped fixtures shared with the other files
store = commerce_fixtures.store


def _shipped_order(store: Store, qty: int = 2) -> tuple[int, int]:
    order_id = store.place((store.product(), qty))
    store.api.post(f"/order/{order_id}/invoice", json={})
    store.api.post(f"/order/{order_id}/ship", json={})
    return order_id, store.item_ids(order_id)[0]


def _rma_body(order_id: int, item_id: int, qty: int = 1) -> dict[str, Any]:
    """As Adobe's RmaWriteTest sends it: the order's store and increment id, a date, and
    option ids per line."""
    return {
        "rmaDataObject": {
            "order_id": order_id,
            "order_increment_id": f"{order_id:09d}",
            "store_id": 1,
            "date_requested": "2024-05-04 08:00:00",
            "status": "pending",
            "items": [
                {
                    "order_item_id": item_id,
                    "qty_requested": qty,
                    "reason": "10",
                    "condition": "7",
                    "resolution": "5",
                    "status": "pending",
                }
            ],
        }
    }


def test_create_get_list_update_delete(store: Store) -> None:
    order_id, item_id = _shipped_order(store)
    r = store.api.post("/returns", json=_rma_body(order_id, item_id))
    assert r.status_code == 200, r.text
    rma = r.json()
    assert rma["order_id"] == order_id and rma["status"] == "pending"
    assert rma["order_increment_id"] == store.order(order_id)["increment_id"]
    line = rma["items"][0]
    assert line["order_item_id"] == item_id and line["qty_requested"] == 1
    assert line["rma_entity_id"] == rma["entity_id"] and line["reason"] == "10"
    assert store.api.get(f"/returns/{rma['entity_id']}").json() == rma
    listed = store.api.get("/returns", params=criteria([[("order_id", order_id, "eq")]])).json()
    assert [x["entity_id"] for x in listed["items"]] == [rma["entity_id"]]
    update = {
        "rmaDataObject": {
            "order_id": order_id,
            "items": [
                {
                    "entity_id": line["entity_id"],
                    "order_item_id": item_id,
                    "qty_authorized": 1,
                    "qty_approved": 1,
                    "qty_returned": 1,
                    "status": "approved",
                }
            ],
        }
    }
    r = store.api.put(f"/returns/{rma['entity_id']}", json=update)
    assert r.status_code == 200 and r.json()["status"] == "processed_closed"
    assert store.order(order_id)["items"][0]["qty_returned"] == 1
    assert store.api.delete(f"/returns/{rma['entity_id']}").json() is True
    assert store.api.get(f"/returns/{rma['entity_id']}").status_code == 404


def test_comments_and_tracking_numbers(store: Store) -> None:
    order_id, item_id = _shipped_order(store)
    rma_id = store.api.post("/returns", json=_rma_body(order_id, item_id)).json()["entity_id"]
    comment = {
        "data": {
            "comment": "Label sent",
            "visible_on_front": False,
            "customer_notified": False,
            "admin": True,
            "status": "pending",
        }
    }
    assert store.api.post(f"/returns/{rma_id}/comments", json=comment).json() is True
    comments = store.api.get(f"/returns/{rma_id}/comments").json()
    assert comments["total_count"] == 1 and comments["items"][0]["comment"] == "Label sent"
    track = {"track": {"track_number": "1ZRET", "carrier_code": "ups", "carrier_title": "UPS"}}
    assert store.api.post(f"/returns/{rma_id}/tracking-numbers", json=track).json() is True
    tracks = store.api.get(f"/returns/{rma_id}/tracking-numbers").json()["items"]
    assert tracks[0]["track_number"] == "1ZRET" and tracks[0]["rma_entity_id"] == rma_id
    r = store.api.delete(f"/returns/{rma_id}/tracking-numbers/{tracks[0]['entity_id']}")
    assert r.json() is True
    assert store.api.get(f"/returns/{rma_id}").json()["tracks"] == []


def test_rma_refusals(store: Store) -> None:
    order_id = store.place((store.product(), 1))
    item_id = store.item_ids(order_id)[0]
    r = store.api.post("/returns", json=_rma_body(order_id, item_id))
    assert r.status_code == 400  # nothing shipped yet
    assert store.api.post("/returns", json=_rma_body(999999, 1)).status_code == 404
    assert store.api.post("/returns", json={}).status_code == 400


def test_rma_without_what_adobe_commerce_requires_is_refused(store: Store) -> None:
    order_id, item_id = _shipped_order(store, qty=3)
    good = _rma_body(order_id, item_id)
    header = good["rmaDataObject"]
    line = header["items"][0]
    broken = [
        {**header, "store_id": None},
        {**header, "store_id": 2},  # not the order's store view
        {**header, "order_increment_id": None},
        {**header, "date_requested": None},
        {**header, "items": [{**line, "reason": None}]},
        {**header, "items": [{**line, "condition": "999"}]},
        {**header, "items": [{**line, "resolution": "Refund"}]},  # a label, not an option id
    ]
    for data in broken:
        r = store.api.post("/returns", json={"rmaDataObject": data})
        assert r.status_code == 400, data
        assert r.json() == {"message": "Could not save the RMA entity."}
    assert store.api.post("/returns", json=good).status_code == 200
    assert store.api.get("/returns/999999").status_code == 404


def test_attribute_metadata(store: Store) -> None:
    meta = store.api.get("/returnsAttributeMetadata").json()
    codes = {m["attribute_code"] for m in meta}
    assert {"reason", "condition", "resolution"} <= codes
    reason = store.api.get("/returnsAttributeMetadata/reason").json()
    assert {"label": "Other", "value": "13"} in reason["options"]
    assert store.api.get("/returnsAttributeMetadata/nope").status_code == 404
