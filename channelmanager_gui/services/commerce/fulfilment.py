"""Shipments and offline credit memos: the documents that move quantities and money.

``ship_order`` and ``refund_offline`` are never retried: each call creates a new document, so a
repeat after a lost answer would ship or refund a second time (Commerce checks running totals,
but a partial shipment of a multi-quantity line would simply go through again). After a lost
answer the outbox lists the order's shipments/credit memos to see whether the first one landed.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from channelmanager_gui.services.commerce.base import CommerceBase, as_int
from channelmanager_gui.services.commerce.models import Track
from channelmanager_gui.services.commerce.orders import ItemQtys, item_lines
from channelmanager_gui.services.commerce.sales_models import CreditMemo, Invoice, Order, Shipment
from channelmanager_gui.services.commerce.search import SearchCriteria


def _document_criteria(order_id: int | None, created_since: datetime | None) -> SearchCriteria:
    criteria = SearchCriteria(page_size=100).sort_by("created_at", "ASC")
    if order_id is not None:
        criteria = criteria.where("order_id", order_id)
    if created_since is not None:
        criteria = criteria.where("created_at", created_since, "gteq")
    return criteria


class FulfilmentMixin(CommerceBase):
    """Ship and refund orders, and list what was shipped and refunded."""

    async def ship_order(
        self,
        entity_id: int,
        items: ItemQtys,
        tracks: list[Track],
        *,
        source_code: str | None = None,
    ) -> int:
        """Ship ``[(order_item_id, qty)]`` with tracking numbers; returns the shipment id.

        An empty ``items`` ships everything still shippable (reference §7). Ship the parent
        line of a configurable product. ``source_code`` picks the MSI source in multi-source
        shops. Not retried (see the module docstring).
        """
        body: dict[str, Any] = {
            "items": item_lines(items),
            "notify": False,  # Walmart forbids mailing its buyers; Walmart tells them itself
            "tracks": [t.model_dump() for t in tracks],
        }
        if source_code is not None:
            body["arguments"] = {"extension_attributes": {"source_code": source_code}}
        path = self.path("order", entity_id, "ship")
        answer = await self.call("POST", path, "shipment id", body=body, repeatable=False)
        return as_int(answer, "shipment id")

    async def list_shipments(
        self, order_id: int | None = None, created_since: datetime | None = None
    ) -> list[Shipment]:
        """Shipments of one order and/or created since a moment, oldest first."""
        criteria = _document_criteria(order_id, created_since)
        return await self.list_models(Shipment, self.path("shipments"), criteria, "shipment")

    async def list_orders_changed(
        self, entity_ids: list[int], updated_since: datetime
    ) -> list[Order]:
        """Those of ``entity_ids`` updated since a moment (``gteq``), oldest change first.

        Commerce cannot filter on item quantities, so the caller asks only about its own open
        orders (``in``, 100 ids a call to keep the URL short) and looks at what changed.
        """
        found: list[Order] = []
        for start in range(0, len(entity_ids), 100):
            criteria = (
                SearchCriteria(page_size=100)
                .sort_by("updated_at", "ASC")
                .where("updated_at", updated_since, "gteq")
                .where("entity_id", entity_ids[start : start + 100], "in")
            )
            found += await self.list_models(Order, self.path("orders"), criteria, "order")
        return found

    async def refund_offline(
        self,
        entity_id: int,
        items: ItemQtys,
        return_to_stock: bool = True,
        *,
        shipping_amount: float | None = 0.0,
    ) -> int:
        """Offline credit memo for ``[(order_item_id, qty)]``; returns the credit memo id.

        The order must be invoiced first. ``return_to_stock`` puts the refunded lines back in
        stock (``arguments.extension_attributes.return_to_stock_items``, reference §8).
        ``shipping_amount`` is the shipping to refund (none by default; ``None`` leaves it out,
        and Commerce then refunds all the shipping still refundable, as its credit memo form
        does). Never ``notify``: Walmart forbids mailing its buyers. Not retried.
        """
        extension = {"return_to_stock_items": [i for i, _ in items]} if return_to_stock else {}
        arguments: dict[str, Any] = {
            "adjustment_positive": 0,
            "adjustment_negative": 0,
            "extension_attributes": extension,
        }
        if shipping_amount is not None:
            arguments["shipping_amount"] = shipping_amount
        body = {"items": item_lines(items), "notify": False, "arguments": arguments}
        path = self.path("order", entity_id, "refund")
        answer = await self.call("POST", path, "credit memo id", body=body, repeatable=False)
        return as_int(answer, "credit memo id")

    async def list_creditmemos(
        self, order_id: int | None = None, created_since: datetime | None = None
    ) -> list[CreditMemo]:
        """Credit memos of one order and/or created since a moment, oldest first."""
        criteria = _document_criteria(order_id, created_since)
        path = self.path("creditmemos")
        return await self.list_models(CreditMemo, path, criteria, "credit memo")

    async def list_invoices(self, order_id: int) -> list[Invoice]:
        """Invoices of one order, oldest first (``GET /V1/invoices``, reference §6): read
        before invoicing again, since a second invoice call is never safe to repeat."""
        criteria = _document_criteria(order_id, None)
        return await self.list_models(Invoice, self.path("invoices"), criteria, "invoice")
