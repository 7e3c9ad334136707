"""The buyer-data gate: Restricted Data Tokens for v0, roles and includedData for v2026 (§1.5)."""

from __future__ import annotations

from .conftest import AmazonClient, error

RDT = "/tokens/2021-03-01/restrictedDataToken"
OPEN = {"City", "StateOrRegion", "PostalCode", "CountryCode"}


def _rdt(client: AmazonClient, path: str, elements: list[str]) -> str:
    body = {"restrictedResources": [{"method": "GET", "path": path, "dataElements": elements}]}
    answer = client.call("POST", RDT, json=body)
    assert answer.status_code == 200, answer.text
    data = answer.json()
    assert data["restrictedDataToken"].startswith("Atz.sprdt|") and data["expiresIn"] == 3600
    return str(data["restrictedDataToken"])


def test_lwa_token_gets_stripped_address_rdt_gets_all(amazon: AmazonClient) -> None:
    order_id = amazon.new_order()["orderId"]
    path = f"/orders/v0/orders/{order_id}"
    plain = amazon.get(path).json()["payload"]
    assert set(plain["ShippingAddress"]) == OPEN and "BuyerName" not in plain["BuyerInfo"]
    generic = _rdt(amazon, "/orders/v0/orders/{orderId}", ["shippingAddress", "buyerInfo"])
    full = amazon.get(path, token=generic).json()["payload"]
    assert {"Name", "AddressLine1", "Phone"} <= set(full["ShippingAddress"])
    assert full["BuyerInfo"]["BuyerName"]
    other = _rdt(amazon, "/orders/v0/orders/111-0000000-0000000", ["shippingAddress"])
    assert set(amazon.get(path, token=other).json()["payload"]["ShippingAddress"]) == OPEN
    listing = amazon.get(
        "/orders/v0/orders",
        token=_rdt(amazon, "/orders/v0/orders", ["shippingAddress"]),
        params={"MarketplaceIds": "ATVPDKIKX0DER", "CreatedAfter": "2020-01-01T00:00:00Z"},
    )
    addresses = [
        o["ShippingAddress"] for o in listing.json()["payload"]["Orders"] if "ShippingAddress" in o
    ]
    assert addresses and all("AddressLine1" in a for a in addresses)


def test_rdt_only_stands_in_on_restricted_calls(amazon: AmazonClient) -> None:
    token = _rdt(amazon, "/orders/v0/orders", ["shippingAddress"])
    refused = amazon.get("/sellers/v1/marketplaceParticipations", token=token)
    assert refused.status_code == 403


def test_without_roles_rdt_is_refused_and_v2026_is_stripped(amazon: AmazonClient) -> None:
    order_id = amazon.new_order()["orderId"]
    get = f"/orders/2026-01-01/orders/{order_id}"
    with_roles = amazon.get(get, params={"includedData": "RECIPIENT"}).json()["order"]
    assert with_roles["recipient"]["deliveryAddress"]["addressLine1"]
    assert "recipient" not in amazon.get(get).json()["order"]  # only when asked for
    amazon.admin("PUT", "switches", {"piiRoles": False})
    try:
        body = {
            "restrictedResources": [
                {
                    "method": "GET",
                    "path": "/orders/v0/orders",
                    "dataElements": ["buyerInfo", "shippingAddress"],
                }
            ]
        }
        refused = amazon.call("POST", RDT, json=body)
        assert refused.status_code == 400
        assert error(refused)["message"] == (
            "Application does not have access to one or more requested data elements: "
            "[buyerInfo, shippingAddress]"
        )
        cut = amazon.get(get, params={"includedData": "RECIPIENT"}).json()["order"]
        assert set(cut["recipient"]["deliveryAddress"]) == {
            "city",
            "stateOrRegion",
            "postalCode",
            "countryCode",
        }
    finally:
        amazon.admin("PUT", "switches", {"piiRoles": True})
