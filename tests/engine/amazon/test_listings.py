"""Amazon listings in the engine against the sandboxes over HTTP (reference §4.4, §4.7, §4.8):
the listings report fills Amazon Sales Channel's tabs with their reasons, Commerce products are
matched by identifier with a pick among several candidates, Commerce changes reach every
account's listing of the SKU.

Demo catalog, seed 11 (first 120 products in Commerce and on Amazon's side): CM-00007 has one
catalog item and no listing; CM-00028 two items for its UPC; CM-00002 none; CM-00043 is listed
with no stock; CM-00010 is listed and suppressed (QUALIFICATION_REQUIRED); AMZ-3P-0001 is a
listing made in Seller Central that Commerce does not have.
"""

from __future__ import annotations

from sqlalchemy import select

from channelmanager_gui.models.db import Database
from channelmanager_gui.models.listing import Listing, ListingState, MatchStatus
from channelmanager_gui.sandbox.seed import demo_catalog
from channelmanager_gui.services.engine import listings_flow
from channelmanager_gui.services.engine.amazon_listings import refresh_amazon_listings
from channelmanager_gui.services.engine.amazon_push import push_amazon
from channelmanager_gui.services.engine.amazon_tabs import ENDED
from channelmanager_gui.services.engine.catalog import import_products, refresh_catalog
from channelmanager_gui.services.engine.matching import pick_candidate
from channelmanager_gui.services.engine.stock import poll_stock
from tests.engine.amazon.conftest import MakeAmazonEngine, amazon_row, amazon_rows, walmart_row
from tests.engine.conftest import SEED, Admin
from tests.engine.listing_support import events

IMPORTED = ["CM-00007", "CM-00028", "CM-00002", "CM-00043", "CM-00008"]


def active_sku() -> str:
    """A product listed on Amazon, in stock and enabled, merchant-fulfilled, no issue."""
    for n, p in enumerate(demo_catalog(SEED, 120)):
        listed = p.on_walmart and p.walmart_candidates == 1
        if listed and p.qty > 5 and p.enabled and n % 13 != 4 and n % 41 != 9 and n % 17 != 3:
            return p.sku
    raise AssertionError("no such product")


def tabs(db: Database) -> dict[str, tuple[str, str | None]]:
    return {row.sku: (row.state, row.state_reason) for row in amazon_rows(db)}


async def test_listings_report_fills_every_tab_with_its_reason(
    make_amazon_engine: MakeAmazonEngine, engine_db: Database, store_id: int
) -> None:
    engine = await make_amazon_engine([listings_flow])
    env, store = engine.env, engine.env.store(store_id)
    await import_products(env, store, skus=IMPORTED)
    with engine_db.session() as session:  # ended by the merchant earlier (§4.8: our own flag)
        query = select(Listing).where(Listing.sku == "CM-00008", Listing.marketplace == "amazon")
        row = session.scalars(query).one()
        row.lifecycle_status = ENDED

    counts = await refresh_amazon_listings(env, store)
    await poll_stock(env, store)  # the SKUs found in the report by SKU get their stock
    await refresh_amazon_listings(env, store)

    assert counts["listed"] == 57  # 55 of the catalog + 2 made in Seller Central
    got = tabs(engine_db)
    assert got[active_sku()] == (ListingState.ACTIVE, "Active in Amazon's listings report")
    assert got["CM-00010"] == (ListingState.INACTIVE, "Inactive on Amazon")
    assert got["CM-00043"][0] == ListingState.INELIGIBLE
    assert got["CM-00043"][1].startswith("Out of stock: 0 salable")
    assert got["CM-00002"] == (ListingState.INCOMPLETE, "Unable to Assign to Amazon Listing")
    assert got["CM-00028"] == (ListingState.INCOMPLETE, "Multiple Matches Found")
    assert got["CM-00007"] == (ListingState.READY,
                               "Complete and eligible; automatic listing is off")  # fmt: skip
    assert got["CM-00008"][0] == ListingState.ENDED
    assert got["AMZ-3P-0001"] == (ListingState.NEW_THIRD_PARTY,
                                  "On Amazon, not matched to a catalog product")  # fmt: skip
    third = amazon_row(engine_db, "AMZ-3P-0001")
    assert third.commerce_product_id is None and third.marketplace_item_id
    # A listing found in the report by SKU is tied to its Commerce product, with its ASIN.
    tied = amazon_row(engine_db, active_sku())
    assert tied.commerce_product_id and tied.match_status == MatchStatus.MATCHED
    assert tied.marketplace_item_id and tied.published_status == "Active"
    # Walmart's listings keep their own states.
    assert walmart_row(engine_db, "CM-00007").state == ListingState.PENDING_MATCH


async def test_matching_by_upc_with_several_candidates_and_a_pick(
    make_amazon_engine: MakeAmazonEngine, engine_db: Database, store_id: int
) -> None:
    engine = await make_amazon_engine([listings_flow])
    env, store = engine.env, engine.env.store(store_id)
    await import_products(env, store, skus=["CM-00028"])
    await refresh_amazon_listings(env, store)
    row = amazon_row(engine_db, "CM-00028")
    assert row.match_status == MatchStatus.CANDIDATES and row.identifier_kind == "UPC"
    candidates = row.match_candidates or []
    assert len(candidates) == 2 and len({c["item_id"] for c in candidates}) == 2
    assert {"item_id", "title", "brand", "price"} <= set(candidates[0])  # as on Walmart

    chosen = candidates[1]["item_id"]
    pick_candidate(engine_db, row.id, chosen)
    await push_amazon(env, store)  # the 30-second loop matches it (the report runs half-hourly)

    row = amazon_row(engine_db, "CM-00028")
    assert (row.match_status, row.marketplace_item_id) == (MatchStatus.MATCHED, chosen)
    assert row.state == ListingState.READY
    assert [c["item_id"] for c in row.match_candidates or [] if c.get("chosen")] == [chosen]
    assert ("candidate_picked", "info") in events(engine_db, row.id)
    assert ("matched", "ok") in events(engine_db, row.id)


async def test_a_commerce_change_reaches_every_accounts_listing(
    make_amazon_engine: MakeAmazonEngine, engine_db: Database, store_id: int,
    commerce_admin: Admin,
) -> None:  # fmt: skip
    engine = await make_amazon_engine([listings_flow])
    env, store = engine.env, engine.env.store(store_id)
    await import_products(env, store, skus=["CM-00007"])
    commerce_admin.put("/products/CM-00007", {"price": 23.45, "name": "Renamed mug"})
    await refresh_catalog(env, store)
    for row in (amazon_row(engine_db, "CM-00007"), walmart_row(engine_db, "CM-00007")):
        assert (str(row.price), row.name) == ("23.45", "Renamed mug")
