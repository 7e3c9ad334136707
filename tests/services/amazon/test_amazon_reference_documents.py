"""Feeds, Reports and error bodies fed Amazon's own sandbox answers, then odd variants.

Payloads: ``tests/reference/amazon/feeds_*.json``, ``reports_*.json`` and
``orders_error_400.json`` (see its README). Report documents whose header lacks the column
that identifies a row are malformed, not reports without rows.
"""

from __future__ import annotations

from datetime import UTC, datetime

import httpx
import pytest

from channelmanager_gui.errors import ApiError, MalformedResponseError
from channelmanager_gui.services.amazon.errors import parse_error_body
from channelmanager_gui.services.amazon.report_rows import (
    parse_listings_report,
    parse_returns_report,
)

from .fakes import FakeAmazon, make_client
from .reference import answer, answer_file, raw

FEEDS = "/feeds/2021-06-30"
REPORTS = "/reports/2021-06-30"


async def test_amazons_feed_answers_are_read() -> None:
    fake = FakeAmazon()
    fake.route("GET", f"{FEEDS}/feeds/FeedId1", answer_file("feeds_get.json"))
    fake.route("GET", f"{FEEDS}/feeds", answer_file("feeds_list.json"))
    async with make_client(fake) as client:
        status = await client.get_feed("FeedId1")
        listed = await client.list_feeds("POST_PRODUCT_DATA", ("CANCELLED",),
                                         datetime(2024, 3, 1, tzinfo=UTC))  # fmt: skip
        result = await client.feed_result(status)
    assert (status.feed_id, status.feed_type, status.status) == ("FeedId1", "POST_PRODUCT_DATA",
                                                                 "CANCELLED")  # fmt: skip
    assert status.finished and status.result_document_id is None and result is None
    assert status.created == datetime(2024, 3, 11, 13, 16, 24, 630000, tzinfo=UTC)
    assert [f.feed_id for f in listed] == ["FeedId1"]


@pytest.mark.parametrize("body", [{}, {"feeds": None}, {"feeds": [{"feedId": "F1"}, "F2"]},
                                  {"nextToken": "x"}])  # fmt: skip
async def test_a_feed_list_without_its_feeds_is_malformed(body: dict) -> None:
    """Read as "none", it would say no refund feed is running: a refund could go twice."""
    fake = FakeAmazon()
    fake.route("GET", f"{FEEDS}/feeds", answer(body))
    async with make_client(fake) as client:
        with pytest.raises(MalformedResponseError) as caught:
            await client.list_feeds("POST_PAYMENT_ADJUSTMENT_DATA", ("IN_QUEUE",),
                                    datetime(2024, 3, 1, tzinfo=UTC))  # fmt: skip
    assert caught.value.field.startswith("feeds")


async def test_amazons_create_feed_answers_are_read() -> None:
    fake = FakeAmazon()
    fake.route("POST", f"{FEEDS}/documents", answer_file("feeds_document_create.json", 201))
    fake.route("PUT", "/Feed_101__POST_PRODUCT_DATA_.xml", lambda _r: httpx.Response(200))
    fake.route("POST", f"{FEEDS}/feeds", answer_file("feeds_create.json", 202))
    async with make_client(fake) as client:
        feed_id = await client.submit_feed("POST_PRODUCT_DATA", b"<x/>", "text/xml; charset=UTF-8")
    assert feed_id == "3485934"
    assert fake.sent("PUT", "/Feed_101")[0].url.host == "d34o8swod1owfl.cloudfront.net"


async def test_amazons_report_answers_are_read() -> None:
    fake = FakeAmazon()
    fake.route("POST", f"{REPORTS}/reports", answer_file("reports_create.json", 202))
    fake.route("GET", f"{REPORTS}/reports/ID323", answer_file("reports_get.json"))
    async with make_client(fake) as client:
        report_id = await client.create_report("GET_MERCHANT_LISTINGS_ALL_DATA")
        status = await client.get_report(report_id)
        with pytest.raises(ApiError, match="did not finish"):
            await client.report_document(status)
    assert report_id == "ID323"
    assert (status.report_id, status.status, status.document_id) == ("ReportId1", "IN_PROGRESS",
                                                                     None)  # fmt: skip


def test_amazons_error_body_is_read() -> None:
    info = parse_error_body(httpx.Response(400, content=raw("orders_error_400.json")))
    assert (info.code, info.message) == ("InvalidInput", "Invalid Input (Invalid Input)")


@pytest.mark.parametrize(
    ("parse", "data", "column"),
    [
        (parse_listings_report, b"sku\tprice\tquantity\nMUG-1\t9.99\t3\n", "seller-sku"),
        (parse_listings_report, b"\xff\xfe\x00\x00", "seller-sku"),
        (parse_returns_report, b"Order\tMerchant SKU\n113-1\tMUG-1\n", "order id"),
    ],
)
def test_a_report_without_its_key_column_is_malformed(parse, data, column) -> None:  # type: ignore[no-untyped-def]
    """Read as "no rows", the import would think the seller has no listings or returns."""
    with pytest.raises(MalformedResponseError, match=column) as caught:
        parse(data)
    assert caught.value.field == column


def test_a_header_only_report_has_no_rows() -> None:
    header = b"item-name\tseller-sku\tprice\tquantity\tasin1\tstatus\n"
    assert parse_listings_report(header) == ([], [])
