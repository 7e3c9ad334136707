"""LWA token exchange, refresh on expiry, 403s and Test connection, client against sandbox."""

from __future__ import annotations

import pytest

from channelmanager_gui.errors import AuthError
from channelmanager_gui.sandbox.amazon import AmazonSandbox
from channelmanager_gui.services.amazon import AmazonClient

from .conftest import Admin, SandboxClock, make_client


def _issued(sandbox: AmazonSandbox) -> int:
    return sum(1 for c in sandbox.state.tokens._tokens.values() if c.kind == "lwa")


async def test_token_exchange_then_refresh_when_the_sandbox_says_expired(
    client: AmazonClient, sandbox: AmazonSandbox, admin: Admin
) -> None:
    admin.switches(tokenTtl=120)  # a short expires_in, as §5.2 suggests for tests
    assert await client.marketplace_participations()
    assert _issued(sandbox) == 1
    # The client still believes its token good (61 s left of 120, margin 60 s): the sandbox
    # is the one to say "expired" (§1.3 details) and the client refreshes once and resends.
    admin.advance(59)
    before = admin.stats()["requests"]["getMarketplaceParticipations"]
    await client.marketplace_participations()
    assert _issued(sandbox) == 1
    admin.advance(62)  # now past expires_in on both sides' clocks; the client renews first
    await client.marketplace_participations()
    assert _issued(sandbox) == 2
    admin.call("POST", "token/expire")  # expired early, unknown to the client
    await client.marketplace_participations()
    assert _issued(sandbox) == 3
    # 2 answered + 1 refused as expired + its resend: no other attempt.
    assert admin.stats()["requests"]["getMarketplaceParticipations"] == before + 4


async def test_a_revoked_token_is_a_403_in_merchant_words_without_a_refresh_loop(
    client: AmazonClient, sandbox: AmazonSandbox, admin: Admin
) -> None:
    await client.marketplace_participations()
    sandbox.state.tokens._tokens.clear()  # Amazon no longer knows the token (revoked)
    with pytest.raises(AuthError) as caught:
        await client.marketplace_participations()
    assert caught.value.status == 403
    assert "authorize it again in Seller Central" in caught.value.message
    assert "revoked, malformed or invalid" in caught.value.message
    assert caught.value.correlation_id  # Amazon's x-amzn-RequestId
    assert admin.stats()["requests"]["getMarketplaceParticipations"] == 2


async def test_revoked_refresh_token_is_named_by_test_connection(
    client: AmazonClient, admin: Admin
) -> None:
    admin.switches(refreshRevoked=True)
    report = await client.test_connection()
    assert not report.ok
    assert "refresh token" in report.message and "Authorize the app again" in report.message


async def test_wrong_client_secret_is_named(sandbox: AmazonSandbox, clock: SandboxClock) -> None:
    client = make_client(sandbox, clock)
    object.__setattr__(client.credentials, "client_secret", "amzn1.oa2-cs.v1.wrong")
    async with client:
        report = await client.test_connection()
    assert not report.ok and "client ID or client secret" in report.message


async def test_connection_ok_for_the_seller_s_marketplaces(
    sandbox: AmazonSandbox, clock: SandboxClock
) -> None:
    async with make_client(sandbox, clock, ("ATVPDKIKX0DER", "A2EUQ1WTGCTBG2")) as client:
        report = await client.test_connection()
    assert report.ok, report.message
    assert report.detail == "Selling in Amazon.com, Amazon.ca."


async def test_connection_names_a_marketplace_the_seller_is_not_registered_in(
    sandbox: AmazonSandbox, clock: SandboxClock
) -> None:
    async with make_client(sandbox, clock, ("ATVPDKIKX0DER", "A1AM78C64UM0Y8")) as client:
        report = await client.test_connection()
    assert not report.ok
    assert report.message == "This seller account is not registered in Amazon.com.mx."
