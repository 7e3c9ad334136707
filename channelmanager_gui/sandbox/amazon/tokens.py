"""Tokens API ``createRestrictedDataToken`` (reference §1.5) and Sellers
``getMarketplaceParticipations`` (§1.4, the "Test connection" call).

An RDT request lists at most 50 restricted resources, each a ``GET`` of an Orders v0 path,
specific (``/orders/v0/orders/113-…``) or generic (``/orders/v0/orders/{orderId}``), and the
data elements wanted. Without the restricted roles (the sandbox's ``pii_roles`` switch) Amazon
answers the "does not have access" 400.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from starlette.requests import Request
from starlette.responses import Response

from .auth import RDT_SECONDS, Caller
from .errors import invalid_input, json_response
from .http import NA_MARKETPLACES, endpoint, json_body

if TYPE_CHECKING:
    from .state import AmazonState

ELEMENTS = {"buyerInfo", "shippingAddress", "buyerTaxInformation"}
RESTRICTED_PATHS = (
    re.compile(r"^/orders/v0/orders$"),
    re.compile(r"^/orders/v0/orders/[^/]+$"),
    re.compile(r"^/orders/v0/orders/[^/]+/(orderItems|address|buyerInfo|orderItems/buyerInfo)$"),
)
STORE_NAME = "Channel Manager Demo"
SELLER_MARKETS = ("ATVPDKIKX0DER", "A2EUQ1WTGCTBG2")  # the demo seller sells in the US and CA


def _pattern(path: str) -> re.Pattern[str]:
    """A resource path as a pattern: ``{orderId}`` stands for any one order id."""
    return re.compile("^" + re.escape(path).replace(re.escape("{orderId}"), "[^/]+") + "$")


def covers(caller: Caller, path: str, element: str) -> bool:
    """Does this RDT unlock ``element`` on ``path``? (specific or generic path, §1.5)"""
    return caller.kind == "rdt" and any(
        element in r.get("dataElements", []) and _pattern(r["path"]).match(path)
        for r in caller.resources
    )


def _resources(body: Any) -> list[dict[str, Any]]:
    found = body.get("restrictedResources") if isinstance(body, dict) else None
    if not isinstance(found, list) or not 1 <= len(found) <= 50:
        raise invalid_input(details="restrictedResources must list 1 to 50 resources")
    for res in found:
        path = res.get("path") if isinstance(res, dict) else None
        if res.get("method") != "GET" or not isinstance(path, str):
            raise invalid_input(details="Each resource needs method GET and a path")
        concrete = path.replace("{orderId}", "X")
        if not any(p.match(concrete) for p in RESTRICTED_PATHS):
            raise invalid_input(f"Resource {path} is not a restricted resource.")
        elements = res.get("dataElements", [])
        if not isinstance(elements, list) or not set(elements) <= ELEMENTS:
            raise invalid_input(details=f"Unknown dataElements in {elements}")
    return found


async def create_rdt(request: Request, state: AmazonState) -> Response:
    resources = _resources(await json_body(request))
    wanted = sorted({e for r in resources for e in r.get("dataElements", [])})
    if wanted and not state.pii_roles:
        raise invalid_input(
            "Application does not have access to one or more requested data elements: "
            f"[{', '.join(wanted)}]"
        )
    token = state.tokens.issue_rdt(state.now(), resources)
    return json_response({"restrictedDataToken": token, "expiresIn": RDT_SECONDS})


async def participations(request: Request, state: AmazonState) -> Response:
    payload = []
    for mid in SELLER_MARKETS:
        country, name, currency, language, domain = NA_MARKETPLACES[mid]
        payload.append(
            {
                "marketplace": {
                    "id": mid,
                    "countryCode": country,
                    "name": name,
                    "defaultCurrencyCode": currency,
                    "defaultLanguageCode": language,
                    "domainName": domain,
                },
                "participation": {"isParticipating": True, "hasSuspendedListings": False},
                "storeName": STORE_NAME,  # required in the current sellers.json model
            }
        )
    return json_response({"payload": payload})


ROUTES = [
    endpoint(
        "POST", "/tokens/2021-03-01/restrictedDataToken", create_rdt, "createRestrictedDataToken"
    ),
    endpoint(
        "GET",
        "/sellers/v1/marketplaceParticipations",
        participations,
        "getMarketplaceParticipations",
    ),
]
