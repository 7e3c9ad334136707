"""Feed endpoints (reference §9): submit, list, status with per-item details.

Submissions come either as the spec's ``multipart/form-data`` with a part named ``file`` or as a
plain JSON body (what maintained clients send); both are accepted. The multipart body is parsed
with the standard library's email parser, so no extra dependency is needed.
"""

from __future__ import annotations

import time
from email.parser import BytesParser
from email.policy import HTTP

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from .errors import WalmartError, bad_param, json_response
from .feedproc import FEED_TYPES
from .feedstore import SERVICE
from .http import endpoint, params
from .state import WalmartState, now_ms

FILE_LIMIT = 25 * 1024 * 1024  # the largest per-feed cap of reference §11


def feed_bucket(request: Request) -> str:
    feed_type = request.query_params.get("feedType", "")
    return f"feed_{feed_type}" if f"feed_{feed_type}" in _KNOWN_BUCKETS else "feed_other"


_KNOWN_BUCKETS = {
    "feed_inventory",
    "feed_MP_INVENTORY",
    "feed_price",
    "feed_MP_ITEM",
    "feed_MP_ITEM_MATCH",
}


def _file_part(content_type: str, raw: bytes) -> bytes:
    message = BytesParser(policy=HTTP).parsebytes(
        b"Content-Type: " + content_type.encode() + b"\r\n\r\n" + raw
    )
    for part in message.iter_parts():
        if part.get_param("name", header="content-disposition") == "file":
            payload = part.get_payload(decode=True)
            return payload if isinstance(payload, bytes) else b""
    raise WalmartError(
        400,
        f"INVALID_REQUEST_CONTENT.{SERVICE}",
        "multipart body has no part named 'file'",
        field="file",
    )


async def submit(request: Request, state: WalmartState) -> Response:
    feed_type = request.query_params.get("feedType", "")
    if not feed_type:
        raise bad_param(SERVICE, "feedType", "Query parameter feedType is required", missing=True)
    if feed_type not in FEED_TYPES:
        raise bad_param(SERVICE, "feedType", f"feedType {feed_type} is not supported here")
    raw = await request.body()
    if len(raw) > FILE_LIMIT:
        raise WalmartError(413, f"REQUEST_ENTITY_TOO_LARGE.{SERVICE}", "Feed file is too large")
    content_type = request.headers.get("content-type", "")
    if content_type.lower().startswith("multipart/"):
        raw = _file_part(content_type, raw)
    feed = state.run(lambda: state.feeds.submit(feed_type, raw, now_ms(), time.monotonic()))
    return json_response({"feedId": feed.feed_id, "additionalAttributes": None, "errors": None})


async def list_feeds(request: Request, state: WalmartState) -> Response:
    query = params(request)
    return json_response(state.run(lambda: state.feeds.listing(query, time.monotonic())))


async def feed_status(request: Request, state: WalmartState) -> Response:
    feed_id, query = request.path_params["feed_id"], params(request)
    return json_response(state.run(lambda: state.feeds.detail(feed_id, query, time.monotonic())))


ROUTES: list[Route] = [
    endpoint("POST", "/v3/feeds", submit, feed_bucket),
    endpoint("GET", "/v3/feeds", list_feeds, "feeds"),
    endpoint("GET", "/v3/feeds/{feed_id}", feed_status, "feeds"),
]
