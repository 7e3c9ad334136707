"""Amazon's deferred work: listings pushes, the cancel and refund feeds, and their reports.

``JSON_LISTINGS_FEED`` runs one at a time per account (§8.6): a bulk push while the previous
listings feed is still IN_QUEUE/IN_PROGRESS is refused with ``UnavailableError`` (retried
later, nothing lost) rather than queued behind it (§6.8: small feeds queue behind each other).
Order feeds (cancel, refund) answer an XML ``ProcessingReport`` (§4.6); listings feeds a JSON
one. ``check`` reads either, by the feed's type.
"""

from __future__ import annotations

import asyncio
from decimal import Decimal

from channelmanager_gui.errors import UnavailableError, ValidationError
from channelmanager_gui.services.amazon import AmazonClient, OfferUpdate, Order, OrderStatus
from channelmanager_gui.services.amazon.feeds import JSON_CONTENT, XML_CONTENT, FeedStatus
from channelmanager_gui.services.amazon.listings_feed import FEED_TYPE, FeedIssue, listings_feed
from channelmanager_gui.services.amazon.listings_feed import (
    parse_listings_report as parse_json_report,
)
from channelmanager_gui.services.amazon.order_feeds import (
    ACK_FEED,
    ADJUSTMENT_FEED,
    Cancellation,
    ItemRefund,
    Refund,
    adjustment_feed,
    cancellation_feed,
)
from channelmanager_gui.services.amazon.reports_xml import parse_processing_report
from channelmanager_gui.services.marketplace.port import (
    ActionResult,
    CancelRequest,
    PushCheck,
    PushReceipt,
    RefundRequest,
)

SHIPPED = (OrderStatus.PARTIALLY_SHIPPED, OrderStatus.SHIPPED, OrderStatus.INVOICE_UNCONFIRMED)


class Submissions:
    def __init__(self, client: AmazonClient, marketplace_id: str) -> None:
        self.client = client
        self.marketplace_id = marketplace_id
        self._lock = asyncio.Lock()
        self._listings_feed: str | None = None  # the one listings feed that may be running
        self._feed_skus: dict[str, tuple[str, ...]] = {}

    async def push(self, updates: list[OfferUpdate]) -> PushReceipt:
        """One SKU: ``patchListingsItem``; several: one ``JSON_LISTINGS_FEED``."""
        if not updates:
            raise ValidationError("updates", "nothing to push")
        if len(updates) == 1:
            answer = await self.client.patch_offer(updates[0], marketplace_id=self.marketplace_id)
            if answer.accepted:
                return PushReceipt(accepted=(updates[0].sku,))
            why = "; ".join(i.message for i in answer.errors or answer.issues) or answer.status
            return PushReceipt(refused={updates[0].sku: why})
        async with self._lock:
            await self._wait_for_previous()
            content = listings_feed(self.client.seller_id, self.marketplace_id, updates)
            feed_id = await self.client.submit_feed(
                FEED_TYPE, content, JSON_CONTENT, marketplace_ids=[self.marketplace_id]
            )
            self._listings_feed = feed_id
            skus = tuple(u.sku for u in updates)
            self._feed_skus[feed_id] = skus
        return PushReceipt(accepted=skus, submission_id=feed_id)

    async def _wait_for_previous(self) -> None:
        if self._listings_feed is None:
            return
        status = await self.client.get_feed(self._listings_feed)
        if not status.finished:
            raise UnavailableError(
                f"Amazon is still processing listings feed {status.feed_id} "
                f"({status.status or 'queued'}); one feed runs at a time, so this change is "
                "sent when it is done"
            )
        self._listings_feed = None

    async def cancel(self, order: Order, request: CancelRequest) -> ActionResult:
        """The whole order with one reason (§3.3); refused once anything shipped."""
        if not order.merchant_fulfilled:
            raise ValidationError("order", "Amazon fulfils this order (FBA); it cannot be "
                                           "cancelled from here")  # fmt: skip
        if order.status is OrderStatus.CANCELLED:
            return ActionResult(done=True, skipped=True)
        if order.status in SHIPPED or any(i.quantity_shipped for i in order.items):
            raise ValidationError(
                "order",
                f"order {order.order_id} has shipped items; Amazon cannot cancel it (that would "
                "refund the whole order)",
            )
        items = tuple(i.order_item_id for i in order.items)
        asked = {line_id for line_id, _qty in request.lines}
        if asked and asked != set(items):
            raise ValidationError("lines", "Amazon orders are cancelled whole, every line at once")
        cancel = Cancellation(order.order_id, items, request.reason)
        content = cancellation_feed(self.client.seller_id, [cancel])
        feed_id = await self.client.submit_feed(ACK_FEED, content, XML_CONTENT,
                                                marketplace_ids=[self._of(order)])  # fmt: skip
        return ActionResult(done=False, submission_id=feed_id)

    async def refund(self, order: Order, request: RefundRequest) -> ActionResult:
        """The adjustment feed (§3.4). A line named by SKU (as the returns report names it) is
        translated to its order item id; without amounts, the item's price × quantity."""
        items = []
        for line in request.lines:
            item = order.item(line.line_id) or next(
                (i for i in order.items if i.sku == line.line_id), None
            )
            if item is None:
                raise ValidationError("line", f"order {order.order_id} has no item {line.line_id}")
            amounts = line.amounts
            if not amounts:
                if item.unit_price is None:
                    raise ValidationError("amount", f"item {line.line_id} has no price to refund")
                amounts = (("Principal", item.unit_price.amount * Decimal(line.qty)),)
            items.append(ItemRefund(item.order_item_id, line.reason or "CustomerReturn", amounts))
        refund = Refund(order.order_id, tuple(items), request.currency)
        content = adjustment_feed(self.client.seller_id, [refund])
        feed_id = await self.client.submit_feed(ADJUSTMENT_FEED, content, XML_CONTENT,
                                                marketplace_ids=[self._of(order)])  # fmt: skip
        return ActionResult(done=False, submission_id=feed_id)

    def _of(self, order: Order) -> str:
        return order.marketplace_id or self.marketplace_id

    async def check(self, feed_id: str) -> PushCheck:
        status = await self.client.get_feed(feed_id)
        if not status.finished:
            return PushCheck(feed_id, False, status.status)
        if feed_id == self._listings_feed:
            self._listings_feed = None
        if status.status != "DONE":
            why = f"Amazon did not process feed {feed_id} ({status.status})"
            skus = self._feed_skus.pop(feed_id, ())
            return PushCheck(feed_id, True, status.status, refused=dict.fromkeys(skus, why),
                             problems=(why,))  # fmt: skip
        data = await self.client.feed_result(status)
        if data is None:
            return PushCheck(feed_id, True, status.status, problems=("no processing report",))
        if status.feed_type == FEED_TYPE:
            return self._listings_check(status, data)
        report = parse_processing_report(data)
        refused = {r.order_id or str(r.message_id): r.description
                   for r in report.results if r.code == "Error"}  # fmt: skip
        problems = tuple(f"{r.message_code}: {r.description}" for r in report.results)
        return PushCheck(feed_id, True, status.status, refused=refused, problems=problems)

    def _listings_check(self, status: FeedStatus, data: bytes) -> PushCheck:
        report = parse_json_report(data)
        skus = self._feed_skus.pop(status.feed_id, ())
        refused: dict[str, str] = {}
        for issue in report.issues:
            if issue.severity != "ERROR":
                continue
            for sku in _issue_skus(issue, skus):
                refused[sku] = "; ".join(filter(None, (refused.get(sku), issue.message)))
        ok = tuple(s for s in skus if s not in refused)
        return PushCheck(status.feed_id, True, status.status, ok, refused)


def _issue_skus(issue: FeedIssue, skus: tuple[str, ...]) -> tuple[str, ...]:
    """The SKUs an ERROR refuses. ``sku`` is optional in the processing report; ``messageId``
    is our 1-based position in the feed, and an issue with neither is about the whole feed
    ("not provided if the error is not related to a message", listings-feed-processing-report-
    schema-v2.json), so every SKU of the feed is refused rather than counted as applied."""
    if issue.sku:
        return (issue.sku,)
    if issue.message_id is not None:
        index = issue.message_id - 1
        return (skus[index],) if 0 <= index < len(skus) else ()
    return skus
