"""Feeds API 2021-06-30 (reference §4.6): documents, createFeed, getFeed, cancelFeed.

Supported feed types: ``JSON_LISTINGS_FEED`` (JSON report), ``POST_ORDER_ACKNOWLEDGEMENT_DATA``
and ``POST_PAYMENT_ADJUSTMENT_DATA`` (XML reports). The legacy listings feeds Amazon removed in
2025 are accepted and end ``FATAL``, as on Amazon (headline 2). Other types are refused with a
400: this sandbox does not know them (``POST_ORDER_FULFILLMENT_DATA`` included — use
``confirmShipment``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from starlette.requests import Request
from starlette.responses import Response

from .clock import parse_iso
from .errors import invalid_input, json_response, not_found
from .http import check_marketplaces, endpoint, json_body
from .jobs import Job
from .listingfeed import process_listings_feed
from .orderfeeds import process_order_feed

if TYPE_CHECKING:
    from .state import AmazonState

ORDER_FEEDS = ("POST_ORDER_ACKNOWLEDGEMENT_DATA", "POST_PAYMENT_ADJUSTMENT_DATA")
REMOVED = (
    "POST_PRODUCT_DATA",
    "POST_INVENTORY_AVAILABILITY_DATA",
    "POST_PRODUCT_PRICING_DATA",
    "POST_FLAT_FILE_PRICEANDQUANTITYONLY_UPDATE_DATA",
)
FEED_TYPES = ("JSON_LISTINGS_FEED", *ORDER_FEEDS, *REMOVED)


def _work(state: AmazonState) -> Any:
    def work(job: Job) -> tuple[str, str | None]:
        doc = state.documents.get(job.input_doc or "")
        content = doc.content if doc else None
        if job.job_type in REMOVED or content is None:
            return "FATAL", None
        if job.job_type == "JSON_LISTINGS_FEED":
            report = process_listings_feed(state, job.job_id, job.marketplace_ids[0], content)
            kind = "application/json"
        else:
            report = process_order_feed(state, job.job_id, content)
            kind = "text/xml; charset=UTF-8"
        if report is None:
            return "FATAL", None
        return "DONE", state.documents.create(kind, report).doc_id

    return work


async def create_document(request: Request, state: AmazonState) -> Response:
    body = await json_body(request)
    content_type = body.get("contentType") if isinstance(body, dict) else None
    if not isinstance(content_type, str) or not content_type.strip():
        raise invalid_input(details="contentType is required")
    doc = state.documents.create(content_type)
    url = state.documents.url(str(request.base_url), doc.doc_id)
    return json_response({"feedDocumentId": doc.doc_id, "url": url}, 201)


async def create_feed(request: Request, state: AmazonState) -> Response:
    body = await json_body(request)
    if not isinstance(body, dict):
        raise invalid_input(details="The body must be a JSON object")
    feed_type, markets = body.get("feedType"), body.get("marketplaceIds")
    if feed_type not in FEED_TYPES:
        raise invalid_input(f"Invalid feedType: {feed_type}")
    if not isinstance(markets, list) or not markets:
        raise invalid_input(details="marketplaceIds is required")
    check_marketplaces([str(m) for m in markets], 50)
    doc_id = body.get("inputFeedDocumentId")
    doc = state.documents.get(str(doc_id))
    if doc is None or doc.content is None:
        raise invalid_input(f"Invalid inputFeedDocumentId: {doc_id}")
    job = state.feeds.add(str(feed_type), [str(m) for m in markets], _work(state), doc.doc_id)
    return json_response({"feedId": job.job_id}, 202)


async def get_feed(request: Request, state: AmazonState) -> Response:
    job = state.feeds.status(request.path_params["feedId"])
    if job is None:
        raise not_found(f"Feed {request.path_params['feedId']} not found.")
    return json_response(state.feeds.render(job, "feed"))


async def get_feeds(request: Request, state: AmazonState) -> Response:
    """``getFeeds`` (§4.6, 0.0222/s, burst 10): feeds of the given types and statuses created
    since a time (comma lists, §1.2); Amazon looks back 90 days at most. No paging here: the
    sandbox never holds more than a page (≤ 100) of feeds in a test."""
    query = request.query_params
    types = {t for t in query.get("feedTypes", "").split(",") if t}
    statuses = {s for s in query.get("processingStatuses", "").split(",") if s}
    since = parse_iso(query["createdSince"]) if "createdSince" in query else None
    if "createdSince" in query and since is None:
        raise invalid_input(details="createdSince must be an ISO date")
    feeds = [
        state.feeds.render(job, "feed")
        for job in state.feeds.all()
        if (not types or job.job_type in types) and (since is None or job.created >= since)
    ]
    feeds = [f for f in feeds if not statuses or f["processingStatus"] in statuses]
    return json_response({"feeds": feeds[:100]})


async def cancel_feed(request: Request, state: AmazonState) -> Response:
    done = state.feeds.cancel(request.path_params["feedId"])
    if done is None:
        raise not_found(f"Feed {request.path_params['feedId']} not found.")
    if not done:
        raise invalid_input("The feed cannot be canceled: it is no longer IN_QUEUE.")
    return Response(status_code=200)


async def get_document(request: Request, state: AmazonState) -> Response:
    """Also serves report documents (§4.7): one store, two paths."""
    doc_id = request.path_params["documentId"]
    if state.documents.get(doc_id) is None:
        raise not_found(f"Document {doc_id} not found.")
    url = state.documents.url(str(request.base_url), doc_id)
    key = "feedDocumentId" if request.url.path.startswith("/feeds/") else "reportDocumentId"
    return json_response({key: doc_id, "url": url})


BASE = "/feeds/2021-06-30"
ROUTES = [
    endpoint("POST", f"{BASE}/documents", create_document, "createFeedDocument"),
    endpoint("GET", f"{BASE}/documents/{{documentId}}", get_document, "getFeedDocument"),
    endpoint("POST", f"{BASE}/feeds", create_feed, "createFeed"),
    endpoint("GET", f"{BASE}/feeds", get_feeds, "getFeeds"),
    endpoint("GET", f"{BASE}/feeds/{{feedId}}", get_feed, "getFeed"),
    endpoint("DELETE", f"{BASE}/feeds/{{feedId}}", cancel_feed, "cancelFeed"),
]
