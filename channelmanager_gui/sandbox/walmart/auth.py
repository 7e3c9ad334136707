"""``POST /v3/token`` (client credentials, Basic auth) and ``GET /v3/token/detail`` (§2)."""

from __future__ import annotations

import base64
import binascii
import time
from urllib.parse import parse_qs

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from .errors import WalmartError, gateway_error, json_response, unauthorized
from .http import endpoint
from .state import WalmartState


def _basic(request: Request) -> tuple[str, str] | None:
    header = request.headers.get("Authorization", "")
    if not header.lower().startswith("basic "):
        return None
    try:
        user, _, password = base64.b64decode(header[6:].strip()).decode().partition(":")
    except (binascii.Error, UnicodeDecodeError):
        return None
    return user, password


async def token(request: Request, state: WalmartState) -> Response:
    creds = _basic(request)
    if creds != (request.app.state.client_id, request.app.state.client_secret):
        raise unauthorized()
    form = parse_qs((await request.body()).decode(errors="replace"))
    grant = (form.get("grant_type") or [""])[0]
    if grant != "client_credentials":
        raise WalmartError(
            400,
            "INVALID_REQUEST_PARAM.GMP_GATEWAY_API",
            f"grant_type '{grant}' is not supported; use client_credentials",
            field="grant_type",
            shape="gateway",
        )
    access, ttl = state.run(lambda: state.tokens.issue(time.time()))
    return json_response({"access_token": access, "token_type": "Bearer", "expires_in": ttl})


async def token_detail(request: Request, state: WalmartState) -> Response:
    tok = request.headers.get("WM_SEC.ACCESS_TOKEN")
    found = state.run(lambda: state.tokens.valid(tok, time.time()))
    if found is None:
        raise gateway_error(401, "UNAUTHORIZED", "UNAUTHORIZED", "Unauthorized", "Invalid token")
    return json_response(state.tokens.detail(found))


ROUTES: list[Route] = [
    endpoint("POST", "/v3/token", token, "token", auth=False),
    endpoint("GET", "/v3/token/detail", token_detail, "token"),
]
