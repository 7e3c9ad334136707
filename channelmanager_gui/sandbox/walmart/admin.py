"""Admin and inspection API under ``/_sandbox/`` — not a Walmart path: never faulted, no auth.

Tests and the demo use it to drive the "buyer side" (new orders, returns), to read state without
going through the API under test, and to switch faults, token expiry and rate limits at run time.
"""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable
from typing import Any

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from channelmanager_gui.sandbox.faults import FaultConfig

from .errors import WalmartError, json_response
from .late_release import HOUR_MS
from .ratelimit import RateLimiter
from .state import WalmartState, now_ms

MAX_BULK = 1_000_000


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


def _int(data: dict[str, Any], name: str) -> int:
    value = data.get(name)
    if isinstance(value, bool) or not isinstance(value, int):
        raise AdminError(400, f"{name} must be an integer")
    return value


async def faults(request: Request) -> Response:
    config: FaultConfig = request.app.state.faults
    if request.method == "PUT":
        try:
            config.update(await _body(request))
        except (KeyError, TypeError, ValueError) as exc:
            raise AdminError(400, f"unknown or invalid switch: {exc}") from None
    return json_response(config.public())


async def create_orders(request: Request) -> Response:
    state: WalmartState = request.app.state.walmart
    data = await _body(request)
    if "lines" in data:
        lines = data["lines"]
        if not isinstance(lines, list) or not lines:
            raise AdminError(400, "lines must be a non-empty list of {sku, qty}")
        spec = [(str(ln.get("sku")), int(ln.get("qty", 1))) for ln in lines]
        date, release_at = _late_dates(data)
        pos = [state.create_order(spec, bool(data.get("intentToCancel")), date, release_at)]
    else:
        count = _int(data, "count")
        if not 1 <= count <= MAX_BULK:
            raise AdminError(400, f"count must be between 1 and {MAX_BULK}")
        pos = await run_in_threadpool(state.create_orders, count)
    return json_response({"purchaseOrderIds": pos, "count": len(pos)})


def _late_dates(data: dict[str, Any]) -> tuple[int | None, int | None]:
    """``orderDateHoursAgo`` dates the order back; ``releaseAfterHours`` holds it back until
    that long after its ``orderDate`` (Walmart's payment and fraud review, see late_release)."""
    values = []
    for name in ("orderDateHoursAgo", "releaseAfterHours"):
        value = data.get(name, 0)
        if isinstance(value, bool) or not isinstance(value, int | float) or value < 0:
            raise AdminError(400, f"{name} must be a number of hours >= 0")
        values.append(float(value))
    if not any(values):
        return None, None
    ago, after = values
    date = now_ms() - int(ago * HOUR_MS)
    return date, date + int(after * HOUR_MS)


async def release_order(request: Request) -> Response:
    state: WalmartState = request.app.state.walmart
    return json_response({"purchaseOrderId": state.release_order(request.path_params["po"])})


async def late_orders(request: Request) -> Response:
    """The switch: every ``every``-th new order (0: none) is released ``hours`` after its date."""
    state: WalmartState = request.app.state.walmart
    data = await _body(request)
    every, hours = _int({"every": 0, **data}, "every"), data.get("hours", 6)
    if every < 0 or isinstance(hours, bool) or not isinstance(hours, int | float) or hours < 0:
        raise AdminError(400, "every must be an integer >= 0 and hours a number >= 0")
    state.set_late_release(every, float(hours))
    return json_response({"every": state.late.every, "hours": state.late.hours})


async def get_order(request: Request) -> Response:
    state: WalmartState = request.app.state.walmart
    return json_response(state.order_json(request.path_params["po"], product_info=True))


async def inventory(request: Request) -> Response:
    sku = request.path_params["sku"]
    return json_response({"sku": sku, "quantity": request.app.state.walmart.inventory(sku)})


async def price(request: Request) -> Response:
    sku = request.path_params["sku"]
    return json_response({"sku": sku, "price": request.app.state.walmart.price(sku)})


async def item(request: Request) -> Response:
    return json_response(request.app.state.walmart.item_json(request.path_params["sku"]))


async def returns(request: Request) -> Response:
    data = await _body(request)
    state: WalmartState = request.app.state.walmart
    made = state.issue_return(
        str(data.get("purchaseOrderId")),
        _int(data, "lineNumber"),
        _int(data, "quantity"),
        str(data.get("returnReason", "NO_LONGER_WANTED")),
    )
    return json_response(made)


async def expire_tokens(request: Request) -> Response:
    return json_response({"expired": request.app.state.walmart.expire_tokens()})


async def stats(request: Request) -> Response:
    data = request.app.state.walmart.stats()
    data["faults"] = request.app.state.faults.public()["injected"]
    data["user_agents"] = request.app.state.faults.user_agents()
    return json_response(data)


async def ratelimit(request: Request) -> Response:
    limiter: RateLimiter = request.app.state.limiter
    data = await _body(request)
    scale = data.get("scale")
    if isinstance(scale, bool) or not isinstance(scale, int | float) or scale < 0:
        raise AdminError(400, "scale must be a number >= 0")
    limiter.set_scale(float(scale))
    return json_response({"scale": limiter.scale})


def _guard(
    fn: Callable[[Request], Awaitable[Response]],
) -> Callable[[Request], Awaitable[Response]]:
    async def run(request: Request) -> Response:
        try:
            return await fn(request)
        except AdminError as exc:
            return json_response({"error": str(exc)}, exc.status)
        except WalmartError as exc:
            return exc.response()

    return run


ROUTES: list[Route] = [
    Route("/_sandbox/faults", _guard(faults), methods=["GET", "PUT"]),
    Route("/_sandbox/orders", _guard(create_orders), methods=["POST"]),
    Route("/_sandbox/orders/{po}", _guard(get_order), methods=["GET"]),
    Route("/_sandbox/orders/{po}/release", _guard(release_order), methods=["POST"]),
    Route("/_sandbox/late_orders", _guard(late_orders), methods=["PUT"]),
    Route("/_sandbox/inventory/{sku:path}", _guard(inventory), methods=["GET"]),
    Route("/_sandbox/prices/{sku:path}", _guard(price), methods=["GET"]),
    Route("/_sandbox/items/{sku:path}", _guard(item), methods=["GET"]),
    Route("/_sandbox/returns", _guard(returns), methods=["POST"]),
    Route("/_sandbox/token/expire", _guard(expire_tokens), methods=["POST"]),
    Route("/_sandbox/stats", _guard(stats), methods=["GET"]),
    Route("/_sandbox/ratelimit", _guard(ratelimit), methods=["PUT"]),
]
