"""``JSON_LISTINGS_FEED``: many SKUs' price and quantity in one feed, and its JSON report.

Body and report shapes from §4.6 (listings-feed-schema-v2); at most 25,000 messages per feed
(§4.6, §8.6), and one feed at a time per account is the polite pace (§8.6). Each message is a
``PATCH`` with the same patches ``patchListingsItem`` takes (``OfferUpdate.patches``).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from decimal import Decimal

from channelmanager_gui.errors import MalformedResponseError, ValidationError
from channelmanager_gui.services.amazon.listings import ISSUE_LOCALE, OfferUpdate
from channelmanager_gui.services.amazon.wire import dumps_exact

FEED_TYPE = "JSON_LISTINGS_FEED"
MAX_MESSAGES = 25_000


@dataclass(frozen=True)
class FeedIssue:
    message_id: int | None
    sku: str
    code: str
    severity: str
    message: str
    attribute: str


@dataclass(frozen=True)
class ListingsReport:
    processed: int
    accepted: int
    invalid: int
    errors: int
    warnings: int
    issues: tuple[FeedIssue, ...]

    def failed_skus(self) -> set[str]:
        return {i.sku for i in self.issues if i.severity == "ERROR" and i.sku}


def listings_feed(seller_id: str, marketplace_id: str, updates: list[OfferUpdate]) -> bytes:
    """The feed document; message ids are 1-based positions in ``updates``."""
    if not updates:
        raise ValidationError("updates", "the feed has nothing to send")
    if len(updates) > MAX_MESSAGES:
        raise ValidationError("updates", f"at most {MAX_MESSAGES} SKUs per feed; split it")
    messages = [
        {"messageId": number, "sku": update.sku, "operationType": "PATCH",
         "productType": "PRODUCT", "patches": update.patches(marketplace_id)}
        for number, update in enumerate(updates, start=1)
    ]  # fmt: skip
    header = {"sellerId": seller_id, "version": "2.0", "issueLocale": ISSUE_LOCALE}
    return dumps_exact({"header": header, "messages": messages})


def parse_listings_report(data: bytes) -> ListingsReport:
    """The JSON processing report (§4.6); missing counts are 0, odd issues keep what they have."""
    try:
        body = json.loads(data, parse_float=Decimal)
    except (ValueError, UnicodeDecodeError) as exc:
        raise _malformed(f"it is not JSON ({exc})") from exc
    if not isinstance(body, dict):
        raise _malformed("it is not a JSON object")
    summary = body.get("summary")
    if not isinstance(summary, dict):
        summary = {}
    raw_issues = body.get("issues") or []
    # ``issues`` is a required list of objects (listings-feed-processing-report-schema-v2.json):
    # an odd one is malformed rather than read as "no problems".
    if not isinstance(raw_issues, list) or not all(isinstance(i, dict) for i in raw_issues):
        raise _malformed("issues is not a list of objects")
    issues = tuple(_issue(i) for i in raw_issues)
    return ListingsReport(
        processed=_count(summary, "messagesProcessed"),
        accepted=_count(summary, "messagesAccepted"),
        invalid=_count(summary, "messagesInvalid"),
        errors=_count(summary, "errors"),
        warnings=_count(summary, "warnings"),
        issues=issues,
    )


def _issue(raw: dict[str, object]) -> FeedIssue:
    message_id = raw.get("messageId")
    if isinstance(message_id, str) and message_id.strip().isdigit():
        message_id = int(message_id)
    return FeedIssue(
        message_id=message_id
        if isinstance(message_id, int) and not isinstance(message_id, bool)
        else None,
        sku=str(raw.get("sku") or ""),
        code=str(raw.get("code") or ""),
        severity=str(raw.get("severity") or ""),
        message=str(raw.get("message") or ""),
        attribute=str(raw.get("attributeName") or ""),
    )


def _count(summary: dict[str, object], key: str) -> int:
    value = summary.get(key)
    return value if isinstance(value, int) and not isinstance(value, bool) else 0


def _malformed(why: str) -> MalformedResponseError:
    return MalformedResponseError(
        f"Amazon's listings feed report could not be read: {why}", field="report"
    )
