"""Bulk feeds (reference §6–§9): both submission forms, life cycle, per-item results, listing."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest

from channelmanager_gui.sandbox.walmart import WalmartSandbox
from tests.sandbox.conftest import WalmartClient


def inventory_doc(*rows: tuple[str, object]) -> dict[str, object]:
    return {
        "InventoryHeader": {"version": "1.4"},
        "Inventory": [{"sku": s, "quantity": {"unit": "EACH", "amount": a}} for s, a in rows],
    }


def price_doc(*rows: tuple[str, object]) -> dict[str, object]:
    return {
        "PriceHeader": {"version": "1.7"},
        "Price": [
            {
                "sku": s,
                "pricing": [
                    {"currentPriceType": "BASE", "currentPrice": {"currency": "USD", "amount": a}}
                ],
            }
            for s, a in rows
        ],
    }


def status(wm: WalmartClient, feed_id: str, **params: str) -> dict[str, object]:
    r = wm.get(f"/v3/feeds/{feed_id.replace('@', '%40')}", params=params)
    assert r.status_code == 200, r.text
    return r.json()


def test_inventory_feed_as_multipart_file(wm, walmart_schemas):
    a, b = wm.skus()[:2]
    doc = inventory_doc((a, 17), ("NOT-A-SKU", 3), (b, -1))
    files = {"file": ("inventory.json", json.dumps(doc), "application/json")}
    r = wm.post("/v3/feeds", params={"feedType": "inventory"}, files=files)
    assert r.status_code == 200
    walmart_schemas.validate("inventory", "FeedId", r.json())
    feed_id = r.json()["feedId"]
    assert "@" in feed_id
    data = status(wm, feed_id, includeDetails="true")
    walmart_schemas.validate("feeds", "PartnerFeedResponse", data)
    assert data["feedStatus"] == "PROCESSED"
    assert (data["itemsReceived"], data["itemsSucceeded"], data["itemsFailed"]) == (3, 1, 2)
    details = data["itemDetails"]["itemIngestionStatus"]
    assert [d["ingestionStatus"] for d in details] == ["SUCCESS", "DATA_ERROR", "DATA_ERROR"]
    assert [d["index"] for d in details] == [0, 1, 2]
    assert wm.admin("GET", f"/inventory/{a}").json()["quantity"] == 17


def test_price_feed_as_plain_json_body(wm):
    sku = wm.skus()[2]
    r = wm.post("/v3/feeds", params={"feedType": "price"}, json=price_doc((sku, 9.99), (sku, 0)))
    assert r.status_code == 200
    data = status(wm, r.json()["feedId"], includeDetails="true", offset="1", limit="1")
    details = data["itemDetails"]["itemIngestionStatus"]
    assert len(details) == 1 and details[0]["index"] == 1
    assert details[0]["ingestionStatus"] == "DATA_ERROR"
    assert wm.admin("GET", f"/prices/{sku}").json()["price"] == 9.99


def test_feed_listing_and_errors(wm, walmart_schemas):
    wm.post("/v3/feeds", params={"feedType": "inventory"}, json=inventory_doc())
    listing = wm.get("/v3/feeds", params={"limit": "2"})
    assert listing.status_code == 200
    walmart_schemas.validate("feeds", "FeedRecordResponse", listing.json())
    feeds = listing.json()["results"]["feed"]
    assert len(feeds) == 2 and listing.json()["totalResults"] >= 2
    too_many = wm.get("/v3/feeds", params={"limit": "51"})  # the spec: "cannot be more than 50"
    assert too_many.status_code == 400 and too_many.json()["errors"][0]["field"] == "limit"
    one = wm.get("/v3/feeds", params={"feedId": feeds[0]["feedId"]}).json()
    assert one["totalResults"] == 1
    missing = wm.get("/v3/feeds/NOPE%40AQMBAQA")
    assert missing.status_code == 404 and missing.json()["errors"][0]["code"].startswith("CONTENT")
    assert wm.post("/v3/feeds", json=inventory_doc()).status_code == 400
    assert wm.post("/v3/feeds", params={"feedType": "FITMENT_ACES"}, json={}).status_code == 400
    broken = wm.post("/v3/feeds", params={"feedType": "price"}, content=b"{oops")
    assert broken.status_code == 200
    data = status(wm, broken.json()["feedId"])
    assert data["feedStatus"] == "ERROR" and data["ingestionErrors"]["ingestionError"]


@pytest.fixture(scope="module")
def slow_feeds() -> Iterator[WalmartClient]:
    with WalmartSandbox(seed=7, orders=0, rate_limit_scale=0, feed_seconds=3600) as sandbox:
        client = WalmartClient(sandbox)
        yield client
        client.http.close()


def test_feed_is_not_applied_before_it_is_processed(slow_feeds):
    sku = slow_feeds.skus()[0]
    before = slow_feeds.admin("GET", f"/inventory/{sku}").json()["quantity"]
    r = slow_feeds.post(
        "/v3/feeds", params={"feedType": "inventory"}, json=inventory_doc((sku, before + 5))
    )
    data = status(slow_feeds, r.json()["feedId"], includeDetails="true")
    assert data["feedStatus"] in ("RECEIVED", "INPROGRESS")
    assert data["itemsProcessing"] == 1 and data["itemsSucceeded"] == 0
    assert data["itemDetails"]["itemIngestionStatus"][0]["ingestionStatus"] == "INPROGRESS"
    assert slow_feeds.admin("GET", f"/inventory/{sku}").json()["quantity"] == before
