""" "Test connection": token exchange plus marketplace participation, failures named (§8.1)."""

from __future__ import annotations

from .fakes import FakeAmazon, errors, make_client

PARTICIPATIONS = "/sellers/v1/marketplaceParticipations"
US, CA, MX = "ATVPDKIKX0DER", "A2EUQ1WTGCTBG2", "A1AM78C64UM0Y8"


def _entry(marketplace_id: str, participating: bool = True, suspended: bool = False) -> dict:
    return {"marketplace": {"id": marketplace_id, "countryCode": "US", "name": "x",
                            "defaultCurrencyCode": "USD"},
            "participation": {"isParticipating": participating,
                              "hasSuspendedListings": suspended}}  # fmt: skip


async def test_ok_when_every_marketplace_participates() -> None:
    fake = FakeAmazon()
    fake.route("GET", PARTICIPATIONS, {"payload": [_entry(US), _entry(CA)]})
    async with make_client(fake, marketplaces=[US, CA]) as client:
        report = await client.test_connection()
    assert report.ok and "Amazon.com, Amazon.ca" in report.detail


async def test_each_marketplace_problem_is_named() -> None:
    fake = FakeAmazon()
    fake.route("GET", PARTICIPATIONS, {"payload": [_entry(US, suspended=True),
                                                   _entry(CA, participating=False)]})  # fmt: skip
    async with make_client(fake, marketplaces=[US, CA, MX]) as client:
        report = await client.test_connection()
    assert not report.ok
    assert "suspended listings of this account in Amazon.com" in report.message
    assert "not currently selling in Amazon.ca" in report.message
    assert "not registered in Amazon.com.mx" in report.message


async def test_bad_refresh_token_is_bad_credentials() -> None:
    fake = FakeAmazon()
    fake.lwa_refusal = (400, {"error": "invalid_grant", "error_description": "bad"})
    async with make_client(fake) as client:
        report = await client.test_connection()
    assert (report.ok, report.problem) == (False, "bad_credentials")
    assert fake.sent("GET", PARTICIPATIONS) == []


async def test_denied_participations_is_no_permission() -> None:
    fake = FakeAmazon()
    fake.route("GET", PARTICIPATIONS, errors("Unauthorized", "Access to requested resource is "
                                             "denied."), status=403)  # fmt: skip
    async with make_client(fake) as client:
        report = await client.test_connection()
    assert (report.ok, report.problem) == (False, "no_permission")


async def test_amazons_participations_example_is_a_working_connection() -> None:
    """Amazon's own example (tests/reference/amazon/sellers_participations.json)."""
    from .reference import payload

    fake = FakeAmazon()
    fake.route("GET", PARTICIPATIONS, payload("sellers_participations.json"))
    async with make_client(fake, marketplaces=[US]) as client:
        report = await client.test_connection()
        participations = await client.marketplace_participations()
    assert report.ok
    assert participations[0]["storeName"] == "BestSellerStore"
