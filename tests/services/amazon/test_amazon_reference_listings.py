"""Listings Items, Catalog Items and the listings feed report fed Amazon's own examples.

Payloads: ``tests/reference/amazon/listings_*.json``, ``catalog_search.json`` and
``listings_feed_processing_report.json`` (see its README). Odd variants are read or refused
with a malformed reason naming the field, never a ``TypeError``.
"""

from __future__ import annotations

import copy
import json
from decimal import Decimal
from typing import Any, cast

import pytest

from channelmanager_gui.errors import MalformedResponseError
from channelmanager_gui.services.amazon import AmazonClient, OfferUpdate
from channelmanager_gui.services.amazon.feeds import FeedStatus
from channelmanager_gui.services.amazon.listings_feed import FEED_TYPE, parse_listings_report
from channelmanager_gui.services.marketplace.amazon_submissions import Submissions

from .fakes import SELLER, US, FakeAmazon, make_client
from .reference import answer, answer_file, payload, raw

ITEM = f"/listings/2021-08-01/items/{SELLER}/GM-ZDPI-9B4E"
CATALOG = "/catalog/2022-04-01/items"
CA = "A2EUQ1WTGCTBG2"


async def _listing(body: Any) -> Any:
    fake = FakeAmazon()
    fake.route("GET", ITEM, answer_file(body) if isinstance(body, str) else answer(body))
    async with make_client(fake) as client:
        return await client.get_listing("GM-ZDPI-9B4E", marketplace_id=US)


async def test_amazons_listing_example_is_read() -> None:
    item = await _listing("listings_get.json")
    assert item.sku == "GM-ZDPI-9B4E"
    assert item.price(US) == Decimal("100.00") and item.price(CA) == Decimal("130.00")
    assert item.quantity() == 100
    summary = item.summary(US)
    assert summary is not None and summary.status == ["BUYABLE"] and summary.asin == "B071VG5N9D"
    assert item.summary(CA) is not None and item.summary(CA).status == []  # type: ignore[union-attr]
    assert [i.code for i in item.issues][:2] == ["90220", "18027"]
    assert item.issues[0].attribute_names == ["size"]
    assert item.issues[1].actions == ["SEARCH_SUPPRESSED"]


@pytest.mark.parametrize("actions", [5, "LISTING_SUPPRESSED", True])
async def test_enforcement_actions_that_are_not_a_list_are_malformed(actions: object) -> None:
    body = copy.deepcopy(payload("listings_get.json"))
    body["issues"][1]["enforcements"]["actions"] = actions
    with pytest.raises(MalformedResponseError, match="actions") as caught:
        await _listing(body)
    assert caught.value.field.startswith("issues.1.enforcements")


async def test_nulls_and_extra_fields_in_a_listing_are_read() -> None:
    body = copy.deepcopy(payload("listings_get.json"))
    body["issues"][1]["enforcements"]["actions"] = [{"action": None}, {"other": 1}]
    body["offers"][0]["price"] = None
    body["summaries"][0]["status"] = None
    body["newTopLevel"] = {"x": 1}
    item = await _listing(body)
    assert item.issues[1].actions == ["", ""]
    assert item.price(US) is None  # no offer price and no purchasable_offer attribute
    assert item.summary(US).status == []  # type: ignore[union-attr]


@pytest.mark.parametrize("status", ["missing", None])
async def test_a_patch_answer_without_its_status_is_malformed(status: object) -> None:
    body = copy.deepcopy(payload("listings_patch_invalid.json"))
    if status == "missing":
        del body["status"]
    else:
        body["status"] = status
    fake = FakeAmazon()
    fake.route("PATCH", f"/listings/2021-08-01/items/{SELLER}/VALIDATION_INVALID", answer(body))
    async with make_client(fake) as client:
        with pytest.raises(MalformedResponseError) as caught:
            await client.patch_offer(OfferUpdate("VALIDATION_INVALID", quantity=1),
                                     marketplace_id=US)  # fmt: skip
    assert caught.value.field == "status"


@pytest.mark.parametrize(
    ("name", "status", "accepted", "errors"),
    [("listings_patch_accepted.json", "ACCEPTED", True, []),
     ("listings_patch_valid.json", "VALID", True, []),
     ("listings_patch_invalid.json", "INVALID", False, ["90000900"])],
)  # fmt: skip
async def test_amazons_patch_answers_are_read(
    name: str, status: str, accepted: bool, errors: list[str]
) -> None:
    sku = payload(name)["sku"]
    fake = FakeAmazon()
    fake.route("PATCH", f"/listings/2021-08-01/items/{SELLER}/{sku}", answer_file(name))
    async with make_client(fake) as client:
        got = await client.patch_offer(OfferUpdate(sku, quantity=3), marketplace_id=US)
    assert (got.sku, got.status, got.accepted) == (sku, status, accepted)
    assert [i.code for i in got.errors] == errors


async def _catalog(body: Any) -> Any:
    fake = FakeAmazon()
    fake.route("GET", CATALOG, answer_file(body) if isinstance(body, str) else answer(body))
    async with make_client(fake) as client:
        return await client.search_catalog(["887276302195"], "UPC", marketplace_id=US)


async def test_amazons_catalog_example_is_read() -> None:
    (item,) = await _catalog("catalog_search.json")
    assert (item.asin, item.classification, item.brand, item.product_type) == (
        "B07N4M94X4", "BASE_PRODUCT", "SAMSUNG", "TELEVISION")  # fmt: skip


@pytest.mark.parametrize("items", [7, True, "B07N4M94X4"])
async def test_catalog_items_that_are_not_a_list_are_malformed(items: object) -> None:
    with pytest.raises(MalformedResponseError, match="items") as caught:
        await _catalog({"numberOfResults": 1, "items": items})
    assert caught.value.field == "items"


@pytest.mark.parametrize("body", [{}, {"numberOfResults": 2}, {"items": None}])
async def test_catalog_without_its_items_is_malformed_not_no_match(body: dict) -> None:
    with pytest.raises(MalformedResponseError) as caught:
        await _catalog(body)
    assert caught.value.field == "items"


async def test_catalog_without_items_or_summaries_is_read() -> None:
    assert await _catalog({"numberOfResults": 0}) == []
    (item,) = await _catalog({"items": [{"asin": "B0X", "summaries": [], "productTypes": None}]})
    assert (item.asin, item.classification, item.product_type) == ("B0X", "", "")


def test_amazons_listings_feed_report_example_is_read() -> None:
    report = parse_listings_report(raw("listings_feed_processing_report.json"))
    assert (report.processed, report.accepted, report.invalid, report.errors) == (4, 2, 2, 3)
    assert report.failed_skus() == {"My-SKU-B", "My-SKU-C"}
    assert report.issues[2].attribute == "purchasable_offer.our_price"


@pytest.mark.parametrize("issues", [3, True, "none", [1, 2], [{"severity": "ERROR"}, "x"]])
def test_listings_feed_report_with_odd_issues_is_malformed(issues: object) -> None:
    body = payload("listings_feed_processing_report.json")
    body["issues"] = issues
    with pytest.raises(MalformedResponseError, match="issues"):
        parse_listings_report(json.dumps(body, default=str).encode())


def _check(issues: list[dict[str, Any]], skus: tuple[str, ...]) -> Any:
    """The listings-feed outcome the submissions port derives from a processing report."""
    body = {"header": {"sellerId": SELLER, "version": "2.0", "feedId": "F1"}, "issues": issues,
            "summary": {"errors": len(issues), "messagesProcessed": len(skus)}}  # fmt: skip
    submissions = Submissions(cast(AmazonClient, None), US)
    submissions._feed_skus["F1"] = skus
    status = FeedStatus(feedId="F1", feedType=FEED_TYPE, processingStatus="DONE")
    return submissions._listings_check(status, json.dumps(body).encode())


def test_an_error_without_a_sku_is_matched_by_its_message_id() -> None:
    """``sku`` is optional in the report schema; ``messageId`` is our position in the feed."""
    check = _check([{"messageId": 2, "code": "90220", "severity": "ERROR",
                     "message": "'[batteries_required]' is required"}],
                   ("SKU-A", "SKU-B", "SKU-C"))  # fmt: skip
    assert check.succeeded == ("SKU-A", "SKU-C")
    assert check.refused == {"SKU-B": "'[batteries_required]' is required"}


def test_an_error_about_the_whole_feed_refuses_every_sku() -> None:
    check = _check([{"code": "4000003", "severity": "ERROR",
                     "message": "The feed could not be read"}], ("SKU-A", "SKU-B"))  # fmt: skip
    assert check.succeeded == ()
    assert set(check.refused) == {"SKU-A", "SKU-B"}


def test_warnings_refuse_nothing() -> None:
    check = _check([{"messageId": 1, "severity": "WARNING", "message": "w"}], ("SKU-A",))
    assert check.succeeded == ("SKU-A",) and check.refused == {}
