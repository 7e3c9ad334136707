"""Listings Items API: ACCEPTED now, applied later; status and issues (§4.1–§4.3, §5.2)."""

from __future__ import annotations

from typing import Any

from .conftest import US, AmazonClient, error

SECTIONS = "summaries,attributes,issues,offers,fulfillmentAvailability"


def _path(client: AmazonClient, sku: str) -> str:
    return f"/listings/2021-08-01/items/{client.creds.seller_id}/{sku}"


def _offer(asin: str, qty: int = 12, price: float = 17.99) -> dict[str, Any]:
    return {
        "productType": "PRODUCT",
        "requirements": "LISTING_OFFER_ONLY",
        "attributes": {
            "condition_type": [{"value": "new_new", "marketplace_id": US}],
            "merchant_suggested_asin": [{"value": asin, "marketplace_id": US}],
            "purchasable_offer": [
                {
                    "marketplace_id": US,
                    "currency": "USD",
                    "our_price": [{"schedule": [{"value_with_tax": price}]}],
                }
            ],
            "fulfillment_availability": [{"fulfillment_channel_code": "DEFAULT", "quantity": qty}],
        },
    }


def _asin(client: AmazonClient) -> str:
    return str(client.sandbox.state.catalog[0].asin)


def _get(client: AmazonClient, sku: str) -> Any:
    return client.get(_path(client, sku), params={"marketplaceIds": US, "includedData": SECTIONS})


def test_put_is_accepted_then_applied_after_the_delay(amazon: AmazonClient) -> None:
    put = amazon.call(
        "PUT",
        _path(amazon, "NEW-SKU 1/x"),
        params={"marketplaceIds": US},
        json=_offer(_asin(amazon)),
    )
    assert put.status_code == 200
    assert put.json()["status"] == "ACCEPTED" and put.json()["issues"] == []
    assert _get(amazon, "NEW-SKU 1/x").status_code == 404  # accepted ≠ applied
    amazon.advance(5)
    listing = _get(amazon, "NEW-SKU 1/x").json()
    summary = listing["summaries"][0]
    assert summary["status"] == ["BUYABLE", "DISCOVERABLE"] and summary["asin"] == _asin(amazon)
    assert listing["offers"][0]["price"] == {"currencyCode": "USD", "amount": "17.99"}
    assert listing["fulfillmentAvailability"] == [
        {"fulfillmentChannelCode": "DEFAULT", "quantity": 12}
    ]


def test_patch_quantity_zero_drops_buyable(amazon: AmazonClient) -> None:
    sku = amazon.sandbox.state.listings.all()[0].sku
    body = {
        "productType": "PRODUCT",
        "patches": [
            {
                "op": "replace",
                "path": "/attributes/fulfillment_availability",
                "value": [{"fulfillment_channel_code": "DEFAULT", "quantity": 0}],
            }
        ],
    }
    answer = amazon.call("PATCH", _path(amazon, sku), params={"marketplaceIds": US}, json=body)
    assert answer.json()["status"] == "ACCEPTED"
    amazon.advance(5)
    after = _get(amazon, sku).json()
    assert after["fulfillmentAvailability"][0]["quantity"] == 0
    assert "BUYABLE" not in after["summaries"][0]["status"]


def test_invalid_and_preview(amazon: AmazonClient) -> None:
    sku = amazon.sandbox.state.listings.all()[1].sku
    nested = {
        "productType": "PRODUCT",
        "patches": [
            {"op": "replace", "path": "/attributes/purchasable_offer/0/our_price", "value": []}
        ],
    }
    invalid = amazon.call("PATCH", _path(amazon, sku), params={"marketplaceIds": US}, json=nested)
    assert invalid.status_code == 200 and invalid.json()["status"] == "INVALID"
    missing = _offer(_asin(amazon))
    del missing["attributes"]["condition_type"]
    put = amazon.call("PUT", _path(amazon, "BAD-1"), params={"marketplaceIds": US}, json=missing)
    issue = put.json()["issues"][0]
    assert put.json()["status"] == "INVALID" and issue["categories"] == ["MISSING_ATTRIBUTE"]
    assert issue["attributeNames"] == ["condition_type"] and issue["severity"] == "ERROR"
    preview = {"marketplaceIds": US, "mode": "VALIDATION_PREVIEW"}
    valid = amazon.call(
        "PUT", _path(amazon, "PREVIEW-1"), params=preview, json=_offer(_asin(amazon))
    )
    assert valid.json()["status"] == "VALID"
    amazon.advance(10)
    assert _get(amazon, "PREVIEW-1").status_code == 404  # a preview stores nothing


def test_delete_and_unknown_sku(amazon: AmazonClient) -> None:
    sku = amazon.sandbox.state.listings.all()[2].sku
    gone = amazon.call("DELETE", _path(amazon, sku), params={"marketplaceIds": US})
    assert gone.json()["status"] == "ACCEPTED"
    assert _get(amazon, sku).status_code == 200
    amazon.advance(5)
    missing = _get(amazon, sku)
    assert missing.status_code == 404 and error(missing)["code"] == "NOT_FOUND"


def test_seeded_suppressed_listing_is_not_discoverable(amazon: AmazonClient) -> None:
    suppressed = [
        lst
        for lst in amazon.sandbox.state.listings.all()
        if lst.issues and any(i["severity"] == "ERROR" for i in lst.issues)
    ]
    assert suppressed
    listing = _get(amazon, suppressed[0].sku).json()
    assert listing["summaries"][0]["status"] == []
    assert listing["issues"][0]["enforcements"]["actions"][0]["action"] == "LISTING_SUPPRESSED"
