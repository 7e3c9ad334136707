"""Admin and inspection API under ``/_sandbox/`` — not an Amazon path: never faulted, no auth.

Tests and the demo drive the buyer's side here (new orders, cancel requests, returns), move the
clock, read state without the API under test, and turn switches: faults, rate limits, token
lifetime, PII roles, a revoked refresh token, delays and feed/report modes.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Awaitable, Callable
from dataclasses import asdict
from typing import Any

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from channelmanager_gui.sandbox.faults import FaultConfig

from .clock import iso
from .errors import SpApiError, json_response
from .jobs import MODES
from .state import AmazonState

SWITCHES = {  # name → (attribute path, type)
    "piiRoles": ("pii_roles", bool),
    "refreshRevoked": ("refresh_revoked", bool),
    "tokenTtl": ("tokens.ttl", float),
    "pendingSeconds": ("pending_seconds", float),
    "listingSeconds": ("listings.delay", float),
    "pageTokenTtl": ("page_tokens.ttl", float),
    "feedSeconds": ("feeds.seconds", float),
    "reportSeconds": ("reports.seconds", float),
    "feedMode": ("feeds.mode", str),
    "reportMode": ("reports.mode", str),
}


class AdminError(Exception):
    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status


async def _body(request: Request) -> dict[str, Any]:
    try:
        data = json.loads(await request.body() or b"{}")
    except ValueError:
        raise AdminError(400, "body must be JSON") from None
    if not isinstance(data, dict):
        raise AdminError(400, "body must be a JSON object")
    return data


def _state(request: Request) -> AmazonState:
    state: AmazonState = request.app.state.amazon
    return state


async def faults(request: Request) -> Response:
    config: FaultConfig = request.app.state.faults
    if request.method == "PUT":
        try:
            config.update(await _body(request))
        except (KeyError, TypeError, ValueError) as exc:
            raise AdminError(400, f"unknown or invalid switch: {exc}") from None
    return json_response(config.public())


async def clock(request: Request) -> Response:
    seconds = (await _body(request)).get("advance", 0)
    if isinstance(seconds, bool) or not isinstance(seconds, int | float) or seconds < 0:
        raise AdminError(400, "advance must be a number of seconds >= 0")
    return json_response({"now": iso(_state(request).clock.advance(float(seconds)))})


async def switches(request: Request) -> Response:
    state = _state(request)
    for name, value in (await _body(request)).items():
        if name not in SWITCHES:
            raise AdminError(400, f"unknown switch: {name}")
        path, kind = SWITCHES[name]
        if not isinstance(value, kind if kind is not float else int | float) or (
            kind is str and value not in MODES
        ):
            raise AdminError(400, f"{name} must be a {kind.__name__}")
        owner_path, _, attr = path.rpartition(".")
        owner = getattr(state, owner_path) if owner_path else state
        setattr(owner, attr, kind(value))
    return json_response({"ok": True})


async def ratelimit(request: Request) -> Response:
    data = await _body(request)
    scale = data.get("scale")
    limits = {k: (float(v[0]), float(v[1])) for k, v in (data.get("limits") or {}).items()}
    _state(request).limiter.configure(None if scale is None else float(scale), limits)
    return json_response({"ok": True})


async def create_order(request: Request) -> Response:
    data = await _body(request)
    lines = data.get("lines")
    if not isinstance(lines, list) or not lines:
        raise AdminError(400, "lines must be a non-empty list of {sku, qty}")
    spec = [(str(line.get("sku")), int(line.get("qty", 1))) for line in lines]
    try:
        order = _state(request).create_order(
            spec, str(data.get("channel", "MFN")), bool(data.get("pending", False))
        )
    except KeyError as exc:
        raise AdminError(400, f"unknown or unpriced SKU: {exc}") from None
    return json_response(
        {"orderId": order.order_id, "orderItemIds": [i.item_id for i in order.items]}
    )


async def get_order(request: Request) -> Response:
    order = _state(request).orders.get(request.path_params["orderId"])
    data = asdict(order)
    data["status"] = order.status
    return Response(json.dumps(data, default=str), media_type="application/json")


async def cancel_request(request: Request) -> Response:
    data = await _body(request)
    order = _state(request).orders.request_cancel(
        request.path_params["orderId"],
        str(data.get("reason", "I no longer need it")),
        data.get("orderItemIds") or (),
    )
    return json_response({"orderId": order.order_id, "lastUpdateDate": iso(order.updated)})


async def offers(request: Request) -> Response:
    return json_response([o.sku for o in _state(request).maker.offers])


async def listings(request: Request) -> Response:
    """What the seller's listings show now (changes due applied): sku → quantity, price, the
    reliability harness's view of Amazon (``harness/amazon_state``)."""
    state = _state(request)
    state.listings.settle()
    shown = {lst.sku: {"quantity": lst.quantity, "price": None if lst.price is None
                       else str(lst.price)} for lst in state.listings.all()}  # fmt: skip
    return json_response(shown)


async def expire_tokens(request: Request) -> Response:
    state = _state(request)
    return json_response({"expired": state.tokens.expire_all(state.now())})


async def stats(request: Request) -> Response:
    state = _state(request)
    data: dict[str, Any] = {"requests": dict(state.requests), "throttled": dict(state.throttled)}
    # Feeds by type: tests tell order feeds (cancellations) from listings feeds (stock, price).
    data["feeds"] = dict(Counter(job.job_type for job in state.feeds.all()))
    data["faults"] = request.app.state.faults.public()["injected"]
    return json_response(data)


def _guard(
    fn: Callable[[Request], Awaitable[Response]],
) -> Callable[[Request], Awaitable[Response]]:
    async def run(request: Request) -> Response:
        try:
            return await fn(request)
        except AdminError as exc:
            return json_response({"error": str(exc)}, exc.status)
        except SpApiError as exc:
            return exc.response()

    return run


ROUTES = [
    Route("/_sandbox/faults", _guard(faults), methods=["GET", "PUT"]),
    Route("/_sandbox/clock", _guard(clock), methods=["POST"]),
    Route("/_sandbox/switches", _guard(switches), methods=["PUT"]),
    Route("/_sandbox/ratelimit", _guard(ratelimit), methods=["PUT"]),
    Route("/_sandbox/orders", _guard(create_order), methods=["POST"]),
    Route("/_sandbox/orders/{orderId}", _guard(get_order), methods=["GET"]),
    Route("/_sandbox/orders/{orderId}/cancel_request", _guard(cancel_request), methods=["POST"]),
    Route("/_sandbox/offers", _guard(offers), methods=["GET"]),
    Route("/_sandbox/listings", _guard(listings), methods=["GET"]),
    Route("/_sandbox/token/expire", _guard(expire_tokens), methods=["POST"]),
    Route("/_sandbox/stats", _guard(stats), methods=["GET"]),
]
