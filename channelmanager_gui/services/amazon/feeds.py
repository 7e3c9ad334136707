"""Feeds API 2021-06-30: create a document, upload, create the feed, poll, read the report.

Flow (§4.6): ``createFeedDocument`` → PUT the bytes to the presigned URL with the same content
type → ``createFeed`` (202 ``feedId``) → ``getFeed`` until DONE, CANCELLED or FATAL →
``getFeedDocument(resultFeedDocumentId)`` → download. ``createFeed`` is never repeated blindly:
each one is a new feed and spends a scarce quota (0.0083/s, §4.6); a lost answer surfaces as
``UnavailableError(maybe_sent=True)`` for the caller to check ``getFeeds`` first. Feeds can sit
in IN_QUEUE for hours (§6.8), so ``wait_for_feed`` gives up after ``timeout`` and returns the
last status rather than raising: the caller looks again later.
"""

from __future__ import annotations

from datetime import datetime

from pydantic import Field

from channelmanager_gui.services.amazon.documents import DocumentsApi
from channelmanager_gui.services.amazon.models import AmazonModel
from channelmanager_gui.services.amazon.wire import iso_utc
from channelmanager_gui.services.http import Priority
from channelmanager_gui.services.walmart.core import segment
from channelmanager_gui.services.walmart.fields import Blank, Timestamp

FEEDS = "/feeds/2021-06-30"
JSON_CONTENT = "application/json; charset=UTF-8"
XML_CONTENT = "text/xml; charset=UTF-8"
TERMINAL = ("DONE", "CANCELLED", "FATAL")


class FeedStatus(AmazonModel):
    feed_id: str = Field(validation_alias="feedId")
    feed_type: Blank = Field("", validation_alias="feedType")
    status: Blank = Field("", validation_alias="processingStatus")
    created: Timestamp | None = Field(None, validation_alias="createdTime")
    ended: Timestamp | None = Field(None, validation_alias="processingEndTime")
    result_document_id: str | None = Field(None, validation_alias="resultFeedDocumentId")

    @property
    def finished(self) -> bool:
        return self.status in TERMINAL


class FeedsApi(DocumentsApi):
    async def submit_feed(
        self,
        feed_type: str,
        content: bytes,
        content_type: str,
        *,
        marketplace_ids: list[str] | None = None,
    ) -> str:
        """Upload ``content`` and create the feed; returns the feed id (sent at most once)."""
        document = await self._call(
            "POST", f"{FEEDS}/documents", what="a feed document", op="feeds.createDocument",
            json={"contentType": content_type},
            repeatable=True,  # an unused document simply expires (two days, §4.6)
        )  # fmt: skip
        document_id = document.text("feedDocumentId")
        await self._upload(document.text("url"), content, content_type)
        body = {
            "feedType": feed_type,
            "marketplaceIds": marketplace_ids or self.marketplace_ids,
            "inputFeedDocumentId": document_id,
        }
        reply = await self._call("POST", f"{FEEDS}/feeds", what=f"the {feed_type} feed",
                                 op="feeds.create", json=body, repeatable=False)  # fmt: skip
        return reply.text("feedId")

    async def get_feed(
        self, feed_id: str, *, priority: Priority = Priority.BACKGROUND
    ) -> FeedStatus:
        reply = await self._call(
            "GET", f"{FEEDS}/feeds/{segment(feed_id, 'feed_id')}", what=f"feed {feed_id}",
            op="feeds.get", priority=priority,
        )  # fmt: skip
        return reply.model(FeedStatus, reply.data)

    async def list_feeds(
        self, feed_type: str, statuses: tuple[str, ...], created_since: datetime
    ) -> list[FeedStatus]:
        """``getFeeds`` (§4.6): feeds of a type in these statuses created since a time — how a
        caller that may have lost a ``createFeed`` answer checks before sending again."""
        params = {"feedTypes": feed_type, "processingStatuses": ",".join(statuses),
                  "createdSince": iso_utc(created_since, "createdSince")}  # fmt: skip
        reply = await self._call("GET", f"{FEEDS}/feeds", what=f"the {feed_type} feeds",
                                 op="feeds.list", params=params)  # fmt: skip
        # ``feeds`` is required (feeds_2021-06-30.json ``GetFeedsResponse``): read as "none", a
        # broken answer would say no refund feed is running and let a refund be sent twice.
        feeds = reply.dig("feeds")
        if not isinstance(feeds, list) or not all(isinstance(f, dict) for f in feeds):
            raise reply.malformed("feeds", "is not a list of feeds")
        return [reply.model(FeedStatus, f) for f in feeds]

    async def wait_for_feed(
        self, feed_id: str, *, interval: float = 60.0, timeout: float = 1800.0
    ) -> FeedStatus:
        """Poll until the feed finishes or ``timeout`` seconds pass; the last status either way."""
        return await self._poll(lambda: self.get_feed(feed_id), interval, timeout)

    async def feed_result(self, status: FeedStatus) -> bytes | None:
        """The processing report's bytes, or None when the feed has none (yet)."""
        if not status.result_document_id:
            return None
        document = await self._call(
            "GET",
            f"{FEEDS}/documents/{segment(status.result_document_id, 'document_id')}",
            what=f"the report of feed {status.feed_id}",
            op="feeds.getDocument",
        )
        return await self._download(document)
