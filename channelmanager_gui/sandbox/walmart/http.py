"""The gateway part every real endpoint shares: request counting, auth and header checks,
rate limiting and error rendering (reference §1, §10, §11).

Handlers are plain ``async def handler(request, state) -> Response`` functions; ``endpoint``
wraps them into Starlette routes. Auth is checked before the bucket, as a gateway must know the
seller before it can charge that seller's bucket; a refused request still gets the rate headers.
"""

from __future__ import annotations

import json
import time
from collections.abc import Awaitable, Callable
from typing import Any

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from .errors import WalmartError, gateway_error, throttled, unauthorized
from .ratelimit import RateLimiter
from .state import WalmartState

Handler = Callable[[Request, WalmartState], Awaitable[Response]]
BucketOf = str | Callable[[Request], str]


def check_headers(request: Request) -> None:
    for name in ("WM_SVC.NAME", "WM_QOS.CORRELATION_ID"):
        if not request.headers.get(name, "").strip():
            raise gateway_error(
                400,
                "MISSING_REQUEST_HEADER",
                name,
                f"Required header {name} is missing",
                "Missing request header.",
            )


def check_token(request: Request, state: WalmartState) -> None:
    """``WM_SEC.ACCESS_TOKEN`` must hold a live token; ``Authorization: Bearer`` is not accepted."""
    token = request.headers.get("WM_SEC.ACCESS_TOKEN")
    if state.run(lambda: state.tokens.valid(token, time.time())) is None:
        raise unauthorized()


def endpoint(
    method: str, path: str, handler: Handler, bucket: BucketOf, auth: bool = True
) -> Route:
    label = f"{method} {path.replace(':path', '')}"

    async def run(request: Request) -> Response:
        state: WalmartState = request.app.state.walmart
        limiter: RateLimiter = request.app.state.limiter
        name = bucket(request) if callable(bucket) else bucket
        state.count_request(label, name)
        headers: dict[str, str] = {}
        try:
            if auth:
                check_token(request, state)
            check_headers(request)
            allowed, headers = limiter.take(name)
            if not allowed:
                state.count_throttled(name)
                raise throttled(int(headers["x-next-replenish-time"]))
            response = await handler(request, state)
        except WalmartError as err:
            if not headers:
                headers = limiter.take(name, consume=False)[1]
            response = err.response()
        for key, value in headers.items():
            response.headers.setdefault(key, value)
        return response

    return Route(path, run, methods=[method], name=label)


async def json_body(request: Request, service: str = "GMP_ORDER_API") -> Any:
    """The JSON body; 400 MALFORMED_REQUEST_CONTENT when it is not JSON."""
    raw = await request.body()
    try:
        return json.loads(raw) if raw.strip() else None
    except (ValueError, UnicodeDecodeError):
        shape = "orders" if service == "GMP_ORDER_API" else "flat"
        raise WalmartError(
            400,
            f"MALFORMED_REQUEST_CONTENT.{service}",
            "The request body is not valid JSON",
            shape=shape,
        ) from None


def params(request: Request) -> dict[str, str]:
    return dict(request.query_params)
