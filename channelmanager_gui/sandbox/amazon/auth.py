"""Login with Amazon (LWA) token exchange and the tokens it issues (reference §1.1, §1.5).

``POST /auth/o2/token`` takes the refresh-token grant as a form (what most clients send) or as
JSON (what Amazon's own Java SDK sends); both are accepted. Access tokens (``Atza|``) live
``expires_in`` seconds of the sandbox clock (configurable; 3600 like Amazon by default);
Restricted Data Tokens (``Atz.sprdt|``) live 3600 s and carry the resources they cover.
"""

from __future__ import annotations

import json
import secrets
import threading
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qsl

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from .errors import (
    TOKEN_EXPIRED,
    TOKEN_INVALID,
    TOKEN_MISSING,
    json_response,
    oauth_error,
    unauthorized,
)

RDT_SECONDS = 3600  # §1.5: {"restrictedDataToken": ..., "expiresIn": 3600}


@dataclass(frozen=True)
class Credentials:
    """The app's client id/secret, the seller's refresh token and merchant token."""

    client_id: str
    client_secret: str
    refresh_token: str
    seller_id: str


@dataclass
class Caller:
    """Who a request comes from: a plain LWA token or an RDT and the resources it covers."""

    kind: str  # "lwa" | "rdt"
    expires: float
    resources: list[dict[str, Any]] = field(default_factory=list)


class TokenStore:
    def __init__(self, ttl: float) -> None:
        self._lock = threading.Lock()
        self.ttl = ttl
        self._tokens: dict[str, Caller] = {}

    def issue(self, now: float) -> str:
        token = "Atza|" + secrets.token_urlsafe(48)
        with self._lock:
            self._tokens[token] = Caller("lwa", now + self.ttl)
        return token

    def issue_rdt(self, now: float, resources: list[dict[str, Any]]) -> str:
        token = "Atz.sprdt|" + secrets.token_urlsafe(48)
        with self._lock:
            self._tokens[token] = Caller("rdt", now + RDT_SECONDS, resources)
        return token

    def expire_all(self, now: float) -> int:
        with self._lock:
            for caller in self._tokens.values():
                caller.expires = min(caller.expires, now)
            return len(self._tokens)

    def check(self, token: str | None, now: float) -> Caller:
        """The caller of a live token, else 403 with the details string of §1.3."""
        if not token or not token.strip():
            raise unauthorized(TOKEN_MISSING)
        with self._lock:
            caller = self._tokens.get(token.strip())
        if caller is None:
            raise unauthorized(TOKEN_INVALID)
        if now >= caller.expires:
            raise unauthorized(TOKEN_EXPIRED)
        return caller


async def _grant_fields(request: Request) -> dict[str, str] | None:
    raw = await request.body()
    if request.headers.get("content-type", "").startswith("application/json"):
        try:
            data = json.loads(raw)
        except ValueError:
            return None
        return {str(k): str(v) for k, v in data.items()} if isinstance(data, dict) else None
    try:
        return dict(parse_qsl(raw.decode(), keep_blank_values=True))
    except UnicodeDecodeError:
        return None


async def token(request: Request) -> Response:
    """The refresh-token grant; errors use the OAuth codes Amazon's SDK knows (§1.1, §5.2)."""
    state = request.app.state.amazon
    creds: Credentials = state.credentials
    fields = await _grant_fields(request)
    if fields is None:
        return oauth_error(400, "invalid_request", "The request body is malformed")
    for name in ("grant_type", "client_id", "client_secret"):
        if not fields.get(name):
            return oauth_error(
                400, "invalid_request", f"The request is missing a required parameter : {name}"
            )
    if fields["grant_type"] != "refresh_token":
        # client_credentials (grantless) exists but no operation of this sandbox needs it.
        return oauth_error(
            400, "unsupported_grant_type", "The authorization grant type is not supported"
        )
    if fields["client_id"] != creds.client_id or fields["client_secret"] != creds.client_secret:
        return oauth_error(401, "invalid_client", "Client authentication failed")
    if fields.get("refresh_token") != creds.refresh_token or state.refresh_revoked:
        return oauth_error(
            400, "invalid_grant", "The request has an invalid grant parameter : refresh_token"
        )
    access = state.tokens.issue(state.clock.now())
    return json_response(
        {
            "access_token": access,
            "refresh_token": creds.refresh_token,
            "token_type": "bearer",
            "expires_in": int(state.tokens.ttl),
        }
    )


ROUTES = [Route("/auth/o2/token", token, methods=["POST"])]
