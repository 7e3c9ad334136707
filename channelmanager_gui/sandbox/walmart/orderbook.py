"""Order storage with the indexes that keep searches fast at 100,000 orders, and the search itself.

Orders sit in a list kept in ``orderDate`` order, so a date range is two bisections. A search
result is remembered under its frozen filters (the cursor carries ``createdEndDate`` of the first
page, like Walmart's does), so following ``nextCursor`` costs one slice per page and pages don't
shift when orders change status or new orders arrive between pages.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right, insort
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import Any
from urllib.parse import urlencode

from .dates import iso_ms, parse_ms
from .errors import bad_param, not_found
from .orderdata import DAY_MS, Order

SERVICE = "GMP_ORDER_API"
DATE_FILTERS = (
    "createdStartDate",
    "createdEndDate",
    "fromExpectedShipDate",
    "toExpectedShipDate",
    "lastModifiedStartDate",
    "lastModifiedEndDate",
)
TEXT_FILTERS = (
    "sku",
    "customerOrderId",
    "purchaseOrderId",
    "status",
    "shipNodeType",
    "productInfo",
    "shippingProgramType",
    "replacementInfo",
    "orderType",
)
RELEASED_DROPS = ("status", "lastModifiedStartDate", "lastModifiedEndDate")


@dataclass
class Page:
    orders: list[Order]
    total: int
    limit: int
    next_cursor: str | None


class OrderBook:
    """All orders of the sandbox. Not thread-safe by itself: WalmartState holds the lock."""

    def __init__(self) -> None:
        self.orders: dict[str, Order] = {}
        self._by_customer: dict[str, list[str]] = {}
        self._seq: list[str] = []
        self._dates: list[int] = []
        self._snapshots: OrderedDict[tuple[object, ...], list[str]] = OrderedDict()

    def add(self, order: Order) -> None:
        self.orders[order.po] = order
        self._by_customer.setdefault(order.customer_order_id, []).append(order.po)
        if not self._dates or order.order_date >= self._dates[-1]:
            self._seq.append(order.po)
            self._dates.append(order.order_date)
        else:
            i = bisect_right(self._dates, order.order_date)
            insort(self._dates, order.order_date)
            self._seq.insert(i, order.po)

    def search(self, params: dict[str, str], released: bool, now: int) -> Page:
        """GET /v3/orders and /v3/orders/released; 404 when nothing matches (reference §3)."""
        limit = _int(params.get("limit", "100"), "limit")
        limit = max(1, min(limit, 200))
        offset = _int(params.get("poIndex", "0"), "poIndex")
        filters = {k: params[k] for k in TEXT_FILTERS if params.get(k)}
        dates = {k: _date(params[k], k) for k in DATE_FILTERS if params.get(k)}
        if released:
            for key in RELEASED_DROPS:
                filters.pop(key, None)
                dates.pop(key, None)
        dates.setdefault("createdEndDate", now)
        if "purchaseOrderId" not in filters and "customerOrderId" not in filters:
            dates.setdefault("createdStartDate", now - 7 * DAY_MS)  # documented default (?)
        snapshot = (released, tuple(sorted(filters.items())), tuple(sorted(dates.items())))
        matches = self._snapshots.get(snapshot)
        if matches is None or offset == 0:
            matches = self._match(filters, dates, released)
            self._remember(snapshot, matches)
        if not matches or offset >= len(matches):
            raise not_found(SERVICE, "No Orders found for given search parameters", shape="orders")
        chunk = [self.orders[po] for po in matches[offset : offset + limit]]
        cursor = None
        if offset + limit < len(matches):
            cursor = _cursor(filters, dates, limit, len(matches), offset + limit, released)
        return Page(chunk, len(matches), limit, cursor)

    def _remember(self, key: tuple[object, ...], matches: list[str]) -> None:
        self._snapshots[key] = matches
        self._snapshots.move_to_end(key)
        while len(self._snapshots) > 16:
            self._snapshots.popitem(last=False)

    def _candidates(self, filters: dict[str, str], dates: dict[str, int]) -> list[str]:
        if "purchaseOrderId" in filters:
            po = filters["purchaseOrderId"]
            return [po] if po in self.orders else []
        if "customerOrderId" in filters:
            return list(self._by_customer.get(filters["customerOrderId"], []))
        lo = bisect_left(self._dates, dates.get("createdStartDate", 0))
        hi = bisect_right(self._dates, dates["createdEndDate"])
        return self._seq[lo:hi]

    def _match(self, filters: dict[str, str], dates: dict[str, int], released: bool) -> list[str]:
        candidates = self._candidates(filters, dates)
        by_id = "purchaseOrderId" in filters or "customerOrderId" in filters
        checks = _checks(filters, dates, released, by_id)
        if not checks:
            return list(candidates)  # the date bisection already is the answer
        orders = self.orders
        return [po for po in candidates if all(check(orders[po]) for check in checks)]


def _checks(
    filters: dict[str, str], dates: dict[str, int], released: bool, by_id: bool
) -> list[Callable[[Order], bool]]:
    checks: list[Callable[[Order], bool]] = []
    if by_id:  # candidates found by id still have to fall inside the created dates
        start, end = dates.get("createdStartDate", 0), dates["createdEndDate"]
        checks.append(lambda o: start <= o.order_date <= end)
    if released:
        checks.append(lambda o: o.has_status("Created"))
    if "status" in filters:
        status = filters["status"]
        checks.append(lambda o: o.has_status(status))
    if "sku" in filters:
        sku = filters["sku"]
        checks.append(lambda o: any(ln.product.sku == sku for ln in o.lines))
    if filters.get("shipNodeType", "SellerFulfilled") != "SellerFulfilled":
        checks.append(lambda o: False)  # every sandbox order is seller fulfilled
    for name, field, low in (
        ("fromExpectedShipDate", "estimatedShipDate", True),
        ("toExpectedShipDate", "estimatedShipDate", False),
    ):
        if name in dates:
            bound = dates[name]
            checks.append(_bound(partial(_ship_info, field=field), bound, low))
    if "lastModifiedStartDate" in dates:
        checks.append(_bound(lambda o: o.last_modified, dates["lastModifiedStartDate"], True))
    if "lastModifiedEndDate" in dates:
        checks.append(_bound(lambda o: o.last_modified, dates["lastModifiedEndDate"], False))
    return checks


def _bound(get: Callable[[Order], int], bound: int, low: bool) -> Callable[[Order], bool]:
    return (lambda o: get(o) >= bound) if low else (lambda o: get(o) <= bound)


def _cursor(
    filters: dict[str, str], dates: dict[str, int], limit: int, total: int, nxt: int, released: bool
) -> str:
    """A complete query string to append to the same path, shaped like Walmart's (reference §3)."""
    query: dict[str, str] = {
        "limit": str(limit),
        "hasMoreElements": "true",
        "soIndex": str(total),
        "poIndex": str(nxt),
        "partnerId": "100009",
        "sellerId": "8",
    }
    query.update({k: iso_ms(v) for k, v in dates.items()})
    query.update(filters)
    if released:
        query["status"] = "Created"
    return "?" + urlencode(query)


def _int(value: str, name: str) -> int:
    try:
        return int(value)
    except ValueError:
        raise bad_param(SERVICE, name, f"{name} must be an integer") from None


def _date(value: str, name: str) -> int:
    try:
        return parse_ms(value)
    except ValueError:
        raise bad_param(SERVICE, name, f"{name} is not a valid date: {value}") from None


def _ship_info(order: Any, field: str) -> Any:
    return order.ship_info[field]
