"""Reading orders with Orders API v2026-01-01: ``searchOrders`` and ``getOrder`` (§2.5).

One ``searchOrders`` page carries the orders *with their items*, replacing v0's getOrders plus
one getOrderItems per order — the call that usually throttles (§2.6, §6.1). Rules enforced here
rather than discovered as a bare 400 (§2.2, §6.5): exactly one date family (created or last
updated), a ``…Before`` at least two minutes in the past and not before the ``…After``. The
pagination token is opaque and goes back exactly as received, URL-encoded once by httpx (its
``+``, ``/``, ``=`` become ``%2B``, ``%2F``, ``%3D``; §2.2, §6.4).
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from channelmanager_gui.errors import MalformedResponseError, ValidationError
from channelmanager_gui.services.amazon.core import AmazonCore, Reply
from channelmanager_gui.services.amazon.models import Order, parse_when
from channelmanager_gui.services.amazon.wire import iso_utc
from channelmanager_gui.services.http import Priority
from channelmanager_gui.services.walmart.core import segment

ORDERS_PATH = "/orders/2026-01-01/orders"
MIN_BEFORE_AGE = timedelta(minutes=2)
MAX_PAGE = 100
# Items are always embedded (§2.5); these add the address, fulfillment window, totals, buyer
# cancel requests and packages (to check a shipment confirmation whose answer was lost).
DEFAULT_INCLUDED = ("RECIPIENT", "FULFILLMENT", "PROCEEDS", "CANCELLATION", "PACKAGES")
FULFILLED_BY = ("MERCHANT", "AMAZON")
log = logging.getLogger(__name__)


@dataclass(frozen=True)
class OrderPage:
    orders: list[Order]
    next_token: str | None
    last_updated_before: datetime | None
    skipped: list[str]  # ids (or positions) of orders that could not be read, with why


class OrdersApi(AmazonCore):
    async def search_orders(
        self,
        *,
        last_updated_after: datetime | None = None,
        last_updated_before: datetime | None = None,
        created_after: datetime | None = None,
        created_before: datetime | None = None,
        fulfilled_by: str | None = "MERCHANT",
        statuses: tuple[str, ...] = (),
        page_size: int = MAX_PAGE,
        included: tuple[str, ...] = DEFAULT_INCLUDED,
        pagination_token: str | None = None,
        priority: Priority = Priority.BACKGROUND,
    ) -> OrderPage:
        """One page. Incremental sync should use ``last_updated_after`` (§2.2: created dates
        never show later cancellations)."""
        params = self._search_params(
            last_updated_after, last_updated_before, created_after, created_before
        )
        if fulfilled_by is not None:
            if fulfilled_by not in FULFILLED_BY:
                raise ValidationError("fulfilled_by", "must be MERCHANT or AMAZON")
            params["fulfilledBy"] = fulfilled_by
        if not 1 <= page_size <= MAX_PAGE:
            raise ValidationError("page_size", f"must be between 1 and {MAX_PAGE}")
        params["maxResultsPerPage"] = page_size
        params["marketplaceIds"] = ",".join(self.marketplace_ids)  # csv, never repeated keys
        if statuses:
            params["fulfillmentStatuses"] = ",".join(statuses)
        if included:
            params["includedData"] = ",".join(included)
        if pagination_token:
            # Kept with the original filters, as spapi-py does for Orders (§2.2) (?): the
            # v2026 model does not say whether filters may accompany the token.
            params["paginationToken"] = pagination_token
        reply = await self._call("GET", ORDERS_PATH, what="the order search", op="orders.search",
                                 params=params, priority=priority)  # fmt: skip
        return _page(reply)

    async def iter_orders(self, **filters: Any) -> AsyncIterator[OrderPage]:
        """Every page of one search, each token passed back untouched."""
        token: str | None = None
        while True:
            page = await self.search_orders(**filters, pagination_token=token)
            yield page
            if not page.next_token or page.next_token == token:
                return
            token = page.next_token

    async def get_order(
        self, order_id: str, *, included: tuple[str, ...] = DEFAULT_INCLUDED,
        priority: Priority = Priority.BACKGROUND,
    ) -> Order:  # fmt: skip
        """One order with its items (and packages: the state to check after a lost answer)."""
        params = {"includedData": ",".join(included)} if included else None
        reply = await self._call(
            "GET", f"{ORDERS_PATH}/{segment(order_id, 'order_id')}", what=f"order {order_id}",
            op="orders.get", params=params, priority=priority,
        )  # fmt: skip
        value = reply.dig("order", default=None) or reply.data
        return reply.model(Order, value)

    def _search_params(
        self,
        updated_after: datetime | None,
        updated_before: datetime | None,
        created_after: datetime | None,
        created_before: datetime | None,
    ) -> dict[str, Any]:
        updated, created = updated_after or updated_before, created_after or created_before
        if bool(updated) == bool(created):
            raise ValidationError(
                "last_updated_after", "give either the last-updated dates or the created dates"
            )
        after, before, name = (
            (updated_after, updated_before, "lastUpdated")
            if updated
            else (created_after, created_before, "created")
        )
        if after is None:
            raise ValidationError(f"{name}After", "is required with a ‘before’ date")
        params = {f"{name}After": iso_utc(after, f"{name}After")}
        if before is not None:
            now = datetime.fromtimestamp(self.clock.wall(), UTC)
            if before > now - MIN_BEFORE_AGE:
                raise ValidationError(f"{name}Before", "must be at least two minutes in the past")
            if before < after:
                raise ValidationError(f"{name}Before", f"must not be before {name}After")
            params[f"{name}Before"] = iso_utc(before, f"{name}Before")
        return params


def _page(reply: Reply) -> OrderPage:
    """Orders of one page; one unreadable order is skipped with its reason, not the page."""
    # ``orders`` is required (``SearchOrdersResponse.required``): without it the page is
    # malformed, not an empty last page that would end the sync early.
    raw = reply.dig("orders")
    if not isinstance(raw, list):
        raise reply.malformed("orders", "is not a list")
    orders: list[Order] = []
    skipped: list[str] = []
    for index, value in enumerate(raw):
        try:
            orders.append(reply.model(Order, value))
        except MalformedResponseError as exc:
            order_id = value.get("orderId") if isinstance(value, dict) else None
            skipped.append(f"{order_id or f'#{index}'}: {exc}")
            log.warning("skipped an unreadable Amazon order %s (request id %s)",
                        skipped[-1], reply.correlation_id)  # fmt: skip
    token = reply.dig("pagination", "nextToken", default=None)
    if token is not None and not isinstance(token, str):
        raise reply.malformed("pagination.nextToken", "is not text")
    before = parse_when(reply.dig("lastUpdatedBefore", default=None))
    return OrderPage(orders, token or None, before, skipped)
