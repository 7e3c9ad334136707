"""Catalog import, refresh and stock polling end to end against the sandbox pair (real HTTP).

The demo catalog (seed 11) has CM-00001 without an identifier, CM-00002 with a UPC whose check
digit is wrong, and CM-00005 with an ISBN-13.
"""

from __future__ import annotations

import csv
import io
import json
from decimal import Decimal

from sqlalchemy import select

from channelmanager_gui.models.account import MarketplaceAccount, walmart_account_id
from channelmanager_gui.models.db import Database
from channelmanager_gui.models.listing import Listing, ListingState
from channelmanager_gui.models.listing_table_queries import ListingFilter, ListingSort, listing_ids
from channelmanager_gui.models.outbox import Activity, SyncCursor
from channelmanager_gui.services import ops
from channelmanager_gui.services.engine import listings_flow
from channelmanager_gui.services.engine.catalog import WATERMARK, import_products, refresh_catalog
from channelmanager_gui.services.engine.engine import SyncEngine
from channelmanager_gui.services.engine.stock import poll_stock
from tests.engine.conftest import COMMERCE_PRODUCTS, Admin, MakeEngine


class FakeProgress:
    """Records what a long job reports; cancels after ``cancel_after`` progress reports."""

    def __init__(self, cancel_after: int | None = None) -> None:
        self.statuses: list[str] = []
        self.reports: list[tuple[int, int | None]] = []
        self.cancel_after = cancel_after

    def set_status(self, text: str) -> None:
        self.statuses.append(text)

    def set_progress(self, done: int, total: int | None) -> None:
        self.reports.append((done, total))

    @property
    def cancelled(self) -> bool:
        return self.cancel_after is not None and len(self.reports) >= self.cancel_after


def listing(db: Database, sku: str) -> Listing:
    with db.session() as session:
        return session.scalars(select(Listing).where(Listing.sku == sku)).one()


def events(db: Database, listing_id: int) -> list[tuple[str, str]]:
    with db.session() as session:
        query = select(Activity.event, Activity.outcome).where(
            Activity.subject_type == "listing", Activity.subject_id == listing_id
        )
        return [tuple(row) for row in session.execute(query.order_by(Activity.id))]  # type: ignore[misc]


async def engine_for(make_engine: MakeEngine) -> SyncEngine:
    return await make_engine([listings_flow])


async def test_import_by_sku_list_validates_identifiers(
    make_engine: MakeEngine, engine_db: Database, store_id: int
) -> None:
    engine = await engine_for(make_engine)
    progress = FakeProgress()
    skus = ["CM-00005", "CM-00009", "CM-00001", "CM-00002", "NO-SUCH-SKU"]
    result = await import_products(
        engine.env, engine.env.store(store_id), skus=skus, progress=progress
    )
    assert (result.created, result.updated, result.incomplete) == (4, 0, 2)
    assert result.not_found == ["NO-SUCH-SKU"]
    assert progress.reports[-1] == (4, 5)

    isbn = listing(engine_db, "CM-00005")
    assert (isbn.identifier_kind, isbn.gtin14) == ("ISBN", "09786146100330")
    assert (isbn.price, isbn.qty, isbn.enabled) == (Decimal("117.72"), 101, True)
    assert isbn.state == ListingState.PENDING_MATCH and isbn.identifier_problem is None
    assert events(engine_db, isbn.id) == [("imported", "ok")]

    missing = listing(engine_db, "CM-00001")
    assert missing.state == ListingState.INCOMPLETE
    assert "No product identifier" in (missing.identifier_problem or "")
    wrong = listing(engine_db, "CM-00002")
    assert wrong.state == ListingState.INCOMPLETE and wrong.gtin14 is None
    assert "wrong check digit" in (wrong.identifier_problem or "")
    assert events(engine_db, wrong.id) == [("imported", "error")]

    again = await import_products(engine.env, engine.env.store(store_id), skus=["cm-00005"])
    assert (again.created, again.updated, again.not_found) == (0, 1, [])


async def test_import_makes_a_walmart_listing_and_ties_the_amazon_one_of_the_same_sku(
    make_engine: MakeEngine, engine_db: Database, store_id: int
) -> None:
    """0010: listings are unique per account; issue 18: a Commerce product is imported for
    every account, so the Amazon listing of the SKU (made from Amazon's report) gets the
    product's facts and a Walmart listing is made beside it."""
    with engine_db.session() as session:
        amazon = MarketplaceAccount(
            store_id=store_id, marketplace="amazon", name="Amazon US",
            api_url="https://sellingpartnerapi-na.amazon.com",
        )  # fmt: skip
        session.add(amazon)
        session.flush()
        session.add(Listing(store_id=store_id, account_id=amazon.id, marketplace="amazon",
                            sku="CM-00005", name="On Amazon"))  # fmt: skip
    engine = await engine_for(make_engine)
    result = await import_products(engine.env, engine.env.store(store_id), skus=["CM-00005"])
    assert (result.created, result.updated) == (1, 0)
    with engine_db.session() as session:
        rows = session.execute(
            select(Listing.marketplace, Listing.account_id, Listing.name,
                   Listing.commerce_product_id)
            .where(Listing.sku == "CM-00005")
            .order_by(Listing.marketplace)
        ).all()  # fmt: skip
        walmart = walmart_account_id(session, store_id)
    name, product_id = rows[1].name, rows[1].commerce_product_id
    assert [tuple(r) for r in rows] == [
        ("amazon", amazon.id, name, product_id), ("walmart", walmart, name, product_id)
    ]  # fmt: skip
    assert name != "On Amazon" and product_id is not None


async def test_import_by_search_takes_only_matching_products(
    make_engine: MakeEngine, engine_db: Database, store_id: int
) -> None:
    engine = await engine_for(make_engine)
    result = await import_products(engine.env, engine.env.store(store_id), search="CM-0001")
    assert result.created == 10  # CM-00010 … CM-00019
    with engine_db.session() as session:
        skus = sorted(session.scalars(select(Listing.sku)))
    assert skus == [f"CM-000{n}" for n in range(10, 20)]


async def test_import_all_in_pages_and_cancel_keeps_what_was_imported(
    make_engine: MakeEngine, engine_db: Database, store_id: int
) -> None:
    engine = await engine_for(make_engine)
    store = engine.env.store(store_id)
    cancelled = await import_products(
        engine.env, store, all=True, progress=FakeProgress(cancel_after=1)
    )
    assert cancelled.cancelled and cancelled.created == 100  # one page of 100
    result = await import_products(engine.env, store, all=True)
    assert not result.cancelled
    assert (result.created, result.updated) == (COMMERCE_PRODUCTS - 100, 100)
    with engine_db.session() as session:
        qtys = list(session.scalars(select(Listing.qty)))
    assert len(qtys) == COMMERCE_PRODUCTS and None not in qtys


async def test_catalog_refresh_follows_updated_at(
    make_engine: MakeEngine, engine_db: Database, store_id: int, commerce_admin: Admin
) -> None:
    engine = await engine_for(make_engine)
    store = engine.env.store(store_id)
    await import_products(engine.env, store, skus=["CM-00030", "CM-00031"])
    assert await refresh_catalog(engine.env, store) == {"changed": 0}

    commerce_admin.put("/products/CM-00031", {"price": 12.5, "name": "Renamed Lamp", "status": 2})
    assert await refresh_catalog(engine.env, store) == {"changed": 1}
    renamed = listing(engine_db, "CM-00031")
    assert (renamed.price, renamed.name, renamed.enabled) == (12.5, "Renamed Lamp", False)
    assert renamed.state == ListingState.INELIGIBLE
    assert ("catalog_refresh", "ok") in events(engine_db, renamed.id)
    with engine_db.session() as session:
        assert session.get(SyncCursor, (store_id, WATERMARK)) is not None
    assert await refresh_catalog(engine.env, store) == {"changed": 0}


async def test_stock_poll_reads_salable_quantity_of_changed_skus(
    make_engine: MakeEngine, engine_db: Database, store_id: int, commerce_admin: Admin
) -> None:
    engine = await engine_for(make_engine)
    store = engine.env.store(store_id)
    await import_products(engine.env, store, search="CM-0004")
    commerce_admin.put("/products/CM-00044", {"qty": 3})
    counts = await poll_stock(engine.env, store)
    assert counts["changed"] == 1
    assert listing(engine_db, "CM-00044").qty == 3
    commerce_admin.put("/products/CM-00044", {"qty": 0})
    await poll_stock(engine.env, store)
    zero = listing(engine_db, "CM-00044")
    assert zero.qty == 0 and zero.state == ListingState.INELIGIBLE


async def test_resend_export_and_remove(
    make_engine: MakeEngine, engine_db: Database, store_id: int
) -> None:
    engine = await engine_for(make_engine)
    await import_products(engine.env, engine.env.store(store_id), skus=["CM-00001", "CM-00003"])
    ids = listing_ids_all(engine_db)
    update_all(engine_db, last_qty_sent=5, qty_queued=5, sync_error="Stock: refused")
    assert ops.resend(engine_db, ids).count == 2
    again = listing(engine_db, "CM-00003")
    assert (again.last_qty_sent, again.qty_queued, again.sync_error) == (None, None, None)

    out = io.StringIO()
    assert ops.export_listings(engine_db, "csv", out) == 2
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert [r["sku"] for r in rows] == ["CM-00001", "CM-00003"]
    assert rows[0]["state"] == "incomplete" and rows[1]["gtin14"] == "04029081003393"
    out = io.StringIO()
    ops.export_listings(engine_db, "json", out)
    assert json.loads(out.getvalue())[1]["identifier_kind"] == "EAN"

    assert ops.remove_listings(engine_db, ids).count == 2
    assert not listing_ids_all(engine_db)


def listing_ids_all(db: Database) -> list[int]:
    with db.session() as session:
        return listing_ids(session, ListingFilter(), ListingSort())


def update_all(db: Database, **values: object) -> None:
    with db.session() as session:
        for row in session.scalars(select(Listing)):
            for name, value in values.items():
                setattr(row, name, value)
