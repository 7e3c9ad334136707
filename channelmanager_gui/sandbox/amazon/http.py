"""The gateway every SP-API operation shares: request id, token check, token bucket, errors
(reference §1.2, §1.3, §2.6).

Handlers are ``async def handler(request, state) -> Response`` functions; ``endpoint`` wraps them
into Starlette routes. The token is checked before the bucket (a gateway must know whose bucket
to charge). A SigV4 ``Authorization`` header, if a client still sends one, is ignored (§1.2).
"""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Any

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from .auth import Caller
from .errors import SpApiError, invalid_input, new_request_id, quota_exceeded, unauthorized

if TYPE_CHECKING:
    from .state import AmazonState

Handler = Callable[[Request, "AmazonState"], Awaitable[Response]]

NA_MARKETPLACES = {
    "ATVPDKIKX0DER": ("US", "Amazon.com", "USD", "en_US", "www.amazon.com"),
    "A2EUQ1WTGCTBG2": ("CA", "Amazon.ca", "CAD", "en_CA", "www.amazon.ca"),
    "A1AM78C64UM0Y8": ("MX", "Amazon.com.mx", "MXN", "es_MX", "www.amazon.com.mx"),
    "A2Q3Y263D00KWC": ("BR", "Amazon.com.br", "BRL", "pt_BR", "www.amazon.com.br"),
}
# A few marketplaces of the EU and FE regions: valid ids, but not on the NA host (§1.4).
OTHER_REGIONS = {
    "A1F83G8C2ARO7P",  # UK
    "A1PA6795UKMFR9",  # DE
    "A13V1IB3VIYZZH",  # FR
    "A1VC38T7YXB528",  # JP
    "A39IBJ37TRP1C6",  # AU
}


def endpoint(method: str, path: str, handler: Handler, operation: str) -> Route:
    async def run(request: Request) -> Response:
        state: AmazonState = request.app.state.amazon
        state.count_request(operation)
        try:
            caller = state.tokens.check(request.headers.get("x-amz-access-token"), state.now())
            if caller.kind == "rdt" and not state.rdt_allowed(operation):
                raise unauthorized()  # an RDT only stands in for LWA on restricted calls (§1.5)
            request.state.caller = caller
            if not state.limiter.take(state.credentials.seller_id, operation):
                state.count_throttled(operation)
                raise quota_exceeded()
            response = await handler(request, state)
        except SpApiError as err:
            response = err.response()
        # Best effort on 2xx, 400 and 404 only, never on 401/403/429 (§1.2).
        if 200 <= response.status_code < 300 or response.status_code in (400, 404):
            response.headers["x-amzn-RateLimit-Limit"] = str(float(state.limiter.rate(operation)))
        response.headers["x-amzn-RequestId"] = new_request_id()
        return response

    return Route(path, run, methods=[method], name=operation)


def caller(request: Request) -> Caller:
    found: Caller = request.state.caller
    return found


def marketplace_ids(
    request: Request, name: str = "marketplaceIds", *, required: bool = True, most: int = 50
) -> list[str]:
    """Comma-joined ids (§1.2): outside NA → 403, unknown → 400 (§5.2)."""
    raw = request.query_params.get(name, "")
    ids = [part.strip() for part in raw.split(",") if part.strip()]
    if not ids and required:
        raise invalid_input(details=f"{name} is required")
    return check_marketplaces(ids, most, name)


def check_marketplaces(ids: list[str], most: int, name: str = "marketplaceIds") -> list[str]:
    if len(ids) > most:
        raise invalid_input(details=f"{name} accepts at most {most} values")
    for mid in ids:
        if mid in OTHER_REGIONS:
            raise SpApiError(
                403,
                "Unauthorized",
                "Access to requested resource is denied.",
                f"The marketplaces you provided are not valid for region: {mid}",
            )
        if mid not in NA_MARKETPLACES:
            raise invalid_input(f"Invalid Marketplace Id: {mid}")
    return ids


async def json_body(request: Request) -> Any:
    raw = await request.body()
    try:
        return json.loads(raw)
    except (ValueError, UnicodeDecodeError):
        raise invalid_input("The request body is not valid JSON.") from None


def query_int(request: Request, name: str, default: int, low: int, high: int) -> int:
    raw = request.query_params.get(name)
    if raw is None:
        return default
    try:
        value = int(raw)
    except ValueError:
        raise invalid_input(details=f"{name} must be an integer") from None
    if not low <= value <= high:
        raise invalid_input(details=f"{name} must be between {low} and {high}")
    return value
