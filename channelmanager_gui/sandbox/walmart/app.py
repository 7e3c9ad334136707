"""The Walmart sandbox ASGI app: every route, Walmart-shaped 404/405, and the fault middleware."""

from __future__ import annotations

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response

from channelmanager_gui.sandbox.faults import FaultConfig, FaultMiddleware

from . import admin, auth, feeds, inventory_price, items, orders, returns
from .errors import fault_error_body, gateway_error
from .ratelimit import RateLimiter
from .state import WalmartState


async def _http_error(request: Request, exc: Exception) -> Response:
    status = exc.status_code if isinstance(exc, HTTPException) else 500
    if status == 405:
        err = gateway_error(
            405,
            "METHOD_NOT_ALLOWED",
            "METHOD",
            "Method not allowed",
            f"{request.method} is not allowed on {request.url.path}",
        )
    else:
        err = gateway_error(
            404, "URI_NOT_FOUND", "URI", "URI not found", f"No resource at {request.url.path}"
        )
    return err.response()


def build_app(
    state: WalmartState,
    faults: FaultConfig,
    limiter: RateLimiter,
    client_id: str,
    client_secret: str,
) -> FaultMiddleware:
    routes = [
        *auth.ROUTES,
        *orders.ROUTES,
        *items.ROUTES,
        *inventory_price.ROUTES,
        *feeds.ROUTES,
        *returns.ROUTES,
        *admin.ROUTES,
    ]
    app = Starlette(routes=routes, exception_handlers={404: _http_error, 405: _http_error})
    app.router.redirect_slashes = False
    app.state.walmart = state
    app.state.faults = faults
    app.state.limiter = limiter
    app.state.client_id = client_id
    app.state.client_secret = client_secret
    return FaultMiddleware(app, faults, fault_error_body)
