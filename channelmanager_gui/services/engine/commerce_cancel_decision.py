"""What to do about a marketplace order whose Commerce order lost units to a cancellation.

Pure: it reads the local order (lines, shipments) and the Commerce order as read, and says
which marketplace lines lost how many units and what to do about them. Kept apart from the loop
(``commerce_cancellations.py``) so every case is unit-tested without a network.

Commerce's cancel carries no reason; Walmart requires one of its five (reference §4). The
merchant picks per store whether a default reason is sent or each cancellation is held until
they choose one — the app never picks a reason by itself. An order that shipped partly is not
cancelled on the marketplace from here (the app cancels whole unshipped orders only, as the
in-app cancel does), and units the marketplace already shows as cancelled are only recorded.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from channelmanager_gui.models.order import Order, OrderLine
from channelmanager_gui.services.commerce.sales_models import Order as CommerceOrder


class Verdict(StrEnum):
    NOTHING = "known"  # no unit cancelled in Commerce that we do not know of
    SEND = "sent"  # queue the marketplace cancellation with the store's default reason
    HOLD = "held"  # wait for the merchant to choose the reason
    SHIPPED = "refused"  # part of the order shipped: not cancelled on the marketplace
    ALREADY = "already"  # the marketplace has these units cancelled already: record only


@dataclass(frozen=True)
class CancelDecision:
    verdict: Verdict
    lines: dict[str, int] = field(default_factory=dict)  # marketplace line → newly cancelled
    reason: str | None = None  # the reason to send (SEND only)

    @property
    def units(self) -> int:
        return sum(self.lines.values())


def cancelled_in_commerce(order: Order, remote: CommerceOrder) -> dict[str, int]:
    """Marketplace line → units Commerce cancelled that the order does not count yet.

    Several marketplace lines may share one Commerce item (Walmart sends one line per unit
    of a SKU on older orders): the item's ``qty_canceled`` beyond what those lines already
    count as cancelled is spread over them in line order, never above what is still open.
    """
    groups: dict[int | str, list[OrderLine]] = {}
    for line in order.lines:
        groups.setdefault(_item_key(line, remote), []).append(line)
    out: dict[str, int] = {}
    for key, lines in groups.items():
        cancelled = _commerce_cancelled(remote, key)
        extra = cancelled - sum(line.qty_cancelled for line in lines)
        for line in lines:
            take = max(0, min(extra, line.qty_open))
            if take:
                out[line.line_number] = take
                extra -= take
    return out


def decide(order: Order, remote: CommerceOrder, default_reason: str | None) -> CancelDecision:
    """The one decision for this order (see the module docstring)."""
    lines = cancelled_in_commerce(order, remote)
    if not lines:
        return CancelDecision(Verdict.NOTHING)
    if order.shipments or any(line.qty_shipped for line in order.lines):
        return CancelDecision(Verdict.SHIPPED, lines)
    by_number = {line.line_number: line for line in order.lines}
    if all(by_number[n].walmart_status == "Cancelled" for n in lines):
        return CancelDecision(Verdict.ALREADY, lines)
    if default_reason:
        return CancelDecision(Verdict.SEND, lines, default_reason)
    return CancelDecision(Verdict.HOLD, lines)


def _item_key(line: OrderLine, remote: CommerceOrder) -> int | str:
    """The Commerce item a line was created as: by item id, else by SKU."""
    if line.commerce_item_id is not None and remote.item(line.commerce_item_id) is not None:
        return line.commerce_item_id
    return line.sku.casefold()


def _commerce_cancelled(remote: CommerceOrder, key: int | str) -> int:
    """Whole units cancelled on that item (parent lines only: a configurable's child
    repeats its parent's quantities)."""
    items = [i for i in remote.items if i.parent_item_id is None]
    if isinstance(key, int):
        found = [i for i in items if i.item_id == key]
    else:
        found = [i for i in items if i.sku.casefold() == key]
    return int(sum(i.qty_canceled for i in found))
