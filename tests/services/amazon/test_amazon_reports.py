"""Reports: create, poll, download (gzip), All Listings and Returns TSV parsing (§4.7, §3.5)."""

from __future__ import annotations

import gzip
import json
from decimal import Decimal

import httpx
import pytest

from channelmanager_gui.errors import ApiError, MalformedResponseError
from channelmanager_gui.services.amazon.report_rows import (
    parse_listings_report,
    parse_returns_report,
)
from channelmanager_gui.services.amazon.reports import MERCHANT_LISTINGS
from channelmanager_gui.services.http import ManualClock

from .fakes import S3, FakeAmazon, fixture, make_client

REPORTS = "/reports/2021-06-30"


def _routes(fake: FakeAmazon, final: str = "DONE") -> None:
    fake.route("POST", f"{REPORTS}/reports", {"reportId": "ID323"}, status=202)
    states = iter(["IN_QUEUE", final])

    def status(_r: httpx.Request) -> httpx.Response:
        state = next(states)
        body = {"reportId": "ID323", "reportType": MERCHANT_LISTINGS, "processingStatus": state}
        if state == "DONE":
            body["reportDocumentId"] = "amzn1.spdoc.1.4.na.abc"
        return httpx.Response(200, json=body)

    fake.route("GET", f"{REPORTS}/reports/ID323", status)
    fake.route("GET", f"{REPORTS}/documents/amzn1.spdoc.1.4.na.abc",
               {"reportDocumentId": "amzn1.spdoc.1.4.na.abc", "url": S3 + "/NA/report",
                "compressionAlgorithm": "GZIP"})  # fmt: skip
    data = gzip.compress(fixture("merchant_listings.tsv"))
    fake.route("GET", "/NA/report", lambda _r: httpx.Response(200, content=data))


async def test_merchant_listings_report_downloaded_and_parsed() -> None:
    fake, clock = FakeAmazon(), ManualClock()
    _routes(fake)
    async with make_client(fake, clock) as client:
        data = await client.fetch_report(MERCHANT_LISTINGS, interval=30)
    rows, skipped = parse_listings_report(data)
    created = json.loads(fake.sent("POST", f"{REPORTS}/reports")[0].content)
    assert created == {"reportType": MERCHANT_LISTINGS, "marketplaceIds": ["ATVPDKIKX0DER"]}
    assert clock.slept == [30]
    assert [(r.sku, r.asin, r.price, r.quantity, r.status) for r in rows] == [
        ("MUG-BLK-16OZ", "B0CXJ4L2ZQ", Decimal("17.99"), 12, "Active"),
        ("MUG-RED-16OZ", "B0CXJ4L2ZR", None, None, "Inactive")]  # fmt: skip
    assert rows[0].product_id_type == "ASIN" and rows[1].product_id_type == "UPC"
    assert rows[1].name == "Café Mug Red"  # Windows-1252 text read right
    assert rows[1].fulfillment_channel == "AMAZON_NA"
    assert skipped == ["line 4: no seller-sku"]


async def test_failed_report_is_an_error_in_words() -> None:
    fake = FakeAmazon()
    _routes(fake, final="FATAL")
    async with make_client(fake) as client:
        with pytest.raises(ApiError, match="did not finish"):
            await client.fetch_report(MERCHANT_LISTINGS)


def test_returns_report_rows() -> None:
    rows, skipped = parse_returns_report(fixture("returns.tsv"))
    assert len(rows) == 1 and skipped == ["line 3: no Order ID"]
    row = rows[0]
    assert (row.order_id, row.sku, row.quantity, row.reason) == (
        "113-4471892-0031557",
        "MUG-BLK-16OZ",
        1,
        "DEFECTIVE",
    )
    assert row.refunded == Decimal("17.99") and row.currency == "USD"


def test_empty_report_is_malformed() -> None:
    with pytest.raises(MalformedResponseError):
        parse_listings_report(b"")
