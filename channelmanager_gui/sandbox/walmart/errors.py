"""Walmart error bodies in the three shapes of reference §10, and the exception carrying them.

Why three shapes: real clients meet all of them, so the sandbox serves each where Walmart does.
- Shape 1, gateway errors (auth, headers, throttling, unknown URI): ``{"error": [ERR]}``.
- Shape 2, application errors of the order API: ``{"errors": {"error": [ERR]}}``.
- Shape 3, the spec form used by items, feeds, inventory, price and returns: ``{"errors": [ERR]}``
  (the OpenAPI files declare ``errors: GatewayError[]`` on those responses).
"""

from __future__ import annotations

import json
import time
from typing import Any

from starlette.responses import Response

GATEWAY = "gateway"
ORDERS = "orders"
FLAT = "flat"

# Category and severity by HTTP status, from the table in reference §10.
_KIND = {
    206: ("APPLICATION", "INFO"),
    404: ("APPLICATION", "INFO"),
    406: ("APPLICATION", "ERROR"),
    423: ("APPLICATION", "ERROR"),
    429: ("REQUEST", "ERROR"),
    500: ("SYSTEM", "ERROR"),
    503: ("SYSTEM", "ERROR"),
    504: ("SYSTEM", "ERROR"),
}


def error_entry(status: int, code: str, field: str, description: str, info: str) -> dict[str, Any]:
    category, severity = _KIND.get(status, ("DATA", "ERROR"))
    return {
        "code": code,
        "field": field,
        "description": description,
        "info": info,
        "severity": severity,
        "category": category,
        "causes": [],
        "errorIdentifiers": {},
    }


def error_body(shape: str, entry: dict[str, Any]) -> dict[str, Any]:
    if shape == GATEWAY:
        return {"error": [entry]}
    if shape == ORDERS:
        return {"errors": {"error": [{**entry, "errorIdentifiers": {"entry": []}}]}}
    return {"errors": [entry]}


class WalmartError(Exception):
    """Raised by handlers and state methods; the endpoint wrapper renders it."""

    def __init__(
        self,
        status: int,
        code: str,
        description: str,
        *,
        field: str = "data",
        info: str = "",
        shape: str = FLAT,
        headers: dict[str, str] | None = None,
    ) -> None:
        super().__init__(f"{status} {code}: {description}")
        self.status = status
        self.entry = error_entry(status, code, field, description, info or description)
        self.shape = shape
        self.headers = headers or {}

    def body(self) -> dict[str, Any]:
        return error_body(self.shape, self.entry)

    def response(self) -> Response:
        return json_response(self.body(), self.status, self.headers)


def json_response(data: Any, status: int = 200, headers: dict[str, str] | None = None) -> Response:
    raw = json.dumps(data, separators=(",", ":")).encode()
    return Response(raw, status_code=status, headers=headers, media_type="application/json")


def order_error(description: str, status: int = 400) -> WalmartError:
    """400 INVALID_REQUEST_CONTENT.GMP_ORDER_API, field "data" (reference §3 state machine)."""
    return WalmartError(
        status,
        "INVALID_REQUEST_CONTENT.GMP_ORDER_API",
        description,
        info="Request content is invalid.",
        shape=ORDERS,
    )


def not_found(service: str, description: str, shape: str = FLAT) -> WalmartError:
    return WalmartError(
        404,
        f"CONTENT_NOT_FOUND.{service}",
        description,
        info="Requested content could not be found.",
        shape=shape,
    )


def bad_param(service: str, field: str, description: str, missing: bool = False) -> WalmartError:
    code = "MISSING_REQUEST_PARAM" if missing else "INVALID_REQUEST_PARAM"
    shape = ORDERS if service == "GMP_ORDER_API" else FLAT
    return WalmartError(400, f"{code}.{service}", description, field=field, shape=shape)


def gateway_error(status: int, code: str, field: str, description: str, info: str) -> WalmartError:
    return WalmartError(
        status, f"{code}.GMP_GATEWAY_API", description, field=field, info=info, shape=GATEWAY
    )


def unauthorized() -> WalmartError:
    return gateway_error(
        401,
        "UNAUTHORIZED",
        "UNAUTHORIZED",
        "Unauthorized",
        "Unauthorized token or incorrect authorization header. Please verify correct format.",
    )


def throttled(replenish_ms: int) -> WalmartError:
    err = gateway_error(
        429,
        "REQUEST_THRESHOLD_VIOLATED",
        "REQUEST_THRESHOLD_VIOLATED",
        "Request threshold violated",
        "Too many requests. The number of requests exceeds the allowed limit.",
    )
    err.headers = {"x-current-token-count": "0", "x-next-replenish-time": str(replenish_ms)}
    return err


def fault_error_body(status: int) -> tuple[bytes, dict[str, str]]:
    """Body for FaultMiddleware: a 429 storm looks like gateway throttling, 500 a system error."""
    if status == 429:
        err = throttled(int(time.time() * 1000) + 1000)
    else:
        err = WalmartError(
            status,
            "SYSTEM_ERROR.GMP_GATEWAY_API",
            "Internal system error",
            field="SYSTEM_ERROR",
            info="System encountered some internal error.",
            shape=ORDERS,
        )
    return json.dumps(err.body()).encode(), dict(err.headers)
