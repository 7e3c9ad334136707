"""searchCatalogItems and the matching rule: 0 / 1 / many / variation parent (§4.4)."""

from __future__ import annotations

import copy

import httpx
import pytest

from channelmanager_gui.errors import ValidationError
from channelmanager_gui.services.amazon import MatchVerdict

from .fakes import US, FakeAmazon, fixture, make_client

CATALOG = "/catalog/2022-04-01/items"


def _answer(by_type: dict[str, dict]) -> object:
    def handler(request: httpx.Request) -> httpx.Response:
        kind = request.url.params["identifiersType"]
        return httpx.Response(200, json=by_type.get(kind, {"numberOfResults": 0, "items": []}))

    return handler


async def test_one_base_product_is_a_match_with_its_product_type() -> None:
    fake = FakeAmazon()
    fake.route("GET", CATALOG, _answer({"UPC": fixture("catalog_one.json")}))
    async with make_client(fake) as client:
        match = await client.match_product({"UPC": "012345678905", "EAN": "x"},
                                           marketplace_id=US)  # fmt: skip
    assert match.verdict is MatchVerdict.MATCHED and match.asin == "B0CXJ4L2ZQ"
    assert match.candidates[0].product_type == "DRINKING_CUP"
    params = fake.sent("GET", CATALOG)[0].url.params
    assert (params["identifiers"], params["identifiersType"], params["marketplaceIds"]) == (
        "012345678905",
        "UPC",
        US,
    )


async def test_identifiers_tried_in_order_until_one_finds_something() -> None:
    fake = FakeAmazon()
    fake.route("GET", CATALOG, _answer({"EAN": fixture("catalog_one.json")}))
    async with make_client(fake) as client:
        match = await client.match_product(
            {"GTIN": "g", "EAN": "0012345678905", "UPC": "012345678905", "ASIN": "B0NOPE"},
            marketplace_id=US)  # fmt: skip
    kinds = [r.url.params["identifiersType"] for r in fake.sent("GET", CATALOG)]
    assert kinds == ["ASIN", "UPC", "EAN"] and match.identifier_type == "EAN"


async def test_no_hits_and_404_are_unable_to_assign() -> None:
    fake = FakeAmazon()
    fake.route("GET", CATALOG, {"errors": [{"code": "NOT_FOUND", "message": "not found in "
               "marketplace(s) ATVPDKIKX0DER."}]}, status=404)  # fmt: skip
    async with make_client(fake) as client:
        match = await client.match_product({"UPC": "012345678905"}, marketplace_id=US)
        nothing = await client.match_product({}, marketplace_id=US)
    assert match.verdict is MatchVerdict.UNABLE_TO_ASSIGN
    assert match.reason == "Unable to Assign to Amazon Listing"
    assert nothing.verdict is MatchVerdict.UNABLE_TO_ASSIGN


async def test_many_hits_and_variation_parent() -> None:
    many = copy.deepcopy(fixture("catalog_one.json"))
    many["items"].append({"asin": "B0OTHER", "summaries": None})
    parent = copy.deepcopy(fixture("catalog_one.json"))
    parent["items"][0]["summaries"][0]["itemClassification"] = "VARIATION_PARENT"
    fake = FakeAmazon()
    fake.route("GET", CATALOG, _answer({"UPC": many, "EAN": parent}))
    async with make_client(fake) as client:
        several = await client.match_product({"UPC": "1"}, marketplace_id=US)
        variants = await client.match_product({"EAN": "2"}, marketplace_id=US)
    assert several.verdict is MatchVerdict.MULTIPLE_MATCHES and several.asin is None
    assert [c.asin for c in several.candidates] == ["B0CXJ4L2ZQ", "B0OTHER"]
    assert variants.verdict is MatchVerdict.HAS_VARIANTS and variants.reason == "Has Variants"


async def test_search_limits_are_checked_before_sending() -> None:
    fake = FakeAmazon()
    async with make_client(fake) as client:
        with pytest.raises(ValidationError):
            await client.search_catalog([str(i) for i in range(21)], "UPC", marketplace_id=US)
        with pytest.raises(ValidationError):
            await client.search_catalog(["1"], "MPN", marketplace_id=US)
        with pytest.raises(ValidationError):
            await client.search_catalog(["1"], "UPC", marketplace_id="A1F83G8C2ARO7P")
    assert fake.requests == []
