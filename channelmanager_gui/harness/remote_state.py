"""Read what the two sandboxes hold, for the reliability invariants (harness/invariants).

Walmart orders come from the admin API (``GET /_sandbox/orders/{po}``: never faulted, no auth);
Commerce orders from its admin listing (``GET /_sandbox/orders``: every order) and shipments
from the REST API (``GET /V1/shipments``, paged by ``total_count``) since the admin API has no
shipment listing. Read after the faults are switched off: the REST call is faulted like any.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import httpx

from channelmanager_gui.harness import amazon_side
from channelmanager_gui.harness.invariants import RemoteState
from channelmanager_gui.sandbox.pair import SandboxPair

PAGE = 300


def read_remote_state(
    pair: SandboxPair, purchase_order_ids: Iterable[str], amazon_order_ids: Iterable[str] = ()
) -> RemoteState:
    """The sandboxes' view of the run's orders, shipments included (Amazon's from its admin
    API: items' shipped and cancelled units, packages)."""
    with httpx.Client(base_url=pair.walmart.url, timeout=60) as walmart:
        orders = {po: _walmart_order(walmart, po) for po in purchase_order_ids}
    amazon = {}
    if pair.amazon is not None:
        amazon = amazon_side.amazon_orders(pair.amazon, list(amazon_order_ids))
    with httpx.Client(base_url=pair.commerce.url, timeout=60) as commerce:
        answer = commerce.get("/_sandbox/orders")
        answer.raise_for_status()
        shipments = _shipments(commerce, pair.commerce.token)
        return RemoteState(orders, list(answer.json()["items"]), shipments, amazon)


def commerce_baseline(pair: SandboxPair) -> int:
    """The highest Commerce order id now (0 when none): the baseline of a run."""
    with httpx.Client(base_url=pair.commerce.url, timeout=60) as commerce:
        answer = commerce.get("/_sandbox/orders")
        answer.raise_for_status()
        return max((int(o["entity_id"]) for o in answer.json()["items"]), default=0)


def _walmart_order(client: httpx.Client, po: str) -> dict[str, Any]:
    answer = client.get(f"/_sandbox/orders/{po}")
    answer.raise_for_status()
    data: dict[str, Any] = answer.json()
    return data


def _shipments(client: httpx.Client, token: str) -> list[dict[str, Any]]:
    headers = {"Authorization": f"Bearer {token}"}
    out: list[dict[str, Any]] = []
    page = 1
    while True:
        params = {"searchCriteria[pageSize]": PAGE, "searchCriteria[currentPage]": page}
        answer = client.get("/rest/V1/shipments", params=params, headers=headers)
        answer.raise_for_status()
        data = answer.json()
        out += data.get("items") or []
        if len(out) >= int(data.get("total_count") or 0) or not data.get("items"):
            return out
        page += 1
