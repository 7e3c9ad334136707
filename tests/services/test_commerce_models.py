"""Parsing Commerce answers: real-world shapes, nulls, and mutated input (hypothesis)."""

from __future__ import annotations

import copy
from datetime import UTC, datetime
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import BaseModel

from channelmanager_gui.errors import MalformedResponseError
from channelmanager_gui.services.commerce.models import Product, parse, parse_timestamp
from channelmanager_gui.services.commerce.sales_models import (
    CreditMemo,
    Order,
    Rma,
    Shipment,
)
from tests.services.commerce_payloads import CREDITMEMO, ORDER, PRODUCT, RMA, SHIPMENT


def test_product_fields() -> None:
    product = parse(Product, PRODUCT, "product")
    assert product.sku == "MUG-001" and product.enabled is True and product.price == 12.5
    assert product.updated_at == datetime(2024, 5, 1, 10, 20, 30, tzinfo=UTC)
    assert product.attribute("upc") == "036000291452"
    assert product.attribute("category_ids") == "3,5"
    assert product.attribute("description") is None  # null attributes are omitted
    assert product.attribute("ean") is None


def test_disabled_product_and_nullable_name() -> None:
    product = parse(Product, {**PRODUCT, "status": 2, "name": None, "price": None}, "product")
    assert product.enabled is False and product.name == "" and product.price is None


def test_order_lifts_shipping_address_from_shipping_assignments() -> None:
    order = parse(Order, ORDER, "order")
    assert order.shipping_address is not None
    assert order.shipping_address.street == ["1 Main St", "Apt 2"]
    assert order.billing_address is not None and order.billing_address.city == "Austin"
    assert order.quote_id == 12 and order.ext_order_id is None
    line = order.item(9)
    assert line is not None and line.qty_ordered == 2 and line.qty_shipped == 1
    assert order.comments[0].comment == "Walmart order 108-1"


def test_order_without_assignments_has_no_shipping_address() -> None:
    order = parse(Order, {**ORDER, "extension_attributes": {"shipping_assignments": []}}, "order")
    assert order.shipping_address is None


def test_shipment_creditmemo_and_rma_with_null_lists() -> None:
    shipment = parse(Shipment, SHIPMENT, "shipment")
    assert shipment.tracks[0].carrier_code == "ups" and shipment.items[0].order_item_id == 9
    memo = parse(CreditMemo, CREDITMEMO, "credit memo")
    assert memo.items[0].qty == 1 and memo.state == 2
    rma = parse(Rma, RMA, "return")
    assert rma.items == [] and rma.comments == [] and rma.tracks == []


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("2024-05-01 10:20:30", datetime(2024, 5, 1, 10, 20, 30, tzinfo=UTC)),
        ("2024-05-01T10:20:30+02:00", datetime(2024, 5, 1, 8, 20, 30, tzinfo=UTC)),
        ("0000-00-00 00:00:00", None),
        (None, None),
        ("", None),
    ],
)
def test_timestamps(raw: str | None, expected: datetime | None) -> None:
    assert parse_timestamp(raw) == expected


def test_missing_required_field_names_it() -> None:
    with pytest.raises(MalformedResponseError) as info:
        parse(Order, {**ORDER, "items": [{"sku": "x"}]}, "order")
    assert info.value.field == "items.0.item_id"


json_scalars = st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=8)
json_values = st.recursive(
    json_scalars,
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3)
    ),
    max_leaves=6,
)


def _mutate(node: Any, data: st.DataObject, depth: int = 0) -> Any:
    roll = data.draw(st.integers(0, 11))
    if roll == 0:
        return data.draw(json_values)
    if isinstance(node, dict):
        out = {}
        for key, value in node.items():
            if data.draw(st.integers(0, 9)) == 0:
                continue  # key dropped
            out[key] = _mutate(value, data, depth + 1)
        return out
    if isinstance(node, list):
        return [_mutate(v, data, depth + 1) for v in node]
    return node


@pytest.mark.parametrize(
    ("model", "sample"),
    [
        (Product, PRODUCT),
        (Order, ORDER),
        (Shipment, SHIPMENT),
        (CreditMemo, CREDITMEMO),
        (Rma, RMA),
    ],
)
@settings(max_examples=60, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(data=st.data())
def test_mutated_answers_parse_or_raise_malformed_only(
    model: type[BaseModel], sample: dict[str, Any], data: st.DataObject
) -> None:
    mutated = _mutate(copy.deepcopy(sample), data)
    try:
        parse(model, mutated, "answer")
    except MalformedResponseError as exc:
        assert exc.field
