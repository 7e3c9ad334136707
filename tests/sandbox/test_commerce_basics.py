"""Commerce sandbox: authentication, routing, store codes, faults, flavours and determinism."""

from __future__ import annotations

import json

import httpx
import pytest

from channelmanager_gui.sandbox.commerce import CommerceSandbox, demo_token
from channelmanager_gui.sandbox.faults import FaultConfig
from tests.sandbox import commerce_fixtures
from tests.sandbox.commerce_fixtures import Store, criteria

sandbox = commerce_fixtures.sandbox  # module-scoped fixtures shared with the other files
store = commerce_fixtures.store

UNAUTHORIZED = "The consumer isn't authorized to access %resources."


@pytest.mark.parametrize(
    ("path", "resource"),
    [
        ("/products/CM-00001", "Magento_Catalog::products"),
        ("/orders/1", "Magento_Sales::actions_view"),
        ("/stockItems/CM-00001", "Magento_CatalogInventory::cataloginventory"),
    ],
)
def test_401_names_the_resource(store: Store, path: str, resource: str) -> None:
    for headers in ({}, {"Authorization": "Bearer wrong-token"}, {"Authorization": "Basic x"}):
        r = store.guest.get(path, headers=headers)
        assert r.status_code == 401
        assert r.json() == {"message": UNAUTHORIZED, "parameters": {"resources": resource}}


def test_a_token_without_a_resource_gets_the_401_naming_it(store: Store) -> None:
    """The integration was given only some ACL resources (the admin switch)."""
    order_count = len(store.sandbox.state.orders)
    store.admin.put("/config", json={"denied_resources": ["Magento_Sales::ship"]})
    try:
        refused = store.api.post("/order/1/ship", json={})
        allowed = store.api.get("/products", params=criteria(page_size=1))
    finally:
        store.admin.put("/config", json={"denied_resources": []})
    assert refused.status_code == 401
    assert refused.json() == {
        "message": UNAUTHORIZED,
        "parameters": {"resources": "Magento_Sales::ship"},
    }
    assert allowed.status_code == 200
    assert len(store.sandbox.state.orders) == order_count


def test_token_is_fixed_per_seed(sandbox: CommerceSandbox) -> None:
    assert sandbox.token == demo_token(1)
    assert len(sandbox.token) == 32
    assert demo_token(2) != demo_token(1)


def test_unknown_route_is_404_even_without_token(store: Store) -> None:
    for r in (
        store.api.get("/no/such/thing"),
        store.guest.get("/no/such/thing"),
        store.api.delete("/products"),
        store.api.get("/../../etc"),
    ):
        assert r.status_code == 404
        assert r.json() == {"message": "Request does not match any route."}


def test_store_code_paths(store: Store, sandbox: CommerceSandbox) -> None:
    base = f"{sandbox.url}/rest"
    assert store.api.get(f"{base}/default/V1/products/CM-00001").json()["sku"] == "CM-00001"
    r = store.api.get(f"{base}/all/V1/products/CM-00001")
    assert r.status_code == 400
    assert r.json() == {"message": "Cannot perform GET operation with store code 'all'"}
    assert store.api.post(f"{base}/all/V1/carts/").status_code == 200  # writes are fine on all
    assert store.api.get(f"{base}/nosuchstore/V1/products/CM-00001").status_code == 404


def test_success_scalars_are_bare_json(store: Store) -> None:
    r = store.api.post("/carts/")
    assert r.status_code == 200 and isinstance(r.json(), int)
    r = store.guest.post("/guest-carts")
    assert r.status_code == 200 and isinstance(r.json(), str) and len(r.json()) == 32
    assert r.headers["content-type"].startswith("application/json")


def test_bad_json_body_is_400(store: Store) -> None:
    r = store.api.put(
        "/products/CM-00001", content=b"{not json", headers={"Content-Type": "application/json"}
    )
    assert r.status_code == 400
    assert "message" in r.json()


def test_missing_body_parameter_is_400_required(store: Store) -> None:
    r = store.api.put("/products/CM-00001", json={})
    assert r.status_code == 400
    assert r.json() == {
        "message": '"%fieldName" is required. Enter and try again.',
        "parameters": {"fieldName": "product"},
    }


def test_faults_500_in_commerce_shape_and_admin_never_faulted(store: Store) -> None:
    assert store.admin.put("/faults", json={"error_rate": 1.0}).status_code == 200
    try:
        r = store.api.get("/products/CM-00001")
        assert r.status_code == 500
        assert r.json()["message"].startswith(
            "Internal Error. Details are available in Magento log file. Report ID: webapi-"
        )
        assert store.admin.get("/stats").status_code == 200
        assert store.admin.get("/faults").json()["injected"]["500"] >= 1
    finally:
        store.admin.put("/faults", json={"error_rate": 0.0})
    assert store.api.get("/products/CM-00001").status_code == 200


def test_faults_drop_and_malformed(store: Store) -> None:
    store.admin.put("/faults", json={"drop_rate": 1.0})
    dropped = 0
    try:
        for _ in range(20):  # each drop happens before or after acting, half the time each
            try:
                store.api.get("/products/CM-00001")
            except httpx.HTTPError:
                dropped += 1
        assert dropped > 0
    finally:
        store.admin.put("/faults", json={"drop_rate": 0.0})
    store.admin.put("/faults", json={"malformed_rate": 1.0})
    try:
        r = store.api.get("/products/CM-00001")
        with pytest.raises(json.JSONDecodeError):
            json.loads(r.content)
    finally:
        store.admin.put("/faults", json={"malformed_rate": 0.0})
    stats = store.admin.get("/stats").json()
    assert stats["faults_injected"].get("malformed", 0) >= 1


def test_faults_429_storm_and_unknown_switch() -> None:
    # A storm outlives its switch (FaultConfig), so it gets a sandbox of its own.
    with CommerceSandbox(products=2) as sb:
        admin = httpx.Client(base_url=f"{sb.url}/_sandbox")
        admin.put("/faults", json={"throttle_rate": 1.0, "storm_seconds": 30})
        r = httpx.get(
            f"{sb.url}/rest/V1/products/CM-00001", headers={"Authorization": f"Bearer {sb.token}"}
        )
        assert r.status_code == 429
        assert "Retry-After" in r.headers and "message" in r.json()
        assert admin.put("/faults", json={"no_such_switch": 1}).status_code == 400
        admin.close()


def test_faults_given_at_start() -> None:
    with CommerceSandbox(products=5, faults=FaultConfig(error_rate=1.0)) as sb:
        r = httpx.get(
            f"{sb.url}/rest/V1/products/CM-00001", headers={"Authorization": f"Bearer {sb.token}"}
        )
        assert r.status_code == 500


def test_determinism_by_seed() -> None:
    def snapshot(seed: int) -> list[dict[str, object]]:
        with CommerceSandbox(seed=seed, products=40) as sb:
            r = httpx.get(
                f"{sb.url}/rest/V1/products",
                params=criteria(),
                headers={"Authorization": f"Bearer {sb.token}"},
            )
            return r.json()["items"]

    first, again, other = snapshot(7), snapshot(7), snapshot(8)
    assert first == again
    assert first != other
    assert len(first) == 40


def test_seed_identifiers_and_disabled_products(sandbox: CommerceSandbox, store: Store) -> None:
    from channelmanager_gui.sandbox.seed import demo_catalog

    demo = demo_catalog(1, 120)
    items = store.api.get("/products", params=criteria()).json()["items"]
    by_sku = {p["sku"]: p for p in items}
    for d in demo:
        product = by_sku[d.sku]
        attrs = {a["attribute_code"]: a["value"] for a in product["custom_attributes"]}
        assert product["status"] == (1 if d.enabled else 2)
        if d.id_attribute and d.id_value:
            assert attrs[d.id_attribute] == d.id_value
        else:
            assert not {"upc", "ean", "isbn", "gtin"} & attrs.keys()
    assert any(p["status"] == 2 for p in items)


def test_opensource_flavour_has_no_returns() -> None:
    with CommerceSandbox(products=5, flavour="opensource") as sb:
        client = httpx.Client(
            base_url=f"{sb.url}/rest/V1", headers={"Authorization": f"Bearer {sb.token}"}
        )
        for r in (
            client.get("/returns", params=criteria()),
            client.post("/returns", json={}),
            client.get("/returnsAttributeMetadata"),
        ):
            assert r.status_code == 404
            assert r.json() == {"message": "Request does not match any route."}
        assert client.get("/products/CM-00001").status_code == 200
        client.close()


def test_stats_count_requests(store: Store) -> None:
    before = store.admin.get("/stats").json()
    store.api.get("/products/CM-00002")
    after = store.admin.get("/stats").json()
    assert after["requests_total"] == before["requests_total"] + 1
    assert after["requests"]["GET /products/{sku}"] >= 1
    assert after["products"] == 120
