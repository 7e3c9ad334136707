"""Turn HTTP answers into JSON values or typed errors.

Service clients supply an ``ErrorParser`` that reads their own error body shapes into an
``ErrorInfo``; the status code alone picks the error class, never the message text.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import httpx

from channelmanager_gui.errors import (
    ApiError,
    AuthError,
    MalformedResponseError,
    NotFoundError,
    RateLimitError,
    UnavailableError,
)
from channelmanager_gui.services.http.redact import redact

DETAIL_BODY_LIMIT = 4000


@dataclass(frozen=True)
class ErrorInfo:
    """What an error body says: a code, the field it is about, a human message."""

    code: str = ""
    field: str = ""
    message: str = ""


ErrorParser = Callable[[httpx.Response], ErrorInfo]


def decode_json(
    response: httpx.Response,
    what: str,
    *,
    correlation_id: str = "",
    parse_float: Callable[[str], Any] | None = None,
) -> Any:
    """The JSON body of ``response``; ``MalformedResponseError`` naming ``what`` and the flaw.

    ``parse_float=Decimal`` reads numbers with a fraction as exact decimals (amounts) instead
    of floats, straight from their text."""
    content = response.content
    if not content.strip():
        raise _malformed(response, what, "the answer was empty", correlation_id)
    try:
        return json.loads(content, parse_float=parse_float)
    except UnicodeDecodeError as exc:
        reason = f"the answer is not text ({exc.reason})"
        raise _malformed(response, what, reason, correlation_id) from exc
    except json.JSONDecodeError as exc:
        truncated = exc.msg.startswith("Unterminated") or exc.pos >= len(exc.doc.rstrip())
        cut = " (it looks cut short)" if truncated else ""
        reason = f"the answer is not valid JSON: {exc.msg} at character {exc.pos}{cut}"
        raise _malformed(response, what, reason, correlation_id) from exc


def default_error_parser(response: httpx.Response) -> ErrorInfo:
    """Best effort for bodies like ``{"message": ..}`` or ``{"error": ..}``; empty if not JSON."""
    try:
        body = json.loads(response.content or b"null")
    except ValueError:
        return ErrorInfo()
    if isinstance(body, dict):
        message = body.get("message") or body.get("error_description") or body.get("error")
        return ErrorInfo(code=str(body.get("code", "") or ""), message=str(message or ""))
    return ErrorInfo()


def error_for_response(
    response: httpx.Response,
    info: ErrorInfo,
    *,
    service: str,
    correlation_id: str,
    retry_after: float | None = None,
) -> ApiError:
    """The typed error for a non-2xx answer, with a merchant-readable message."""
    status = response.status_code
    text = info.message or response.reason_phrase or "no explanation given"
    kw: dict[str, Any] = {
        "status": status,
        "code": info.code,
        "field": info.field,
        "correlation_id": correlation_id,
        "detail": response_detail(response, correlation_id),
    }
    if status in (401, 403):
        return AuthError(f"{service} refused our credentials: {text}", **kw)
    if status == 404:
        return NotFoundError(f"{service} could not find it: {text}", **kw)
    if status == 429:
        message = f"{service} asks us to slow down; try again in a moment"
        return RateLimitError(message, retry_after=retry_after, **kw)
    if status >= 500:
        message = f"{service} is having trouble right now (HTTP {status}): {text}"
        return UnavailableError(message, maybe_sent=True, **kw)
    if 300 <= status < 400:
        where = response.headers.get("location", "elsewhere")
        message = f"{service} redirected us to {where}; check the address in Settings"
        return ApiError(message, **kw)
    return ApiError(f"{service} refused the request: {text}", **kw)


def response_detail(response: httpx.Response, correlation_id: str) -> str:
    """Status, request line, correlation id and (redacted, shortened) body for support."""
    request = response.request
    body = redact(response.text[:DETAIL_BODY_LIMIT]) if response.content else ""
    return (
        f"HTTP {response.status_code} {request.method} {redact(str(request.url))}\n"
        f"correlation id: {correlation_id}\n{body}"
    ).rstrip()


def _malformed(
    response: httpx.Response, what: str, reason: str, correlation_id: str
) -> MalformedResponseError:
    return MalformedResponseError(
        f"Unexpected answer for {what}: {reason}",
        status=response.status_code,
        field=what,
        correlation_id=correlation_id,
        detail=response_detail(response, correlation_id),
    )
