"""Matching end to end against the sandbox pair: matched, set up by match, not found, several
candidates then the merchant's pick, incomplete listings skipped, retired items ended.

Demo catalog (seed 11): CM-00009 is already the seller's item on Walmart; CM-00007 has one
Walmart catalog item; CM-00028 and CM-00038 have two; CM-00016 has none; CM-00001 has no
identifier.
"""

from __future__ import annotations

from datetime import timedelta

import pytest

from channelmanager_gui.errors import ValidationError
from channelmanager_gui.models.db import Database
from channelmanager_gui.models.listing import ListingState, MatchStatus
from channelmanager_gui.services.engine import listings_flow, walmart_status
from channelmanager_gui.services.engine.catalog import import_products
from channelmanager_gui.services.engine.matching import pick_candidate, request_match, run_matching
from tests.engine.conftest import Admin, MakeEngine
from tests.engine.listing_support import events, ids, listing, send_and_finish_feeds


async def test_match_outcomes_and_setup_by_match(
    make_engine: MakeEngine, engine_db: Database, store_id: int, walmart_admin: Admin
) -> None:
    engine = await make_engine([listings_flow])
    env, store = engine.env, engine.env.store(store_id)
    skus = ["CM-00009", "CM-00007", "CM-00028", "CM-00016", "CM-00001"]
    await import_products(env, store, skus=skus)

    asked = request_match(env.db, store_id, ids(engine_db, skus))
    assert asked.queued == 4
    assert [sku for sku, _ in asked.skipped] == ["CM-00001"]
    assert listing(engine_db, "CM-00001").match_status == MatchStatus.NONE

    counts = await run_matching(env, store)
    assert (counts["matched"], counts["setup"], counts["candidates"], counts["not_found"]) == (
        1, 1, 1, 1,
    )  # fmt: skip

    seller = listing(engine_db, "CM-00009")
    assert seller.match_status == MatchStatus.MATCHED and seller.state == ListingState.ACTIVE
    assert seller.marketplace_product_id and seller.published_status == "PUBLISHED"

    unknown = listing(engine_db, "CM-00016")
    assert unknown.state == ListingState.UNMATCHED
    assert ("match_not_found", "error") in events(engine_db, unknown.id)

    several = listing(engine_db, "CM-00028")
    assert several.match_status == MatchStatus.CANDIDATES
    assert len(several.match_candidates or []) == 2

    assert listing(engine_db, "CM-00007").match_status == MatchStatus.PENDING
    await send_and_finish_feeds(engine, store_id)
    set_up = listing(engine_db, "CM-00007")
    assert set_up.match_status == MatchStatus.MATCHED and set_up.state == ListingState.READY
    assert set_up.marketplace_item_id and set_up.marketplace_product_id
    assert walmart_admin.get("/items/CM-00007")["sku"] == "CM-00007"

    await run_matching(env, store)  # reads the published status of the new item
    assert listing(engine_db, "CM-00007").state == ListingState.ACTIVE


async def test_several_candidates_then_the_merchant_picks_one(
    make_engine: MakeEngine, engine_db: Database, store_id: int
) -> None:
    engine = await make_engine([listings_flow])
    env, store = engine.env, engine.env.store(store_id)
    await import_products(env, store, skus=["CM-00038"])
    request_match(env.db, store_id, ids(engine_db, ["CM-00038"]))
    await run_matching(env, store)
    candidates = listing(engine_db, "CM-00038").match_candidates or []
    assert len(candidates) == 2 and all(c["title"] and c["item_id"] for c in candidates)

    listing_id = ids(engine_db, ["CM-00038"])[0]
    with pytest.raises(ValidationError):
        pick_candidate(engine_db, listing_id, "not-a-candidate")
    chosen = candidates[1]["item_id"]
    pick_candidate(engine_db, listing_id, chosen)
    assert listing(engine_db, "CM-00038").match_status == MatchStatus.PENDING

    counts = await run_matching(env, store)
    assert counts["setup"] == 1
    await send_and_finish_feeds(engine, store_id)
    picked = listing(engine_db, "CM-00038")
    assert picked.match_status == MatchStatus.MATCHED
    assert picked.marketplace_item_id == chosen
    assert ("candidate_picked", "info") in events(engine_db, picked.id)


async def test_retired_item_ends_the_listing(
    make_engine: MakeEngine,
    engine_db: Database,
    store_id: int,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(walmart_status, "RETIRED_EVERY", timedelta(0))
    engine = await make_engine([listings_flow])
    env, store = engine.env, engine.env.store(store_id)
    await import_products(env, store, skus=["CM-00011"])
    request_match(env.db, store_id, ids(engine_db, ["CM-00011"]))
    await run_matching(env, store)
    assert listing(engine_db, "CM-00011").state == ListingState.ACTIVE

    await store.walmart.retire_item("CM-00011")
    counts = await run_matching(env, store)
    assert counts["ended"] == 1
    ended = listing(engine_db, "CM-00011")
    assert ended.state == ListingState.ENDED and ended.lifecycle_status == "RETIRED"
    assert ("ended", "error") in events(engine_db, ended.id)
