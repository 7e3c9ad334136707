"""Returns: search with cursor paging and refund of returned lines (reference §5)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import datetime
from typing import Any

from channelmanager_gui.errors import ValidationError
from channelmanager_gui.services.http import Priority
from channelmanager_gui.services.walmart.core import WalmartCore, query_date, segment
from channelmanager_gui.services.walmart.orders import cursor_pages
from channelmanager_gui.services.walmart.return_models import ReturnOrder, ReturnRefund

RETURN_STATUSES = ("INITIATED", "DELIVERED", "COMPLETED")


class ReturnsApi(WalmartCore):
    async def iter_returns(
        self,
        created_start: datetime | None = None,
        created_end: datetime | None = None,
        status: str | None = None,
        *,
        return_order_id: str | None = None,
        customer_order_id: str | None = None,
        limit: int = 100,
        priority: Priority = Priority.BACKGROUND,
    ) -> AsyncIterator[ReturnOrder]:
        """Return orders matching the filters, following ``meta.nextCursor``."""
        if not 1 <= limit <= 200:
            raise ValidationError("limit", "must be between 1 and 200")
        if status is not None and status not in RETURN_STATUSES:
            raise ValidationError("status", f"must be one of {', '.join(RETURN_STATUSES)}")
        params: dict[str, Any] = {"limit": str(limit)}
        if created_start is not None:
            params["returnCreationStartDate"] = query_date(created_start, "created_start")
        if created_end is not None:
            params["returnCreationEndDate"] = query_date(created_end, "created_end")
        optional = {"status": status, "returnOrderId": return_order_id,
                    "customerOrderId": customer_order_id}  # fmt: skip
        params.update({k: v for k, v in optional.items() if v})
        pages = cursor_pages(self, "/v3/returns", params, "the return list", "walmart:returns",
                             priority)  # fmt: skip
        async for reply in pages:
            # ``meta`` and ``returnOrders`` are required (returns.json, GET /v3/returns 200).
            for raw in reply.required_list("returnOrders", ("meta", "totalCount")):
                yield reply.model(ReturnOrder, raw)

    async def refund_return(
        self,
        return_order_id: str,
        customer_order_id: str,
        lines: list[tuple[int, int]],
        *,
        priority: Priority = Priority.INTERACTIVE,
    ) -> ReturnRefund:
        """Refund ``(return line number, quantity)`` pairs. Money: sent once, never retried."""
        if not lines:
            raise ValidationError("lines", "give at least one return line")
        refund_lines = []
        for number, qty in lines:
            if isinstance(qty, bool) or not isinstance(qty, int) or qty < 1:
                raise ValidationError("quantity", "must be a whole number of at least 1")
            refund_lines.append({
                "returnOrderLineNumber": int(number),
                "quantity": {"unitOfMeasure": "EA", "measurementValue": qty},
            })  # fmt: skip
        body = {"customerOrderId": customer_order_id, "refundLines": refund_lines}
        path = f"/v3/returns/{segment(return_order_id, 'return_order_id')}/refund"
        reply = await self._call(
            "POST",
            path,
            what=f"refund of return {return_order_id}",
            rate_key="walmart:returns.refund",
            json=body,
            repeatable=False,
            priority=priority,
        )
        return reply.model(ReturnRefund, reply.data)
