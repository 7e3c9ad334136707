"""Reports API 2021-06-30 (reference §4.7, §3.5): the All Listings report and the returns report.

``GET_MERCHANT_LISTINGS_ALL_DATA`` is a TSV drawn from the listing store when the report is
done; ``GET_FLAT_FILE_RETURNS_DATA_BY_RETURN_DATE`` a TSV of the seeded (and admin-added)
returns, filtered by ``dataStartTime``/``dataEndTime`` on the return request date (≤ 60 days).
Column lists are those of the reference; the date format of ``open-date`` and the returns'
dates is not given there (the sandbox writes ISO dates).
"""

from __future__ import annotations

import hashlib
from typing import TYPE_CHECKING, Any

from starlette.requests import Request
from starlette.responses import Response

from .clock import iso, parse_iso
from .errors import invalid_input, json_response, not_found
from .feeds import get_document
from .http import check_marketplaces, endpoint, json_body
from .jobs import Job

if TYPE_CHECKING:
    from .state import AmazonState

LISTING_COLUMNS = (
    "item-name",
    "item-description",
    "listing-id",
    "seller-sku",
    "price",
    "quantity",
    "open-date",
    "image-url",
    "item-is-marketplace",
    "product-id-type",
    "zshop-shipping-fee",
    "item-note",
    "item-condition",
    "zshop-category1",
    "zshop-browse-path",
    "zshop-storefront-feature",
    "asin1",
    "asin2",
    "asin3",
    "will-ship-internationally",
    "expedited-shipping",
    "zshop-boldface",
    "product-id",
    "bid-for-featured-placement",
    "add-delete",
    "pending-quantity",
    "fulfillment-channel",
    "merchant-shipping-group",
    "status",
)
RETURN_COLUMNS = (
    "Order ID",
    "Order date",
    "Return request date",
    "Return request status",
    "Amazon RMA ID",
    "Merchant RMA ID",
    "Label type",
    "Label cost",
    "Currency code",
    "Return carrier",
    "Tracking ID",
    "Label to be paid by",
    "A-to-Z Claim",
    "Is prime",
    "ASIN",
    "Merchant SKU",
    "Item Name",
    "Return quantity",
    "Return Reason",
    "In policy",
    "Return type",
    "Resolution",
    "Invoice number",
    "Return delivery date",
    "Order Amount",
    "Order quantity",
    "Refunded Amount",
)
MAX_DAYS = 60


def _tsv(columns: tuple[str, ...], rows: list[dict[str, Any]]) -> bytes:
    lines = ["\t".join(columns)]
    lines += ["\t".join(str(row.get(c, "")) for c in columns) for row in rows]
    return ("\n".join(lines) + "\n").encode()


def listings_tsv(state: AmazonState, market: str) -> bytes:
    rows = []
    for listing in state.listings.all(market):
        fba = listing.channel != "DEFAULT"
        rows.append(
            {
                "item-name": state.title_of(listing.asin),
                "seller-sku": listing.sku,
                "listing-id": hashlib.md5(listing.sku.encode()).hexdigest()[:10].upper(),
                "price": "" if listing.price is None else f"{listing.price:.2f}",
                "quantity": "" if fba else listing.quantity,
                "open-date": iso(listing.created),
                "item-is-marketplace": "y",
                "product-id-type": 1,
                "item-condition": 11,
                "asin1": listing.asin or "",
                "product-id": listing.asin or "",
                "pending-quantity": 0,
                "fulfillment-channel": "AMAZON_NA" if fba else "DEFAULT",
                "merchant-shipping-group": "Migrated Template",
                "status": "Active" if "BUYABLE" in listing.status else "Inactive",
            }
        )
    return _tsv(LISTING_COLUMNS, rows)


def returns_tsv(state: AmazonState, start: float, end: float) -> bytes:
    rows = [r for r in state.returns if start <= r["_requested"] <= end]
    return _tsv(RETURN_COLUMNS, rows)


def _window(body: dict[str, Any], now: float) -> tuple[float, float]:
    start = parse_iso(str(body.get("dataStartTime", ""))) if "dataStartTime" in body else None
    end = parse_iso(str(body.get("dataEndTime", ""))) if "dataEndTime" in body else now
    start = end - 30 * 86400 if start is None and end is not None else start
    if start is None or end is None or end < start or end - start > MAX_DAYS * 86400:
        raise invalid_input(details="dataStartTime/dataEndTime must be ISO dates ≤ 60 days apart")
    return start, end


async def create_report(request: Request, state: AmazonState) -> Response:
    body = await json_body(request)
    if not isinstance(body, dict) or not isinstance(body.get("marketplaceIds"), list):
        raise invalid_input(details="reportType and marketplaceIds are required")
    markets = check_marketplaces([str(m) for m in body["marketplaceIds"]], 50)
    report_type = body.get("reportType")
    if report_type == "GET_MERCHANT_LISTINGS_ALL_DATA":
        content = lambda: listings_tsv(state, markets[0])  # noqa: E731 - made when done
    elif report_type == "GET_FLAT_FILE_RETURNS_DATA_BY_RETURN_DATE":
        start, end = _window(body, state.now())
        content = lambda: returns_tsv(state, start, end)  # noqa: E731
    else:
        raise invalid_input(f"Report type {report_type} is not supported by this sandbox.")

    def work(job: Job) -> tuple[str, str | None]:
        doc = state.documents.create("text/tab-separated-values; charset=UTF-8", content())
        return "DONE", doc.doc_id

    job = state.reports.add(str(report_type), markets, work)
    return json_response({"reportId": job.job_id}, 202)


async def get_report(request: Request, state: AmazonState) -> Response:
    job = state.reports.status(request.path_params["reportId"])
    if job is None:
        raise not_found(f"Report {request.path_params['reportId']} not found.")
    return json_response(state.reports.render(job, "report"))


BASE = "/reports/2021-06-30"
ROUTES = [
    endpoint("POST", f"{BASE}/reports", create_report, "createReport"),
    endpoint("GET", f"{BASE}/reports/{{reportId}}", get_report, "getReport"),
    endpoint("GET", f"{BASE}/documents/{{documentId}}", get_document, "getReportDocument"),
]
