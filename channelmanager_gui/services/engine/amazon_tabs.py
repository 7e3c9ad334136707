"""An Amazon listing's tab and reason, from the facts kept on its row (reference §4.8).

``services/amazon/tabs.classify`` holds the rules and their precedence; this module gathers
its facts from a ``Listing`` row of an Amazon account and the account's listing rules:

- a local product: the row came from Commerce (``commerce_product_id``); a row only Amazon's
  listings report knows is *New third party*;
- ended: ``lifecycle_status`` ENDED (our own flag, §4.8);
- ineligible: disabled in Commerce, or the listing rules send 0 (out-of-stock threshold);
- the catalog match: ``match_status`` (not found / candidates) when no ASIN is known;
- on Amazon: the report's ``status`` column, kept in ``published_status``.

A pushed value Amazon accepted but does not show yet (accepted is not applied, §4.2) is added
to the reason, so the listing reads as pending with why.
"""

from __future__ import annotations

from channelmanager_gui.models.listing import Listing, ListingState, MatchStatus
from channelmanager_gui.services.amazon import tab_reasons as said
from channelmanager_gui.services.amazon.catalog import CatalogMatch, MatchVerdict
from channelmanager_gui.services.amazon.tabs import ListingFacts, Tab, TabVerdict, classify
from channelmanager_gui.services.engine.listing_rules import ListingRules

ENDED = "ENDED"
FBA = "FBA"

STATES = {
    Tab.ACTIVE: ListingState.ACTIVE,
    Tab.READY_TO_LIST: ListingState.READY,
    Tab.INACTIVE: ListingState.INACTIVE,
    Tab.INELIGIBLE: ListingState.INELIGIBLE,
    Tab.INCOMPLETE: ListingState.INCOMPLETE,
    Tab.ENDED: ListingState.ENDED,
    Tab.NEW_THIRD_PARTY: ListingState.NEW_THIRD_PARTY,
}
VERDICTS = {
    MatchStatus.NOT_FOUND: MatchVerdict.UNABLE_TO_ASSIGN,
    MatchStatus.CANDIDATES: MatchVerdict.MULTIPLE_MATCHES,
}
WAITING_FOR_MATCH = said.WAITING_FOR_MATCH.format()


def verdict(listing: Listing, rules: ListingRules, *, auto_list: bool = False) -> TabVerdict:
    """The tab of ``listing`` (a row of an Amazon account) and why."""
    facts = ListingFacts(
        has_local_product=listing.commerce_product_id is not None,
        ended=listing.lifecycle_status == ENDED,
        ineligible_reason=ineligible_reason(listing, rules),
        asin=listing.marketplace_item_id,
        match=_match(listing),
        listing_exists=listing.published_status is not None,
        auto_list=auto_list,
        report_status=listing.published_status,
    )
    found = classify(facts)
    waiting = listing.match_status in (MatchStatus.NONE, MatchStatus.PENDING)
    if found.tab is Tab.INCOMPLETE and facts.match is None and waiting:
        return TabVerdict(Tab.INCOMPLETE, WAITING_FOR_MATCH)
    return found


def apply_tab(listing: Listing, rules: ListingRules, *, auto_list: bool = False) -> None:
    """Store the tab as ``state`` and its reason (with any value awaiting Amazon) on the row."""
    found = verdict(listing, rules, auto_list=auto_list)
    listing.state = STATES[found.tab]
    reason = found.reason
    waiting = awaiting_words(listing)
    if waiting:
        reason = said.WITH_AWAITING.format(reason=reason, waiting=waiting)
    listing.state_reason = reason[:255]


def awaiting_words(listing: Listing) -> str:
    """Values queued or accepted that Amazon does not show yet ("quantity 7 on the way …")."""
    qty = listing.qty_queued if not _refused(listing, "Stock") else None
    price = listing.price_queued if not _refused(listing, "Price") else None
    if qty is not None and price is not None:
        return said.AWAITING_BOTH.format(qty=qty, price=f"{price:.2f}")
    if qty is not None:
        return said.AWAITING_QTY.format(qty=qty)
    if price is not None:
        return said.AWAITING_PRICE.format(price=f"{price:.2f}")
    return ""


def ineligible_reason(listing: Listing, rules: ListingRules) -> str | None:
    """Why our listing rules keep this product off Amazon (None: eligible)."""
    if listing.commerce_product_id is None:
        return None
    if not listing.enabled:
        return said.DISABLED.format()
    if listing.qty is not None and rules.quantity(listing.enabled, listing.qty) == 0:
        threshold = rules.out_of_stock_threshold
        return said.OUT_OF_STOCK.format(qty=listing.qty, threshold=threshold)
    return None


def _match(listing: Listing) -> CatalogMatch | None:
    if listing.marketplace_item_id:
        return None
    found = VERDICTS.get(MatchStatus(listing.match_status)) if _known(listing) else None
    return CatalogMatch(found) if found is not None else None


def _known(listing: Listing) -> bool:
    return listing.match_status in {status.value for status in MatchStatus}


def _refused(listing: Listing, kind: str) -> bool:
    return bool(listing.sync_error and listing.sync_error.startswith(f"{kind}:"))
