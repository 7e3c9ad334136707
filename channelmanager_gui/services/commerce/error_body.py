"""Turn a Commerce error answer into a typed, merchant-readable :class:`ApiError`.

Commerce sends ``{"message", "parameters", "code", "errors", "trace"}`` (reference §10) where
``message`` is often an *unrendered* phrase: ``%fieldName`` is filled from a ``parameters``
object and ``%1`` from a ``parameters`` list. Rendering here, the way Magento's placeholder
renderer does (one pass, longest placeholder first, so ``%10`` is never read as ``%1`` + ``0``),
means the merchant sees the sentence Commerce meant, not a template.

The same 401 answers a missing token, a wrong token and a missing ACL permission, so the
:class:`AuthError` message names the ACL resource Commerce reported and what to check.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from channelmanager_gui.errors import (
    ApiError,
    AuthError,
    NotFoundError,
    RateLimitError,
    UnavailableError,
)

NO_ROUTE_MESSAGE = "Request does not match any route."
_DETAIL_LIMIT = 2000


class RouteNotFoundError(NotFoundError):
    """404 "Request does not match any route.": wrong base URL, or a module not installed
    (RMA on Magento Open Source), rather than a missing object."""


@dataclass(frozen=True)
class ErrorBody:
    """The parsed, rendered parts of one Commerce error answer."""

    message: str
    parameters: dict[str, str] = field(default_factory=dict)
    code: str = ""
    sub_errors: tuple[str, ...] = ()


def _text(value: object) -> str:
    if isinstance(value, list | tuple):
        return ", ".join(_text(v) for v in value)
    if isinstance(value, bool):
        return "true" if value else "false"
    return "" if value is None else str(value)


def _placeholders(parameters: object) -> dict[str, str]:
    """Map ``%name``/``%1`` placeholders to text; list positions count from 1 (Magento rule)."""
    if isinstance(parameters, Mapping):
        return {f"%{k}": _text(v) for k, v in parameters.items()}
    if isinstance(parameters, list):
        return {f"%{i}": _text(v) for i, v in enumerate(parameters, start=1)}
    return {}


def render_phrase(message: str, parameters: object) -> str:
    """Fill ``%name`` and ``%1`` placeholders in one pass, like PHP ``strtr``."""
    pairs = _placeholders(parameters)
    if not pairs:
        return message
    keys = sorted(pairs, key=len, reverse=True)
    pattern = re.compile("|".join(re.escape(k) for k in keys))
    return pattern.sub(lambda m: pairs[m.group(0)], message)


def _sub_errors(errors: object) -> tuple[str, ...]:
    if not isinstance(errors, list):
        return ()
    out = []
    for item in errors:
        if isinstance(item, Mapping) and isinstance(item.get("message"), str):
            out.append(render_phrase(item["message"], item.get("parameters")))
    return tuple(out)


def parse_error_body(raw: bytes) -> ErrorBody | None:
    """Parse a Commerce error body; ``None`` when it is not one (HTML from a proxy, empty)."""
    try:
        data = json.loads(raw)
    except ValueError:
        return None
    if not isinstance(data, Mapping) or not isinstance(data.get("message"), str):
        return None
    params = data.get("parameters")
    code = data.get("code")
    return ErrorBody(
        message=render_phrase(data["message"], params),
        parameters={k[1:]: v for k, v in _placeholders(params).items()},
        code="" if code in (None, 0, "0", "") else str(code),
        sub_errors=_sub_errors(data.get("errors")),
    )


def _auth_message(body: ErrorBody | None) -> str:
    resource = body.parameters.get("resources", "") if body else ""
    if resource:
        return (
            f"Commerce refused the request: the access token is missing, wrong or expired, or "
            f"its integration lacks the API permission {resource} "
            f"(Admin > System > Extensions > Integrations > API)."
        )
    text = body.message if body else "access denied"
    return f"Commerce refused the access token: {text}"


def _message(status: int, body: ErrorBody | None) -> str:
    if body is None:
        return f"Commerce answered HTTP {status} without an error message."
    lines = [body.message, *body.sub_errors]
    return "\n".join(lines)


def error_from_response(
    status: int,
    raw: bytes,
    *,
    where: str = "",
    retry_after: float | None = None,
) -> ApiError:
    """Build the :class:`ApiError` subclass for a non-2xx Commerce answer.

    ``where`` (``"GET /rest/V1/orders/5"``) goes into ``detail`` with the status and the raw
    body, so a support request has everything; ``message`` stays merchant-readable.
    """
    body = parse_error_body(raw)
    text = raw[:_DETAIL_LIMIT].decode("utf-8", "replace")
    detail = f"HTTP {status} {where}\n{text}".strip()
    code = body.code if body else ""
    field_name = body.parameters.get("fieldName", "") if body else ""
    if status == 429:
        return RateLimitError(
            _message(status, body),
            retry_after=retry_after,
            status=status,
            code=code,
            field=field_name,
            detail=detail,
        )
    cls = _error_class(status, body)
    message = _auth_message(body) if cls is AuthError else _message(status, body)
    return cls(message, status=status, code=code, field=field_name, detail=detail)


def _error_class(status: int, body: ErrorBody | None) -> type[ApiError]:
    if status in (401, 403):
        return AuthError
    if status == 404:
        return RouteNotFoundError if body and body.message == NO_ROUTE_MESSAGE else NotFoundError
    if status >= 500:
        return UnavailableError
    return ApiError
