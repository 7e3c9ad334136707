"""Returns (RMA): Adobe Commerce only; Magento Open Source has no ``/V1/returns`` route.

``supports_rma`` asks once and remembers the answer, so the sync can mirror Walmart returns as
RMAs on Adobe Commerce and fall back to credit memos alone on Open Source. The create payload is
the reference's "likely minimal" form (⚠ §9): reason, condition and resolution are EAV option
ids sent as text (?), left out when not given.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from channelmanager_gui.errors import NotFoundError
from channelmanager_gui.services.commerce.base import CommerceBase
from channelmanager_gui.services.commerce.error_body import is_no_route
from channelmanager_gui.services.commerce.models import parse
from channelmanager_gui.services.commerce.orders import ItemQtys
from channelmanager_gui.services.commerce.sales_models import Rma
from channelmanager_gui.services.commerce.search import SearchCriteria


def rma_body(
    order_id: int, items: ItemQtys, store_id: int, options: dict[str, str | None]
) -> dict[str, Any]:
    """The ``rmaDataObject`` for a new pending return (⚠ reference §9)."""
    extra = {k: v for k, v in options.items() if v is not None}
    lines = [
        {"order_item_id": item_id, "qty_requested": qty, "status": "pending", **extra}
        for item_id, qty in items
    ]
    return {
        "rmaDataObject": {
            "order_id": order_id,
            "store_id": store_id,
            "status": "pending",
            "items": lines,
        }
    }


class ReturnsMixin(CommerceBase):
    """Adobe Commerce returns."""

    _rma_supported: bool | None = None

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

    async def create_rma(
        self,
        order_id: int,
        items: ItemQtys,
        *,
        reason: str | None = None,
        condition: str | None = None,
        resolution: str | None = None,
        store_id: int = 1,
    ) -> Rma:
        """Open a pending return for ``[(order_item_id, qty)]`` of a shipped order.

        Not retried: a repeat would open a second return; look with ``list_rmas`` first.
        """
        options = {"reason": reason, "condition": condition, "resolution": resolution}
        body = rma_body(order_id, items, store_id, options)
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
