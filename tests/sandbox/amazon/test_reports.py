"""Reports: the All Listings TSV from the listing store and the returns TSV (§4.7, §3.5)."""

from __future__ import annotations

import httpx

from channelmanager_gui.sandbox.amazon.reports import LISTING_COLUMNS

from .conftest import US, AmazonClient

BASE = "/reports/2021-06-30"


def _report(client: AmazonClient, report_type: str) -> list[list[str]]:
    made = client.call(
        "POST", f"{BASE}/reports", json={"reportType": report_type, "marketplaceIds": [US]}
    )
    assert made.status_code == 202, made.text
    report_id = made.json()["reportId"]
    assert client.get(f"{BASE}/reports/{report_id}").json()["processingStatus"] == "IN_QUEUE"
    client.advance(2)
    report = client.get(f"{BASE}/reports/{report_id}").json()
    assert report["processingStatus"] == "DONE"
    doc = client.get(f"{BASE}/documents/{report['reportDocumentId']}").json()
    text = httpx.get(doc["url"]).text
    return [line.split("\t") for line in text.splitlines()]


def test_merchant_listings_report_mirrors_the_listing_store(amazon: AmazonClient) -> None:
    rows = _report(amazon, "GET_MERCHANT_LISTINGS_ALL_DATA")
    assert tuple(rows[0]) == LISTING_COLUMNS
    listings = amazon.sandbox.state.listings.all(US)
    assert len(rows) - 1 == len(listings)
    by_sku = {
        r[LISTING_COLUMNS.index("seller-sku")]: dict(zip(LISTING_COLUMNS, r, strict=True))
        for r in rows[1:]
    }
    first = listings[0]
    row = by_sku[first.sku]
    assert row["asin1"] == first.asin and row["price"] == f"{first.price:.2f}"
    assert row["status"] == ("Active" if "BUYABLE" in first.status else "Inactive")
    assert {r["fulfillment-channel"] for r in by_sku.values()} == {"DEFAULT", "AMAZON_NA"}
    assert "AMZ-3P-0001" in by_sku  # a third-party listing Commerce does not know


def test_returns_report_lists_seeded_returns(amazon: AmazonClient) -> None:
    rows = _report(amazon, "GET_FLAT_FILE_RETURNS_DATA_BY_RETURN_DATE")
    header = rows[0]
    assert header[:3] == ["Order ID", "Order date", "Return request date"]
    assert len(rows) > 1
    order_id = rows[1][0]
    assert amazon.order(order_id)["status"] == "Shipped"


def test_unknown_report_type_is_refused(amazon: AmazonClient) -> None:
    answer = amazon.call(
        "POST", f"{BASE}/reports", json={"reportType": "GET_NOPE", "marketplaceIds": [US]}
    )
    assert answer.status_code == 400
