"""Catalog Items API 2022-04-01: the ASINs of the demo catalog and search by identifier (§4.4).

Built from the demo catalog every sandbox shares (``sandbox/seed.py``): a product whose
identifier Walmart knows once is one ASIN here, one it knows twice is two ASINs sharing the
identifier ("multiple matches"), one it does not know has no ASIN (0 hits); every 29th single
match is a ``VARIATION_PARENT`` ("has variants"). Identifiers are indexed under every type
Amazon lists for them: a UPC is also an EAN (with a leading 0) and a GTIN-14.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import TYPE_CHECKING

from starlette.requests import Request
from starlette.responses import Response

from channelmanager_gui.sandbox.seed import DemoProduct

from .errors import invalid_input, json_response, not_found
from .http import endpoint, marketplace_ids, query_int
from .paging import read_offset, write_offset

if TYPE_CHECKING:
    from .state import AmazonState

ID_TYPES = ("ASIN", "EAN", "GTIN", "ISBN", "JAN", "MINSAN", "SKU", "UPC")
SECTIONS = {
    "summaries",
    "identifiers",
    "productTypes",
    "attributes",
    "classifications",
    "dimensions",
    "images",
    "relationships",
    "salesRanks",
    "vendorDetails",
}


@dataclass(frozen=True)
class CatalogItem:
    asin: str
    title: str
    brand: str
    identifiers: dict[str, str]  # identifierType → value
    classification: str = "BASE_PRODUCT"
    product_type: str = "PRODUCT"


def asin_for(sku: str, n: int = 0) -> str:
    digest = hashlib.sha256(f"asin:{sku}:{n}".encode()).hexdigest().upper()
    return "B0" + digest[:8]


def _identifiers(p: DemoProduct) -> dict[str, str]:
    gtin = p.walmart_gtin or ""
    ids = {"GTIN": gtin, "EAN": gtin[-13:]}
    if p.id_attribute == "upc":
        ids["UPC"] = gtin[-12:]
    if p.id_attribute == "isbn":
        ids["ISBN"] = gtin[-13:]
    return ids


def build_catalog(products: list[DemoProduct]) -> list[CatalogItem]:
    items = []
    for n, p in enumerate(products):
        if not p.walmart_gtin:
            continue
        many = p.walmart_candidates > 1
        kind = "VARIATION_PARENT" if not many and n % 29 == 11 else "BASE_PRODUCT"
        for k in range(p.walmart_candidates):
            title = p.name if k == 0 else f"{p.name} (other seller's listing)"
            items.append(CatalogItem(asin_for(p.sku, k), title, p.brand, _identifiers(p), kind))
    return items


def render(item: CatalogItem, marketplace: str, sections: set[str]) -> dict[str, object]:
    out: dict[str, object] = {"asin": item.asin}
    if "summaries" in sections:
        out["summaries"] = [
            {
                "marketplaceId": marketplace,
                "brand": item.brand,
                "itemName": item.title,
                "itemClassification": item.classification,
                "partNumber": item.asin[-6:],
            }
        ]
    if "identifiers" in sections:
        ids = [{"identifierType": t, "identifier": v} for t, v in sorted(item.identifiers.items())]
        out["identifiers"] = [{"marketplaceId": marketplace, "identifiers": ids}]
    if "productTypes" in sections:
        out["productTypes"] = [{"marketplaceId": marketplace, "productType": item.product_type}]
    return out


def _sections(request: Request) -> set[str]:
    raw = request.query_params.get("includedData", "summaries")
    wanted = {s.strip() for s in raw.split(",") if s.strip()}
    if not wanted <= SECTIONS:
        raise invalid_input(details=f"Unknown includedData: {sorted(wanted - SECTIONS)}")
    return wanted


def _matches(request: Request, state: AmazonState) -> list[CatalogItem]:
    q = request.query_params
    identifiers = [s.strip() for s in q.get("identifiers", "").split(",") if s.strip()]
    keywords = q.get("keywords", "").strip()
    if identifiers and keywords:
        raise invalid_input(details="identifiers and keywords cannot be combined")
    if not identifiers and not keywords:
        raise invalid_input(details="Either identifiers or keywords is required")
    if keywords:
        words = keywords.lower().split()
        return [i for i in state.catalog if all(w in i.title.lower() for w in words)]
    kind = q.get("identifiersType", "")
    if kind not in ID_TYPES or len(identifiers) > 20:
        raise invalid_input(details="identifiersType is required with at most 20 identifiers")
    if kind == "SKU":
        if q.get("sellerId") != state.credentials.seller_id:
            raise invalid_input(details="sellerId is required for identifiersType SKU")
        identifiers = [a for a in map(state.listings.asin_of, identifiers) if a]
        kind = "ASIN"
    wanted = set(identifiers)
    if kind == "ASIN":
        return [i for i in state.catalog if i.asin in wanted]
    return [i for i in state.catalog if i.identifiers.get(kind) in wanted]


async def search_items(request: Request, state: AmazonState) -> Response:
    ids = marketplace_ids(request, most=1)  # exactly one marketplace (§4.4)
    sections = _sections(request)
    size = query_int(request, "pageSize", 10, 1, 20)
    found = _matches(request, state)
    start = read_offset(request.query_params.get("pageToken"))
    page = found[start : start + size]
    body: dict[str, object] = {
        "numberOfResults": len(found),
        "items": [render(i, ids[0], sections) for i in page],
    }
    if start + size < len(found):
        body["pagination"] = {"nextToken": write_offset(start + size)}
    return json_response(body)


async def get_item(request: Request, state: AmazonState) -> Response:
    ids = marketplace_ids(request, most=1)
    asin = request.path_params["asin"]
    item = next((i for i in state.catalog if i.asin == asin), None)
    if item is None:
        raise not_found(f"Requested item, {asin}, not found in marketplace(s) {ids[0]}.")
    return json_response(render(item, ids[0], _sections(request)))


ROUTES = [
    endpoint("GET", "/catalog/2022-04-01/items", search_items, "searchCatalogItems"),
    endpoint("GET", "/catalog/2022-04-01/items/{asin}", get_item, "getCatalogItem"),
]
