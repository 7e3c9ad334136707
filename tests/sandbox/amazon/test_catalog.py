"""searchCatalogItems by identifier with 0, 1 and several hits; variation parents (§4.4)."""

from __future__ import annotations

from channelmanager_gui.sandbox.seed import demo_catalog

from .conftest import US, AmazonClient, error

SEARCH = "/catalog/2022-04-01/items"


def _search(client: AmazonClient, value: str, kind: str) -> dict:  # type: ignore[type-arg]
    answer = client.get(
        SEARCH,
        params={
            "marketplaceIds": US,
            "identifiers": value,
            "identifiersType": kind,
            "includedData": "summaries,identifiers,productTypes",
        },
    )
    assert answer.status_code == 200, answer.text
    return dict(answer.json())


def test_zero_one_and_many_hits_for_every_identifier_type(amazon: AmazonClient) -> None:
    products = demo_catalog(5, 120)
    seen: dict[tuple[str, int], bool] = {}
    for p in products:
        if not p.id_value:
            continue
        kind = p.id_attribute.upper()  # type: ignore[union-attr]
        found = _search(amazon, p.id_value, kind)
        assert found["numberOfResults"] == p.walmart_candidates == len(found["items"])
        seen[(kind, min(p.walmart_candidates, 2))] = True
        if p.walmart_gtin:
            gtin = _search(amazon, p.walmart_gtin, "GTIN")
            assert gtin["numberOfResults"] == p.walmart_candidates
    assert {("UPC", 0), ("UPC", 1), ("UPC", 2), ("EAN", 1), ("ISBN", 1)} <= set(seen)
    one = next(p for p in products if p.walmart_candidates == 1 and p.id_attribute == "upc")
    item = _search(amazon, str(one.id_value), "UPC")["items"][0]
    assert item["summaries"][0]["itemClassification"] in {"BASE_PRODUCT", "VARIATION_PARENT"}
    assert {"identifierType": "UPC", "identifier": one.id_value} in item["identifiers"][0][
        "identifiers"
    ]


def test_variation_parent_is_marked(amazon: AmazonClient) -> None:
    parents = [i for i in amazon.sandbox.state.catalog if i.classification == "VARIATION_PARENT"]
    assert parents
    found = _search(amazon, parents[0].identifiers["GTIN"], "GTIN")["items"]
    assert found[0]["summaries"][0]["itemClassification"] == "VARIATION_PARENT"


def test_bad_searches_and_unknown_asin(amazon: AmazonClient) -> None:
    both = amazon.get(
        SEARCH,
        params={
            "marketplaceIds": US,
            "identifiers": "1",
            "identifiersType": "UPC",
            "keywords": "mug",
        },
    )
    assert both.status_code == 400
    two_markets = amazon.get(
        SEARCH,
        params={
            "marketplaceIds": f"{US},A2EUQ1WTGCTBG2",
            "identifiers": "1",
            "identifiersType": "UPC",
        },
    )
    assert two_markets.status_code == 400
    missing = amazon.get(f"{SEARCH}/B0NOTHERE0", params={"marketplaceIds": US})
    assert missing.status_code == 404
    assert error(missing) == {
        "code": "NOT_FOUND",
        "details": "",
        "message": f"Requested item, B0NOTHERE0, not found in marketplace(s) {US}.",
    }
