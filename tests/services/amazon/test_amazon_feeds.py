"""Feed flow, cancel and refund XML, processing reports (§3.3, §3.4, §4.6)."""

from __future__ import annotations

import gzip
import json
import xml.etree.ElementTree as ET
from decimal import Decimal

import httpx
import pytest

from channelmanager_gui.errors import MalformedResponseError, UnavailableError, ValidationError
from channelmanager_gui.services.amazon import Cancellation, ItemRefund, Refund
from channelmanager_gui.services.amazon.feeds import XML_CONTENT
from channelmanager_gui.services.amazon.order_feeds import (
    ACK_FEED,
    adjustment_feed,
    cancellation_feed,
)
from channelmanager_gui.services.amazon.reports_xml import parse_processing_report
from channelmanager_gui.services.http import ManualClock

from .fakes import S3, SELLER, FakeAmazon, errors, fixture, make_client

FEEDS = "/feeds/2021-06-30"
UPLOAD = "/NA/input-doc?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Signature=abcdef0123456789sig"


def _feed_routes(fake: FakeAmazon, statuses: list[str]) -> None:
    fake.route("POST", f"{FEEDS}/documents", {"feedDocumentId": "amzn1.tortuga.4.na.in",
                                              "url": S3 + UPLOAD}, status=201)  # fmt: skip
    fake.route("PUT", "/NA/input-doc", lambda _r: httpx.Response(200))
    fake.route("POST", f"{FEEDS}/feeds", {"feedId": "50014019931"}, status=202)
    answers = iter(statuses)

    def status(_r: httpx.Request) -> httpx.Response:
        state = next(answers)
        body = {
            "feedId": "50014019931",
            "feedType": ACK_FEED,
            "processingStatus": state,
            "marketplaceIds": ["ATVPDKIKX0DER"],
            "createdTime": "2026-08-05T16:30:00Z",
        }
        if state == "DONE":
            body["resultFeedDocumentId"] = "amzn1.tortuga.4.na.out"
        return httpx.Response(200, json=body)

    fake.route("GET", f"{FEEDS}/feeds/50014019931", status)
    fake.route("GET", f"{FEEDS}/documents/amzn1.tortuga.4.na.out",
               {"feedDocumentId": "amzn1.tortuga.4.na.out", "url": S3 + "/NA/result",
                "compressionAlgorithm": "GZIP"})  # fmt: skip
    report = gzip.compress(fixture("processing_report.xml"))
    fake.route("GET", "/NA/result", lambda _r: httpx.Response(200, content=report))


async def test_cancel_feed_flow_from_upload_to_processing_report() -> None:
    fake, clock = FakeAmazon(), ManualClock()
    _feed_routes(fake, ["IN_QUEUE", "IN_PROGRESS", "DONE"])
    cancel = Cancellation("113-4471892-0031557", ("40873516255061",), "NoInventory")
    body = cancellation_feed(SELLER, [cancel])
    async with make_client(fake, clock) as client:
        feed_id = await client.submit_feed(ACK_FEED, body, XML_CONTENT)
        status = await client.wait_for_feed(feed_id, interval=60)
        report = parse_processing_report(await client.feed_result(status) or b"")
    assert feed_id == "50014019931" and status.status == "DONE"
    assert json.loads(fake.sent("POST", f"{FEEDS}/documents")[0].content) == {
        "contentType": "text/xml; charset=UTF-8"
    }
    upload = fake.sent("PUT", "/NA/input-doc")[0]
    assert upload.headers["content-type"] == XML_CONTENT  # must match the document's (§4.6)
    assert "x-amz-access-token" not in upload.headers and upload.content == body
    created = json.loads(fake.sent("POST", f"{FEEDS}/feeds")[0].content)
    assert created == {"feedType": ACK_FEED, "marketplaceIds": ["ATVPDKIKX0DER"],
                       "inputFeedDocumentId": "amzn1.tortuga.4.na.in"}  # fmt: skip
    assert clock.slept.count(60) == 2
    assert (report.processed, report.successful, report.errors) == (2, 1, 1)
    assert report.errors_for(2)[0].order_id == "113-0000001-0000002"


async def test_stuck_feed_returns_last_status_after_timeout() -> None:
    fake = FakeAmazon()
    _feed_routes(fake, ["IN_QUEUE"] * 10)
    async with make_client(fake) as client:
        status = await client.wait_for_feed("50014019931", interval=60, timeout=150)
        assert status.status == "IN_QUEUE" and await client.feed_result(status) is None


async def test_create_feed_is_not_sent_twice_after_an_ambiguous_failure() -> None:
    fake = FakeAmazon()
    _feed_routes(fake, [])
    fake.route("POST", f"{FEEDS}/feeds", errors("InternalFailure", "internal error"), status=500)
    async with make_client(fake) as client:
        with pytest.raises(UnavailableError) as caught:
            await client.submit_feed(ACK_FEED, b"<x/>", XML_CONTENT)
    assert caught.value.maybe_sent and len(fake.sent("POST", f"{FEEDS}/feeds")) == 1


async def test_presigned_url_must_be_https_and_its_signature_is_redacted() -> None:
    from channelmanager_gui.services.http import redact

    fake = FakeAmazon()
    _feed_routes(fake, [])
    fake.route("POST", f"{FEEDS}/documents", {"feedDocumentId": "d", "url": "http://evil.example/x"},
               status=201)  # fmt: skip
    async with make_client(fake) as client:
        with pytest.raises(MalformedResponseError, match="https"):
            await client.submit_feed(ACK_FEED, b"<x/>", XML_CONTENT)
    _feed_routes(fake, [])
    async with make_client(fake) as client:
        await client.submit_feed(ACK_FEED, b"<x/>", XML_CONTENT)
    assert "abcdef0123456789sig" not in redact(S3 + UPLOAD)


def test_cancellation_xml_follows_the_reference_skeleton() -> None:
    items = ("40873516255061", "40873516255062")
    cancel = Cancellation("113-4471892-0031557", items, "BuyerCanceled")
    root = ET.fromstring(cancellation_feed(SELLER, [cancel]))
    assert root.findtext("Header/MerchantIdentifier") == SELLER
    assert root.findtext("MessageType") == "OrderAcknowledgement"
    ack = root.find("Message/OrderAcknowledgement")
    assert ack is not None and ack.findtext("StatusCode") == "Failure"
    assert [i.findtext("AmazonOrderItemCode") for i in ack.findall("Item")] == [
        "40873516255061",
        "40873516255062",
    ]
    assert {i.findtext("CancelReason") for i in ack.findall("Item")} == {"BuyerCanceled"}


@pytest.mark.parametrize("reason", ["PricingError", "nope", ""])
def test_cancel_reason_outside_the_schema_enum_is_refused(reason: str) -> None:
    with pytest.raises(ValidationError, match="reason"):
        cancellation_feed(SELLER, [Cancellation("113-4471892-0031557", ("1",), reason)])


def test_adjustment_xml_carries_exact_amounts_and_currency() -> None:
    refund = Refund("113-4471892-0031557", (ItemRefund("40873516255061", "CustomerReturn", (
        ("Principal", Decimal("17.99")), ("Tax", Decimal("1.5")))),), "USD")  # fmt: skip
    root = ET.fromstring(adjustment_feed(SELLER, [refund]))
    item = root.find("Message/OrderAdjustment/AdjustedItem")
    assert item is not None and item.findtext("AdjustmentReason") == "CustomerReturn"
    amounts = [
        (c.findtext("Type"), c.find("Amount").text, c.find("Amount").get("currency"))
        for c in item.findall("ItemPriceAdjustments/Component")
    ]  # type: ignore[union-attr]
    assert amounts == [("Principal", "17.99", "USD"), ("Tax", "1.50", "USD")]
    with pytest.raises(ValidationError, match="amount"):
        adjustment_feed(SELLER, [Refund("1", (ItemRefund("2", "Other", (
            ("Principal", Decimal("-1")),)),), "USD")])  # fmt: skip


def test_unreadable_processing_report_is_malformed_not_silent() -> None:
    with pytest.raises(MalformedResponseError):
        parse_processing_report(b"<html>oops")
    with pytest.raises(MalformedResponseError):
        parse_processing_report(b"<AmazonEnvelope/>")
