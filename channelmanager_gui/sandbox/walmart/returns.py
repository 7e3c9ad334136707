"""Return endpoints (reference §5): list with filters and cursor, refund a return."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from .errors import json_response
from .http import endpoint, json_body, params
from .state import WalmartState, now_ms

SERVICE = "GMP_RETURNS_API"


async def list_returns(request: Request, state: WalmartState) -> Response:
    query = params(request)
    return json_response(state.run(lambda: state.returns.listing(query)))


async def refund(request: Request, state: WalmartState) -> Response:
    body = await json_body(request, SERVICE)
    return_id = request.path_params["return_id"]
    return json_response(state.run(lambda: state.returns.refund(return_id, body, now_ms())))


ROUTES: list[Route] = [
    endpoint("GET", "/v3/returns", list_returns, "returns"),
    endpoint("POST", "/v3/returns/{return_id}/refund", refund, "return_refund"),
]
