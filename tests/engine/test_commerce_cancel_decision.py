"""The decision about an order cancelled in Commerce, case by case, without a network."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest

from channelmanager_gui.errors import ValidationError
from channelmanager_gui.models.order import Order, OrderLine, Return, Shipment
from channelmanager_gui.services.commerce.sales_models import Order as CommerceOrder
from channelmanager_gui.services.engine.commerce_cancel_decision import (
    Verdict,
    cancelled_in_commerce,
    decide,
    returned_by_line,
)
from channelmanager_gui.services.engine.settings import StoreSettings

REASON = "SELLER_CANCEL_OUT_OF_STOCK"


def local(*lines: tuple[str, str, int, int | None], shipped: int = 0) -> Order:
    """``(line number, sku, qty, commerce item id)`` per line; ``shipped`` units on line 1."""
    order = Order(marketplace_order_id="PO1", store_id=1)
    for number, sku, qty, item_id in lines:
        order.lines.append(
            OrderLine(
                line_number=number, sku=sku, qty_ordered=qty, qty_shipped=0, qty_cancelled=0,
                qty_refunded=0, marketplace_status="Acknowledged", commerce_item_id=item_id,
            )
        )  # fmt: skip
    if shipped:
        order.lines[0].qty_shipped = shipped
        order.shipments.append(Shipment(tracking_number="1Z", ship_date=datetime.now(UTC)))
    return order


def remote(state: str, *items: tuple[int, str, float, float], **qtys: float) -> CommerceOrder:
    """``(item id, sku, qty ordered, qty canceled)`` per item; ``qtys`` (``qty_shipped``,
    ``qty_refunded``) on every item, all invoiced."""
    data: dict[str, Any] = {
        "entity_id": 7,
        "state": state,
        "items": [
            {"item_id": i, "sku": s, "qty_ordered": q, "qty_canceled": c, "qty_invoiced": q} | qtys
            for i, s, q, c in items
        ],
    }
    return CommerceOrder.model_validate(data)


def test_whole_cancel_with_a_default_reason_is_sent() -> None:
    order = local(("1", "A", 2, 11), ("2", "B", 1, 12))
    decision = decide(order, remote("canceled", (11, "A", 2, 2), (12, "B", 1, 1)), REASON)
    assert decision.verdict is Verdict.SEND and decision.reason == REASON
    assert decision.lines == {"1": 2, "2": 1}


def test_without_a_default_reason_it_is_held() -> None:
    order = local(("1", "A", 2, 11))
    decision = decide(order, remote("canceled", (11, "A", 2, 2)), None)
    assert decision.verdict is Verdict.HOLD and decision.reason is None


def test_partly_shipped_is_refused() -> None:
    order = local(("1", "A", 2, 11), shipped=1)
    decision = decide(order, remote("canceled", (11, "A", 2, 1)), REASON)
    assert decision.verdict is Verdict.SHIPPED and decision.lines == {"1": 1}


def test_already_cancelled_on_walmart_is_only_recorded() -> None:
    order = local(("1", "A", 1, 11))
    order.lines[0].marketplace_status = "Cancelled"
    assert decide(order, remote("canceled", (11, "A", 1, 1)), REASON).verdict is Verdict.ALREADY


def test_our_own_cancel_seen_again_is_nothing_new() -> None:
    order = local(("1", "A", 2, 11))
    order.lines[0].qty_cancelled = 2  # cancelled in the app; Commerce echoes it
    assert decide(order, remote("canceled", (11, "A", 2, 2)), REASON).verdict is Verdict.NOTHING


def test_partial_cancel_is_spread_over_lines_of_one_item_by_sku() -> None:
    """Walmart's one line per unit, one Commerce item (matched by SKU: no item id known)."""
    order = local(("1", "A", 1, None), ("2", "A", 1, None), ("3", "A", 1, None))
    order.lines[0].qty_cancelled = 1
    lines = cancelled_in_commerce(order, remote("processing", (11, "a", 3, 2)))
    assert lines == {"2": 1}


def test_credited_unshipped_units_are_a_cancellation() -> None:
    """An invoiced order has no Cancel: the merchant credits its unshipped units (closed)."""
    order = local(("1", "A", 2, 11), ("2", "B", 1, 12))
    credited = remote("closed", (11, "A", 2, 0), (12, "B", 1, 0), qty_refunded=1)
    decision = decide(order, credited, REASON)
    assert decision.verdict is Verdict.SEND and decision.lines == {"1": 1, "2": 1}


def test_our_own_credited_cancel_seen_again_is_nothing_new() -> None:
    order = local(("1", "A", 2, 11))
    order.lines[0].qty_cancelled = 2  # cancelled in the app; its handler credited the order
    assert decide(order, remote("closed", (11, "A", 2, 0), qty_refunded=2), REASON).lines == {}


def test_a_refund_of_returned_units_is_not_a_cancellation() -> None:
    order = local(("1", "A", 2, 11), shipped=1)
    memo = remote("complete", (11, "A", 2, 0), qty_shipped=1, qty_refunded=1)
    assert decide(order, memo, REASON, {"1": 1}).verdict is Verdict.NOTHING
    assert decide(order, memo, REASON).verdict is Verdict.SHIPPED  # the return tells apart


def test_a_refund_beyond_the_returns_counts_only_unshipped_units() -> None:
    order = local(("1", "A", 3, 11), shipped=1)
    memo = remote("closed", (11, "A", 3, 0), qty_shipped=1, qty_refunded=3)
    assert decide(order, memo, REASON, {"1": 1}).lines == {"1": 2}
    assert decide(order, memo, REASON, {"1": 0}).lines == {"1": 2}  # never above unshipped


def test_returned_units_are_those_refunded_or_under_a_credit_memo() -> None:
    order = local(("1", "A", 3, 11), ("2", "B", 2, 12))
    order.lines[1].qty_refunded = 1  # refunded on Walmart
    line = {"line_number": 1, "po_line_number": "1", "sku": "A", "qty": 2}
    covered = Return(status="INITIATED", commerce_creditmemo_id=5, lines=[line])
    open_only = Return(status="INITIATED", lines=[line])
    dropped = Return(status="CANCELLED", commerce_creditmemo_id=6, lines=[line])
    assert returned_by_line(order, [covered, open_only, dropped]) == {"1": 2, "2": 1}


def test_store_default_reason_must_be_a_seller_reason() -> None:
    assert StoreSettings.from_json({"commerce_cancel_reason": REASON}).commerce_cancel_reason
    with pytest.raises(ValidationError):
        StoreSettings.from_json({"commerce_cancel_reason": "CUSTOMER_REQUESTED_SELLER_TO_CANCEL"})
