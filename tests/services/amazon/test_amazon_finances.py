"""listFinancialEventsByOrderId: existing refunds, read before a refund is ever resent (§3.4).

Payload: ``tests/reference/amazon/finances_order_events.json`` (financesV0.json sandbox answer:
no refunds, other event kinds, a ``NextToken``). The refund event below is built from the
model's ``ShipmentEvent``/``ShipmentItem`` definitions (no public example carries one). An
answer we cannot read must be malformed: "no refunds" would send a second refund.
"""

from __future__ import annotations

import copy
from decimal import Decimal
from typing import Any

import httpx
import pytest

from channelmanager_gui.errors import MalformedResponseError
from channelmanager_gui.services.amazon.wire import dumps_exact

from .fakes import FakeAmazon, make_client
from .reference import payload

ORDER = "114-3941689-8772232"
PATH = f"/finances/v0/orders/{ORDER}/financialEvents"


def _refund_event(amount: Any = Decimal("-17.99")) -> dict[str, Any]:
    return {
        "AmazonOrderId": ORDER,
        "PostedDate": "2026-08-06T10:00:00Z",
        "ShipmentItemAdjustmentList": [{
            "SellerSKU": "MUG-BLK-16OZ",
            "OrderAdjustmentItemId": "52986411826454",
            "OrderItemId": "68828574383266",
            "QuantityShipped": 1,
            "ItemChargeAdjustmentList": [
                {"ChargeType": "Principal",
                 "ChargeAmount": {"CurrencyCode": "USD", "CurrencyAmount": amount}},
                {"ChargeType": "Tax",
                 "ChargeAmount": {"CurrencyCode": "USD", "CurrencyAmount": Decimal("-1.44")}},
            ],
        }],
    }  # fmt: skip


async def _refunded(*pages: Any) -> tuple[FakeAmazon, dict[str, Decimal]]:
    answers = iter(pages)
    fake = FakeAmazon()
    headers = {"Content-Type": "application/json"}
    fake.route("GET", PATH, lambda _r: httpx.Response(200, content=dumps_exact(next(answers)),
                                                      headers=headers))  # fmt: skip
    async with make_client(fake) as client:
        return fake, await client.refunded_items(ORDER)


async def test_amazons_example_has_no_refunds_and_its_next_page_is_read() -> None:
    first = payload("finances_order_events.json")
    second = {"payload": {"FinancialEvents": {"RefundEventList": [_refund_event()]}}}
    fake, refunded = await _refunded(first, second)
    sent = fake.sent("GET", PATH)
    assert len(sent) == 2 and sent[1].url.params["NextToken"] == "Next token value"
    assert refunded["MUG-BLK-16OZ"] == Decimal("19.43")


async def test_a_refund_is_keyed_by_item_ids_and_sku_exactly() -> None:
    body = {"payload": {"FinancialEvents": {"RefundEventList": [_refund_event()]}}}
    _, refunded = await _refunded(body)
    assert refunded == {"52986411826454": Decimal("19.43"), "68828574383266": Decimal("19.43"),
                        "MUG-BLK-16OZ": Decimal("19.43")}  # fmt: skip


async def test_no_events_at_all_is_no_refund() -> None:
    _, refunded = await _refunded({"payload": {"FinancialEvents": {}}})
    assert refunded == {}
    _, refunded = await _refunded({"payload": {"FinancialEvents": {"RefundEventList": None}}})
    assert refunded == {}


@pytest.mark.parametrize(
    ("change", "field"),
    [
        (lambda b: b.pop("payload"), "payload"),
        (lambda b: b["payload"].update(FinancialEvents=[]), "payload.FinancialEvents"),
        (lambda b: b["payload"]["FinancialEvents"].update(RefundEventList={"x": 1}),
         "payload.FinancialEvents.RefundEventList"),
        (lambda b: b["payload"]["FinancialEvents"]["RefundEventList"][0].update(
            ShipmentItemAdjustmentList="MUG"), "ShipmentItemAdjustmentList"),
        (lambda b: _charge(b).update(CurrencyAmount="twelve"), "CurrencyAmount"),
        (lambda b: _charge(b).update(CurrencyAmount=None), "CurrencyAmount"),
        (lambda b: _charge(b).update(CurrencyAmount="NaN"), "CurrencyAmount"),
        (lambda b: b["payload"].update(NextToken=5), "payload.NextToken"),
    ],
)  # fmt: skip
async def test_an_unreadable_answer_is_malformed_not_no_refund(change: Any, field: str) -> None:
    body = {"payload": {"FinancialEvents": {"RefundEventList": [_refund_event()]}}}
    body = copy.deepcopy(body)
    change(body)
    with pytest.raises(MalformedResponseError) as caught:
        await _refunded(body)
    assert field in caught.value.field


def _charge(body: dict[str, Any]) -> dict[str, Any]:
    event = body["payload"]["FinancialEvents"]["RefundEventList"][0]
    return event["ShipmentItemAdjustmentList"][0]["ItemChargeAdjustmentList"][0]["ChargeAmount"]


async def test_amounts_sent_as_text_or_whole_numbers_are_exact() -> None:
    body = {"payload": {"FinancialEvents": {"RefundEventList": [_refund_event("-17.99")]}}}
    _, refunded = await _refunded(body)
    assert refunded["MUG-BLK-16OZ"] == Decimal("19.43")
    body = {"payload": {"FinancialEvents": {"RefundEventList": [_refund_event(-18)]}}}
    _, refunded = await _refunded(body)
    assert refunded["MUG-BLK-16OZ"] == Decimal("19.44")
