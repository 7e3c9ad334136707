"""confirmShipment per package: body, validation, carrier codes, maybe-sent semantics (§3.2)."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import httpx
import pytest

from channelmanager_gui.errors import UnavailableError, ValidationError
from channelmanager_gui.services.amazon import PackageLine, ShipPackage, carrier_code

from .fakes import US, FakeAmazon, errors, make_client

ORDER = "113-4471892-0031557"
CONFIRM = f"/orders/v0/orders/{ORDER}/shipmentConfirmation"


def _package(reference: str = "1", carrier: str = "ups") -> ShipPackage:
    return ShipPackage(
        package_reference_id=reference,
        carrier=carrier,
        tracking_number="1Z999AA10123456784",
        ship_date=datetime(2026, 8, 5, 16, 30, tzinfo=UTC),
        lines=(PackageLine("40873516255061", 2),),
        shipping_method="UPS Ground",
    )


async def test_confirm_sends_the_reference_body_and_accepts_204() -> None:
    fake = FakeAmazon()
    fake.route("POST", CONFIRM, lambda _r: httpx.Response(204))
    async with make_client(fake) as client:
        request_id = await client.confirm_shipment(ORDER, _package(), marketplace_id=US)
    sent = fake.sent("POST", CONFIRM)[0]
    assert request_id.startswith("req-")
    assert sent.headers["content-type"] == "application/json"
    assert json.loads(sent.content) == {
        "marketplaceId": "ATVPDKIKX0DER",
        "packageDetail": {
            "packageReferenceId": "1",
            "carrierCode": "UPS",
            "carrierName": "UPS",
            "trackingNumber": "1Z999AA10123456784",
            "shipDate": "2026-08-05T16:30:00Z",
            "shippingMethod": "UPS Ground",
            "orderItems": [{"orderItemId": "40873516255061", "quantity": 2}],
        },
    }


@pytest.mark.parametrize("status", [500, 503])
async def test_ambiguous_failure_is_not_resent(status: int) -> None:
    fake = FakeAmazon()
    fake.route("POST", CONFIRM, errors("InternalFailure", "We encountered an internal error."),
               status=status)  # fmt: skip
    async with make_client(fake) as client:
        with pytest.raises(UnavailableError) as caught:
            await client.confirm_shipment(ORDER, _package(), marketplace_id=US)
    assert caught.value.maybe_sent
    assert len(fake.sent("POST", CONFIRM)) == 1


async def test_dropped_connection_is_maybe_sent_and_not_resent() -> None:
    fake = FakeAmazon()

    def drop(request: httpx.Request) -> httpx.Response:
        raise httpx.ReadError("connection reset", request=request)

    fake.route("POST", CONFIRM, drop)
    async with make_client(fake) as client:
        with pytest.raises(UnavailableError) as caught:
            await client.confirm_shipment(ORDER, _package(), marketplace_id=US)
    assert caught.value.maybe_sent and len(fake.sent("POST", CONFIRM)) == 1


async def test_expired_token_resend_is_allowed_even_for_a_confirmation() -> None:
    fake = FakeAmazon()
    fake.route("POST", CONFIRM, lambda _r: httpx.Response(204))
    async with make_client(fake) as client:
        await client.tokens.get()
        fake.expire_tokens()
        await client.confirm_shipment(ORDER, _package(), marketplace_id=US)
    assert len(fake.sent("POST", CONFIRM)) == 2  # the first was refused before acting


@pytest.mark.parametrize("reference", ["0", "-1", "1.0", "", "01", "a1"])
async def test_package_reference_must_be_a_positive_integer_string(reference: str) -> None:
    with pytest.raises(ValidationError, match="package_reference_id"):
        _package(reference).to_wire(US)


def test_package_needs_lines_with_positive_quantities() -> None:
    bad = ShipPackage("1", "UPS", "1Z", datetime(2026, 8, 5, tzinfo=UTC),
                      (PackageLine("40873516255061", 0),))  # fmt: skip
    with pytest.raises(ValidationError, match="quantity"):
        bad.to_wire(US)


@pytest.mark.parametrize(
    ("given", "expected"),
    [("ups", ("UPS", "UPS")), ("United Parcel Service", ("UPS", "UPS")),
     ("fedex", ("FedEx", "FedEx")), ("USPS", ("USPS", "USPS")),
     ("Bob's  Couriers", ("Other", "Bob's Couriers"))],
)  # fmt: skip
def test_carrier_codes_fall_back_to_other_with_a_name(given: str, expected: tuple) -> None:
    assert carrier_code(given) == expected


def test_other_carrier_goes_with_its_name() -> None:
    wire = _package(carrier="Speedy Local").to_wire(US)["packageDetail"]
    assert (wire["carrierCode"], wire["carrierName"]) == ("Other", "Speedy Local")
