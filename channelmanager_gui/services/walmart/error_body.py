"""Read Walmart's error bodies, in all three shapes seen (reference §10), into ``ErrorInfo``.

1. gateway: ``{"error": [{code, field, description, info, ...}]}``;
2. application: ``{"errors": {"error": [..] | {..}}}``;
3. spec/newer docs: ``{"errors": [{code, field, description | message, ...}]}``.
The token endpoint may also answer OAuth-style ``{"error": "invalid_client",
"error_description": ".."}`` **(?)**. A bare 503 from an unreachable gateway has no body.
"""

from __future__ import annotations

import json
from typing import Any

import httpx

from channelmanager_gui.services.http import ErrorInfo

_MESSAGE_KEYS = ("description", "message", "info")


def parse_error_body(response: httpx.Response) -> ErrorInfo:
    """The first error's code and field, and the distinct messages of all errors."""
    try:
        body = json.loads(response.content) if response.content else None
    except ValueError:
        return ErrorInfo()
    entries = [e for e in error_entries(body) if isinstance(e, dict)]
    if not entries:
        return _oauth_style(body)
    messages: list[str] = []
    for entry in entries:
        text = _message(entry)
        if text and text not in messages:
            messages.append(text)
    first = entries[0]
    return ErrorInfo(
        code=_text(first.get("code")),
        field=_text(first.get("field")),
        message="; ".join(messages)[:1000],
    )


def error_entries(body: Any) -> list[Any]:
    """The list of error objects in any of the three shapes (empty if none)."""
    if not isinstance(body, dict):
        return []
    for key in ("errors", "error"):
        value = body.get(key)
        if isinstance(value, dict) and "error" in value:
            value = value["error"]
        if isinstance(value, dict):
            return [value]
        if isinstance(value, list):
            return value
    return []


def is_token_rejection(code: str, status: int | None) -> bool:
    """401 (expired/bad token) or the older 400 ``INVALID_TOKEN.GMP_GATEWAY_API``."""
    return status == 401 or (status == 400 and code.upper().startswith("INVALID_TOKEN"))


def is_content_not_found(code: str) -> bool:
    """404 ``CONTENT_NOT_FOUND.*`` means "nothing matched", e.g. an empty order search."""
    return code.upper().startswith("CONTENT_NOT_FOUND")


def _message(entry: dict[str, Any]) -> str:
    for key in _MESSAGE_KEYS:
        text = _text(entry.get(key))
        if text:
            return text
    return ""


def _oauth_style(body: Any) -> ErrorInfo:
    if isinstance(body, dict) and isinstance(body.get("error"), str):
        description = _text(body.get("error_description")) or _text(body.get("message"))
        return ErrorInfo(code=body["error"], message=description or body["error"])
    if isinstance(body, dict) and isinstance(body.get("message"), str):
        return ErrorInfo(code=_text(body.get("code")), message=body["message"])
    return ErrorInfo()


def _text(value: Any) -> str:
    return "" if value is None or isinstance(value, dict | list) else str(value)
