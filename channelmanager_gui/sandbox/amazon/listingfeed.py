"""``JSON_LISTINGS_FEED`` processing and its JSON processing report (reference §4.6).

Each message goes through the same validation as the Listings Items API; accepted messages
apply when the feed is processed (the feed's own processing time is the delay). ``operationType``
``UPDATE`` is a full put, ``PARTIAL_UPDATE`` replaces only the attributes it names, ``PATCH``
patches, ``DELETE`` deletes. A document that is not the feed JSON makes the feed ``FATAL``.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from .errors import SpApiError
from .listingrules import issue
from .listings import submit_delete, submit_patch, submit_put

if TYPE_CHECKING:
    from .state import AmazonState

MAX_MESSAGES = 25_000
OPERATIONS = ("UPDATE", "PARTIAL_UPDATE", "PATCH", "DELETE")


def _partial(message: dict[str, Any]) -> dict[str, Any]:
    attributes = message.get("attributes") or {}
    patches = [
        {"op": "replace", "path": f"/attributes/{k}", "value": v} for k, v in attributes.items()
    ]
    return {"productType": message.get("productType"), "patches": patches}


def _one(state: AmazonState, market: str, message: dict[str, Any]) -> list[dict[str, Any]]:
    sku, op = str(message.get("sku") or ""), message.get("operationType")
    if not sku or op not in OPERATIONS:
        return [
            issue(
                "4000001",
                "The message needs a sku and a valid operationType.",
                "INVALID_ATTRIBUTE",
                "operationType",
            )
        ]
    try:
        if op == "UPDATE":
            answer = submit_put(state, market, sku, message, False, delay=0)
        elif op == "DELETE":
            answer = submit_delete(state, market, sku, delay=0)
        else:
            body = message if op == "PATCH" else _partial(message)
            answer = submit_patch(state, market, sku, body, False, delay=0)
    except SpApiError as err:  # unknown SKU for PATCH/DELETE
        return [issue("4000002", err.message, "INVALID_ATTRIBUTE", "sku")]
    state.listings.settle()
    issues: list[dict[str, Any]] = answer["issues"]
    return issues


def process_listings_feed(
    state: AmazonState, feed_id: str, market: str, content: bytes
) -> bytes | None:
    """The JSON processing report, or None when the document is unusable (FATAL)."""
    try:
        data = json.loads(content)
        header, messages = data["header"], data["messages"]
    except (ValueError, KeyError, TypeError):
        return None
    seller = state.credentials.seller_id
    if header.get("sellerId") != seller or not isinstance(messages, list):
        return None
    if len(messages) > MAX_MESSAGES:
        return None
    issues, invalid = [], 0
    for message in messages:
        found = _one(state, market, message if isinstance(message, dict) else {})
        invalid += bool(found)
        mid = message.get("messageId") if isinstance(message, dict) else None
        for item in found:
            issues.append(
                {
                    "messageId": mid,
                    "sku": message.get("sku"),
                    "code": item["code"],
                    "severity": "ERROR",
                    "message": item["message"],
                    "attributeName": item["attributeNames"][0],
                }
            )
    report = {
        "header": {"sellerId": seller, "version": "2.0", "feedId": feed_id},
        "issues": issues,
        "summary": {
            "errors": len(issues),
            "warnings": 0,
            "messagesProcessed": len(messages),
            "messagesAccepted": len(messages) - invalid,
            "messagesInvalid": invalid,
        },
    }
    return json.dumps(report).encode()
