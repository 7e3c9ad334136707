"""Login with Amazon: a seller's refresh token traded for a one-hour access token (§1.1).

``POST https://api.amazon.com/auth/o2/token`` with a form body (``grant_type=refresh_token``,
``refresh_token``, ``client_id``, ``client_secret``) answers ``access_token`` and ``expires_in``
(3600 s). Minting a token changes nothing, so the call is safe to repeat. Refusals are
OAuth-style (``invalid_grant`` for a revoked or expired authorization, ``invalid_client`` for a
wrong app id or secret) and reach the merchant in words (``errors.lwa_error``). The client
secret, refresh token and every access token are registered for redaction as soon as seen.
"""

from __future__ import annotations

from dataclasses import dataclass

from channelmanager_gui.errors import ApiError, ValidationError
from channelmanager_gui.services.amazon.errors import lwa_error
from channelmanager_gui.services.http import HttpSession, Priority, decode_json, register_secret
from channelmanager_gui.services.walmart.auth import Token

DEFAULT_LIFETIME = 3600.0


@dataclass(frozen=True)
class LwaCredentials:
    """The app's LWA client id and secret plus the seller's refresh token (``Atzr|…``)."""

    client_id: str
    client_secret: str
    refresh_token: str

    def __post_init__(self) -> None:
        for field in ("client_id", "client_secret", "refresh_token"):
            if not (getattr(self, field) or "").strip():
                raise ValidationError(field, "is required to connect to Amazon")
        register_secret(self.client_secret)
        register_secret(self.refresh_token)


async def fetch_access_token(session: HttpSession, url: str, creds: LwaCredentials) -> Token:
    """One token exchange; ``AuthError`` in merchant words when the credentials are refused."""
    form = {
        "grant_type": "refresh_token",
        "refresh_token": creds.refresh_token,
        "client_id": creds.client_id,
        "client_secret": creds.client_secret,
    }
    try:
        response = await session.request(
            "POST",
            url,
            data=form,
            repeatable=True,
            priority=Priority.INTERACTIVE,
            rate_key="lwa.token",
        )
    except ApiError as exc:
        mapped = lwa_error(exc)
        if mapped is exc:
            raise
        raise mapped from exc
    cid = session.correlation_id(response)
    body = decode_json(response, "the Amazon access token", correlation_id=cid)
    value = body.get("access_token") if isinstance(body, dict) else None
    if not isinstance(value, str) or not value:
        raise ApiError(
            "Amazon's login service answered without an access token; try again later",
            status=response.status_code,
            correlation_id=cid,
            detail=f"request id: {cid}",
        )
    register_secret(value)
    return Token(value, token_lifetime(body.get("expires_in")))


def token_lifetime(value: object) -> float:
    """``expires_in`` / ``expiresIn`` seconds; an odd value (text, null, NaN, ≤ 0, over a day)
    falls back to the documented hour rather than a token that never or always expires."""
    try:
        seconds = float(str(value))
    except ValueError:
        return DEFAULT_LIFETIME
    return seconds if 0 < seconds <= 86_400 else DEFAULT_LIFETIME
