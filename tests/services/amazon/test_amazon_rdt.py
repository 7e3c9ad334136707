"""Restricted Data Tokens: one generic token reused for every order (§1.5, §6.3)."""

from __future__ import annotations

import json

import httpx
import pytest

from channelmanager_gui.errors import ApiError

from .fakes import FakeAmazon, errors, make_client

RDT = "/tokens/2021-03-01/restrictedDataToken"


def _address(order_id: str) -> dict:
    return {"payload": {"AmazonOrderId": order_id, "ShippingAddress": {
        "Name": "J. Doe", "AddressLine1": "100 Main St", "City": "PORTLAND",
        "StateOrRegion": "OR", "PostalCode": "97205-2214", "CountryCode": "US",
        "AddressType": "Residential", "NewField": 1}}}  # fmt: skip


async def test_one_generic_rdt_serves_every_order_address() -> None:
    fake = FakeAmazon()
    fake.route("POST", RDT, {"restrictedDataToken": "Atz.sprdt|AbCdEf123", "expiresIn": 3600})
    for order_id in ("113-1111111-1111111", "113-2222222-2222222"):
        fake.route(
            "GET",
            f"/orders/v0/orders/{order_id}/address",
            lambda r: httpx.Response(200, json=_address(r.url.path.split("/")[4])),
        )
    async with make_client(fake) as client:
        first = await client.get_order_address("113-1111111-1111111")
        await client.get_order_address("113-2222222-2222222")
    assert first.name == "J. Doe" and first.address_type == "Residential" and first.is_complete
    asked = fake.sent("POST", RDT)
    assert len(asked) == 1
    assert json.loads(asked[0].content) == {"restrictedResources": [{
        "method": "GET", "path": "/orders/v0/orders/{orderId}/address",
        "dataElements": ["shippingAddress"]}]}  # fmt: skip
    reads = fake.sent("GET", "/orders/v0/orders/")
    assert {r.headers["x-amz-access-token"] for r in reads} == {"Atz.sprdt|AbCdEf123"}


async def test_address_without_pii_reads_as_incomplete() -> None:
    fake = FakeAmazon()
    fake.route("POST", RDT, {"restrictedDataToken": "Atz.sprdt|AbCdEf123", "expiresIn": 3600})
    fake.route("GET", "/orders/v0/orders/113-1111111-1111111/address", {"payload": {
        "ShippingAddress": {"City": "PORTLAND", "StateOrRegion": "OR", "PostalCode": "97205",
                            "CountryCode": "US", "AddressLine1": None}}})  # fmt: skip
    async with make_client(fake) as client:
        address = await client.get_order_address("113-1111111-1111111")
    assert not address.is_complete and address.line1 == "" and address.city == "PORTLAND"


async def test_missing_role_is_explained() -> None:
    fake = FakeAmazon()
    fake.route("POST", RDT, errors("InvalidInput", "Application does not have access to one or "
                                   "more requested data elements: [shippingAddress]"),
               status=400)  # fmt: skip
    async with make_client(fake) as client:
        with pytest.raises(ApiError, match="Direct-to-Consumer Delivery"):
            await client.get_order_address("113-1111111-1111111")


@pytest.mark.parametrize("expires", [3600, "3600", -5, 0, "NaN", "soon", None, 10**9])
async def test_amazons_rdt_answer_and_odd_lifetimes_serve_many_reads(expires: object) -> None:
    """Amazon's sandbox answer (tests/reference/amazon/tokens_rdt.json) with its ``expiresIn``
    varied: an odd lifetime is the documented hour, not a token that is always expired (one
    RDT per read) or never renewed."""
    from .reference import payload

    body = {**payload("tokens_rdt.json"), "expiresIn": expires}
    fake = FakeAmazon()
    fake.route("POST", RDT, body)
    fake.route("GET", "/orders/v0/orders/113-1111111-1111111/address",
               lambda _r: httpx.Response(200, json=_address("113-1111111-1111111")))  # fmt: skip
    async with make_client(fake) as client:
        for _ in range(3):
            await client.get_order_address("113-1111111-1111111")
    assert len(fake.sent("POST", RDT)) == 1
    token = fake.sent("GET", "/orders/v0/orders/")[0].headers["x-amz-access-token"]
    assert token == "Atz.sprdt|IQEBLjAsAhRmHjNgHpi0U-Dme37rR6CuUpSR"
