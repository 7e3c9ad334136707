"""patchListingsItem, getListingsItem read-back, JSON_LISTINGS_FEED (§4.1, §4.2, §4.6)."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest

from channelmanager_gui.errors import ValidationError
from channelmanager_gui.services.amazon import OfferUpdate
from channelmanager_gui.services.amazon.listings_feed import (
    MAX_MESSAGES,
    listings_feed,
    parse_listings_report,
)

from .fakes import SELLER, US, FakeAmazon, fixture, make_client

ITEM = f"/listings/2021-08-01/items/{SELLER}"


async def test_patch_sends_quantity_and_exact_price_as_the_reference_shows() -> None:
    fake = FakeAmazon()
    fake.route("PATCH", f"{ITEM}/MUG-BLK-16OZ", {"sku": "MUG-BLK-16OZ", "status": "ACCEPTED",
               "submissionId": "f1dc2914", "issues": []})  # fmt: skip
    update = OfferUpdate("MUG-BLK-16OZ", quantity=7, price=Decimal("16.49"), handling_days=2)
    async with make_client(fake) as client:
        result = await client.patch_offer(update, marketplace_id=US)
    assert result.accepted and result.submission_id == "f1dc2914"
    sent = fake.sent("PATCH", ITEM)[0]
    assert sent.url.params["marketplaceIds"] == US and sent.url.params["issueLocale"] == "en_US"
    assert b'"value_with_tax":16.49' in sent.content  # a JSON number, exact
    assert json.loads(sent.content) == {"productType": "PRODUCT", "patches": [
        {"op": "replace", "path": "/attributes/fulfillment_availability",
         "value": [{"fulfillment_channel_code": "DEFAULT", "quantity": 7,
                    "lead_time_to_ship_max_days": 2}]},
        {"op": "replace", "path": "/attributes/purchasable_offer",
         "value": [{"marketplace_id": US, "currency": "USD",
                    "our_price": [{"schedule": [{"value_with_tax": 16.49}]}]}]}]}  # fmt: skip


async def test_invalid_answer_with_200_is_reported_not_accepted() -> None:
    fake = FakeAmazon()
    fake.route("PATCH", f"{ITEM}/SKU%2F1", {"sku": "SKU/1", "status": "INVALID", "issues": [
        {"code": "90220", "message": "price is required", "severity": "ERROR",
         "categories": None, "newKey": 1}]})  # fmt: skip
    async with make_client(fake) as client:
        result = await client.patch_offer(OfferUpdate("SKU/1", quantity=0), marketplace_id=US)
    assert not result.accepted and result.errors[0].message == "price is required"


async def test_listing_read_back_and_applied_check() -> None:
    fake = FakeAmazon()
    fake.route("GET", f"{ITEM}/MUG-BLK-16OZ", fixture("listing_item.json"))
    async with make_client(fake) as client:
        item = await client.get_listing("MUG-BLK-16OZ", marketplace_id=US)
        assert await client.confirm_applied(OfferUpdate("MUG-BLK-16OZ", quantity=12,
                                            price=Decimal("17.99")), marketplace_id=US)  # fmt: skip
        assert not await client.confirm_applied(OfferUpdate("MUG-BLK-16OZ", quantity=7),
                                                marketplace_id=US)  # fmt: skip
    assert item is not None
    summary = item.summary(US)
    assert summary is not None and summary.status == ["BUYABLE", "DISCOVERABLE"]
    assert item.quantity() == 12 and item.price(US) == Decimal("17.99")
    assert item.issues[0].attribute_names == ["item_weight", "item_dimensions"]
    assert "includedData" in fake.sent("GET", ITEM)[0].url.params


async def test_price_from_attributes_when_offers_are_missing() -> None:
    fake = FakeAmazon()
    body = {k: v for k, v in fixture("listing_item.json").items() if k != "offers"}
    fake.route("GET", f"{ITEM}/MUG-BLK-16OZ", body)
    async with make_client(fake) as client:
        item = await client.get_listing("MUG-BLK-16OZ", marketplace_id=US)
    assert item is not None and item.price(US) == Decimal("17.99")


async def test_unknown_sku_is_none() -> None:
    fake = FakeAmazon()
    fake.route("GET", f"{ITEM}/NOPE", {"errors": [{"code": "NOT_FOUND", "message":
               "Requested item, NOPE, not found"}]}, status=404)  # fmt: skip
    async with make_client(fake) as client:
        assert await client.get_listing("NOPE", marketplace_id=US) is None


@pytest.mark.parametrize(
    "update",
    [OfferUpdate("A"), OfferUpdate("A", quantity=-1), OfferUpdate("A", price=Decimal("0")),
     OfferUpdate("", quantity=1), OfferUpdate("A", price=Decimal("NaN"))],
)  # fmt: skip
def test_bad_updates_are_refused_before_sending(update: OfferUpdate) -> None:
    with pytest.raises(ValidationError):
        update.patches(US)


def test_listings_feed_numbers_messages_and_caps_them() -> None:
    body = json.loads(listings_feed(SELLER, US, [
        OfferUpdate("MUG-BLK-16OZ", quantity=7),
        OfferUpdate("MUG-RED-16OZ", price=Decimal("18.25"))]))  # fmt: skip
    assert body["header"] == {"sellerId": SELLER, "version": "2.0", "issueLocale": "en_US"}
    assert [(m["messageId"], m["sku"], m["operationType"]) for m in body["messages"]] == [
        (1, "MUG-BLK-16OZ", "PATCH"),
        (2, "MUG-RED-16OZ", "PATCH"),
    ]
    schedule = body["messages"][1]["patches"][0]["value"][0]["our_price"][0]["schedule"]
    assert schedule == [{"value_with_tax": 18.25}]
    with pytest.raises(ValidationError, match="25000"):
        listings_feed(SELLER, US, [OfferUpdate("A", quantity=1)] * (MAX_MESSAGES + 1))


def test_listings_report_parse() -> None:
    report = parse_listings_report(json.dumps(fixture("listings_report.json")).encode())
    assert (report.processed, report.accepted, report.invalid) == (2, 1, 1)
    assert report.failed_skus() == {"MUG-RED-16OZ"}
    assert parse_listings_report(b'{"issues": null}').processed == 0


def test_listing_without_summaries_or_issues() -> None:
    from channelmanager_gui.services.amazon import ListingItem

    item = ListingItem.model_validate({"sku": 123, "summaries": None, "issues": None})
    assert item.sku == "123" and item.summary(US) is None and item.quantity() is None
