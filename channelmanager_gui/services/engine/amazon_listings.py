"""Loop "amazon_listings": each Amazon account's listings imported, matched and put in tabs.

1. Import: the All Listings report (``adapter.iter_listings``, reference §4.7; the search API
   stops at 1,000 items) gives every listing of the account. Each becomes (or refreshes) the
   ``listings`` row of the account with its ASIN and Amazon's status; a SKU the store has in
   Commerce (imported for another account, or found in Commerce by SKU now) is tied to its
   product, any other is *New third party* (§4.8). What Amazon shows (quantity, price) becomes
   what was last sent, unless a value of ours is still on its way.
2. Match: a Commerce product not listed on the account is looked up in Amazon's catalog by its
   UPC/EAN/ISBN/GTIN (``adapter.search_catalog``, §4.4): one base product → matched to its
   ASIN; none → not found (Incomplete, "Unable to Assign"); several, or a variation parent →
   candidates, and the merchant picks one with the same operation as on Walmart
   (``matching.pick_candidate``), after which the next pass matches it.
3. Every row of the account is given its tab and reason (``amazon_tabs``).

Interval: the report costs one ``createReport`` (0.0167/s, burst 15, §4.7) and takes minutes
to make, so the loop runs every 30 minutes by default (``DEFAULT_INTERVALS``).
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from channelmanager_gui.errors import ChannelError, RateLimitError, UnavailableError
from channelmanager_gui.models.account import AMAZON
from channelmanager_gui.models.listing import Listing, MatchStatus
from channelmanager_gui.services.changes import Change, Changes
from channelmanager_gui.services.commerce.models import Product
from channelmanager_gui.services.engine import outcomes
from channelmanager_gui.services.engine.amazon_tabs import ENDED, FBA, apply_tab
from channelmanager_gui.services.engine.catalog import commerce_products
from channelmanager_gui.services.engine.context import AccountContext, EngineEnv, StoreContext
from channelmanager_gui.services.engine.product_facts import apply_product
from channelmanager_gui.services.engine.rules_source import rules_for
from channelmanager_gui.services.marketplace.port import (
    CatalogCandidate,
    FulfilledBy,
    ListingSnapshot,
    MarketplacePort,
)

MATCH_BATCH = 20  # catalog searches per pass: searchCatalogItems allows 2/s, burst 2 (§4.4)
SEARCHABLE = ("UPC", "EAN", "ISBN", "GTIN")
# The Commerce facts a listing of another account lends a new row of the same SKU.
PRODUCT_COLUMNS = ("name", "commerce_product_id", "price", "qty", "enabled", "weight",
                   "source_qty", "stock_checked_at", "commerce_updated_at", "identifier_kind",
                   "identifier_value", "gtin14", "identifier_problem")  # fmt: skip


def amazon_accounts(store: StoreContext) -> list[AccountContext]:
    return [a for a in store.accounts.values() if a.marketplace == AMAZON]


async def refresh_amazon_listings(env: EngineEnv, store: StoreContext) -> dict[str, int]:
    """The loop: every Amazon account of the store, one after the other."""
    counts: Counter[str] = Counter()
    for account in amazon_accounts(store):
        counts.update(await import_listings(env, store, account.id, account.adapter))
        counts.update(await match_listings(env, store, account.id, account.adapter))
    if counts:
        env.changes.publish(Changes.of(Change.LISTINGS, Change.ACTIVITY))
    return dict(counts)


async def import_listings(
    env: EngineEnv, store: StoreContext, account_id: int, adapter: MarketplacePort
) -> dict[str, int]:
    """The account's listings report into its rows; returns counts."""
    with env.db.session() as session:
        known = _commerce_rows(session, store.id)
    snapshots = [snap async for snap in adapter.iter_listings(frozenset(known))]
    unknown = [s.sku for s in snapshots if s.sku not in known]
    products = await commerce_products(store, unknown) if unknown else {}
    rules = rules_for(store, account_id)
    counts: Counter[str] = Counter()
    with env.db.session() as session:
        rows = _rows(session, account_id)
        for snap in snapshots:
            listing = rows.get(snap.sku)
            if listing is None:
                listing = rows[snap.sku] = _new_row(session, store.id, account_id, snap.sku)
                counts["imported"] += 1
            _tie_to_product(session, store, listing, products.get(snap.sku), known.get(snap.sku))
            _apply_snapshot(listing, snap)
        seen = {snap.sku for snap in snapshots}
        for sku, listing in rows.items():
            if sku not in seen and listing.published_status is not None:
                listing.published_status = None  # no longer on Amazon
            apply_tab(listing, rules)
            counts[f"tab_{listing.state}"] += 1
        counts["listed"] = len(snapshots)
    return dict(counts)


async def match_listings(
    env: EngineEnv, store: StoreContext, account_id: int, adapter: MarketplacePort
) -> dict[str, int]:
    """Commerce products not on the account looked up in Amazon's catalog (a batch a pass)."""
    todo = _to_match(env, account_id)
    counts: Counter[str] = Counter()
    found: list[tuple[int, list[CatalogCandidate] | str]] = []
    for listing_id, kind, value in todo:
        if not kind:
            found.append((listing_id, []))
            continue
        try:
            found.append((listing_id, await adapter.search_catalog(kind, value)))
        except (UnavailableError, RateLimitError):
            break  # Amazon is busy: the rest waits for the next pass
        except ChannelError as exc:
            found.append((listing_id, str(exc)))
    rules = rules_for(store, account_id)
    with env.db.session() as session:
        for listing_id, outcome in found:
            listing = session.get(Listing, listing_id)
            if listing is None or listing.match_status not in (MatchStatus.NONE,
                                                               MatchStatus.PENDING):  # fmt: skip
                continue  # removed or changed by the merchant meanwhile
            counts[_record_match(session, listing, outcome)] += 1
            apply_tab(listing, rules)
        for listing in _picked(session, account_id):
            _matched(session, listing, str(listing.marketplace_item_id), "picked by the merchant")
            apply_tab(listing, rules)
            counts["matched"] += 1
    return dict(counts)


def _commerce_rows(session: Session, store_id: int) -> dict[str, int]:
    """SKU → a listing id of the store that holds the SKU's Commerce product."""
    query = select(Listing.sku, Listing.id).where(
        Listing.store_id == store_id, Listing.commerce_product_id.is_not(None)
    )
    return {sku: listing_id for sku, listing_id in session.execute(query)}


def _rows(session: Session, account_id: int) -> dict[str, Listing]:
    query = select(Listing).where(Listing.account_id == account_id)
    return {listing.sku: listing for listing in session.scalars(query)}


def _new_row(session: Session, store_id: int, account_id: int, sku: str) -> Listing:
    listing = Listing(store_id=store_id, account_id=account_id, marketplace=AMAZON, sku=sku,
                      match_status=MatchStatus.NONE)  # fmt: skip
    session.add(listing)
    return listing


def _tie_to_product(
    session: Session, store: StoreContext, listing: Listing, product: Product | None,
    sibling_id: int | None,
) -> None:  # fmt: skip
    """A row without a Commerce product gets it from Commerce or from the SKU's other row."""
    if listing.commerce_product_id is not None:
        return
    if product is not None:
        apply_product(listing, product, store.settings.identifier_attributes)
    elif sibling_id is not None:
        sibling = session.get(Listing, sibling_id)
        if sibling is not None:
            copy_product(sibling, listing)


def copy_product(source: Listing, target: Listing) -> None:
    """The Commerce facts of ``source`` (another account's row of the SKU) onto ``target``."""
    for column in PRODUCT_COLUMNS:
        setattr(target, column, getattr(source, column))


def _apply_snapshot(listing: Listing, snap: ListingSnapshot) -> None:
    listing.published_status = (snap.status or "Unknown")[:32]
    if snap.marketplace_item_id:
        listing.marketplace_item_id = snap.marketplace_item_id
        listing.match_status = MatchStatus.MATCHED
    if listing.commerce_product_id is None:
        listing.name = (snap.title or snap.sku)[:255]
    fba = snap.fulfilled_by is FulfilledBy.MARKETPLACE
    listing.lifecycle_status = FBA if fba else None  # listed again: no longer ended
    # What Amazon shows is what it has, unless a value of ours is still on its way there.
    if listing.qty_queued is None and snap.quantity is not None and not fba:
        listing.last_qty_sent = snap.quantity
    if listing.price_queued is None and snap.price is not None:
        listing.last_price_sent = snap.price


def _to_match(env: EngineEnv, account_id: int) -> list[tuple[int, str, str]]:
    """(id, identifier kind, value) of the account's products waiting for a catalog search."""
    query = (
        select(Listing.id, Listing.identifier_kind, Listing.identifier_value)
        .where(
            Listing.account_id == account_id,
            Listing.commerce_product_id.is_not(None),
            Listing.marketplace_item_id.is_(None),
            Listing.lifecycle_status.is_distinct_from(ENDED),
            Listing.match_status.in_((MatchStatus.NONE, MatchStatus.PENDING)),
        )
        .order_by(Listing.updated_at, Listing.id)
        .limit(MATCH_BATCH)
    )
    with env.db.session() as session:
        rows = session.execute(query).all()
    return [(i, kind if kind in SEARCHABLE and value else "", value or "")
            for i, kind, value in rows]  # fmt: skip


def _record_match(session: Session, listing: Listing, outcome: list[CatalogCandidate] | str) -> str:
    if isinstance(outcome, str):
        outcomes.match_failed(session, listing, f"Amazon's catalog search failed: {outcome}")
        return "errors"
    if not outcome:
        listing.match_status = MatchStatus.NOT_FOUND
        what = f"{listing.identifier_kind} {listing.identifier_value}" if listing.identifier_kind \
            else "this product (it has no UPC, EAN, ISBN or GTIN)"  # fmt: skip
        outcomes.note(session, listing, "match_not_found",
                      f"Amazon's catalog has no item for {what}", "error")  # fmt: skip
        return "not_found"
    if len(outcome) == 1 and outcome[0].classification != "VARIATION_PARENT":
        _matched(session, listing, outcome[0].item_id, f"by {listing.identifier_kind}")
        return "matched"
    listing.match_status = MatchStatus.CANDIDATES
    listing.match_candidates = [_candidate_json(c) for c in outcome]
    outcomes.note(session, listing, "match_candidates",
                  f"{len(outcome)} Amazon items carry {listing.identifier_kind} "
                  f"{listing.identifier_value}: pick one", "info")  # fmt: skip
    return "candidates"


def _matched(session: Session, listing: Listing, asin: str, how: str) -> None:
    listing.match_status = MatchStatus.MATCHED
    listing.marketplace_item_id = asin
    outcomes.clear(listing, outcomes.MATCH)
    outcomes.note(session, listing, "matched", f"Matched to Amazon ASIN {asin} ({how})", "ok")


def _picked(session: Session, account_id: int) -> list[Listing]:
    """Rows whose candidate the merchant picked (``pick_candidate``: pending with an ASIN)."""
    query = select(Listing).where(
        Listing.account_id == account_id,
        Listing.match_status == MatchStatus.PENDING,
        Listing.marketplace_item_id.is_not(None),
    )
    return list(session.scalars(query))


def _candidate_json(candidate: CatalogCandidate) -> dict[str, Any]:
    """The same keys as a Walmart candidate (``match_lookup.candidate_json``), so the window's
    pick works alike."""
    return {
        "item_id": candidate.item_id,
        "title": candidate.title,
        "brand": candidate.brand,
        "price": None,
        "classification": candidate.classification,
        "identifiers": dict(candidate.identifiers),
    }
