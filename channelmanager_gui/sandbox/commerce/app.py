"""The ASGI app: ``/rest[/<store>]/V1/...`` dispatch, Bearer check, Commerce's answers.

Order of checks as in ``Webapi\\Controller\\Rest``: route, then token/ACL (401 naming the
resource), then the ``all`` store refusing GET. Success is always 200 with whatever the method
returns (object, bare number, true/false, JSON string, ``[]``). The whole app sits inside the
shared ``FaultMiddleware``; ``/_sandbox`` admin paths are never faulted.
"""

from __future__ import annotations

import json
import logging
import re
from typing import Any, cast

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Mount, Route

from channelmanager_gui.sandbox.commerce import (
    carts,
    creditmemos,
    directory,
    invoices,
    media,
    orders,
    products,
    rma,
    salable,
    shipments,
    stock,
)
from channelmanager_gui.sandbox.commerce.admin import admin_routes
from channelmanager_gui.sandbox.commerce.errors import (
    ApiError,
    fault_error_body,
    route_not_found,
    unauthorized,
)
from channelmanager_gui.sandbox.commerce.fields import apply_fields, parse_fields
from channelmanager_gui.sandbox.commerce.routing import Call, Router, snake_keys
from channelmanager_gui.sandbox.commerce.state import CommerceState
from channelmanager_gui.sandbox.faults import ASGIApp, FaultConfig, FaultMiddleware

log = logging.getLogger(__name__)
_PATH = re.compile(r"^/rest/(?:(?P<store>[^/]+)/)?V1(?P<rest>/.*)?$")
STORE_CODES = ("default", "all")
_METHODS = ["GET", "POST", "PUT", "DELETE", "PATCH"]


def build_router(flavour: str) -> Router:
    tables = [products, media, stock, salable, carts, orders, invoices, shipments, creditmemos]
    tables.append(directory)
    if flavour == "commerce":
        tables.append(rma)  # Open Source has no RMA module: its routes do not exist
    return Router(route for table in tables for route in table.ROUTES)


def json_response(data: Any, status: int = 200) -> Response:
    body = json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode()
    return Response(body, status, media_type="application/json; charset=utf-8")


class RestEndpoint:
    """Everything under ``/rest``: one Starlette endpoint in front of the ``/V1`` router."""

    def __init__(self, state: CommerceState, token: str) -> None:
        self.state = state
        self.token = token
        self.router = build_router(state.flavour)

    async def endpoint(self, request: Request) -> Response:
        raw = request.scope.get("raw_path") or request.url.path.encode()
        try:
            body = await request.body()
            result = self._handle(request, raw.decode("latin-1").split("?")[0], body)
        except ApiError as error:
            return json_response(error.body(), error.status)
        except Exception:  # any bug must look like Commerce's production 500
            log.exception("commerce sandbox: unhandled error")
            payload, _ = fault_error_body(500)
            return Response(payload, 500, media_type="application/json; charset=utf-8")
        return json_response(result)

    def _authorized(self, request: Request) -> bool:
        scheme, _, value = request.headers.get("authorization", "").partition(" ")
        return scheme.lower() == "bearer" and value.strip() == self.token

    def _handle(self, request: Request, path: str, body: bytes) -> Any:
        found_path = _PATH.match(path)
        if not found_path or (found_path["store"] or "default") not in STORE_CODES:
            raise route_not_found()
        store, method = found_path["store"], request.method
        found = self.router.match(method, found_path["rest"] or "/")
        if found is None:
            raise route_not_found()
        route, params = found
        with self.state.lock:
            self.state.requests[f"{method} {route.template}"] += 1
        if not route.anonymous and not self._authorized(request):
            raise unauthorized(route.resource)
        if not route.anonymous and route.resource in self.state.denied_resources:
            # an integration without this resource gets the same 401 (RequestValidator::
            # checkPermissions, reference §1); nothing of the request is processed
            raise unauthorized(route.resource)
        if store == "all" and method == "GET":
            raise ApiError(400, "Cannot perform GET operation with store code 'all'")
        call = Call(
            self.state, method, params, request.query_params.multi_items(), _decode(body), store
        )
        with self.state.lock:
            result = route.handler(call)
        spec = parse_fields(request.query_params.get("fields", ""))
        return apply_fields(result, spec)


def _decode(body: bytes) -> Any:
    if not body.strip():
        return None
    try:
        return snake_keys(json.loads(body))
    except ValueError:
        raise ApiError(400, "Decoding error.") from None


def build_app(state: CommerceState, token: str, faults: FaultConfig) -> ASGIApp:
    rest = RestEndpoint(state, token)
    app = Starlette(
        routes=[
            Mount("/_sandbox", routes=admin_routes(state, faults)),
            *(
                Route(prefix + "{file:path}", media.media_endpoint(state), methods=["GET"])
                for prefix in media.MEDIA_PREFIXES
            ),
            Route("/{path:path}", rest.endpoint, methods=_METHODS),
        ]
    )
    # Starlette's scope is a MutableMapping; the shared middleware types it as a dict
    return FaultMiddleware(cast(ASGIApp, app), faults, fault_error_body)
