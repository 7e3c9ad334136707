"""Listings Items API 2021-08-01: get, put, patch, delete (reference §4.1–§4.3).

Submissions answer HTTP 200 with ``ACCEPTED`` (queued, applied later), ``INVALID`` (with
issues, nothing queued) or, with ``mode=VALIDATION_PREVIEW``, ``VALID``/``INVALID`` without
queuing anything (§4.2). The same submit functions serve ``JSON_LISTINGS_FEED`` messages.
"""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING, Any

from starlette.requests import Request
from starlette.responses import Response

from .clock import iso
from .errors import invalid_input, json_response, not_found, unauthorized
from .http import endpoint, json_body, marketplace_ids
from .listingrules import apply_patches, validate_patches, validate_put
from .listingstore import Listing

if TYPE_CHECKING:
    from .state import AmazonState

GET_SECTIONS = {
    "summaries",
    "attributes",
    "issues",
    "offers",
    "fulfillmentAvailability",
    "procurement",
    "relationships",
    "productTypes",
}


def render(listing: Listing, sections: set[str], title: str) -> dict[str, Any]:
    m = listing.marketplace_id
    out: dict[str, Any] = {"sku": listing.sku}
    if "summaries" in sections:
        names = listing.attributes.get("item_name") or [{"value": title}]
        out["summaries"] = [
            {
                "marketplaceId": m,
                "asin": listing.asin,
                "productType": listing.product_type,
                "conditionType": listing.condition,
                "status": listing.status,
                "itemName": names[0].get("value"),
                "createdDate": iso(listing.created),
                "lastUpdatedDate": iso(listing.updated),
            }
        ]
    if "attributes" in sections:
        out["attributes"] = listing.attributes
    if "issues" in sections:
        out["issues"] = listing.issues
    if "offers" in sections and listing.price is not None:
        price = {"currencyCode": "USD", "amount": f"{listing.price:.2f}"}
        out["offers"] = [{"marketplaceId": m, "offerType": "B2C", "price": price}]
    if "fulfillmentAvailability" in sections:
        out["fulfillmentAvailability"] = [
            {"fulfillmentChannelCode": listing.channel, "quantity": listing.quantity}
        ]
    return out


def _answer(sku: str, issues: list[dict[str, Any]], preview: bool) -> dict[str, Any]:
    status = "INVALID" if issues else ("VALID" if preview else "ACCEPTED")
    return {"sku": sku, "status": status, "submissionId": uuid.uuid4().hex, "issues": issues}


def submit_put(
    state: AmazonState, market: str, sku: str, body: Any, preview: bool, delay: float | None = None
) -> dict[str, Any]:
    issues = validate_put(body, state.asins)
    if not issues and not preview:
        attributes, product_type = body["attributes"], body["productType"]

        def apply(old: Listing | None, at: float) -> Listing:
            # A full PUT replaces every attribute submitted before (§4.3).
            created = old.created if old else at
            return Listing(sku, market, product_type, attributes, created, at)

        state.listings.schedule(market, sku, apply, delay)
    return _answer(sku, issues, preview)


def submit_patch(
    state: AmazonState, market: str, sku: str, body: Any, preview: bool, delay: float | None = None
) -> dict[str, Any]:
    if state.listings.get(market, sku) is None:
        raise not_found(f"SKU {sku} not found in marketplace {market}.")
    issues = validate_patches(body, state.asins)
    if not issues and not preview:
        patches = body["patches"]

        def apply(old: Listing | None, at: float) -> Listing | None:
            if old is None:  # deleted meanwhile: nothing to patch
                return None
            old.attributes = apply_patches(old.attributes, patches)
            old.updated = at
            return old

        state.listings.schedule(market, sku, apply, delay)
    return _answer(sku, issues, preview)


def submit_delete(
    state: AmazonState, market: str, sku: str, delay: float | None = None
) -> dict[str, Any]:
    if state.listings.get(market, sku) is None:
        raise not_found(f"SKU {sku} not found in marketplace {market}.")
    state.listings.schedule(market, sku, lambda old, at: None, delay)
    return _answer(sku, [], False)


def _one_market(request: Request) -> str:
    ids = marketplace_ids(request)
    if len(ids) != 1:
        raise invalid_input(details="Exactly one marketplaceIds value is accepted here")
    return ids[0]


def _seller(request: Request, state: AmazonState) -> str:
    seller = request.path_params["sellerId"]
    if seller != state.credentials.seller_id:
        raise unauthorized()  # another seller's listings: access denied
    return str(request.path_params["sku"])


def _preview(request: Request) -> bool:
    mode = request.query_params.get("mode")
    if mode not in (None, "VALIDATION_PREVIEW"):
        raise invalid_input(details=f"Unknown mode: {mode}")
    return mode == "VALIDATION_PREVIEW"


async def get_listing(request: Request, state: AmazonState) -> Response:
    sku = _seller(request, state)
    market = marketplace_ids(request)[0]
    raw = request.query_params.get("includedData", "summaries")
    sections = {s.strip() for s in raw.split(",") if s.strip()}
    if not sections <= GET_SECTIONS:
        raise invalid_input(details=f"Unknown includedData: {sorted(sections - GET_SECTIONS)}")
    listing = state.listings.get(market, sku)
    if listing is None:
        raise not_found(f"SKU {sku} not found in marketplace {market}.")
    return json_response(render(listing, sections, state.title_of(listing.asin)))


async def put_listing(request: Request, state: AmazonState) -> Response:
    sku, market = _seller(request, state), _one_market(request)
    body = await json_body(request)
    return json_response(submit_put(state, market, sku, body, _preview(request)))


async def patch_listing(request: Request, state: AmazonState) -> Response:
    sku, market = _seller(request, state), marketplace_ids(request)[0]
    body = await json_body(request)
    return json_response(submit_patch(state, market, sku, body, _preview(request)))


async def delete_listing(request: Request, state: AmazonState) -> Response:
    sku, market = _seller(request, state), _one_market(request)
    return json_response(submit_delete(state, market, sku))


PATH = "/listings/2021-08-01/items/{sellerId}/{sku:path}"
ROUTES = [
    endpoint("GET", PATH, get_listing, "getListingsItem"),
    endpoint("PUT", PATH, put_listing, "putListingsItem"),
    endpoint("PATCH", PATH, patch_listing, "patchListingsItem"),
    endpoint("DELETE", PATH, delete_listing, "deleteListingsItem"),
]
