"""Orders: search with cursor paging, read one, and the four line actions (reference §3–§4).

An order search that matches nothing answers 404 ``CONTENT_NOT_FOUND.GMP_ORDER_API``; that is
an empty result, not an error. The next page is ``meta.nextCursor`` (a complete ``?…`` query)
appended to the same path with no other parameters.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from datetime import datetime
from typing import Any

from channelmanager_gui.errors import MalformedResponseError, NotFoundError, ValidationError
from channelmanager_gui.services.http import Priority
from channelmanager_gui.services.walmart.core import Reply, WalmartCore, query_date, segment
from channelmanager_gui.services.walmart.error_body import is_content_not_found
from channelmanager_gui.services.walmart.order_models import Order
from channelmanager_gui.services.walmart.order_requests import (
    CancelLine,
    RefundLine,
    ShipLine,
    cancellation_body,
    refund_body,
    shipment_body,
)

ORDER_STATUSES = ("Created", "Acknowledged", "Shipped", "Delivered", "Cancelled")
ORDERS_KEY = "walmart:orders"
RELEASED_KEY = "walmart:orders.released"
# One key per action: Walmart keeps a bucket of 60/min for each of acknowledge, shipping,
# cancel and refund (reference §11), so a ship clicked during a burst of acknowledgements
# is not spaced behind them.
ACTION_KEYS = {verb: f"walmart:orders.{verb}" for verb in ("acknowledge", "shipping", "cancel",
                                                             "refund")}  # fmt: skip


class OrdersApi(WalmartCore):
    async def iter_orders(
        self,
        created_start: datetime,
        created_end: datetime | None = None,
        status: str | None = None,
        limit: int = 100,
        released: bool = False,
        *,
        priority: Priority = Priority.BACKGROUND,
        on_malformed: Callable[[Any, MalformedResponseError], None] | None = None,
    ) -> AsyncIterator[Order]:
        """Every order created in the window (``released``: only those ready to ship).

        One unreadable order must not hide the others of its page: with ``on_malformed``, it is
        handed over (raw element and error) and the rest go on; without, the error is raised.
        """
        path = "/v3/orders/released" if released else "/v3/orders"
        params = _order_params(created_start, created_end, status, limit, released)
        key = RELEASED_KEY if released else ORDERS_KEY
        async for reply in cursor_pages(self, path, params, "the order list", key, priority):
            reply.dig("list")  # a search answer without its "list" wrapper is malformed
            # ``list.elements`` is required too (orders.json, GET /v3/orders 200); ``order``
            # inside it is not, so an empty ``elements`` is an empty page.
            reply.require(("list", "elements"), ("list", "meta", "totalCount"))
            for raw in reply.list_at("list", "elements", "order"):
                try:
                    order = reply.model(Order, raw)
                except MalformedResponseError as exc:
                    if on_malformed is None:
                        raise
                    on_malformed(raw, exc)
                    continue
                yield order

    async def get_order(
        self, marketplace_order_id: str, *, priority: Priority = Priority.INTERACTIVE
    ) -> Order:
        po = segment(marketplace_order_id, "purchase_order_id")
        what = f"order {marketplace_order_id}"
        reply = await self._call(
            "GET", f"/v3/orders/{po}", what=what, rate_key=ORDERS_KEY, priority=priority
        )
        return reply.model(Order, reply.dig("order"))

    async def acknowledge(
        self, marketplace_order_id: str, *, priority: Priority = Priority.INTERACTIVE
    ) -> Order:
        """Acknowledge every line of the PO. Repeatable: re-acknowledging is allowed (§4)."""
        return await self._action(marketplace_order_id, "acknowledge", None, True, priority)

    async def ship_lines(
        self,
        marketplace_order_id: str,
        lines: list[ShipLine],
        *,
        priority: Priority = Priority.INTERACTIVE,
    ) -> Order:
        """Mark lines shipped with tracking. Sent once: see ``services.http.retry``."""
        body = shipment_body(lines)
        return await self._action(marketplace_order_id, "shipping", body, False, priority)

    async def cancel_lines(
        self,
        marketplace_order_id: str,
        lines: list[CancelLine],
        *,
        priority: Priority = Priority.INTERACTIVE,
    ) -> Order:
        body = cancellation_body(lines)
        return await self._action(marketplace_order_id, "cancel", body, False, priority)

    async def refund_lines(
        self,
        marketplace_order_id: str,
        lines: list[RefundLine],
        *,
        priority: Priority = Priority.INTERACTIVE,
    ) -> Order:
        body = refund_body(marketplace_order_id, lines)
        return await self._action(marketplace_order_id, "refund", body, False, priority)

    async def _action(
        self, po: str, verb: str, body: Any, repeatable: bool, priority: Priority
    ) -> Order:
        path = f"/v3/orders/{segment(po, 'purchase_order_id')}/{verb}"
        reply = await self._call(
            "POST",
            path,
            what=f"{verb} of order {po}",
            rate_key=ACTION_KEYS[verb],
            json=body,
            repeatable=repeatable,
            priority=priority,
        )
        return reply.model(Order, reply.dig("order"))


async def cursor_pages(
    core: WalmartCore,
    path: str,
    params: dict[str, Any],
    what: str,
    rate_key: str,
    priority: Priority,
) -> AsyncIterator[Reply]:
    """Pages of an orders/returns search: ``meta.nextCursor`` appended to ``path`` (§1).

    Orders nest ``meta`` under ``list``; returns have it at the top. A 404 CONTENT_NOT_FOUND
    ends the search (an empty result). A cursor that repeats would loop forever: malformed.
    """
    url, seen = path, set()
    query: dict[str, Any] | None = params
    while True:
        try:
            reply = await core._call("GET", url, what=what, rate_key=rate_key,
                                     params=query, priority=priority)  # fmt: skip
        except NotFoundError as exc:
            if is_content_not_found(exc.code):
                return
            raise
        yield reply
        in_list = isinstance(reply.dig("list", "meta", default=None), dict)
        cursor = reply.cursor_at(*(("list",) if in_list else ()), "meta", "nextCursor")
        if cursor is None:
            return
        if cursor in seen:
            raise reply.malformed("meta.nextCursor", "repeats an earlier page")
        seen.add(cursor)
        url, query = path + (cursor if cursor.startswith("?") else f"?{cursor}"), None


def _order_params(
    start: datetime, end: datetime | None, status: str | None, limit: int, released: bool
) -> dict[str, Any]:
    if not 1 <= limit <= 200:
        raise ValidationError("limit", "must be between 1 and 200")
    params: dict[str, Any] = {"createdStartDate": query_date(start, "created_start")}
    if end is not None:
        params["createdEndDate"] = query_date(end, "created_end")
    if status is not None:
        if released or status not in ORDER_STATUSES:
            raise ValidationError("status", f"must be one of {', '.join(ORDER_STATUSES)}")
        params["status"] = status
    params["limit"] = str(limit)
    return params
