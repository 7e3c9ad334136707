"""Returns (RMA): Adobe Commerce only; Magento Open Source has no ``/V1/returns`` route.

``supports_rma`` asks once and remembers the answer, so the sync can mirror Walmart returns as
RMAs on Adobe Commerce and fall back to credit memos alone on Open Source. A new return carries
what Adobe Commerce requires (issue 15; Adobe's ``RmaWriteTest`` sends the same): the order's own
``store_id`` and ``order_increment_id``, ``date_requested``, and per line the reason, condition
and resolution option ids read from ``/V1/returnsAttributeMetadata`` (``rma_options``, asked
once per client, i.e. per store).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from channelmanager_gui.errors import ChannelError, NotFoundError
from channelmanager_gui.services.commerce.base import CommerceBase
from channelmanager_gui.services.commerce.error_body import is_no_route
from channelmanager_gui.services.commerce.models import parse
from channelmanager_gui.services.commerce.orders import ItemQtys
from channelmanager_gui.services.commerce.rma_options import RmaOptions, parse_options
from channelmanager_gui.services.commerce.sales_models import Order, Rma
from channelmanager_gui.services.commerce.search import SearchCriteria, commerce_timestamp


def rma_body(
    order: Order, items: ItemQtys, requested_at: datetime, options: dict[str, str]
) -> dict[str, Any]:
    """The ``rmaDataObject`` for a new pending return of ``order``."""
    if order.store_id is None:
        raise ChannelError(
            f"Commerce did not say which store view order {order.increment_id} belongs to, "
            "so no return can be opened for it."
        )
    lines = [
        {"order_item_id": item_id, "qty_requested": qty, "status": "pending", **options}
        for item_id, qty in items
    ]
    return {
        "rmaDataObject": {
            "order_id": order.entity_id,
            "order_increment_id": order.increment_id,
            "store_id": order.store_id,
            "date_requested": commerce_timestamp(requested_at),
            "status": "pending",
            "items": lines,
        }
    }


class ReturnsMixin(CommerceBase):
    """Adobe Commerce returns."""

    _rma_supported: bool | None = None
    _rma_options: RmaOptions | None = None

    async def supports_rma(self) -> bool:
        """True on Adobe Commerce; False when the returns route does not exist (cached)."""
        if self._rma_supported is None:
            criteria = SearchCriteria(page_size=1)
            try:
                await self.get(self.path("returns"), "return", criteria.to_params())
            except NotFoundError as exc:
                if not is_no_route(exc):
                    raise
                self._rma_supported = False
            else:
                self._rma_supported = True
        return self._rma_supported

    async def rma_options(self) -> RmaOptions:
        """Reason, condition and resolution options of this shop (read once)."""
        if self._rma_options is None:
            body = await self.get(self.path("returnsAttributeMetadata"), "return attributes")
            self._rma_options = parse_options(body)
        return self._rma_options

    async def create_rma(
        self,
        order: Order,
        items: ItemQtys,
        *,
        requested_at: datetime,
        walmart_reason: str | None = None,
    ) -> Rma:
        """Open a pending return for ``[(order_item_id, qty)]`` of a shipped ``order`` (as read
        with ``get_order``), with option ids chosen by :meth:`RmaOptions.pick`.

        Not retried: a repeat would open a second return; look with ``list_rmas`` first.
        """
        options = (await self.rma_options()).pick(walmart_reason)
        body = rma_body(order, items, requested_at, options)
        answer = await self.call(
            "POST", self.path("returns"), "return", body=body, repeatable=False
        )
        return parse(Rma, answer, "return")

    async def list_rmas(
        self, order_id: int | None = None, requested_since: datetime | None = None
    ) -> list[Rma]:
        """Returns of one order and/or requested since a moment."""
        criteria = SearchCriteria(page_size=100)
        if order_id is not None:
            criteria = criteria.where("order_id", order_id)
        if requested_since is not None:
            criteria = criteria.where("date_requested", requested_since, "gteq")
        return await self.list_models(Rma, self.path("returns"), criteria, "return")

    async def get_rma(self, rma_id: int) -> Rma:
        """One return by id."""
        return await self.get_model(Rma, self.path("returns", rma_id), "return")
