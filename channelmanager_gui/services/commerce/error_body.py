"""Read Commerce error answers into the merchant-readable parts the HTTP session raises.

Commerce sends ``{"message", "parameters", "code", "errors", "trace"}`` (reference §10) where
``message`` is often an *unrendered* phrase: ``%fieldName`` is filled from a ``parameters``
object and ``%1`` from a ``parameters`` list. Rendering here, the way Magento's placeholder
renderer does (one pass, longest placeholder first, so ``%10`` is never read as ``%1`` + ``0``),
means the merchant sees the sentence Commerce meant, not a template.

The same 401 answers a missing token, a wrong token and a missing ACL permission, so the
``AuthError`` message names the ACL resource Commerce reported and what to check.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field

import httpx

from channelmanager_gui.errors import NotFoundError
from channelmanager_gui.services.http import ErrorInfo

NO_ROUTE_MESSAGE = "Request does not match any route."
NO_ROUTE_CODE = "no_route"


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
            f"the access token is missing, wrong or expired, or its integration lacks the API "
            f"permission {resource} (Admin > System > Extensions > Integrations > API)"
        )
    return body.message if body else "the access token was refused"


def commerce_error_parser(response: httpx.Response) -> ErrorInfo:
    """Read a Commerce error answer for :class:`HttpSession` (which picks the class by status).

    ``code`` is Commerce's non-zero ``code``, or :data:`NO_ROUTE_CODE` for "Request does not
    match any route."; ``field`` is the ``%fieldName`` the message is about, or for a 401 the
    ACL resource Commerce named.
    """
    body = parse_error_body(response.content)
    if body is None:
        return ErrorInfo()
    if response.status_code == 401:
        resource = body.parameters.get("resources", "")
        return ErrorInfo(code=body.code, field=resource, message=_auth_message(body))
    code = NO_ROUTE_CODE if body.message == NO_ROUTE_MESSAGE else body.code
    message = "\n".join([body.message, *body.sub_errors])
    return ErrorInfo(code=code, field=body.parameters.get("fieldName", ""), message=message)


def is_no_route(exc: BaseException) -> bool:
    """True for Commerce's 404 "Request does not match any route." (wrong URL, or a module,
    such as RMA on Magento Open Source, that is not installed)."""
    return isinstance(exc, NotFoundError) and exc.code == NO_ROUTE_CODE
