"""Commerce sandbox: invoice, ship, track, refund and the admin's own shipments and refunds."""

from __future__ import annotations

import httpx

from tests.sandbox import commerce_fixtures
from tests.sandbox.commerce_fixtures import Store, criteria

sandbox = commerce_fixtures.sandbox  # module-scoped fixtures shared with the other files
store = commerce_fixtures.store

SHIP_ERR = "Shipment Document Validation Error(s):\n"
MEMO_ERR = "Creditmemo Document Validation Error(s):\n"


def test_ship_deducts_from_the_named_source_and_refuses_an_unknown_one(store: Store) -> None:
    sku = store.product(qty=10)
    order_id = store.place((sku, 1))

    def ship(source: str) -> httpx.Response:
        args = {"extension_attributes": {"source_code": source}}
        return store.api.post(f"/order/{order_id}/ship", json={"arguments": args})

    refused = [ship("nowhere"), ship("east")]  # no such source; no item of the SKU there
    for answer in refused:
        assert answer.status_code == 400
        assert answer.json() == {"message": "Could not save a shipment, see error log for details"}
    assert store.order(order_id)["items"][0]["qty_shipped"] == 0
    item = {"sku": sku, "source_code": "east", "quantity": 4, "status": 1}
    store.api.post("/inventory/source-items", json={"sourceItems": [item]})
    shipped = ship("east")
    assert shipped.status_code == 200
    east = store.api.get(
        "/inventory/source-items",
        params=criteria([[("sku", sku, "eq")], [("source_code", "east", "eq")]]),
    ).json()["items"]
    assert east[0]["quantity"] == 3 and store.source_qty(sku) == 10


def test_partial_ship_then_rest_and_state_changes(store: Store) -> None:
    sku_a, sku_b = store.product(qty=10), store.product(qty=10)
    order_id = store.place((sku_a, 2), (sku_b, 1))
    item_a, _ = store.item_ids(order_id)
    body = {
        "items": [{"order_item_id": item_a, "qty": 1}],
        "notify": True,
        "appendComment": True,
        "comment": {"comment": "Shipped", "is_visible_on_front": 0},
        "tracks": [{"track_number": "1Z999", "title": "UPS", "carrier_code": "ups"}],
        "arguments": {"extension_attributes": {"source_code": "default"}},
    }
    r = store.api.post(f"/order/{order_id}/ship", json=body)
    assert r.status_code == 200 and isinstance(r.json(), int)
    shipment = store.api.get(f"/shipment/{r.json()}").json()
    assert shipment["order_id"] == order_id and shipment["total_qty"] == 1
    assert shipment["items"][0]["order_item_id"] == item_a and shipment["items"][0]["sku"] == sku_a
    assert shipment["tracks"][0]["track_number"] == "1Z999"
    assert shipment["tracks"][0]["carrier_code"] == "ups"
    assert shipment["extension_attributes"] == {"source_code": "default"}
    assert shipment["comments"][0]["comment"] == "Shipped"
    o = store.order(order_id)
    assert (o["state"], o["status"]) == ("processing", "processing")
    assert o["items"][0]["qty_shipped"] == 1
    assert store.source_qty(sku_a) == 9 and store.salable(sku_a) == 8
    over = store.api.post(
        f"/order/{order_id}/ship", json={"items": [{"order_item_id": item_a, "qty": 2}]}
    )
    assert over.status_code == 400
    assert over.json() == {
        "message": SHIP_ERR + "The quantity to ship must not be greater than "
        f'the unshipped quantity for product SKU "{sku_a}".\n'
        "You can't create a shipment without products."
    }
    rest = store.api.post(f"/order/{order_id}/ship", json={})
    assert rest.status_code == 200
    o = store.order(order_id)
    assert [i["qty_shipped"] for i in o["items"]] == [2, 1]
    assert o["state"] == "processing"  # shipped but not invoiced stays processing
    again = store.api.post(f"/order/{order_id}/ship", json={})
    assert again.status_code == 400
    assert again.json()["message"] == (
        SHIP_ERR + "The order does not allow a shipment to be "
        "created.\nYou can't create a shipment without products."
    )
    assert store.api.post(f"/order/{order_id}/invoice", json={"capture": True}).status_code == 200
    o = store.order(order_id)
    assert (o["state"], o["status"]) == ("complete", "complete")
    assert o["total_paid"] == o["grand_total"] == o["total_invoiced"]
    listed = store.api.get("/shipments", params=criteria([[("order_id", order_id, "eq")]])).json()
    assert listed["total_count"] == 2
    assert store.salable(sku_a) == 8 and store.source_qty(sku_a) == 8


def test_ship_refused_on_canceled_and_holded(store: Store) -> None:
    order_id = store.place((store.product(), 1))
    store.api.post(f"/orders/{order_id}/hold")
    r = store.api.post(f"/order/{order_id}/ship", json={})
    assert r.json()["message"].startswith(
        SHIP_ERR + "A shipment cannot be created when an order has a status of holded"
    )
    store.api.post(f"/orders/{order_id}/unhold")
    store.api.post(f"/orders/{order_id}/cancel")
    r = store.api.post(f"/order/{order_id}/ship", json={})
    assert r.status_code == 400
    assert r.json()["message"].startswith(
        SHIP_ERR + "A shipment cannot be created when an order has a status of canceled"
    )
    assert store.api.post("/order/999999/ship", json={}).status_code == 404
    assert store.api.get("/shipment/999999").status_code == 404


def test_track_added_later(store: Store) -> None:
    order_id = store.place((store.product(), 1))
    shipment_id = store.api.post(f"/order/{order_id}/ship", json={}).json()
    entity = {
        "order_id": order_id,
        "parent_id": shipment_id,
        "track_number": "9400",
        "title": "USPS",
        "carrier_code": "usps",
    }
    r = store.api.post("/shipment/track", json={"entity": entity})
    assert r.status_code == 200
    track = r.json()
    assert track["track_number"] == "9400" and track["parent_id"] == shipment_id
    tracks = store.api.get(f"/shipment/{shipment_id}").json()["tracks"]
    assert [t["track_number"] for t in tracks] == ["9400"]
    assert store.api.delete(f"/shipment/track/{track['entity_id']}").json() is True
    assert store.api.get(f"/shipment/{shipment_id}").json()["tracks"] == []


def test_refund_needs_invoice(store: Store) -> None:
    order_id = store.place((store.product(), 1))
    r = store.api.post(f"/order/{order_id}/refund", json={})
    assert r.status_code == 400
    assert r.json()["message"].startswith(
        MEMO_ERR + "The order does not allow a creditmemo to be created."
    )


def test_refund_with_return_to_stock(store: Store) -> None:
    sku = store.product(qty=10)
    order_id = store.place((sku, 3))
    (item_id,) = store.item_ids(order_id)
    store.api.post(f"/order/{order_id}/invoice", json={})
    store.api.post(
        f"/order/{order_id}/ship", json={"items": [{"order_item_id": item_id, "qty": 2}]}
    )
    assert (store.source_qty(sku), store.salable(sku)) == (8, 7)
    body = {
        "items": [{"order_item_id": item_id, "qty": 2}],
        "notify": True,
        "arguments": {
            "shipping_amount": 0,
            "adjustment_positive": 0,
            "adjustment_negative": 0,
            "extension_attributes": {"return_to_stock_items": [item_id]},
        },
    }
    r = store.api.post(f"/order/{order_id}/refund", json=body)
    assert r.status_code == 200, r.text
    memo = store.api.get(f"/creditmemo/{r.json()}").json()
    price = store.order(order_id)["items"][0]["price"]
    assert memo["order_id"] == order_id and memo["grand_total"] == round(price * 2, 2)
    assert memo["items"][0]["qty"] == 2 and memo["state"] == 2
    o = store.order(order_id)
    assert o["items"][0]["qty_refunded"] == 2 and o["total_refunded"] == memo["grand_total"]
    # one unshipped unit refunded (reservation released) + one shipped unit back to the source
    assert (store.source_qty(sku), store.salable(sku)) == (9, 9)
    over = store.api.post(
        f"/order/{order_id}/refund", json={"items": [{"order_item_id": item_id, "qty": 5}]}
    )
    assert over.status_code == 400
    assert over.json()["message"] == (
        MEMO_ERR + "The quantity to creditmemo must not be greater "
        f'than the unrefunded quantity for product SKU "{sku}".'
    )
    listed = store.api.get("/creditmemos", params=criteria([[("order_id", order_id, "eq")]]))
    assert listed.json()["total_count"] == 1


def test_full_refund_closes_and_then_refuses(store: Store) -> None:
    sku = store.product(qty=4)
    order_id = store.place((sku, 2))
    store.api.post(f"/order/{order_id}/invoice", json={})
    r = store.api.post(f"/order/{order_id}/refund", json={})
    assert r.status_code == 200, r.text
    o = store.order(order_id)
    assert (o["state"], o["status"]) == ("closed", "closed")
    assert o["total_refunded"] == o["grand_total"]  # shipping refunded too
    assert store.salable(sku) == 4
    r = store.api.post(f"/order/{order_id}/refund", json={})
    assert r.status_code == 400
    assert r.json()["message"].startswith(
        MEMO_ERR + "A creditmemo can not be created when an order has a status of closed"
    )
    assert store.api.get("/creditmemo/999999").status_code == 404


def test_refund_more_money_than_paid(store: Store) -> None:
    order_id = store.place((store.product(), 1))
    store.api.post(f"/order/{order_id}/invoice", json={})
    r = store.api.post(
        f"/order/{order_id}/refund", json={"arguments": {"adjustment_positive": 1000}}
    )
    assert r.status_code == 400
    assert "The most money available to refund is" in r.json()["message"]


def test_invoice_errors_and_reads(store: Store) -> None:
    order_id = store.place((store.product(), 2))
    (item_id,) = store.item_ids(order_id)
    r = store.api.post(
        f"/order/{order_id}/invoice", json={"items": [{"order_item_id": item_id, "qty": 1}]}
    )
    invoice = store.api.get(f"/invoices/{r.json()}").json()
    assert invoice["order_id"] == order_id and invoice["total_qty"] == 1
    assert store.order(order_id)["state"] == "processing"
    r = store.api.post(
        f"/order/{order_id}/invoice", json={"items": [{"order_item_id": item_id, "qty": 5}]}
    )
    assert r.status_code == 400
    assert r.json()["message"].startswith("Invoice Document Validation Error(s):\n")
    listed = store.api.get("/invoices", params=criteria([[("order_id", order_id, "eq")]])).json()
    assert listed["total_count"] == 1
    rest = store.api.post(f"/order/{order_id}/invoice", json={"capture": False, "notify": False})
    assert rest.status_code == 200
    again = store.api.post(f"/order/{order_id}/invoice", json={"capture": False, "notify": False})
    assert again.status_code == 400  # Order::canInvoice(): nothing left to invoice
    assert again.json()["message"].startswith(
        "Invoice Document Validation Error(s):\nThe order does not allow an invoice to be created."
    )


def test_admin_ship_cancel_refund(store: Store) -> None:
    sku = store.product(qty=10)
    order_id = store.place((sku, 2))
    stats = store.admin.get("/stats").json()
    r = store.admin.post(
        f"/orders/{order_id}/ship",
        json={
            "items": [{"sku": sku, "qty": 1}],
            "tracks": [{"track_number": "T1", "carrier_code": "ups", "title": "UPS"}],
        },
    )
    assert r.status_code == 200
    shipment = store.api.get(f"/shipment/{r.json()['shipment_id']}").json()
    since = criteria(
        [[("order_id", order_id, "eq")], [("created_at", shipment["created_at"], "gteq")]]
    )
    assert store.api.get("/shipments", params=since).json()["total_count"] == 1
    after = store.admin.get("/stats").json()
    assert after["admin_shipments"] == stats["admin_shipments"] + 1
    refund = store.admin.post(
        f"/orders/{order_id}/refund",
        json={"items": [{"sku": sku, "qty": 1}], "return_to_stock": True},
    )
    assert refund.status_code == 200, refund.text
    o = store.order(order_id)
    assert o["items"][0]["qty_refunded"] == 1 and o["total_refunded"] > 0
    cancel = store.admin.post(f"/orders/{order_id}/cancel").json()
    assert cancel["canceled"] is True  # one unit is still uninvoiced
    assert cancel["order"]["state"] == "canceled"
    other = store.place((store.product(), 1))
    assert store.admin.post(f"/orders/{other}/cancel").json()["canceled"] is True
    assert store.order(other)["state"] == "canceled"
    assert store.admin.post("/orders/999999/cancel").status_code == 404


def test_cancel_of_partly_invoiced_order_keeps_it_processing(store: Store) -> None:
    sku_a, sku_b = store.product(qty=5), store.product(qty=5)
    order_id = store.place((sku_a, 2), (sku_b, 1))
    item_a, _ = store.item_ids(order_id)
    store.api.post(
        f"/order/{order_id}/invoice", json={"items": [{"order_item_id": item_a, "qty": 2}]}
    )
    assert store.api.post(f"/orders/{order_id}/cancel").json() is True
    o = store.order(order_id)
    assert o["state"] == "processing"  # Order::registerCancellation: invoiced lines remain
    assert [i["qty_canceled"] for i in o["items"]] == [0, 1]
    assert (store.salable(sku_a), store.salable(sku_b)) == (3, 5)


def test_admin_credit_memo_of_unshipped_units_cancels_an_invoiced_order(store: Store) -> None:
    """An invoiced order has no Cancel; the merchant credits its unshipped units instead."""
    sku = store.product(qty=5)
    order_id = store.place((sku, 2))
    store.api.post(f"/order/{order_id}/invoice", json={})
    assert store.admin.post(f"/orders/{order_id}/cancel").json()["canceled"] is False
    one = {"items": [{"sku": sku, "qty": 1}], "return_to_stock": True}
    o = store.admin.post(f"/orders/{order_id}/refund", json=one).json()["order"]
    assert o["state"] == "processing" and o["items"][0]["qty_refunded"] == 1  # 1 still to ship
    assert store.salable(sku) == 4  # MSI compensates the reservation of the credited unit
    o = store.admin.post(f"/orders/{order_id}/refund", json=one).json()["order"]
    assert (o["state"], o["status"]) == ("closed", "closed") and store.salable(sku) == 5
    assert store.source_qty(sku) == 5  # nothing had shipped: the source is unchanged


def test_mails_go_to_the_order_address_when_asked(store: Store) -> None:
    """Commerce mails the order's address when an order is placed, and for a document or a
    comment only when the call asks to notify (``/_sandbox/mails`` lists them)."""
    order_id = store.place((store.product(), 2))
    email = store.order(order_id)["customer_email"]

    def mails() -> list[str]:
        listed = store.admin.get("/mails").json()
        return [m["kind"] for m in listed if m["order_id"] == order_id and m["to"] == email]

    assert mails() == ["order"]
    store.api.post(f"/order/{order_id}/invoice", json={"notify": False})
    store.api.post(f"/order/{order_id}/ship", json={"notify": False})
    comment = {"comment": "quiet", "is_customer_notified": 0}
    store.api.post(f"/orders/{order_id}/comments", json={"statusHistory": comment})
    assert mails() == ["order"]
    store.api.post(f"/order/{order_id}/refund", json={"notify": True})
    loud = {"comment": "loud", "is_customer_notified": 1}
    store.api.post(f"/orders/{order_id}/comments", json={"statusHistory": loud})
    assert mails() == ["order", "creditmemo", "order_comment"]
