"""The Listings screen's questions, answered in SQL: which ids, how many per state, which rows.

The Qt table model (``views/tables/listings.py``) keeps only the ordered ids :func:`listing_ids`
returns and asks :func:`rows_by_ids` for the ~200 rows around what is on screen, so 100,000
listings cost one id query instead of 100,000 objects (the shape of Anki's browser table).
Filter, sort and search all run here, so what the merchant sees is what the database holds.

The counts are taken over the same store and search as the list but ignore the chosen tab, so
every tab can show how many listings it holds.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from enum import StrEnum
from typing import Any, TypeVar, cast

from sqlalchemy import ColumnElement, case, func, or_, select
from sqlalchemy.orm import Session
from sqlalchemy.sql import Select

from channelmanager_gui.models.db import Database
from channelmanager_gui.models.listing import (
    NAME_INDEX,
    SENT_AT_INDEX,
    STATE_RANK_INDEX,
    Listing,
    ListingState,
    MatchStatus,
)
from channelmanager_gui.models.sorted_ids import ids_in_order, unindexed

PAGE_LIMIT = 500  # rows_by_ids takes at most this many ids (SQLite bound-parameter headroom)
IN_ERROR = "in error"  # the tab of listings whose last push or match failed, whatever the state
ALL = ""  # no state filter

_Query = TypeVar("_Query", bound=Select[*tuple[Any, ...]])

# Tabs in the order a merchant works through them: what sells, then what needs them.
TABS: tuple[str, ...] = (
    ALL,
    ListingState.ACTIVE,
    ListingState.READY,
    ListingState.PENDING_MATCH,
    ListingState.UNMATCHED,
    ListingState.INCOMPLETE,
    ListingState.INELIGIBLE,
    ListingState.ENDED,
    IN_ERROR,
)
# Amazon Sales Channel's tabs, in its order (reference section 4.8), shown when the merchant
# looks at Amazon only; each listing in one carries its reason (``Listing.state_reason``).
AMAZON_TABS: tuple[str, ...] = (
    ALL,
    ListingState.ACTIVE,
    ListingState.READY,
    ListingState.INACTIVE,
    ListingState.INELIGIBLE,
    ListingState.INCOMPLETE,
    ListingState.ENDED,
    ListingState.NEW_THIRD_PARTY,
    IN_ERROR,
)


class MatchGroup(StrEnum):
    """The Matching page's tabs: what the merchant must do, or wait for."""

    CHOOSE = "choose"  # several Walmart items carry the GTIN: pick one
    NOT_SENT = "not sent"  # has an identifier, never sent for matching
    PENDING = "pending"  # waiting for the matching loop or the setup-by-match feed
    NOT_FOUND = "not found"  # no Walmart item, or Walmart refused the lookup
    INCOMPLETE = "incomplete"  # no valid identifier: cannot be matched yet
    MATCHED = "matched"


def match_clause(group: MatchGroup) -> ColumnElement[bool]:
    status = Listing.match_status
    if group is MatchGroup.CHOOSE:
        return status == MatchStatus.CANDIDATES
    if group is MatchGroup.NOT_SENT:
        return (status == MatchStatus.NONE) & (Listing.state != ListingState.INCOMPLETE)
    if group is MatchGroup.PENDING:
        return status == MatchStatus.PENDING
    if group is MatchGroup.NOT_FOUND:
        return status.in_([MatchStatus.NOT_FOUND, MatchStatus.ERROR])
    if group is MatchGroup.INCOMPLETE:
        return Listing.state == ListingState.INCOMPLETE
    return status == MatchStatus.MATCHED


class ListingSortColumn(StrEnum):
    SKU = "sku"
    NAME = "name"
    STATE = "state"
    IDENTIFIER = "gtin14"
    PRICE = "price"
    QTY = "qty"
    PRICE_SENT = "last_price_sent"
    QTY_SENT = "last_qty_sent"
    SENT_AT = "sent_at"  # the later of the price and stock pushes
    WALMART_ITEM = "marketplace_item_id"
    ERROR = "sync_error"
    MARKETPLACE = "marketplace"  # ix_listings_marketplace (0010) holds this order


@dataclass(frozen=True)
class ListingFilter:
    """What the merchant narrowed the table to; empty fields do not filter."""

    store_id: int | None = None
    tab: str = ALL  # a ListingState value, IN_ERROR, or ALL
    search: str = ""
    match: str = ""  # a MatchGroup value (the Matching page's tabs), or "" for any
    marketplace: str = ""  # 'walmart' | 'amazon' (``models.account``), "" for both


@dataclass(frozen=True)
class ListingSort:
    column: ListingSortColumn = ListingSortColumn.SKU
    descending: bool = False


@dataclass(frozen=True)
class ListingCounts:
    """Listings per tab (``ALL`` and ``IN_ERROR`` included) within the store and search."""

    by_tab: dict[str, int] = field(default_factory=dict)

    def get(self, tab: str) -> int:
        return self.by_tab.get(tab, 0)


@dataclass(frozen=True)
class ListingRow:
    """One line of the Listings table."""

    id: int
    store_id: int
    marketplace: str
    sku: str
    name: str
    state: str
    price: Decimal | None
    qty: int | None
    identifier_kind: str | None
    identifier_value: str | None
    gtin14: str | None
    identifier_problem: str | None
    match_status: str
    marketplace_item_id: str | None
    published_status: str | None
    last_price_sent: Decimal | None
    price_sent_at: datetime | None
    last_qty_sent: int | None
    qty_sent_at: datetime | None
    price_queued: Decimal | None
    qty_queued: int | None
    sync_error: str | None
    state_reason: str | None = None  # why the listing is in its tab (Amazon, section 4.8)

    @property
    def sent_at(self) -> datetime | None:
        stamps = [s for s in (self.price_sent_at, self.qty_sent_at) if s is not None]
        return max(stamps) if stamps else None


_ROW_FIELDS = tuple(ListingRow.__dataclass_fields__)
_ROW_COLUMNS = tuple(getattr(Listing, name) for name in _ROW_FIELDS)


@dataclass(frozen=True)
class ListingIds:
    """What one refresh needs: the ordered ids and, unless only the sort or the tab changed
    (neither changes them), the tab counts, read together."""

    ids: Sequence[int]
    counts: ListingCounts | None
    match_counts: dict[MatchGroup, int] = field(default_factory=dict)


def load_ids(
    db: Database, flt: ListingFilter, sort: ListingSort, *, with_counts: bool = True
) -> ListingIds:
    """Ids and counts in one read transaction; safe to call from a worker thread."""
    with db.session() as session:
        ids = listing_ids(session, flt, sort)
        if not with_counts:
            return ListingIds(ids, None)
        counts = listing_counts(session, flt)
        groups = match_counts(session, flt) if flt.match else {}
        return ListingIds(ids, counts, groups)


def listing_ids(session: Session, flt: ListingFilter, sort: ListingSort) -> Sequence[int]:
    """Ids of the listings matching ``flt`` in ``sort`` order (ties broken by id).

    Every sort key has an index (migration 0006), so SQLite walks it instead of sorting;
    a tab or Matching group is picked out of that order (``ids_in_order``), except a state
    tab in SKU order, which its own index gives."""
    query = _scoped(select(Listing.id), flt)
    if flt.tab == IN_ERROR:
        query = query.where(Listing.sync_error.is_not(None))
    elif flt.tab:
        query = query.where(Listing.state == flt.tab)
    if flt.match:
        query = query.where(match_clause(MatchGroup(flt.match)))
    key = _sort_key(sort.column)
    searched = bool(flt.search.strip())
    if searched:
        key = unindexed(key)  # every row is read for the search: scan, then sort the hits
    by_state_index = not flt.match and flt.tab != IN_ERROR and sort.column is ListingSortColumn.SKU
    # The marketplace is in no sort index: a choice of one is picked out of the sort order.
    narrowed = not searched and (
        bool(flt.marketplace) or (bool(flt.tab or flt.match) and not by_state_index)
    )
    return ids_in_order(
        session, query, key, Listing.id.expression, descending=sort.descending, narrowed=narrowed
    )


def listing_counts(session: Session, flt: ListingFilter) -> ListingCounts:
    """Listings per state, in error, and in all, over the store and search of ``flt``, in
    one pass (``count(sync_error)`` counts the rows in error of each state)."""
    query = _scoped(select(Listing.state, func.count(), func.count(Listing.sync_error)), flt)
    # Through the state index the rows would be read in random order: a scan is faster.
    query = query.group_by(unindexed(Listing.state.expression))
    counts: dict[str, int] = {tab: 0 for tab in (*TABS, *AMAZON_TABS)}
    for state, count, in_error in session.execute(query):
        counts[state] = int(count)
        counts[ALL] += int(count)
        counts[IN_ERROR] += int(in_error)
    return ListingCounts(counts)


def match_counts(session: Session, flt: ListingFilter) -> dict[MatchGroup, int]:
    """Listings per Matching tab over the store and search of ``flt``, in one scan."""
    sums = [func.coalesce(func.sum(case((match_clause(g), 1), else_=0)), 0) for g in MatchGroup]
    values = session.execute(_scoped(select(*sums), flt)).one()
    return {group: int(value) for group, value in zip(MatchGroup, values, strict=True)}


def rows_by_ids(session: Session, ids: Sequence[int]) -> dict[int, ListingRow]:
    """The rows for ``ids`` (at most ``PAGE_LIMIT``); ids that no longer exist are absent."""
    if len(ids) > PAGE_LIMIT:
        raise ValueError(f"rows_by_ids takes at most {PAGE_LIMIT} ids, got {len(ids)}")
    if not ids:
        return {}
    query = select(*_ROW_COLUMNS).where(Listing.id.in_(list(ids)))
    rows = {}
    for record in session.execute(query):
        values = dict(zip(_ROW_FIELDS, record, strict=True))
        values["name"] = values["name"] or ""
        row = ListingRow(**values)
        rows[row.id] = row
    return rows


@dataclass(frozen=True)
class MatchDetail:
    """One listing as the Matching page's detail pane shows it, candidates included."""

    row: ListingRow
    candidates: list[dict[str, Any]]


def match_detail(session: Session, listing_id: int) -> MatchDetail | None:
    """A primary-key read: cheap enough for the UI thread on every selection change."""
    rows = rows_by_ids(session, [listing_id])
    if listing_id not in rows:
        return None
    candidates = session.scalar(select(Listing.match_candidates).where(Listing.id == listing_id))
    return MatchDetail(rows[listing_id], [c for c in candidates or [] if isinstance(c, dict)])


def search_clause(text: str) -> ColumnElement[bool]:
    """SKU or name as a substring, or an identifier (GTIN, UPC, EAN, ISBN, Walmart item id).

    GTIN-14 is the UPC/EAN left-padded with zeros, so a typed UPC is a substring of it.
    """
    words = text.strip()
    pattern = "%" + words.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
    columns = (
        Listing.sku,
        Listing.name,
        Listing.gtin14,
        Listing.identifier_value,
        Listing.marketplace_item_id,
    )
    return or_(*(col.like(pattern, escape="\\") for col in columns))


def _scoped(query: _Query, flt: ListingFilter) -> _Query:
    """Store, marketplace and search: the scope the list and the counts share."""
    if flt.store_id is not None:
        query = query.where(Listing.store_id == flt.store_id)
    if flt.marketplace:
        query = query.where(Listing.marketplace == flt.marketplace)
    if flt.search.strip():
        query = query.where(search_clause(flt.search))
    return query


def _sort_key(column: ListingSortColumn) -> ColumnElement[Any]:
    # Name, state and "last sent" sort by the indexed expressions themselves, so SQLite reads
    # the order from the index (it only matches an identical expression).
    if column is ListingSortColumn.STATE:
        return cast(ColumnElement[Any], STATE_RANK_INDEX.expressions[0])
    if column is ListingSortColumn.SENT_AT:
        return cast(ColumnElement[Any], SENT_AT_INDEX.expressions[0])
    if column is ListingSortColumn.NAME:
        return cast(ColumnElement[Any], NAME_INDEX.expressions[0])
    attribute: ColumnElement[Any] = getattr(Listing, column.value)
    return attribute
