"""Commerce sandbox: the cart flow, reservations, order reads, partial save, comments, cancel."""

from __future__ import annotations

from tests.sandbox import commerce_fixtures
from tests.sandbox.commerce_fixtures import ADDRESS, Store, criteria

sandbox = commerce_fixtures.sandbox  # module-scoped fixtures shared with the other files
store = commerce_fixtures.store

ENTITY_404 = "The entity that was requested doesn't exist. Verify the entity and try again."


def test_cart_flow_creates_exactly_one_order_with_reservation(store: Store) -> None:
    sku = store.product(qty=10)
    orders_before = store.admin.get("/stats").json()["orders"]
    quote_id = store.api.post("/carts/").json()
    assert isinstance(quote_id, int)
    r = store.api.post(
        f"/carts/{quote_id}/items",
        json={"cartItem": {"sku": sku, "qty": 3, "quote_id": str(quote_id)}},
    )
    item = r.json()
    assert item["sku"] == sku and item["qty"] == 3 and item["product_type"] == "simple"
    assert {"item_id", "name", "price", "quote_id"} <= item.keys()
    methods = store.api.post(
        f"/carts/{quote_id}/estimate-shipping-methods", json={"address": ADDRESS}
    ).json()
    assert methods[0]["carrier_code"] == "flatrate" and methods[0]["amount"] == 15.0
    info = {
        "shipping_address": ADDRESS,
        "billing_address": ADDRESS,
        "shipping_carrier_code": "flatrate",
        "shipping_method_code": "flatrate",
    }
    body = store.api.post(
        f"/carts/{quote_id}/shipping-information", json={"addressInformation": info}
    ).json()
    assert {"code": "checkmo", "title": "Check / Money order"} in body["payment_methods"]
    assert body["totals"]["grand_total"] == round(item["price"] * 3 + 15, 2)
    r = store.api.put(f"/carts/{quote_id}/order", json={"paymentMethod": {"method": "checkmo"}})
    order_id = r.json()
    assert r.status_code == 200 and isinstance(order_id, int)
    assert store.admin.get("/stats").json()["orders"] == orders_before + 1
    assert store.salable(sku) == 7 and store.source_qty(sku) == 10
    again = store.api.put(f"/carts/{quote_id}/order", json={"paymentMethod": {"method": "checkmo"}})
    assert again.status_code == 404
    assert again.json() == {
        "message": "No such entity with %fieldName = %fieldValue",
        "parameters": {"fieldName": "cartId", "fieldValue": quote_id},
    }
    assert store.admin.get("/stats").json()["orders"] == orders_before + 1


def test_order_shape(store: Store) -> None:
    sku = store.product()
    order_id = store.place((sku, 2))
    o = store.order(order_id)
    assert o["entity_id"] == order_id
    assert isinstance(o["increment_id"], str) and len(o["increment_id"]) == 9
    assert o["state"] == "new" and o["status"] == "pending"
    assert "ext_order_id" not in o  # null members are left out, as Commerce does
    assert isinstance(o["quote_id"], int)
    assert o["subtotal"] == round(o["items"][0]["price"] * 2, 2)
    assert o["shipping_amount"] == 10.0 and o["tax_amount"] == 0
    assert o["grand_total"] == round(o["subtotal"] + 10.0, 2)
    assert o["customer_email"] == ADDRESS["email"] and o["customer_is_guest"] == 1
    assert o["billing_address"]["address_type"] == "billing"
    shipping = o["extension_attributes"]["shipping_assignments"][0]["shipping"]
    assert shipping["address"]["address_type"] == "shipping"
    assert shipping["address"]["street"] == ADDRESS["street"]
    assert shipping["method"] == "flatrate_flatrate"
    assert "shipping_address" not in o
    item = o["items"][0]
    assert item["sku"] == sku and item["qty_ordered"] == 2 and item["qty_shipped"] == 0
    assert o["payment"]["method"] == "checkmo"
    assert store.api.get(f"/orders/{order_id}/statuses").json() == "pending"


def test_missing_order_and_bad_id(store: Store) -> None:
    r = store.api.get("/orders/999999")
    assert r.status_code == 404 and r.json() == {"message": ENTITY_404}
    assert store.api.get("/orders/abc").status_code == 400


def test_cart_errors(store: Store) -> None:
    sku = store.product(qty=2)
    quote_id = store.api.post("/carts/").json()
    r = store.api.post(f"/carts/{quote_id}/items", json={"cartItem": {"sku": "NOPE", "qty": 1}})
    assert r.status_code == 404
    assert r.json()["message"] == (
        "The product that was requested doesn't exist. Verify the product and try again."
    )
    r = store.api.post(f"/carts/{quote_id}/items", json={"cartItem": {"sku": sku, "qty": 5}})
    assert r.status_code == 400 and r.json()["message"] == "The requested qty is not available"
    r = store.api.post(
        f"/carts/{quote_id}/shipping-information",
        json={
            "addressInformation": {
                "shipping_address": ADDRESS,
                "shipping_carrier_code": "flatrate",
                "shipping_method_code": "flatrate",
            }
        },
    )
    assert r.status_code == 400  # empty cart
    store.api.post(f"/carts/{quote_id}/items", json={"cartItem": {"sku": sku, "qty": 1}})
    r = store.api.put(f"/carts/{quote_id}/order", json={"paymentMethod": {"method": "checkmo"}})
    assert r.status_code == 400
    assert r.json()["message"] == "The shipping address is missing. Set the address and try again."
    r = store.api.post(
        f"/carts/{quote_id}/shipping-information",
        json={
            "addressInformation": {
                "shipping_address": ADDRESS,
                "shipping_carrier_code": "ups",
                "shipping_method_code": "ground",
            }
        },
    )
    assert r.status_code == 400
    assert r.json() == {
        "message": "Carrier with such method not found: %1, %2",
        "parameters": ["ups", "ground"],
    }
    r = store.api.post("/carts/987654/items", json={"cartItem": {"sku": sku, "qty": 1}})
    assert r.status_code == 404 and r.json()["parameters"]["fieldName"] == "cartId"
    disabled = next(
        p["sku"]
        for p in store.api.get("/products", params=criteria([[("status", 2, "eq")]])).json()[
            "items"
        ]
    )
    r = store.api.post(f"/carts/{quote_id}/items", json={"cartItem": {"sku": disabled, "qty": 1}})
    assert r.status_code == 400


def test_guest_flow(store: Store) -> None:
    sku = store.product(qty=5)
    masked = store.guest.post("/guest-carts").json()
    assert isinstance(masked, str) and len(masked) == 32
    r = store.guest.post(
        f"/guest-carts/{masked}/items",
        json={"cartItem": {"sku": sku, "qty": 1, "quote_id": masked}},
    )
    assert r.status_code == 200, r.text
    address = {k: v for k, v in ADDRESS.items() if k != "email"}
    r = store.guest.post(
        f"/guest-carts/{masked}/shipping-information",
        json={
            "addressInformation": {
                "shipping_address": address,
                "shipping_carrier_code": "flatrate",
                "shipping_method_code": "flatrate",
            }
        },
    )
    assert r.status_code == 200, r.text
    r = store.guest.post(
        f"/guest-carts/{masked}/payment-information",
        json={
            "email": "guest@example.com",
            "paymentMethod": {"method": "checkmo"},
            "billingAddress": address,
        },
    )
    assert r.status_code == 200, r.text
    order = store.order(int(r.json()))
    assert order["customer_email"] == "guest@example.com"
    assert store.salable(sku) == 4
    assert store.guest.get(f"/guest-carts/{masked}/items").status_code == 404  # now inactive
    assert store.guest.get("/guest-carts/not-a-cart/items").status_code == 404


def test_partial_save_sets_ext_order_id_and_search_finds_it(store: Store) -> None:
    order_id = store.place((store.product(), 1))
    before = store.order(order_id)
    entity = {"entity_id": order_id, "increment_id": before["increment_id"]}
    r = store.api.post("/orders", json={"entity": {**entity, "ext_order_id": "WM-108-555"}})
    assert r.status_code == 200
    saved = r.json()
    assert saved["ext_order_id"] == "WM-108-555"
    assert saved["increment_id"] == before["increment_id"]
    assert saved["status"] == before["status"] and saved["grand_total"] == before["grand_total"]
    assert saved["items"] == before["items"]
    by_ext = store.api.get("/orders", params=criteria([[("ext_order_id", "WM-108-555", "eq")]]))
    assert [o["entity_id"] for o in by_ext.json()["items"]] == [order_id]
    by_quote = store.api.get("/orders", params=criteria([[("quote_id", before["quote_id"], "eq")]]))
    assert [o["entity_id"] for o in by_quote.json()["items"]] == [order_id]
    by_inc = store.api.get(
        "/orders", params=criteria([[("increment_id", before["increment_id"], "eq")]])
    )
    assert by_inc.json()["total_count"] == 1
    found = store.admin.get("/orders", params={"ext_order_id": "WM-108-555"}).json()
    assert [o["entity_id"] for o in found["items"]] == [order_id]
    r = store.api.post("/orders", json={"entity": {"entity_id": order_id, "IsAdmin": 1}})
    assert r.status_code == 400
    assert (
        r.json()["message"]
        == '"%fieldName" is not supported. Correct the field name and try again.'
    )


def test_partial_save_without_increment_id_renumbers_the_order(store: Store) -> None:
    """Commerce before 2.4.7 (``EntityAbstract::_beforeSave``) draws a new increment id for a
    saved object without one, and a partial save's object holds only the body's keys."""
    order_id = store.place((store.product(), 1))
    before = store.order(order_id)["increment_id"]
    r = store.api.post("/orders", json={"entity": {"entity_id": order_id, "ext_order_id": "X"}})
    assert r.status_code == 200
    after = store.order(order_id)["increment_id"]
    assert after != before
    by_inc = store.api.get("/orders", params=criteria([[("increment_id", before, "eq")]]))
    assert by_inc.json()["total_count"] == 0


def test_partial_status_save_does_not_cancel(store: Store) -> None:
    sku = store.product(qty=5)
    order_id = store.place((sku, 1))
    store.api.post("/orders", json={"entity": {"entity_id": order_id, "status": "canceled"}})
    o = store.order(order_id)
    assert o["status"] == "canceled" and o["state"] == "new"
    assert o["items"][0]["qty_canceled"] == 0 and store.salable(sku) == 4


def test_orders_search_any_field_and_items(store: Store) -> None:
    order_id = store.place((store.product(), 1), (store.product(), 2))
    o = store.order(order_id)
    params = criteria(
        [[("customer_email", ADDRESS["email"], "eq")], [("entity_id", order_id, "eq")]]
    )
    assert store.api.get("/orders", params=params).json()["total_count"] == 1
    params = criteria([[("created_at", o["created_at"], "gteq")]], [("entity_id", "DESC")])
    assert store.api.get("/orders", params=params).json()["items"][0]["entity_id"] >= order_id
    items = store.api.get("/orders/items", params=criteria([[("order_id", order_id, "eq")]]))
    assert sorted(i["qty_ordered"] for i in items.json()["items"]) == [1, 2]
    one = store.api.get(f"/orders/items/{o['items'][0]['item_id']}").json()
    assert one["order_id"] == order_id


def test_comments_status_must_belong_to_state(store: Store) -> None:
    order_id = store.place((store.product(), 1))
    history = {
        "comment": "Marketplace order 123-456",
        "is_customer_notified": 0,
        "is_visible_on_front": 0,
        "status": "processing",
    }
    r = store.api.post(f"/orders/{order_id}/comments", json={"statusHistory": history})
    assert r.status_code == 400
    assert r.json() == {
        "message": 'Unable to add comment: The status "%1" is not part of the '
        "order status history.",
        "parameters": ["processing"],
    }
    history["status"] = "pending"
    assert (
        store.api.post(f"/orders/{order_id}/comments", json={"statusHistory": history}).json()
        is True
    )
    del history["status"]
    history["comment"] = "second"
    assert store.api.post(f"/orders/{order_id}/comments", json={"statusHistory": history}).json()
    listed = store.api.get(f"/orders/{order_id}/comments").json()
    assert listed["total_count"] == 2
    assert {c["comment"] for c in listed["items"]} == {"Marketplace order 123-456", "second"}
    assert all(c["entity_name"] == "order" and c["parent_id"] == order_id for c in listed["items"])
    assert store.order(order_id)["status_histories"][0]["comment"] == "second"
    r = store.api.post(
        f"/orders/{order_id}/comments", json={"statusHistory": {"comment": "x", "IsAdmin": True}}
    )
    assert r.status_code == 400
    assert r.json()["parameters"] == {"fieldName": "IsAdmin"}


def test_cancel_true_then_false_and_releases_reservation(store: Store) -> None:
    sku = store.product(qty=8)
    order_id = store.place((sku, 3))
    assert store.salable(sku) == 5
    r = store.api.post(f"/orders/{order_id}/cancel")
    assert r.status_code == 200 and r.json() is True
    o = store.order(order_id)
    assert o["state"] == "canceled" and o["status"] == "canceled"
    assert o["items"][0]["qty_canceled"] == 3
    assert store.salable(sku) == 8
    r = store.api.post(f"/orders/{order_id}/cancel")
    assert r.status_code == 200 and r.json() is False


def test_cancel_false_when_fully_invoiced(store: Store) -> None:
    order_id = store.place((store.product(), 1))
    assert isinstance(store.api.post(f"/order/{order_id}/invoice", json={}).json(), int)
    assert store.api.post(f"/orders/{order_id}/cancel").json() is False


def test_hold_and_unhold_restore(store: Store) -> None:
    order_id = store.place((store.product(), 1))
    assert store.api.post(f"/orders/{order_id}/hold").json() is True
    o = store.order(order_id)
    assert (o["state"], o["status"]) == ("holded", "holded")
    assert (o["hold_before_state"], o["hold_before_status"]) == ("new", "pending")
    r = store.api.post(f"/orders/{order_id}/hold")
    assert r.status_code == 400 and r.json() == {"message": "A hold action is not available."}
    assert store.api.post(f"/orders/{order_id}/cancel").json() is False
    assert store.api.post(f"/orders/{order_id}/unhold").json() is True
    o = store.order(order_id)
    assert (o["state"], o["status"]) == ("new", "pending")
    assert "hold_before_state" not in o
    r = store.api.post(f"/orders/{order_id}/unhold")
    assert r.status_code == 400 and r.json() == {"message": "You cannot remove the hold."}


def test_bulk_orders_keep_salable_and_are_searchable(store: Store) -> None:
    total = store.admin.get("/stats").json()["orders"]
    salable_before = store.salable("CM-00001")
    r = store.admin.post("/orders/bulk", json={"count": total + 300})
    assert r.json() == {"added": 300, "total": total + 300}
    assert store.salable("CM-00001") == salable_before
    newest = store.api.get("/orders", params=criteria(sort=[("entity_id", None)], page_size=1))
    o = newest.json()["items"][0]
    assert newest.json()["total_count"] == total + 300
    assert o["customer_email"].endswith("@example.com") and o["items"]
    assert (
        store.api.put(
            f"/carts/{o['quote_id']}/order", json={"paymentMethod": {"method": "checkmo"}}
        ).status_code
        == 404
    )


def test_directory_lists_this_installations_regions(store: Store) -> None:
    store.admin.put("/config", json={"region_id_offset": 500})
    try:
        us = store.guest.get("/directory/countries/US")  # anonymous route
        assert store.guest.get("/directory/countries/ZZ").json() == {
            "message": "Requested country is not available."
        }
        texas = {**ADDRESS, "region_id": 557}
        quote_id = store.cart_with((store.product(), 1))
        info = {
            "shipping_address": texas,
            "billing_address": texas,
            "shipping_carrier_code": "flatrate",
            "shipping_method_code": "flatrate",
        }
        store.api.post(f"/carts/{quote_id}/shipping-information", json={"addressInformation": info})
        placed = store.api.put(
            f"/carts/{quote_id}/order", json={"paymentMethod": {"method": "checkmo"}}
        )
        stale = store.cart_with((store.product(), 1))  # ADDRESS still says 57, the install id
        refused = store.api.put(
            f"/carts/{stale}/order", json={"paymentMethod": {"method": "checkmo"}}
        )
    finally:
        store.admin.put("/config", json={"region_id_offset": 0})
    assert us.status_code == 200
    regions = {r["code"]: r for r in us.json()["available_regions"]}
    assert regions["TX"] == {"id": "557", "code": "TX", "name": "Texas"}
    assert placed.status_code == 200, placed.text
    address = store.order(placed.json())["extension_attributes"]["shipping_assignments"][0]
    assert address["shipping"]["address"]["region_id"] == 557
    assert refused.status_code == 400
    assert refused.json() == {
        "message": "Please check the shipping address information. %1",
        "parameters": ['Invalid value of "57" provided for the regionId field.'],
    }


def _place(store: Store, sku: str, qty: int, carrier: str) -> dict:
    quote_id = store.api.post("/carts/").json()
    item = {"cartItem": {"sku": sku, "qty": qty, "quote_id": str(quote_id)}}
    store.api.post(f"/carts/{quote_id}/items", json=item)
    info = {"shipping_address": ADDRESS, "shipping_carrier_code": carrier,
            "shipping_method_code": carrier}  # fmt: skip
    r = store.api.post(f"/carts/{quote_id}/shipping-information", json={"addressInformation": info})
    return {"status": r.status_code, **r.json()}


def test_shipping_is_priced_by_the_configured_carrier_as_magento_does(store: Store) -> None:
    """Flat rate per item or per order plus a handling fee, free shipping at 0, and only the
    active carriers on offer (Magento's OfflineShipping Flatrate/Freeshipping)."""
    sku = store.product(qty=20)
    try:
        config = {"flatrate_type": "O", "flatrate_price": 7, "flatrate_handling_fee": 1.5}
        store.admin.put("/config", json={"carriers": config})
        per_order = _place(store, sku, 3, "flatrate")["totals"]
        assert per_order["shipping_amount"] == 8.5
        assert per_order["grand_total"] == round(per_order["subtotal"] + 8.5, 2)
        refused = _place(store, sku, 1, "freeshipping")
        assert (
            refused["status"] == 400 and "Carrier with such method not found" in refused["message"]
        )
        store.admin.put("/config", json={"carriers": {"freeshipping_active": True}})
        free = _place(store, sku, 2, "freeshipping")["totals"]
        assert free["shipping_amount"] == 0 and free["grand_total"] == free["subtotal"]
        bad = store.admin.put("/config", json={"carriers": {"flatrate_type": "X"}})
        assert bad.status_code == 400
    finally:
        defaults = {"flatrate_type": "I", "flatrate_price": 5, "flatrate_handling_fee": 0,
                    "freeshipping_active": False}  # fmt: skip
        store.admin.put("/config", json={"carriers": defaults})
