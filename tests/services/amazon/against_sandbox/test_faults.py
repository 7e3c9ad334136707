"""The sandbox's fault switches against the client's typed errors and retries."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from channelmanager_gui.errors import MalformedResponseError, RateLimitError, UnavailableError
from channelmanager_gui.services.amazon import AmazonClient, PackageLine, ShipPackage

from .conftest import US, Admin


async def test_500s_are_retried_then_raised_as_unavailable(
    client: AmazonClient, admin: Admin
) -> None:
    await client.marketplace_participations()  # token first: LWA shares the fault switches
    admin.faults(error_rate=1.0)
    with pytest.raises(UnavailableError) as caught:
        await client.marketplace_participations()
    assert caught.value.status == 500
    assert admin.stats()["faults"]["500"] == 3  # RetryPolicy(attempts=3) for a read
    admin.faults(error_rate=0.0)
    assert await client.marketplace_participations()


async def test_503s_are_retried_and_a_passing_overload_is_ridden_out(
    client: AmazonClient, admin: Admin
) -> None:
    await client.marketplace_participations()
    admin.faults(unavailable_rate=1.0)
    with pytest.raises(UnavailableError) as caught:
        await client.marketplace_participations()
    assert caught.value.status == 503
    assert admin.stats()["faults"]["503"] == 3
    admin.faults(unavailable_rate=0.5, seed=1)
    assert await client.marketplace_participations()


async def test_a_500_on_confirm_shipment_is_not_resent(client: AmazonClient, admin: Admin) -> None:
    made = admin.new_order(qty=1)
    (item,) = made["orderItemIds"]
    await client.marketplace_participations()
    admin.faults(error_rate=1.0)
    package = ShipPackage("1", "ups", "1Z1", datetime(2026, 8, 5, tzinfo=UTC),
                          (PackageLine(item, 1),))  # fmt: skip
    with pytest.raises(UnavailableError):
        await client.confirm_shipment(made["orderId"], package, marketplace_id=US)
    assert admin.stats()["faults"]["500"] == 1


async def test_dropped_connection_on_a_write_says_maybe_sent(
    client: AmazonClient, admin: Admin
) -> None:
    made = admin.new_order(qty=1)
    (item,) = made["orderItemIds"]
    await client.marketplace_participations()
    admin.faults(drop_rate=1.0, seed=3)
    package = ShipPackage("1", "ups", "1Z1", datetime(2026, 8, 5, tzinfo=UTC),
                          (PackageLine(item, 1),))  # fmt: skip
    with pytest.raises(UnavailableError) as caught:
        await client.confirm_shipment(made["orderId"], package, marketplace_id=US)
    assert caught.value.maybe_sent
    injected = admin.stats()["faults"]
    assert injected.get("drop_before", 0) + injected.get("drop_after", 0) == 1
    admin.faults(drop_rate=0.0)
    # What the caller must do next (§3.2 client docstring): read the order, then decide.
    order = await client.get_order(made["orderId"])
    assert order.items[0].quantity_shipped in (0, 1)


async def test_dropped_reads_are_retried(client: AmazonClient, admin: Admin) -> None:
    await client.marketplace_participations()
    admin.faults(drop_rate=1.0, seed=3)  # each try: ½ dropped before, ¼ after, ¼ answered
    assert await client.marketplace_participations()
    injected = admin.stats()["faults"]
    assert injected.get("drop_before", 0) + injected.get("drop_after", 0) >= 1
    assert admin.stats()["requests"]["getMarketplaceParticipations"] >= 2


async def test_malformed_answer_is_a_typed_error(client: AmazonClient, admin: Admin) -> None:
    await client.marketplace_participations()
    admin.faults(malformed_rate=1.0)
    with pytest.raises(MalformedResponseError) as caught:
        await client.marketplace_participations()
    assert "marketplaces this account sells in" in caught.value.message
    admin.faults(malformed_rate=0.0)


async def test_a_429_storm_backs_off_then_gives_up_typed(
    client: AmazonClient, admin: Admin
) -> None:
    await client.marketplace_participations()
    admin.faults(throttle_rate=1.0, storm_seconds=60.0)
    with pytest.raises(RateLimitError):
        await client.marketplace_participations()
    assert admin.stats()["faults"]["429"] >= 1
