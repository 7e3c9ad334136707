"""Amazon's error bodies into ``ErrorInfo``, and the errors we re-word for a merchant.

SP-API answers ``{"errors": [{"code", "message", "details"?}]}`` (reference §1.3); LWA answers
OAuth-style ``{"error": "invalid_grant", "error_description": ".."}`` (§1.1). Errors are told
apart by HTTP status and ``code``; the ``details`` text is used only as the hint §9 allows: a
403 whose details say the token "expired" is worth one token refresh.
"""

from __future__ import annotations

import json
from typing import Any

import httpx

from channelmanager_gui.errors import ApiError, AuthError
from channelmanager_gui.services.http import ErrorInfo

SERVICE = "Amazon"
# §1.1: the codes Amazon's SDK recognises that mean the stored credentials are wrong.
_BAD_REFRESH_TOKEN = ("invalid_grant",)
_BAD_CLIENT = ("invalid_client", "unauthorized_client")


def parse_error_body(response: httpx.Response) -> ErrorInfo:
    """The first error's code; message and details of every error, distinct, joined."""
    try:
        body = json.loads(response.content) if response.content else None
    except ValueError:
        return ErrorInfo()
    if not isinstance(body, dict):
        return ErrorInfo()
    entries = body.get("errors")
    if isinstance(entries, dict):
        entries = [entries]
    if isinstance(entries, list) and any(isinstance(e, dict) for e in entries):
        return _envelope([e for e in entries if isinstance(e, dict)])
    if isinstance(body.get("error"), str):  # LWA, OAuth-style
        description = _text(body.get("error_description"))
        return ErrorInfo(code=body["error"], message=description or body["error"])
    return ErrorInfo(code=_text(body.get("code")), message=_text(body.get("message")))


def is_expired_token(exc: ApiError) -> bool:
    """403 ``Unauthorized`` whose details say the access token expired (§1.3): refresh once."""
    return exc.status == 403 and "expired" in exc.message.lower()


def denied(exc: ApiError) -> AuthError:
    """A 403 in words a merchant can act on (§1.3, §6.10: draft app, region, role, token)."""
    return AuthError(
        "Amazon denied access to this data. Check that the app is authorized for this seller "
        "account in North America and has the roles it needs; if it was changed recently, "
        f"authorize it again in Seller Central. (Amazon said: {exc.message})",
        status=exc.status,
        code=exc.code,
        correlation_id=exc.correlation_id,
        detail=exc.detail,
    )


def lwa_error(exc: ApiError) -> ApiError:
    """An LWA token refusal in merchant words; other errors unchanged."""
    if exc.code in _BAD_REFRESH_TOKEN:
        message = (
            "Amazon did not accept the refresh token: it was revoked, has expired (an "
            "authorization lasts a year) or was mistyped. Authorize the app again in Seller "
            "Central and paste the new refresh token."
        )
    elif exc.code in _BAD_CLIENT:
        message = (
            "Amazon did not accept the app's LWA client ID or client secret. Copy both again "
            "from the app's page in Seller Central (Develop Apps)."
        )
    else:
        return exc
    return AuthError(
        message,
        status=exc.status,
        code=exc.code,
        correlation_id=exc.correlation_id,
        detail=exc.detail,
    )


def _envelope(entries: list[dict[str, Any]]) -> ErrorInfo:
    parts: list[str] = []
    for entry in entries:
        message, details = _text(entry.get("message")), _text(entry.get("details"))
        text = f"{message} ({details})" if message and details else message or details
        if text and text not in parts:
            parts.append(text)
    return ErrorInfo(code=_text(entries[0].get("code")), message="; ".join(parts)[:1000])


def _text(value: Any) -> str:
    return "" if value is None or isinstance(value, dict | list) else str(value).strip()
