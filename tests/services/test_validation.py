"""Ship and cancel input checks shared by the dialogs and the command line."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest

from channelmanager_gui.errors import ValidationError
from channelmanager_gui.models.order import Order, OrderLine, Shipment
from channelmanager_gui.services.ops import validation as v

NOW = datetime(2024, 5, 10, 15, 0, tzinfo=UTC)


def make_order(**kw: Any) -> Order:
    order = Order(
        id=7,
        store_id=1,
        marketplace_order_id="1234567890",
        customer_order_id="555",
        order_date=NOW - timedelta(days=1),
        method_code="Standard",
        intent_to_cancel=kw.pop("intent_to_cancel", False),
        commerce_entity_id=kw.pop("commerce_entity_id", 42),
        cancel_reason=None,
    )
    order.lines = [
        OrderLine(line_number="1", sku="A", qty_ordered=3, qty_shipped=1, qty_cancelled=0),
        OrderLine(line_number="2", sku="B", qty_ordered=1, qty_shipped=0, qty_cancelled=0),
    ]
    order.shipments = []
    return order


def ship(order: Order, **kw: Any) -> v.ShipRequest:
    args: dict[str, Any] = {
        "carrier": "UPS",
        "other_carrier": None,
        "method_code": "Standard",
        "tracking_number": "1Z999AA10123456784",
        "tracking_url": None,
        "ship_date": None,
        "lines": {"1": 2, "2": 0},
        "now": NOW,
    }
    args.update(kw)
    return v.validate_shipment(order, **args)


def test_valid_shipment_is_cleaned() -> None:
    request = ship(
        make_order(),
        carrier="fedex",
        tracking_number="  1Z 999 AA1 0123 ",
        method_code="express",
        lines={1: "2", "2": 1},
    )
    assert request.carrier == "FedEx"
    assert request.tracking_number == "1Z999AA10123"
    assert request.method_code == "Express"
    assert request.lines == {"1": 2, "2": 1}
    assert request.ship_date == NOW


def test_other_carrier_needs_name_and_url() -> None:
    order = make_order()
    with pytest.raises(ValidationError) as err:
        ship(order, carrier="Other", other_carrier="  ")
    assert err.value.field == v.FIELD_OTHER_CARRIER
    with pytest.raises(ValidationError) as err:
        ship(order, carrier="Other", other_carrier="Acme Couriers")
    assert err.value.field == v.FIELD_TRACKING_URL
    request = ship(
        order,
        carrier="other",
        other_carrier="Acme  Couriers",
        tracking_url="https://acme.example/t",
    )
    assert (request.carrier, request.other_carrier) == (None, "Acme Couriers")
    # A listed carrier typed under "Other" is sent as the listed one (no URL needed).
    assert ship(order, carrier="Other", other_carrier="usps").carrier == "USPS"


@pytest.mark.parametrize(
    ("kw", "field"),
    [
        ({"tracking_number": ""}, v.FIELD_TRACKING_NUMBER),
        ({"tracking_number": "   "}, v.FIELD_TRACKING_NUMBER),
        ({"tracking_number": "1Z<script>"}, v.FIELD_TRACKING_NUMBER),
        ({"tracking_number": "X" * 41}, v.FIELD_TRACKING_NUMBER),
        ({"tracking_number": "abc"}, v.FIELD_TRACKING_NUMBER),
        ({"carrier": ""}, v.FIELD_CARRIER),
        ({"carrier": "Pony Express"}, v.FIELD_CARRIER),
        ({"method_code": "Teleport"}, v.FIELD_METHOD),
        ({"tracking_url": "ftp://x"}, v.FIELD_TRACKING_URL),
        ({"lines": {"1": 0, "2": 0}}, v.FIELD_LINES),
        ({"lines": {}}, v.FIELD_LINES),
        ({"lines": {"9": 1}}, v.FIELD_LINES),
        ({"lines": {"1": 3}}, v.line_field("1")),
        ({"lines": {"1": -1}}, v.line_field("1")),
        ({"lines": {"1": 1.5}}, v.line_field("1")),
        ({"lines": {"1": True}}, v.line_field("1")),
        ({"ship_date": NOW + timedelta(days=3)}, v.FIELD_SHIP_DATE),
        ({"ship_date": date(2024, 1, 1)}, v.FIELD_SHIP_DATE),
    ],
)
def test_bad_shipment_names_the_field(kw: dict[str, Any], field: str) -> None:
    with pytest.raises(ValidationError) as err:
        ship(make_order(), **kw)
    assert err.value.field == field
    assert err.value.message.startswith(field)


def test_quantity_above_remaining_says_what_is_left() -> None:
    with pytest.raises(ValidationError) as err:
        ship(make_order(), lines={"1": 3})
    assert "2 left to ship" in str(err.value) and "1 shipped" in str(err.value)


def test_duplicate_tracking_number_on_the_order() -> None:
    order = make_order()
    order.shipments = [Shipment(tracking_number="1Z999AA10123456784")]
    with pytest.raises(ValidationError) as err:
        ship(order, tracking_number="1z999aa10123456784")
    assert err.value.field == v.FIELD_TRACKING_NUMBER


def test_buyer_cancel_request_needs_confirmation_to_ship() -> None:
    order = make_order(intent_to_cancel=True)
    with pytest.raises(ValidationError) as err:
        ship(order)
    assert err.value.field == v.FIELD_ORDER
    assert ship(order, override_cancel_request=True).override_cancel_request


def test_can_ship_and_can_cancel() -> None:
    order = make_order(commerce_entity_id=None)
    assert v.can_ship(order)[0] is False and "not in Commerce" in v.can_ship(order)[1]
    order = make_order()
    assert v.can_ship(order) == (True, "")
    assert v.can_cancel(order)[0] is False  # line 1 already shipped one
    order.lines[0].qty_shipped = 0
    assert v.can_cancel(order) == (True, "")
    order.cancel_reason = "SELLER_CANCEL_OUT_OF_STOCK"
    assert v.can_ship(order)[0] is False and v.can_cancel(order)[0] is False


def test_validate_cancel() -> None:
    order = make_order()
    order.lines[0].qty_shipped = 0
    assert v.validate_cancel(order, "Out of stock").reason == "SELLER_CANCEL_OUT_OF_STOCK"
    assert v.validate_cancel(order, " seller_cancel_pricing_error").reason == (
        "SELLER_CANCEL_PRICING_ERROR"
    )
    for reason in ("", None, "CANCEL_BY_SELLER", v.BUYER_CANCEL):
        with pytest.raises(ValidationError) as err:
            v.validate_cancel(order, reason)
        assert err.value.field == v.FIELD_REASON
    order.intent_to_cancel = True
    assert v.validate_cancel(order, v.BUYER_CANCEL).reason == v.BUYER_CANCEL


def test_cancel_after_a_shipment_is_refused() -> None:
    with pytest.raises(ValidationError) as err:
        v.validate_cancel(make_order(), "SELLER_CANCEL_OUT_OF_STOCK")
    assert err.value.field == v.FIELD_ORDER


def test_carrier_choices_start_common_and_end_with_other() -> None:
    assert v.CARRIER_CHOICES[0] == "UPS" and v.CARRIER_CHOICES[-1] == v.OTHER_CARRIER
    assert len(set(v.CARRIER_CHOICES)) == len(v.CARRIER_CHOICES)
