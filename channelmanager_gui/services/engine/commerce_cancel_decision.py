"""What to do about a marketplace order whose Commerce order lost units to a cancellation.

Pure: it reads the local order (lines, shipments, units returned on the marketplace) and the
Commerce order as read, and says which marketplace lines lost how many units and what to do
about them. Kept apart from the loop (``commerce_cancellations.py``) so every case is
unit-tested without a network.

A unit leaves a Commerce order unshipped in two ways: the admin's Cancel (``qty_canceled``,
only while something is left to invoice) or, once the order is invoiced — every order the app
makes is — a credit memo of the unshipped items (``qty_refunded``). Magento counts both alike:
``Order\\Item::getSimpleQtyToShip`` is ``qty_ordered − qty_shipped − qty_refunded −
qty_canceled`` (magento/magento2, ``app/code/Magento/Sales/Model/Order/Item.php``). A refund
also covers returned goods, which shipped: units the marketplace's returns account for are
taken off the refunded quantity first, and never more than the unshipped units count.

Commerce's cancel carries no reason; Walmart requires one of its five (reference §4). The
merchant picks per store whether a default reason is sent or each cancellation is held until
they choose one — the app never picks a reason by itself. An order that shipped partly is not
cancelled on the marketplace from here (the app cancels whole unshipped orders only, as the
in-app cancel does), and units the marketplace already shows as cancelled are only recorded.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum

from channelmanager_gui.models.order import Order, OrderLine, Return
from channelmanager_gui.services.commerce.sales_models import Order as CommerceOrder
from channelmanager_gui.services.engine.return_handlers import order_line

_CANCELLED_RETURN = frozenset({"CANCELLED", "CANCELED"})


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


def cancelled_in_commerce(
    order: Order, remote: CommerceOrder, returned: Mapping[str, int] | None = None
) -> dict[str, int]:
    """Marketplace line → units Commerce withdrew unshipped that the order does not count yet.

    ``returned`` is marketplace line → units refunded for the marketplace's returns (see the
    module docstring). Several marketplace lines may share one Commerce item (Walmart sends
    one line per unit of a SKU on older orders): the item's withdrawn units beyond what those
    lines already count as cancelled (our own cancel, seen again, is nothing new) are spread
    over them in line order, never above what is still open.
    """
    returned = returned or {}
    groups: dict[int | str, list[OrderLine]] = {}
    for line in order.lines:
        groups.setdefault(_item_key(line, remote), []).append(line)
    out: dict[str, int] = {}
    for key, lines in groups.items():
        back = sum(returned.get(line.line_number, 0) for line in lines)
        withdrawn = _withdrawn_unshipped(remote, key, back)
        extra = withdrawn - sum(line.qty_cancelled for line in lines)
        for line in lines:
            take = max(0, min(extra, line.qty_open))
            if take:
                out[line.line_number] = take
                extra -= take
    return out


def returned_by_line(order: Order, returns: Sequence[Return]) -> dict[str, int]:
    """Marketplace line → units whose refund a marketplace return explains: refunded on
    Walmart (the line's ``qty_refunded``) or under a return that a Commerce credit memo
    already covers (linked by the returns loop), whichever is more."""
    under_memo: dict[str, int] = {}
    for ret in returns:
        if ret.status.upper() in _CANCELLED_RETURN or not (
            ret.commerce_creditmemo_id or ret.marketplace_refunded_at
        ):
            continue
        for ln in ret.lines:
            line = order_line(order, ln)
            if line is not None:
                qty = int(str(ln.get("qty") or 0))
                under_memo[line.line_number] = under_memo.get(line.line_number, 0) + qty
    return {
        line.line_number: max(line.qty_refunded, under_memo.get(line.line_number, 0))
        for line in order.lines
    }


def decide(
    order: Order,
    remote: CommerceOrder,
    default_reason: str | None,
    returned: Mapping[str, int] | None = None,
) -> CancelDecision:
    """The one decision for this order (see the module docstring)."""
    lines = cancelled_in_commerce(order, remote, returned)
    if not lines:
        return CancelDecision(Verdict.NOTHING)
    if order.shipments or any(line.qty_shipped for line in order.lines):
        return CancelDecision(Verdict.SHIPPED, lines)
    by_number = {line.line_number: line for line in order.lines}
    if all(by_number[n].marketplace_status == "Cancelled" for n in lines):
        return CancelDecision(Verdict.ALREADY, lines)
    if default_reason:
        return CancelDecision(Verdict.SEND, lines, default_reason)
    return CancelDecision(Verdict.HOLD, lines)


def _item_key(line: OrderLine, remote: CommerceOrder) -> int | str:
    """The Commerce item a line was created as: by item id, else by SKU."""
    if line.commerce_item_id is not None and remote.item(line.commerce_item_id) is not None:
        return line.commerce_item_id
    return line.sku.casefold()


def _withdrawn_unshipped(remote: CommerceOrder, key: int | str, returned: int) -> int:
    """Whole units of that item cancelled, or refunded beyond the ``returned`` ones, never
    more than never shipped (parent lines only: a configurable's child repeats its parent's
    quantities)."""
    items = [i for i in remote.items if i.parent_item_id is None]
    if isinstance(key, int):
        found = [i for i in items if i.item_id == key]
    else:
        found = [i for i in items if i.sku.casefold() == key]
    unshipped = sum(i.qty_ordered - i.qty_shipped for i in found)
    cancelled = sum(i.qty_canceled for i in found)
    credited = max(0.0, sum(i.qty_refunded for i in found) - returned)
    return int(min(unshipped, cancelled + credited))
