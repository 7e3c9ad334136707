"""Per-operation token buckets, the rate header, and back-off on 429/500/503 (§2.6, §1.3)."""

from __future__ import annotations

import httpx
import pytest

from channelmanager_gui.errors import UnavailableError
from channelmanager_gui.services.amazon.errors import parse_error_body
from channelmanager_gui.services.amazon.rates import Plan, TokenBucketRateControl
from channelmanager_gui.services.http import ManualClock

from .fakes import FakeAmazon, errors, make_client

PARTICIPATIONS = "/sellers/v1/marketplaceParticipations"


async def test_bucket_spends_the_burst_then_paces_at_the_rate() -> None:
    clock = ManualClock()
    rate = TokenBucketRateControl(clock, plans={"op": Plan(0.5, 3)})
    starts = []
    for _ in range(5):
        await rate.acquire("op")
        starts.append(clock.now() - 1000.0)
    assert starts == pytest.approx([0, 0, 0, 2.0, 4.0])


async def test_rate_header_replaces_the_table_rate() -> None:
    clock = ManualClock()
    rate = TokenBucketRateControl(clock, plans={"op": Plan(0.0056, 1)})
    await rate.acquire("op")
    rate.observe("op", 200, {"x-amzn-RateLimit-Limit": "5.0"})
    await rate.acquire("op")
    assert clock.now() - 1000.0 == pytest.approx(0.2)
    rate.observe("op", 200, {"x-amzn-RateLimit-Limit": "garbage"})  # ignored, not fatal
    assert rate.buckets["op"].rate == 5.0


async def test_unmetered_keys_are_not_held() -> None:
    clock = ManualClock()
    rate = TokenBucketRateControl(clock, plans={})
    for _ in range(50):
        await rate.acquire("documents")
    assert clock.now() == 1000.0


async def test_429_backs_off_and_retries_a_read() -> None:
    fake, clock = FakeAmazon(), ManualClock()
    answers = iter([
        httpx.Response(429, json=errors("QuotaExceeded", "You exceeded your quota for the "
                                        "requested resource.")),
        httpx.Response(200, json={"payload": []}),
    ])  # fmt: skip
    fake.route("GET", PARTICIPATIONS, lambda _r: next(answers))
    async with make_client(fake, clock) as client:
        assert await client.marketplace_participations() == []
    assert len(fake.sent("GET", PARTICIPATIONS)) == 2
    assert sum(clock.slept) == pytest.approx(
        2.0, abs=0.05
    )  # the operation was paused before the retry


@pytest.mark.parametrize("status", [500, 503])
async def test_server_errors_are_retried_for_reads(status: int) -> None:
    fake = FakeAmazon()
    answers = iter([httpx.Response(status, json=errors("InternalFailure", "We encountered an "
                                                       "internal error. Please try again.")),
                    httpx.Response(200, json={"payload": []})])  # fmt: skip
    fake.route("GET", PARTICIPATIONS, lambda _r: next(answers))
    async with make_client(fake) as client:
        assert await client.marketplace_participations() == []


async def test_server_error_after_retries_is_unavailable_with_request_id() -> None:
    fake = FakeAmazon()
    fake.route("GET", PARTICIPATIONS, errors("InternalFailure", "We encountered an internal "
                                             "error. Please try again."), status=500)  # fmt: skip
    async with make_client(fake) as client:
        with pytest.raises(UnavailableError) as caught:
            await client.marketplace_participations()
    assert caught.value.correlation_id.startswith("req-")
    assert len(fake.sent("GET", PARTICIPATIONS)) == 3


def test_error_envelope_keeps_code_message_and_details() -> None:
    body = {"errors": [
        {"code": "InvalidInput", "message": "Invalid Input", "details": "CreatedBefore"},
        {"code": "InvalidInput", "message": "Second", "details": None},
        "junk",
    ]}  # fmt: skip
    info = parse_error_body(httpx.Response(400, json=body))
    assert info.code == "InvalidInput"
    assert info.message == "Invalid Input (CreatedBefore); Second"
    assert parse_error_body(httpx.Response(503, content=b"<html>busy</html>")).message == ""
