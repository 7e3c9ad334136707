"""LWA tokens, the access-token header, refresh on an expired token, 403 wording (§1.1–§1.3)."""

from __future__ import annotations

import logging

import pytest

from channelmanager_gui.errors import AuthError
from channelmanager_gui.services.http import ManualClock, redact

from .fakes import CLIENT_SECRET, REFRESH_TOKEN, US, FakeAmazon, errors, make_client

PARTICIPATIONS = "/sellers/v1/marketplaceParticipations"
OK = {
    "payload": [
        {
            "marketplace": {"id": US},
            "participation": {"isParticipating": True, "hasSuspendedListings": False},
        }
    ]
}


async def test_token_fetched_once_and_sent_in_access_token_header() -> None:
    fake = FakeAmazon()
    fake.route("GET", PARTICIPATIONS, OK)
    async with make_client(fake) as client:
        await client.marketplace_participations()
        await client.marketplace_participations()
    assert fake.tokens_issued == 1
    calls = fake.sent("GET", PARTICIPATIONS)
    assert [c.headers["x-amz-access-token"] for c in calls] == ["Atza|access-1"] * 2
    assert calls[0].headers["user-agent"].startswith("ChannelManager/")
    assert "Language=Python/" in calls[0].headers["user-agent"]
    assert "authorization" not in calls[0].headers  # no SigV4 (§1.2)


async def test_token_renewed_sixty_seconds_before_it_expires() -> None:
    fake, clock = FakeAmazon(expires_in=3600), ManualClock()
    fake.route("GET", PARTICIPATIONS, OK)
    async with make_client(fake, clock) as client:
        await client.marketplace_participations()
        clock.advance(3530)
        await client.marketplace_participations()
        assert fake.tokens_issued == 1
        clock.advance(20)  # 3550 s: inside the 60 s margin
        await client.marketplace_participations()
    assert fake.tokens_issued == 2


async def test_expired_token_refreshed_once_and_call_resent() -> None:
    fake = FakeAmazon()
    fake.route("GET", PARTICIPATIONS, OK)
    async with make_client(fake) as client:
        await client.marketplace_participations()
        fake.expire_tokens()
        await client.marketplace_participations()
    assert fake.tokens_issued == 2
    tokens = [c.headers["x-amz-access-token"] for c in fake.sent("GET", PARTICIPATIONS)]
    assert tokens == ["Atza|access-1", "Atza|access-1", "Atza|access-2"]


async def test_other_403_is_not_refreshed_and_reads_for_a_merchant() -> None:
    fake = FakeAmazon()
    fake.route("GET", PARTICIPATIONS, errors("Unauthorized", "Access to requested resource is "
                                             "denied.", ""), status=403)  # fmt: skip
    async with make_client(fake) as client:
        with pytest.raises(AuthError) as caught:
            await client.marketplace_participations()
    assert fake.tokens_issued == 1
    assert "authorized for this seller account" in caught.value.message
    assert caught.value.status == 403
    assert caught.value.correlation_id == "req-1"  # Amazon's x-amzn-RequestId


@pytest.mark.parametrize(
    ("status", "code", "words"),
    [(400, "invalid_grant", "refresh token"), (401, "invalid_client", "client ID")],
)
async def test_lwa_refusal_names_the_bad_credential(status: int, code: str, words: str) -> None:
    fake = FakeAmazon()
    fake.lwa_refusal = (status, {"error": code, "error_description": "The request has an "
                                 "invalid grant parameter : refresh_token"})  # fmt: skip
    async with make_client(fake) as client:
        with pytest.raises(AuthError) as caught:
            await client.marketplace_participations()
    assert words in caught.value.message
    assert caught.value.code == code
    assert len(fake.requests) == 1  # a refusal is not retried


async def test_secrets_never_reach_the_log(caplog: pytest.LogCaptureFixture) -> None:
    fake = FakeAmazon()
    fake.route("GET", PARTICIPATIONS, OK)
    caplog.set_level(logging.DEBUG)
    async with make_client(fake) as client:
        await client.marketplace_participations()
    text = f"{CLIENT_SECRET} {REFRESH_TOKEN} Atza|access-1"
    assert CLIENT_SECRET not in redact(text)
    assert REFRESH_TOKEN not in redact(text)
    assert "Atza|access-1" not in redact(text)
    assert "correlation=req-1" in caplog.text  # the request id is what is logged
