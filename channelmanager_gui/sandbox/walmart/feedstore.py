"""Bulk feeds: submission, the RECEIVED → INPROGRESS → PROCESSED life cycle, and status rendering.

No timer threads: a feed is due ``delay`` seconds after submission, and ``settle`` (called by
WalmartState at the start of every locked operation) applies the feeds that have come due. So a
feed's effect and its PROCESSED status appear together, as on Walmart.
"""

from __future__ import annotations

import heapq
import json
import random
from dataclasses import dataclass, field
from typing import Any

from .errors import bad_param, not_found
from .feedproc import FEED_TYPES, ItemResult, records
from .itemstore import ItemStore

SERVICE = "GMP_FEED_API"
# The feeds OpenAPI (``GET /v3/feeds``, ``/v3/feeds/{feedId}``): limit "cannot be more than 50
# entities". Whether Walmart refuses or caps a larger one is not documented (?): refused here.
MAX_FEED_PAGE = 50
SUFFIXES = ("AQMBAQA", "AU8BAQA", "ATgBAQA", "AUoBAQA")


@dataclass
class Feed:
    feed_id: str
    feed_type: str
    submitted_ms: int
    submitted_at: float  # monotonic seconds
    due_at: float
    payload: list[Any] | None
    results: list[ItemResult] = field(default_factory=list)
    processed_ms: int | None = None

    def status(self, now: float, delay: float) -> str:
        if self.processed_ms is not None:
            return "PROCESSED" if self.payload is not None else "ERROR"
        return "RECEIVED" if now - self.submitted_at < delay * 0.3 else "INPROGRESS"

    def counts(self) -> dict[str, int]:
        received = len(self.payload or [])
        if self.processed_ms is None:
            return {
                "itemsReceived": received,
                "itemsSucceeded": 0,
                "itemsFailed": 0,
                "itemsProcessing": received,
            }
        ok = sum(1 for r in self.results if r.ok)
        return {
            "itemsReceived": received,
            "itemsSucceeded": ok,
            "itemsFailed": received - ok,
            "itemsProcessing": 0,
        }


class FeedStore:
    def __init__(self, rng: random.Random, delay: float) -> None:
        self.rng = rng
        self.delay = delay
        self.feeds: dict[str, Feed] = {}
        self._order: list[str] = []
        self._due: list[tuple[float, int, str]] = []

    def submit(self, feed_type: str, raw: bytes, now_ms: int, now: float) -> Feed:
        names, _ = FEED_TYPES[feed_type]  # the route has refused unknown feed types
        try:
            payload = records(json.loads(raw), *names)
        except (ValueError, UnicodeDecodeError):
            payload = None
        feed_id = f"{self.rng.getrandbits(128):032X}@{self.rng.choice(SUFFIXES)}"
        feed = Feed(feed_id, feed_type, now_ms, now, now + self.delay, payload)
        self.feeds[feed_id] = feed
        self._order.append(feed_id)
        heapq.heappush(self._due, (feed.due_at, len(self._order), feed_id))
        return feed

    def settle(self, items: ItemStore, now: float, now_ms: int) -> None:
        while self._due and self._due[0][0] <= now:
            _, _, feed_id = heapq.heappop(self._due)
            feed = self.feeds[feed_id]
            if feed.payload is not None:
                feed.results = FEED_TYPES[feed.feed_type][1](items, feed.payload)
            feed.processed_ms = now_ms

    def get(self, feed_id: str) -> Feed:
        feed = self.feeds.get(feed_id)
        if feed is None:
            raise not_found(SERVICE, f"Feed {feed_id} not found")
        return feed

    def listing(self, params: dict[str, str], now: float) -> dict[str, Any]:
        """GET /v3/feeds: newest first, ``offset``/``limit`` paging (reference §9)."""
        offset, limit = _paging(params, 50)
        if params.get("feedId"):
            ids = [params["feedId"]] if params["feedId"] in self.feeds else []
        else:
            ids = self._order[::-1]
        feeds = [self.record(self.feeds[i], now) for i in ids[offset : offset + limit]]
        return {
            "totalResults": len(ids),
            "offset": offset,
            "limit": limit,
            "results": {"feed": feeds},
        }

    def record(self, feed: Feed, now: float) -> dict[str, Any]:
        return {
            "feedId": feed.feed_id,
            "feedSource": "MARKETPLACE_PARTNER",
            "feedType": feed.feed_type,
            "partnerId": "100009",
            **feed.counts(),
            "feedStatus": feed.status(now, self.delay),
            "feedDate": feed.submitted_ms,
            "modifiedDtm": feed.processed_ms or feed.submitted_ms,
        }

    def detail(self, feed_id: str, params: dict[str, str], now: float) -> dict[str, Any]:
        """GET /v3/feeds/{feedId}; per-item ``itemIngestionStatus`` when includeDetails=true."""
        feed = self.get(feed_id)
        offset, limit = _paging(params, 50)
        errors = []
        if feed.payload is None and feed.processed_ms is not None:
            errors.append(
                {
                    "type": "DATA_ERROR",
                    "code": "ERR_EXT_DATA_0001",
                    "description": "The feed file is not valid JSON or has no records",
                }
            )
        data: dict[str, Any] = {
            "feedId": feed.feed_id,
            "feedStatus": feed.status(now, self.delay),
            "feedSubmissionDate": feed.submitted_ms,
            "ingestionErrors": {"ingestionError": errors},
            **feed.counts(),
            "offset": offset,
            "limit": limit,
        }
        if params.get("includeDetails", "false").lower() == "true":
            data["itemDetails"] = {"itemIngestionStatus": self._details(feed, offset, limit)}
        return data

    def _details(self, feed: Feed, offset: int, limit: int) -> list[dict[str, Any]]:
        out: list[dict[str, Any]] = []
        for index in range(offset, min(offset + limit, len(feed.payload or []))):
            if feed.processed_ms is None:
                out.append(
                    {
                        "martId": 0,
                        "sku": _sku(feed.payload, index),
                        "index": index,
                        "ingestionStatus": "INPROGRESS",
                        "ingestionErrors": {"ingestionError": []},
                    }
                )
                continue
            r = feed.results[index]
            out.append(
                {
                    "martId": 0,
                    "sku": r.sku,
                    "wpid": r.wpid,
                    "index": index,
                    "ingestionStatus": "SUCCESS" if r.ok else "DATA_ERROR",
                    "ingestionErrors": {
                        "ingestionError": [
                            {"type": "DATA_ERROR", "code": c, "description": d} for c, d in r.errors
                        ]
                    },
                }
            )
        return out


def _sku(payload: list[Any] | None, index: int) -> str | None:
    rec = (payload or [None])[index]
    if isinstance(rec, dict):
        item = rec.get("Item")
        inner: dict[str, Any] = item if isinstance(item, dict) else rec
        sku = inner.get("sku")
        return sku if isinstance(sku, str) else None
    return None


def _paging(params: dict[str, str], default: int) -> tuple[int, int]:
    try:
        offset = int(params.get("offset", "0"))
        limit = int(params.get("limit", str(default)))
    except ValueError:
        raise bad_param(SERVICE, "limit", "offset and limit must be integers") from None
    if not 1 <= limit <= MAX_FEED_PAGE:
        raise bad_param(SERVICE, "limit", f"limit must be between 1 and {MAX_FEED_PAGE}")
    return max(0, offset), limit
