"""Helpers of the fulfilment tests (ship, cancel, returns): real orders through the orders flow,
remote state read back over HTTP, and a handler wrapper that "kills the process" mid-action."""

from __future__ import annotations

from typing import Any

import httpx
from sqlalchemy import func, select

from channelmanager_gui.models.db import Database
from channelmanager_gui.models.order import Order
from channelmanager_gui.models.outbox import OutboxAction
from channelmanager_gui.sandbox.pair import SandboxPair
from channelmanager_gui.services import ops
from channelmanager_gui.services.engine import fulfilment, orders_flow
from channelmanager_gui.services.engine.engine import SyncEngine
from channelmanager_gui.services.outbox import ActionContext, ActionHandler
from tests.engine.conftest import Admin, orderable_skus

FLOWS = [orders_flow, fulfilment]


class SimulatedCrash(BaseException):
    """Escapes every ``except Exception``: the process died right after a remote call."""


class CrashAfterSend:
    """Wraps a handler: the first ``send`` reaches the remote system, then the process dies."""

    def __init__(self, inner: ActionHandler) -> None:
        self.inner = inner
        self.crashed = False

    async def send(self, ctx: ActionContext) -> dict[str, Any] | None:
        result = await self.inner.send(ctx)
        if not self.crashed:
            self.crashed = True
            raise SimulatedCrash
        return result

    def apply(self, *args: Any) -> None:
        self.inner.apply(*args)

    def failed(self, *args: Any) -> None:
        self.inner.failed(*args)


def skus(pair: SandboxPair, commerce_admin: Admin, count: int, offset: int = 0) -> list[str]:
    """SKUs sold on Walmart and in stock in Commerce (stock topped up to 100)."""
    found = orderable_skus(pair)[offset : offset + count]
    for sku in found:
        commerce_admin.put(f"/products/{sku}", {"qty": 100})
    return found


async def new_order(
    engine: SyncEngine,
    walmart_admin: Admin,
    lines: list[tuple[str, int]],
    *,
    intent_to_cancel: bool = False,
) -> int:
    """A Walmart order imported, acknowledged and created in Commerce; its local id."""
    body = {
        "lines": [{"sku": s, "qty": q} for s, q in lines],
        "intentToCancel": intent_to_cancel,
    }
    po = walmart_admin.post("/orders", body)["purchaseOrderIds"][0]
    summary = await engine.run_once()
    assert summary.ok, summary
    with engine.env.db.session() as session:
        order = session.scalar(select(Order).where(Order.marketplace_order_id == po))
        assert order is not None and order.commerce_entity_id is not None, order
        return order.id


def order(db: Database, order_id: int) -> Order:
    return ops.order_for_action(db, order_id)


def action_count(db: Database) -> int:
    with db.session() as session:
        return int(session.scalar(select(func.count(OutboxAction.id))) or 0)


def walmart_line(walmart_admin: Admin, po: str, number: str) -> dict[str, Any]:
    data = walmart_admin.get(f"/orders/{po}")
    lines = data.get("order", data)["orderLines"]["orderLine"]
    return next(ln for ln in lines if str(ln["lineNumber"]) == number)


def walmart_qty(line: dict[str, Any], status: str, tracking: str | None = None) -> int:
    """Units of a Walmart line in ``status`` (and with that tracking number, if given)."""
    total = 0
    for entry in line["orderLineStatuses"]["orderLineStatus"]:
        info = entry.get("trackingInfo") or {}
        if entry["status"] == status and tracking in (None, info.get("trackingNumber")):
            total += int(entry["statusQuantity"]["amount"])
    return total


def commerce_order(pair: SandboxPair, entity_id: int) -> dict[str, Any]:
    """The order as Commerce's REST API shows it (``GET /V1/orders/{id}``)."""
    response = httpx.get(
        f"{pair.commerce.url}/rest/V1/orders/{entity_id}",
        headers={"Authorization": f"Bearer {pair.commerce.token}"},
        timeout=30,
    )
    response.raise_for_status()
    data: dict[str, Any] = response.json()
    return data


def credit_unshipped(
    commerce_admin: Admin, po: str, units: dict[str, int] | None = None, *, to_stock: bool = True
) -> dict[str, Any]:
    """How a merchant cancels an invoiced order in the Commerce admin: its Cancel is gone
    (``canCancel()`` is false once all is invoiced), so a Credit Memo ("Refund Offline",
    "Return to Stock") of the unshipped units. ``units``: SKU → qty (default: all unshipped).
    Returns the Commerce order after it."""
    remote = commerce_admin.get(f"/orders?ext_order_id={po}")["items"][0]
    entity = remote["entity_id"]
    assert all(i["qty_invoiced"] == i["qty_ordered"] for i in remote["items"])  # invoiced
    assert commerce_admin.post(f"/orders/{entity}/cancel")["canceled"] is False  # no Cancel
    items = []
    for item in remote["items"]:
        unshipped = item["qty_ordered"] - item["qty_shipped"] - item["qty_refunded"]
        qty = unshipped if units is None else units.get(item["sku"], 0)
        if item.get("parent_item_id") is None and qty > 0:
            items.append({"order_item_id": item["item_id"], "qty": qty})
    body = {"items": items, "return_to_stock": to_stock}
    return dict(commerce_admin.post(f"/orders/{entity}/refund", body)["order"])
