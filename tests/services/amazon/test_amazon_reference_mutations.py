"""Amazon's example answers with one to three nodes changed: read, or a typed error.

Any other exception (``KeyError``, ``TypeError``, ``InvalidOperation``, a pydantic error leaking
out) is a crash a real answer could cause. Bodies: ``tests/reference/amazon/`` (see README);
the mutation strategy is the Walmart payload suite's.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from channelmanager_gui.services.amazon import AmazonClient, OfferUpdate
from tests.services.test_walmart_client_payloads import PROPERTY, TYPED, mutated

from .fakes import SELLER, US, FakeAmazon, make_client
from .reference import answer, raw

SINCE = datetime(2024, 12, 1, tzinfo=UTC)


def payload(name: str) -> Any:
    """Parsed with plain floats: the mutation strategy writes nodes back with ``json.dumps``."""
    return json.loads(raw(name))


Call = Callable[[AmazonClient], Awaitable[Any]]


def _survives(method: str, path: str, body: Any, call: Call) -> None:
    async def scenario() -> None:
        fake = FakeAmazon()
        fake.route(method, path, answer(body))
        async with make_client(fake) as client:
            result = await call(client)
            for order in getattr(result, "orders", ()):  # derived values are read too
                _ = (order.status, order.buyer_requested_cancel,
                     [(i.line_total, i.buyer_cancel_reason) for i in order.items])  # fmt: skip

    with contextlib.suppress(*TYPED):
        asyncio.run(scenario())


@PROPERTY
@given(st.data())
def test_order_search_mutations(data: st.DataObject) -> None:
    name = data.draw(st.sampled_from(["orders_search.json", "orders_search_sandbox_uk.json"]))
    body = data.draw(mutated(payload(name)))
    _survives("GET", "/orders/2026-01-01/orders", body,
              lambda c: c.search_orders(last_updated_after=SINCE))  # fmt: skip


@PROPERTY
@given(st.data())
def test_listing_and_patch_mutations(data: st.DataObject) -> None:
    item = f"/listings/2021-08-01/items/{SELLER}/GM-ZDPI-9B4E"

    async def read(client: AmazonClient) -> Any:
        listing = await client.get_listing("GM-ZDPI-9B4E", marketplace_id=US)
        return listing and (listing.price(US), listing.quantity(), listing.summary(US))

    _survives("GET", item, data.draw(mutated(payload("listings_get.json"))), read)
    patched = data.draw(mutated(payload("listings_patch_invalid.json")))

    async def patch(client: AmazonClient) -> Any:
        got = await client.patch_offer(OfferUpdate("GM-ZDPI-9B4E", quantity=1), marketplace_id=US)
        return got.accepted, got.errors

    _survives("PATCH", item, patched, patch)


@PROPERTY
@given(st.data())
def test_catalog_feed_report_and_refund_mutations(data: st.DataObject) -> None:
    catalog = data.draw(mutated(payload("catalog_search.json")))
    _survives("GET", "/catalog/2022-04-01/items", catalog,
              lambda c: c.search_catalog(["1"], "UPC", marketplace_id=US))  # fmt: skip
    _survives("GET", "/feeds/2021-06-30/feeds/F1", data.draw(mutated(payload("feeds_get.json"))),
              lambda c: c.get_feed("F1"))  # fmt: skip
    _survives(
        "GET",
        "/reports/2021-06-30/reports/R1",
        data.draw(mutated(payload("reports_get.json"))),
        lambda c: c.get_report("R1"),
    )
    events = data.draw(mutated(payload("finances_order_events.json")))
    _survives("GET", "/finances/v0/orders/1-2-3/financialEvents", events,
              lambda c: c.refunded_items("1-2-3"))  # fmt: skip
