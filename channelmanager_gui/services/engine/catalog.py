"""Catalog: import the products a merchant picks, and keep them fresh (loop "catalog").

The import is a long job (a whole catalog can be thousands of products): it commits page by
page, reports through a :class:`Progress`, and stops between pages when cancelled, keeping what
it imported. The refresh loop reads only products changed since the last pass (``updated_at``
watermark in ``SyncCursor``), overlapping by a second because Commerce timestamps have
one-second resolution: re-reading a product is harmless, missing one is not.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from channelmanager_gui.errors import ChannelError, ValidationError
from channelmanager_gui.models.account import WALMART, MarketplaceAccount
from channelmanager_gui.models.listing import Listing
from channelmanager_gui.services import activity
from channelmanager_gui.services.changes import Change, Changes
from channelmanager_gui.services.commerce.catalog import product_criteria, sku_batches
from channelmanager_gui.services.commerce.models import Product, parse
from channelmanager_gui.services.engine.context import EngineEnv, StoreContext
from channelmanager_gui.services.engine.cursors import read_cursor, save_cursor
from channelmanager_gui.services.engine.product_facts import (
    apply_product,
    read_identifier,
    unlistable_reason,
)
from channelmanager_gui.services.engine.progress import NullProgress, Progress, is_cancelled
from channelmanager_gui.services.engine.stock import poll_stock

PAGE_SIZE = 100
WATERMARK = "catalog.updated_at"


@dataclass
class ImportResult:
    """What an import did, for the dialog's summary and the command line."""

    created: int = 0
    updated: int = 0
    incomplete: int = 0
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (sku, reason)
    not_found: list[str] = field(default_factory=list)  # asked-for SKUs Commerce does not have
    listing_ids: list[int] = field(default_factory=list)
    cancelled: bool = False

    @property
    def changes(self) -> Changes:
        return Changes.of(Change.LISTINGS, Change.ACTIVITY, count=len(self.listing_ids))

    def summary(self) -> str:
        parts = [f"{self.created} imported", f"{self.updated} updated"]
        if self.incomplete:
            parts.append(f"{self.incomplete} incomplete (no valid identifier)")
        if self.skipped:
            parts.append(f"{len(self.skipped)} skipped")
        if self.not_found:
            parts.append(f"{len(self.not_found)} not found in Commerce")
        return ", ".join(parts) + (" — cancelled" if self.cancelled else "")


async def import_products(
    env: EngineEnv,
    store: StoreContext,
    *,
    skus: list[str] | None = None,
    search: str | None = None,
    all: bool = False,
    progress: Progress | None = None,
) -> ImportResult:
    """Create (or update) listings for the chosen products: by SKU list, search text, or all.

    Products are upserted by SKU, so importing twice is harmless. Stock is read right after so
    the listings show a meaningful state at once.
    """
    wanted = _clean_skus(skus) if skus is not None else None
    if sum(x is not None and x != "" for x in (wanted, search)) + bool(all) != 1:
        raise ValidationError("import", "choose products by a SKU list, a search, or all")
    if wanted == []:
        raise ValidationError("SKU list", "is empty")
    progress = progress or NullProgress()
    progress.set_status("Reading products from Commerce…")
    result = ImportResult()
    total = len(wanted) if wanted else None
    seen: set[str] = set()
    async for page in _pages(store, wanted, search or None):
        if is_cancelled(progress):
            result.cancelled = True
            break
        _import_page(env, store, page, result, seen)
        progress.set_progress(len(seen), total)
    if wanted:
        result.not_found = [s for s in wanted if s.casefold() not in seen]
    if result.listing_ids and not result.cancelled:
        progress.set_status("Reading stock…")
        await poll_stock(env, store, listing_ids=result.listing_ids)
    _log_summary(env, store, result)
    env.changes.publish(Changes.of(Change.LISTINGS, Change.ACTIVITY))
    return result


async def refresh_catalog(env: EngineEnv, store: StoreContext) -> dict[str, int]:
    """Loop "catalog": copy changes of imported products (name, price, status, identifier)."""
    since = _watermark(env, store.id)
    if since is None:
        return {"changed": 0}
    changed = 0
    newest = since
    async for page in _pages(store, None, None, updated_since=since - timedelta(seconds=1)):
        with env.db.session() as session:
            listings = _by_sku(session, store.id, [_sku_of(raw) for raw in page])
            for raw in page:
                product = _parse(raw)
                if product is None:
                    continue
                if product.updated_at and product.updated_at > newest:
                    newest = product.updated_at  # also past products nobody imported
                # Every account's listing of the SKU (Walmart's and Amazon's) follows Commerce.
                for listing in listings.get(product.sku, ()):
                    changed += _refresh_one(session, store, listing, product)
    save_cursor(env.db, store.id, WATERMARK, newest)
    if changed:
        env.changes.publish(Changes.of(Change.LISTINGS, Change.ACTIVITY))
    return {"changed": changed}


def _refresh_one(session: Session, store: StoreContext, listing: Listing, product: Product) -> int:
    changes = apply_product(listing, product, store.settings.identifier_attributes)
    if not changes:
        return 0
    activity.record(
        session,
        store_id=store.id,
        subject_type="listing",
        subject_id=listing.id,
        event="catalog_refresh",
        message="Changed in Commerce: " + ", ".join(changes),
        outcome="error" if listing.identifier_problem else "ok",
    )
    return 1


async def _pages(
    store: StoreContext,
    skus: list[str] | None,
    search: str | None,
    updated_since: datetime | None = None,
) -> AsyncIterator[list[object]]:
    """Raw product pages; parsed one by one later so one odd product never stops the rest."""
    commerce = store.commerce
    for batch in sku_batches(skus) if skus else [None]:
        criteria = product_criteria(updated_since, batch, search, PAGE_SIZE)
        async for page in commerce.iter_pages(commerce.path("products"), criteria, "product"):
            yield page


def _import_page(
    env: EngineEnv, store: StoreContext, page: list[object], result: ImportResult, seen: set[str]
) -> None:
    attributes = store.settings.identifier_attributes
    with env.db.session() as session:
        existing = _by_sku(session, store.id, [_sku_of(raw) for raw in page])
        accounts = _accounts(session, store.id)
        for raw in page:
            sku = _sku_of(raw)
            seen.add(sku.casefold())
            product = _parse(raw)
            reason = (
                "Commerce sent this product in an unexpected shape"
                if product is None
                else (unlistable_reason(product))
            )
            if reason or product is None:
                result.skipped.append((sku, reason or ""))
                continue
            rows = {row.account_id: row for row in existing.get(sku, ())}
            new = False
            for account_id, marketplace in accounts:  # the product goes to every account
                listing = rows.get(account_id)
                if listing is None:
                    new = new or account_id == accounts[0][0]
                    listing = Listing(store_id=store.id, account_id=account_id,
                                      marketplace=marketplace, sku=product.sku)  # fmt: skip
                    session.add(listing)
                apply_product(listing, product, attributes)
                session.flush()
                _log_import(session, store.id, listing, account_id not in rows)
                result.listing_ids.append(listing.id)
            result.created += new
            result.updated += not new
            result.incomplete += bool(read_identifier(product, attributes).problem)


def _log_import(session: Session, store_id: int, listing: Listing, new: bool) -> None:
    verb = "Imported from Commerce" if new else "Imported again from Commerce"
    if listing.identifier_problem:
        message, outcome = f"{verb}; incomplete: {listing.identifier_problem}", "error"
    else:
        message, outcome = f"{verb} with {listing.identifier_kind} {listing.gtin14}", "ok"
    activity.record(
        session,
        store_id=store_id,
        subject_type="listing",
        subject_id=listing.id,
        event="imported",
        message=message,
        outcome=outcome,
    )


def _log_summary(env: EngineEnv, store: StoreContext, result: ImportResult) -> None:
    with env.db.session() as session:
        activity.record(
            session,
            store_id=store.id,
            subject_type="sync",
            subject_id=None,
            event="catalog_import",
            message=f"Catalog import: {result.summary()}",
            outcome="info",
        )


def _clean_skus(skus: list[str]) -> list[str]:
    return list(dict.fromkeys(s.strip() for s in skus if s and s.strip()))


def _sku_of(raw: object) -> str:
    sku = raw.get("sku") if isinstance(raw, dict) else None
    return str(sku) if sku is not None else ""


def _parse(raw: object) -> Product | None:
    try:
        return parse(Product, raw, "product")
    except ChannelError:
        return None


def _by_sku(session: Session, store_id: int, skus: list[str]) -> dict[str, list[Listing]]:
    """Every account's listings of these SKUs, keyed as Commerce spells the SKU (listings store
    that form)."""
    query = select(Listing).where(Listing.store_id == store_id, Listing.sku.in_(set(skus)))
    found: dict[str, list[Listing]] = {}
    for listing in session.scalars(query.order_by(Listing.account_id)):
        found.setdefault(listing.sku, []).append(listing)
    return found


def _accounts(session: Session, store_id: int) -> list[tuple[int, str]]:
    """(id, marketplace) of the store's enabled accounts, its Walmart account first (the one
    the import's counts speak of)."""
    query = select(MarketplaceAccount.id, MarketplaceAccount.marketplace).where(
        MarketplaceAccount.store_id == store_id, MarketplaceAccount.enabled
    )
    rows = [(i, m) for i, m in session.execute(query.order_by(MarketplaceAccount.id))]
    return sorted(rows, key=lambda row: row[1] != WALMART)


async def commerce_products(store: StoreContext, skus: list[str]) -> dict[str, Product]:
    """The Commerce products of these SKUs that exist (e.g. for SKUs an Amazon report names)."""
    found: dict[str, Product] = {}
    async for page in _pages(store, _clean_skus(skus), None):
        for raw in page:
            product = _parse(raw)
            if product is not None:
                found[product.sku] = product
    return found


def _watermark(env: EngineEnv, store_id: int) -> datetime | None:
    """The newest ``updated_at`` seen; first pass: the newest of the imported products."""
    with env.db.session() as session:
        seen = read_cursor(session, store_id, WATERMARK)
        if seen is not None:
            return seen
        newest: datetime | None = session.scalar(
            select(func.max(Listing.commerce_updated_at)).where(Listing.store_id == store_id)
        )
    return newest
