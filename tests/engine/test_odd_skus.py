"""A SKU holding "/", ",", spaces and non-ASCII letters goes through every Walmart and Commerce
path and filter, over real HTTP against the sandbox pair: import from Commerce (a searchCriteria
filter, where Magento cuts ``in`` values at commas), setup by match (``/v3/items/{sku}``, a
multipart feed), stock and price push, a Walmart order, its Commerce order, and shipping."""

from __future__ import annotations

from urllib.parse import quote

import httpx

from channelmanager_gui.models.db import Database
from channelmanager_gui.models.listing import ListingState, MatchStatus
from channelmanager_gui.models.order import OrderStatus
from channelmanager_gui.sandbox.pair import SandboxPair
from channelmanager_gui.sandbox.seed import demo_catalog
from channelmanager_gui.services import ops
from channelmanager_gui.services.engine import listings_flow
from channelmanager_gui.services.engine.catalog import import_products
from channelmanager_gui.services.engine.inventory import push_changes
from channelmanager_gui.services.engine.matching import request_match, run_matching
from channelmanager_gui.services.ops import validation as v
from tests.engine.conftest import COMMERCE_PRODUCTS, SEED, Admin, MakeEngine
from tests.engine.fulfilment_support import (
    FLOWS,
    commerce_order,
    new_order,
    order,
    walmart_line,
    walmart_qty,
)
from tests.engine.listing_support import ids, listing, send_and_finish_feeds

ODD = "A/B, c ü"
PLAIN = "CM-00010"  # an ordinary SKU, searched for in the same filter as ODD


def add_commerce_product(pair: SandboxPair, sku: str, upc: str) -> None:
    """Create the product through Commerce's own REST path, the SKU URL-encoded in it."""
    body = {"product": {
        "sku": sku, "name": "Odd SKU lamp", "price": 21.5, "status": 1, "type_id": "simple",
        "custom_attributes": [{"attribute_code": "upc", "value": upc}],
        "extension_attributes": {"stock_item": {"qty": 30, "is_in_stock": True}},
    }}  # fmt: skip
    url = f"{pair.commerce.url}/rest/default/V1/products/{quote(sku, safe='')}"
    headers = {"Authorization": f"Bearer {pair.commerce.token}"}
    answer = httpx.put(url, json=body, headers=headers, timeout=30)
    assert answer.status_code == 200, answer.text
    assert answer.json()["sku"] == sku


def catalog_upc(sku: str) -> str:
    """The UPC of a demo product that Walmart's catalog knows but the seller has not set up."""
    product = next(p for p in demo_catalog(SEED, COMMERCE_PRODUCTS) if p.sku == sku)
    assert product.id_attribute == "upc" and product.id_value
    return product.id_value


async def test_odd_sku_flows_through_import_match_push_order_and_ship(
    make_engine: MakeEngine,
    engine_db: Database,
    store_id: int,
    sandbox_pair: SandboxPair,
    walmart_admin: Admin,
    commerce_admin: Admin,
) -> None:
    add_commerce_product(sandbox_pair, ODD, catalog_upc("CM-00007"))
    engine = await make_engine([listings_flow])
    env, store = engine.env, engine.env.store(store_id)

    result = await import_products(env, store, skus=[ODD, PLAIN])
    assert {listing(engine_db, s).sku for s in (ODD, PLAIN)} == {ODD, PLAIN}, result
    imported = listing(engine_db, ODD)
    assert imported.source_qty == 30  # MSI source items: the same kind of filter
    assert imported.qty == 30  # salable quantity: the SKU in the path

    request_match(env.db, store_id, ids(engine_db, [ODD, PLAIN]))
    await run_matching(env, store)  # GET /v3/items/{sku}, then the catalog search
    await send_and_finish_feeds(engine, store_id)  # the MP_ITEM_MATCH feed, uploaded
    await run_matching(env, store)
    odd = listing(engine_db, ODD)
    assert odd.match_status == MatchStatus.MATCHED and odd.state == ListingState.ACTIVE
    assert walmart_admin.get(f"/items/{quote(ODD, safe='')}")["sku"] == ODD

    await push_changes(env, store)
    await send_and_finish_feeds(engine, store_id)
    assert walmart_admin.get(f"/inventory/{quote(ODD, safe='')}")["quantity"] == 30
    assert walmart_admin.get(f"/prices/{quote(ODD, safe='')}")["price"] == 21.5

    engine = await make_engine(FLOWS)
    order_id = await new_order(engine, walmart_admin, [(ODD, 2)])
    local = order(engine_db, order_id)
    assert local.status == OrderStatus.CREATED, local.error
    assert local.commerce_entity_id is not None
    items = commerce_order(sandbox_pair, local.commerce_entity_id)["items"]
    assert [(i["sku"], i["qty_ordered"]) for i in items] == [(ODD, 2)]

    shipment = v.validate_shipment(
        local, carrier="UPS", other_carrier=None, method_code="Standard",
        tracking_number="1Z999AA10000000077", tracking_url=None, ship_date=None,
        lines={"1": 2},
    )  # fmt: skip
    ops.ship(engine_db, order_id, shipment)
    assert (await engine.run_once()).ok
    assert order(engine_db, order_id).status == OrderStatus.SHIPPED
    line = walmart_line(walmart_admin, local.marketplace_order_id, "1")
    assert walmart_qty(line, "Shipped", "1Z999AA10000000077") == 2
