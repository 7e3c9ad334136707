"""Single-SKU inventory and price endpoints (reference §6–§7)."""

from __future__ import annotations


def test_inventory_get_and_put(wm, walmart_schemas):
    sku = wm.skus()[4]
    r = wm.get("/v3/inventory", params={"sku": sku})
    assert r.status_code == 200
    walmart_schemas.validate("inventory", "Inventory", r.json())
    body = {"sku": sku, "quantity": {"unit": "EACH", "amount": 42}}
    put = wm.put("/v3/inventory", params={"sku": sku}, json=body)
    assert put.status_code == 200 and put.json() == body
    assert wm.admin("GET", f"/inventory/{sku}").json()["quantity"] == 42


def test_inventory_errors(wm):
    sku = wm.skus()[4]
    missing = wm.get("/v3/inventory")
    assert missing.status_code == 400
    assert missing.json()["errors"][0]["code"].startswith("MISSING_REQUEST_PARAM")
    assert wm.get("/v3/inventory", params={"sku": "NOPE-3"}).status_code == 404
    negative = {"sku": sku, "quantity": {"unit": "EACH", "amount": -1}}
    assert wm.put("/v3/inventory", params={"sku": sku}, json=negative).status_code == 400
    bad_unit = {"sku": sku, "quantity": {"unit": "BOX", "amount": 1}}
    assert wm.put("/v3/inventory", params={"sku": sku}, json=bad_unit).status_code == 400


def test_price_update_answers_the_wrapped_response(wm, walmart_schemas):
    sku = wm.skus()[5]
    body = {
        "sku": sku,
        "pricing": [
            {"currentPriceType": "BASE", "currentPrice": {"currency": "USD", "amount": 10.0}}
        ],
    }
    r = wm.put("/v3/price", json=body)
    assert r.status_code == 200
    # Wrapped in ItemPriceResponse (reference §7); the inner object follows the spec schema.
    walmart_schemas.validate("price", "ItemPriceResponse", r.json()["ItemPriceResponse"])
    assert r.json()["ItemPriceResponse"]["sku"] == sku
    assert wm.admin("GET", f"/prices/{sku}").json()["price"] == 10.0


def test_price_errors(wm):
    sku = wm.skus()[5]
    zero = {
        "sku": sku,
        "pricing": [{"currentPriceType": "BASE", "currentPrice": {"currency": "USD", "amount": 0}}],
    }
    assert wm.put("/v3/price", json=zero).status_code == 400
    unknown = {**zero, "sku": "NOPE-4"}
    unknown["pricing"][0]["currentPrice"]["amount"] = 5
    assert wm.put("/v3/price", json=unknown).status_code == 404
    assert wm.put("/v3/price", content=b"nope").status_code == 400
