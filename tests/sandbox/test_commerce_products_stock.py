"""Commerce sandbox: product reads and saves, legacy stock items, MSI source items, salable qty."""

from __future__ import annotations

import httpx

from channelmanager_gui.sandbox.commerce import CommerceSandbox
from tests.sandbox import commerce_fixtures
from tests.sandbox.commerce_fixtures import Store, criteria

sandbox = commerce_fixtures.sandbox  # module-scoped fixtures shared with the other files
store = commerce_fixtures.store

PRODUCT_404 = "The product that was requested doesn't exist. Verify the product and try again."


def test_single_product_has_stock_item_and_list_does_not(store: Store) -> None:
    p = store.api.get("/products/CM-00002").json()
    assert {
        "id",
        "sku",
        "name",
        "price",
        "status",
        "visibility",
        "type_id",
        "created_at",
        "updated_at",
        "weight",
        "attribute_set_id",
        "custom_attributes",
    } <= p.keys()
    stock_item = p["extension_attributes"]["stock_item"]
    assert stock_item["stock_id"] == 1 and stock_item["product_id"] == p["id"]
    listed = store.api.get("/products", params=criteria([[("sku", "CM-00002", "eq")]])).json()
    assert "stock_item" not in listed["items"][0]["extension_attributes"]
    assert store.api.get("/products/cm-00002").json()["sku"] == "CM-00002"  # case-insensitive


def test_missing_product_404(store: Store) -> None:
    for path in ("/products/NOPE", "/stockItems/NOPE", "/products/NOPE%2FX"):
        r = store.api.get(path)
        assert r.status_code == 404 and r.json() == {"message": PRODUCT_404}


def test_put_product_changes_price_and_bumps_updated_at(store: Store) -> None:
    sku = store.product()
    before = store.api.get(f"/products/{sku}").json()
    r = store.api.put(
        f"/products/{sku}",
        json={
            "product": {
                "price": 19.99,
                "custom_attributes": [{"attribute_code": "upc", "value": "036000291452"}],
            }
        },
    )
    assert r.status_code == 200
    after = r.json()
    assert after["price"] == 19.99 and after["updated_at"] > before["updated_at"]
    attrs = {a["attribute_code"]: a["value"] for a in after["custom_attributes"]}
    assert attrs["upc"] == "036000291452"
    assert after["name"] == before["name"]
    r = store.api.put(f"/products/{sku}", json={"product": {"price": "abc"}})
    assert r.status_code == 400


def test_legacy_stock_item_put_returns_item_id(store: Store) -> None:
    sku = store.product(qty=5)
    item = store.api.get(f"/stockItems/{sku}").json()
    assert item["qty"] == 5 and item["is_in_stock"] is True
    updated_before = store.api.get(f"/products/{sku}").json()["updated_at"]
    r = store.api.put(
        f"/products/{sku}/stockItems/1", json={"stockItem": {"qty": 25, "is_in_stock": True}}
    )
    assert r.status_code == 200 and r.json() == item["item_id"]
    assert store.salable(sku) == 25
    source = store.api.get(
        "/inventory/source-items", params=criteria([[("sku", sku, "eq")]])
    ).json()["items"]
    assert source == [{"sku": sku, "source_code": "default", "quantity": 25, "status": 1}]
    assert store.api.get(f"/products/{sku}").json()["updated_at"] == updated_before
    status = store.api.get(f"/stockStatuses/{sku}").json()
    assert status["qty"] == 25 and status["stock_status"] == 1


def test_source_items_upsert_delete_and_salable(store: Store) -> None:
    sku = store.product(qty=1)
    r = store.api.post(
        "/inventory/source-items",
        json={"sourceItems": [{"sku": sku, "source_code": "default", "quantity": 12, "status": 1}]},
    )
    assert r.status_code == 200 and r.json() == []
    assert store.salable(sku) == 12
    assert store.api.get(f"/inventory/is-product-salable/{sku}/1").json() is True
    order_id = store.place((sku, 2))
    assert isinstance(order_id, int) and store.salable(sku) == 10
    check = store.api.get(f"/inventory/is-product-salable-for-requested-qty/{sku}/1/11").json()
    assert check["salable"] is False and check["errors"]
    store.api.post(
        "/inventory/source-items",
        json={"sourceItems": [{"sku": sku, "source_code": "default", "quantity": 12, "status": 0}]},
    )
    assert store.salable(sku) == 0
    assert store.api.get(f"/inventory/is-product-salable/{sku}/1").json() is False
    r = store.api.post(
        "/inventory/source-items-delete",
        json={"sourceItems": [{"sku": sku, "source_code": "default"}]},
    )
    assert r.status_code == 200 and r.json() == []
    listed = store.api.get("/inventory/source-items", params=criteria([[("sku", sku, "eq")]]))
    assert listed.json()["total_count"] == 0


def test_source_items_validation(store: Store) -> None:
    r = store.api.post(
        "/inventory/source-items",
        json={"sourceItems": [{"sku": "", "source_code": "nowhere", "quantity": 1, "status": 1}]},
    )
    assert r.status_code == 400
    body = r.json()
    assert body["message"] == "Validation Failed" and len(body["errors"]) == 2
    r = store.api.post("/inventory/source-items", json={})
    assert r.status_code == 400
    store.admin.put("/config", json={"input_limits": True})
    try:
        items = [{"sku": "CM-00001", "source_code": "default", "quantity": 1, "status": 1}] * 21
        r = store.api.post("/inventory/source-items", json={"sourceItems": items})
        assert r.status_code == 400
        assert r.json()["message"] == 'Maximum items of type "%type" is %max'
    finally:
        store.admin.put("/config", json={"input_limits": False})


def test_salable_errors(store: Store) -> None:
    assert store.api.get("/inventory/get-product-salable-quantity/NOPE/1").status_code == 400
    assert store.api.get("/inventory/get-product-salable-quantity/CM-00001/7").status_code == 404
    sources = store.api.get("/inventory/sources").json()
    assert [s["source_code"] for s in sources["items"]] == ["default", "east"]


def test_admin_qty_changes_source_only(store: Store) -> None:
    sku = store.product(qty=3)
    before = store.api.get(f"/products/{sku}").json()
    r = store.admin.put(f"/products/{sku}", json={"qty": 40})
    assert r.status_code == 200 and r.json()["qty"] == 40
    assert store.api.get(f"/products/{sku}").json()["updated_at"] == before["updated_at"]
    assert store.salable(sku) == 40
    r = store.admin.put(f"/products/{sku}", json={"price": 99.5, "status": 2})
    after = store.api.get(f"/products/{sku}").json()
    assert after["price"] == 99.5 and after["status"] == 2
    assert after["updated_at"] > before["updated_at"]
    assert store.admin.put("/products/NOPE", json={"qty": 1}).status_code == 404


def test_bulk_grows_to_100k_and_index_lookups_answer() -> None:
    with CommerceSandbox(seed=3, products=10) as sb:
        admin = httpx.Client(base_url=f"{sb.url}/_sandbox", timeout=120)
        api = httpx.Client(
            base_url=f"{sb.url}/rest/V1",
            timeout=120,
            headers={"Authorization": f"Bearer {sb.token}"},
        )
        r = admin.post("/products/bulk", json={"count": 100_000})
        assert r.json() == {"added": 99_990, "total": 100_000}
        assert admin.post("/products/bulk", json={"count": 50}).json()["added"] == 0
        one = api.get("/products", params=criteria([[("sku", "CM-99999", "eq")]])).json()
        assert one["total_count"] == 1 and one["items"][0]["id"] == 99_999
        page = api.get(
            "/products",
            params=criteria(sort=[("updated_at", "ASC")], page_size=300, current_page=200),
        ).json()
        assert page["total_count"] == 100_000 and len(page["items"]) == 300
        assert api.get("/products/CM-100000").status_code == 200
        assert admin.get("/stats").json()["products"] == 100_000
        admin.close()
        api.close()


def test_attribute_metadata(store: Store) -> None:
    upc = store.api.get("/products/attributes/upc").json()
    assert upc["attribute_code"] == "upc" and upc["frontend_input"] == "text"
    r = store.api.get("/products/attributes/nope")
    assert r.status_code == 404 and r.json()["parameters"] == ["nope"]
