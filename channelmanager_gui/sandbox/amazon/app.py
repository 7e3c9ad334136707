"""The Amazon sandbox ASGI app: every route, SP-API-shaped 404/405, and the fault middleware."""

from __future__ import annotations

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response

from channelmanager_gui.sandbox.faults import FaultConfig, FaultMiddleware

from . import (
    admin,
    auth,
    catalog,
    documents,
    feeds,
    finances,
    listings,
    orders,
    reports,
    shipping,
    tokens,
)
from .errors import SpApiError, fault_error_body, new_request_id
from .state import AmazonState


async def _http_error(request: Request, exc: Exception) -> Response:
    status = exc.status_code if isinstance(exc, HTTPException) else 500
    if status == 405:
        err = SpApiError(405, "MethodNotAllowed", f"{request.method} is not allowed here.")
    else:
        err = SpApiError(404, "NotFound", f"Resource {request.url.path} is not found.")
    response = err.response()
    response.headers["x-amzn-RequestId"] = new_request_id()
    return response


def build_app(state: AmazonState, faults: FaultConfig) -> FaultMiddleware:
    routes = [
        *auth.ROUTES,
        *orders.ROUTES,
        *shipping.ROUTES,
        *listings.ROUTES,
        *catalog.ROUTES,
        *feeds.ROUTES,
        *finances.ROUTES,
        *reports.ROUTES,
        *tokens.ROUTES,
        *documents.ROUTES,
        *admin.ROUTES,
    ]
    app = Starlette(routes=routes, exception_handlers={404: _http_error, 405: _http_error})
    app.router.redirect_slashes = False
    app.state.amazon = state
    app.state.faults = faults
    return FaultMiddleware(app, faults, fault_error_body)
