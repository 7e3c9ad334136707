"""Commerce sandbox test helpers: a started sandbox per test module and raw-httpx clients.

The project's own Commerce client is deliberately not used: the tests assert the shapes and
messages of the API reference, so a misreading cannot hide in both client and sandbox.
A test module binds them with ``sandbox = commerce_fixtures.sandbox`` and ``store = ...store``.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from channelmanager_gui.sandbox.commerce import CommerceSandbox

ADDRESS = {
    "firstname": "Jane",
    "lastname": "Doe",
    "street": ["1 Main St"],
    "city": "Austin",
    "region": "Texas",
    "region_code": "TX",
    "region_id": 57,
    "postcode": "78701",
    "country_id": "US",
    "telephone": "5125550100",
    "email": "jane@example.com",
}


def criteria(
    groups: list[list[tuple[str, Any, str]]] | None = None,
    sort: list[tuple[str, str | None]] | None = None,
    page_size: int | None = None,
    current_page: int | None = None,
    camel: bool = False,
) -> dict[str, Any]:
    """searchCriteria query parameters, snake_case (default) or camelCase keys."""
    fg, ct, so = (
        ("filterGroups", "conditionType", "sortOrders")
        if camel
        else ("filter_groups", "condition_type", "sortOrders")
    )
    params: dict[str, Any] = {}
    for g, group in enumerate(groups or []):
        for f, (field, value, condition) in enumerate(group):
            prefix = f"searchCriteria[{fg}][{g}][filters][{f}]"
            params[f"{prefix}[field]"] = field
            params[f"{prefix}[value]"] = value
            params[f"{prefix}[{ct}]"] = condition
    for s, (field, direction) in enumerate(sort or []):
        params[f"searchCriteria[{so}][{s}][field]"] = field
        if direction is not None:
            params[f"searchCriteria[{so}][{s}][direction]"] = direction
    if page_size is not None:
        params["searchCriteria[pageSize]"] = page_size
    if current_page is not None:
        params["searchCriteria[currentPage]"] = current_page
    if not params:
        params["searchCriteria"] = ""
    return params


class Store:
    """A running sandbox seen from outside: REST client, admin client, order helpers."""

    def __init__(self, sandbox: CommerceSandbox) -> None:
        self.sandbox = sandbox
        headers = {"Authorization": f"Bearer {sandbox.token}", "Accept": "application/json"}
        self.api = httpx.Client(base_url=f"{sandbox.url}/rest/V1", headers=headers, timeout=30)
        self.guest = httpx.Client(base_url=f"{sandbox.url}/rest/V1", timeout=30)
        self.admin = httpx.Client(base_url=f"{sandbox.url}/_sandbox", timeout=30)
        with sandbox.state.lock:
            skus = [p.sku for p in sandbox.state.products_by_id.values() if p.status == 1]
        self._skus = iter(skus)

    def close(self) -> None:
        for client in (self.api, self.guest, self.admin):
            client.close()

    def product(self, qty: float = 50) -> str:
        """A product no other test of the module uses, with ``qty`` in its default source."""
        sku = next(self._skus)
        assert self.admin.put(f"/products/{sku}", json={"qty": qty}).status_code == 200
        return sku

    def salable(self, sku: str) -> float:
        r = self.api.get(f"/inventory/get-product-salable-quantity/{sku}/1")
        assert r.status_code == 200, r.text
        return r.json()

    def source_qty(self, sku: str) -> float:
        return self.api.get(f"/stockItems/{sku}").json()["qty"]

    def cart_with(self, *lines: tuple[str, float]) -> int:
        quote_id = self.api.post("/carts/").json()
        for sku, qty in lines:
            item = {"sku": sku, "qty": qty, "quote_id": str(quote_id)}
            r = self.api.post(f"/carts/{quote_id}/items", json={"cartItem": item})
            assert r.status_code == 200, r.text
        info = {
            "shipping_address": ADDRESS,
            "billing_address": ADDRESS,
            "shipping_carrier_code": "flatrate",
            "shipping_method_code": "flatrate",
        }
        r = self.api.post(
            f"/carts/{quote_id}/shipping-information", json={"addressInformation": info}
        )
        assert r.status_code == 200, r.text
        return quote_id

    def place(self, *lines: tuple[str, float]) -> int:
        """Place an order through the cart flow; returns the order entity_id."""
        quote_id = self.cart_with(*lines)
        r = self.api.put(f"/carts/{quote_id}/order", json={"paymentMethod": {"method": "checkmo"}})
        assert r.status_code == 200, r.text
        return r.json()

    def order(self, order_id: int) -> dict[str, Any]:
        r = self.api.get(f"/orders/{order_id}")
        assert r.status_code == 200, r.text
        return r.json()

    def item_ids(self, order_id: int) -> list[int]:
        return [i["item_id"] for i in self.order(order_id)["items"]]


@pytest.fixture(scope="module")
def sandbox() -> Iterator[CommerceSandbox]:
    with CommerceSandbox(seed=1, products=120) as running:
        yield running


@pytest.fixture(scope="module")
def store(sandbox: CommerceSandbox) -> Iterator[Store]:
    s = Store(sandbox)
    yield s
    s.close()
