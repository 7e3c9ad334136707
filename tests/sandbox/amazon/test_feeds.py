"""Feeds: presigned upload, IN_QUEUE → IN_PROGRESS → DONE, the JSON listings report and the
order feeds' XML reports: cancel (refused once shipped) and refunds (§3.3, §3.4, §4.6)."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from typing import Any

import httpx

from .conftest import US, AmazonClient

BASE = "/feeds/2021-06-30"
XML = "text/xml; charset=UTF-8"
JSON = "application/json; charset=UTF-8"


def _upload(client: AmazonClient, content: bytes, content_type: str) -> str:
    made = client.call("POST", f"{BASE}/documents", json={"contentType": content_type})
    assert made.status_code == 201, made.text
    doc = made.json()
    put = httpx.put(doc["url"], content=content, headers={"Content-Type": content_type})
    assert put.status_code == 200, put.text
    return str(doc["feedDocumentId"])


def _feed(client: AmazonClient, feed_type: str, content: bytes, content_type: str) -> str:
    doc = _upload(client, content, content_type)
    body = {"feedType": feed_type, "marketplaceIds": [US], "inputFeedDocumentId": doc}
    answer = client.call("POST", f"{BASE}/feeds", json=body)
    assert answer.status_code == 202, answer.text
    return str(answer.json()["feedId"])


def _status(client: AmazonClient, feed_id: str) -> dict[str, Any]:
    return dict(client.get(f"{BASE}/feeds/{feed_id}").json())


def _finish(client: AmazonClient, feed_id: str) -> bytes:
    client.advance(2)
    feed = _status(client, feed_id)
    assert feed["processingStatus"] == "DONE", feed
    doc = client.get(f"{BASE}/documents/{feed['resultFeedDocumentId']}").json()
    return httpx.get(doc["url"]).content


def _envelope(kind: str, messages: str, seller: str) -> bytes:
    return (
        '<?xml version="1.0" encoding="UTF-8"?><AmazonEnvelope><Header>'
        f"<DocumentVersion>1.01</DocumentVersion><MerchantIdentifier>{seller}"
        f"</MerchantIdentifier></Header><MessageType>{kind}</MessageType>{messages}</AmazonEnvelope>"
    ).encode()


def _cancel(n: int, order_id: str, item: str = "") -> str:
    line = f"<Item><AmazonOrderItemCode>{item}</AmazonOrderItemCode><CancelReason>NoInventory"
    line += "</CancelReason></Item>"
    return (
        f"<Message><MessageID>{n}</MessageID><OrderAcknowledgement><AmazonOrderID>{order_id}"
        f"</AmazonOrderID><StatusCode>Failure</StatusCode>{line if item else ''}"
        "</OrderAcknowledgement></Message>"
    )


def test_upload_url_checks_content_type_and_expiry(amazon: AmazonClient) -> None:
    doc = amazon.call("POST", f"{BASE}/documents", json={"contentType": XML}).json()
    wrong = httpx.put(doc["url"], content=b"<a/>", headers={"Content-Type": "text/plain"})
    assert wrong.status_code == 403 and b"SignatureDoesNotMatch" in wrong.content
    amazon.advance(301)  # the URL lives five minutes
    late = httpx.put(doc["url"], content=b"<a/>", headers={"Content-Type": XML})
    assert late.status_code == 403 and b"expired" in late.content
    never = {
        "feedType": "JSON_LISTINGS_FEED",
        "marketplaceIds": [US],
        "inputFeedDocumentId": doc["feedDocumentId"],
    }
    assert amazon.call("POST", f"{BASE}/feeds", json=never).status_code == 400


def test_listings_feed_states_and_json_report(amazon: AmazonClient) -> None:
    sku = amazon.sandbox.state.listings.all()[0].sku
    seller = amazon.creds.seller_id
    feed = {
        "header": {"sellerId": seller, "version": "2.0", "issueLocale": "en_US"},
        "messages": [
            {
                "messageId": 1,
                "sku": sku,
                "operationType": "PATCH",
                "productType": "PRODUCT",
                "patches": [
                    {
                        "op": "replace",
                        "path": "/attributes/fulfillment_availability",
                        "value": [{"fulfillment_channel_code": "DEFAULT", "quantity": 7}],
                    }
                ],
            },
            {
                "messageId": 2,
                "sku": sku,
                "operationType": "PATCH",
                "productType": "PRODUCT",
                "patches": [
                    {
                        "op": "replace",
                        "path": "/attributes/purchasable_offer",
                        "value": [
                            {
                                "marketplace_id": US,
                                "currency": "USD",
                                "our_price": [{"schedule": [{"value_with_tax": -1}]}],
                            }
                        ],
                    }
                ],
            },
        ],
    }
    feed_id = _feed(amazon, "JSON_LISTINGS_FEED", json.dumps(feed).encode(), JSON)
    assert _status(amazon, feed_id)["processingStatus"] == "IN_QUEUE"
    amazon.advance(1)
    assert _status(amazon, feed_id)["processingStatus"] == "IN_PROGRESS"
    report = json.loads(_finish(amazon, feed_id))
    assert report["header"] == {"sellerId": seller, "version": "2.0", "feedId": feed_id}
    assert report["summary"] == {
        "errors": 1,
        "warnings": 0,
        "messagesProcessed": 2,
        "messagesAccepted": 1,
        "messagesInvalid": 1,
    }
    assert report["issues"][0]["messageId"] == 2 and report["issues"][0]["code"] == "99022"
    assert amazon.sandbox.state.listings.get(US, sku).quantity == 7  # type: ignore[union-attr]


def test_cancel_feed_cancels_unshipped_and_refuses_shipped(amazon: AmazonClient) -> None:
    open_order = amazon.new_order(qty=2)
    partial = amazon.new_order(qty=2)
    shipped = amazon.new_order(qty=1)
    ship = {
        "marketplaceId": US,
        "packageDetail": {
            "packageReferenceId": "1",
            "carrierCode": "UPS",
            "trackingNumber": "1Z1",
            "shipDate": "2026-08-05T16:30:00Z",
            "orderItems": [{"orderItemId": shipped["orderItemIds"][0], "quantity": 1}],
        },
    }
    path = f"/orders/v0/orders/{shipped['orderId']}/shipmentConfirmation"
    assert amazon.call("POST", path, json=ship).status_code == 204
    messages = (
        _cancel(1, open_order["orderId"])
        + _cancel(2, shipped["orderId"])
        + _cancel(3, partial["orderId"], partial["orderItemIds"][0])
    )
    content = _envelope("OrderAcknowledgement", messages, amazon.creds.seller_id)
    feed_id = _feed(amazon, "POST_ORDER_ACKNOWLEDGEMENT_DATA", content, XML)
    report = ET.fromstring(_finish(amazon, feed_id))
    summary = report.find(".//ProcessingSummary")
    assert summary is not None
    assert summary.findtext("MessagesProcessed") == "3"
    assert summary.findtext("MessagesWithError") == "1"
    assert report.findtext(".//Result/MessageID") == "2"
    assert amazon.order(open_order["orderId"])["status"] == "Canceled"
    assert amazon.order(shipped["orderId"])["status"] == "Shipped"
    assert amazon.order(partial["orderId"])["status"] == "Canceled"  # its only item


def test_adjustment_feed_records_refunds(amazon: AmazonClient) -> None:
    made = amazon.new_order(qty=1)
    message = (
        f"<Message><MessageID>1</MessageID><OrderAdjustment><AmazonOrderID>{made['orderId']}"
        f"</AmazonOrderID><AdjustedItem><AmazonOrderItemCode>{made['orderItemIds'][0]}"
        "</AmazonOrderItemCode><AdjustmentReason>CustomerReturn</AdjustmentReason>"
        "<ItemPriceAdjustments><Component><Type>Principal</Type>"
        '<Amount currency="USD">5.00</Amount></Component></ItemPriceAdjustments>'
        "</AdjustedItem></OrderAdjustment></Message>"
    )
    content = _envelope("OrderAdjustment", message, amazon.creds.seller_id)
    feed_id = _feed(amazon, "POST_PAYMENT_ADJUSTMENT_DATA", content, XML)
    report = ET.fromstring(_finish(amazon, feed_id))
    assert report.findtext(".//MessagesSuccessful") == "1"
    refunds = amazon.order(made["orderId"])["refunds"]
    assert refunds == [
        {
            "orderItemId": made["orderItemIds"][0],
            "reason": "CustomerReturn",
            "components": {"Principal": "5.00 USD"},
        }
    ]


def test_legacy_feed_fatal_stuck_mode_and_cancel(amazon: AmazonClient) -> None:
    legacy = _feed(amazon, "POST_PRODUCT_DATA", b"<x/>", XML)
    amazon.advance(2)
    assert _status(amazon, legacy)["processingStatus"] == "FATAL"
    amazon.admin("PUT", "switches", {"feedMode": "stuck"})
    try:
        stuck = _feed(amazon, "JSON_LISTINGS_FEED", b"{}", JSON)
        queued = _feed(amazon, "JSON_LISTINGS_FEED", b"{}", JSON)
        assert amazon.call("DELETE", f"{BASE}/feeds/{queued}").status_code == 200
        amazon.advance(3000)  # within the token's hour
        assert _status(amazon, stuck)["processingStatus"] == "IN_PROGRESS"
        assert _status(amazon, queued)["processingStatus"] == "CANCELLED"
        assert amazon.call("DELETE", f"{BASE}/feeds/{stuck}").status_code == 400
    finally:
        amazon.admin("PUT", "switches", {"feedMode": "normal"})
