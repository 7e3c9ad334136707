"""The window's global search: one text, the orders and listings it names, best first.

A merchant pastes a Walmart purchase order, a customer order, a Commerce order number, a
tracking number, a SKU or a UPC/EAN, or types part of a product name. What they paste is
usually a whole number, so exact matches come first and, when there are any, are the whole
answer (a pasted number opens its order at once). Otherwise the answer is the prefix matches,
then the substring matches, up to ``limit``.

Exact and prefix matches are index lookups: a prefix is the range ``p <= col < p + U+10FFFF``,
which SQLite serves from a binary-collated index where a case-insensitive ``LIKE`` cannot.
Purchase orders and SKUs are indexed behind ``store_id`` (their unique constraints), so those
lookups go store by store. The substring tier reuses the pages' own search conditions, so a
hit found here is found again by the page it opens; it scans, stopped by ``LIMIT``, in a worker
thread like every page query.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from sqlalchemy import ColumnElement, or_, select
from sqlalchemy.orm import InstrumentedAttribute, Session

from channelmanager_gui.identifiers import GTIN_LENGTHS, InvalidIdentifier, normalize
from channelmanager_gui.models.db import Database
from channelmanager_gui.models.listing import Listing
from channelmanager_gui.models.listing_table_queries import search_clause as listing_search
from channelmanager_gui.models.order import Order, Shipment
from channelmanager_gui.models.order_note import OrderNote
from channelmanager_gui.models.order_table_queries import search_clause as order_search
from channelmanager_gui.models.store import Store

DEFAULT_LIMIT = 20
_TOP = "\U0010ffff"  # sorts after every character, so p <= s < p + _TOP when s starts with p

Column = InstrumentedAttribute[Any]
Condition = Callable[[Column], ColumnElement[bool]]


class HitKind(StrEnum):
    ORDER = "order"
    LISTING = "listing"


@dataclass(frozen=True)
class SearchHit:
    """One order or listing found, with the words a pick list shows for it."""

    kind: HitKind
    id: int
    store_id: int
    key: str  # the Walmart purchase order, or the SKU
    title: str
    detail: str
    matched: str  # what matched, e.g. "tracking number"


@dataclass(frozen=True)
class SearchResult:
    text: str
    hits: list[SearchHit]
    more: bool = False  # more matched than the limit: the merchant should type more


@dataclass(frozen=True)
class _Found:
    kind: HitKind
    id: int
    matched: str


def global_search(
    db: Database, text: str, *, store_id: int | None = None, limit: int = DEFAULT_LIMIT
) -> SearchResult:
    """:func:`search` in its own read transaction; safe to call from a worker thread."""
    with db.session() as session:
        return search(session, text, store_id=store_id, limit=limit)


def search(
    session: Session, text: str, *, store_id: int | None = None, limit: int = DEFAULT_LIMIT
) -> SearchResult:
    """Orders and listings matching ``text`` in one store (None: every store)."""
    words = text.strip()
    if not words:
        return SearchResult(words, [])
    finder = _Finder(session, words, store_id, cap=limit + 1)
    found = finder.exact() or finder.prefix() + finder.substring()
    best: dict[tuple[HitKind, int], _Found] = {}
    for item in found:
        best.setdefault((item.kind, item.id), item)  # the first reason is the best one
    chosen = list(best.values())
    return SearchResult(words, _describe(session, chosen[:limit]), more=len(chosen) > limit)


class _Finder:
    """The three tiers of matches, each in rank order."""

    def __init__(self, session: Session, words: str, store_id: int | None, cap: int) -> None:
        self._session = session
        self._words = words
        # Ids and SKUs are mostly upper case; a merchant types them in either.
        self._variants = list(dict.fromkeys((words, words.upper(), words.lower())))
        self._cap = cap
        if store_id is not None:
            self._stores = [store_id]
        else:
            self._stores = list(session.scalars(select(Store.id).order_by(Store.id)))

    def exact(self) -> list[_Found]:
        return self._lookups(lambda column: column.in_(self._variants)) + self._identifier()

    def prefix(self) -> list[_Found]:
        def starts(column: Column) -> ColumnElement[bool]:
            return or_(*((column >= v) & (column < v + _TOP) for v in self._variants))

        return self._lookups(starts)

    def substring(self) -> list[_Found]:
        orders = self._ids(HitKind.ORDER, "order number or customer", order_search(self._words))
        noted = select(OrderNote.order_id).where(
            OrderNote.text.contains(self._words, autoescape=True)
        )
        orders += self._ids(HitKind.ORDER, "note", Order.id.in_(noted))
        listings = self._ids(
            HitKind.LISTING, "SKU, name or identifier", listing_search(self._words)
        )
        return orders + listings

    def _lookups(self, match: Condition) -> list[_Found]:
        found = []
        for store in self._stores:  # the PO and SKU indexes start with store_id
            purchase_order = (Order.store_id == store) & match(Order.marketplace_order_id)
            found += self._ids(HitKind.ORDER, "Walmart purchase order", purchase_order)
            found += self._ids(
                HitKind.LISTING, "SKU", (Listing.store_id == store) & match(Listing.sku)
            )
        found += self._ids(HitKind.ORDER, "customer order", match(Order.customer_order_id))
        found += self._ids(HitKind.ORDER, "Commerce order", match(Order.commerce_increment_id))
        tracked = select(Shipment.order_id).where(match(Shipment.tracking_number))
        found += self._ids(HitKind.ORDER, "tracking number", Order.id.in_(tracked))
        return found

    def _identifier(self) -> list[_Found]:
        """A typed UPC, EAN, ISBN or GTIN, in the GTIN-14 form listings are indexed by. No
        check-digit test: a search finds what is stored, valid or not."""
        digits = "".join(ch for ch in self._words if ch not in " -")
        gtins = {digits.zfill(14)} if digits.isdigit() and len(digits) in GTIN_LENGTHS else set()
        with contextlib.suppress(InvalidIdentifier):
            gtins.add(normalize(digits, "ISBN").gtin14)  # an ISBN-10 is stored as its ISBN-13
        if not gtins:
            return []
        return self._ids(HitKind.LISTING, "identifier", Listing.gtin14.in_(sorted(gtins)))

    def _ids(self, kind: HitKind, matched: str, where: ColumnElement[bool]) -> list[_Found]:
        """Orders newest first, listings by SKU; within the stores searched, at most ``cap``."""
        table = Order if kind is HitKind.ORDER else Listing
        order = Order.id.desc() if kind is HitKind.ORDER else Listing.sku.asc()
        query = (
            select(table.id)
            .where(where, table.store_id.in_(self._stores))
            .order_by(order)
            .limit(self._cap)
        )
        return [_Found(kind, row_id, matched) for row_id in self._session.scalars(query)]


def _describe(session: Session, chosen: list[_Found]) -> list[SearchHit]:
    """Titles and details for the chosen ids, in the order chosen (vanished ids are left out)."""
    orders = {
        row.id: row
        for row in session.execute(
            select(
                Order.id, Order.store_id, Order.marketplace_order_id, Order.commerce_increment_id,
                Order.customer_name, Order.status,
            ).where(Order.id.in_([f.id for f in chosen if f.kind is HitKind.ORDER]))
        )
    }  # fmt: skip
    listings = {
        row.id: row
        for row in session.execute(
            select(Listing.id, Listing.store_id, Listing.sku, Listing.name, Listing.state).where(
                Listing.id.in_([f.id for f in chosen if f.kind is HitKind.LISTING])
            )
        )
    }
    hits = []
    for found in chosen:
        if found.kind is HitKind.ORDER and found.id in orders:
            hits.append(_order_hit(found, orders[found.id]))
        elif found.kind is HitKind.LISTING and found.id in listings:
            hits.append(_listing_hit(found, listings[found.id]))
    return hits


def _order_hit(found: _Found, row: Any) -> SearchHit:
    commerce = f"Commerce {row.commerce_increment_id}" if row.commerce_increment_id else ""
    detail = " · ".join(p for p in (commerce, row.customer_name, row.status) if p)
    title = f"Order {row.marketplace_order_id}"
    return SearchHit(
        found.kind, found.id, row.store_id, row.marketplace_order_id, title, detail, found.matched
    )


def _listing_hit(found: _Found, row: Any) -> SearchHit:
    detail = " · ".join(p for p in (row.name, row.state) if p)
    return SearchHit(
        found.kind, found.id, row.store_id, row.sku, f"SKU {row.sku}", detail, found.matched
    )
