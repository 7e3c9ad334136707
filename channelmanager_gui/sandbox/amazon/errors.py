"""SP-API error bodies and JSON answers (reference amazon-sp-api.md §1.3).

Every SP-API operation answers errors as ``{"errors": [{"code", "message", "details"}]}``; the
LWA token endpoint is OAuth-shaped instead (§1.1) and has its own ``oauth_error``.
"""

from __future__ import annotations

import json
import uuid
from typing import Any

from starlette.responses import Response

INVALID_INPUT_MESSAGE = (
    "The input you have submitted is not valid. Please check your input and try again."
)
NEXT_TOKEN_MESSAGE = (
    "We could not decode your NextToken. Possible reasons include: a transmission error, "
    "improper quoting or a truncation problem."
)
ACCESS_DENIED = "Access to requested resource is denied."
TOKEN_MISSING = "Access token is missing in the request header."
TOKEN_EXPIRED = "The access token you provided has expired."
TOKEN_INVALID = "The access token you provided is revoked, malformed or invalid."


class SpApiError(Exception):
    """An SP-API error answer; raised anywhere inside a handler, rendered by the gateway."""

    def __init__(self, status: int, code: str, message: str, details: str = "") -> None:
        super().__init__(f"{status} {code}: {message}")
        self.status = status
        self.code = code
        self.message = message
        self.details = details

    def body(self) -> dict[str, Any]:
        return {"errors": [{"code": self.code, "message": self.message, "details": self.details}]}

    def response(self) -> Response:
        return json_response(self.body(), self.status)


def json_response(data: Any, status: int = 200, headers: dict[str, str] | None = None) -> Response:
    raw = json.dumps(data, separators=(",", ":")).encode()
    return Response(raw, status_code=status, headers=headers, media_type="application/json")


def new_request_id() -> str:
    """``x-amzn-RequestId`` is a UUID on every answer (§1.2)."""
    return str(uuid.uuid4())


def invalid_input(message: str = INVALID_INPUT_MESSAGE, details: str = "") -> SpApiError:
    return SpApiError(400, "InvalidInput", message, details)


def bad_next_token() -> SpApiError:
    """The exact 400 Amazon gives for a mangled or unknown NextToken (§1.3, §2.2)."""
    return invalid_input(NEXT_TOKEN_MESSAGE)


def unauthorized(details: str = "") -> SpApiError:
    return SpApiError(403, "Unauthorized", ACCESS_DENIED, details)


def not_found(message: str) -> SpApiError:
    return SpApiError(404, "NOT_FOUND", message)


def quota_exceeded() -> SpApiError:
    return SpApiError(429, "QuotaExceeded", "You exceeded your quota for the requested resource.")


def internal_failure() -> SpApiError:
    return SpApiError(500, "InternalFailure", "We encountered an internal error. Please try again.")


def oauth_error(status: int, error: str, description: str) -> Response:
    """LWA errors are OAuth-style, not SP-API style (§1.1)."""
    return json_response({"error": error, "error_description": description}, status)


def service_unavailable() -> SpApiError:
    """§1.3 lists 503 ("temporary overload; retry") without a code; this one is our own."""
    return SpApiError(503, "ServiceUnavailable", "Service temporarily unavailable. Try again.")


def fault_error_body(status: int) -> tuple[bytes, dict[str, str]]:
    """Body for the shared FaultMiddleware: Amazon's 429 carries no rate header (§2.6)."""
    faults = {429: quota_exceeded, 503: service_unavailable}
    err = faults.get(status, internal_failure)()
    return json.dumps(err.body()).encode(), {"x-amzn-RequestId": new_request_id()}
